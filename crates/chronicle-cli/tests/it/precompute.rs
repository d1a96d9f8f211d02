//! `chronicle ingest`, `delete` and `reannotate` precompute the timeline
//! and conflict answers their KB refresh staled, so that the first query
//! is warm (#6); `--no-precompute` leaves them to the queries.

use std::path::Path;

use crate::common::{chronicle, stderr};
use chronicle_store::Store;

const FIRST: &str = "{\"id\": \"sessions\", \"date\": \"2017-03-02\", \"text\": \"Attorney General Jeff Sessions met the Russian ambassador Sergey Kislyak in July 2016, the Justice Department said on Wednesday.\\n\\n\\\"I never had meetings with Russian operatives,\\\" Sessions said in a statement.\"}\n\
{\"id\": \"flood\", \"date\": \"2016-08-15\", \"text\": \"Heavy rain flooded Baton Rouge on Saturday, Governor John Bel Edwards said. Thousands of people left their homes.\"}\n";

const SECOND: &str = "{\"id\": \"hearing\", \"date\": \"2017-01-10\", \"text\": \"Senator Jeff Sessions testified before the Senate Judiciary Committee on Tuesday.\\n\\n\\\"I did not have communications with the Russians,\\\" Sessions told Senator Al Franken.\"}\n";

/// `(entities without a fresh timeline, entities, conflicts fresh)`.
fn freshness(store: &Path) -> (usize, usize, bool) {
    let s = Store::open(store).expect("open the store");
    let stale = s.stale_timelines().expect("stale timelines").len();
    let all = s.entities(None, 10_000).expect("entities").len();
    (stale, all, s.conflicts_fresh().expect("conflicts"))
}

fn run_ok(cwd: &Path, args: &[&str]) -> String {
    let o = chronicle(cwd, args);
    assert!(o.status.success(), "{args:?}: {}", stderr(&o));
    stderr(&o)
}

#[test]
fn ingest_and_delete_leave_every_answer_fresh() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let d = tmp.path();
    std::fs::write(d.join("a.jsonl"), FIRST).expect("write");
    std::fs::write(d.join("b.jsonl"), SECOND).expect("write");
    let err = run_ok(d, &["ingest", "--store", "st", "a.jsonl"]);
    assert!(err.contains("precomputed"), "{err}");
    let (stale, all, conflicts) = freshness(&d.join("st"));
    assert!(all > 0);
    assert_eq!(stale, 0, "every timeline precomputed");
    assert!(conflicts);

    // An incremental ingest and a deletion keep it so.
    run_ok(d, &["ingest", "--store", "st", "b.jsonl"]);
    assert_eq!(freshness(&d.join("st")).0, 0);
    assert!(freshness(&d.join("st")).2);
    run_ok(d, &["delete", "--store", "st", "flood"]);
    let (stale, _, conflicts) = freshness(&d.join("st"));
    assert_eq!(stale, 0);
    assert!(conflicts);
}

#[test]
fn no_precompute_leaves_answers_to_the_first_query() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let d = tmp.path();
    std::fs::write(d.join("a.jsonl"), FIRST).expect("write");
    let err = run_ok(
        d,
        &["ingest", "--no-precompute", "--store", "st", "a.jsonl"],
    );
    assert!(!err.contains("precomputed"), "{err}");
    let (stale, all, conflicts) = freshness(&d.join("st"));
    assert!(all > 0);
    assert_eq!(stale, all, "nothing precomputed");
    assert!(!conflicts);

    // The first query computes (and stores) what it needs.
    let o = chronicle(d, &["timeline", "--store", "st", "Jeff Sessions"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let (stale_after, _, _) = freshness(&d.join("st"));
    assert_eq!(stale_after, all - 1);
}
