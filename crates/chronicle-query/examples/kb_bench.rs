//! The knowledge-base benchmark behind `bench/kb_100k.sh`.
//!
//! `kb_bench generate SRC DST N` replays the annotated documents of the
//! store `SRC` into a new store `DST` until it holds `N` documents: copy
//! `c` of a document gets id `replay{c}:{id}`, every date (publication,
//! timex and event values) moved `c` years later, and a marker line
//! appended to its text so that it is not a duplicate. Nothing is
//! annotated again: the layers are copied, which is what makes a large
//! store cheap to build.
//!
//! `kb_bench query DST [SAMPLES] [--lazy]` samples entities with probability
//! proportional to their mentions (without replacement) and times
//! `timeline` (200 items), `quotes` (100) and `conflicts` for each, in
//! process, reporting p50/p99/max per kind. Opening it first brings the
//! KB and the precomputed timeline and conflict answers up to date, and
//! reports how long that took; with `--lazy` only the sample's answers are
//! computed, by a first (separately timed) pass of queries.
//!
//! `kb_bench cold DST [SAMPLES]` times computing (and storing) the
//! timeline of each sampled entity from its reports, fresh or not: the
//! cost of a cold first query. `kb_bench precompute DST` stales every
//! precomputed answer and times bringing them all up to date.

use std::path::Path;
use std::time::Instant;

use chronicle_model::{Date, Doc};
use chronicle_query::{DateFilter, TimelineOptions};
use chronicle_store::{Store, Writer};

type BoxError = Box<dyn std::error::Error>;

fn main() -> Result<(), BoxError> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("generate") if args.len() == 4 => {
            generate(Path::new(&args[1]), Path::new(&args[2]), args[3].parse()?)
        }
        Some("query") if args.len() >= 2 => {
            let lazy = args.iter().any(|a| a == "--lazy");
            let samples = args
                .iter()
                .skip(2)
                .find(|a| !a.starts_with("--"))
                .map(|s| s.parse())
                .transpose()?
                .unwrap_or(100);
            query(Path::new(&args[1]), samples, lazy)
        }
        Some("cold") if args.len() >= 2 => {
            let samples = args.get(2).map(|s| s.parse()).transpose()?.unwrap_or(100);
            cold(Path::new(&args[1]), samples)
        }
        Some("precompute") if args.len() == 2 => precompute_all(Path::new(&args[1])),
        _ => Err(
            "usage: kb_bench generate SRC DST N | kb_bench query DST [SAMPLES] [--lazy] \
                 | kb_bench cold DST [SAMPLES] | kb_bench precompute DST"
                .into(),
        ),
    }
}

/// `value` with a leading 4-digit year moved `years` later (TIMEX3 values
/// such as `2016-07`, `2016-W07`; others unchanged).
fn shift_value(value: &str, years: i16) -> String {
    match value.get(..4).and_then(|y| y.parse::<i16>().ok()) {
        Some(y) if value.as_bytes()[..4].iter().all(u8::is_ascii_digit) => {
            format!("{:04}{}", y + years, &value[4..])
        }
        _ => value.to_string(),
    }
}

fn shift_date(d: Date, years: i16) -> Option<Date> {
    let year = d.year() + years;
    Date::new(year, d.month(), d.day())
        .or_else(|_| Date::new(year, d.month(), 28))
        .ok()
}

fn replay(doc: &Doc, copy: usize) -> Doc {
    let years = copy as i16;
    let mut d = doc.clone();
    d.id = format!("replay{copy}:{}", doc.id);
    d.date = doc.date.and_then(|x| shift_date(x, years));
    // Appended, so that every span stays where it was.
    d.text.push_str(&format!("\n[replay {copy}]"));
    for t in &mut d.timexes {
        t.value = shift_value(&t.value, years);
    }
    for e in &mut d.events {
        e.date = e.date.as_deref().map(|v| shift_value(v, years));
    }
    d
}

fn generate(src: &Path, dst: &Path, n: usize) -> Result<(), BoxError> {
    let started = Instant::now();
    let source = Store::open(src)?;
    let mut docs = Vec::new();
    for id in source.ids()? {
        if let Some(doc) = source.get(&id)? {
            docs.push(doc);
        }
    }
    if docs.is_empty() {
        return Err(format!("{}: no documents to replay", src.display()).into());
    }
    eprintln!(
        "read {} source documents in {:.1} s",
        docs.len(),
        started.elapsed().as_secs_f64()
    );
    let mut writer = Writer::open(dst, "kb_bench replay")?;
    writer.set_index_every(10_000);
    let have = Store::open(dst)?.stats()?.docs as usize;
    let mut written = 0usize;
    let mut batch = Vec::with_capacity(512);
    for i in have..n {
        batch.push(replay(&docs[i % docs.len()], i / docs.len()));
        if batch.len() == 512 || i + 1 == n {
            let outcomes = writer.write_batch(&batch, false)?;
            written += outcomes
                .iter()
                .filter(|o| matches!(o, chronicle_store::Outcome::Added))
                .count();
            batch.clear();
            if (i + 1) % 10_240 == 0 {
                eprintln!(
                    "{} documents, {:.0} s",
                    i + 1,
                    started.elapsed().as_secs_f64()
                );
            }
        }
    }
    writer.finish()?;
    drop(writer);
    let t = Instant::now();
    let report = chronicle_store::kb::refresh(dst)?;
    eprintln!(
        "wrote {written} documents; KB refresh {:.1} s ({} entities); total {:.0} s",
        t.elapsed().as_secs_f64(),
        report.entities,
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

/// `samples` entities drawn with probability proportional to their
/// mentions, without replacement (the same on every run of one store).
fn sample(store: &Store, samples: usize) -> Result<Vec<chronicle_store::EntityRecord>, BoxError> {
    let stats = store.stats()?;
    // Every entity with its weight; Efraimidis–Spirakis keys give a
    // weighted sample without replacement.
    let all = store.entities(None, usize::MAX >> 1)?;
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let mut keyed: Vec<(f64, &chronicle_store::EntityRecord)> = all
        .iter()
        .map(|e| {
            let u = rng.next_f64().max(1e-12);
            (u.powf(1.0 / (e.mentions.max(1) as f64)), e)
        })
        .collect();
    keyed.sort_by(|a, b| b.0.total_cmp(&a.0));
    let sample: Vec<&chronicle_store::EntityRecord> =
        keyed.iter().take(samples).map(|(_, e)| *e).collect();
    println!(
        "store: {} documents, {} entities; sample of {} (mentions: max {}, median {})",
        stats.docs,
        all.len(),
        sample.len(),
        sample.iter().map(|e| e.mentions).max().unwrap_or(0),
        {
            let mut m: Vec<u64> = sample.iter().map(|e| e.mentions).collect();
            m.sort_unstable();
            m.get(m.len() / 2).copied().unwrap_or(0)
        }
    );
    Ok(sample.into_iter().cloned().collect())
}

fn cold(dir: &Path, samples: usize) -> Result<(), BoxError> {
    let store = Store::open(dir)?;
    store.kb_refresh()?;
    let sample = sample(&store, samples)?;
    let mut times = Vec::with_capacity(sample.len());
    let mut worst = (0.0, String::new(), 0);
    let started = Instant::now();
    for e in &sample {
        let t = Instant::now();
        let items = chronicle_query::recompute_timeline(&store, e.id)?.unwrap_or(0);
        let ms = t.elapsed().as_secs_f64() * 1000.0;
        if ms > worst.0 {
            worst = (ms, e.canonical.clone(), items);
        }
        times.push(ms);
    }
    times.sort_by(f64::total_cmp);
    println!(
        "cold timeline (compute + store) p50 {:.1} ms  p99 {:.1} ms  max {:.1} ms ({}, {} items); {:.1} s in all",
        percentile(&times, 50.0),
        percentile(&times, 99.0),
        worst.0,
        worst.1,
        worst.2,
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

fn precompute_all(dir: &Path) -> Result<(), BoxError> {
    let store = Store::open(dir)?;
    store.kb_refresh()?;
    store.stale_answers()?;
    let t = Instant::now();
    let mut timelines_done = 0.0;
    let pre = chronicle_query::precompute_with(&store, &mut |done, total| {
        if done == total {
            timelines_done = t.elapsed().as_secs_f64();
        }
    })?;
    let all = t.elapsed().as_secs_f64();
    println!(
        "full precompute: {all:.1} s ({} timelines in {timelines_done:.1} s, conflicts {} in {:.1} s)",
        pre.timelines,
        pre.conflicts,
        all - timelines_done
    );
    Ok(())
}

/// A small deterministic generator (xorshift64*): the sample is the same
/// on every run of the same store.
struct Rng(u64);

impl Rng {
    fn next_f64(&mut self) -> f64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_f491_4f6c_dd1d) >> 11) as f64 / (1u64 << 53) as f64
    }
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let i = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    sorted[i.clamp(1, sorted.len()) - 1]
}

fn query(dir: &Path, samples: usize, lazy: bool) -> Result<(), BoxError> {
    let store = Store::open(dir)?;
    let t = Instant::now();
    let report = store.kb_refresh()?;
    eprintln!(
        "KB refresh on open: {:.3} s ({report:?})",
        t.elapsed().as_secs_f64()
    );
    if !lazy {
        let t = Instant::now();
        let pre = chronicle_query::precompute(&store)?;
        eprintln!(
            "precompute on open: {:.3} s ({pre:?})",
            t.elapsed().as_secs_f64()
        );
    }
    let sample_owned = sample(&store, samples)?;
    let sample: Vec<&chronicle_store::EntityRecord> = sample_owned.iter().collect();
    let opts = TimelineOptions {
        dates: DateFilter::default(),
        limit: 200,
    };
    let mut times: [Vec<f64>; 3] = Default::default();
    let mut worst: [(f64, String); 3] = Default::default();
    if lazy {
        // Stale answers of the sample are computed (and stored) by their
        // first query: that pass is timed apart from the measured one.
        let t = Instant::now();
        let mut first: Vec<f64> = Vec::new();
        for e in &sample {
            let q = Instant::now();
            chronicle_query::timeline(&store, &e.canonical, &opts)?;
            chronicle_query::conflicts(&store, Some(&e.canonical))?;
            first.push(q.elapsed().as_secs_f64() * 1000.0);
        }
        first.sort_by(f64::total_cmp);
        println!(
            "first queries (computing stale answers): {:.1} s in all, p50 {:.1} ms, max {:.1} ms",
            t.elapsed().as_secs_f64(),
            percentile(&first, 50.0),
            first.last().copied().unwrap_or(0.0)
        );
    }
    for e in &sample {
        let name = e.canonical.as_str();
        let runs: [&dyn Fn() -> Result<usize, chronicle_query::QueryError>; 3] = [
            &|| chronicle_query::timeline(&store, name, &opts).map(|t| t.items.len()),
            &|| {
                chronicle_query::quotes(&store, Some(name), &DateFilter::default(), 100)
                    .map(|q| q.len())
            },
            &|| chronicle_query::conflicts(&store, Some(name)).map(|c| c.len()),
        ];
        for (k, run) in runs.iter().enumerate() {
            let t = Instant::now();
            run()?;
            let ms = t.elapsed().as_secs_f64() * 1000.0;
            if ms > worst[k].0 {
                worst[k] = (ms, name.to_string());
            }
            times[k].push(ms);
        }
    }
    for (k, kind) in ["timeline", "quotes", "conflicts"].iter().enumerate() {
        let mut v = times[k].clone();
        v.sort_by(f64::total_cmp);
        println!(
            "{kind:<10} p50 {:7.1} ms  p99 {:7.1} ms  max {:7.1} ms ({})",
            percentile(&v, 50.0),
            percentile(&v, 99.0),
            v.last().copied().unwrap_or(0.0),
            worst[k].1
        );
    }
    Ok(())
}
