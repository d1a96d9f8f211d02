//! An entity's history: its events, its statements and the sentences that
//! mention it, each dated by when it happened and merged across reports.

use std::collections::{HashMap, HashSet};

use chronicle_store::{DateBounds, DateRange, Store, StoreError, TimelineRow};
use serde::{Deserialize, Serialize};

use crate::dates::{event_date, is_calendar_date, DateFilter};
use crate::merge::{by_rarity, TextIndex, Vocab};
#[cfg(test)]
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
/// Answered from the entity's precomputed merged items (computed first
/// when a KB refresh has staled them): at most `limit + 1` rows are read.
///
/// # Errors
/// Unknown entity (with suggestions) and store errors.
pub fn timeline(store: &Store, name: &str, opts: &TimelineOptions) -> Result<Timeline> {
    let entity = resolve(store, name)?;
    let keep = opts.limit.saturating_add(1);
    let rows = match fresh_rows(store, &entity)? {
        Some(computed) => computed
            .into_iter()
            .filter(|r| opts.dates.contains(&r.date))
            .take(keep)
            .collect(),
        None => store.timeline_rows(
            entity.id,
            &bounds(&opts.dates),
            |d| opts.dates.contains(d),
            keep,
        )?,
    };
    let items = answer(rows, opts.limit)?;
    Ok(Timeline {
        entity: entity.canonical,
        entity_id: entity.id,
        label: entity.label,
        items,
    })
}

/// Computes and stores the timeline of `entity` when a refresh has staled
/// it; `Some(rows)` (in keep order) only when they could not be stored (a
/// refresh came in between), so that the caller answers from them instead.
fn fresh_rows(
    store: &Store,
    entity: &chronicle_store::EntityRecord,
) -> Result<Option<Vec<TimelineRow>>> {
    if store.timeline_fresh(entity.id)? {
        return Ok(None);
    }
    let gen = store.kb_generation()?;
    let rows = compute_rows(store, entity)?;
    if store.put_timeline(entity.id, gen, &rows)? {
        Ok(None)
    } else {
        Ok(Some(rows))
    }
}

/// Computes and stores the timeline of entity `id` whether or not it is
/// fresh (a cold first query, as benchmarks measure it); returns the
/// number of merged items, or `None` for an unknown id.
///
/// # Errors
/// Store errors.
pub fn recompute_timeline(store: &Store, id: i64) -> Result<Option<usize>> {
    let Some(entity) = store.entity(id)? else {
        return Ok(None);
    };
    let gen = store.kb_generation()?;
    let rows = compute_rows(store, &entity)?;
    store.put_timeline(id, gen, &rows)?;
    Ok(Some(rows.len()))
}

/// Precomputes the timelines a refresh has staled, `batch` entities per
/// transaction; returns how many were computed.
///
/// One thread: worker threads with their own connections were measured
/// slower (Timeline17: 8.0 s wall and 13 s CPU against 7.3 s and 7.2 s),
/// as SQLite's allocator serialises them and each commit here empties
/// their page caches. Each batch is stored only under the generation the
/// computation began at, so a refresh in between leaves the rest stale,
/// never wrong.
///
/// # Errors
/// Store errors.
pub(crate) fn precompute(
    store: &Store,
    batch: usize,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<usize> {
    let gen = store.kb_generation()?;
    let stale = store.stale_timelines()?;
    progress(0, stale.len());
    let mut done = 0;
    for chunk in stale.chunks(batch.max(1)) {
        let mut computed: Vec<(i64, Vec<TimelineRow>)> = Vec::with_capacity(chunk.len());
        for &id in chunk {
            // The caller refreshed the KB; a refresh since then is caught
            // when the rows are stored.
            if let Some(e) = store.entity_as_stored(id)? {
                computed.push((id, compute_rows(store, &e)?));
            }
        }
        let refs: Vec<(i64, &[TimelineRow])> =
            computed.iter().map(|(id, r)| (*id, r.as_slice())).collect();
        if !store.put_timelines(gen, &refs)? {
            // A refresh came in between: what is left is stale again.
            break;
        }
        done += computed.len();
        progress(done, stale.len());
    }
    Ok(done)
}

/// The stored shape of a merged item. Every store holds millions of
/// these, so what can be derived is left out: the sources are the
/// provenance's documents (an empty list means that; rows written before
/// list them), and empty or false fields are not written.
#[derive(Serialize, Deserialize)]
struct Stored {
    date: String,
    kind: String,
    text: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    sources: Vec<String>,
    dated_by: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    participants: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    speaker: Option<String>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    negated: bool,
    provenance: Vec<Source>,
}

fn dated_by(s: &str) -> &'static str {
    match s {
        "event" => "event",
        "sentence" => "sentence",
        _ => "published",
    }
}

/// The entity's merged items as rows: `seq` in merge order, `sel` in the
/// order a limited answer keeps them (events, then statements, then
/// mentions with a date of their own, then the most widely reported; ties
/// in merge order), and the rows sorted by `sel`.
pub(crate) fn compute_rows(
    store: &Store,
    entity: &chronicle_store::EntityRecord,
) -> Result<Vec<TimelineRow>> {
    let items = merge_items(gather(store, entity, &DateFilter::default())?);
    let mut order: Vec<usize> = (0..items.len()).collect();
    order.sort_by_key(|&i| {
        let a = &items[i];
        (
            rank(&a.kind),
            a.dated_by == "published",
            std::cmp::Reverse(a.sources.len()),
        )
    });
    let mut rows = Vec::with_capacity(items.len());
    for (sel, &i) in order.iter().enumerate() {
        let it = &items[i];
        let body = Stored {
            date: it.date.clone(),
            kind: it.kind.clone(),
            text: it.text.clone(),
            // Derived from the provenance on reading when they agree (as
            // the merge keeps them).
            sources: if it.provenance.iter().map(|p| &p.doc).eq(it.sources.iter()) {
                Vec::new()
            } else {
                it.sources.clone()
            },
            dated_by: it.dated_by.to_string(),
            participants: it.participants.clone(),
            speaker: it.speaker.clone(),
            negated: it.negated,
            provenance: it.provenance.clone(),
        };
        rows.push(TimelineRow {
            sel: sel as u32,
            seq: i as u32,
            date: it.date.clone(),
            rank: rank(&it.kind),
            body: serde_json::to_string(&body)
                .map_err(|e| StoreError::Corrupt(format!("timeline item: {e}")))?,
        });
    }
    Ok(rows)
}

/// The answer from the first rows in keep order inside the date filter (at
/// most `limit + 1`): when more than `limit` exist, the first `limit` are
/// kept; either way sorted by date, then kind rank, ties in the order the
/// query-time computation leaves them (keep order after a cut, merge order
/// without one).
fn answer(mut rows: Vec<TimelineRow>, limit: usize) -> Result<Vec<TimelineItem>> {
    if rows.len() > limit {
        rows.truncate(limit);
        rows.sort_by(|a, b| (&a.date, a.rank, a.sel).cmp(&(&b.date, b.rank, b.sel)));
    } else {
        rows.sort_by(|a, b| (&a.date, a.rank, a.seq).cmp(&(&b.date, b.rank, b.seq)));
    }
    rows.into_iter()
        .map(|r| {
            let s: Stored = serde_json::from_str(&r.body)
                .map_err(|e| StoreError::Corrupt(format!("precomputed timeline item: {e}")))?;
            let sources = if s.sources.is_empty() {
                s.provenance.iter().map(|p| p.doc.clone()).collect()
            } else {
                s.sources
            };
            Ok(TimelineItem {
                date: s.date,
                kind: s.kind,
                text: s.text,
                sources,
                dated_by: dated_by(&s.dated_by),
                participants: s.participants,
                speaker: s.speaker,
                negated: s.negated,
                provenance: s.provenance,
            })
        })
        .collect()
}

/// Bounds on stored dates that contain every date `f` accepts (see
/// [`DateFilter::contains`]): a date at least as late as the first year
/// of `from`, and no later than `to` continued at any finer granularity.
fn bounds(f: &DateFilter) -> DateBounds {
    DateBounds {
        from: f
            .from
            .as_ref()
            .and_then(|x| x.get(..x.len().min(4)))
            .map(str::to_string),
        to: f.to.as_ref().map(|x| format!("{x}~")),
    }
}

/// The timeline computed from every report at query time: the reference
/// the precomputed rows are held to.
#[cfg(test)]
pub(crate) fn timeline_live(store: &Store, name: &str, opts: &TimelineOptions) -> Result<Timeline> {
    let entity = resolve(store, name)?;
    let items = gather(store, &entity, &opts.dates)?;
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

/// Every report about the entity inside `dates`, one item per report
/// (not merged).
fn gather(
    store: &Store,
    entity: &chronicle_store::EntityRecord,
    dates: &DateFilter,
) -> Result<Vec<TimelineItem>> {
    let all = DateRange::default();
    let mut items: Vec<TimelineItem> = Vec::new();
    // Sentences already represented by an event or a quote.
    let mut covered: HashSet<(String, u32)> = HashSet::new();
    let mut names: HashMap<String, String> = HashMap::new();

    for ev in store.events_of(Some(entity.id), None, FETCH)? {
        let Some((date, dated_by)) = event_date(&ev) else {
            continue;
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

    items.retain(|i| dates.contains(&i.date));
    Ok(items)
}

/// An entity's key dates: the timeline summariser's ranking applied to the
/// entity's reports.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TimelineSummary {
    /// Canonical name.
    pub entity: String,
    pub entity_id: i64,
    #[serde(rename = "type")]
    pub label: String,
    /// One item per key date, oldest first.
    pub items: Vec<SummaryItem>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SummaryItem {
    /// A day, `YYYY-MM-DD`.
    pub date: String,
    /// Always `summary`.
    pub kind: &'static str,
    /// The representative sentences, joined.
    pub text: String,
    /// Ids of every document behind the sentences.
    pub sources: Vec<String>,
    /// Importance of the date (comparable within one answer).
    pub score: f64,
    /// The representative sentences, most central first, with their sources.
    pub sentences: Vec<SummarySentence>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SummarySentence {
    pub text: String,
    pub sources: Vec<String>,
    /// Provenance of each report of the sentence.
    pub provenance: Vec<Source>,
}

/// Sentences shown per key date.
const SUMMARY_SENTENCES: usize = 2;

/// The `dates` most important days of the entity's timeline, each with up
/// to two representative sentences.
///
/// # Errors
/// Unknown entity (with suggestions) and store errors.
pub fn timeline_summary(
    store: &Store,
    name: &str,
    filter: &DateFilter,
    dates: usize,
) -> Result<TimelineSummary> {
    let entity = resolve(store, name)?;
    let items = gather(store, &entity, filter)?;
    let dated: Vec<chronicle_tls::DatedItem> = items.iter().filter_map(dated_item).collect();
    let key = chronicle_tls::key_dates(&dated, dates, SUMMARY_SENTENCES);
    let same = |a: &str, b: &str| a.split_whitespace().eq(b.split_whitespace());
    let out = key
        .into_iter()
        .map(|k| {
            let sentences: Vec<SummarySentence> = k
                .sentences
                .into_iter()
                .map(|ks| {
                    let provenance = ks
                        .docs
                        .iter()
                        .filter_map(|d| {
                            items
                                .iter()
                                .find(|i| i.sources[0] == *d && same(&i.text, &ks.text))
                                .and_then(|i| i.provenance.first().cloned())
                        })
                        .collect();
                    SummarySentence {
                        text: ks.text,
                        sources: ks.docs,
                        provenance,
                    }
                })
                .collect();
            let mut sources: Vec<String> = Vec::new();
            for d in sentences.iter().flat_map(|s| &s.sources) {
                if !sources.contains(d) {
                    sources.push(d.clone());
                }
            }
            SummaryItem {
                date: k.date.to_string(),
                kind: "summary",
                text: sentences
                    .iter()
                    .map(|s| s.text.as_str())
                    .collect::<Vec<_>>()
                    .join(" "),
                sources,
                score: k.score,
                sentences,
            }
        })
        .collect();
    Ok(TimelineSummary {
        entity: entity.canonical,
        entity_id: entity.id,
        label: entity.label,
        items: out,
    })
}

/// A report as the summariser sees it; reports without a publication date
/// cannot be placed and are left out.
fn dated_item(i: &TimelineItem) -> Option<chronicle_tls::DatedItem> {
    let prov = i.provenance.first()?;
    let published = prov.date.as_deref()?.get(..10)?.parse().ok()?;
    Some(chronicle_tls::DatedItem {
        date: (i.dated_by != "published").then(|| i.date.clone()),
        published,
        doc: prov.doc.clone(),
        position: prov.sentence.map(|s| s as usize),
        text: i.text.clone(),
    })
}

/// Merges items reporting the same thing: same kind and date, and for
/// events the same participants (or for texts near-identical words); each
/// item joins the first earlier one it matches, in report order.
pub(crate) fn merge_items(items: Vec<TimelineItem>) -> Vec<TimelineItem> {
    // Word sets first: the rarity order of the text index needs every
    // word's count before the first probe.
    let mut vocab = Vocab::default();
    let mut sets: Vec<Vec<u32>> = items.iter().map(|i| vocab.set(&i.text)).collect();
    let mut count = vec![0u32; vocab.len()];
    for s in &sets {
        for &w in s {
            count[w as usize] += 1;
        }
    }
    for s in &mut sets {
        by_rarity(s, &count);
    }

    /// One kind and date: its merged items and how to find them.
    #[derive(Default)]
    struct Bucket {
        items: Vec<(TimelineItem, HashSet<String>)>,
        texts: TextIndex,
        /// First item with each (participant set, negated).
        events: HashMap<(Vec<String>, bool), usize>,
    }
    let mut buckets: HashMap<(String, String), usize> = HashMap::new();
    let mut all: Vec<Bucket> = Vec::new();
    for (item, set) in items.into_iter().zip(sets) {
        let b = match buckets.get(&(item.kind.clone(), item.date.clone())) {
            Some(&b) => b,
            None => {
                buckets.insert((item.kind.clone(), item.date.clone()), all.len());
                all.push(Bucket::default());
                all.len() - 1
            }
        };
        let bucket = &mut all[b];
        let parts = (!item.participants.is_empty()).then(|| {
            let mut p = item.participants.clone();
            p.sort_unstable();
            p.dedup();
            (p, item.negated)
        });
        let found = match &parts {
            Some(key) if rank(&item.kind) == 0 => bucket.events.get(key).copied(),
            _ => bucket.texts.find(&set, &count),
        };
        match found {
            Some(i) => {
                let (o, seen) = &mut bucket.items[i];
                for (src, prov) in item.sources.into_iter().zip(item.provenance) {
                    if seen.insert(src.clone()) {
                        o.sources.push(src);
                        o.provenance.push(prov);
                    }
                }
            }
            None => {
                let i = bucket.items.len();
                if let Some(key) = parts {
                    bucket.events.entry(key).or_insert(i);
                }
                bucket.texts.push(set);
                let seen = item.sources.iter().cloned().collect();
                bucket.items.push((item, seen));
            }
        }
    }
    all.into_iter()
        .flat_map(|b| b.items)
        .map(|(i, _)| i)
        .collect()
}

/// [`merge_items`] by comparing each item with every earlier one of its
/// kind and date: the reference the indexed merge is held to.
#[cfg(test)]
pub(crate) fn merge_items_simple(items: Vec<TimelineItem>) -> Vec<TimelineItem> {
    type Bucket = Vec<(TimelineItem, HashSet<String>)>;
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
    use chronicle_model::EntityLabel;

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
    fn summary_picks_the_most_reported_day_with_sources() {
        let (_d, store) = store_of(&[
            DocSpec {
                id: "a-1",
                date: "2011-08-25",
                text: "Steve Jobs resigned as chief executive of Apple on Wednesday evening.\n\
                       Analysts expect little change in the company strategy.",
                entities: &[("Steve Jobs", "Steve Jobs", EntityLabel::Per)],
                events: &[],
                quotes: &[],
            },
            DocSpec {
                id: "b-1",
                date: "2011-08-25",
                text: "Apple said Steve Jobs stepped down as chief executive of the company.",
                entities: &[("Steve Jobs", "Steve Jobs", EntityLabel::Per)],
                events: &[],
                quotes: &[],
            },
            DocSpec {
                id: "c-1",
                date: "2011-06-07",
                text: "Steve Jobs presented a new online storage service to developers.",
                entities: &[("Steve Jobs", "Steve Jobs", EntityLabel::Per)],
                events: &[],
                quotes: &[],
            },
        ]);
        let s = timeline_summary(&store, "Jobs", &DateFilter::default(), 1).unwrap();
        assert_eq!(s.entity, "Steve Jobs");
        assert_eq!(s.items.len(), 1, "{:#?}", s.items);
        let top = &s.items[0];
        assert_eq!(top.kind, "summary");
        // Two reports that day (and none about another day) outrank one.
        assert!(
            top.date == "2011-08-25" || top.date == "2011-08-24",
            "{top:#?}"
        );
        assert!(!top.sentences.is_empty() && top.sentences.len() <= SUMMARY_SENTENCES);
        assert!(top.text.contains("chief executive"), "{top:#?}");
        assert!(top.sources.iter().all(|d| d == "a-1" || d == "b-1"));
        assert!(top
            .sentences
            .iter()
            .all(|x| x.provenance.len() == x.sources.len()));

        let all = timeline_summary(&store, "Steve Jobs", &DateFilter::default(), 10).unwrap();
        assert!(all.items.len() >= 2);
        assert!(all.items.windows(2).all(|w| w[0].date < w[1].date));
        let none = DateFilter {
            from: Some("2012".into()),
            to: None,
        };
        assert!(timeline_summary(&store, "Steve Jobs", &none, 3)
            .unwrap()
            .items
            .is_empty());
    }

    fn item() -> impl proptest::strategy::Strategy<Value = TimelineItem> {
        use proptest::prelude::*;
        let word = prop::sample::select(vec![
            "Sessions",
            "sessions",
            "met",
            "Russian",
            "ambassador",
            "July",
            "denied",
            "meeting",
            "Kislyak",
            "officials",
            "campaign",
            "état",
        ]);
        let name = prop::sample::select(vec!["Jeff Sessions", "Sergey Kislyak", "Donald Trump"]);
        (
            prop::sample::select(vec!["contact", "quote", "mention"]),
            prop::sample::select(vec!["2016-07", "2017-03-02"]),
            prop::collection::vec(word, 0..7),
            prop::collection::vec(name, 0..4),
            any::<bool>(),
            prop::sample::select(vec!["a", "b", "c", "d"]),
        )
            .prop_map(|(kind, date, text, parts, negated, doc)| TimelineItem {
                date: date.into(),
                kind: kind.into(),
                text: text.join(" "),
                sources: vec![doc.to_string()],
                dated_by: "published",
                participants: parts.into_iter().map(str::to_string).collect(),
                speaker: None,
                negated,
                provenance: vec![Source {
                    doc: doc.to_string(),
                    date: None,
                    title: None,
                    url: None,
                    publisher: None,
                    sentence: None,
                    start: 0,
                    end: 0,
                }],
            })
    }

    proptest::proptest! {
        #[test]
        fn indexed_merge_equals_the_pairwise_merge(
            items in proptest::collection::vec(item(), 0..60)
        ) {
            proptest::prop_assert_eq!(merge_items(items.clone()), merge_items_simple(items));
        }
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
