//! Precomputed answers: an entity's merged timeline items and the store's
//! denial/contact conflicts, stored so that a query reads a bounded number
//! of rows through an index instead of rebuilding them from every report.
//!
//! The store keeps them but does not compute them (the query crate does,
//! from rows this crate serves); it only knows when they go stale. They are
//! derived data with freshness marks: a KB refresh clears, in its own
//! transaction, the marks of every entity whose answer may have changed
//! (see [`invalidate`]) and bumps the KB generation, which stales the
//! conflict table as a whole. Writing an answer is one transaction that
//! first checks the generation it was computed at is still current, so a
//! kill or a concurrent refresh never leaves a stale answer marked fresh.

use rusqlite::{params, Connection, OptionalExtension};

use crate::{Result, Store};

pub(crate) const SCHEMA: &str = r#"
-- One merged timeline item per row. `sel` orders the items the way a
-- limited answer keeps them (events, statements, mentions with a date of
-- their own, most reported); `seq` is the order of first report.
CREATE TABLE IF NOT EXISTS kb_timeline (
    entity INTEGER NOT NULL,
    sel    INTEGER NOT NULL,
    seq    INTEGER NOT NULL,
    date   TEXT NOT NULL,
    rank   INTEGER NOT NULL,
    body   TEXT NOT NULL,
    PRIMARY KEY (entity, sel)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS kb_timeline_date ON kb_timeline(entity, date);
-- Entities whose kb_timeline rows reflect the current KB.
CREATE TABLE IF NOT EXISTS kb_timeline_fresh (
    entity INTEGER PRIMARY KEY
);
-- Conflict records in the order a store-wide scan finds them, before
-- reports of one statement are merged; fresh while `kb_meta.conflicts`
-- equals `kb_meta.generation`.
CREATE TABLE IF NOT EXISTS kb_conflict (
    seq     INTEGER PRIMARY KEY,
    speaker INTEGER NOT NULL,
    body    TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS kb_conflict_speaker ON kb_conflict(speaker);
-- Names (canonical, as the evidence shows them) each record involves.
CREATE TABLE IF NOT EXISTS kb_conflict_party (
    name TEXT NOT NULL,
    seq  INTEGER NOT NULL,
    PRIMARY KEY (name, seq)
) WITHOUT ROWID;
-- Participant and speaker names that deletions took away since the last
-- refresh: the entities they name lose timeline items.
CREATE TABLE IF NOT EXISTS kb_gone_name (
    name TEXT PRIMARY KEY
) WITHOUT ROWID;
CREATE TRIGGER IF NOT EXISTS kb_participant_gone AFTER DELETE ON event_participants BEGIN
    INSERT OR IGNORE INTO kb_gone_name(name) VALUES (old.name);
END;
CREATE TRIGGER IF NOT EXISTS kb_speaker_gone AFTER DELETE ON quotes
WHEN old.speaker IS NOT NULL BEGIN
    INSERT OR IGNORE INTO kb_gone_name(name) VALUES (old.speaker);
END;
"#;

/// One precomputed timeline item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimelineRow {
    /// Position in the order a limited answer keeps items.
    pub sel: u32,
    /// Position in the order of first report.
    pub seq: u32,
    pub date: String,
    /// 0 event, 1 statement, 2 mention.
    pub rank: u8,
    /// The item, serialised by the query crate.
    pub body: String,
}

/// One precomputed conflict record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConflictRow {
    pub speaker: i64,
    /// Canonical names the record involves besides the speaker.
    pub parties: Vec<String>,
    /// The record, serialised by the query crate.
    pub body: String,
}

/// What changed in an incremental refresh: the entities it recomputed and
/// the largest document key before it.
pub(crate) struct Changes<'a> {
    pub touched: &'a [i64],
    pub last_key: i64,
}

/// Recomputed entities beyond which every timeline is marked stale.
const TOUCHED_MAX: usize = 5000;

fn generation(conn: &Connection) -> Result<i64> {
    Ok(crate::kb::meta_get(conn, "generation")?
        .and_then(|v| v.parse().ok())
        .unwrap_or(0))
}

/// Clears the freshness of every answer a refresh may have changed (all of
/// them when `changes` is `None`); runs inside the refresh's transaction.
///
/// An entity's timeline reads its own events, quotes and mentions (by its
/// names), and shows its events' other participants by canonical name.
/// So it is stale when the entity was recomputed, when an added or deleted
/// document names it as a participant or speaker, or when an entity it
/// shares an event with was recomputed (its canonical name may differ).
pub(crate) fn invalidate(conn: &Connection, changes: Option<&Changes<'_>>) -> Result<()> {
    crate::kb::meta_set(conn, "generation", &(generation(conn)? + 1).to_string())?;
    let Some(ch) = changes else {
        conn.execute_batch(
            "DELETE FROM kb_timeline_fresh; DELETE FROM kb_timeline; DELETE FROM kb_gone_name;",
        )?;
        return Ok(());
    };
    // Past this many recomputed entities, the partner join costs more
    // than recomputing every timeline lazily.
    if ch.touched.len() > TOUCHED_MAX {
        conn.execute_batch("DELETE FROM kb_timeline_fresh; DELETE FROM kb_gone_name;")?;
        return Ok(());
    }
    conn.execute_batch(
        "CREATE TEMP TABLE IF NOT EXISTS kb_stale (id INTEGER PRIMARY KEY);
         CREATE TEMP TABLE IF NOT EXISTS kb_touched (id INTEGER PRIMARY KEY);
         DELETE FROM temp.kb_stale; DELETE FROM temp.kb_touched;",
    )?;
    {
        let mut add =
            conn.prepare_cached("INSERT OR IGNORE INTO temp.kb_touched(id) VALUES (?1)")?;
        for id in ch.touched {
            add.execute([id])?;
        }
    }
    conn.execute_batch(
        "INSERT OR IGNORE INTO temp.kb_stale(id) SELECT id FROM temp.kb_touched;
         INSERT OR IGNORE INTO temp.kb_stale(id)
         SELECT DISTINCT n2.entity FROM temp.kb_touched t
         JOIN kb_name n1 ON n1.entity = t.id
         JOIN event_participants p1 ON p1.name = n1.name
         JOIN event_participants p2 ON p2.doc = p1.doc AND p2.event = p1.event
         JOIN kb_name n2 ON n2.name = p2.name;",
    )?;
    conn.execute(
        "INSERT OR IGNORE INTO temp.kb_stale(id)
         SELECT n.entity FROM kb_name n WHERE n.name IN (
            SELECT name FROM event_participants WHERE doc > ?1
            UNION SELECT speaker FROM quotes WHERE doc > ?1 AND speaker IS NOT NULL
            UNION SELECT name FROM kb_gone_name)",
        [ch.last_key],
    )?;
    conn.execute_batch(
        "DELETE FROM kb_timeline_fresh WHERE entity IN (SELECT id FROM temp.kb_stale);
         DELETE FROM kb_timeline WHERE entity IN (
            SELECT id FROM temp.kb_stale WHERE id NOT IN (SELECT id FROM kb_entity));
         DELETE FROM kb_gone_name;
         DELETE FROM temp.kb_stale; DELETE FROM temp.kb_touched;",
    )?;
    Ok(())
}

/// Inclusive bounds on `kb_timeline.date` that contain every date a
/// prefix-aware filter can accept (the exact test is the caller's).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DateBounds {
    pub from: Option<String>,
    pub to: Option<String>,
}

impl Store {
    /// The KB generation: bumped by every refresh that changed anything.
    ///
    /// # Errors
    /// Database errors.
    pub fn kb_generation(&self) -> Result<i64> {
        generation(self.connection())
    }

    /// Marks every precomputed answer stale (the next query or
    /// precompute recomputes them): for a new way of computing them, and
    /// for benchmarks of the cold path.
    ///
    /// # Errors
    /// Database errors.
    pub fn stale_answers(&self) -> Result<()> {
        let conn = self.connection();
        let tx =
            rusqlite::Transaction::new_unchecked(conn, rusqlite::TransactionBehavior::Immediate)?;
        invalidate(&tx, None)?;
        tx.commit()?;
        Ok(())
    }

    /// Whether entity `id` has a precomputed timeline for the current KB.
    ///
    /// # Errors
    /// Database errors.
    pub fn timeline_fresh(&self, id: i64) -> Result<bool> {
        Ok(self
            .connection()
            .prepare_cached("SELECT 1 FROM kb_timeline_fresh WHERE entity = ?1")?
            .query_row([id], |_| Ok(()))
            .optional()?
            .is_some())
    }

    /// Entities without a fresh precomputed timeline, by id.
    ///
    /// # Errors
    /// Database errors.
    pub fn stale_timelines(&self) -> Result<Vec<i64>> {
        let mut st = self.connection().prepare(
            "SELECT id FROM kb_entity WHERE id NOT IN (SELECT entity FROM kb_timeline_fresh) ORDER BY id",
        )?;
        let rows = st.query_map([], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Stores the timeline of entity `id` computed at KB generation `gen`
    /// and marks it fresh; does nothing (returns `false`) when a refresh
    /// has happened since.
    ///
    /// # Errors
    /// Database errors.
    pub fn put_timeline(&self, id: i64, gen: i64, rows: &[TimelineRow]) -> Result<bool> {
        self.put_timelines(gen, &[(id, rows)])
    }

    /// [`Store::put_timeline`] for several entities in one transaction.
    ///
    /// # Errors
    /// Database errors.
    pub fn put_timelines(&self, gen: i64, all: &[(i64, &[TimelineRow])]) -> Result<bool> {
        let conn = self.connection();
        let tx =
            rusqlite::Transaction::new_unchecked(conn, rusqlite::TransactionBehavior::Immediate)?;
        if generation(&tx)? != gen {
            return Ok(false);
        }
        {
            let mut clear = tx.prepare_cached("DELETE FROM kb_timeline WHERE entity = ?1")?;
            let mut ins = tx.prepare_cached(
                "INSERT INTO kb_timeline(entity, sel, seq, date, rank, body) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            )?;
            let mut fresh =
                tx.prepare_cached("INSERT OR IGNORE INTO kb_timeline_fresh(entity) VALUES (?1)")?;
            for (id, rows) in all {
                clear.execute([id])?;
                for r in *rows {
                    ins.execute(params![id, r.sel, r.seq, r.date, r.rank, r.body])?;
                }
                fresh.execute([id])?;
            }
        }
        tx.commit()?;
        Ok(true)
    }

    /// Precomputed timeline items of entity `id` within `bounds`, in
    /// `sel` order, at most `limit`, bodies included.
    ///
    /// # Errors
    /// Database errors.
    pub fn timeline_rows(
        &self,
        id: i64,
        bounds: &DateBounds,
        mut keep: impl FnMut(&str) -> bool,
        limit: usize,
    ) -> Result<Vec<TimelineRow>> {
        let conn = self.connection();
        let row = |r: &rusqlite::Row<'_>| -> rusqlite::Result<TimelineRow> {
            Ok(TimelineRow {
                sel: r.get::<_, i64>(0)?.max(0) as u32,
                seq: r.get::<_, i64>(1)?.max(0) as u32,
                date: r.get(2)?,
                rank: r.get::<_, i64>(3)?.clamp(0, 255) as u8,
                body: r.get(4)?,
            })
        };
        if bounds.from.is_none() && bounds.to.is_none() {
            // Straight off the primary key: the first `limit` in keep order.
            let mut st = conn.prepare_cached(
                "SELECT sel, seq, date, rank, body FROM kb_timeline WHERE entity = ?1 ORDER BY sel LIMIT ?2",
            )?;
            let rows = st.query_map(params![id, limit as i64], row)?;
            return Ok(rows.collect::<rusqlite::Result<_>>()?);
        }
        // A date window: the covering date index gives the candidates
        // without their bodies; only the kept ones are read in full.
        let mut st = conn.prepare_cached(
            "SELECT sel, date FROM kb_timeline
             WHERE entity = ?1 AND date >= coalesce(?2, '') AND date <= coalesce(?3, '~')",
        )?;
        let mut sels: Vec<i64> = Vec::new();
        let rows = st.query_map(params![id, bounds.from, bounds.to], |r| {
            Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?))
        })?;
        for r in rows {
            let (sel, date) = r?;
            if keep(&date) {
                sels.push(sel);
            }
        }
        sels.sort_unstable();
        sels.truncate(limit);
        let mut one = conn.prepare_cached(
            "SELECT sel, seq, date, rank, body FROM kb_timeline WHERE entity = ?1 AND sel = ?2",
        )?;
        let mut out = Vec::with_capacity(sels.len());
        for sel in sels {
            if let Some(r) = one.query_row(params![id, sel], row).optional()? {
                out.push(r);
            }
        }
        Ok(out)
    }

    /// Whether the conflict records reflect the current KB.
    ///
    /// # Errors
    /// Database errors.
    pub fn conflicts_fresh(&self) -> Result<bool> {
        let conn = self.connection();
        Ok(crate::kb::meta_get(conn, "conflicts")?.as_deref()
            == Some(generation(conn)?.to_string().as_str()))
    }

    /// Replaces the conflict records with `rows` (in scan order), computed
    /// at generation `gen`; does nothing (returns `false`) when a refresh
    /// has happened since.
    ///
    /// # Errors
    /// Database errors.
    pub fn put_conflicts(&self, gen: i64, rows: &[ConflictRow]) -> Result<bool> {
        let conn = self.connection();
        let tx =
            rusqlite::Transaction::new_unchecked(conn, rusqlite::TransactionBehavior::Immediate)?;
        if generation(&tx)? != gen {
            return Ok(false);
        }
        tx.execute_batch("DELETE FROM kb_conflict; DELETE FROM kb_conflict_party;")?;
        {
            let mut ins = tx.prepare_cached(
                "INSERT INTO kb_conflict(seq, speaker, body) VALUES (?1, ?2, ?3)",
            )?;
            let mut party = tx.prepare_cached(
                "INSERT OR IGNORE INTO kb_conflict_party(name, seq) VALUES (?1, ?2)",
            )?;
            for (seq, r) in rows.iter().enumerate() {
                ins.execute(params![seq as i64, r.speaker, r.body])?;
                for p in &r.parties {
                    party.execute(params![p, seq as i64])?;
                }
            }
        }
        crate::kb::meta_set(&tx, "conflicts", &gen.to_string())?;
        tx.commit()?;
        Ok(true)
    }

    /// Conflict record bodies in scan order: those whose speaker is
    /// `speaker` or that involve `party`, or all when both are `None`.
    ///
    /// # Errors
    /// Database errors.
    pub fn conflict_rows(&self, speaker: Option<i64>, party: Option<&str>) -> Result<Vec<String>> {
        let conn = self.connection();
        let mut st = if speaker.is_none() && party.is_none() {
            conn.prepare_cached(
                "SELECT body FROM kb_conflict WHERE ?1 IS NULL AND ?2 IS NULL ORDER BY seq",
            )?
        } else {
            conn.prepare_cached(
                "SELECT body FROM kb_conflict WHERE seq IN (
                    SELECT seq FROM kb_conflict WHERE speaker = ?1
                    UNION SELECT seq FROM kb_conflict_party WHERE name = ?2)
                 ORDER BY seq",
            )?
        };
        let rows = st.query_map(params![speaker, party], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Writer;
    use chronicle_model::{Doc, Entity, EntityLabel, Span};

    fn doc(id: &str, date: &str, text: &str, name: &str) -> Doc {
        let mut d = Doc::new(id, date.parse().ok(), text);
        d.sentences.push(Span::new(0, text.len()));
        if let Some(i) = text.find(name) {
            d.entities.push(Entity {
                span: Span::new(i, i + name.len()),
                label: EntityLabel::Per,
                canonical: name.to_string(),
            });
        }
        d
    }

    fn row(sel: u32, date: &str) -> TimelineRow {
        TimelineRow {
            sel,
            seq: 10 - sel,
            date: date.into(),
            rank: 2,
            body: format!("item {sel}"),
        }
    }

    #[test]
    fn answers_are_stored_only_under_the_current_generation_and_go_stale() {
        let dir = tempfile::tempdir().unwrap();
        let mut w = Writer::open(dir.path(), "test").unwrap();
        w.write_batch(
            &[doc("a", "2016-07-01", "Jane Doe spoke.", "Jane Doe")],
            false,
        )
        .unwrap();
        drop(w);
        let store = Store::open(dir.path()).unwrap();
        let id = store.resolve_entity("Jane Doe").unwrap().unwrap().id;
        let gen = store.kb_generation().unwrap();
        let rows = [row(0, "2016-07"), row(1, "2017"), row(2, "2016-07-01")];
        assert!(!store.timeline_fresh(id).unwrap());
        // Computed before a refresh that has since happened: refused.
        assert!(!store.put_timeline(id, gen - 1, &rows).unwrap());
        assert!(!store.timeline_fresh(id).unwrap());
        assert!(store.put_timeline(id, gen, &rows).unwrap());
        assert!(store.timeline_fresh(id).unwrap());
        assert_eq!(store.stale_timelines().unwrap(), Vec::<i64>::new());

        let all = store
            .timeline_rows(id, &DateBounds::default(), |_| true, 10)
            .unwrap();
        assert_eq!(all, rows.to_vec());
        let first = store
            .timeline_rows(id, &DateBounds::default(), |_| true, 1)
            .unwrap();
        assert_eq!(first, rows[..1].to_vec());
        // A window: bounds narrow the candidates, `keep` decides.
        let bounds = DateBounds {
            from: Some("2016".into()),
            to: Some("2016-12~".into()),
        };
        let in_2016 = store
            .timeline_rows(id, &bounds, |d| d.starts_with("2016"), 10)
            .unwrap();
        assert_eq!(in_2016, vec![rows[0].clone(), rows[2].clone()]);

        // A new document naming her stales her timeline and the conflicts.
        assert!(store.put_conflicts(gen, &[]).unwrap());
        assert!(store.conflicts_fresh().unwrap());
        let mut w = Writer::open(dir.path(), "test").unwrap();
        w.write_batch(
            &[doc("b", "2017-01-01", "Jane Doe left.", "Jane Doe")],
            false,
        )
        .unwrap();
        drop(w);
        store.kb_refresh().unwrap();
        assert!(store.kb_generation().unwrap() > gen);
        assert!(!store.timeline_fresh(id).unwrap());
        assert!(!store.conflicts_fresh().unwrap());
        assert_eq!(store.stale_timelines().unwrap(), vec![id]);
    }

    #[test]
    fn conflict_rows_are_found_by_speaker_or_party_in_scan_order() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        let gen = store.kb_generation().unwrap();
        let r = |speaker: i64, parties: &[&str], body: &str| ConflictRow {
            speaker,
            parties: parties.iter().map(|p| p.to_string()).collect(),
            body: body.into(),
        };
        let rows = [
            r(1, &["B"], "first"),
            r(2, &["A"], "second"),
            r(3, &["C"], "third"),
            r(1, &["C"], "fourth"),
        ];
        assert!(store.put_conflicts(gen, &rows).unwrap());
        assert_eq!(
            store.conflict_rows(Some(1), Some("A")).unwrap(),
            vec!["first", "second", "fourth"]
        );
        assert_eq!(store.conflict_rows(None, None).unwrap().len(), 4);
        assert_eq!(
            store.conflict_rows(Some(9), Some("C")).unwrap(),
            vec!["third", "fourth"]
        );
    }
}
