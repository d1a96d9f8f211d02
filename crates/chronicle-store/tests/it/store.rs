use chronicle_store::{Outcome, SearchQuery, Store, StoreError, Writer};

use crate::common::{article, assert_same};

fn query(text: &str) -> SearchQuery {
    SearchQuery {
        text: text.into(),
        from: None,
        to: None,
        limit: 100,
    }
}

#[test]
fn round_trip_keeps_every_layer() {
    let dir = tempfile::tempdir().unwrap();
    let mut w = Writer::open(dir.path(), "test").unwrap();
    let docs: Vec<_> = (0..5).map(article).collect();
    let out = w.write_batch(&docs, false).unwrap();
    assert!(out.iter().all(|o| *o == Outcome::Added), "{out:?}");
    w.finish().unwrap();
    drop(w);
    let store = Store::open(dir.path()).unwrap();
    for doc in &docs {
        let got = store.get(&doc.id).unwrap().expect("stored");
        assert_same(doc, &got);
    }
    assert!(store.get("nope").unwrap().is_none());
    let stats = store.stats().unwrap();
    assert_eq!(stats.docs, 5);
    assert_eq!(stats.unindexed, 0);
    assert_eq!(stats.sentences, 15);
    assert_eq!(stats.entities, 15);
    assert_eq!(
        stats.entities_by_label,
        vec![("PER".into(), 10), ("LOC".into(), 5)]
    );
    assert_eq!(stats.timexes, 5);
    assert_eq!(stats.quotes, 5);
    assert_eq!(stats.events, 5);
    assert_eq!(store.indexed_docs().unwrap(), 5);
    // Queryable by canonical name, as the timeline queries will need.
    let n: i64 = store
        .connection()
        .query_row(
            "SELECT count(DISTINCT doc) FROM event_participants WHERE name = 'Sergey Kislyak'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(n, 5);
}

#[test]
fn ingest_is_idempotent_and_replace_is_explicit() {
    let dir = tempfile::tempdir().unwrap();
    let mut w = Writer::open(dir.path(), "test").unwrap();
    let a = article(1);
    assert_eq!(
        w.write_batch(std::slice::from_ref(&a), false).unwrap(),
        vec![Outcome::Added]
    );
    // Same id, same text.
    assert_eq!(
        w.write_batch(std::slice::from_ref(&a), false).unwrap(),
        vec![Outcome::Duplicate { of: "doc-1".into() }]
    );
    // Another id, same text up to whitespace and case.
    let mut copy = a.clone();
    copy.id = "copy".into();
    copy.text = copy.text.replace(' ', "  ").to_uppercase();
    copy.sentences.clear();
    copy.paragraphs.clear();
    copy.entities.clear();
    copy.timexes.clear();
    copy.quotes.clear();
    copy.events.clear();
    assert_eq!(
        w.write_batch(&[copy], false).unwrap(),
        vec![Outcome::Duplicate { of: "doc-1".into() }]
    );
    // Same id, other text: rejected unless replacing.
    let mut changed = article(2);
    changed.id = "doc-1".into();
    assert!(matches!(
        w.write_batch(&[changed.clone()], false).unwrap()[0],
        Outcome::Rejected { .. }
    ));
    assert_eq!(
        w.write_batch(&[changed.clone()], true).unwrap(),
        vec![Outcome::Replaced]
    );
    w.finish().unwrap();
    drop(w);
    let store = Store::open(dir.path()).unwrap();
    assert_eq!(store.stats().unwrap().docs, 1);
    assert_same(&changed, &store.get("doc-1").unwrap().unwrap());
    // The replaced text is gone from the index too.
    assert!(store.search(&query("\"terrorism 1\"")).unwrap().is_empty());
    let hits = store.search(&query("\"terrorism 2\"")).unwrap();
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].id, "doc-1");
    assert_eq!(store.indexed_docs().unwrap(), 1);
}

#[test]
fn duplicates_inside_one_batch() {
    let dir = tempfile::tempdir().unwrap();
    let mut w = Writer::open(dir.path(), "test").unwrap();
    let out = w.write_batch(&[article(3), article(3)], false).unwrap();
    assert_eq!(
        out,
        vec![Outcome::Added, Outcome::Duplicate { of: "doc-3".into() }]
    );
}

#[test]
fn search_ranks_phrases_and_filters_dates() {
    let dir = tempfile::tempdir().unwrap();
    let mut w = Writer::open(dir.path(), "test").unwrap();
    let mut docs: Vec<_> = (0..20).map(article).collect();
    docs[7].text = "Sessions, Jeff: the senator from Alabama spoke.".into();
    docs[7].sentences.clear();
    docs[7].paragraphs.clear();
    docs[7].entities.clear();
    docs[7].timexes.clear();
    docs[7].quotes.clear();
    docs[7].events.clear();
    w.write_batch(&docs, false).unwrap();
    w.finish().unwrap();
    drop(w);
    let store = Store::open(dir.path()).unwrap();
    let phrase = store.search(&query("\"Jeff Sessions\"")).unwrap();
    assert_eq!(phrase.len(), 19);
    assert!(phrase.iter().all(|h| h.id != "doc-7"));
    assert!(phrase[0].snippet.contains("Sessions"), "{:?}", phrase[0]);
    let words = store.search(&query("Jeff Sessions")).unwrap();
    assert_eq!(words.len(), 20);
    let alabama = store.search(&query("alabama")).unwrap();
    assert_eq!(alabama.len(), 1);
    assert_eq!(alabama[0].id, "doc-7");
    // Dates: article i is dated 2016-07-01 + i days.
    let ranged = store
        .search(&SearchQuery {
            text: "Kislyak".into(),
            from: Some("2016-07-03".parse().unwrap()),
            to: Some("2016-07-05".parse().unwrap()),
            limit: 100,
        })
        .unwrap();
    let mut ids: Vec<_> = ranged.iter().map(|h| h.id.as_str()).collect();
    ids.sort();
    assert_eq!(ids, vec!["doc-2", "doc-3", "doc-4"]);
    let limited = store
        .search(&SearchQuery {
            limit: 3,
            ..query("Kislyak")
        })
        .unwrap();
    assert_eq!(limited.len(), 3);
    assert!(limited[0].score >= limited[2].score);
    assert!(matches!(
        store.search(&query("title:(")),
        Err(StoreError::Query { .. })
    ));
}

#[test]
fn refuses_a_newer_format() {
    let dir = tempfile::tempdir().unwrap();
    {
        let store = Store::open(dir.path()).unwrap();
        store
            .connection()
            .execute(
                "UPDATE meta SET value = '99' WHERE key = 'format_version'",
                [],
            )
            .unwrap();
    }
    match Store::open(dir.path()) {
        Err(e @ StoreError::NewerFormat { found: 99, .. }) => {
            assert!(e.to_string().contains("newer"), "{e}");
        }
        Err(e) => panic!("unexpected error {e}"),
        Ok(_) => panic!("opened a newer store"),
    }
    assert!(Writer::open(dir.path(), "test").is_err());
}

#[test]
fn refuses_a_foreign_database() {
    let dir = tempfile::tempdir().unwrap();
    let conn = rusqlite::Connection::open(dir.path().join(chronicle_store::SQLITE_FILE)).unwrap();
    conn.execute("CREATE TABLE other (x)", []).unwrap();
    drop(conn);
    assert!(matches!(
        Store::open(dir.path()),
        Err(StoreError::NotAStore { .. })
    ));
}

#[test]
fn one_writer_at_a_time() {
    let dir = tempfile::tempdir().unwrap();
    let _first = Writer::open(dir.path(), "test").unwrap();
    assert!(matches!(
        Writer::open(dir.path(), "test"),
        Err(StoreError::Busy { .. })
    ));
    // Readers are not blocked by the writer.
    assert!(Store::open(dir.path()).is_ok());
}

#[test]
fn recovers_documents_missing_from_the_index() {
    let dir = tempfile::tempdir().unwrap();
    {
        let mut w = Writer::open(dir.path(), "test").unwrap();
        w.write_batch(&[article(1), article(2)], false).unwrap();
        w.finish().unwrap();
    }
    // Simulate a kill between the SQLite commit and the index commit: the
    // flags say "not indexed", and a stale index entry may or may not exist.
    {
        let store = Store::open(dir.path()).unwrap();
        store
            .connection()
            .execute("UPDATE docs SET indexed = 0", [])
            .unwrap();
        assert_eq!(store.stats().unwrap().unindexed, 2);
    }
    drop(Writer::open(dir.path(), "test").unwrap());
    let store = Store::open(dir.path()).unwrap();
    assert_eq!(store.stats().unwrap().unindexed, 0);
    assert_eq!(
        store.indexed_docs().unwrap(),
        2,
        "no document indexed twice"
    );
    assert_eq!(store.search(&query("Kislyak")).unwrap().len(), 2);
}
