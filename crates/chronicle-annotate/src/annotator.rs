//! The annotator id stored with every document: which code and which data
//! produced its layers.

use chronicle_model::Pipeline;

/// The annotator version stored with each document, e.g.
/// `chronicle 0.1.0 (segment+timex+ner+quotes) #3f9a1c2e`: the package
/// version, the stages, and a hash of their models, word lists and rules
/// ([`Pipeline::fingerprint`]), so that a retrained model or an edited rule
/// table makes `chronicle reannotate` pick up what the old one annotated
/// even when the version number did not change.
pub fn annotator_id(pipeline: &Pipeline) -> String {
    format!(
        "chronicle {} ({}) #{:08x}",
        env!("CARGO_PKG_VERSION"),
        pipeline.stage_names().join("+"),
        // 32 bits keep the id readable; a collision between two builds is
        // a one-in-four-billion chance.
        pipeline.fingerprint() >> 32
    )
}

/// The annotator recorded for layers loaded from elsewhere (annotated
/// Parquet): no pipeline of ours ran, so the id says where they came from
/// and never equals [`annotator_id`] (`reannotate` treats them as older).
pub fn loaded_annotator_id(from: &str) -> String {
    format!(
        "chronicle {} (loaded from {from})",
        env!("CARGO_PKG_VERSION")
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{pipeline, Layers};
    use chronicle_model::Stage;

    #[test]
    fn id_is_stable_and_names_version_stages_and_hash() {
        let p = pipeline(Layers::ALL).unwrap();
        let id = annotator_id(&p);
        assert_eq!(id, annotator_id(&p));
        assert_eq!(id, annotator_id(&pipeline(Layers::ALL).unwrap()));
        let (head, hash) = id.rsplit_once(" #").unwrap();
        assert_eq!(
            head,
            format!(
                "chronicle {} (segment+timex+ner+quotes)",
                env!("CARGO_PKG_VERSION")
            )
        );
        assert_eq!(hash.len(), 8);
        assert!(hash.bytes().all(|b| b.is_ascii_hexdigit()));
        // Fewer stages, another id.
        assert_ne!(id, annotator_id(&pipeline(Layers::TIMEXES).unwrap()));
        assert_ne!(id, loaded_annotator_id("Parquet"));
    }

    #[test]
    fn id_changes_with_the_entity_model_weights() {
        // The shipped model, read the way `load_default` reads it.
        let gz = include_bytes!("../../chronicle-ner/model/ner.bin.gz");
        let base = chronicle_ner::NerTagger::load_default().unwrap();
        let mut model = chronicle_ner::Model::read_gz(gz).unwrap();
        let same = chronicle_ner::NerTagger::from_model(model.clone());
        assert_eq!(base.fingerprint(), same.fingerprint());
        // One weight of one feature moved by one step.
        let row = model
            .pass1
            .weights
            .iter()
            .position(|r| r.iter().any(|&w| w != 0))
            .unwrap();
        model.pass1.weights[row][0] = model.pass1.weights[row][0].wrapping_add(1);
        let changed = chronicle_ner::NerTagger::from_model(model);
        assert_ne!(base.fingerprint(), changed.fingerprint());

        let with = |ner: chronicle_ner::NerTagger| {
            let stages: Vec<Box<dyn Stage>> =
                vec![Box::new(chronicle_text::Segmenter), Box::new(ner)];
            annotator_id(&Pipeline::new(stages).unwrap())
        };
        assert_ne!(with(base), with(changed));
    }
}
