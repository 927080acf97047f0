//! WebAssembly skin of vardavtal (work in progress).
