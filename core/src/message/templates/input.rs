//! The templates of the findings that `model/` and `input/` report.

super::templates! {}
