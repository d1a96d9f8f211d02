//! Throughput of the quote, coreference and event stage alone (segmentation
//! done beforehand), on PolNeAR train articles when present, else on a
//! synthetic news text. Prints tokens per second on one core.

use chronicle_model::{Doc, Stage};
use std::time::Instant;

fn corpus() -> Vec<String> {
    let dir = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/data/polnear/train/text"
    );
    let mut out = Vec::new();
    if let Ok(rd) = std::fs::read_dir(dir) {
        let mut names: Vec<_> = rd.flatten().map(|e| e.path()).collect();
        names.sort();
        for p in names.into_iter().take(300) {
            if let Ok(t) = std::fs::read_to_string(p) {
                out.push(t);
            }
        }
    }
    if out.is_empty() {
        eprintln!("PolNeAR not found; benchmarking on synthetic text");
        let para = "\u{201c}I did not have communications with the Russians,\u{201d} Sessions said, \u{201c}and I stand by it.\u{201d} The senator met twice with Sergey Kislyak, Russia's ambassador, last year. Pelosi said he should resign, according to aides.\n\n";
        out.push(para.repeat(2000));
    }
    out
}

fn main() {
    let docs: Vec<Doc> = corpus()
        .into_iter()
        .enumerate()
        .map(|(i, t)| {
            let mut d = Doc::new(i.to_string(), None, t);
            chronicle_text::Segmenter.annotate(&mut d);
            d
        })
        .collect();
    let tokens: usize = docs.iter().map(|d| d.tokens.len()).sum();
    let stage = chronicle_quotes::AttributionStage;
    let mut best = f64::MAX;
    let mut quotes = 0;
    for _ in 0..5 {
        let mut ds = docs.clone();
        let t = Instant::now();
        for d in &mut ds {
            stage.annotate(d);
        }
        best = best.min(t.elapsed().as_secs_f64());
        quotes = ds.iter().map(|d| d.quotes.len()).sum();
    }
    println!(
        "attribution stage: {} docs, {tokens} tokens, {quotes} quotes, best of 5: {:.3} s, {:.0} tokens/s",
        docs.len(),
        best,
        tokens as f64 / best
    );
}
