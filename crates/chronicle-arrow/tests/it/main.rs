//! Integration tests: annotated documents survive Arrow and Parquet
//! unchanged (same JSON contract line), and bad rows never fail a batch.

mod bad_rows;
mod roundtrip;

use std::ops::ControlFlow;
use std::path::PathBuf;

use chronicle_model::Doc;

/// The sample articles shipped with the repository, annotated.
pub fn sample_docs() -> Vec<Doc> {
    let dir = PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../sample/meantime"
    ));
    let mut docs = Vec::new();
    let _ = chronicle_ingest::read_paths(
        &[dir],
        &chronicle_ingest::ReadOptions::default(),
        &mut |r| {
            if let Ok(doc) = r {
                docs.push(doc);
            }
            ControlFlow::Continue(())
        },
    );
    docs.push(Doc::new(
        "euro",
        "2017-03-02".parse().ok(),
        "“We paid €5 million,” Jeff Sessions said on Wednesday. He met Sergey Kislyak in July 2016 — twice, officials said.",
    ));
    let pipeline = chronicle_annotate::pipeline(chronicle_annotate::Layers::ALL).unwrap();
    for doc in &mut docs {
        pipeline.annotate(doc);
        doc.tokens.clear();
    }
    docs
}
