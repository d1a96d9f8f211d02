//! Integration tests of the entity stage: golden sentences in several news
//! styles, bad input, and the score on CoNLL-2003 dev when the data is present.

mod conll_dev;
mod golden;
mod robustness;

use chronicle_model::{Doc, Stage};
use chronicle_ner::NerTagger;

/// Segments and tags `text`.
pub fn annotate(text: &str) -> Doc {
    let mut doc = Doc::new("t", None, text);
    chronicle_text::Segmenter.annotate(&mut doc);
    tagger().annotate(&mut doc);
    doc
}

pub fn tagger() -> &'static NerTagger {
    static T: std::sync::OnceLock<NerTagger> = std::sync::OnceLock::new();
    T.get_or_init(|| NerTagger::load_default().expect("the embedded model loads"))
}

/// One entity a line: `start..end LABEL "text" canonical`.
pub fn render(doc: &Doc) -> String {
    let mut out = String::new();
    for e in &doc.entities {
        out.push_str(&format!(
            "{}..{} {} {:?} {:?}\n",
            e.span.start,
            e.span.end,
            e.label.as_str(),
            doc.slice(e.span),
            e.canonical
        ));
    }
    out
}
