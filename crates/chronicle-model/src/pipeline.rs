use std::sync::OnceLock;

use crate::fingerprint::Fingerprinter;
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
    /// A stable hash of what decides this stage's output besides the
    /// document: model weights, word lists, rule tables (hashed from their
    /// embedded bytes or sources). Stores compare it to know which documents
    /// an older annotator produced. Called once per pipeline, so it may be
    /// slow; the default (0) suits only stages without data of their own.
    fn fingerprint(&self) -> u64 {
        0
    }
}

#[derive(Debug, thiserror::Error)]
pub enum PipelineError {
    #[error("stage `{stage}` requires the {layer:?} layer, which no earlier stage provides")]
    MissingLayer { stage: &'static str, layer: Layer },
}

/// Stages in order, checked once when built.
pub struct Pipeline {
    stages: Vec<Box<dyn Stage>>,
    /// Computed on first use: hashing a model's weights is not free.
    fingerprint: OnceLock<u64>,
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
        Ok(Pipeline {
            stages,
            fingerprint: OnceLock::new(),
        })
    }

    pub fn stage_names(&self) -> Vec<&'static str> {
        self.stages.iter().map(|s| s.name()).collect()
    }

    pub fn annotate(&self, doc: &mut Doc) {
        for stage in &self.stages {
            stage.annotate(doc);
        }
    }

    /// A stable hash of the stages in order, with their names and
    /// [`Stage::fingerprint`]s: equal exactly when the pipeline would
    /// annotate the same way. Computed once per pipeline.
    pub fn fingerprint(&self) -> u64 {
        *self.fingerprint.get_or_init(|| {
            let mut f = Fingerprinter::new();
            for stage in &self.stages {
                f.str(stage.name()).u64(stage.fingerprint());
            }
            f.finish()
        })
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

    /// A stage whose output depends on a word list.
    struct Listed(&'static str);
    impl Stage for Listed {
        fn name(&self) -> &'static str {
            "listed"
        }
        fn requires(&self) -> &'static [Layer] {
            &[]
        }
        fn provides(&self) -> &'static [Layer] {
            &[Layer::Entities]
        }
        fn annotate(&self, _doc: &mut Doc) {}
        fn fingerprint(&self) -> u64 {
            Fingerprinter::new().source(self.0).finish()
        }
    }

    fn pipeline(stages: Vec<Box<dyn Stage>>) -> Pipeline {
        Pipeline::new(stages).unwrap()
    }

    #[test]
    fn fingerprint_follows_stage_data_names_and_order() {
        let tok = || Box::new(Fake("tok", &[], &[Layer::Tokens]));
        let a = pipeline(vec![tok(), Box::new(Listed("Paris\nRome"))]);
        assert_eq!(a.fingerprint(), a.fingerprint());
        let same = pipeline(vec![tok(), Box::new(Listed("Paris\nRome"))]);
        assert_eq!(a.fingerprint(), same.fingerprint());
        let other_data = pipeline(vec![tok(), Box::new(Listed("Paris\nOslo"))]);
        assert_ne!(a.fingerprint(), other_data.fingerprint());
        let reordered = pipeline(vec![Box::new(Listed("Paris\nRome")), tok()]);
        assert_ne!(a.fingerprint(), reordered.fingerprint());
        let fewer = pipeline(vec![tok()]);
        assert_ne!(a.fingerprint(), fewer.fingerprint());
    }
}
