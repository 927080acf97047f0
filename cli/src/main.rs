//! `vardavtal`: the command-line skin of the vardavtal library. It parses arguments, calls
//! the core and prints; every rule and computation is in the core crate.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use comfy_table::{CellAlignment, Table, presets};
use vardavtal::swedish::format_kr;
use vardavtal::{Allocation, Error, Key, Options, Outcomes, Sek, Unit};

#[derive(Parser)]
#[command(
    name = "vardavtal",
    version,
    about = "Exact allocation of Swedish state–SKR health care funding agreements (överenskommelser)"
)]
struct Cli {
    #[command(subcommand)]
    cmd: Cmd,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    /// Aligned table for people.
    Table,
    /// CSV with a header; amounts as plain decimals.
    Csv,
    /// JSON; amounts as strings.
    Json,
}

#[derive(clap::Args)]
struct Run {
    /// Performance outcomes (JSON: criterion id → recipient code → {value, previous, met}).
    #[arg(long)]
    outcomes: Option<PathBuf>,
    /// Replace the key of key-based rules at the same level: population:regions:DATE,
    /// population:municipalities:DATE, needs:regions:2024, or a CSV file code,weight.
    #[arg(long)]
    key: Option<String>,
    /// Rounding unit.
    #[arg(long, default_value = "krona", value_parser = ["krona", "ore"])]
    unit: String,
}

#[derive(Subcommand)]
enum Cmd {
    /// Split an amount by a key, in whole kronor by largest remainder.
    Split {
        /// The pot: "443000000", "443 miljoner kronor", "1,6 miljarder".
        amount: String,
        /// population:regions:DATE, population:municipalities:DATE, needs:regions:2024,
        /// or a CSV file with columns code,weight.
        #[arg(long)]
        key: String,
        /// Give every recipient of the key this amount first, then split the rest by the key.
        #[arg(long)]
        each: Option<String>,
        /// Rounding unit.
        #[arg(long, default_value = "krona", value_parser = ["krona", "ore"])]
        unit: String,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// Allocate every component of an agreement file, by tranche.
    Allocate {
        /// The agreement (JSON).
        agreement: PathBuf,
        #[command(flatten)]
        run: Run,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// Explain every amount of an agreement's allocation (or one recipient's).
    Explain {
        /// The agreement (JSON).
        agreement: PathBuf,
        #[command(flatten)]
        run: Run,
        /// Only this recipient (code, e.g. 03).
        #[arg(long)]
        recipient: Option<String>,
    },
    /// Per-recipient difference between two scenarios of an agreement.
    Compare {
        /// The agreement (JSON) of scenario A.
        agreement: PathBuf,
        #[command(flatten)]
        run: Run,
        /// The agreement of scenario B (default: the same file).
        #[arg(long)]
        against: Option<PathBuf>,
        /// The key of scenario B (default: as A).
        #[arg(long)]
        key_b: Option<String>,
        /// The outcomes of scenario B (default: as A).
        #[arg(long)]
        outcomes_b: Option<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// Validate agreement files, or the bundled catalog: every finding, with a stable code.
    /// Exits non-zero when there are errors.
    Validate {
        /// Agreement files (JSON).
        files: Vec<PathBuf>,
        /// Validate the bundled catalog.
        #[arg(long, conflicts_with = "files")]
        catalog: bool,
        /// Also check that performance rules have outcomes for every recipient.
        #[arg(long)]
        outcomes: Option<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// List the catalog of real agreements: components and figures with their sources.
    Catalog {
        /// Only agreements covering this year.
        #[arg(long)]
        year: Option<i32>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// For each agreement of the catalog: components, per-region allocation where the rule
    /// allows one, and findings.
    Report {
        /// Only agreements covering this year.
        #[arg(long)]
        year: Option<i32>,
        /// Output format (table is the text report).
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// The source and quote behind a catalog figure: ID is a source id (003), an
    /// agreement id, AGREEMENT/COMPONENT, or a package id.
    Source {
        /// What to look up.
        id: String,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// Check a published per-region table (CSV, or text pasted from a web page or PDF)
    /// against the model: totals, regions, digit grouping, the key and rounding behind it.
    Reconcile {
        /// The table file.
        table: PathBuf,
        /// The pot the publisher states ("1 382 000 000 kr", "1,382 miljarder").
        #[arg(long)]
        pot: Option<String>,
        /// The rule the publisher states: population, need, or fixed-plus-population:AMOUNT.
        #[arg(long)]
        rule: Option<String>,
        /// Output format (table is the per-row report).
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// Print the JSON Schema of agreement files.
    Schema,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            for f in e.findings() {
                eprintln!("{f}");
            }
            ExitCode::FAILURE
        }
    }
}

fn options(run: &Run) -> Result<Options, Error> {
    Ok(Options {
        unit: run.unit.parse::<Unit>()?,
        key: run.key.as_deref().map(Key::from_arg).transpose()?,
        outcomes: run
            .outcomes
            .as_deref()
            .map(Outcomes::from_file)
            .transpose()?
            .unwrap_or_default(),
        ..Options::default()
    })
}

fn run(cli: Cli) -> Result<ExitCode, Error> {
    let mut out = std::io::stdout().lock();
    let text = match cli.cmd {
        Cmd::Split {
            amount,
            key,
            each,
            unit,
            format,
        } => {
            let pot = Sek::parse_any(&amount)?;
            let each = each.as_deref().map(Sek::parse_any).transpose()?;
            let alloc = vardavtal::split(pot, &Key::from_arg(&key)?, each, unit.parse()?)?;
            render(&alloc, format)
        }
        Cmd::Allocate {
            agreement,
            run,
            format,
        } => {
            let a = vardavtal::Agreement::from_file(&agreement)?;
            render(&vardavtal::allocate(&a, &options(&run)?)?, format)
        }
        Cmd::Explain {
            agreement,
            run,
            recipient,
        } => {
            let a = vardavtal::Agreement::from_file(&agreement)?;
            let alloc = vardavtal::allocate(&a, &options(&run)?)?;
            let mut s = String::new();
            for r in alloc.rows.iter().filter(|r| {
                recipient
                    .as_deref()
                    .is_none_or(|x| r.recipient.as_str() == x)
            }) {
                s.push_str(&r.explain());
                s.push('\n');
            }
            for n in &alloc.notes {
                s.push_str(&format!("note: {}\n", n.msg));
            }
            s
        }
        Cmd::Compare {
            agreement,
            run,
            against,
            key_b,
            outcomes_b,
            format,
        } => {
            let a = vardavtal::Agreement::from_file(&agreement)?;
            let b = match &against {
                Some(p) => vardavtal::Agreement::from_file(p)?,
                None => a.clone(),
            };
            let opts_a = options(&run)?;
            let opts_b = Options {
                key: match key_b.as_deref() {
                    Some(k) => Some(Key::from_arg(k)?),
                    None => opts_a.key.clone(),
                },
                outcomes: match outcomes_b.as_deref() {
                    Some(p) => Outcomes::from_file(p)?,
                    None => opts_a.outcomes.clone(),
                },
                ..opts_a.clone()
            };
            let cmp = vardavtal::compare(
                &vardavtal::allocate(&a, &opts_a)?,
                &vardavtal::allocate(&b, &opts_b)?,
            );
            match format {
                Format::Json => json(&cmp),
                Format::Csv => csv_text(
                    &["code", "name", "a", "b", "diff"],
                    cmp.rows.iter().map(|r| {
                        vec![
                            r.recipient.clone(),
                            r.name.clone(),
                            r.a.to_string(),
                            r.b.to_string(),
                            r.diff.to_string(),
                        ]
                    }),
                ),
                Format::Table => {
                    let mut t = table(&["code", "name", "A", "B", "B − A"]);
                    for r in &cmp.rows {
                        t.add_row(vec![
                            r.recipient.clone(),
                            r.name.clone(),
                            format_kr(r.a.value()),
                            format_kr(r.b.value()),
                            format_kr(r.diff.value()),
                        ]);
                    }
                    t.add_row(vec![
                        "".into(),
                        "total difference".into(),
                        "".into(),
                        "".into(),
                        format_kr(cmp.total_diff().value()),
                    ]);
                    format!("{t}\n")
                }
            }
        }
        Cmd::Schema => json(&vardavtal::schema::agreement_schema()),
        Cmd::Reconcile {
            table,
            pot,
            rule,
            format,
        } => {
            use vardavtal::reconcile::{PublishedTable, Statement, reconcile};
            let text = vardavtal::json::read_text(&table)?;
            let t = PublishedTable::parse(&table.display().to_string(), &text)?;
            let statement = Statement {
                pot: pot
                    .as_deref()
                    .map(Sek::parse_any)
                    .transpose()
                    .map_err(|e| e.prefixed(&vardavtal::loc!["--pot"]))?,
                rule: rule
                    .as_deref()
                    .map(str::parse)
                    .transpose()
                    .map_err(|e: Error| e.prefixed(&vardavtal::loc!["--rule"]))?,
            };
            let r = reconcile(&t, &statement);
            match format {
                Format::Json => json(&r),
                Format::Csv => csv_text(
                    &[
                        "line",
                        "code",
                        "name",
                        "published",
                        "expected",
                        "diff",
                        "verdict",
                    ],
                    r.rows.iter().map(|v| {
                        vec![
                            v.line.to_string(),
                            v.recipient
                                .as_ref()
                                .map(ToString::to_string)
                                .unwrap_or_default(),
                            v.name.clone(),
                            v.amount.map(|a| a.to_string()).unwrap_or_default(),
                            v.expected.map(|a| a.to_string()).unwrap_or_default(),
                            v.diff.map(|a| a.to_string()).unwrap_or_default(),
                            v.verdict.as_str().to_owned(),
                        ]
                    }),
                ),
                Format::Table => r.to_string(),
            }
        }
        Cmd::Validate {
            files,
            catalog,
            outcomes,
            format,
        } => {
            let findings = if catalog || files.is_empty() {
                vardavtal::validate::validate_catalog()
            } else {
                // Files that do not parse are findings too; the others are validated together.
                let mut findings = Vec::new();
                let mut agreements = Vec::new();
                for f in &files {
                    match vardavtal::Agreement::from_file(f) {
                        Ok(a) => agreements.push(a),
                        Err(e) => findings.extend(e.into_findings()),
                    }
                }
                match outcomes.as_deref().map(Outcomes::from_file).transpose()? {
                    Some(o) => findings.extend(vardavtal::validate::validate_with_options(
                        &agreements,
                        &Options {
                            outcomes: o,
                            ..Options::default()
                        },
                    )),
                    None => findings.extend(vardavtal::validate::validate_all(&agreements)),
                }
                findings
            };
            let failed = findings
                .iter()
                .any(|f| f.severity == vardavtal::Severity::Error);
            let text = match format {
                Format::Json => json(&findings),
                Format::Csv => csv_text(
                    &["code", "severity", "loc", "msg"],
                    findings.iter().map(|f| {
                        vec![
                            f.code.to_string(),
                            f.severity.to_string(),
                            f.loc.to_string(),
                            f.msg.clone(),
                        ]
                    }),
                ),
                Format::Table => {
                    let mut s: String = findings.iter().map(|f| format!("{f}\n")).collect();
                    s.push_str(&vardavtal::finding::tally(&findings));
                    s.push('\n');
                    s
                }
            };
            let _ = out.write_all(text.as_bytes());
            return Ok(if failed {
                ExitCode::FAILURE
            } else {
                ExitCode::SUCCESS
            });
        }
        Cmd::Catalog { year, format } => {
            let cat = vardavtal::catalog::catalog()?;
            let list: Vec<&vardavtal::Agreement> = cat
                .agreements
                .iter()
                .filter(|a| year.is_none_or(|y| a.years.contains(&y)))
                .collect();
            match format {
                Format::Json => json(&list),
                Format::Csv => csv_text(
                    &["id", "title", "years", "kind", "amount", "source", "quote"],
                    list.iter().map(|a| {
                        let src = a.amount.as_ref().and_then(|f| f.source.clone());
                        vec![
                            a.id.clone(),
                            a.title.clone(),
                            a.years
                                .iter()
                                .map(ToString::to_string)
                                .collect::<Vec<_>>()
                                .join(" "),
                            a.kind.as_str().to_owned(),
                            a.amount
                                .as_ref()
                                .map(|f| f.value.to_string())
                                .unwrap_or_default(),
                            src.as_ref().map(|s| s.source.clone()).unwrap_or_default(),
                            src.map(|s| s.quote).unwrap_or_default(),
                        ]
                    }),
                ),
                Format::Table => {
                    let mut s = String::new();
                    for a in list {
                        let r = vardavtal::report::AgreementReport {
                            agreement: a.clone(),
                            components: vardavtal::report::component_lines(a),
                            allocations: Vec::new(),
                            findings: Vec::new(),
                        };
                        s.push_str(&format!("{r}\n"));
                    }
                    s
                }
            }
        }
        Cmd::Report { year, format } => {
            let r = vardavtal::report::report(vardavtal::catalog::catalog()?, year);
            match format {
                Format::Json => json(&r),
                _ => r.to_string(),
            }
        }
        Cmd::Source { id, format } => {
            let cat = vardavtal::catalog::catalog()?;
            if let Some(src) = cat.source(&id) {
                match format {
                    Format::Json => json(src),
                    _ => format!(
                        "{} — {}\npublisher: {}\npublished: {}\nfile: core/catalog/sources/{}\n\n{}\n",
                        src.id,
                        src.title,
                        src.publisher,
                        src.published
                            .map_or("not stated".to_owned(), |d| d.to_string()),
                        src.file,
                        src.text
                    ),
                }
            } else {
                let cites = vardavtal::report::citations(cat, &id)?;
                match format {
                    Format::Json => json(&cites),
                    _ => cites
                        .iter()
                        .map(|c| {
                            format!(
                                "{}: {}\n  source: {}\n  text: {}\n",
                                c.what,
                                c.figure.cite(),
                                c.source_title.as_deref().unwrap_or("(none)"),
                                c.context
                                    .as_deref()
                                    .unwrap_or("(quote not found in the text)")
                            )
                        })
                        .collect(),
                }
            }
        }
    };
    // A closed pipe (e.g. `| head`) is not an error worth a message.
    let _ = out.write_all(text.as_bytes());
    Ok(ExitCode::SUCCESS)
}

fn json<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_string_pretty(v)
        .map(|s| s + "\n")
        .unwrap_or_default()
}

fn table(header: &[&str]) -> Table {
    let mut t = Table::new();
    t.load_style(presets::ASCII_MARKDOWN);
    t.set_header(header.to_vec());
    t
}

fn csv_text(header: &[&str], rows: impl Iterator<Item = Vec<String>>) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    let _ = w.write_record(header);
    for r in rows {
        let _ = w.write_record(&r);
    }
    w.into_inner()
        .ok()
        .and_then(|b| String::from_utf8(b).ok())
        .unwrap_or_default()
}

fn render(alloc: &Allocation, format: Format) -> String {
    match format {
        Format::Json => json(alloc),
        Format::Csv => alloc.to_csv(),
        Format::Table => {
            let p = alloc.pivot();
            // One column per pot, and a total column when there is more than one pot.
            let many = p.columns.len() > 1;
            let mut header: Vec<String> = vec!["code".into(), "name".into()];
            header.extend(p.columns.iter().map(|c| c.header()));
            if many {
                header.push("total".into());
            }
            let mut t = table(&header.iter().map(String::as_str).collect::<Vec<_>>());
            for r in &p.rows {
                let mut row = vec![r.recipient.to_string(), r.name.clone()];
                row.extend(r.amounts.iter().map(|a| format_kr(a.value())));
                if many {
                    row.push(format_kr(r.total.value()));
                }
                t.add_row(row);
            }
            let mut tot = vec![String::new(), "total".to_owned()];
            tot.extend(p.totals.iter().map(|a| format_kr(a.value())));
            if many {
                tot.push(format_kr(p.total.value()));
            }
            t.add_row(tot);
            for i in 2..(p.columns.len() + 3) {
                if let Some(c) = t.column_mut(i) {
                    c.set_cell_alignment(CellAlignment::Right);
                }
            }
            let mut s = format!("{t}\n");
            for pot in &alloc.pots {
                s.push_str(&format!(
                    "{}: {} by {}{}\n",
                    PotLabel(pot),
                    format_kr(pot.amount.value()),
                    pot.rule,
                    pot.key
                        .as_ref()
                        .map(|k| format!(" ({k})"))
                        .unwrap_or_default()
                ));
            }
            for n in &alloc.notes {
                s.push_str(&format!("note: {}\n", n.msg));
            }
            s
        }
    }
}

struct PotLabel<'a>(&'a vardavtal::Pot);
impl std::fmt::Display for PotLabel<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let p = self.0;
        write!(f, "{}/{}", p.agreement, p.component)?;
        if let Some(t) = &p.tranche {
            write!(f, "/{t}")?;
        }
        if let Some(d) = p.date {
            write!(f, " ({d})")?;
        }
        Ok(())
    }
}
