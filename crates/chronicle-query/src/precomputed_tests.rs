//! The precomputed timeline and conflict answers equal the query-time
//! computation, before and after an incremental ingest and a delete.

use chronicle_model::EntityLabel::*;
use chronicle_store::{Store, Writer};

use crate::conflicts::conflicts_live;
use crate::testutil::*;
use crate::timeline::timeline_live;
use crate::{conflicts, precompute, timeline, DateFilter, TimelineOptions};

fn options() -> Vec<TimelineOptions> {
    let f = |from: Option<&str>, to: Option<&str>| DateFilter {
        from: from.map(str::to_string),
        to: to.map(str::to_string),
    };
    let mut out = Vec::new();
    for limit in [200, 1, 2, 3] {
        for dates in [
            f(None, None),
            f(Some("2017-01-01"), None),
            f(None, Some("2016-12")),
            f(Some("2016-07-15"), Some("2017-03")),
            f(Some("2017-03-02"), Some("2017-03-02")),
        ] {
            out.push(TimelineOptions { dates, limit });
        }
    }
    out
}

/// Every entity's timeline under every option, and conflicts store-wide
/// and per entity, precomputed against query time; returns how many
/// answers were compared.
fn assert_same(store: &Store) -> usize {
    let mut n = 0;
    let names: Vec<String> = store
        .entities(None, 1000)
        .unwrap()
        .into_iter()
        .map(|e| e.canonical)
        .collect();
    assert!(!names.is_empty());
    for name in &names {
        for opts in options() {
            let live = timeline_live(store, name, &opts).unwrap();
            let pre = timeline(store, name, &opts).unwrap();
            assert_eq!(pre, live, "timeline of {name} with {opts:?}");
            n += 1;
        }
        assert_eq!(
            conflicts(store, Some(name)).unwrap(),
            conflicts_live(store, Some(name)).unwrap(),
            "conflicts of {name}"
        );
    }
    assert_eq!(
        conflicts(store, None).unwrap(),
        conflicts_live(store, None).unwrap()
    );
    n + 1
}

fn more_docs() -> Vec<chronicle_model::Doc> {
    [
        DocSpec {
            id: "ap-1",
            date: "2017-03-03",
            text: "Jeff Sessions met Russian Ambassador Sergey Kislyak in July 2016.\n\
                   Sessions said: I never met any Russians to discuss the campaign.",
            entities: &[
                ("Jeff Sessions", "Jeff Sessions", Per),
                ("Sessions said", "Jeff Sessions", Per),
                ("Sergey Kislyak", "Sergey Kislyak", Per),
            ],
            events: &[
                (
                    "contact",
                    "met Russian",
                    &["Jeff Sessions", "Sergey Kislyak"],
                    Some("2016-07"),
                    false,
                ),
                (
                    "denial",
                    "never met",
                    &["Jeff Sessions", "the Russians"],
                    Some("2017-03-03"),
                    false,
                ),
            ],
            quotes: &[(
                "I never met any Russians to discuss the campaign.",
                "Jeff Sessions",
            )],
        },
        DocSpec {
            id: "ap-2",
            date: "2017-03-04",
            text: "Kislyak met Donald Trump in September 2016.\n\
                   Donald Trump later praised Angela Merkel.",
            entities: &[
                ("Kislyak", "Sergey Kislyak", Per),
                ("Donald Trump", "Donald Trump", Per),
                ("Angela Merkel", "Angela Merkel", Per),
            ],
            events: &[(
                "contact",
                "met Donald",
                &["Sergey Kislyak", "Donald Trump"],
                Some("2016-09"),
                false,
            )],
            quotes: &[],
        },
    ]
    .iter()
    .map(build)
    .collect()
}

#[test]
fn precomputed_answers_equal_query_time_answers_through_ingest_and_delete() {
    let (dir, store) = sessions_store();
    // Lazily computed on first query.
    assert!(assert_same(&store) > 100);
    let report = precompute(&store).unwrap();
    assert_eq!(report.timelines, 0, "every timeline is already fresh");
    assert!(!report.conflicts);

    // An incremental ingest stales what it touches; answers stay equal,
    // whether precomputed eagerly or on demand.
    let mut w = Writer::open(dir.path(), "test").unwrap();
    w.write_batch(&more_docs(), false).unwrap();
    w.finish().unwrap();
    drop(w);
    let report = precompute(&store).unwrap();
    assert!(report.timelines > 0 && report.conflicts, "{report:?}");
    assert_same(&store);

    // A delete, answered without an eager precompute.
    let mut w = Writer::open(dir.path(), "test").unwrap();
    assert_eq!(
        w.delete(&["nyt-1".to_string(), "ap-2".to_string()])
            .unwrap(),
        vec![true, true]
    );
    drop(w);
    assert_same(&store);
    let t = timeline(&store, "Kislyak", &TimelineOptions::default()).unwrap();
    assert!(t
        .items
        .iter()
        .all(|i| i.sources.iter().all(|s| s != "nyt-1" && s != "ap-2")));
}

#[test]
fn a_limited_timeline_reads_at_most_limit_plus_one_rows() {
    let (_d, store) = sessions_store();
    precompute(&store).unwrap();
    let e = store.resolve_entity("Jeff Sessions").unwrap().unwrap();
    assert!(store.timeline_fresh(e.id).unwrap());
    let all = store
        .timeline_rows(e.id, &Default::default(), |_| true, 1000)
        .unwrap();
    assert!(all.len() >= 3, "{all:?}");
    assert!(all.windows(2).all(|w| w[0].sel < w[1].sel));
    let two = store
        .timeline_rows(e.id, &Default::default(), |_| true, 2)
        .unwrap();
    assert_eq!(two, all[..2].to_vec());
}

#[test]
fn a_refresh_during_a_precompute_leaves_answers_stale_never_wrong() {
    let (dir, store) = sessions_store();
    store.kb_refresh().unwrap();
    let before = store.stale_timelines().unwrap().len();
    assert!(before > 0);
    // Documents land and the KB is refreshed after the precompute read the
    // generation and before it stores its first batch (as a concurrent
    // ingest would, or a kill and a later ingest).
    let mut injected = false;
    let report = crate::precompute_with(&store, &mut |done, _| {
        if done == 0 && !injected {
            injected = true;
            let mut w = Writer::open(dir.path(), "test").unwrap();
            w.write_batch(&more_docs(), false).unwrap();
            w.finish().unwrap();
            drop(w);
            store.kb_refresh().unwrap();
        }
    })
    .unwrap();
    assert!(injected);
    assert_eq!(report.timelines, 0, "computed under an old KB: not stored");
    assert!(!store.stale_timelines().unwrap().is_empty());
    // Whatever is stored answers like the query-time computation.
    assert_same(&store);
    let report = precompute(&store).unwrap();
    assert_eq!(report.timelines, 0, "the queries above computed the rest");
    assert!(store.stale_timelines().unwrap().is_empty());
}

/// Stored items leave out what they can derive; what a query returns is
/// unchanged, and rows written in the earlier, fuller shape still read.
#[test]
fn compact_rows_read_back_as_the_items_and_full_rows_still_read() {
    let (_d, store) = sessions_store();
    precompute(&store).unwrap();
    let e = store.resolve_entity("Jeff Sessions").unwrap().unwrap();
    let rows = store
        .timeline_rows(e.id, &Default::default(), |_| true, 1000)
        .unwrap();
    assert!(rows.iter().all(|r| !r.body.contains("\"sources\"")));
    assert!(rows.iter().all(|r| !r.body.contains("\"negated\":false")));
    let want = timeline(&store, "Jeff Sessions", &TimelineOptions::default()).unwrap();
    // The same items written the earlier way: sources listed, defaults written.
    let full: Vec<chronicle_store::TimelineRow> = rows
        .iter()
        .map(|r| {
            let mut v: serde_json::Value = serde_json::from_str(&r.body).unwrap();
            let docs: Vec<serde_json::Value> = v["provenance"]
                .as_array()
                .unwrap()
                .iter()
                .map(|p| p["doc"].clone())
                .collect();
            v["sources"] = serde_json::Value::Array(docs);
            v["negated"] = v.get("negated").cloned().unwrap_or(false.into());
            v["participants"] = v
                .get("participants")
                .cloned()
                .unwrap_or(serde_json::json!([]));
            v["speaker"] = v.get("speaker").cloned().unwrap_or(serde_json::Value::Null);
            chronicle_store::TimelineRow {
                body: v.to_string(),
                ..r.clone()
            }
        })
        .collect();
    let gen = store.kb_generation().unwrap();
    assert!(store.put_timeline(e.id, gen, &full).unwrap());
    assert_eq!(
        timeline(&store, "Jeff Sessions", &TimelineOptions::default()).unwrap(),
        want
    );
}

/// Small batches: the same answers as the query-time computation,
/// progress after each batch, and a refresh before the first batch
/// stores nothing.
#[test]
fn a_precompute_in_small_batches_stores_the_same_answers() {
    let (dir, store) = sessions_store();
    store.kb_refresh().unwrap();
    let stale = store.stale_timelines().unwrap().len();
    assert!(stale > 3, "{stale}");
    let mut seen = Vec::new();
    let done = timeline::precompute(&store, 3, &mut |d, _| seen.push(d)).unwrap();
    assert_eq!(done, stale);
    assert!(
        seen.len() > 2 && seen.windows(2).all(|w| w[0] < w[1]),
        "{seen:?}"
    );
    assert!(store.stale_timelines().unwrap().is_empty());
    assert_same(&store);

    let mut w = Writer::open(dir.path(), "test").unwrap();
    w.write_batch(&more_docs(), false).unwrap();
    w.finish().unwrap();
    drop(w);
    store.kb_refresh().unwrap();
    let mut injected = false;
    let done = timeline::precompute(&store, 3, &mut |d, _| {
        if d == 0 && !injected {
            injected = true;
            store.stale_answers().unwrap();
        }
    })
    .unwrap();
    assert_eq!(done, 0, "computed under an old generation: not stored");
    let done = timeline::precompute(&store, 3, &mut |_, _| {}).unwrap();
    assert!(done > 0);
    assert_same(&store);
}
