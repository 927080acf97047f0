//! Python skin of vardavtal (work in progress).
