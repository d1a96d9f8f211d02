//! The annotation pipeline: segmentation, timexes, entities, quotes and events,
//! in that order, over one `Doc` at a time.
//!
//! Annotation is a pure function of the document (text and date): no I/O, no
//! clock, so the same code runs in the CLI, the server, Python and Spark.

use chronicle_model::{Doc, Layer, Pipeline, PipelineError};

mod annotator;
pub mod json;

pub use annotator::{annotator_id, loaded_annotator_id};

pub use chronicle_model;

#[derive(Debug, thiserror::Error)]
pub enum AnnotateError {
    #[error(transparent)]
    Pipeline(#[from] PipelineError),
    #[error("loading the entity model: {0}")]
    Ner(#[from] chronicle_ner::NerError),
}

pub type Result<T> = std::result::Result<T, AnnotateError>;

/// Which layers to compute: later stages need the earlier ones, so asking for
/// quotes brings entities and timexes with it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Layers {
    pub timexes: bool,
    pub entities: bool,
    pub quotes: bool,
}

impl Layers {
    pub const ALL: Layers = Layers {
        timexes: true,
        entities: true,
        quotes: true,
    };
    pub const TIMEXES: Layers = Layers {
        timexes: true,
        entities: false,
        quotes: false,
    };
    pub const ENTITIES: Layers = Layers {
        timexes: false,
        entities: true,
        quotes: false,
    };
}

/// The full pipeline, or the part of it that `layers` needs.
///
/// # Errors
/// When the entity model cannot be loaded.
pub fn pipeline(layers: Layers) -> Result<Pipeline> {
    let mut stages: Vec<Box<dyn chronicle_model::Stage>> =
        vec![Box::new(chronicle_text::Segmenter)];
    let need_quotes = layers.quotes;
    if layers.timexes || need_quotes {
        stages.push(Box::new(chronicle_timex::TimexTagger::new()));
    }
    if layers.entities || need_quotes {
        stages.push(Box::new(chronicle_ner::NerTagger::load_default()?));
    }
    if need_quotes {
        stages.push(Box::new(chronicle_quotes::AttributionStage));
    }
    Ok(Pipeline::new(stages)?)
}

/// Annotates one document with the full pipeline (convenience for tests and bindings).
///
/// # Errors
/// When the entity model cannot be loaded.
pub fn annotate(doc: &mut Doc) -> Result<()> {
    pipeline(Layers::ALL)?.annotate(doc);
    Ok(())
}

/// Layers a full pipeline provides, for documentation and checks.
pub const PROVIDED: &[Layer] = &[
    Layer::Tokens,
    Layer::Sentences,
    Layer::Paragraphs,
    Layer::Timexes,
    Layer::Entities,
    Layer::Quotes,
    Layer::Events,
];
