use crate::Doc;

/// The layers a stage can require or provide.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Layer {
    Tokens,
    Sentences,
    Paragraphs,
    Entities,
    Timexes,
    Quotes,
    Events,
}

/// One annotation component. A stage is a pure function of the `Doc`: no
/// I/O, no clock, no global state, so it runs the same anywhere.
pub trait Stage: Send + Sync {
    fn name(&self) -> &'static str;
    /// Layers that must exist before this stage runs.
    fn requires(&self) -> &'static [Layer];
    /// Layers this stage adds.
    fn provides(&self) -> &'static [Layer];
    /// Adds this stage's layers. Never fails: problems become diagnostics.
    fn annotate(&self, doc: &mut Doc);
}

#[derive(Debug, thiserror::Error)]
pub enum PipelineError {
    #[error("stage `{stage}` requires the {layer:?} layer, which no earlier stage provides")]
    MissingLayer { stage: &'static str, layer: Layer },
}

/// Stages in order, checked once when built.
pub struct Pipeline {
    stages: Vec<Box<dyn Stage>>,
}

impl Pipeline {
    /// # Errors
    /// When a stage requires a layer that no earlier stage provides.
    pub fn new(stages: Vec<Box<dyn Stage>>) -> Result<Pipeline, PipelineError> {
        let mut have: Vec<Layer> = Vec::new();
        for stage in &stages {
            for &layer in stage.requires() {
                if !have.contains(&layer) {
                    return Err(PipelineError::MissingLayer {
                        stage: stage.name(),
                        layer,
                    });
                }
            }
            have.extend_from_slice(stage.provides());
        }
        Ok(Pipeline { stages })
    }

    pub fn stage_names(&self) -> Vec<&'static str> {
        self.stages.iter().map(|s| s.name()).collect()
    }

    pub fn annotate(&self, doc: &mut Doc) {
        for stage in &self.stages {
            stage.annotate(doc);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Fake(&'static str, &'static [Layer], &'static [Layer]);
    impl Stage for Fake {
        fn name(&self) -> &'static str {
            self.0
        }
        fn requires(&self) -> &'static [Layer] {
            self.1
        }
        fn provides(&self) -> &'static [Layer] {
            self.2
        }
        fn annotate(&self, _doc: &mut Doc) {}
    }

    #[test]
    fn checks_chain() {
        let ok = Pipeline::new(vec![
            Box::new(Fake("tok", &[], &[Layer::Tokens])),
            Box::new(Fake("ner", &[Layer::Tokens], &[Layer::Entities])),
        ]);
        assert!(ok.is_ok());
        let bad = Pipeline::new(vec![Box::new(Fake("ner", &[Layer::Tokens], &[]))]);
        assert!(matches!(
            bad,
            Err(PipelineError::MissingLayer { stage: "ner", .. })
        ));
    }
}
