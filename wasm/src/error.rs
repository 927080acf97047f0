//! `VardavtalError`: the JavaScript `Error` subclass every failure is thrown as.
//!
//! The class lives in `js/error.js` (a wasm-bindgen snippet) and is re-exported by the
//! package. Its fields are the core's finding shape: `code`, `severity`, `loc`, `msg`,
//! `ctx` of the first finding, and `errors`, every finding.

use vardavtal::{Code, Error, Loc};
use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/js/error.js")]
extern "C" {
    /// The error thrown by every function of the package.
    #[wasm_bindgen(extends = js_sys::Error)]
    pub type VardavtalError;

    #[wasm_bindgen(constructor)]
    fn new(message: &str, findings: JsValue) -> VardavtalError;

    // Not called: it re-exports the class from the package, so that JS can test
    // `err instanceof VardavtalError`. Its TypeScript declaration is below.
    #[wasm_bindgen(js_name = VardavtalError, reexport, skip_typescript)]
    #[allow(dead_code)]
    fn vardavtal_error_class();
}

#[wasm_bindgen(typescript_custom_section)]
const VARDAVTAL_ERROR: &str = r#"
/** The error every function throws (js/error.js): the first finding's fields, and every finding. */
export declare class VardavtalError extends Error {
  private constructor();
  readonly name: "VardavtalError";
  readonly code: Code;
  readonly severity: Severity;
  readonly loc: Loc;
  readonly msg: string;
  readonly ctx: Record<string, string>;
  /** Every finding, the first one first. */
  readonly errors: Finding[];
}
"#;

/// A core error as a `VardavtalError`, ready to throw.
pub fn to_js(e: &Error) -> JsValue {
    let e = e.clone().in_lang(vardavtal::message::Lang::current());
    let findings = crate::convert::to_value(e.findings()).unwrap_or(JsValue::UNDEFINED);
    VardavtalError::new(&e.to_string(), findings).into()
}

/// An `invalid_value` error at `loc` (for values of the wrong JavaScript type).
pub fn invalid(code: Code, loc: Loc, msg: impl Into<String>) -> Error {
    Error::new(code, loc, msg)
}

/// The result type of the exported functions: errors are thrown as `VardavtalError`.
pub type JsResult<T> = Result<T, JsValue>;

/// Convert a core result into one whose error is a `VardavtalError`.
pub trait IntoJs<T> {
    /// Map the error to a `VardavtalError`.
    fn js(self) -> JsResult<T>;
}

impl<T> IntoJs<T> for vardavtal::Result<T> {
    fn js(self) -> JsResult<T> {
        self.map_err(|e| to_js(&e))
    }
}
