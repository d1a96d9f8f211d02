//! Quotations, speakers, coreference and contact events (placeholder).

use chronicle_model::{Doc, Layer, Stage};

/// Quotes and events over a document with entities and timexes.
#[derive(Debug, Default)]
pub struct AttributionStage;

impl Stage for AttributionStage {
    fn name(&self) -> &'static str {
        "quotes"
    }
    fn requires(&self) -> &'static [Layer] {
        &[Layer::Tokens, Layer::Sentences, Layer::Entities, Layer::Timexes]
    }
    fn provides(&self) -> &'static [Layer] {
        &[Layer::Quotes, Layer::Events]
    }
    fn annotate(&self, _doc: &mut Doc) {}
}
