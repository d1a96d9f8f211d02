//! Throughput of the timex stage on the TempEval-3 TBAQ texts:
//! `cargo bench -p chronicle-timex`. Reports words/s (whitespace words) for
//! the stage alone (documents already segmented, as in the pipeline) and for
//! segmentation + stage.

use std::path::Path;
use std::time::{Duration, Instant};

use chronicle_model::{Doc, Stage};

fn collect(p: &Path, out: &mut Vec<std::path::PathBuf>) {
    if let Ok(rd) = std::fs::read_dir(p) {
        for e in rd.flatten() {
            let p = e.path();
            if p.is_dir() {
                collect(&p, out);
            } else if p.extension().is_some_and(|x| x == "tml") {
                out.push(p);
            }
        }
    }
}

fn load() -> Vec<Doc> {
    let dir = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/data/tempeval3/TBAQ-cleaned"
    );
    let mut files = Vec::new();
    collect(Path::new(dir), &mut files);
    files.sort();
    let docs: Vec<Doc> = files
        .iter()
        .filter_map(|f| {
            let content = std::fs::read_to_string(f).ok()?;
            chronicle_ingest::timeml::parse_timeml(&f.display().to_string(), &content).ok()
        })
        .collect();
    if docs.is_empty() {
        println!("{dir} not found: benchmarking on synthetic news text instead");
        let text = "The company said on Friday that third-quarter profit rose 12% from a year earlier, \
                    and it expects sales to grow over the next three years. Shares fell 3 cents to $4.50 \
                    in New York Stock Exchange composite trading yesterday. "
            .repeat(400);
        return vec![Doc::new(
            "synthetic",
            Some(chronicle_model::Date::constant(1989, 10, 27)),
            text,
        )];
    }
    docs
}

fn main() {
    let mut docs = load();
    let words: usize = docs.iter().map(|d| d.text.split_whitespace().count()).sum();
    for d in &mut docs {
        chronicle_text::Segmenter.annotate(d);
    }
    let tagger = chronicle_timex::TimexTagger::new();
    let run = |docs: &mut Vec<Doc>, segment: bool| -> (f64, usize) {
        let start = Instant::now();
        let mut rounds = 0usize;
        let mut found = 0usize;
        while start.elapsed() < Duration::from_secs(3) || rounds < 3 {
            for d in docs.iter_mut() {
                if segment {
                    chronicle_text::Segmenter.annotate(d);
                }
                let t = tagger.tag(d, d.date);
                found += t.len();
                std::hint::black_box(t);
            }
            rounds += 1;
        }
        let secs = start.elapsed().as_secs_f64();
        ((words * rounds) as f64 / secs, found / rounds)
    };
    let (stage, found) = run(&mut docs, false);
    let (both, _) = run(&mut docs, true);
    println!(
        "documents: {}, words: {words}, timexes per pass: {found}",
        docs.len()
    );
    println!("timex stage alone:        {:>12.0} words/s", stage);
    println!("segmentation + timex:     {:>12.0} words/s", both);
}
