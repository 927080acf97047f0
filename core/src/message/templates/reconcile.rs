//! The templates of the findings that `reconcile/`, `money/` and `view/` report.

super::templates! {}
