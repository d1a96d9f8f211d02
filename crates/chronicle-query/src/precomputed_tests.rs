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
