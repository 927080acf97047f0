//! Reconciling a published per-region table against the model (work in progress).
