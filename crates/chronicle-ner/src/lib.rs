//! Named-entity recogniser for news: PER, ORG, LOC, MISC (the CoNLL-2003
//! classes).
//!
//! A statistical model of our own rather than rules or a foreign runtime:
//! an averaged structured perceptron over hashed features (word forms,
//! shapes, affixes, a ±2 window, sentence style such as headline capitals,
//! and word clusters derived from unlabelled news by `chronicle train ner`),
//! decoded by a first-order Viterbi that only emits well-formed IOB2. A
//! second pass sees what the first pass said about the same word elsewhere
//! in the document, which is how news names stay consistent
//! ("Sessions" after "Jeff Sessions"). Hashing keeps the model one flat
//! table with no vocabulary to store; weights are 16-bit and gzip'd into
//! the binary with `include_bytes!`, so nothing is read at run time and
//! loading is one decompression.

mod canonical;
pub mod cluster_build;
pub mod clusters;
pub mod corpus;
mod decode;
mod features;
mod gazetteer;
mod hash;
mod lexical;
pub mod model;
mod rng;
mod tagger;
pub mod tags;
pub mod train;

use std::borrow::Cow;
use std::ops::Range;

use chronicle_model::{Doc, Layer, Stage};

pub use canonical::TokenRef;
pub use model::Model;

/// The model compiled into the binary (`model/README.md` says how it was made).
static MODEL_GZ: &[u8] = include_bytes!("../model/ner.bin.gz");

#[derive(Debug, thiserror::Error)]
pub enum NerError {
    #[error("bad model: {0}")]
    Model(String),
    #[error("{path}: {message}")]
    Io { path: String, message: String },
}

pub type Result<T> = std::result::Result<T, NerError>;

/// The entity stage with its model loaded.
#[derive(Debug, Clone)]
pub struct NerTagger {
    model: Model,
}

impl NerTagger {
    /// Loads the model compiled into the binary.
    ///
    /// # Errors
    /// When the embedded model is corrupt.
    pub fn load_default() -> Result<NerTagger> {
        NerTagger::from_gz(MODEL_GZ)
    }

    /// Loads a gzip-compressed model (as written by [`Model::write_gz`]).
    ///
    /// # Errors
    /// When the bytes are not a model.
    pub fn from_gz(bytes: &[u8]) -> Result<NerTagger> {
        Ok(NerTagger {
            model: Model::read_gz(bytes)?,
        })
    }

    pub fn from_model(model: Model) -> NerTagger {
        NerTagger { model }
    }

    /// IOB2 tags for PTB-normalised words split into sentences (token
    /// index ranges, in order). Tokens outside every range are tagged `O`.
    pub fn tag_words<S: AsRef<str>>(
        &self,
        words: &[S],
        sentences: Vec<Range<usize>>,
    ) -> Vec<tags::Tag> {
        let sentences = sanitise(sentences, words.len());
        let mut view = tagger::DocView::new(words, sentences, &self.model.clusters);
        tagger::tag_doc(&self.model, &mut view, &mut tagger::Work::default())
    }
}

/// Sentence ranges in order, disjoint, within `n`, with every token in one.
fn sanitise(sentences: Vec<Range<usize>>, n: usize) -> Vec<Range<usize>> {
    let mut out = Vec::with_capacity(sentences.len() + 1);
    let mut at = 0usize;
    for r in sentences {
        let start = r.start.max(at).min(n);
        let end = r.end.min(n);
        if end <= start {
            continue;
        }
        if start > at {
            out.push(at..start);
        }
        out.push(start..end);
        at = end;
    }
    if at < n {
        out.push(at..n);
    }
    out
}

impl Stage for NerTagger {
    fn name(&self) -> &'static str {
        "ner"
    }
    fn requires(&self) -> &'static [Layer] {
        &[Layer::Tokens, Layer::Sentences]
    }
    fn provides(&self) -> &'static [Layer] {
        &[Layer::Entities]
    }
    fn annotate(&self, doc: &mut Doc) {
        let words: Vec<Cow<'_, str>> = doc
            .tokens
            .iter()
            .map(|t| normalise(doc.text.get(t.span.range()).unwrap_or("")))
            .collect();
        let ranges: Vec<Range<usize>> = doc.sentences.iter().map(|&s| doc.token_range(s)).collect();
        let tags = self.tag_words(&words, ranges);
        let refs: Vec<TokenRef<'_>> = doc
            .tokens
            .iter()
            .zip(&words)
            .map(|(t, w)| TokenRef {
                span: t.span,
                word: w.as_ref(),
            })
            .collect();
        let entities = canonical::entities(&doc.text, &refs, &tags);
        doc.entities = entities;
    }
    /// The loaded model (weights, transitions, clusters, name lists) and
    /// the sources of the feature and decoding code that reads it.
    fn fingerprint(&self) -> u64 {
        static CODE: std::sync::OnceLock<u64> = std::sync::OnceLock::new();
        let code = *CODE.get_or_init(|| {
            chronicle_model::Fingerprinter::of_sources(&[
                include_str!("features.rs"),
                include_str!("lexical.rs"),
                include_str!("tagger.rs"),
                include_str!("decode.rs"),
                include_str!("canonical.rs"),
                include_str!("gazetteer.rs"),
                include_str!("clusters.rs"),
                include_str!("hash.rs"),
                include_str!("tags.rs"),
            ])
        });
        let m = &self.model;
        let mut f = chronicle_model::Fingerprinter::new();
        f.u64(code).u64(u64::from(m.bits));
        for (k, b, d) in m.clusters.entries() {
            f.u64(k).u64((u64::from(b) << 8) | u64::from(d));
        }
        for (k, c) in m.gazetteer.entries() {
            f.u64(k).u64(u64::from(c));
        }
        for t in std::iter::once(&m.pass1).chain(m.pass2.as_ref()) {
            f.u64(u64::from(t.scale.to_bits()));
            for v in t.trans.iter().flatten() {
                f.u64(u64::from(v.to_bits()));
            }
            f.u64(t.weights.len() as u64);
            for lanes in t.weights.iter().flat_map(|row| row.chunks(4)) {
                // Four 16-bit lanes to a word.
                f.u64(
                    lanes
                        .iter()
                        .fold(0u64, |acc, &x| (acc << 16) | u64::from(x as u16)),
                );
            }
        }
        f.finish()
    }
}

/// The form the model was trained on: PTB escapes undone, typographic
/// quotes and apostrophes as ASCII (CoNLL text has only ASCII ones).
pub fn normalise(token: &str) -> Cow<'_, str> {
    let t = chronicle_text::ptb_norm(token);
    if t.is_ascii() || !t.contains(['‘', '’', '“', '”']) {
        return Cow::Borrowed(t);
    }
    Cow::Owned(
        t.chars()
            .map(|c| match c {
                '‘' | '’' => '\'',
                '“' | '”' => '"',
                c => c,
            })
            .collect(),
    )
}

/// The IOB2 tag of every token of an annotated document, from its entities.
pub fn iob2_tags(doc: &Doc) -> Vec<&'static str> {
    let mut out = vec!["O"; doc.tokens.len()];
    for e in &doc.entities {
        let r = doc.token_range(e.span);
        for (k, i) in r.enumerate() {
            out[i] = tags::name(if k == 0 {
                tags::begin(e.label)
            } else {
                tags::inside(e.label)
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sanitise_covers_every_token_once() {
        assert_eq!(
            sanitise(vec![2..4, 3..6, 9..20], 10),
            vec![0..2, 2..4, 4..6, 6..9, 9..10]
        );
        assert_eq!(sanitise(vec![], 3), vec![0..3]);
        assert!(sanitise(std::iter::once(0..5).collect(), 0).is_empty());
    }

    #[test]
    fn normalises_quotes() {
        assert_eq!(normalise("’s"), "'s");
        assert_eq!(normalise("-LRB-"), "(");
        assert_eq!(normalise("Zürich"), "Zürich");
    }
}
