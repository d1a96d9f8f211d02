//! Tokenizer + sentence splitter throughput on one core (target: ≥ 5
//! million tokens/s). Corpus: the Timeline17 articles when
//! `../shared/data` is present, and always the bundled MEANTIME sample.
//!
//! Run: `cargo bench -p chronicle-text --bench segment`

use std::io::Read;
use std::time::Instant;

use chronicle_text::{split_sentences, tokenize_into};

fn timeline17() -> Option<Vec<String>> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/data/timeline17/articles.jsonl.gz"
    );
    let file = std::fs::File::open(path).ok()?;
    let mut raw = String::new();
    flate2::read::GzDecoder::new(file)
        .read_to_string(&mut raw)
        .ok()?;
    let texts = raw
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v.get("text")?.as_str().map(str::to_string))
        .collect();
    Some(texts)
}

fn sample() -> Vec<String> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../sample/meantime");
    let mut texts: Vec<String> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .filter_map(|e| std::fs::read_to_string(e.ok()?.path()).ok())
        .collect();
    texts.sort();
    texts
}

/// Nanoseconds this thread has run on a CPU (Linux `schedstat`), so the
/// figure holds on a shared, busy machine; wall time elsewhere.
fn cpu_clock() -> Option<u64> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    stat.split_whitespace().next()?.parse().ok()
}

struct Clock {
    wall: Instant,
    cpu: Option<u64>,
}

impl Clock {
    fn start() -> Clock {
        Clock {
            wall: Instant::now(),
            cpu: cpu_clock(),
        }
    }
    fn secs(&self) -> f64 {
        match (self.cpu, cpu_clock()) {
            (Some(a), Some(b)) => (b - a) as f64 / 1e9,
            _ => self.wall.elapsed().as_secs_f64(),
        }
    }
}

/// Best of several timed passes: (tokens, sentences, bytes, seconds).
/// `split` false times the tokenizer alone, to tell where time goes.
fn measure(texts: &[String], split: bool) -> (usize, usize, usize, f64) {
    let bytes: usize = texts.iter().map(String::len).sum();
    let mut tokens = Vec::new();
    let mut best = f64::INFINITY;
    let (mut n_tok, mut n_sent) = (0, 0);
    // Enough passes for about 2 s of work on any corpus size.
    let passes = (200_000_000 / bytes.max(1)).clamp(3, 2000);
    for _ in 0..5 {
        let start = Clock::start();
        for _ in 0..passes {
            n_tok = 0;
            n_sent = 0;
            for text in texts {
                tokens.clear();
                tokenize_into(text, &mut tokens);
                n_tok += tokens.len();
                if split {
                    let sentences = split_sentences(text, &tokens);
                    n_sent += sentences.len();
                    std::hint::black_box(&sentences);
                }
            }
        }
        best = best.min(start.secs() / passes as f64);
    }
    (n_tok, n_sent, bytes, best)
}

fn report(name: &str, texts: &[String]) {
    if texts.is_empty() {
        println!("{name}: no texts, skipped");
        return;
    }
    let (tokens, _, _, tok_secs) = measure(texts, false);
    let (_, sentences, bytes, secs) = measure(texts, true);
    println!(
        "{name}: {} docs, {tokens} tokens, {sentences} sentences, {:.1} MB: {:.2} M tokens/s ({:.0} MB/s) on one core, thread CPU time",
        texts.len(),
        bytes as f64 / 1e6,
        tokens as f64 / secs / 1e6,
        bytes as f64 / secs / 1e6
    );
    println!(
        "  of which the tokenizer alone: {:.2} M tokens/s; sentence splitting {:.0}% of the time",
        tokens as f64 / tok_secs / 1e6,
        100.0 * (secs - tok_secs).max(0.0) / secs
    );
}

fn main() {
    match timeline17() {
        Some(texts) => report("timeline17", &texts),
        None => println!("timeline17: ../shared/data/timeline17 not found, skipped"),
    }
    report("meantime sample", &sample());
}
