//! Criterion benchmarks of the allocation paths (see benches/README.md for the table).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    missing_docs
)]

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use rust_decimal::Decimal;
use vardavtal::apportion::largest_remainder_into;
use vardavtal::{
    Agreement, Key, KeySpec, Options, Outcome, Outcomes, RecipientId, Sek, Unit, allocate, split,
};

fn population(level: &str) -> Key {
    format!("population:{level}")
        .parse::<KeySpec>()
        .unwrap()
        .resolve()
        .unwrap()
}

fn demo_outcomes() -> Outcomes {
    Outcomes::from_json(include_str!("../../examples/demo-outcomes.json")).unwrap()
}

fn splits(c: &mut Criterion) {
    let regions = population("regions:2021-11-01");
    let munis = population("municipalities:2024-12-31");
    let pot = 443_000_000u128;
    let mut out = vec![0u128; 290];
    c.bench_function("split_units/21 regions", |b| {
        b.iter(|| {
            largest_remainder_into(black_box(pot), regions.int_weights(), &mut out[..21]).unwrap()
        })
    });
    c.bench_function("split_units/290 municipalities", |b| {
        b.iter(|| largest_remainder_into(black_box(pot), munis.int_weights(), &mut out).unwrap())
    });
    let sek = Sek::kronor(443_000_000);
    c.bench_function(
        "split with rows and explanations' figures/21 regions",
        |b| b.iter(|| split(black_box(sek), &regions, None, Unit::Krona).unwrap()),
    );
    c.bench_function("split with rows/290 municipalities", |b| {
        b.iter(|| split(black_box(sek), &munis, None, Unit::Krona).unwrap())
    });
    let each = Sek::kronor(5_000_000);
    c.bench_function("fixed per region plus key/21 regions", |b| {
        b.iter(|| {
            split(
                black_box(Sek::kronor(250_000_000)),
                &regions,
                Some(each),
                Unit::Krona,
            )
            .unwrap()
        })
    });
}

fn agreements(c: &mut Criterion) {
    let mut a = Agreement::from_json(include_str!("../../examples/demo-agreement.json")).unwrap();
    a.components.truncate(1); // the performance component: 2 criteria, bonus pot, 21 regions
    a.tranches.retain(|t| t.component == "prestation"); // a tranche of no component does not validate
    let opts = Options::new().with_outcomes(demo_outcomes());
    c.bench_function("performance with bonus pot/21 regions", |b| {
        b.iter(|| allocate(black_box(&a), &opts).unwrap())
    });
    let full = Agreement::from_json(include_str!("../../examples/demo-agreement.json")).unwrap();
    c.bench_function("demo agreement, every rule", |b| {
        b.iter(|| allocate(black_box(&full), &opts).unwrap())
    });
    // 1 mdkr per capita over the 290 municipalities, paid in 16 equal tranches.
    let tranches: Vec<String> = (1..=16)
        .map(|t| format!(r#"{{"id": "t{t}", "component": "b", "share": "0.0625"}}"#))
        .collect();
    let sixteen = Agreement::from_json(&format!(
        r#"{{"id": "t", "title": "T", "kind": {{"type": "base"}}, "years": [2025],
            "components": [{{"id": "b", "name": "B", "amount": "1000000000", "recipients": "municipalities",
                             "rule": {{"type": "per_capita", "key": {{"type": "population", "level": "municipalities", "date": "2024-12-31"}}}}}}],
            "tranches": [{}]}}"#,
        tranches.join(",")
    ))
    .unwrap();
    c.bench_function("tranches/1 mdkr in 16 tranches, 290 municipalities", |b| {
        b.iter(|| allocate(black_box(&sixteen), &Options::default()).unwrap())
    });
    c.bench_function("validate the whole catalog", |b| {
        let cat = vardavtal::catalog::catalog();
        b.iter(|| vardavtal::validate::validate(cat, &Default::default()))
    });
}

fn sweep(c: &mut Criterion) {
    let a = Agreement::from_json(include_str!("../../examples/demo-agreement.json")).unwrap();
    let sweep =
        vardavtal::sweep::PerformanceSweep::new(&a, "prestation", &Options::default()).unwrap();
    let cells = sweep.criteria().len() * sweep.recipients().len();
    // 100 000 scenarios of who qualifies on what, from a fixed xorshift sequence.
    let mut s = 0x9e37_79b9_7f4a_7c15u64;
    let scenarios: Vec<bool> = (0..100_000 * cells)
        .map(|_| {
            s ^= s << 13;
            s ^= s >> 7;
            s ^= s << 17;
            !s.is_multiple_of(4)
        })
        .collect();
    let mut out = vec![0u128; sweep.recipients().len()];
    c.bench_function("sweep/100 000 performance scenarios, 21 regions", |b| {
        b.iter(|| {
            let mut returned = 0u128;
            for q in scenarios.chunks(cells) {
                returned += sweep.totals_into(black_box(q), &mut out).unwrap();
            }
            returned
        })
    });
}

fn growth(c: &mut Criterion) {
    let mut g = c.benchmark_group("split_units/synthetic");
    for n in [10_000usize, 1_000_000] {
        let weights: Vec<u128> = (0..n as u128)
            .map(|i| 1_000 + (i * 7_919) % 100_000)
            .collect();
        let mut out = vec![0u128; n];
        g.bench_with_input(BenchmarkId::from_parameter(n), &n, |b, _| {
            b.iter(|| {
                largest_remainder_into(black_box(1_000_000_000_000), &weights, &mut out).unwrap()
            })
        });
    }
    g.finish();
    let _ = (RecipientId::new("01"), Decimal::ONE, Outcome::default());
}

/// Added with the comparison harness (benches/README.md): the hot path in öre and on its
/// 128-bit path, fixed-plus-key over the municipalities, and resolving a key by name (what
/// the Python and wasm skins do when given a key string).
fn more(c: &mut Criterion) {
    let munis = population("municipalities:2024-12-31");
    let mut out = vec![0u128; munis.len()];
    c.bench_function("split_units/290 municipalities, öre", |b| {
        b.iter(|| {
            largest_remainder_into(black_box(44_300_000_000), munis.int_weights(), &mut out)
                .unwrap()
        })
    });
    c.bench_function("split_units/290 municipalities, 128-bit path", |b| {
        // 10^12 kr in öre: pot × total weight exceeds 64 bits
        b.iter(|| {
            largest_remainder_into(black_box(10u128.pow(14)), munis.int_weights(), &mut out)
                .unwrap()
        })
    });
    c.bench_function("fixed per municipality plus key/290 municipalities", |b| {
        b.iter(|| {
            split(
                black_box(Sek::kronor(443_000_000)),
                &munis,
                Some(Sek::kronor(100_000)),
                Unit::Krona,
            )
            .unwrap()
        })
    });
    c.bench_function("resolve key/population:municipalities:2024-12-31", |b| {
        b.iter(|| population(black_box("municipalities:2024-12-31")))
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(30).measurement_time(std::time::Duration::from_secs(2)).warm_up_time(std::time::Duration::from_millis(500));
    targets = splits, agreements, sweep, growth, more
}
criterion_main!(benches);
