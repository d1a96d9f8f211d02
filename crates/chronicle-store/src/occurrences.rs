//! An entity's first mentions and quotes in date order, without sorting
//! all of them.
//!
//! A popular entity has hundreds of thousands of mentions in a large store;
//! sorting them all by document date to keep the first few thousand cost
//! seconds. The KB keeps each name's mentions (`kb_occ`) and quotes
//! (`kb_said`) in an index ordered by (date, document, offset), so the
//! first N of every name of the entity are read off the index, merged, and
//! only those rows are completed. Document texts are read once per
//! document and sliced here rather than in SQL, which would read the whole
//! text again for every row; a bounded cache on the [`Store`] keeps them
//! across calls (entities that share articles, a bulk precompute), which
//! is sound because a document key's text and layers never change
//! (replacement and re-annotation store under a new key).

use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::Arc;

use rusqlite::{params, Connection, OptionalExtension};

use crate::kb::{DateRange, EventRow, MentionRow, Provenance, QuoteRow};
use crate::{Result, Store};

/// One row of a date-ordered list: `(date, doc key, start, idx)`.
type Key = (String, i64, i64, i64);

struct DocInfo {
    id: String,
    date: Option<String>,
    title: Option<String>,
    url: Option<String>,
    source: Option<String>,
    text: String,
}

/// The layers of one document that rows are completed from, read once.
#[derive(Default)]
struct DocLayers {
    /// `(idx, start, end)` in index order.
    sentences: Vec<(i64, i64, i64)>,
    /// DATE timexes `(start, end, value)` by start.
    dates: Vec<(i64, i64, String)>,
    /// Entity `idx` → `(start, end, mention)`.
    entities: HashMap<i64, (i64, i64, String)>,
}

impl DocLayers {
    fn read(conn: &Connection, key: i64) -> Result<DocLayers> {
        let sentences = conn
            .prepare_cached("SELECT idx, start, end FROM sentences WHERE doc = ?1 ORDER BY idx")?
            .query_map([key], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
            .collect::<rusqlite::Result<_>>()?;
        let dates = conn
            .prepare_cached(
                "SELECT start, end, value FROM timexes WHERE doc = ?1 AND type = 'DATE' ORDER BY start",
            )?
            .query_map([key], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
            .collect::<rusqlite::Result<_>>()?;
        let entities = conn
            .prepare_cached("SELECT idx, start, end, mention FROM entities WHERE doc = ?1")?
            .query_map([key], |r| {
                Ok((r.get(0)?, (r.get(1)?, r.get(2)?, r.get(3)?)))
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(DocLayers {
            sentences,
            dates,
            entities,
        })
    }

    /// Sentences containing byte `at` (a join on `start <= at < end`).
    fn sentences_at(&self, at: i64) -> impl Iterator<Item = &(i64, i64, i64)> {
        self.sentences
            .iter()
            .filter(move |(_, s, e)| *s <= at && at < *e)
    }
}

/// Documents read recently, by key, at most `cap` of each kind (emptied
/// when full: cheaper than tracking recency, and a bulk precompute moves
/// on through the store anyway).
pub(crate) struct DocCache {
    cap: usize,
    info: HashMap<i64, Arc<DocInfo>>,
    layers: HashMap<i64, Arc<DocLayers>>,
}

/// Documents kept by default: a few hub entities' worth of articles.
pub(crate) const DOC_CACHE: usize = 2048;

impl DocCache {
    pub(crate) fn new(cap: usize) -> DocCache {
        DocCache {
            cap,
            info: HashMap::new(),
            layers: HashMap::new(),
        }
    }

    pub(crate) fn cap(&self) -> usize {
        self.cap
    }

    fn keep<T>(cap: usize, map: &mut HashMap<i64, Arc<T>>, key: i64, v: &Arc<T>) {
        if cap == 0 {
            return;
        }
        if map.len() >= cap {
            map.clear();
        }
        map.insert(key, v.clone());
    }
}

/// Documents read through the store's cache.
struct Docs<'c> {
    conn: &'c Connection,
    cache: &'c RefCell<DocCache>,
}

impl<'c> Docs<'c> {
    fn new(store: &'c Store) -> Docs<'c> {
        Docs {
            conn: store.connection(),
            cache: store.doc_cache(),
        }
    }

    fn layers(&mut self, key: i64) -> Result<Arc<DocLayers>> {
        if let Some(l) = self.cache.borrow().layers.get(&key) {
            return Ok(l.clone());
        }
        let l = Arc::new(DocLayers::read(self.conn, key)?);
        let mut c = self.cache.borrow_mut();
        let cap = c.cap;
        DocCache::keep(cap, &mut c.layers, key, &l);
        Ok(l)
    }

    fn get(&mut self, key: i64) -> Result<Option<Arc<DocInfo>>> {
        if let Some(d) = self.cache.borrow().info.get(&key) {
            return Ok(Some(d.clone()));
        }
        let doc = self
            .conn
            .prepare_cached("SELECT id, date, title, url, source, text FROM docs WHERE key = ?1")?
            .query_row([key], |r| {
                Ok(DocInfo {
                    id: r.get(0)?,
                    date: r.get(1)?,
                    title: r.get(2)?,
                    url: r.get(3)?,
                    source: r.get(4)?,
                    text: r.get(5)?,
                })
            })
            .optional()?
            .map(Arc::new);
        if let Some(d) = &doc {
            let mut c = self.cache.borrow_mut();
            let cap = c.cap;
            DocCache::keep(cap, &mut c.info, key, d);
        }
        Ok(doc)
    }
}

/// Characters in the first `byte` bytes of `text`.
fn chars_before(text: &str, byte: i64) -> u32 {
    let b = (byte.max(0) as usize).min(text.len());
    let n = match text.get(..b) {
        Some(t) => t.chars().count(),
        None => String::from_utf8_lossy(&text.as_bytes()[..b])
            .chars()
            .count(),
    };
    n as u32
}

/// The text between two byte offsets (lossy when they split a character).
fn slice(text: &str, start: i64, end: i64) -> String {
    let a = (start.max(0) as usize).min(text.len());
    let b = (end.max(0) as usize).clamp(a, text.len());
    match text.get(a..b) {
        Some(t) => t.to_string(),
        None => String::from_utf8_lossy(&text.as_bytes()[a..b]).into_owned(),
    }
}

fn prov(doc: &DocInfo, start: i64, end: i64) -> Provenance {
    Provenance {
        doc: doc.id.clone(),
        doc_date: doc.date.clone(),
        title: doc.title.clone(),
        url: doc.url.clone(),
        source: doc.source.clone(),
        sentence: None,
        start: start.max(0) as u32,
        end: end.max(0) as u32,
        char_start: chars_before(&doc.text, start),
        char_end: chars_before(&doc.text, end),
    }
}

/// Range conditions on a `date` column holding '' for undated documents
/// (which no bound admits), parameters `?3` (from) and `?4` (to). A prefix
/// test rather than `LIKE ?4 || '%'`: SQLite recompiles a statement whose
/// LIKE pattern is a parameter every time it is bound.
const RANGE: &str = "(?3 IS NULL OR date >= ?3)
     AND (?4 IS NULL OR (date <> '' AND (date <= ?4 OR substr(date, 1, length(?4)) = ?4)))";

impl Store {
    /// The first `limit` keys of each `(a, b)` list of `sql`, merged in
    /// (date, doc, start) order; the flag tells whether some list had more.
    fn first_keys(
        &self,
        sql: &str,
        lists: &[(String, String)],
        range: &DateRange,
        limit: usize,
    ) -> Result<(Vec<Key>, bool)> {
        let mut st = self.connection().prepare_cached(sql)?;
        let mut all: Vec<Key> = Vec::new();
        let mut more = false;
        for (a, b) in lists {
            let rows = st
                .query_map(params![a, b, range.from, range.to, limit as i64], |r| {
                    Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
                })?
                .collect::<rusqlite::Result<Vec<Key>>>()?;
            more |= rows.len() >= limit;
            all.extend(rows);
        }
        all.sort();
        Ok((all, more))
    }

    /// [`Store::entity_mentions`] read off the date-ordered index.
    pub(crate) fn entity_mentions_ordered(
        &self,
        id: i64,
        range: &DateRange,
        limit: usize,
    ) -> Result<Vec<MentionRow>> {
        let conn = self.connection();
        let names: Vec<(String, String)> = conn
            .prepare_cached("SELECT name, label FROM kb_name WHERE entity = ?1")?
            .query_map([id], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        let sql = format!(
            "SELECT date, doc, start, idx FROM kb_occ WHERE canonical = ?1 AND label = ?2 AND {RANGE}
             ORDER BY date, doc, start LIMIT ?5"
        );
        let mut docs = Docs::new(self);
        // Mentions outside every sentence are left out, so a list may have
        // to be read further than `limit`.
        let mut fetch = limit.max(1);
        loop {
            let (keys, more) = self.first_keys(&sql, &names, range, fetch)?;
            let mut out = Vec::new();
            for (_, doc_key, _, idx) in keys {
                if out.len() == limit {
                    break;
                }
                let layers = docs.layers(doc_key)?;
                let Some((start, end, mention)) = layers.entities.get(&idx) else {
                    continue;
                };
                let Some(doc) = docs.get(doc_key)? else {
                    continue;
                };
                for &(s_idx, s_start, s_end) in layers.sentences_at(*start) {
                    if out.len() == limit {
                        break;
                    }
                    let values = layers
                        .dates
                        .iter()
                        .filter(|(a, b, _)| *a >= s_start && *b <= s_end)
                        .map(|(_, _, v)| v.clone())
                        .collect();
                    let mut p = prov(&doc, s_start, s_end);
                    p.sentence = Some(s_idx.max(0) as u32);
                    out.push(MentionRow {
                        prov: p,
                        mention: mention.clone(),
                        mention_start: (*start).max(0) as u32,
                        mention_end: (*end).max(0) as u32,
                        sentence_text: slice(&doc.text, s_start, s_end),
                        timexes: values,
                    });
                }
            }
            if out.len() >= limit || !more {
                return Ok(out);
            }
            fetch = fetch.saturating_mul(2);
        }
    }

    /// The events at `(doc key, idx)`, in the order given, one row per
    /// sentence containing the event's start (or one without a sentence).
    pub(crate) fn events_by_keys(&self, keys: &[(i64, i64)]) -> Result<Vec<EventRow>> {
        let conn = self.connection();
        let mut docs = Docs::new(self);
        let mut event = conn.prepare_cached(
            "SELECT kind, trigger, start, end, date, negated FROM events WHERE doc = ?1 AND idx = ?2",
        )?;
        let mut participants = conn.prepare_cached(
            "SELECT name FROM event_participants WHERE doc = ?1 AND event = ?2 ORDER BY pos",
        )?;
        let mut out = Vec::with_capacity(keys.len());
        for &(doc_key, idx) in keys {
            let Some((kind, trigger, start, end, date, negated)) = event
                .query_row(params![doc_key, idx], |r| {
                    Ok((
                        r.get::<_, String>(0)?,
                        r.get::<_, String>(1)?,
                        r.get::<_, i64>(2)?,
                        r.get::<_, i64>(3)?,
                        r.get::<_, Option<String>>(4)?,
                        r.get::<_, i64>(5)? != 0,
                    ))
                })
                .optional()?
            else {
                continue;
            };
            let Some(doc) = docs.get(doc_key)? else {
                continue;
            };
            let names = participants
                .query_map(params![doc_key, idx], |r| r.get::<_, String>(0))?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            let layers = docs.layers(doc_key)?;
            let sentences: Vec<Option<(i64, i64, i64)>> = {
                let found: Vec<_> = layers.sentences_at(start).map(|s| Some(*s)).collect();
                if found.is_empty() {
                    vec![None]
                } else {
                    found
                }
            };
            for s in sentences {
                let mut p = prov(&doc, start, end);
                p.sentence = s.map(|(i, _, _)| i.max(0) as u32);
                out.push(EventRow {
                    prov: p,
                    idx: idx.max(0) as u32,
                    kind: kind.clone(),
                    trigger: trigger.clone(),
                    date: date.clone(),
                    negated,
                    participants: names.clone(),
                    sentence_text: s
                        .map(|(_, a, b)| slice(&doc.text, a, b))
                        .unwrap_or_default(),
                });
            }
        }
        Ok(out)
    }

    /// [`Store::quotes_of`] for one entity, read off the date-ordered index.
    pub(crate) fn quotes_of_ordered(
        &self,
        id: i64,
        range: &DateRange,
        limit: usize,
    ) -> Result<Vec<QuoteRow>> {
        let conn = self.connection();
        let names: Vec<(String, String)> = conn
            .prepare_cached("SELECT DISTINCT name FROM kb_name WHERE entity = ?1")?
            .query_map([id], |r| Ok((r.get(0)?, String::new())))?
            .collect::<rusqlite::Result<_>>()?;
        let sql = format!(
            "SELECT date, doc, start, idx FROM kb_said WHERE speaker = ?1 AND ?2 = '' AND {RANGE}
             ORDER BY date, doc, start LIMIT ?5"
        );
        let (keys, _) = self.first_keys(&sql, &names, range, limit.max(1))?;
        let mut docs = Docs::new(self);
        let mut quote = conn.prepare_cached(
            "SELECT start, end, kind, speaker, cue, parts FROM quotes WHERE doc = ?1 AND idx = ?2",
        )?;
        let mut sentence = conn.prepare_cached(
            "SELECT idx FROM sentences WHERE doc = ?1 AND start <= ?2 AND ?2 < end ORDER BY idx LIMIT 1",
        )?;
        let mut out = Vec::new();
        for (_, doc_key, _, idx) in keys.into_iter().take(limit) {
            let Some((start, end, kind, speaker, cue, parts)) = quote
                .query_row(params![doc_key, idx], |r| {
                    Ok((
                        r.get::<_, i64>(0)?,
                        r.get::<_, i64>(1)?,
                        r.get::<_, String>(2)?,
                        r.get::<_, Option<String>>(3)?,
                        r.get::<_, String>(4)?,
                        r.get::<_, String>(5)?,
                    ))
                })
                .optional()?
            else {
                continue;
            };
            let Some(doc) = docs.get(doc_key)? else {
                continue;
            };
            let mut p = prov(&doc, start, end);
            p.sentence = sentence
                .query_row(params![doc_key, start], |r| r.get::<_, i64>(0))
                .optional()?
                .map(|s| s.max(0) as u32);
            let parts: Vec<[i64; 2]> = serde_json::from_str(&parts).unwrap_or_default();
            let text = parts
                .iter()
                .map(|[a, b]| slice(&doc.text, *a, *b).trim().to_string())
                .collect::<Vec<_>>()
                .join(" ");
            out.push(QuoteRow {
                prov: p,
                idx: idx.max(0) as u32,
                kind,
                speaker,
                cue,
                text,
            });
        }
        Ok(out)
    }
}
