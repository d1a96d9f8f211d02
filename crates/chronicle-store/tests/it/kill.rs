//! Crash safety: a child process ingests in a loop and is killed with
//! SIGKILL at arbitrary moments; the store must reopen consistent, and the
//! next run must continue from it.

use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use chronicle_store::{SearchQuery, Store, Writer};

use crate::common::{article, assert_same};

const CHILD_ENV: &str = "CHRONICLE_STORE_KILL_CHILD";
const BATCH: u64 = 17;

/// The child's body: runs only when the parent test sets `CHILD_ENV`.
#[test]
fn kill_child_entry() {
    let Ok(dir) = std::env::var(CHILD_ENV) else {
        return;
    };
    let mut w = Writer::open(std::path::Path::new(&dir), "kill-test").expect("open");
    // Index commits every other batch, so kills land around them too.
    w.set_index_every(2 * BATCH as usize);
    // Starts from 0 each run: what is stored comes back as duplicates.
    for n in 0..10_000u64 {
        let docs: Vec<_> = (n * BATCH..(n + 1) * BATCH).map(article).collect();
        w.write_batch(&docs, false).expect("write");
    }
}

fn spawn(dir: &std::path::Path) -> Child {
    Command::new(std::env::current_exe().expect("test binary"))
        .args(["kill_child_entry", "--test-threads=1", "--nocapture"])
        .env(CHILD_ENV, dir)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn child")
}

fn docs_now(dir: &std::path::Path) -> u64 {
    Store::open(dir)
        .and_then(|s| s.stats())
        .map(|s| s.docs)
        .unwrap_or(0)
}

fn check_consistent(dir: &std::path::Path) -> u64 {
    // Opening a writer is what recovers; then everything must agree.
    drop(Writer::open(dir, "check").expect("reopen after kill"));
    let store = Store::open(dir).expect("open");
    let stats = store.stats().unwrap();
    assert_eq!(stats.unindexed, 0);
    assert_eq!(
        stats.docs % BATCH,
        0,
        "batches are all-or-nothing: {}",
        stats.docs
    );
    assert_eq!(
        store.indexed_docs().unwrap(),
        stats.docs,
        "index matches SQLite"
    );
    let ids = store.ids().unwrap();
    let expected: Vec<String> = (0..stats.docs).map(|i| format!("doc-{i}")).collect();
    assert_eq!(ids, expected);
    for i in [0, stats.docs / 2, stats.docs.saturating_sub(1)] {
        if i < stats.docs {
            assert_same(
                &article(i),
                &store.get(&format!("doc-{i}")).unwrap().unwrap(),
            );
        }
    }
    assert_eq!(stats.sentences, 3 * stats.docs);
    assert_eq!(stats.entities, 3 * stats.docs);
    let hits = store
        .search(&SearchQuery {
            text: "Kislyak".into(),
            from: None,
            to: None,
            limit: 100_000,
        })
        .unwrap();
    assert_eq!(hits.len() as u64, stats.docs, "each document found once");
    stats.docs
}

#[test]
fn survives_sigkill_and_continues() {
    if std::env::var(CHILD_ENV).is_ok() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let mut last = 0;
    for (round, extra_ms) in [0u64, 37, 113, 260].into_iter().enumerate() {
        let mut child = spawn(dir.path());
        // Wait until this run has stored something new, then a bit more so
        // the kill lands at varied points of a batch.
        let deadline = Instant::now() + Duration::from_secs(60);
        while docs_now(dir.path()) <= last && Instant::now() < deadline {
            if let Ok(Some(status)) = child.try_wait() {
                panic!("child exited early in round {round}: {status}");
            }
            std::thread::sleep(Duration::from_millis(5));
        }
        std::thread::sleep(Duration::from_millis(extra_ms));
        child.kill().expect("SIGKILL");
        let _ = child.wait();
        if let Ok(stats) = Store::open(dir.path()).and_then(|s| s.stats()) {
            eprintln!(
                "round {round}: killed with {} docs, {} not yet indexed",
                stats.docs, stats.unindexed
            );
        }
        let now = check_consistent(dir.path());
        assert!(now > last, "round {round} continued: {last} -> {now}");
        last = now;
    }
}
