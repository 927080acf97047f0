//! The templates of the findings that `validate/` and `catalog/` report.

super::templates! {}
