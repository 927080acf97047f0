//! Compiles the bundled SCB reference data (`data/*.csv`) into static tables, so that a
//! malformed data file fails the build instead of a user's program.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::fmt::Write as _;
use std::{env, fs, path::Path};

fn rows(file: &str, header: &str) -> Vec<Vec<String>> {
    println!("cargo::rerun-if-changed=data/{file}");
    let text = fs::read_to_string(Path::new("data").join(file)).expect(file);
    let mut lines = text.lines();
    assert_eq!(lines.next(), Some(header), "{file}: unexpected header");
    let n = header.split(',').count();
    lines
        .filter(|l| !l.trim().is_empty())
        .enumerate()
        .map(|(i, l)| {
            let cols: Vec<String> = l.split(',').map(str::to_owned).collect();
            assert_eq!(cols.len(), n, "{file}:{}: expected {n} columns", i + 2);
            cols
        })
        .collect()
}

fn date(s: &str) -> (i32, u32, u32) {
    let p: Vec<&str> = s.split('-').collect();
    assert_eq!(p.len(), 3, "bad date {s}");
    (
        p[0].parse().unwrap(),
        p[1].parse().unwrap(),
        p[2].parse().unwrap(),
    )
}

/// The README's Rust examples run as doctests (`lib.rs`'s `ReadmeDoctests`) in the repository
/// only: they read the repository's files (`examples/`), which the packaged crate does not
/// have. In the repository the README is `../README.md` and there is none beside Cargo.toml;
/// in a package (cargo's, or maturin's sdist) its copy is beside Cargo.toml.
fn readme_doctests() {
    println!("cargo::rustc-check-cfg=cfg(readme_doctests)");
    let dir = Path::new(&env::var("CARGO_MANIFEST_DIR").unwrap()).to_path_buf();
    if !dir.join("README.md").exists() && dir.join("../README.md").exists() {
        println!("cargo::rustc-cfg=readme_doctests");
    }
}

fn main() {
    readme_doctests();
    let mut out = String::new();
    let regions = rows("regions.csv", "region_code,region_name,county_name");
    assert_eq!(regions.len(), 21);
    assert!(
        regions.windows(2).all(|w| w[0][0] < w[1][0]),
        "regions.csv must be in code order"
    );
    out.push_str("/// The 21 regions.\npub static REGIONS: &[Region] = &[\n");
    for r in &regions {
        assert!(r[0].len() == 2 && r[0].bytes().all(|b| b.is_ascii_digit()));
        writeln!(
            out,
            "    Region {{ code: {:?}, name: {:?}, county: {:?} }},",
            r[0], r[1], r[2]
        )
        .unwrap();
    }
    out.push_str("];\n");

    let munis = rows(
        "municipalities.csv",
        "municipality_code,municipality_name,region_code",
    );
    assert_eq!(munis.len(), 290);
    assert!(
        munis.windows(2).all(|w| w[0][0] < w[1][0]),
        "municipalities.csv must be in code order"
    );
    out.push_str("/// The 290 municipalities.\npub static MUNICIPALITIES: &[Municipality] = &[\n");
    for m in &munis {
        assert!(m[0].len() == 4 && m[0].bytes().all(|b| b.is_ascii_digit()));
        assert!(
            regions.iter().any(|r| r[0] == m[2]),
            "unknown region {}",
            m[2]
        );
        writeln!(
            out,
            "    Municipality {{ code: {:?}, name: {:?}, region: {:?} }},",
            m[0], m[1], m[2]
        )
        .unwrap();
    }
    out.push_str("];\n");

    for (file, header, name, level) in [
        (
            "population_regions.csv",
            "region_code,reference_date,population,source",
            "POPULATION_REGIONS",
            "regions",
        ),
        (
            "population_municipalities.csv",
            "municipality_code,reference_date,population,source",
            "POPULATION_MUNICIPALITIES",
            "municipalities",
        ),
    ] {
        let rs = rows(file, header);
        writeln!(out, "/// Population of the {level} at reference dates (code, (year, month, day), population, source id).").unwrap();
        writeln!(out, "pub static {name}: &[PopulationRow] = &[").unwrap();
        for r in &rs {
            let (y, m, d) = date(&r[1]);
            let p: u64 = r[2].parse().expect("population");
            writeln!(out, "    PopulationRow {{ code: {:?}, date: ({y}, {m}, {d}), population: {p}, source: {:?} }},", r[0], r[3]).unwrap();
        }
        out.push_str("];\n");
    }

    let needs = rows("needs_key_regions_2024.csv", "region_code,weight,source");
    assert_eq!(needs.len(), 21);
    out.push_str("/// The 2024 care-need key of the regions (region code, weight in kronor, source id).\npub static NEEDS_REGIONS_2024: &[(&str, u64, &str)] = &[\n");
    for r in &needs {
        let w: u64 = r[1].parse().expect("weight");
        writeln!(out, "    ({:?}, {w}, {:?}),", r[0], r[2]).unwrap();
    }
    out.push_str("];\n");

    // Source descriptions: the `| id | what |` rows of SOURCES.md's `source` table.
    println!("cargo::rerun-if-changed=data/SOURCES.md");
    let sources = fs::read_to_string("data/SOURCES.md").expect("SOURCES.md");
    out.push_str("/// Where the bundled figures come from (source id, description), from `data/SOURCES.md`.\npub static DATA_SOURCES: &[(&str, &str)] = &[\n");
    for line in sources.lines() {
        let cells: Vec<&str> = line.split('|').map(str::trim).collect();
        if cells.len() == 4 && (cells[1].starts_with("scb") || cells[1].starts_with("needs")) {
            writeln!(out, "    ({:?}, {:?}),", cells[1], cells[2]).unwrap();
        }
    }
    out.push_str("];\n");

    let out_dir = env::var("OUT_DIR").unwrap();
    fs::write(Path::new(&out_dir).join("reference_data.rs"), out).unwrap();
    catalog_files(&out_dir);
}

/// The catalog: `catalog/sources.json`, `catalog/packages.json`, `catalog/tables.json`,
/// `catalog/sources/*.txt`, `catalog/tables/*.csv` and `catalog/agreements/*.json`, included as text (parsed and checked by the crate's
/// tests and at first use).
fn catalog_files(out_dir: &str) {
    let root = Path::new(&env::var("CARGO_MANIFEST_DIR").unwrap()).join("catalog");
    println!("cargo::rerun-if-changed=catalog");
    let list = |dir: &str, ext: &str| -> Vec<(String, String)> {
        let d = root.join(dir);
        println!("cargo::rerun-if-changed={}", d.display());
        let mut v: Vec<(String, String)> = fs::read_dir(&d)
            .map(|rd| {
                rd.filter_map(|e| e.ok())
                    .map(|e| e.path())
                    .filter(|p| p.extension().and_then(|x| x.to_str()) == Some(ext))
                    .map(|p| {
                        (
                            p.file_name().unwrap().to_string_lossy().into_owned(),
                            p.display().to_string(),
                        )
                    })
                    .collect()
            })
            .unwrap_or_default();
        v.sort();
        v
    };
    let mut out = String::new();
    for (name, file) in [
        ("SOURCES_JSON", "sources.json"),
        ("PACKAGES_JSON", "packages.json"),
        ("TABLES_JSON", "tables.json"),
    ] {
        let p = root.join(file);
        if p.exists() {
            writeln!(
                out,
                "static {name}: &str = include_str!({:?});",
                p.display().to_string()
            )
            .unwrap();
        } else {
            writeln!(out, "static {name}: &str = \"[]\";").unwrap();
        }
    }
    for (name, dir, ext) in [
        ("AGREEMENT_FILES", "agreements", "json"),
        ("SOURCE_TEXTS", "sources", "txt"),
        ("TABLE_FILES", "tables", "csv"),
    ] {
        writeln!(out, "static {name}: &[(&str, &str)] = &[").unwrap();
        for (f, path) in list(dir, ext) {
            writeln!(out, "    ({f:?}, include_str!({path:?})),").unwrap();
        }
        out.push_str("];\n");
    }
    fs::write(Path::new(out_dir).join("catalog_files.rs"), out).unwrap();
}
