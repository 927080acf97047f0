//! The Rust side of the comparison harness: `vardavtal-compare INPUTS.json [--quick]`.
//!
//! `vardavtal-compare INPUTS.json --loop split|hot CASE N` only runs that N times (to
//! profile).
//!
//! Reads the inputs the harness wrote (pot and, per case, recipient codes and integer
//! weights read from core/data/*.csv), builds each key with `Key::from_csv` (checking that
//! it equals the bundled key of the same spec), times the core's paths on it and prints one
//! JSON object: timings (median nanoseconds per operation over the samples) and the amounts
//! each path gave, for the harness to check against the other implementations.
//!
//! Timing: a warm-up (0.2 s), then samples that each run the operation enough times to last
//! at least 20 ms (5 ms with --quick); the figures are the medians over the samples (31, 7
//! with --quick) of (sample time / iterations), by the wall clock and by this thread's CPU
//! time. One thread.

use std::hint::black_box;
use std::time::{Duration, Instant};

use serde_json::{Value, json};
use vardavtal::apportion::largest_remainder_into;
use vardavtal::sweep::PerformanceSweep;
use vardavtal::{Agreement, Key, KeySpec, Options, Sek, Unit, split};

type Res<T> = Result<T, Box<dyn std::error::Error>>;

/// The system allocator, counting the bytes live on the heap (for the memory per row).
struct Counting;
static LIVE: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
// SAFETY: every call is forwarded to the system allocator unchanged; only a counter is added.
unsafe impl std::alloc::GlobalAlloc for Counting {
    unsafe fn alloc(&self, l: std::alloc::Layout) -> *mut u8 {
        LIVE.fetch_add(l.size(), std::sync::atomic::Ordering::Relaxed);
        // SAFETY: the caller's layout is passed on as it is.
        unsafe { std::alloc::System.alloc(l) }
    }
    unsafe fn dealloc(&self, p: *mut u8, l: std::alloc::Layout) {
        LIVE.fetch_sub(l.size(), std::sync::atomic::Ordering::Relaxed);
        // SAFETY: `p` was allocated by `alloc` above with this layout.
        unsafe { std::alloc::System.dealloc(p, l) }
    }
}
#[global_allocator]
static ALLOC: Counting = Counting;

/// The whole catalog's what-if: every agreement allocated once with each bundled population
/// key (both levels, every date; a key replaces the key of the components at its level).
fn catalog_what_if(timer: &Timer) -> Res<Value> {
    use vardavtal::reference::{Level, population_dates};
    let cat = vardavtal::catalog::catalog();
    let mut keys = Vec::new();
    for level in [Level::Regions, Level::Municipalities] {
        for date in population_dates(level) {
            keys.push(KeySpec::Population { level, date }.resolve()?);
        }
    }
    let run = || {
        let mut rows = 0usize;
        for a in &cat.agreements {
            for k in &keys {
                let opts = Options {
                    key: Some(k.clone()),
                    ..Options::default()
                };
                rows += vardavtal::allocate(a, &opts).map_or(0, |x| x.len());
            }
        }
        rows
    };
    let rows = run();
    let t = timer.time(run);
    Ok(json!({"agreements": cat.agreements.len(), "keys": keys.len(), "rows": rows, "t": t}))
}

/// Heap bytes an allocation of `n` rows holds, lean and with its rows made, per row.
fn memory(pot: Sek, key: &Key) -> Res<Value> {
    let live = || LIVE.load(std::sync::atomic::Ordering::Relaxed);
    let before = live();
    let a = split(pot, key, None, Unit::Krona)?;
    let lean = live() - before + std::mem::size_of_val(&a);
    let n = a.rows().len();
    let made = live() - before + std::mem::size_of_val(&a);
    drop(a);
    Ok(
        json!({"rows": n, "lean_bytes_per_row": lean / n.max(1), "made_bytes_per_row": made / n.max(1)}),
    )
}

struct Timer {
    warmup: Duration,
    samples: usize,
    target: Duration,
}

/// CPU time of this thread in nanoseconds (`CLOCK_THREAD_CPUTIME_ID`): unlike the wall
/// clock, it does not count the time the thread waits for a core that other processes hold.
fn cpu_ns() -> Option<u64> {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: clock_gettime writes one timespec into the valid, exclusive `ts`.
    let rc = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) };
    (rc == 0).then(|| ts.tv_sec as u64 * 1_000_000_000 + ts.tv_nsec as u64)
}

fn median(mut v: Vec<f64>) -> (f64, f64, f64) {
    v.sort_by(f64::total_cmp);
    (v[v.len() / 2], v[0], v[v.len() - 1])
}

impl Timer {
    /// Median, min and max nanoseconds per call of `f` (wall clock and thread CPU time),
    /// and the iterations per sample.
    fn time<R>(&self, mut f: impl FnMut() -> R) -> Value {
        // Warm up (caches, branch predictors, the allocator's free lists).
        let t = Instant::now();
        while t.elapsed() < self.warmup {
            black_box(f());
        }
        // Calibrate: grow the iterations until one sample lasts `target` (or a call
        // alone does).
        let mut iters: u64 = 1;
        loop {
            let t = Instant::now();
            for _ in 0..iters {
                black_box(f());
            }
            let e = t.elapsed();
            if e >= self.target || iters >= 1 << 30 {
                break;
            }
            let want = (self.target.as_secs_f64() / e.as_secs_f64().max(1e-9) * iters as f64).ceil()
                as u64;
            iters = want.clamp(iters + 1, iters * 10);
        }
        let mut wall = Vec::with_capacity(self.samples);
        let mut cpu = Vec::with_capacity(self.samples);
        for _ in 0..self.samples {
            let c = cpu_ns();
            let t = Instant::now();
            for _ in 0..iters {
                black_box(f());
            }
            wall.push(t.elapsed().as_nanos() as f64 / iters as f64);
            if let (Some(c0), Some(c1)) = (c, cpu_ns()) {
                cpu.push(c1.saturating_sub(c0) as f64 / iters as f64);
            }
        }
        let (med, min, max) = median(wall);
        let cpu_median = (cpu.len() == self.samples).then(|| median(cpu).0);
        json!({
            "median_ns": med,
            "min_ns": min,
            "max_ns": max,
            "cpu_median_ns": cpu_median,
            "samples": self.samples,
            "iters": iters,
        })
    }
}

fn units(rows: &[vardavtal::Row], unit: Unit) -> Res<Vec<String>> {
    rows.iter()
        .map(|r| Ok(unit.to_units(r.amount)?.to_string()))
        .collect()
}

fn main() -> Res<()> {
    let args: Vec<String> = std::env::args().collect();
    let path = args
        .get(1)
        .ok_or("usage: vardavtal-compare INPUTS.json [--quick]")?;
    let quick = args.iter().any(|a| a == "--quick");
    let timer = Timer {
        warmup: Duration::from_millis(if quick { 50 } else { 200 }),
        samples: if quick { 7 } else { 31 },
        target: Duration::from_millis(if quick { 5 } else { 20 }),
    };
    let inputs: Value = serde_json::from_str(&std::fs::read_to_string(path)?)?;
    let pot: u128 = inputs["pot"].as_str().ok_or("pot")?.parse()?;
    let pot_sek: Sek = inputs["pot"].as_str().ok_or("pot")?.parse()?;

    let mut timings = Vec::new();
    let mut amounts = serde_json::Map::new();
    let mut memory_use = serde_json::Map::new();
    for case in inputs["cases"].as_array().ok_or("cases")? {
        let id = case["id"].as_str().ok_or("id")?;
        let codes = case["codes"].as_array().ok_or("codes")?;
        let weights = case["weights"].as_array().ok_or("weights")?;
        let mut csv = String::from("code,weight\n");
        for (c, w) in codes.iter().zip(weights) {
            csv += &format!("{},{}\n", c.as_str().ok_or("code")?, w.as_str().ok_or("w")?);
        }
        let key = Key::from_csv(&format!("{id}.csv"), &csv, &[])?;
        // The same numbers as the bundled key the other skins resolve by name.
        let spec = case["spec"].as_str().ok_or("spec")?;
        let bundled = spec.parse::<KeySpec>()?.resolve()?;
        if bundled.recipients() != key.recipients() || bundled.weights() != key.weights() {
            return Err(format!("{spec}: the bundled key differs from the CSV weights").into());
        }
        let n = key.len();
        let mut out = vec![0u128; n];
        // `--loop WHAT CASE N`: only run WHAT (split, hot) N times on CASE, for a profiler.
        if let Some(p) = args.iter().position(|a| a == "--loop") {
            let what = args.get(p + 1).map_or("split", String::as_str);
            if args.get(p + 2).map(String::as_str) != Some(id) {
                continue;
            }
            let times: u64 = args.get(p + 3).map_or(Ok(1000), |x| x.parse())?;
            for _ in 0..times {
                match what {
                    "hot" => largest_remainder_into(black_box(pot), key.int_weights(), &mut out)?,
                    _ => drop(black_box(split(
                        black_box(pot_sek),
                        &key,
                        None,
                        Unit::Krona,
                    )?)),
                }
            }
            return Ok(());
        }

        largest_remainder_into(pot, key.int_weights(), &mut out)?;
        let hot: Vec<String> = out.iter().map(u128::to_string).collect();
        let full = split(pot_sek, &key, None, Unit::Krona)?;
        let rows = units(full.rows(), Unit::Krona)?;
        let codes_out: Vec<&str> = full.rows().iter().map(|r| r.recipient.as_str()).collect();
        amounts.insert(
            id.into(),
            json!({
                "hot path": {"codes": key.recipients().iter().map(|r| r.as_str()).collect::<Vec<_>>(), "amounts": hot},
                "split": {"codes": codes_out, "amounts": rows},
            }),
        );

        memory_use.insert(id.into(), memory(pot_sek, &key)?);
        let w = key.int_weights();
        timings.push(json!({"impl": "rust", "case": id, "what": "hot path",
            "t": timer.time(|| largest_remainder_into(black_box(pot), w, &mut out))}));
        timings.push(json!({"impl": "rust", "case": id, "what": "split_units",
            "t": timer.time(|| key.split_units(black_box(pot)))}));
        timings.push(json!({"impl": "rust", "case": id, "what": "split",
            "t": timer.time(|| split(black_box(pot_sek), &key, None, Unit::Krona))}));
        timings.push(json!({"impl": "rust", "case": id, "what": "split + amounts",
            "t": timer.time(|| split(black_box(pot_sek), &key, None, Unit::Krona).map(|a| a.amounts()))}));
        timings.push(json!({"impl": "rust", "case": id, "what": "split + rows",
            "t": timer.time(|| split(black_box(pot_sek), &key, None, Unit::Krona).map(|a| a.rows().len()))}));
        timings.push(json!({"impl": "rust", "case": id, "what": "resolve key + split",
            "t": timer.time(|| split(black_box(pot_sek), &vardavtal::input::key(black_box(spec))?, None, Unit::Krona))}));
        // What the wasm skin does per call: resolve the key by name, split, serialize the
        // allocation to JSON text (which JavaScript then parses).
        timings.push(
            json!({"impl": "rust", "case": id, "what": "resolve key + split + JSON",
            "t": timer.time(|| -> Res<String> {
                let k = vardavtal::input::key(black_box(spec))?;
                Ok(serde_json::to_string(&split(black_box(pot_sek), &k, None, Unit::Krona)?)?)
            })}),
        );
        // Öre: the same pot in öre, and a pot so large that the 128-bit path runs.
        let ore = pot * 100;
        timings.push(json!({"impl": "rust", "case": id, "what": "hot path, öre",
            "t": timer.time(|| largest_remainder_into(black_box(ore), w, &mut out))}));
        let big = 10u128.pow(14); // 10^12 kr in öre: pot × total > 2^64
        timings.push(
            json!({"impl": "rust", "case": id, "what": "hot path, 128-bit",
            "t": timer.time(|| largest_remainder_into(black_box(big), w, &mut out))}),
        );
    }

    // Growth with the number of recipients (synthetic weights as in the criterion bench).
    let mut growth = Vec::new();
    for n in [21usize, 290, 10_000, 100_000, 1_000_000] {
        let weights: Vec<u128> = (0..n as u128)
            .map(|i| 1_000 + (i * 7_919) % 100_000)
            .collect();
        let total: u128 = weights.iter().sum();
        let mut out = vec![0u128; n];
        let t = timer.time(|| largest_remainder_into(black_box(pot), &weights, &mut out));
        growth.push(json!({"n": n, "pot": pot.to_string(),
            "path": if pot * total <= u64::MAX as u128 { "64-bit" } else { "128-bit" }, "t": t}));
    }

    // Sweeps: the performance component of the demo agreement (2 criteria, bonus pot,
    // 21 regions) under N scenarios of who qualifies, from a fixed xorshift sequence.
    let a = Agreement::from_json(include_str!("../../../examples/demo-agreement.json"))?;
    let sweep = PerformanceSweep::new(&a, "prestation", &Options::default())?;
    let cells = sweep.criteria().len() * sweep.recipients().len();
    let mut s = 0x9e37_79b9_7f4a_7c15u64;
    let max = 100_000usize;
    let scenarios: Vec<bool> = (0..max * cells)
        .map(|_| {
            s ^= s << 13;
            s ^= s >> 7;
            s ^= s << 17;
            !s.is_multiple_of(4)
        })
        .collect();
    let mut out = vec![0u128; sweep.recipients().len()];
    let mut sweeps = Vec::new();
    for count in [1_000usize, 10_000, 100_000] {
        let qs = &scenarios[..count * cells];
        let t = timer.time(|| {
            let mut returned = 0u128;
            for q in qs.chunks(cells) {
                returned += sweep.totals_into(black_box(q), &mut out).unwrap_or(0);
            }
            returned
        });
        sweeps.push(
            json!({"scenarios": count, "recipients": sweep.recipients().len(),
            "criteria": sweep.criteria().len(), "t": t}),
        );
    }

    let catalog = catalog_what_if(&timer)?;
    println!(
        "{}",
        json!({"impl": "rust", "timings": timings, "amounts": amounts,
               "growth": growth, "sweep": sweeps, "memory": memory_use, "catalog": catalog})
    );
    Ok(())
}
