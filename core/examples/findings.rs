//! Print every finding of the bundled catalog.
fn main() {
    let cat = vardavtal::catalog::catalog();
    let checks = vardavtal::validate::Checks::new().with_packages(&cat.packages);
    for f in vardavtal::validate::validate(&cat.agreements, &checks) {
        println!("{f}");
    }
}
