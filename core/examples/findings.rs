//! Print every finding of the bundled catalog.
fn main() {
    for f in vardavtal::validate::validate_catalog() {
        println!("{f}");
    }
}
