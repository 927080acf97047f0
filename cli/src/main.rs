//! `vardavtal`: the command-line skin of the vardavtal library. It parses arguments, calls
//! the core and prints; every rule and computation is in the core crate.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use vardavtal::message::Lang;
use vardavtal::view::{AgreementList, Format, SourceView, json, render};
use vardavtal::{Error, Options, Sek, Unit, input};

#[derive(Parser)]
#[command(
    name = "vardavtal",
    version,
    about = "Exact allocation of Swedish state–SKR health care funding agreements (överenskommelser)"
)]
struct Cli {
    /// Language of messages, explanations and headers: sv (svenska) or en (English).
    #[arg(long, global = true, default_value = "en", value_parser = lang)]
    lang: Lang,
    #[command(subcommand)]
    cmd: Cmd,
}

/// `--lang`: sv or en.
fn lang(s: &str) -> Result<Lang, String> {
    s.parse().map_err(|e: Error| e.to_string())
}

/// `--format`: table (aligned, for people), csv (a header; plain decimals), csv-sv (for
/// Swedish Excel: semicolons, decimal comma, a BOM), json (amounts as strings), xlsx (an
/// Excel workbook, bytes: redirect it to a file).
fn format(s: &str) -> Result<Format, String> {
    s.parse().map_err(|e: Error| e.to_string())
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
    /// Fail when money of the agreement is not allocated or a key is chosen by default
    /// (both are notes otherwise).
    #[arg(long)]
    strict: bool,
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
        #[arg(long, default_value = "table", value_parser = format)]
        format: Format,
    },
    /// Allocate every component of an agreement file, by tranche.
    Allocate {
        /// The agreement: a file (JSON) or a catalog id.
        agreement: String,
        #[command(flatten)]
        run: Run,
        /// Output format.
        #[arg(long, default_value = "table", value_parser = format)]
        format: Format,
    },
    /// What can be shown of an agreement now: each recipient's total of the money that can
    /// be allocated, with kr per invånare, and what is missing with what to supply (outcomes,
    /// a key). Never fails on the agreement's gaps: they are listed.
    Shown {
        /// The agreement: a file (JSON) or a catalog id.
        agreement: String,
        #[command(flatten)]
        run: Run,
        /// A key for money whose split the sources do not give (an illustration: marked
        /// supplied_key): population:regions:DATE, … or a CSV file code,weight.
        #[arg(long)]
        assume: Option<String>,
        /// Output format.
        #[arg(long, default_value = "table", value_parser = format)]
        format: Format,
    },
    /// Explain every amount of an agreement's allocation (or one recipient's).
    Explain {
        /// The agreement: a file (JSON) or a catalog id.
        agreement: String,
        #[command(flatten)]
        run: Run,
        /// Only this recipient (code, e.g. 03).
        #[arg(long)]
        recipient: Option<String>,
    },
    /// Per-recipient difference between two scenarios of an agreement.
    Compare {
        /// The agreement of scenario A: a file (JSON) or a catalog id.
        agreement: String,
        #[command(flatten)]
        run: Run,
        /// The agreement of scenario B (default: the same file).
        #[arg(long)]
        against: Option<String>,
        /// The key of scenario B (default: as A).
        #[arg(long)]
        key_b: Option<String>,
        /// The outcomes of scenario B (default: as A).
        #[arg(long)]
        outcomes_b: Option<PathBuf>,
        /// Output format.
        #[arg(long, default_value = "table", value_parser = format)]
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
        #[arg(long, default_value = "table", value_parser = format)]
        format: Format,
    },
    /// List the catalog of real agreements: components and figures with their sources.
    Catalog {
        /// Only agreements covering this year.
        #[arg(long)]
        year: Option<i32>,
        /// Output format.
        #[arg(long, default_value = "table", value_parser = format)]
        format: Format,
    },
    /// For each agreement of the catalog: components, per-region allocation where the rule
    /// allows one, and findings.
    Report {
        /// Only agreements covering this year.
        #[arg(long)]
        year: Option<i32>,
        /// Output format (table is the text report).
        #[arg(long, default_value = "table", value_parser = format)]
        format: Format,
    },
    /// The source and quote behind a catalog figure: ID is a source id (003), an
    /// agreement id, AGREEMENT/COMPONENT, or a package id.
    Source {
        /// What to look up.
        id: String,
        /// Output format.
        #[arg(long, default_value = "table", value_parser = format)]
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
        #[arg(long, default_value = "table", value_parser = format)]
        format: Format,
    },
    /// One region, municipality or SKR across every agreement of the catalog: each amount
    /// with its pot, share, rank, key and kr per invånare, and the money that cannot be
    /// computed yet, with why.
    Recipient {
        /// The recipient's code: 12 (Region Skåne), 0180 (Stockholm), SKR.
        code: String,
        /// Only agreements whose money is usable in this year.
        #[arg(long)]
        year: Option<i32>,
        /// Output format.
        #[arg(long, default_value = "table", value_parser = format)]
        format: Format,
    },
    /// One year: every recipient × every agreement of what can be allocated, the totals
    /// (equal to the pots), what is not allocated, and co-funding apart.
    Year {
        /// The year.
        year: i32,
        /// regions: municipalities' money summed to their region; municipalities: as paid.
        #[arg(long, value_parser = ["regions", "municipalities"])]
        level: Option<String>,
        /// Output format.
        #[arg(long, default_value = "table", value_parser = format)]
        format: Format,
    },
    /// Key-date sensitivity: every population-based pot of the catalog (or of one
    /// agreement) allocated by the population of every bundled date, the date the
    /// convention gives, the largest movers and any paradox of largest remainder.
    Sensitivity {
        /// Only this agreement (a catalog id); then every pot's recipients × dates too.
        agreement: Option<String>,
        /// Only pots keyed by the population of the regions or of the municipalities.
        #[arg(long, value_parser = ["regions", "municipalities"])]
        level: Option<String>,
        /// Output format.
        #[arg(long, default_value = "table", value_parser = format)]
        format: Format,
    },
    /// One recipient's change between two splits (two key dates, two agreements, two
    /// pots), decomposed exactly into the pot's change, its share's change and rounding.
    Change {
        /// The recipient's code: 12 (Region Skåne), 0180 (Stockholm).
        code: String,
        /// The agreement of A: a file (JSON) or a catalog id (its allocatable money must be
        /// split by one key).
        #[arg(long, required_unless_present = "pot_a")]
        agreement: Option<String>,
        /// Only this component of the agreement(s).
        #[arg(long, requires = "agreement")]
        component: Option<String>,
        /// The agreement of B (default: as A).
        #[arg(long, requires = "agreement")]
        against: Option<String>,
        /// The key of A (default: the agreement's own): population:regions:DATE, …
        #[arg(long)]
        key_a: Option<String>,
        /// The key of B (default: as A).
        #[arg(long)]
        key_b: Option<String>,
        /// Without an agreement: the pot of A ("443 miljoner kronor"), split by --key-a.
        #[arg(long, requires = "key_a", conflicts_with = "agreement")]
        pot_a: Option<String>,
        /// Without an agreement: the pot of B (default: as A).
        #[arg(long, requires = "pot_a")]
        pot_b: Option<String>,
        /// Rounding unit.
        #[arg(long, default_value = "krona", value_parser = ["krona", "ore"])]
        unit: String,
        /// Output format.
        #[arg(long, default_value = "table", value_parser = format)]
        format: Format,
    },
    /// Print the JSON Schema of agreement files.
    Schema,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    vardavtal::message::set_lang(cli.lang);
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
    Ok(Options::new()
        .with_unit(run.unit.parse::<Unit>()?)
        .with_key(run.key.as_deref().map(input::key).transpose()?)
        .with_outcomes(
            run.outcomes
                .as_deref()
                .map(outcomes)
                .transpose()?
                .unwrap_or_default(),
        )
        .with_strict(run.strict))
}

fn outcomes(p: &std::path::Path) -> Result<vardavtal::Outcomes, Error> {
    input::outcomes(&p.to_string_lossy())
}

/// Located under the flag it came from.
fn flag<T>(name: &str, r: Result<T, Error>) -> Result<T, Error> {
    r.map_err(|e| e.prefixed(&vardavtal::loc![name]))
}

fn run(cli: Cli) -> Result<ExitCode, Error> {
    let bytes = match cli.cmd {
        Cmd::Split {
            amount,
            key,
            each,
            unit,
            format,
        } => {
            let pot = input::amount(&amount, "amount")?;
            let each = each
                .as_deref()
                .map(|e| input::amount(e, "each"))
                .transpose()?;
            render(
                &vardavtal::split(pot, &input::key(&key)?, each, unit.parse()?)?,
                format,
            )?
        }
        Cmd::Allocate {
            agreement,
            run,
            format,
        } => render(
            &vardavtal::allocate(&input::agreement(&agreement)?, &options(&run)?)?,
            format,
        )?,
        Cmd::Shown {
            agreement,
            run,
            assume,
            format,
        } => {
            let assume = flag("--assume", assume.as_deref().map(input::key).transpose())?;
            let a = input::agreement(&agreement)?;
            render(
                &vardavtal::allocation::shown(&a, &options(&run)?, assume.as_ref())?,
                format,
            )?
        }
        Cmd::Explain {
            agreement,
            run,
            recipient,
        } => {
            let alloc = vardavtal::allocate(&input::agreement(&agreement)?, &options(&run)?)?;
            alloc.explain_text(recipient.as_deref()).into_bytes()
        }
        Cmd::Compare {
            agreement,
            run,
            against,
            key_b,
            outcomes_b,
            format,
        } => {
            let a = input::agreement(&agreement)?;
            let b = against
                .as_deref()
                .map(input::agreement)
                .transpose()?
                .unwrap_or_else(|| a.clone());
            let opts_a = options(&run)?;
            let opts_b = opts_a
                .clone()
                .with_key(
                    key_b
                        .as_deref()
                        .map(input::key)
                        .transpose()?
                        .or_else(|| opts_a.key.clone()),
                )
                .with_outcomes(
                    outcomes_b
                        .as_deref()
                        .map(outcomes)
                        .transpose()?
                        .unwrap_or_else(|| opts_a.outcomes.clone()),
                );
            let cmp = vardavtal::compare(
                &vardavtal::allocate(&a, &opts_a)?,
                &vardavtal::allocate(&b, &opts_b)?,
            );
            render(&cmp, format)?
        }
        Cmd::Schema => json(&vardavtal::schema::agreement_schema()).into_bytes(),
        Cmd::Recipient { code, year, format } => {
            let who = input::recipient(&code);
            let cat = vardavtal::catalog::catalog();
            render(&vardavtal::across::recipient(cat, &who, year)?, format)?
        }
        Cmd::Year {
            year,
            level,
            format,
        } => {
            let level = level.as_deref().map(str::parse).transpose()?;
            let cat = vardavtal::catalog::catalog();
            render(&vardavtal::across::year(cat, year, level), format)?
        }
        Cmd::Sensitivity {
            agreement,
            level,
            format,
        } => {
            let level = level.as_deref().map(str::parse).transpose()?;
            let cat = vardavtal::catalog::catalog();
            render(
                &vardavtal::across::sensitivity(cat, agreement.as_deref(), level)?,
                format,
            )?
        }
        Cmd::Change {
            code,
            agreement,
            component,
            against,
            key_a,
            key_b,
            pot_a,
            pot_b,
            unit,
            format,
        } => {
            let query = vardavtal::across::ChangeQuery::new()
                .with_agreement(agreement.as_deref().map(input::agreement).transpose()?)
                .with_against(against.as_deref().map(input::agreement).transpose()?)
                .with_component(component)
                .with_key_a(flag(
                    "--key-a",
                    key_a.as_deref().map(input::key).transpose(),
                )?)
                .with_key_b(flag(
                    "--key-b",
                    key_b.as_deref().map(input::key).transpose(),
                )?)
                .with_pot_a(flag(
                    "--pot-a",
                    pot_a.as_deref().map(Sek::parse_any).transpose(),
                )?)
                .with_pot_b(flag(
                    "--pot-b",
                    pot_b.as_deref().map(Sek::parse_any).transpose(),
                )?)
                .with_unit(unit.parse()?);
            let change = query.run(&input::recipient(&code))?;
            render(&change, format)?
        }
        Cmd::Reconcile {
            table,
            pot,
            rule,
            format,
        } => {
            let statement = vardavtal::reconcile::Statement::new(
                flag("--pot", pot.as_deref().map(Sek::parse_any).transpose())?,
                flag("--rule", rule.as_deref().map(str::parse).transpose())?,
            );
            let t = input::table(&table.to_string_lossy())?;
            render(&vardavtal::reconcile::reconcile(&t, &statement), format)?
        }
        Cmd::Validate {
            files,
            catalog,
            outcomes: o,
            format,
        } => {
            let o = o.as_deref().map(outcomes).transpose()?;
            let findings = if catalog || files.is_empty() {
                let cat = vardavtal::catalog::catalog();
                vardavtal::validate::validate(cat, &Default::default())
            } else {
                let paths: Vec<String> = files
                    .iter()
                    .map(|f| f.to_string_lossy().into_owned())
                    .collect();
                input::validate_files(&paths, o)
            };
            print(&render(&findings, format)?);
            let failed = findings
                .iter()
                .any(|f| f.severity == vardavtal::Severity::Error);
            return Ok(if failed {
                ExitCode::FAILURE
            } else {
                ExitCode::SUCCESS
            });
        }
        Cmd::Catalog { year, format } => {
            let cat = vardavtal::catalog::catalog();
            let list = match year {
                Some(y) => cat.for_year(y),
                None => cat.agreements.iter().collect(),
            };
            render(&AgreementList(list), format)?
        }
        Cmd::Report { year, format } => render(
            &vardavtal::report::report(vardavtal::catalog::catalog(), year),
            format,
        )?,
        Cmd::Source { id, format } => render(&SourceView::find(&id)?, format)?,
    };
    print(&bytes);
    Ok(ExitCode::SUCCESS)
}

/// A closed pipe (e.g. `| head`) is not an error worth a message.
fn print(bytes: &[u8]) {
    let _ = std::io::stdout().lock().write_all(bytes);
}
