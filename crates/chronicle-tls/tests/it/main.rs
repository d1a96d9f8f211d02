//! Integration tests on the Timeline17 development data (skipped when absent).

use std::path::PathBuf;

use chronicle_tls::{tasks, Config, Params, Timeline};

fn data_dir() -> Option<PathBuf> {
    let dir = PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/data/timeline17"
    ));
    if dir.join("articles.jsonl.gz").exists() {
        Some(dir)
    } else {
        eprintln!("skipping: {} not found", dir.display());
        None
    }
}

#[test]
fn timeline17_tasks_follow_the_convention() {
    let Some(dir) = data_dir() else { return };
    let ds = tasks::load(&dir).unwrap();
    assert_eq!(ds.tasks.len(), 13);
    assert_eq!(ds.articles.len(), 3354);
    // The malformed `2011-04-0` block of MJ_bbc is skipped with a warning.
    assert!(ds
        .warnings
        .iter()
        .any(|w| w.contains("MJ_bbc") && w.contains("2011-04-0")));
    let egypt = ds
        .tasks
        .iter()
        .find(|t| t.name == "EgyptianProtest_cnn/tl8")
        .unwrap();
    assert_eq!((egypt.params.dates, egypt.params.sentences), (20, 3));
    assert_eq!(egypt.topic, "egypt");
    // A date given twice keeps one block: H1N1_bbc has 9 blocks, 7 distinct dates.
    let h1n1 = ds
        .tasks
        .iter()
        .find(|t| t.name.starts_with("H1N1_bbc/"))
        .unwrap();
    assert_eq!(h1n1.params.dates, 7);
}

#[test]
fn a_task_yields_a_valid_timeline() {
    let Some(dir) = data_dir() else { return };
    let ds = tasks::load(&dir).unwrap();
    let task = ds
        .tasks
        .iter()
        .find(|t| t.name.starts_with("H1N1_guardian/"))
        .unwrap();
    let out = tasks::run(task, &ds.articles, &Config::default());
    let p: Params = task.params;
    assert!(!out.predicted.is_empty());
    assert!(out.predicted.len() <= p.dates);
    for (d, s) in &out.predicted.days {
        assert!(*d >= p.start && *d <= p.end);
        assert!(!s.is_empty() && s.len() <= p.sentences);
    }
    // The text format round-trips.
    assert_eq!(Timeline::parse(&out.predicted.to_text()).0, out.predicted);
    // Scores are proper fractions and not all zero.
    let s = out.scores;
    for prf in [s.ar1, s.ar2, s.concat_r1, s.date] {
        assert!((0.0..=1.0).contains(&prf.f1));
    }
    assert!(s.ar1.f1 > 0.0 && s.date.f1 > 0.0);
}
