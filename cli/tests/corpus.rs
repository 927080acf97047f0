//! The bad-input corpus (tests/corpus/manifest.json) through the command line: every input
//! gives exit code 1 and the expected `error[code] at loc: message` (or the expected JSON
//! finding from `validate --format json`), or succeeds where it should; never a panic.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_vardavtal"))
        .args(args)
        .current_dir(root())
        .output()
        .unwrap()
}

/// A location as the CLI prints it: `file.json.components[0].amount`, `(root)` when empty.
fn display(loc: &[Value]) -> String {
    if loc.is_empty() {
        return "(root)".into();
    }
    let mut s = String::new();
    for (i, p) in loc.iter().enumerate() {
        match p {
            Value::Number(n) => s.push_str(&format!("[{n}]")),
            // a user's step (a code with an ANSI escape) is shown escaped
            Value::String(k) if i == 0 => s.push_str(&vardavtal::escape::shown(k)),
            Value::String(k) => s.push_str(&format!(".{}", vardavtal::escape::shown(k))),
            other => panic!("bad loc part {other}"),
        }
    }
    s
}

struct Want {
    code: String,
    loc: Vec<Value>,
    prefix: bool,
}

fn want(x: &Value) -> Option<Want> {
    Some(Want {
        code: x.get("code")?.as_str()?.to_owned(),
        loc: x.get("loc")?.as_array()?.clone(),
        prefix: x
            .get("loc_prefix")
            .and_then(Value::as_bool)
            .unwrap_or(false),
    })
}

fn with_prefix(prefix: Option<&str>, loc: &[Value]) -> Vec<Value> {
    prefix
        .map(|p| Value::String(p.to_owned()))
        .into_iter()
        .chain(loc.iter().cloned())
        .collect()
}

struct Failures(Vec<String>);

impl Failures {
    /// The run did not crash: exit 0 or 1, no panic message.
    fn sane(&mut self, name: &str, args: &[&str], o: &Output) {
        let err = String::from_utf8_lossy(&o.stderr);
        if !matches!(o.status.code(), Some(0 | 1)) || err.contains("panicked") {
            self.0
                .push(format!("{name}: {args:?} crashed ({:?}): {err}", o.status));
        }
    }

    /// Exit 1 and the first stderr line is `error[code] at loc: …`; or exit 0 when no
    /// error is expected.
    fn stderr(&mut self, name: &str, args: &[&str], w: &Option<Want>, file: Option<&str>) {
        let o = run(args);
        self.sane(name, args, &o);
        let err = String::from_utf8_lossy(&o.stderr);
        let first = err.lines().next().unwrap_or("");
        match w {
            None if !o.status.success() => {
                self.0
                    .push(format!("{name}: {args:?} should succeed, got {first}"));
            }
            None => {}
            Some(w) => {
                let head = format!(
                    "error[{}] at {}",
                    w.code,
                    display(&with_prefix(file, &w.loc))
                );
                let ok = o.status.code() == Some(1)
                    && if w.prefix {
                        first.starts_with(&head)
                    } else {
                        first.starts_with(&format!("{head}: ")) && first.len() > head.len() + 2
                    };
                if !ok {
                    self.0.push(format!(
                        "{name}: {args:?}: expected exit 1 and {head}: …, got {:?} {first}",
                        o.status.code()
                    ));
                }
            }
        }
    }

    /// `validate … --format json`: exit 1 and the first finding of severity error has the
    /// code and loc; or exit 0 and no error finding.
    fn validate_json(&mut self, name: &str, files: &[&str], w: &Option<Want>, file: Option<&str>) {
        let mut args = vec!["validate", "--format", "json"];
        args.extend(files);
        let o = run(&args);
        self.sane(name, &args, &o);
        let findings: Value = match serde_json::from_slice(&o.stdout) {
            Ok(v) => v,
            Err(e) => {
                return self.0.push(format!(
                    "{name}: validate printed no JSON ({e}): {}",
                    String::from_utf8_lossy(&o.stderr)
                ));
            }
        };
        let first = findings
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["severity"] == "error");
        match (w, first) {
            (None, None) if o.status.success() => {}
            (None, _) => self.0.push(format!(
                "{name}: validate: expected no error, got {first:?}"
            )),
            (Some(w), Some(f)) => {
                let loc = f["loc"].as_array().unwrap();
                let want_loc = with_prefix(file, &w.loc);
                let loc_ok = if w.prefix {
                    loc.starts_with(&want_loc)
                } else {
                    *loc == want_loc
                };
                if f["code"] != w.code.as_str() || !loc_ok || o.status.code() != Some(1) {
                    self.0.push(format!(
                        "{name}: validate: expected {} at {want_loc:?}, got {} at {loc:?} (exit {:?})",
                        w.code,
                        f["code"],
                        o.status.code()
                    ));
                }
                for k in ["code", "severity", "loc", "msg", "ctx"] {
                    assert!(f.get(k).is_some(), "{name}: finding without {k}");
                }
            }
            (Some(w), None) => {
                self.0.push(format!(
                    "{name}: validate: expected {}, got no error finding",
                    w.code
                ));
            }
        }
    }
}

#[test]
fn every_corpus_input_through_the_cli() {
    let text = std::fs::read_to_string(root().join("tests/corpus/manifest.json")).unwrap();
    let entries: Vec<Value> = serde_json::from_str(&text).unwrap();
    let mut f = Failures(Vec::new());
    for e in &entries {
        let kind = e["kind"].as_str().unwrap();
        let stage = e["stage"].as_str().unwrap();
        let w = want(&e["expect"]);
        let files: Vec<String> = match e.get("files") {
            Some(fs) => fs
                .as_array()
                .unwrap()
                .iter()
                .map(|f| format!("tests/corpus/{}", f.as_str().unwrap()))
                .collect(),
            None => vec![format!("tests/corpus/{}", e["file"].as_str().unwrap())],
        };
        let file = files[0].as_str();
        let name = file;
        match kind {
            "agreement" => {
                let prefix = (stage == "parse").then_some(file);
                // validate: the error finding (parse errors carry the file name).
                let vw = if stage == "allocate" {
                    None
                } else {
                    want(&e["expect"])
                };
                f.validate_json(name, &[file], &vw, prefix);
                // allocate: the same parse error, the expected allocation error, or success.
                let aw = match stage {
                    "parse" | "allocate" => Some(want(&e["expect"])),
                    _ => e.get("allocate").map(want),
                };
                let strict = e.get("strict").and_then(Value::as_bool) == Some(true);
                match aw {
                    Some(aw) if strict => f.stderr(
                        name,
                        &["allocate", file, "--format", "json", "--strict"],
                        &aw,
                        prefix,
                    ),
                    Some(aw) => {
                        f.stderr(name, &["allocate", file, "--format", "json"], &aw, prefix)
                    }
                    None => {
                        let args = ["allocate", file, "--format", "json"];
                        let o = run(&args);
                        f.sane(name, &args, &o);
                    }
                }
                // The table and explanations of an allocation never crash either.
                for args in [vec!["allocate", file], vec!["explain", file]] {
                    let o = run(&args);
                    f.sane(name, &args, &o);
                }
            }
            "agreement_set" => {
                let fs: Vec<&str> = files.iter().map(String::as_str).collect();
                f.validate_json(name, &fs, &w, None);
            }
            "key_csv" => {
                let pot = e.get("pot").and_then(Value::as_str).unwrap_or("1000");
                let prefix = (stage != "split").then_some(file);
                f.stderr(name, &["split", "--key", file, "--", pot], &w, prefix);
            }
            "amount" => {
                let amount = std::fs::read_to_string(root().join(file)).unwrap();
                let unit = e.get("unit").and_then(Value::as_str).unwrap_or("krona");
                f.stderr(
                    name,
                    &[
                        "split",
                        "--key",
                        "population:regions:2021-11-01",
                        "--unit",
                        unit,
                        "--format",
                        "json",
                        "--",
                        &amount,
                    ],
                    &w,
                    // the pot's own errors are located at the argument, `amount`
                    w.as_ref()
                        .filter(|w| {
                            stage == "parse"
                                || ["negative_amount", "amount_finer_than_unit"]
                                    .contains(&w.code.as_str())
                        })
                        .map(|_| "amount"),
                );
            }
            "outcomes" => {
                f.stderr(
                    name,
                    &[
                        "allocate",
                        "examples/demo-agreement.json",
                        "--outcomes",
                        file,
                    ],
                    &w,
                    Some(file),
                );
            }
            other => panic!("unknown kind {other}"),
        }
    }
    assert!(
        f.0.is_empty(),
        "{} problems over {} corpus entries:\n{}",
        f.0.len(),
        entries.len(),
        f.0.join("\n")
    );
}

/// A large key CSV through the CLI: refused with a bounded error list, in bounded time and
/// memory (measured with /usr/bin/time when it is there). 10 MB by default; set
/// VARDAVTAL_LARGE_MB=100 for the full size.
#[test]
fn large_key_csv_through_the_cli() {
    let mb: usize = std::env::var("VARDAVTAL_LARGE_MB")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(10);
    let dir = std::env::temp_dir().join(format!("vardavtal-cli-large-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("big.csv");
    let mut s = String::from("code,weight\n");
    let codes = [
        "01", "03", "04", "05", "06", "07", "08", "09", "10", "12", "13",
    ];
    let mut i = 0;
    while s.len() < mb * 1_000_000 {
        s.push_str(codes[i % codes.len()]);
        s.push_str(",1234.5\n");
        i += 1;
    }
    std::fs::write(&file, &s).unwrap();
    drop(s);
    let path = file.display().to_string();
    let time = Path::new("/usr/bin/time").exists();
    let t0 = std::time::Instant::now();
    let o = if time {
        Command::new("/usr/bin/time")
            .args([
                "-v",
                env!("CARGO_BIN_EXE_vardavtal"),
                "split",
                "--key",
                &path,
                "--",
                "1000",
            ])
            .output()
            .unwrap()
    } else {
        run(&["split", "--key", &path, "--", "1000"])
    };
    let secs = t0.elapsed().as_secs_f64();
    std::fs::remove_dir_all(&dir).ok();
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{}", &err[..err.len().min(2000)]);
    assert!(
        err.starts_with("error[duplicate_recipient]"),
        "{}",
        &err[..err.len().min(500)]
    );
    let errors = err.lines().filter(|l| l.starts_with("error[")).count();
    assert!(
        errors <= 1000,
        "{errors} error lines for {mb} MB: the list must be bounded"
    );
    let peak_kb: Option<u64> = err
        .lines()
        .find(|l| l.contains("Maximum resident set size"))
        .and_then(|l| l.rsplit(' ').next())
        .and_then(|v| v.trim().parse().ok());
    eprintln!(
        "split --key {mb} MB CSV: {secs:.2} s, peak RSS {}",
        peak_kb.map_or("unknown".into(), |k| format!("{} MB", k / 1000))
    );
    assert!(secs < 120.0, "{secs} s");
    if let Some(k) = peak_kb {
        assert!(k < 2_000_000, "peak RSS {} MB", k / 1000);
    }
}
