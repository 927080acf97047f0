//! Print every finding of the bundled catalog.
fn main() {
    let cat = vardavtal::catalog::catalog();
    for f in vardavtal::validate::validate(cat, &Default::default()) {
        println!("{f}");
    }
}
