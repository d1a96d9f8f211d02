//! Training: an averaged structured perceptron over hashed features, with
//! the second pass trained on hints from a jackknifed first pass (each
//! training document's hints come from a model that never saw it, so the
//! second pass learns how far to trust hints on unseen text).

use std::path::Path;

use crate::cluster_build;
pub use crate::cluster_build::ClusterOptions;
use crate::corpus::{self, LabelledDoc};
use crate::decode::{Decoder, Transitions};
use crate::features::extract;
use crate::gazetteer::Gazetteer;
use crate::model::{Model, Table};
use crate::rng::Rng;
use crate::tagger::{tag_pass, DocView, Work};
use crate::tags::{Tag, N_TAGS};
use crate::NerError;

/// Training settings.
#[derive(Debug, Clone, Copy)]
pub struct TrainOptions {
    pub seed: u64,
    /// log2 of the weight-table rows.
    pub bits: u32,
    pub epochs: usize,
    /// Folds of the jackknife for second-pass hints (0 = no second pass).
    pub folds: usize,
    /// Folds of the jackknife for name-list features (0 = no name lists).
    pub gaz_folds: usize,
    pub clusters: ClusterOptions,
}

impl Default for TrainOptions {
    fn default() -> Self {
        TrainOptions {
            seed: 1,
            bits: 18,
            epochs: 10,
            folds: 4,
            gaz_folds: 4,
            clusters: ClusterOptions::default(),
        }
    }
}

/// Trains the model from `data` (`conll2003/eng.train` for labels; the
/// news corpora and the training text for clusters).
///
/// # Errors
/// When the training file cannot be read or holds no sentences.
pub fn train(
    data: &Path,
    opts: TrainOptions,
    log: &mut dyn FnMut(&str),
) -> Result<Model, NerError> {
    let train_path = data.join("conll2003/eng.train");
    let docs = corpus::parse_conll(&corpus::read_text(&train_path)?);
    if docs.is_empty() {
        return Err(NerError::Io {
            path: train_path.display().to_string(),
            message: "no sentences".into(),
        });
    }
    log(&format!("{} training documents", docs.len()));
    let streams = unlabelled_streams(data, &docs, log);
    let clusters = cluster_build::build(
        &streams,
        ClusterOptions {
            seed: opts.seed,
            ..opts.clusters
        },
    );
    drop(streams);
    log(&format!("{} words clustered", clusters.len()));
    let mut views: Vec<DocView> = docs
        .iter()
        .map(|d| DocView::new(&d.words, d.sentences.clone(), &clusters))
        .collect();
    let gazetteer = if opts.gaz_folds >= 2 {
        let full = gazetteer_of(&docs, &views, |_| true);
        for fold in 0..opts.gaz_folds {
            let g = gazetteer_of(&docs, &views, |d| d % opts.gaz_folds != fold);
            for (d, view) in views.iter_mut().enumerate() {
                if d % opts.gaz_folds == fold {
                    view.set_gazetteer(&g);
                }
            }
        }
        log(&format!("{} name-list keys", full.len()));
        full
    } else {
        Gazetteer::default()
    };
    let sents1 = featurise(&docs, &views, false, opts.bits);
    log("training the first pass");
    let (w1, t1) = perceptron(&sents1, opts, opts.seed, log);
    let pass1 = Table::quantise(&w1, &t1);
    drop(w1);
    let pass2 = if opts.folds >= 2 {
        let mut work = Work::default();
        for fold in 0..opts.folds {
            log(&format!("jackknife fold {}/{}", fold + 1, opts.folds));
            let train_sents: Vec<&Sent> = sents1
                .iter()
                .filter(|s| s.doc % opts.folds != fold)
                .collect();
            let (w, t) = perceptron_refs(&train_sents, opts, opts.seed + 1 + fold as u64, log);
            let table = Table::quantise(&w, &t);
            let mut tags = Vec::new();
            for (i, view) in views.iter_mut().enumerate() {
                if i % opts.folds == fold {
                    tag_pass(&table, opts.bits, view, false, &mut work, &mut tags);
                    view.set_hints(&tags);
                }
            }
        }
        drop(sents1);
        let sents2 = featurise(&docs, &views, true, opts.bits);
        log("training the second pass");
        let (w2, t2) = perceptron(&sents2, opts, opts.seed + 100, log);
        Some(Table::quantise(&w2, &t2))
    } else {
        None
    };
    Ok(Model {
        bits: opts.bits,
        clusters,
        gazetteer,
        pass1,
        pass2,
    })
}

/// The names of the training documents that `keep` selects.
fn gazetteer_of(
    docs: &[LabelledDoc],
    views: &[DocView],
    keep: impl Fn(usize) -> bool,
) -> Gazetteer {
    let mut g = Gazetteer::default();
    for (d, (doc, view)) in docs.iter().zip(views).enumerate() {
        if !keep(d) {
            continue;
        }
        for r in &view.sentences {
            for (s, e, label) in crate::tags::chunks(&doc.tags[r.clone()]) {
                let class = crate::tags::begin(label) as usize / 2;
                g.add(&view.attrs[r.start + s..r.start + e], class);
            }
        }
    }
    g
}

/// Token streams for the clusters: the training text and every news text
/// in the data folder except the evaluation sets.
fn unlabelled_streams(
    data: &Path,
    docs: &[LabelledDoc],
    log: &mut dyn FnMut(&str),
) -> Vec<Vec<String>> {
    let mut streams: Vec<Vec<String>> = docs.iter().map(|d| d.words.clone()).collect();
    let mut texts: Vec<String> = Vec::new();
    for f in ["timeline17/articles.jsonl.gz", "bbc-news/articles.jsonl.gz"] {
        match corpus::read_text(&data.join(f)) {
            Ok(c) => texts.extend(corpus::jsonl_texts(&c)),
            Err(e) => log(&format!("skipping {f}: {e}")),
        }
    }
    for p in corpus::files_under(&data.join("polnear/train/text")) {
        if let Ok(t) = corpus::read_text(&p) {
            texts.push(t);
        }
    }
    let mut n = 0usize;
    for t in &texts {
        let tokens = chronicle_text::tokenize(t);
        let words: Vec<String> = tokens
            .iter()
            .map(|tok| chronicle_text::ptb_norm(&t[tok.span]).to_string())
            .collect();
        n += words.len();
        streams.push(words);
    }
    log(&format!("{} unlabelled texts, {n} tokens", texts.len()));
    streams
}

/// One training sentence, featurised.
struct Sent {
    doc: usize,
    rows: Vec<u32>,
    starts: Vec<u32>,
    gold: Vec<Tag>,
}

fn featurise(docs: &[LabelledDoc], views: &[DocView], use_hints: bool, bits: u32) -> Vec<Sent> {
    let mut out = Vec::new();
    for (d, (doc, view)) in docs.iter().zip(views).enumerate() {
        for (s, r) in view.sentences.iter().enumerate() {
            if r.is_empty() {
                continue;
            }
            let mut rows = Vec::new();
            let mut starts = Vec::new();
            extract(
                &view.attrs[r.clone()],
                &view.facts[r.clone()],
                view.styles[s],
                use_hints,
                bits,
                &mut rows,
                &mut starts,
            );
            out.push(Sent {
                doc: d,
                rows,
                starts,
                gold: doc.tags[r.clone()].to_vec(),
            });
        }
    }
    out
}

fn perceptron(
    sents: &[Sent],
    opts: TrainOptions,
    seed: u64,
    log: &mut dyn FnMut(&str),
) -> (Vec<f32>, Transitions) {
    let refs: Vec<&Sent> = sents.iter().collect();
    perceptron_refs(&refs, opts, seed, log)
}

/// Averaged perceptron (the "w − u/c" form of averaging: no per-step copies).
fn perceptron_refs(
    sents: &[&Sent],
    opts: TrainOptions,
    seed: u64,
    log: &mut dyn FnMut(&str),
) -> (Vec<f32>, Transitions) {
    let n = (1usize << opts.bits) * N_TAGS;
    let mut w = vec![0f32; n];
    let mut u = vec![0f64; n];
    let mut tw: Transitions = [[0.0; N_TAGS]; N_TAGS + 1];
    let mut tu = [[0f64; N_TAGS]; N_TAGS + 1];
    let mut c = 1f64;
    let mut order: Vec<usize> = (0..sents.len()).collect();
    let mut rng = Rng::new(seed);
    let mut decoder = Decoder::default();
    let mut emissions: Vec<[f32; N_TAGS]> = Vec::new();
    let mut pred: Vec<Tag> = Vec::new();
    for epoch in 0..opts.epochs {
        rng.shuffle(&mut order);
        let mut errors = 0usize;
        let mut tokens = 0usize;
        for &k in &order {
            let s = sents[k];
            emissions.clear();
            for i in 0..s.gold.len() {
                let mut e = [0f32; N_TAGS];
                for &r in &s.rows[s.starts[i] as usize..s.starts[i + 1] as usize] {
                    let base = r as usize * N_TAGS;
                    for (t, x) in e.iter_mut().enumerate() {
                        *x += w[base + t];
                    }
                }
                emissions.push(e);
            }
            decoder.viterbi(&emissions, &tw, &mut pred);
            tokens += s.gold.len();
            if pred != s.gold {
                for i in 0..s.gold.len() {
                    let (g, p) = (s.gold[i] as usize, pred[i] as usize);
                    let (gp, pp) = if i == 0 {
                        (N_TAGS, N_TAGS)
                    } else {
                        (s.gold[i - 1] as usize, pred[i - 1] as usize)
                    };
                    if (gp, g) != (pp, p) {
                        tw[gp][g] += 1.0;
                        tu[gp][g] += c;
                        tw[pp][p] -= 1.0;
                        tu[pp][p] -= c;
                    }
                    if g != p {
                        errors += 1;
                        for &r in &s.rows[s.starts[i] as usize..s.starts[i + 1] as usize] {
                            let base = r as usize * N_TAGS;
                            w[base + g] += 1.0;
                            u[base + g] += c;
                            w[base + p] -= 1.0;
                            u[base + p] -= c;
                        }
                    }
                }
            }
            c += 1.0;
        }
        log(&format!(
            "  epoch {}: {:.2}% token errors",
            epoch + 1,
            100.0 * errors as f64 / tokens.max(1) as f64
        ));
    }
    let avg: Vec<f32> = w
        .iter()
        .zip(&u)
        .map(|(&w, &u)| (f64::from(w) - u / c) as f32)
        .collect();
    let mut t = [[0f32; N_TAGS]; N_TAGS + 1];
    for p in 0..=N_TAGS {
        for q in 0..N_TAGS {
            t[p][q] = (f64::from(tw[p][q]) - tu[p][q] / c) as f32;
        }
    }
    (avg, t)
}
