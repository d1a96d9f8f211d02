//! Temporal expression tagger (placeholder: the real tagger replaces this).

use chronicle_model::{Date, Doc, Layer, Stage, Timex};

/// Finds TIMEX3 expressions in text and normalises them against a document date.
#[derive(Debug, Default)]
pub struct TimexTagger;

impl TimexTagger {
    pub fn new() -> TimexTagger {
        TimexTagger
    }

    /// Tags `doc` (its tokens and sentences must be present) against `dct`.
    pub fn tag(&self, _doc: &Doc, _dct: Option<Date>) -> Vec<Timex> {
        Vec::new()
    }
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
    }
}
