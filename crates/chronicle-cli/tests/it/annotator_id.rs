//! The annotator id stored with each document carries a hash of the
//! models and rule tables, and `reannotate` redoes documents whose stored
//! id differs in any part of it (issue #6: re-annotation when the
//! annotators change).

use std::path::Path;

use crate::common::{chronicle, stderr, stdout};
use serde_json::Value;

fn ok(cwd: &Path, args: &[&str]) -> String {
    let o = chronicle(cwd, args);
    assert!(o.status.success(), "{args:?}: {}", stderr(&o));
    stdout(&o)
}

fn annotators(cwd: &Path) -> Vec<(String, u64)> {
    let stats: Value = serde_json::from_str(ok(cwd, &["stats", "--json"]).trim()).expect("json");
    stats["annotators"]
        .as_array()
        .expect("annotators")
        .iter()
        .map(|v| {
            (
                v["annotator"].as_str().unwrap_or_default().to_string(),
                v["docs"].as_u64().unwrap_or_default(),
            )
        })
        .collect()
}

/// Stores `id` as if annotator `by` had annotated it.
fn store_as(dir: &Path, by: &str, id: &str, text: &str) {
    let mut w = chronicle_store::Writer::open(&dir.join("chronicle-store"), by).expect("writer");
    let mut doc = chronicle_model::Doc::new(id, "2017-03-03".parse().ok(), text);
    doc.sentences
        .push(chronicle_model::Span::new(0, text.len()));
    w.write_batch(&[doc], false).expect("write");
    w.finish().expect("finish");
}

#[test]
fn reannotate_picks_up_documents_of_another_model_or_rule_hash() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let d = tmp.path();
    std::fs::write(
        d.join("in.jsonl"),
        "{\"id\": \"a\", \"date\": \"2017-03-02\", \"text\": \"Jeff Sessions met Sergey Kislyak in July 2016.\"}\n",
    )
    .expect("write");
    ok(d, &["ingest", "in.jsonl"]);

    let pipeline = chronicle_annotate::pipeline(chronicle_annotate::Layers::ALL).expect("pipeline");
    let current = chronicle_annotate::annotator_id(&pipeline);
    assert_eq!(annotators(d), vec![(current.clone(), 1)]);
    let (name, hash) = current.rsplit_once(" #").expect("a hash in the id");
    assert_eq!(hash.len(), 8, "{current}");

    // Same version and stages, other models or rules: only the hash differs.
    let stale = format!(
        "{name} #{}",
        if hash == "00000000" {
            "ffffffff"
        } else {
            "00000000"
        }
    );
    store_as(d, &stale, "b", "Sergey Lavrov spoke in Moscow on Friday.");
    // A store written before ids carried a hash.
    store_as(d, name, "c", "Rex Tillerson flew to Brussels on Monday.");
    assert_eq!(annotators(d).len(), 3, "{:?}", annotators(d));

    let out = ok(d, &["reannotate"]);
    assert!(out.starts_with("reannotated 2, rejected 0"), "{out}");
    assert!(out.contains(&current), "{out}");
    assert_eq!(annotators(d), vec![(current, 3)]);
    // Nothing left to do.
    assert!(ok(d, &["reannotate"]).starts_with("reannotated 0, rejected 0"));
}
