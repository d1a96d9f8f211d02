//! The knowledge base: one record per real-world entity across the store,
//! and the read queries that timelines, quotes, contacts and conflicts need.
//!
//! # Why resolution is incremental
//!
//! Each document's entity stage already names its entities with the fullest
//! name the document uses (`entities.canonical`). Across documents the only
//! open questions are which per-document names are the same entity and what
//! to call it. Both depend on counts over the whole store, so the KB keeps
//! one small aggregate table, `kb_surface` (mentions per canonical name,
//! label and surface form). A refresh updates it from the documents added
//! since the last one (keys above the last seen key) and from the names of
//! deleted documents (recorded by triggers as the rows go), then
//! re-resolves only the entities those names can affect (`resolve.rs`).
//! Refreshing after a batch therefore costs in proportion to the batch,
//! not the store. Layer rows are never rewritten in place: a changed
//! document is deleted and inserted under a new key, which is what makes
//! "keys above the last seen key" complete.
//!
//! Rules: titles are stripped from person names; names are grouped by their
//! normalised form (case, periods, possessives); a surname-only person
//! name joins the full name ending in it only when that candidate dominates
//! the other candidates by mentions; two different full names never merge;
//! the user's alias file (`aliases.rs`) merges or keeps apart what these
//! rules cannot. Ids are stable: an entity keeps its id as long as its
//! anchor name (or alias rule) exists, and ids are never reused.

use rusqlite::{params, Connection, OptionalExtension};

use crate::{Result, Store};

const KB_SCHEMA: &str = r#"
CREATE TABLE IF NOT EXISTS kb_meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS kb_surface (
    canonical  TEXT NOT NULL,
    label      TEXT NOT NULL,
    mention    TEXT NOT NULL,
    mentions   INTEGER NOT NULL,
    first_seen TEXT,
    last_seen  TEXT,
    PRIMARY KEY (canonical, label, mention)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS kb_entity (
    id         INTEGER PRIMARY KEY,
    key        TEXT NOT NULL UNIQUE,
    canonical  TEXT NOT NULL,
    label      TEXT NOT NULL,
    mentions   INTEGER NOT NULL,
    first_seen TEXT,
    last_seen  TEXT
);
CREATE INDEX IF NOT EXISTS kb_entity_mentions ON kb_entity(mentions);
CREATE TABLE IF NOT EXISTS kb_alias (
    norm     TEXT NOT NULL,
    entity   INTEGER NOT NULL,
    alias    TEXT NOT NULL,
    mentions INTEGER NOT NULL,
    PRIMARY KEY (norm, entity, alias)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS kb_alias_entity ON kb_alias(entity);
CREATE TABLE IF NOT EXISTS kb_name (
    name   TEXT NOT NULL,
    label  TEXT NOT NULL,
    entity INTEGER NOT NULL,
    PRIMARY KEY (name, label)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS kb_name_entity ON kb_name(entity);
-- Mentions and attributed quotes in (date, doc, start) order per name:
-- an entity's first N are read off an index instead of sorting all of
-- them. `date` is '' for undated documents (sorting first, as NULL does);
-- rows go with their document.
CREATE TABLE IF NOT EXISTS kb_occ (
    doc       INTEGER NOT NULL REFERENCES docs(key) ON DELETE CASCADE,
    idx       INTEGER NOT NULL,
    canonical TEXT NOT NULL,
    label     TEXT NOT NULL,
    date      TEXT NOT NULL,
    start     INTEGER NOT NULL,
    PRIMARY KEY (doc, idx)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS kb_occ_name ON kb_occ(canonical, label, date, doc, start);
CREATE TABLE IF NOT EXISTS kb_said (
    doc     INTEGER NOT NULL REFERENCES docs(key) ON DELETE CASCADE,
    idx     INTEGER NOT NULL,
    speaker TEXT NOT NULL,
    date    TEXT NOT NULL,
    start   INTEGER NOT NULL,
    PRIMARY KEY (doc, idx)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS kb_said_speaker ON kb_said(speaker, date, doc, start);
CREATE INDEX IF NOT EXISTS kb_said_date ON kb_said(date, doc, start);
-- What deletions took away since the last refresh (cascades fire these too).
CREATE TABLE IF NOT EXISTS kb_dirty (
    canonical TEXT NOT NULL,
    label     TEXT NOT NULL,
    PRIMARY KEY (canonical, label)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS kb_deleted (
    key INTEGER PRIMARY KEY
);
CREATE TRIGGER IF NOT EXISTS kb_entity_gone AFTER DELETE ON entities BEGIN
    INSERT OR IGNORE INTO kb_dirty(canonical, label) VALUES (old.canonical, old.label);
END;
CREATE TRIGGER IF NOT EXISTS kb_doc_gone AFTER DELETE ON docs BEGIN
    INSERT OR IGNORE INTO kb_deleted(key) VALUES (old.key);
END;
"#;

/// A surname-only name joins its leading full-name candidate only when that
/// candidate has at least this many times the mentions of the runner-up.
pub(crate) const DOMINANCE: i64 = 3;

/// One entity of the knowledge base.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntityRecord {
    /// Stable id.
    pub id: i64,
    /// The most frequent full name across the store.
    pub canonical: String,
    /// `PER`, `ORG`, `LOC` or `MISC` (the most frequent label).
    pub label: String,
    pub mentions: u64,
    /// Earliest and latest publication dates of documents mentioning it.
    pub first_seen: Option<String>,
    pub last_seen: Option<String>,
}

/// What a refresh did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct KbReport {
    /// Whether anything had to be recomputed.
    pub refreshed: bool,
    /// Every entity was recomputed (first refresh, a new alias file, a
    /// new resolution version, or changes the triggers did not see).
    pub full: bool,
    pub entities: u64,
    /// Entities created, updated or removed by this refresh.
    pub recomputed: u64,
    /// Skipped lines of the alias file, as `FILE:LINE: reason`.
    pub warnings: Vec<String>,
}

/// Where a stored item sits: document, sentence and offsets. Offsets are
/// byte offsets into the document text, with character offsets alongside
/// for outputs.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Provenance {
    pub doc: String,
    /// Publication date of the document.
    pub doc_date: Option<String>,
    pub title: Option<String>,
    pub url: Option<String>,
    pub source: Option<String>,
    /// Index of the sentence in its document.
    pub sentence: Option<u32>,
    pub start: u32,
    pub end: u32,
    pub char_start: u32,
    pub char_end: u32,
}

/// A sentence that mentions an entity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MentionRow {
    pub prov: Provenance,
    /// The mention as written.
    pub mention: String,
    /// Byte offsets of the mention.
    pub mention_start: u32,
    pub mention_end: u32,
    /// The sentence text (its start is `prov.start`).
    pub sentence_text: String,
    /// DATE timex values inside the sentence, in text order.
    pub timexes: Vec<String>,
}

/// A stored quote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuoteRow {
    pub prov: Provenance,
    pub idx: u32,
    pub kind: String,
    /// The speaker name as the quote stage resolved it in its document.
    pub speaker: Option<String>,
    pub cue: String,
    /// The content (pieces joined by a space when interrupted).
    pub text: String,
}

/// A stored event with its participants.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventRow {
    pub prov: Provenance,
    pub idx: u32,
    pub kind: String,
    pub trigger: String,
    /// The event's own date (TIMEX3 value), when the text gives it.
    pub date: Option<String>,
    pub negated: bool,
    /// Participant names as the event stage wrote them.
    pub participants: Vec<String>,
    /// The text of the event's sentence.
    pub sentence_text: String,
}

/// A document summary for listings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocSummary {
    pub id: String,
    pub date: Option<String>,
    pub title: Option<String>,
    pub url: Option<String>,
    pub source: Option<String>,
}

/// Date bounds on publication dates (inclusive, `YYYY-MM-DD` or a prefix).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DateRange {
    pub from: Option<String>,
    pub to: Option<String>,
}

/// Brings the KB tables of the store in `dir` up to date (the ingest
/// command calls this after a run; queries also refresh lazily).
///
/// # Errors
/// I/O and database errors.
pub fn refresh(dir: &std::path::Path) -> Result<KbReport> {
    let conn = crate::schema::open(dir)?;
    refresh_conn(&conn, dir, false)
}

/// Recomputes every entity from the stored documents, as if the KB were
/// new (ids of entities that still exist are kept).
///
/// # Errors
/// I/O and database errors.
pub fn rebuild(dir: &std::path::Path) -> Result<KbReport> {
    let conn = crate::schema::open(dir)?;
    refresh_conn(&conn, dir, true)
}

/// Removes a leading title or office from a person's name ("Sen. Jeff
/// Sessions" → "Jeff Sessions"), keeping at least one word.
pub fn strip_titles(name: &str) -> &str {
    let mut rest = name.trim();
    loop {
        let Some((first, tail)) = rest.split_once(char::is_whitespace) else {
            return rest;
        };
        let word = first.trim_end_matches('.').to_lowercase();
        if !is_title(&word) || tail.trim().is_empty() {
            return rest;
        }
        rest = tail.trim_start();
    }
}

fn is_title(w: &str) -> bool {
    matches!(
        w,
        "mr" | "mrs"
            | "ms"
            | "miss"
            | "dr"
            | "prof"
            | "professor"
            | "sen"
            | "senator"
            | "rep"
            | "representative"
            | "congressman"
            | "congresswoman"
            | "gov"
            | "governor"
            | "president"
            | "vice"
            | "president-elect"
            | "secretary"
            | "attorney"
            | "general"
            | "gen"
            | "judge"
            | "justice"
            | "rev"
            | "reverend"
            | "father"
            | "sir"
            | "dame"
            | "lord"
            | "lady"
            | "king"
            | "queen"
            | "prince"
            | "princess"
            | "pope"
            | "chairman"
            | "chairwoman"
            | "ceo"
            | "minister"
            | "prime"
            | "ambassador"
            | "sgt"
            | "lt"
            | "col"
            | "capt"
            | "adm"
            | "mayor"
            | "chancellor"
            | "director"
            | "speaker"
            | "chief"
            | "executive"
            | "officer"
            | "founder"
            | "co-founder"
            | "cofounder"
            | "former"
            | "then"
            | "deputy"
            | "agent"
    )
}

/// The name with titles (persons only) and a possessive ending removed.
pub(crate) fn clean(name: &str, per: bool) -> String {
    let name = name.trim();
    let name = name
        .strip_suffix("'s")
        .or_else(|| name.strip_suffix("’s"))
        .unwrap_or(name);
    let name = if per { strip_titles(name) } else { name };
    name.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The lookup form of a name: lower case, no periods, single spaces, no
/// leading article.
pub fn normalise_name(name: &str) -> String {
    let lower = name
        .to_lowercase()
        .replace(['.', ','], "")
        .replace('’', "'");
    let mut words: Vec<&str> = lower.split_whitespace().collect();
    if words.len() > 1 && words[0] == "the" {
        words.remove(0);
    }
    words.join(" ")
}

/// The lookup form of a user's query: titles stripped, then normalised.
fn query_norms(q: &str) -> Vec<String> {
    let mut out = vec![normalise_name(q)];
    let stripped = normalise_name(&clean(q, true));
    if !out.contains(&stripped) {
        out.push(stripped);
    }
    out
}

/// Creates the KB tables and the triggers that record deletions; run on
/// every open, before anything can delete a document.
pub(crate) fn ensure_schema(conn: &Connection) -> Result<()> {
    conn.execute_batch(KB_SCHEMA)?;
    conn.execute_batch(crate::derived::SCHEMA)?;
    Ok(())
}

pub(crate) fn meta_get(conn: &Connection, key: &str) -> Result<Option<String>> {
    Ok(conn
        .query_row("SELECT value FROM kb_meta WHERE key = ?1", [key], |r| {
            r.get(0)
        })
        .optional()?)
}

pub(crate) fn meta_set(conn: &Connection, key: &str, value: &str) -> Result<()> {
    conn.execute(
        "INSERT INTO kb_meta(key, value) VALUES (?1, ?2)
         ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        params![key, value],
    )?;
    Ok(())
}

/// `(count, max key)` of the documents: changes whenever documents are
/// added, deleted or replaced (replacement inserts under a new key).
fn doc_stamp(conn: &Connection) -> Result<(i64, i64)> {
    Ok(conn.query_row(
        "SELECT count(*), coalesce(max(key), 0) FROM docs",
        [],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?)
}

fn parse_stamp(s: &str) -> Option<(i64, i64)> {
    let (a, b) = s.split_once(':')?;
    Some((a.parse().ok()?, b.parse().ok()?))
}

/// Bumped whenever resolution changes what it derives from the same
/// aggregates: a store refreshed by another version is recomputed in full.
const KB_VERSION: &str = "2";

/// Whether the KB reflects the stored documents, the alias file
/// `aliases` and this version of the resolution. Cheap (no count over the
/// documents): every query asks. Nothing was added when the largest key
/// is the one last seen (keys are never reused), and nothing was deleted
/// when the deletion trigger recorded nothing.
fn up_to_date(conn: &Connection, aliases: &str) -> Result<bool> {
    let Some((_, max_key)) = meta_get(conn, "stamp")?.as_deref().and_then(parse_stamp) else {
        return Ok(false);
    };
    let (now_max, deleted): (i64, bool) = conn.query_row(
        "SELECT (SELECT coalesce(max(key), 0) FROM docs), EXISTS (SELECT 1 FROM kb_deleted)",
        [],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    Ok(now_max == max_key
        && !deleted
        && meta_get(conn, "aliases")?.as_deref().unwrap_or("") == aliases
        && meta_get(conn, "version")?.as_deref() == Some(KB_VERSION))
}

/// Refreshes the KB tables over `conn` (the store in `dir`) when the
/// documents or the alias file changed since the last refresh; `full`
/// recomputes everything regardless.
pub(crate) fn refresh_conn(
    conn: &Connection,
    dir: &std::path::Path,
    full: bool,
) -> Result<KbReport> {
    let (rules, warnings, aliases) = crate::aliases::load(dir)?;
    if !full && up_to_date(conn, &aliases)? {
        return Ok(KbReport {
            warnings,
            ..KbReport::default()
        });
    }
    // IMMEDIATE: concurrent refreshers serialise; the loser sees the new stamp.
    let tx = rusqlite::Transaction::new_unchecked(conn, rusqlite::TransactionBehavior::Immediate)?;
    if !full && up_to_date(&tx, &aliases)? {
        return Ok(KbReport {
            warnings,
            ..KbReport::default()
        });
    }
    let now = doc_stamp(&tx)?;
    let same_version = meta_get(&tx, "version")?.as_deref() == Some(KB_VERSION);
    let last = meta_get(&tx, "stamp")?.as_deref().and_then(parse_stamp);
    let changed = match last {
        Some((count, max_key)) if same_version && !full => {
            update_surface(&tx, count, max_key, now)?
        }
        _ => None,
    };
    if changed.is_none() {
        tx.execute_batch("DELETE FROM kb_surface; DELETE FROM kb_occ; DELETE FROM kb_said;")?;
        accumulate(&tx, 0)?;
    }
    tx.execute_batch("DELETE FROM kb_dirty; DELETE FROM kb_deleted;")?;
    let same_aliases = meta_get(&tx, "aliases")?.as_deref().unwrap_or("") == aliases;
    let names = changed.filter(|_| same_aliases);
    let resolved = crate::resolve::resolve(&tx, names.as_deref(), &rules)?;
    // Precomputed answers go stale in the same transaction.
    let last_key = last.map_or(0, |(_, k)| k);
    let changes = names.as_ref().map(|_| crate::derived::Changes {
        touched: &resolved.touched,
        last_key,
    });
    crate::derived::invalidate(&tx, changes.as_ref())?;
    meta_set(&tx, "stamp", &format!("{}:{}", now.0, now.1))?;
    meta_set(&tx, "aliases", &aliases)?;
    meta_set(&tx, "version", KB_VERSION)?;
    tx.commit()?;
    Ok(KbReport {
        refreshed: true,
        full: names.is_none(),
        entities: resolved.entities,
        recomputed: resolved.recomputed,
        warnings,
    })
}

/// Brings `kb_surface` up to date from the last refresh (`count`
/// documents, keys up to `max_key`) and returns the names whose rows
/// changed; `None` when deletions happened that the triggers did not
/// record, so that only a recount is safe.
fn update_surface(
    conn: &Connection,
    count: i64,
    max_key: i64,
    now: (i64, i64),
) -> Result<Option<Vec<(String, String)>>> {
    let added: i64 =
        conn.query_row("SELECT count(*) FROM docs WHERE key > ?1", [max_key], |r| {
            r.get(0)
        })?;
    let deleted: i64 = conn.query_row(
        "SELECT count(*) FROM kb_deleted WHERE key <= ?1",
        [max_key],
        |r| r.get(0),
    )?;
    if count - deleted + added != now.0 {
        return Ok(None);
    }
    let mut names: Vec<(String, String)> = {
        let mut st = conn.prepare("SELECT canonical, label FROM kb_dirty")?;
        let rows = st.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    // Names that lost mentions: recount them over the documents that stay.
    {
        let mut clear =
            conn.prepare_cached("DELETE FROM kb_surface WHERE canonical = ?1 AND label = ?2")?;
        let mut recount = conn.prepare_cached(
            "INSERT INTO kb_surface(canonical, label, mention, mentions, first_seen, last_seen)
             SELECT e.canonical, e.label, e.mention, count(*), min(d.date), max(d.date)
             FROM entities e JOIN docs d ON d.key = e.doc
             WHERE e.canonical = ?1 AND e.label = ?2 AND e.doc <= ?3
             GROUP BY e.mention",
        )?;
        for (c, l) in &names {
            clear.execute(params![c, l])?;
            recount.execute(params![c, l, max_key])?;
        }
    }
    accumulate(conn, max_key)?;
    let mut st = conn.prepare("SELECT DISTINCT canonical, label FROM entities WHERE doc > ?1")?;
    let added_names = st.query_map([max_key], |r| Ok((r.get(0)?, r.get(1)?)))?;
    for n in added_names {
        names.push(n?);
    }
    names.sort();
    names.dedup();
    Ok(Some(names))
}

/// Adds the mentions of documents with key above `after` to `kb_surface`,
/// and their mentions and quotes to the date-ordered lists.
fn accumulate(conn: &Connection, after: i64) -> Result<()> {
    conn.execute(
        "INSERT OR IGNORE INTO kb_occ(doc, idx, canonical, label, date, start)
         SELECT e.doc, e.idx, e.canonical, e.label, coalesce(d.date, ''), e.start
         FROM entities e JOIN docs d ON d.key = e.doc WHERE e.doc > ?1",
        [after],
    )?;
    conn.execute(
        "INSERT OR IGNORE INTO kb_said(doc, idx, speaker, date, start)
         SELECT q.doc, q.idx, q.speaker, coalesce(d.date, ''), q.start
         FROM quotes q JOIN docs d ON d.key = q.doc WHERE q.doc > ?1 AND q.speaker IS NOT NULL",
        [after],
    )?;
    conn.execute(
        "INSERT INTO kb_surface(canonical, label, mention, mentions, first_seen, last_seen)
         SELECT e.canonical, e.label, e.mention, count(*), min(d.date), max(d.date)
         FROM entities e JOIN docs d ON d.key = e.doc
         WHERE e.doc > ?1
         GROUP BY e.canonical, e.label, e.mention
         ON CONFLICT(canonical, label, mention) DO UPDATE SET
            mentions = mentions + excluded.mentions,
            first_seen = CASE WHEN first_seen IS NULL OR excluded.first_seen < first_seen
                              THEN excluded.first_seen ELSE first_seen END,
            last_seen = CASE WHEN last_seen IS NULL OR excluded.last_seen > last_seen
                             THEN excluded.last_seen ELSE last_seen END",
        [after],
    )?;
    Ok(())
}

fn entity_from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<EntityRecord> {
    Ok(EntityRecord {
        id: r.get(0)?,
        canonical: r.get(1)?,
        label: r.get(2)?,
        mentions: r.get::<_, i64>(3)?.max(0) as u64,
        first_seen: r.get(4)?,
        last_seen: r.get(5)?,
    })
}

const ENTITY_COLS: &str = "id, canonical, label, mentions, first_seen, last_seen";

/// Edit distance between two short strings (by characters).
fn levenshtein(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.chars().enumerate() {
        cur[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != *cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// SQL giving provenance columns for a span `(s_start, s_end)` of document `d`.
fn prov_cols(start: &str, end: &str) -> String {
    format!(
        "d.id, d.date, d.title, d.url, d.source, {start}, {end},
         length(CAST(substr(CAST(d.text AS BLOB), 1, {start}) AS TEXT)),
         length(CAST(substr(CAST(d.text AS BLOB), 1, {end}) AS TEXT))"
    )
}

/// Reads the 9 provenance columns starting at `at`.
fn prov_from_row(r: &rusqlite::Row<'_>, at: usize) -> rusqlite::Result<Provenance> {
    Ok(Provenance {
        doc: r.get(at)?,
        doc_date: r.get(at + 1)?,
        title: r.get(at + 2)?,
        url: r.get(at + 3)?,
        source: r.get(at + 4)?,
        sentence: None,
        start: r.get::<_, i64>(at + 5)?.max(0) as u32,
        end: r.get::<_, i64>(at + 6)?.max(0) as u32,
        char_start: r.get::<_, Option<i64>>(at + 7)?.unwrap_or(0).max(0) as u32,
        char_end: r.get::<_, Option<i64>>(at + 8)?.unwrap_or(0).max(0) as u32,
    })
}

fn in_range(date: Option<&str>, range: &DateRange) -> bool {
    let Some(date) = date else {
        return range.from.is_none() && range.to.is_none();
    };
    if let Some(from) = &range.from {
        if date < from.as_str() && !from.starts_with(date) {
            return false;
        }
    }
    if let Some(to) = &range.to {
        if date > to.as_str() && !date.starts_with(to.as_str()) {
            return false;
        }
    }
    true
}

/// Byte substring of a document text in SQL.
const SLICE: &str = "CAST(substr(CAST(d.text AS BLOB), s.start + 1, s.end - s.start) AS TEXT)";

impl Store {
    /// Brings the KB tables up to date if documents changed since the last
    /// refresh (cheap when nothing changed).
    ///
    /// # Errors
    /// Database errors.
    pub fn kb_refresh(&self) -> Result<KbReport> {
        refresh_conn(self.connection(), self.dir(), false)
    }

    /// The entity a user's name refers to: any alias, with or without
    /// titles, case-insensitive. Ambiguous aliases go to the entity that
    /// uses them most.
    ///
    /// # Errors
    /// Database errors.
    pub fn resolve_entity(&self, name: &str) -> Result<Option<EntityRecord>> {
        self.kb_refresh()?;
        let conn = self.connection();
        for norm in query_norms(name) {
            let found = conn
                .prepare_cached(&format!(
                    "SELECT {ENTITY_COLS} FROM kb_entity WHERE id = (
                        SELECT a.entity FROM kb_alias a JOIN kb_entity k ON k.id = a.entity
                        WHERE a.norm = ?1 GROUP BY a.entity
                        ORDER BY sum(a.mentions) DESC, k.mentions DESC, k.id LIMIT 1)"
                ))?
                .query_row([&norm], entity_from_row)
                .optional()?;
            if found.is_some() {
                return Ok(found);
            }
        }
        self.resolve_surname(name)
    }

    /// A one-word query no alias matches ("Kislyak" when every article
    /// wrote the full name): the person whose full name ends in it, when
    /// one such person dominates the others.
    fn resolve_surname(&self, name: &str) -> Result<Option<EntityRecord>> {
        let q = normalise_name(&clean(name, true));
        if q.is_empty() || q.contains(' ') {
            return Ok(None);
        }
        let mut st = self.connection().prepare_cached(&format!(
            "SELECT {ENTITY_COLS} FROM kb_entity WHERE label = 'PER' AND lower(canonical) LIKE '% ' || ?1
             ORDER BY mentions DESC, id LIMIT 50"
        ))?;
        let cands = st
            .query_map([&q], entity_from_row)?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let cands: Vec<EntityRecord> = cands
            .into_iter()
            .filter(|e| normalise_name(&e.canonical).rsplit(' ').next() == Some(q.as_str()))
            .collect();
        Ok(match cands.as_slice() {
            [only] => Some(only.clone()),
            [first, second, ..]
                if first.mentions as i64 >= DOMINANCE * (second.mentions as i64).max(1) =>
            {
                Some(first.clone())
            }
            _ => None,
        })
    }

    /// Up to `n` canonical names whose aliases are nearest to `name`, for
    /// "did you mean" messages.
    ///
    /// # Errors
    /// Database errors.
    pub fn suggest_entities(&self, name: &str, n: usize) -> Result<Vec<String>> {
        self.kb_refresh()?;
        let q = normalise_name(&clean(name, true));
        let mut st = self.connection().prepare_cached(
            "SELECT a.norm, k.canonical, k.mentions FROM kb_alias a JOIN kb_entity k ON k.id = a.entity",
        )?;
        let rows = st.query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, i64>(2)?,
            ))
        })?;
        let mut scored: Vec<(usize, i64, String)> = Vec::new();
        let limit = (q.chars().count() / 3).max(2);
        for row in rows {
            let (norm, canonical, mentions) = row?;
            // A query that is part of a longer name ("Jobs" in "Steve Jobs")
            // is as near as it gets; otherwise, edit distance.
            let d = if q.chars().count() >= 3 && norm.contains(&q) {
                0
            } else {
                levenshtein(&q, &norm)
            };
            if d <= limit {
                scored.push((d, -mentions, canonical));
            }
        }
        scored.sort();
        let mut out: Vec<String> = Vec::new();
        for (_, _, c) in scored {
            if !out.contains(&c) {
                out.push(c);
                if out.len() == n {
                    break;
                }
            }
        }
        Ok(out)
    }

    /// The entity with id `id`.
    ///
    /// # Errors
    /// Database errors.
    pub fn entity(&self, id: i64) -> Result<Option<EntityRecord>> {
        self.kb_refresh()?;
        self.entity_as_stored(id)
    }

    /// The entity with id `id` as the KB has it, without first bringing
    /// the KB up to date: for bulk work right after a refresh, where a
    /// check per entity (it reads the alias file) would cost more than the
    /// lookup.
    ///
    /// # Errors
    /// Database errors.
    pub fn entity_as_stored(&self, id: i64) -> Result<Option<EntityRecord>> {
        Ok(self
            .connection()
            .prepare_cached(&format!(
                "SELECT {ENTITY_COLS} FROM kb_entity WHERE id = ?1"
            ))?
            .query_row([id], entity_from_row)
            .optional()?)
    }

    /// Entities by mentions, most mentioned first, optionally of one label.
    ///
    /// # Errors
    /// Database errors.
    pub fn entities(&self, label: Option<&str>, limit: usize) -> Result<Vec<EntityRecord>> {
        self.kb_refresh()?;
        let mut st = self.connection().prepare_cached(&format!(
            "SELECT {ENTITY_COLS} FROM kb_entity WHERE ?1 IS NULL OR label = ?1
             ORDER BY mentions DESC, id LIMIT ?2"
        ))?;
        let rows = st.query_map(params![label, limit as i64], entity_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Aliases of entity `id` as written, with mention counts, most used first.
    ///
    /// # Errors
    /// Database errors.
    pub fn entity_aliases(&self, id: i64) -> Result<Vec<(String, u64)>> {
        let mut st = self.connection().prepare_cached(
            "SELECT alias, sum(mentions) FROM kb_alias WHERE entity = ?1
             GROUP BY alias ORDER BY sum(mentions) DESC, alias",
        )?;
        let rows = st.query_map([id], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?.max(0) as u64))
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The entity that a per-document name (a speaker, an event participant)
    /// belongs to, if the KB knows it.
    ///
    /// # Errors
    /// Database errors.
    pub fn entity_of_name(&self, name: &str) -> Result<Option<EntityRecord>> {
        let found = self
            .connection()
            .prepare_cached(&format!(
                "SELECT {ENTITY_COLS} FROM kb_entity WHERE id = (
                   SELECT n.entity FROM kb_name n JOIN kb_entity k ON k.id = n.entity
                   WHERE n.name = ?1 ORDER BY k.mentions DESC LIMIT 1)"
            ))?
            .query_row([name], entity_from_row)
            .optional()?;
        match found {
            Some(e) => Ok(Some(e)),
            // Names that no entity mention carries (speakers resolved from
            // a title, say): fall back to alias lookup.
            None => {
                let mut st = self.connection().prepare_cached(&format!(
                    "SELECT {ENTITY_COLS} FROM kb_entity WHERE id = (
                        SELECT a.entity FROM kb_alias a JOIN kb_entity k ON k.id = a.entity
                        WHERE a.norm = ?1 ORDER BY a.mentions DESC, k.mentions DESC LIMIT 1)"
                ))?;
                Ok(st
                    .query_row([normalise_name(&clean(name, true))], entity_from_row)
                    .optional()?)
            }
        }
    }

    /// Sentences mentioning entity `id` (one row per mention), in document
    /// date order, at most `limit`.
    ///
    /// # Errors
    /// Database errors.
    pub fn entity_mentions(
        &self,
        id: i64,
        range: &DateRange,
        limit: usize,
    ) -> Result<Vec<MentionRow>> {
        self.entity_mentions_ordered(id, range, limit)
    }

    /// Quotes whose speaker belongs to entity `id` (all attributed quotes
    /// when `id` is `None`), by document date, at most `limit`.
    ///
    /// # Errors
    /// Database errors.
    pub fn quotes_of(
        &self,
        id: Option<i64>,
        range: &DateRange,
        limit: usize,
    ) -> Result<Vec<QuoteRow>> {
        if let Some(id) = id {
            return self.quotes_of_ordered(id, range, limit);
        }
        let sql = format!(
            "SELECT {prov}, q.idx, q.kind, q.speaker, q.cue, q.parts,
               (SELECT s.idx FROM sentences s WHERE s.doc = q.doc AND s.start <= q.start AND q.start < s.end)
             FROM quotes q JOIN docs d ON d.key = q.doc
             WHERE q.speaker IS NOT NULL
               AND (?1 IS NULL OR q.speaker IN (SELECT name FROM kb_name WHERE entity = ?1))
               AND (?2 IS NULL OR d.date >= ?2) AND (?3 IS NULL OR d.date <= ?3 OR d.date LIKE ?3 || '%')
             ORDER BY d.date, d.key, q.start
             LIMIT ?4",
            prov = prov_cols("q.start", "q.end")
        );
        let mut st = self.connection().prepare_cached(&sql)?;
        let rows = st.query_map(params![id, range.from, range.to, limit as i64], |r| {
            let mut prov = prov_from_row(r, 0)?;
            prov.sentence = r.get::<_, Option<i64>>(14)?.map(|s| s.max(0) as u32);
            Ok((
                prov,
                r.get::<_, i64>(9)?,
                r.get::<_, String>(10)?,
                r.get::<_, Option<String>>(11)?,
                r.get::<_, String>(12)?,
                r.get::<_, String>(13)?,
            ))
        })?;
        let mut text_of = self
            .connection()
            .prepare_cached("SELECT CAST(substr(CAST(text AS BLOB), ?2 + 1, ?3 - ?2) AS TEXT) FROM docs WHERE id = ?1")?;
        let mut out = Vec::new();
        for row in rows {
            let (prov, idx, kind, speaker, cue, parts) = row?;
            let parts: Vec<[i64; 2]> = serde_json::from_str(&parts).unwrap_or_default();
            let mut pieces = Vec::new();
            for [a, b] in parts {
                let piece: Option<String> = text_of
                    .query_row(params![prov.doc, a, b], |r| r.get(0))
                    .optional()?
                    .flatten();
                if let Some(p) = piece {
                    pieces.push(p.trim().to_string());
                }
            }
            out.push(QuoteRow {
                prov,
                idx: idx.max(0) as u32,
                kind,
                speaker,
                cue,
                text: pieces.join(" "),
            });
        }
        Ok(out)
    }

    /// Events with entity `id` among their participants (every event when
    /// `None`), optionally of one kind, at most `limit`.
    ///
    /// # Errors
    /// Database errors.
    pub fn events_of(
        &self,
        id: Option<i64>,
        kind: Option<&str>,
        limit: usize,
    ) -> Result<Vec<EventRow>> {
        // Driven by the entity's participations when there is one
        // (an `?1 IS NULL OR` in front would make SQLite scan every event).
        let filter = if id.is_some() {
            "(ev.doc, ev.idx) IN (
             SELECT p.doc, p.event FROM kb_name n JOIN event_participants p ON p.name = n.name
             WHERE n.entity = ?1)"
        } else {
            "?1 IS NULL"
        };
        self.event_rows(
            &format!(
                "{filter} AND (?2 IS NULL OR ev.kind = ?2)
                 ORDER BY coalesce(ev.date, d.date), d.key, ev.start LIMIT ?3"
            ),
            params![id, kind, limit as i64],
        )
    }

    /// Events of one kind as `(doc key, idx, first participant)`, in the
    /// order of [`Store::events_of`], at most `limit`: a cheap list to pick
    /// from before reading whole rows with [`Store::events_at`].
    ///
    /// # Errors
    /// Database errors.
    pub fn event_heads(&self, kind: &str, limit: usize) -> Result<Vec<(i64, u32, Option<String>)>> {
        let mut st = self.connection().prepare_cached(
            "SELECT ev.doc, ev.idx,
               (SELECT name FROM event_participants p WHERE p.doc = ev.doc AND p.event = ev.idx
                ORDER BY p.pos LIMIT 1)
             FROM events ev JOIN docs d ON d.key = ev.doc
             WHERE ev.kind = ?1
             ORDER BY coalesce(ev.date, d.date), d.key, ev.start LIMIT ?2",
        )?;
        let rows = st.query_map(params![kind, limit as i64], |r| {
            Ok((r.get(0)?, r.get::<_, i64>(1)?.max(0) as u32, r.get(2)?))
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The events at `(doc key, idx)`, in the order given.
    ///
    /// # Errors
    /// Database errors.
    pub fn events_at(&self, keys: &[(i64, u32)]) -> Result<Vec<EventRow>> {
        let mut out = Vec::with_capacity(keys.len());
        for (doc, idx) in keys {
            out.extend(self.event_rows("ev.doc = ?1 AND ev.idx = ?2", params![doc, idx])?);
        }
        Ok(out)
    }

    /// Ids of the entities whose canonical name is `name` exactly.
    ///
    /// # Errors
    /// Database errors.
    pub fn entity_ids_named(&self, name: &str) -> Result<Vec<i64>> {
        let mut st = self
            .connection()
            .prepare_cached("SELECT id FROM kb_entity WHERE canonical = ?1 ORDER BY id")?;
        let rows = st.query_map([name], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Events selected and ordered by `filter` (over `events ev` joined
    /// with `docs d`): keys first, so that texts are read only for the
    /// rows kept.
    fn event_rows(&self, filter: &str, args: &[&dyn rusqlite::ToSql]) -> Result<Vec<EventRow>> {
        let sql = format!(
            "SELECT ev.doc, ev.idx FROM events ev JOIN docs d ON d.key = ev.doc WHERE {filter}"
        );
        let keys = self
            .connection()
            .prepare_cached(&sql)?
            .query_map(args, |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<Vec<(i64, i64)>>>()?;
        self.events_by_keys(&keys)
    }

    /// Sentences (text only) in which entity `id` is mentioned, for reading
    /// descriptions next to its name ("Russia's ambassador …"), at most `limit`.
    ///
    /// # Errors
    /// Database errors.
    pub fn mention_contexts(&self, id: i64, limit: usize) -> Result<Vec<(String, u32, u32)>> {
        let sql = format!(
            "SELECT {SLICE}, e.start - s.start, e.end - s.start
             FROM kb_name n
             JOIN entities e ON e.canonical = n.name AND e.label = n.label
             JOIN docs d ON d.key = e.doc
             JOIN sentences s ON s.doc = e.doc AND s.start <= e.start AND e.start < s.end
             WHERE n.entity = ?1 LIMIT ?2"
        );
        let mut st = self.connection().prepare_cached(&sql)?;
        let rows = st.query_map(params![id, limit as i64], |r| {
            Ok((
                r.get::<_, Option<String>>(0)?.unwrap_or_default(),
                r.get::<_, i64>(1)?.max(0) as u32,
                r.get::<_, i64>(2)?.max(0) as u32,
            ))
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Documents by date (newest first), `offset`/`limit` paging.
    ///
    /// # Errors
    /// Database errors.
    pub fn documents(&self, offset: usize, limit: usize) -> Result<Vec<DocSummary>> {
        let mut st = self.connection().prepare_cached(
            "SELECT id, date, title, url, source FROM docs ORDER BY date DESC, key DESC LIMIT ?1 OFFSET ?2",
        )?;
        let rows = st.query_map(params![limit as i64, offset as i64], |r| {
            Ok(DocSummary {
                id: r.get(0)?,
                date: r.get(1)?,
                title: r.get(2)?,
                url: r.get(3)?,
                source: r.get(4)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Summary (id, date, title, url, source) of document `id`.
    ///
    /// # Errors
    /// Database errors.
    pub fn document_summary(&self, id: &str) -> Result<Option<DocSummary>> {
        Ok(self
            .connection()
            .prepare_cached("SELECT id, date, title, url, source FROM docs WHERE id = ?1")?
            .query_row([id], |r| {
                Ok(DocSummary {
                    id: r.get(0)?,
                    date: r.get(1)?,
                    title: r.get(2)?,
                    url: r.get(3)?,
                    source: r.get(4)?,
                })
            })
            .optional()?)
    }
}

/// Whether a TIMEX3 `date` lies in `range` (prefix-aware: `2016-07` is in
/// a range from `2016-07-15`).
pub fn date_in_range(date: Option<&str>, range: &DateRange) -> bool {
    in_range(date, range)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Writer;
    use chronicle_model::{Doc, Entity, EntityLabel, Span};

    /// A document whose entity layer marks each `(mention, canonical, label)`
    /// at its first occurrence in `text`; one sentence per line.
    fn doc(id: &str, date: &str, text: &str, ents: &[(&str, &str, EntityLabel)]) -> Doc {
        let mut d = Doc::new(id, date.parse().ok(), text);
        let mut at = 0;
        for line in text.split_inclusive('\n') {
            d.sentences.push(Span::new(at, at + line.trim_end().len()));
            at += line.len();
        }
        for (mention, canonical, label) in ents {
            let mut from = 0;
            while let Some(i) = text[from..].find(mention) {
                let s = from + i;
                d.entities.push(Entity {
                    span: Span::new(s, s + mention.len()),
                    label: *label,
                    canonical: canonical.to_string(),
                });
                from = s + mention.len();
            }
        }
        d.entities.sort_by_key(|e| e.span.start);
        d
    }

    fn store_with(docs: &[Doc]) -> (tempfile::TempDir, Store) {
        let dir = tempfile::tempdir().unwrap();
        let mut w = Writer::open(dir.path(), "test").unwrap();
        w.write_batch(docs, false).unwrap();
        drop(w);
        let store = Store::open(dir.path()).unwrap();
        (dir, store)
    }

    use EntityLabel::*;

    #[test]
    fn titles_are_stripped() {
        assert_eq!(strip_titles("Sen. Jeff Sessions"), "Jeff Sessions");
        assert_eq!(
            strip_titles("Attorney General Jeff Sessions"),
            "Jeff Sessions"
        );
        assert_eq!(strip_titles("President"), "President");
        assert_eq!(normalise_name("The White House"), "white house");
    }

    #[test]
    fn surname_joins_dominant_full_name_and_aliases_resolve() {
        let (_d, store) = store_with(&[
            doc(
                "a",
                "2017-03-02",
                "Sen. Jeff Sessions spoke.\nSessions left.",
                &[
                    ("Sen. Jeff Sessions", "Jeff Sessions", Per),
                    ("Sessions left", "Jeff Sessions", Per),
                ],
            ),
            doc(
                "b",
                "2017-03-03",
                "Attorney General Jeff Sessions said no.",
                &[("Attorney General Jeff Sessions", "Jeff Sessions", Per)],
            ),
            doc(
                "c",
                "2017-03-04",
                "Sessions was asked.",
                &[("Sessions", "Sessions", Per)],
            ),
        ]);
        let e = store.resolve_entity("Sessions").unwrap().unwrap();
        assert_eq!(e.canonical, "Jeff Sessions");
        assert_eq!(e.mentions, 4);
        assert_eq!(e.first_seen.as_deref(), Some("2017-03-02"));
        assert_eq!(e.last_seen.as_deref(), Some("2017-03-04"));
        let by_title = store
            .resolve_entity("attorney general jeff sessions")
            .unwrap()
            .unwrap();
        assert_eq!(by_title.id, e.id);
        let aliases = store.entity_aliases(e.id).unwrap();
        assert!(
            aliases.iter().any(|(a, _)| a == "Sen. Jeff Sessions"),
            "{aliases:?}"
        );
        assert_eq!(store.entities(Some("PER"), 10).unwrap().len(), 1);
    }

    #[test]
    fn ambiguous_surname_and_distinct_full_names_stay_apart() {
        let (_d, store) = store_with(&[
            doc(
                "a",
                "2017-01-01",
                "Donald Trump met Ivanka Trump.\nTrump spoke.",
                &[
                    ("Donald Trump", "Donald Trump", Per),
                    ("Ivanka Trump", "Ivanka Trump", Per),
                ],
            ),
            doc(
                "b",
                "2017-01-02",
                "Trump was there.",
                &[("Trump", "Trump", Per)],
            ),
        ]);
        let donald = store.resolve_entity("Donald Trump").unwrap().unwrap();
        let ivanka = store.resolve_entity("Ivanka Trump").unwrap().unwrap();
        assert_ne!(donald.id, ivanka.id);
        // One mention each: neither dominates, so "Trump" stays its own entity.
        let trump = store.resolve_entity("Trump").unwrap().unwrap();
        assert_ne!(trump.id, donald.id);
        assert_ne!(trump.id, ivanka.id);
    }

    #[test]
    fn ids_are_stable_across_refreshes_and_incremental_updates_count() {
        let dir = tempfile::tempdir().unwrap();
        let mut w = Writer::open(dir.path(), "test").unwrap();
        w.write_batch(
            &[doc(
                "a",
                "2016-05-01",
                "Apple sued.",
                &[("Apple", "Apple", Org)],
            )],
            false,
        )
        .unwrap();
        let report = refresh(dir.path()).unwrap();
        assert!(report.refreshed && report.full);
        let store = Store::open(dir.path()).unwrap();
        let apple = store.resolve_entity("apple").unwrap().unwrap();
        w.write_batch(
            &[doc(
                "b",
                "2016-06-01",
                "Samsung and Apple.",
                &[("Samsung", "Samsung", Org), ("Apple", "Apple", Org)],
            )],
            false,
        )
        .unwrap();
        let report = refresh(dir.path()).unwrap();
        assert!(report.refreshed && !report.full);
        let again = store.resolve_entity("Apple").unwrap().unwrap();
        assert_eq!(again.id, apple.id);
        assert_eq!(again.mentions, 2);
        assert_eq!(again.last_seen.as_deref(), Some("2016-06-01"));
        assert!(!refresh(dir.path()).unwrap().refreshed);
    }

    #[test]
    fn suggestions_name_near_aliases() {
        let (_d, store) = store_with(&[doc(
            "a",
            "2017-01-01",
            "Steve Jobs spoke.",
            &[("Steve Jobs", "Steve Jobs", Per)],
        )]);
        assert!(store.resolve_entity("Steve Jbos").unwrap().is_none());
        assert_eq!(
            store.suggest_entities("Steve Jbos", 3).unwrap(),
            vec!["Steve Jobs".to_string()]
        );
    }

    #[test]
    fn mentions_carry_provenance_and_sentence_timexes() {
        let mut d = doc(
            "a",
            "2017-03-02",
            "Intro.\nIn July 2016 Kislyak met Sessions.",
            &[("Kislyak", "Sergey Kislyak", Per)],
        );
        d.timexes.push(chronicle_model::Timex {
            span: Span::new(10, 19),
            kind: chronicle_model::TimexType::Date,
            value: "2016-07".into(),
            modifier: None,
        });
        let (_d, store) = store_with(&[d]);
        let e = store.resolve_entity("Sergey Kislyak").unwrap().unwrap();
        let rows = store
            .entity_mentions(e.id, &DateRange::default(), 10)
            .unwrap();
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].prov.sentence, Some(1));
        assert_eq!(rows[0].sentence_text, "In July 2016 Kislyak met Sessions.");
        assert_eq!(rows[0].timexes, vec!["2016-07".to_string()]);
        assert_eq!(rows[0].prov.char_start, 7);
    }

    /// A corpus where later documents change earlier decisions: the
    /// surname "Sessions" first joins Jeff Sessions, then meets a rival.
    fn corpus() -> Vec<Doc> {
        let sessions = |id: &str, date: &str| {
            doc(
                id,
                date,
                &format!("Sen. Jeff Sessions spoke in {id}.\nSessions left."),
                &[
                    ("Sen. Jeff Sessions", "Jeff Sessions", Per),
                    ("Sessions left", "Jeff Sessions", Per),
                ],
            )
        };
        vec![
            sessions("a", "2017-03-02"),
            doc(
                "b",
                "2017-03-03",
                "Sessions was asked by Apple.",
                &[("Sessions", "Sessions", Per), ("Apple", "Apple", Org)],
            ),
            doc(
                "c",
                "2017-03-04",
                "Donald Trump met Ivanka Trump in Washington.",
                &[
                    ("Donald Trump", "Donald Trump", Per),
                    ("Ivanka Trump", "Ivanka Trump", Per),
                    ("Washington", "Washington", Loc),
                ],
            ),
            doc(
                "d",
                "2017-03-05",
                "Pete Sessions and Pete Sessions again, then Pete Sessions.",
                &[("Pete Sessions", "Pete Sessions", Per)],
            ),
            doc(
                "e",
                "2016-01-01",
                "Trump spoke. Apple's chief spoke in Washington.",
                &[
                    ("Trump", "Trump", Per),
                    ("Apple's", "Apple", Org),
                    ("Washington", "Washington", Loc),
                ],
            ),
            sessions("f", "2017-04-01"),
        ]
    }

    /// Everything the KB derived, with entities named by key rather than id.
    fn snapshot(store: &Store, with_ids: bool) -> Vec<String> {
        let conn = store.connection();
        let mut out = Vec::new();
        let mut q = |sql: &str| {
            let mut st = conn.prepare(sql).unwrap();
            let n = st.column_count();
            let rows = st
                .query_map([], |r| {
                    (0..n)
                        .map(|i| {
                            r.get::<_, rusqlite::types::Value>(i)
                                .map(|v| format!("{v:?}"))
                        })
                        .collect::<rusqlite::Result<Vec<_>>>()
                })
                .unwrap();
            let mut rows: Vec<String> = rows.map(|r| r.unwrap().join(" ")).collect();
            rows.sort();
            out.extend(rows);
        };
        q("SELECT 'entity', key, canonical, label, mentions, first_seen, last_seen FROM kb_entity");
        q("SELECT 'alias', k.key, a.norm, a.alias, a.mentions FROM kb_alias a JOIN kb_entity k ON k.id = a.entity");
        q("SELECT 'name', n.name, n.label, k.key FROM kb_name n JOIN kb_entity k ON k.id = n.entity");
        q("SELECT 'surface', * FROM kb_surface");
        q("SELECT 'occ', o.canonical, o.label, o.date, d.id, o.start FROM kb_occ o JOIN docs d ON d.key = o.doc");
        q("SELECT 'said', q.speaker, q.date, d.id, q.start FROM kb_said q JOIN docs d ON d.key = q.doc");
        if with_ids {
            q("SELECT 'id', key, id FROM kb_entity");
        }
        out
    }

    #[test]
    fn incremental_refresh_equals_a_full_refresh() {
        let docs = corpus();
        let dir = tempfile::tempdir().unwrap();
        let mut w = Writer::open(dir.path(), "test").unwrap();
        w.write_batch(&docs[..3], false).unwrap();
        let first = refresh(dir.path()).unwrap();
        assert!(first.full);
        let store = Store::open(dir.path()).unwrap();
        let jeff = store.resolve_entity("Jeff Sessions").unwrap().unwrap();
        assert_eq!(
            store.resolve_entity("Sessions").unwrap().unwrap().id,
            jeff.id
        );

        // Second run: new documents, a replaced one and a deleted one.
        w.write_batch(&docs[3..], false).unwrap();
        let changed = doc(
            "b",
            "2017-03-03",
            "Sessions was asked again.",
            &[("Sessions", "Sessions", Per)],
        );
        assert_eq!(
            w.write_batch(std::slice::from_ref(&changed), true).unwrap(),
            vec![crate::Outcome::Replaced]
        );
        store
            .connection()
            .execute("DELETE FROM docs WHERE id = 'c'", [])
            .unwrap();
        let second = refresh(dir.path()).unwrap();
        assert!(second.refreshed && !second.full, "{second:?}");
        let incremental = snapshot(&store, true);
        // Pete Sessions now rivals Jeff for the surname: it stands alone.
        let sessions = store.resolve_entity("Sessions").unwrap().unwrap();
        assert_ne!(sessions.id, jeff.id);
        assert_eq!(
            store.resolve_entity("Jeff Sessions").unwrap().unwrap().id,
            jeff.id
        );
        assert!(store.resolve_entity("Ivanka Trump").unwrap().is_none());

        // The same store recomputed from scratch: identical, ids included.
        assert!(rebuild(dir.path()).unwrap().full);
        assert_eq!(snapshot(&store, true), incremental);

        // The final documents ingested in one run: identical but for ids.
        let mut finals: Vec<Doc> = docs.iter().filter(|d| d.id != "c").cloned().collect();
        finals.retain(|d| d.id != "b");
        finals.push(changed);
        let (_d2, once) = store_with(&finals);
        assert!(once.kb_refresh().unwrap().full);
        assert_eq!(snapshot(&once, false), snapshot(&store, false));
    }

    #[test]
    fn only_touched_entities_are_recomputed() {
        let docs = corpus();
        let dir = tempfile::tempdir().unwrap();
        let mut w = Writer::open(dir.path(), "test").unwrap();
        w.write_batch(&docs, false).unwrap();
        let all = refresh(dir.path()).unwrap();
        w.write_batch(
            &[doc(
                "g",
                "2018-01-01",
                "Apple grew.",
                &[("Apple", "Apple", Org)],
            )],
            false,
        )
        .unwrap();
        let one = refresh(dir.path()).unwrap();
        assert!(!one.full);
        assert_eq!(one.recomputed, 1, "{one:?} after {all:?}");
        let store = Store::open(dir.path()).unwrap();
        assert_eq!(store.resolve_entity("apple").unwrap().unwrap().mentions, 3);
    }

    #[test]
    fn ids_survive_deletions_rebuilds_and_are_never_reused() {
        let docs = corpus();
        let (dir, store) = store_with(&docs);
        let apple = store.resolve_entity("Apple").unwrap().unwrap();
        let trump = store.resolve_entity("Donald Trump").unwrap().unwrap();
        store
            .connection()
            .execute("DELETE FROM docs WHERE id = 'c'", [])
            .unwrap();
        assert!(store.resolve_entity("Donald Trump").unwrap().is_none());
        assert_eq!(store.resolve_entity("Apple").unwrap().unwrap().id, apple.id);
        rebuild(dir.path()).unwrap();
        assert_eq!(store.resolve_entity("Apple").unwrap().unwrap().id, apple.id);
        // Back again: a new id, not the old one.
        let mut w = Writer::open(dir.path(), "test").unwrap();
        w.write_batch(&docs[2..3], false).unwrap();
        let again = store.resolve_entity("Donald Trump").unwrap().unwrap();
        assert!(again.id > trump.id && again.id != apple.id);
    }

    #[test]
    fn the_alias_file_merges_splits_and_keeps_apart() {
        let docs = corpus();
        let (dir, store) = store_with(&docs[..3]);
        let path = dir.path().join(crate::aliases::ALIASES_FILE);
        let jeff = store.resolve_entity("Jeff Sessions").unwrap().unwrap();
        assert_eq!(
            store.resolve_entity("Sessions").unwrap().unwrap().id,
            jeff.id
        );

        // `different` keeps a dominant full name from taking a surname.
        std::fs::write(&path, "different: Jeff Sessions | Sessions\n").unwrap();
        let report = store.kb_refresh().unwrap();
        assert!(report.full && report.warnings.is_empty());
        assert_ne!(
            store.resolve_entity("Sessions").unwrap().unwrap().id,
            jeff.id
        );
        assert_eq!(
            store.resolve_entity("Jeff Sessions").unwrap().unwrap().id,
            jeff.id
        );

        std::fs::write(
            &path,
            "split: Sessions\nmerge: Donald Trump = Trump\nnonsense\n",
        )
        .unwrap();
        let report = store.kb_refresh().unwrap();
        assert!(report.full);
        assert_eq!(
            report.warnings,
            vec![format!(
                "{}:3: expected `merge:`, `same:`, `split:` or `different:`, found `nonsense`",
                path.display()
            )]
        );
        let sessions = store.resolve_entity("Sessions").unwrap().unwrap();
        assert_ne!(sessions.id, jeff.id);
        assert_eq!(
            store.resolve_entity("Jeff Sessions").unwrap().unwrap().id,
            jeff.id
        );

        // The rule's entity gathers Trump's mentions once they exist.
        let mut w = Writer::open(dir.path(), "test").unwrap();
        w.write_batch(&docs[3..5], false).unwrap();
        let donald = store.resolve_entity("Trump").unwrap().unwrap();
        assert_eq!(donald.canonical, "Donald Trump");
        assert_eq!(donald.mentions, 2);
        assert_eq!(
            store.resolve_entity("Donald Trump").unwrap().unwrap().id,
            donald.id
        );
        assert_ne!(
            store.resolve_entity("Ivanka Trump").unwrap().unwrap().id,
            donald.id
        );

        w.write_batch(&docs[5..], false).unwrap();
        // Without rules, the surname rejoins its dominant full name.
        std::fs::remove_file(&path).unwrap();
        let snap = {
            store.kb_refresh().unwrap();
            snapshot(&store, false)
        };
        let (_d2, plain) = store_with(&docs);
        plain.kb_refresh().unwrap();
        assert_eq!(snap, snapshot(&plain, false));
    }
}
