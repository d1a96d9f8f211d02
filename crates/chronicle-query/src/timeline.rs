//! An entity's history: its events, its statements and the sentences that
//! mention it, each dated by when it happened and merged across reports.

use std::collections::{HashMap, HashSet};

use chronicle_store::{DateRange, Store};
use serde::Serialize;

use crate::dates::{is_calendar_date, DateFilter};
use crate::merge::{jaccard, words, SAME_TEXT};
use crate::{canonical_name, resolve, Result, Source};

/// Rows read per kind before merging; the answer is cut to `limit` after.
const FETCH: usize = 5000;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimelineOptions {
    pub dates: DateFilter,
    /// At most this many items; events and statements are kept before
    /// plain mentions.
    pub limit: usize,
}

impl Default for TimelineOptions {
    fn default() -> Self {
        TimelineOptions {
            dates: DateFilter::default(),
            limit: 200,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Timeline {
    /// Canonical name.
    pub entity: String,
    pub entity_id: i64,
    #[serde(rename = "type")]
    pub label: String,
    pub items: Vec<TimelineItem>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TimelineItem {
    /// TIMEX3 value at its own granularity.
    pub date: String,
    /// `mention`, `quote`, or an event kind (`contact`, `denial`, …).
    pub kind: String,
    pub text: String,
    /// Ids of every document reporting the item.
    pub sources: Vec<String>,
    /// Where the date came from: `event` (the event's own date), `sentence`
    /// (a date written in the sentence) or `published`.
    pub dated_by: &'static str,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub participants: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub speaker: Option<String>,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub negated: bool,
    /// Provenance of each report.
    pub provenance: Vec<Source>,
}

fn rank(kind: &str) -> u8 {
    match kind {
        "mention" => 2,
        "quote" => 1,
        _ => 0,
    }
}

/// The timeline of the entity named `name` (any alias).
///
/// # Errors
/// Unknown entity (with suggestions) and store errors.
pub fn timeline(store: &Store, name: &str, opts: &TimelineOptions) -> Result<Timeline> {
    let entity = resolve(store, name)?;
    let all = DateRange::default();
    let mut items: Vec<TimelineItem> = Vec::new();
    // Sentences already represented by an event or a quote.
    let mut covered: HashSet<(String, u32)> = HashSet::new();
    let mut names: HashMap<String, String> = HashMap::new();

    for ev in store.events_of(Some(entity.id), None, FETCH)? {
        let (date, dated_by) = match ev.date.as_deref().filter(|d| is_calendar_date(d)) {
            Some(d) => (d.to_string(), "event"),
            None => match &ev.prov.doc_date {
                Some(d) => (d.clone(), "published"),
                None => continue,
            },
        };
        let mut participants = Vec::new();
        for p in &ev.participants {
            if !names.contains_key(p) {
                names.insert(p.clone(), canonical_name(store, p)?);
            }
            participants.push(names[p].clone());
        }
        if let Some(s) = ev.prov.sentence {
            covered.insert((ev.prov.doc.clone(), s));
        }
        let text = if ev.sentence_text.is_empty() {
            ev.trigger.clone()
        } else {
            ev.sentence_text.trim().to_string()
        };
        items.push(TimelineItem {
            date,
            kind: ev.kind.clone(),
            text,
            sources: vec![ev.prov.doc.clone()],
            dated_by,
            participants,
            speaker: None,
            negated: ev.negated,
            provenance: vec![Source::from(&ev.prov)],
        });
    }

    for q in store.quotes_of(Some(entity.id), &all, FETCH)? {
        let Some(date) = q.prov.doc_date.clone() else {
            continue;
        };
        if let Some(s) = q.prov.sentence {
            covered.insert((q.prov.doc.clone(), s));
        }
        items.push(TimelineItem {
            date,
            kind: "quote".into(),
            text: q.text.clone(),
            sources: vec![q.prov.doc.clone()],
            dated_by: "published",
            participants: Vec::new(),
            speaker: Some(entity.canonical.clone()),
            negated: false,
            provenance: vec![Source::from(&q.prov)],
        });
    }

    for m in store.entity_mentions(entity.id, &all, FETCH)? {
        let Some(s) = m.prov.sentence else { continue };
        if !covered.insert((m.prov.doc.clone(), s)) {
            continue;
        }
        let (date, dated_by) = match m.timexes.iter().find(|t| is_calendar_date(t)) {
            Some(t) => (t.clone(), "sentence"),
            None => match &m.prov.doc_date {
                Some(d) => (d.clone(), "published"),
                None => continue,
            },
        };
        items.push(TimelineItem {
            date,
            kind: "mention".into(),
            text: m.sentence_text.trim().to_string(),
            sources: vec![m.prov.doc.clone()],
            dated_by,
            participants: Vec::new(),
            speaker: None,
            negated: false,
            provenance: vec![Source::from(&m.prov)],
        });
    }

    items.retain(|i| opts.dates.contains(&i.date));
    let mut items = merge_items(items);
    if items.len() > opts.limit {
        // Keep events, then statements, then mentions with a date of their
        // own, then the most widely reported.
        items.sort_by(|a, b| {
            (
                rank(&a.kind),
                a.dated_by == "published",
                std::cmp::Reverse(a.sources.len()),
            )
                .cmp(&(
                    rank(&b.kind),
                    b.dated_by == "published",
                    std::cmp::Reverse(b.sources.len()),
                ))
        });
        items.truncate(opts.limit);
    }
    items.sort_by(|a, b| a.date.cmp(&b.date).then(rank(&a.kind).cmp(&rank(&b.kind))));
    Ok(Timeline {
        entity: entity.canonical,
        entity_id: entity.id,
        label: entity.label,
        items,
    })
}

/// Merges items reporting the same thing: same kind and date, and for
/// events the same participants (or for texts near-identical words).
/// Items of one kind and date, each with its word set.
type Bucket = Vec<(TimelineItem, HashSet<String>)>;

pub(crate) fn merge_items(items: Vec<TimelineItem>) -> Vec<TimelineItem> {
    let mut buckets: HashMap<(String, String), Bucket> = HashMap::new();
    let mut order: Vec<(String, String)> = Vec::new();
    for item in items {
        let key = (item.kind.clone(), item.date.clone());
        let ws = words(&item.text);
        let bucket = buckets.entry(key.clone()).or_insert_with(|| {
            order.push(key.clone());
            Vec::new()
        });
        let same_event = |other: &TimelineItem, ows: &HashSet<String>| {
            let is_event = rank(&item.kind) == 0;
            if is_event && !item.participants.is_empty() {
                let a: HashSet<&String> = item.participants.iter().collect();
                let b: HashSet<&String> = other.participants.iter().collect();
                a == b && other.negated == item.negated
            } else {
                jaccard(&ws, ows) >= SAME_TEXT
            }
        };
        match bucket.iter_mut().find(|(o, ows)| same_event(o, ows)) {
            Some((o, _)) => {
                for (src, prov) in item.sources.into_iter().zip(item.provenance) {
                    if !o.sources.contains(&src) {
                        o.sources.push(src);
                        o.provenance.push(prov);
                    }
                }
            }
            None => bucket.push((item, ws)),
        }
    }
    order
        .into_iter()
        .flat_map(|k| buckets.remove(&k).unwrap_or_default())
        .map(|(i, _)| i)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testutil::*;

    #[test]
    fn timeline_dates_events_by_their_own_date_and_merges_reports() {
        let (_d, store) = sessions_store();
        let t = timeline(&store, "Sessions", &TimelineOptions::default()).unwrap();
        assert_eq!(t.entity, "Jeff Sessions");
        let contacts: Vec<&TimelineItem> = t.items.iter().filter(|i| i.kind == "contact").collect();
        assert_eq!(contacts.len(), 1, "{:#?}", t.items);
        assert_eq!(contacts[0].date, "2016-07");
        assert_eq!(contacts[0].dated_by, "event");
        assert_eq!(
            contacts[0].sources,
            vec!["wapo-1".to_string(), "nyt-1".to_string()]
        );
        assert_eq!(
            contacts[0].participants,
            vec!["Jeff Sessions".to_string(), "Sergey Kislyak".to_string()]
        );
        assert!(t.items.iter().any(|i| i.kind == "denial"));
        // Sorted by date.
        assert!(t.items.windows(2).all(|w| w[0].date <= w[1].date));
    }

    #[test]
    fn timeline_filters_by_date() {
        let (_d, store) = sessions_store();
        let opts = TimelineOptions {
            dates: DateFilter {
                from: Some("2017-01-01".into()),
                to: None,
            },
            limit: 200,
        };
        let t = timeline(&store, "Jeff Sessions", &opts).unwrap();
        assert!(!t.items.is_empty());
        assert!(
            t.items.iter().all(|i| i.date.as_str() >= "2017"),
            "{:#?}",
            t.items
        );
    }

    #[test]
    fn unknown_entity_suggests_names() {
        let (_d, store) = sessions_store();
        match timeline(&store, "Jeff Sesions", &TimelineOptions::default()) {
            Err(crate::QueryError::UnknownEntity { suggestions, .. }) => {
                assert_eq!(
                    suggestions.first().map(String::as_str),
                    Some("Jeff Sessions")
                )
            }
            other => panic!("expected an unknown-entity error, got {other:?}"),
        }
    }
}
