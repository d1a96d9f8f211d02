//! Development loop: train with given settings, write the model, score it on
//! a CoNLL file. `cargo run --release -p chronicle-ner --example ner_dev --
//! DATA OUT.gz DEV_FILE [bits epochs folds seed]`.

use std::collections::BTreeMap;
use std::path::Path;

use chronicle_ner::train::{train, TrainOptions};
use chronicle_ner::{corpus, tags, NerTagger};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let data = Path::new(&args[1]);
    let out = Path::new(&args[2]);
    let dev = Path::new(&args[3]);
    let num = |i: usize, d: u64| args.get(i).and_then(|s| s.parse().ok()).unwrap_or(d);
    let opts = TrainOptions {
        bits: num(4, 18) as u32,
        epochs: num(5, 12) as usize,
        folds: num(6, 4) as usize,
        seed: num(7, 1),
        gaz_folds: num(8, 4) as usize,
        clusters: chronicle_ner::train::ClusterOptions {
            min_count: num(9, 3) as u32,
            max_vocab: num(10, 80_000) as usize,
            context_words: num(11, 1000) as usize,
            dims: num(12, 96) as usize,
            kmeans_iters: num(13, 8) as usize,
            seed: 1,
        },
    };
    if std::env::var_os("NER_EVAL_ONLY").is_none() {
        let t0 = std::time::Instant::now();
        let model = train(data, opts, &mut |m| {
            eprintln!("[{:.1}s] {m}", t0.elapsed().as_secs_f64())
        })?;
        let mut f = std::fs::File::create(out)?;
        model.write_gz(&mut f)?;
        drop(f);
    }
    let bytes = std::fs::read(out)?;
    eprintln!("model {} bytes", bytes.len());
    let t1 = std::time::Instant::now();
    let tagger = NerTagger::from_gz(&bytes)?;
    eprintln!("load {:?}", t1.elapsed());
    let docs = corpus::parse_conll(&corpus::read_text(dev)?);
    let stage_path = std::env::var_os("NER_STAGE").is_some();
    let mut stats: BTreeMap<&str, [usize; 3]> = BTreeMap::new();
    let t2 = std::time::Instant::now();
    let mut ntok = 0;
    for d in &docs {
        ntok += d.words.len();
        let pred = if stage_path {
            stage_tags(&tagger, d)
        } else {
            tagger.tag_words(&d.words, d.sentences.clone())
        };
        for r in &d.sentences {
            let g = tags::chunks(&d.tags[r.clone()]);
            let p = tags::chunks(&pred[r.clone()]);
            for c in &g {
                stats.entry(c.2.as_str()).or_default()[1] += 1;
                if p.contains(c) {
                    stats.entry(c.2.as_str()).or_default()[0] += 1;
                }
            }
            for c in &p {
                stats.entry(c.2.as_str()).or_default()[2] += 1;
            }
        }
    }
    eprintln!("tagged {ntok} tokens in {:?}", t2.elapsed());
    let mut tot = [0usize; 3];
    for (l, s) in &stats {
        let p = s[0] as f64 / s[2].max(1) as f64;
        let r = s[0] as f64 / s[1].max(1) as f64;
        println!(
            "{l:5} P {:.2} R {:.2} F1 {:.2}",
            100.0 * p,
            100.0 * r,
            200.0 * p * r / (p + r).max(1e-9)
        );
        for k in 0..3 {
            tot[k] += s[k];
        }
    }
    let p = tot[0] as f64 / tot[2].max(1) as f64;
    let r = tot[0] as f64 / tot[1].max(1) as f64;
    println!(
        "ALL   P {:.2} R {:.2} F1 {:.2}",
        100.0 * p,
        100.0 * r,
        200.0 * p * r / (p + r).max(1e-9)
    );
    Ok(())
}

/// Tags through the Stage (entities, titles trimmed, surnames relabelled), as the CLI does.
fn stage_tags(tagger: &NerTagger, d: &corpus::LabelledDoc) -> Vec<tags::Tag> {
    use chronicle_model::{Doc, Span, Stage, Token, TokenKind};
    let mut doc = Doc::new("d", None, String::new());
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
                flags: 1,
            });
        }
        doc.sentences.push(Span::new(start, s.len()));
        s.push('\n');
    }
    doc.text = s;
    tagger.annotate(&mut doc);
    let mut out = vec![tags::O; doc.tokens.len()];
    for e in &doc.entities {
        for (k, i) in doc.token_range(e.span).enumerate() {
            out[i] = if k == 0 {
                tags::begin(e.label)
            } else {
                tags::inside(e.label)
            };
        }
    }
    out
}
