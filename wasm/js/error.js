// The error vardavtal throws to JavaScript: an `Error` whose message is the core's text of
// every finding, carrying the first finding's `code`, `severity`, `loc`, `msg` and `ctx`
// (the same shape as in Rust, Python and JSON) and `errors`, every finding.
// The package re-exports it as `VardavtalError`, so `err instanceof VardavtalError` works.
export class VardavtalError extends Error {
  constructor(message, findings) {
    super(message);
    const list = Array.isArray(findings) ? findings : [];
    const first = list[0] || {};
    this.name = "VardavtalError";
    this.code = first.code;
    this.severity = first.severity;
    this.loc = first.loc;
    this.msg = first.msg;
    this.ctx = first.ctx;
    this.errors = list;
  }
}
