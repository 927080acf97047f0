//! The templates of the findings that `allocate` reports.

super::templates! {}
