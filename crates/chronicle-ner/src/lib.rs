//! Named-entity recogniser (placeholder: the trained model replaces this).

use chronicle_model::{Doc, Layer, Stage};

#[derive(Debug, thiserror::Error)]
pub enum NerError {
    #[error("bad model: {0}")]
    Model(String),
}

/// The entity stage with its model loaded.
#[derive(Debug, Default)]
pub struct NerTagger;

impl NerTagger {
    /// Loads the model compiled into the binary.
    ///
    /// # Errors
    /// When the embedded model is corrupt.
    pub fn load_default() -> Result<NerTagger, NerError> {
        Ok(NerTagger)
    }
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
    fn annotate(&self, _doc: &mut Doc) {}
}
