//! In-process speed of the entity stage on CoNLL-2003 eng.testa (or the
//! CoNLL file given as the first argument): documents are built from the
//! given tokens once, then annotated repeatedly on one thread. Prints
//! tokens/s and the model load time. `cargo bench -p chronicle-ner`.

use std::time::Instant;

use chronicle_model::{Doc, Span, Stage, Token, TokenKind};
use chronicle_ner::{corpus, NerTagger};

fn main() {
    let default = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/data/conll2003/eng.testa"
    );
    let path = std::env::args()
        .skip(1)
        .find(|a| !a.starts_with('-'))
        .unwrap_or_else(|| default.to_string());
    let Ok(text) = corpus::read_text(std::path::Path::new(&path)) else {
        println!("skipping the NER bench: {path} not found");
        return;
    };
    let t0 = Instant::now();
    let tagger = match NerTagger::load_default() {
        Ok(t) => t,
        Err(e) => {
            println!("skipping the NER bench: {e}");
            return;
        }
    };
    let load = t0.elapsed();
    let docs: Vec<Doc> = corpus::parse_conll(&text)
        .into_iter()
        .map(|d| {
            let mut doc = Doc::new("bench", None, String::new());
            let mut s = String::new();
            for r in &d.sentences {
                let start = s.len();
                for (k, w) in d.words[r.clone()].iter().enumerate() {
                    if k > 0 {
                        s.push(' ');
                    }
                    let a = s.len();
                    s.push_str(w);
                    doc.tokens.push(Token {
                        span: Span::new(a, s.len()),
                        kind: TokenKind::Word,
                        flags: Token::SPACE_BEFORE,
                    });
                }
                doc.sentences.push(Span::new(start, s.len()));
                s.push('\n');
            }
            doc.text = s;
            doc
        })
        .collect();
    let tokens: usize = docs.iter().map(|d| d.tokens.len()).sum();
    // Warm up once, then time enough rounds for a stable figure.
    let mut work = docs.clone();
    for d in &mut work {
        tagger.annotate(d);
    }
    let rounds = 10;
    let mut entities = 0usize;
    let cpu0 = cpu_seconds();
    let t1 = Instant::now();
    for _ in 0..rounds {
        let mut work = docs.clone();
        for d in &mut work {
            tagger.annotate(d);
            entities += d.entities.len();
        }
    }
    let secs = t1.elapsed().as_secs_f64();
    let cpu = cpu_seconds().zip(cpu0).map(|(b, a)| b - a);
    let n = tokens * rounds;
    println!(
        "ner: {n} tokens ({} docs x {rounds}) in {secs:.3}s wall: {:.0} tokens/s on one thread; {} entities/round; model load {:.1} ms",
        docs.len(),
        n as f64 / secs,
        entities / rounds,
        load.as_secs_f64() * 1e3
    );
    // On a shared machine the wall clock includes time other processes held
    // the core; CPU time is what the stage itself cost.
    if let Some(cpu) = cpu.filter(|&c| c > 0.0) {
        println!(
            "ner: {cpu:.3}s CPU: {:.0} tokens per CPU-second",
            n as f64 / cpu
        );
    }
}

/// User + system CPU time of this process, from /proc (Linux only).
fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    let rest = &stat[stat.rfind(')')? + 2..];
    let f: Vec<&str> = rest.split(' ').collect();
    let utime: f64 = f.get(11)?.parse().ok()?;
    let stime: f64 = f.get(12)?.parse().ok()?;
    Some((utime + stime) / 100.0)
}
