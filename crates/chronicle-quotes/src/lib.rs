//! Quotations with their speakers, a light in-document coreference of people
//! and organisations, and the contact and denial events a fact-checker asks
//! about first.
//!
//! The stage is rule-based and linear: one pass pairs quotation marks
//! ([`marks`]), one builds mentions and clusters ([`coref`]), one finds each
//! quotation's cue and source in the clause around it and reported speech
//! around unused cue verbs ([`attribution`]), one reads events ([`events`]).
//! Rules rather than a trained model because news attribution is highly
//! conventional (`"…," he said`), because every decision must be explainable
//! to the fact-checker reading it, and because the stage must run at several
//! hundred thousand tokens a second. It reads the entity and timex layers when
//! they are there and falls back to capitalised names (and no dates) when
//! they are empty, so quotes keep their speakers whatever ran before it.

pub mod attribution;
pub mod coref;
pub mod dates;
pub mod events;
pub mod lexicon;
pub mod marks;
pub mod view;

use chronicle_model::{Doc, Layer, Quote, Stage};

/// Quotes and events over a document with entities and timexes.
#[derive(Debug, Default)]
pub struct AttributionStage;

impl Stage for AttributionStage {
    fn name(&self) -> &'static str {
        "quotes"
    }
    fn requires(&self) -> &'static [Layer] {
        &[
            Layer::Tokens,
            Layer::Sentences,
            Layer::Entities,
            Layer::Timexes,
        ]
    }
    fn provides(&self) -> &'static [Layer] {
        &[Layer::Quotes, Layer::Events]
    }
    fn annotate(&self, doc: &mut Doc) {
        let (quotes, events) = analyse(doc);
        doc.quotes = quotes;
        doc.events = events;
    }
    /// Cue lexicons and attribution rules are code: hash their sources (once).
    fn fingerprint(&self) -> u64 {
        static FP: std::sync::OnceLock<u64> = std::sync::OnceLock::new();
        *FP.get_or_init(|| {
            chronicle_model::Fingerprinter::of_sources(&[
                include_str!("lexicon.rs"),
                include_str!("attribution.rs"),
                include_str!("coref.rs"),
                include_str!("events.rs"),
                include_str!("marks.rs"),
                include_str!("dates.rs"),
                include_str!("view.rs"),
            ])
        })
    }
}

/// Quotes and events of `doc` (its token, sentence, entity and timex layers are read).
pub fn analyse(doc: &Doc) -> (Vec<Quote>, Vec<chronicle_model::Event>) {
    let v = view::View::new(&doc.text, &doc.tokens, &doc.sentences);
    let regions = marks::find(&v);
    let co = coref::build(&v, &doc.entities, &regions);
    let attrs = attribution::attribute(&v, &regions, &co);
    let events = events::events(&v, &co, &attrs, &doc.timexes);
    let quotes = attrs
        .into_iter()
        .map(|a| Quote {
            span: a.parts[0].cover(a.parts[a.parts.len() - 1]),
            parts: a.parts,
            kind: a.kind,
            speaker: a.speaker,
            speaker_span: a.speaker_mention.map(|m| co.mentions[m].span),
            cue: a.cue,
            cue_span: a.cue_span,
        })
        .collect();
    (quotes, events)
}
