//! `chronicle timeline --summary L` on the bundled sample corpus, run as the
//! real binary.

use crate::common::chronicle;
use std::path::Path;

#[test]
fn summary_lists_at_most_l_key_days_with_sources() {
    let sample = concat!(env!("CARGO_MANIFEST_DIR"), "/../../sample/meantime");
    if !Path::new(sample).is_dir() {
        println!("skipped: the sample corpus is not at {sample}");
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    let out = chronicle(d, &["ingest", "--store", "kb", sample]);
    assert!(out.status.success(), "{out:?}");
    let out = chronicle(
        d,
        &[
            "timeline",
            "--store",
            "kb",
            "Steve Jobs",
            "--summary",
            "3",
            "--json",
        ],
    );
    assert!(out.status.success(), "{out:?}");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["entity"], "Steve Jobs");
    let items = v["items"].as_array().unwrap();
    assert!(!items.is_empty() && items.len() <= 3, "{v}");
    let dates: Vec<&str> = items.iter().map(|i| i["date"].as_str().unwrap()).collect();
    assert!(dates.windows(2).all(|w| w[0] < w[1]), "{dates:?}");
    for i in items {
        assert_eq!(i["kind"], "summary");
        assert_eq!(i["date"].as_str().unwrap().len(), 10, "{i}");
        assert!(!i["text"].as_str().unwrap().is_empty());
        assert!(!i["sources"].as_array().unwrap().is_empty());
        let n = i["sentences"].as_array().unwrap().len();
        assert!((1..=2).contains(&n), "{i}");
    }

    let text = chronicle(d, &["timeline", "--store", "kb", "Jobs", "--summary", "2"]);
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(text.starts_with("Steve Jobs (PER), "), "{text}");
}
