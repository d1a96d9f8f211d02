//! Temporal expression tagger and TIMEX3 normaliser.
//!
//! Text and a document date go in, `Timex` spans with TimeML TIMEX3 `type`,
//! `value` and `mod` come out. It is built for throughput: the foundation's
//! tokens are classified once into small word classes (a `match` on a
//! lower-cased stack copy, no allocation), and a hand-written grammar reads
//! the class stream left to right, trying the rule families at each token
//! and keeping the longest reading. There are no regexes on the hot path and
//! nothing is allocated except the output values. Resolution is a pure
//! function of the text, the document date and the reference time the
//! narrative has reached (the last date emitted), with the tense around a
//! mention deciding between past and future for bare weekdays and months.
//! Word lists and rules are our own, written from the TimeML guidelines and
//! English grammar.

mod context;
mod grammar;
mod lexicon;
mod stream;
mod value;

use chronicle_model::{Date, Doc, Layer, Stage, Timex};

pub use grammar::duration;

/// Finds TIMEX3 expressions in text and normalises them against a document date.
#[derive(Debug, Default)]
pub struct TimexTagger;

impl TimexTagger {
    pub fn new() -> TimexTagger {
        TimexTagger
    }

    /// Tags `doc` (its tokens and sentences must be present) against `dct`.
    /// The result is sorted by start and non-overlapping.
    pub fn tag(&self, doc: &Doc, dct: Option<Date>) -> Vec<Timex> {
        let mut toks = Vec::with_capacity(doc.tokens.len());
        stream::build(doc, &mut toks);
        let mut out = Vec::new();
        grammar::scan(&toks, &doc.text, dct, &mut out);
        out
    }
}

/// Tags plain text: segments it with `chronicle_text`, then runs the tagger.
pub fn tag_text(text: &str, dct: Option<Date>) -> Vec<Timex> {
    let mut doc = Doc::new("", dct, text);
    chronicle_text::Segmenter.annotate(&mut doc);
    TimexTagger::new().tag(&doc, dct)
}

impl Stage for TimexTagger {
    fn name(&self) -> &'static str {
        "timex"
    }
    fn requires(&self) -> &'static [Layer] {
        &[Layer::Tokens, Layer::Sentences]
    }
    fn provides(&self) -> &'static [Layer] {
        &[Layer::Timexes]
    }
    fn annotate(&self, doc: &mut Doc) {
        doc.timexes = self.tag(doc, doc.date);
        if doc.date.is_none() && !doc.timexes.is_empty() {
            doc.diagnose(
                "timex",
                "no document date: relative expressions are left underspecified (XXXX)",
                None,
            );
        }
    }
    /// The rule tables and word lists are code: hash their sources (once).
    fn fingerprint(&self) -> u64 {
        static FP: std::sync::OnceLock<u64> = std::sync::OnceLock::new();
        *FP.get_or_init(|| {
            chronicle_model::Fingerprinter::of_sources(&[
                include_str!("grammar.rs"),
                include_str!("lexicon.rs"),
                include_str!("context.rs"),
                include_str!("value.rs"),
                include_str!("stream.rs"),
            ])
        })
    }
}
