//! The writer: idempotent, atomic batches; recovery of the full-text index
//! on open (see the crate docs for the protocol).

use std::path::{Path, PathBuf};

use chronicle_model::{Doc, Span};
use rusqlite::{params, Connection, OptionalExtension};
use tantivy::{Index, IndexWriter, TantivyDocument};

use crate::fulltext::{self, Fields, IndexDoc};
use crate::{hash, layers, schema, Result, StoreError};

/// What happened to one document of a batch.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Stored for the first time.
    Added,
    /// Stored in place of an earlier document with the same id (`replace`).
    Replaced,
    /// Already stored, under this id (same id and text, or same normalised text).
    Duplicate { of: String },
    /// Not stored, and why.
    Rejected { reason: String },
}

/// Counts over the outcomes of one or more batches.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct BatchReport {
    pub ingested: u64,
    pub duplicates: u64,
    pub rejected: u64,
}

impl BatchReport {
    pub fn count(&mut self, outcome: &Outcome) {
        match outcome {
            Outcome::Added | Outcome::Replaced => self.ingested += 1,
            Outcome::Duplicate { .. } => self.duplicates += 1,
            Outcome::Rejected { .. } => self.rejected += 1,
        }
    }
}

/// Writes batches of annotated documents into a store. One writer per
/// store at a time (the full-text index's lock enforces it).
pub struct Writer {
    dir: PathBuf,
    pub(crate) conn: Connection,
    index_writer: IndexWriter<TantivyDocument>,
    fields: Fields,
    pub(crate) annotator: String,
    /// Documents stored since the last index commit.
    unindexed_count: usize,
    index_every: usize,
}

/// Documents re-indexed per tantivy commit during recovery.
const RECOVERY_CHUNK: usize = 2000;

/// Stored documents that may wait for the full-text index: a tantivy
/// commit per small batch would cost more than the batch itself, and the
/// `indexed` flags make waiting safe (see the crate docs).
const INDEX_EVERY: usize = 2000;

impl Writer {
    /// Opens the store in `dir` for writing (creating it on first use) and
    /// brings the full-text index up to date with SQLite. `annotator`
    /// names the annotation code's version; it is stored with each document.
    ///
    /// # Errors
    /// I/O and database errors, a store of a newer format, or another
    /// process writing to the same store.
    pub fn open(dir: &Path, annotator: &str) -> Result<Writer> {
        let conn = schema::open(dir)?;
        let (index, fields) = fulltext::open(dir)?;
        let index_writer = open_index_writer(&index, dir)?;
        let mut writer = Writer {
            dir: dir.to_path_buf(),
            conn,
            index_writer,
            fields,
            annotator: annotator.to_string(),
            unindexed_count: 0,
            index_every: INDEX_EVERY,
        };
        writer.sync_index()?;
        Ok(writer)
    }

    /// Commits the full-text index once at least `docs` documents wait
    /// for it (at least 1).
    pub fn set_index_every(&mut self, docs: usize) {
        self.index_every = docs.max(1);
    }

    /// The store directory.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Stores a batch: one SQLite transaction for all its documents; the
    /// full-text index follows every couple of thousand documents (see
    /// [`Writer::set_index_every`]) and at [`Writer::finish`]. Returns one outcome per document, in order.
    ///
    /// # Errors
    /// Database or index failures; nothing of the batch is stored then
    /// (or, past the SQLite commit, the next open finishes indexing it).
    pub fn write_batch(&mut self, docs: &[Doc], replace: bool) -> Result<Vec<Outcome>> {
        let tx = self.conn.transaction()?;
        let mut outcomes = Vec::with_capacity(docs.len());
        for doc in docs {
            outcomes.push(store_one(&tx, doc, replace, &self.annotator)?);
        }
        tx.commit()?;
        self.unindexed_count += outcomes
            .iter()
            .filter(|o| matches!(o, Outcome::Added | Outcome::Replaced))
            .count();
        if self.unindexed_count >= self.index_every {
            self.sync_index()?;
        }
        Ok(outcomes)
    }

    /// Brings the full-text index up to date with everything written so
    /// far. Call at the end of a run; a writer dropped without it (or
    /// killed) leaves the work to the next [`Writer::open`].
    ///
    /// # Errors
    /// Database or index failures.
    pub fn finish(&mut self) -> Result<()> {
        self.sync_index()?;
        Ok(())
    }

    /// Brings tantivy up to date with SQLite: removes the index entries of
    /// replaced documents and (re-)indexes every document not yet flagged
    /// `indexed`. Safe to repeat at any point.
    fn sync_index(&mut self) -> Result<usize> {
        let mut total = 0;
        loop {
            let deletes: Vec<i64> = self
                .conn
                .prepare_cached("SELECT key FROM pending_deletes LIMIT ?1")?
                .query_map([RECOVERY_CHUNK as i64], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            let pending = self.unindexed(RECOVERY_CHUNK)?;
            if deletes.is_empty() && pending.is_empty() {
                self.unindexed_count = 0;
                return Ok(total);
            }
            for &key in &deletes {
                fulltext::delete_key(&self.index_writer, &self.fields, key);
            }
            for doc in &pending {
                // Delete first: a commit may have landed before the flag did.
                fulltext::delete_key(&self.index_writer, &self.fields, doc.key);
                fulltext::add(&self.index_writer, &self.fields, doc)?;
            }
            self.index_writer.commit()?;
            let tx = self.conn.transaction()?;
            {
                let mut flag = tx.prepare_cached("UPDATE docs SET indexed = 1 WHERE key = ?1")?;
                for doc in &pending {
                    flag.execute([doc.key])?;
                }
                let mut del = tx.prepare_cached("DELETE FROM pending_deletes WHERE key = ?1")?;
                for &key in &deletes {
                    del.execute([key])?;
                }
            }
            tx.commit()?;
            total += pending.len();
        }
    }

    fn unindexed(&self, limit: usize) -> Result<Vec<IndexDoc>> {
        let mut st = self.conn.prepare_cached(
            "SELECT key, id, date, title, text FROM docs WHERE indexed = 0 ORDER BY key LIMIT ?1",
        )?;
        let rows = st.query_map([limit as i64], |r| {
            Ok(IndexDoc {
                key: r.get(0)?,
                id: r.get(1)?,
                date: r.get(2)?,
                title: r.get(3)?,
                text: r.get(4)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

fn open_index_writer(index: &Index, dir: &Path) -> Result<IndexWriter<TantivyDocument>> {
    match index.writer_with_num_threads(1, 64_000_000) {
        Ok(w) => Ok(w),
        Err(tantivy::TantivyError::LockFailure(..)) => Err(StoreError::Busy {
            path: dir.to_path_buf(),
        }),
        Err(e) => Err(e.into()),
    }
}

/// Why a document cannot be stored as it is, if it cannot.
pub(crate) fn invalid(doc: &Doc) -> Option<String> {
    if doc.id.is_empty() {
        return Some("the document has no id".into());
    }
    let text = &doc.text;
    let bad = |s: &Span| !s.is_valid_in(text);
    let any_bad = doc.sentences.iter().any(bad)
        || doc.paragraphs.iter().any(bad)
        || doc.entities.iter().any(|e| bad(&e.span))
        || doc.timexes.iter().any(|t| bad(&t.span))
        || doc.events.iter().any(|e| bad(&e.span))
        || doc.quotes.iter().any(|q| {
            bad(&q.span)
                || q.parts.iter().any(bad)
                || q.speaker_span.as_ref().is_some_and(bad)
                || q.cue_span.as_ref().is_some_and(bad)
        });
    any_bad.then(|| "an annotation span lies outside the text (annotator bug)".into())
}

fn store_one(
    tx: &rusqlite::Transaction<'_>,
    doc: &Doc,
    replace: bool,
    annotator: &str,
) -> Result<Outcome> {
    if let Some(reason) = invalid(doc) {
        return Ok(Outcome::Rejected { reason });
    }
    let digest = hash::text_hash(&doc.text);
    let existing: Option<(i64, Vec<u8>)> = tx
        .prepare_cached("SELECT key, text_hash FROM docs WHERE id = ?1")?
        .query_row([&doc.id], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    let outcome = match existing {
        Some((_, stored)) if stored == digest => {
            return Ok(Outcome::Duplicate { of: doc.id.clone() })
        }
        Some((key, _)) if replace => {
            remove_key(tx, key)?;
            Outcome::Replaced
        }
        Some(_) => {
            return Ok(Outcome::Rejected {
                reason: format!(
                    "a document with id `{}` but different text is already stored (use --replace)",
                    doc.id
                ),
            })
        }
        None => {
            let same_text: Option<String> = tx
                .prepare_cached("SELECT id FROM docs WHERE text_hash = ?1 LIMIT 1")?
                .query_row([&digest[..]], |r| r.get(0))
                .optional()?;
            if let Some(of) = same_text {
                return Ok(Outcome::Duplicate { of });
            }
            Outcome::Added
        }
    };
    insert_doc(tx, doc, &digest, annotator)?;
    Ok(outcome)
}

/// Drops the document stored under `key` and queues its index entry for
/// deletion (the first step of the two-step scheme in the crate docs).
pub(crate) fn remove_key(tx: &rusqlite::Transaction<'_>, key: i64) -> Result<()> {
    tx.prepare_cached("DELETE FROM docs WHERE key = ?1")?
        .execute([key])?;
    tx.prepare_cached("INSERT OR IGNORE INTO pending_deletes(key) VALUES (?1)")?
        .execute([key])?;
    Ok(())
}

/// Inserts `doc` and its layers under a fresh key, not yet indexed.
pub(crate) fn insert_doc(
    tx: &rusqlite::Transaction<'_>,
    doc: &Doc,
    digest: &[u8],
    annotator: &str,
) -> Result<i64> {
    tx.prepare_cached(
        "INSERT INTO docs(id, date, title, text, url, source, origin, text_hash, annotator, indexed)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 0)",
    )?
    .execute(params![
        doc.id,
        doc.date.map(|d| d.to_string()),
        doc.title,
        doc.text,
        doc.meta.url,
        doc.meta.source,
        doc.meta.origin,
        digest,
        annotator,
    ])?;
    let key = tx.last_insert_rowid();
    layers::insert(tx, key, doc)?;
    Ok(key)
}
