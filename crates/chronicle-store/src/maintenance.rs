//! Deleting documents and re-annotating stored ones, both within the crate's
//! two-step scheme: one SQLite transaction removes the old rows (layers go
//! with them by `ON DELETE CASCADE`) and queues their index keys in
//! `pending_deletes`; re-annotated documents come back under a new key with
//! `indexed = 0`. The full-text index then follows as after any batch, and
//! a kill in between is finished by the next [`Writer::open`]. A new key
//! also changes the KB's document stamp, so entities are re-resolved.

use chronicle_model::Doc;
use rusqlite::{OptionalExtension, Transaction};

use crate::{hash, Outcome, Result, Store, Writer};

impl Writer {
    /// The annotator version this writer records with each document.
    pub fn annotator(&self) -> &str {
        &self.annotator
    }

    /// Deletes the documents with these ids, their layers and their
    /// full-text entries, then refreshes the KB. Returns, per id, whether
    /// it was stored.
    ///
    /// # Errors
    /// Database or index failures. Past the SQLite commit the deletion
    /// stands and the next [`Writer::open`] finishes the index side.
    pub fn delete(&mut self, ids: &[String]) -> Result<Vec<bool>> {
        let tx = self.conn.transaction()?;
        let mut found = Vec::with_capacity(ids.len());
        for id in ids {
            found.push(remove(&tx, id)?.is_some());
        }
        tx.commit()?;
        self.finish()?;
        crate::kb::refresh(self.dir())?;
        Ok(found)
    }

    /// Stores fresh annotations of already stored documents in place of
    /// their old layers, recording this writer's annotator. Each doc must
    /// carry the stored text (read it with [`Store::get_unannotated`]);
    /// documents not stored, or whose text differs, are rejected. One
    /// transaction for the batch; call [`Writer::finish`] afterwards to
    /// bring the full-text index up to date.
    ///
    /// # Errors
    /// Database failures; nothing of the batch changes then.
    pub fn reannotate(&mut self, docs: &[Doc]) -> Result<Vec<Outcome>> {
        let tx = self.conn.transaction()?;
        let mut outcomes = Vec::with_capacity(docs.len());
        for doc in docs {
            outcomes.push(reannotate_one(&tx, doc, &self.annotator)?);
        }
        tx.commit()?;
        Ok(outcomes)
    }
}

/// Deletes document `id` and queues its index key; its key if it existed.
fn remove(tx: &Transaction<'_>, id: &str) -> Result<Option<i64>> {
    let key: Option<i64> = tx
        .prepare_cached("SELECT key FROM docs WHERE id = ?1")?
        .query_row([id], |r| r.get(0))
        .optional()?;
    if let Some(key) = key {
        crate::writer::remove_key(tx, key)?;
    }
    Ok(key)
}

fn reannotate_one(tx: &Transaction<'_>, doc: &Doc, annotator: &str) -> Result<Outcome> {
    if let Some(reason) = crate::writer::invalid(doc) {
        return Ok(Outcome::Rejected { reason });
    }
    let digest = hash::text_hash(&doc.text);
    let stored: Option<Vec<u8>> = tx
        .prepare_cached("SELECT text_hash FROM docs WHERE id = ?1")?
        .query_row([&doc.id], |r| r.get(0))
        .optional()?;
    match stored {
        None => {
            return Ok(Outcome::Rejected {
                reason: format!("no document with id `{}` is stored", doc.id),
            })
        }
        Some(h) if h != digest => {
            return Ok(Outcome::Rejected {
                reason: format!(
                    "document `{}`: the text differs from the stored text (use ingest --replace)",
                    doc.id
                ),
            })
        }
        Some(_) => {}
    }
    remove(tx, &doc.id)?;
    crate::writer::insert_doc(tx, doc, &digest, annotator)?;
    Ok(Outcome::Replaced)
}

impl Store {
    /// Documents per annotator version, most first.
    ///
    /// # Errors
    /// Database errors.
    pub fn annotators(&self) -> Result<Vec<(String, u64)>> {
        let mut st = self.connection().prepare_cached(
            "SELECT annotator, count(*) FROM docs GROUP BY annotator ORDER BY count(*) DESC, annotator",
        )?;
        let rows = st.query_map([], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?.max(0) as u64))
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Ids of the documents annotated by another version than `current`
    /// (every document when `current` is `None`), in storage order.
    ///
    /// # Errors
    /// Database errors.
    pub fn ids_annotated_otherwise(&self, current: Option<&str>) -> Result<Vec<String>> {
        let mut st = self.connection().prepare_cached(
            "SELECT id FROM docs WHERE ?1 IS NULL OR annotator != ?1 ORDER BY key",
        )?;
        let rows = st.query_map([current], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Document `id` as it was read (text, date, title, url, publisher,
    /// origin) without its layers: the input to annotate it again.
    ///
    /// # Errors
    /// Database errors or a damaged date.
    pub fn get_unannotated(&self, id: &str) -> Result<Option<Doc>> {
        Ok(self.stored_row(id)?.map(|(_, doc)| doc))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{SearchQuery, Writer};
    use chronicle_model::{Entity, EntityLabel, Span};

    fn doc(id: &str, text: &str, name: &str) -> Doc {
        let mut d = Doc::new(id, "2017-03-02".parse().ok(), text);
        d.meta.url = Some(format!("https://example.org/{id}"));
        d.meta.source = Some("Example News".into());
        d.sentences.push(Span::new(0, text.len()));
        let i = text.find(name).unwrap_or(0);
        d.entities.push(Entity {
            span: Span::new(i, i + name.len()),
            label: EntityLabel::Per,
            canonical: name.into(),
        });
        d
    }

    fn search(store: &Store, q: &str) -> Vec<String> {
        store
            .search(&SearchQuery {
                text: q.into(),
                from: None,
                to: None,
                limit: 10,
            })
            .unwrap()
            .into_iter()
            .map(|h| h.id)
            .collect()
    }

    fn count(store: &Store, table: &str) -> i64 {
        store
            .connection()
            .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
            .unwrap()
    }

    #[test]
    fn delete_removes_rows_layers_index_entries_and_entities() {
        let dir = tempfile::tempdir().unwrap();
        let mut w = Writer::open(dir.path(), "v1").unwrap();
        w.write_batch(
            &[
                doc("a", "Jeff Sessions met an envoy.", "Jeff Sessions"),
                doc("b", "Sally Yates testified.", "Sally Yates"),
            ],
            false,
        )
        .unwrap();
        w.finish().unwrap();
        let store = Store::open(dir.path()).unwrap();
        assert!(store.resolve_entity("Sessions").unwrap().is_some());
        assert_eq!(search(&store, "envoy"), vec!["a".to_string()]);

        let found = w.delete(&["a".into(), "zzz".into()]).unwrap();
        assert_eq!(found, vec![true, false]);
        assert!(store.get("a").unwrap().is_none());
        assert!(store.get("b").unwrap().is_some());
        assert_eq!(count(&store, "entities"), 1);
        assert_eq!(count(&store, "sentences"), 1);
        assert_eq!(count(&store, "pending_deletes"), 0);
        assert!(search(&store, "envoy").is_empty());
        assert_eq!(store.indexed_docs().unwrap(), 1);
        assert!(store.resolve_entity("Jeff Sessions").unwrap().is_none());
        assert!(store.resolve_entity("Sally Yates").unwrap().is_some());
    }

    #[test]
    fn a_delete_cut_off_before_the_index_commit_is_finished_on_open() {
        let dir = tempfile::tempdir().unwrap();
        let mut w = Writer::open(dir.path(), "v1").unwrap();
        w.write_batch(
            &[doc("a", "Jeff Sessions met an envoy.", "Jeff Sessions")],
            false,
        )
        .unwrap();
        w.finish().unwrap();
        // Step 1 only, as if the process died right after the SQLite commit.
        {
            let tx = w.conn.transaction().unwrap();
            remove(&tx, "a").unwrap();
            tx.commit().unwrap();
        }
        drop(w);
        let store = Store::open(dir.path()).unwrap();
        assert_eq!(store.indexed_docs().unwrap(), 1, "the stale entry is there");
        assert!(search(&store, "envoy").is_empty(), "but search drops it");
        let w = Writer::open(dir.path(), "v1").unwrap();
        drop(w);
        assert_eq!(store.indexed_docs().unwrap(), 0);
        assert_eq!(count(&store, "pending_deletes"), 0);
    }

    #[test]
    fn reannotation_replaces_layers_and_records_the_new_version() {
        let dir = tempfile::tempdir().unwrap();
        let mut old = Writer::open(dir.path(), "chronicle 0.0.1 (old)").unwrap();
        old.write_batch(
            &[
                doc("a", "Jeff Sessions met an envoy.", "Jeff Sessions"),
                doc("b", "Sally Yates testified.", "Sally Yates"),
            ],
            false,
        )
        .unwrap();
        old.finish().unwrap();
        drop(old);
        let store = Store::open(dir.path()).unwrap();
        assert!(store.resolve_entity("Jeff Sessions").unwrap().is_some());

        let mut w = Writer::open(dir.path(), "v2").unwrap();
        assert_eq!(w.annotator(), "v2");
        let ids = store.ids_annotated_otherwise(Some("v2")).unwrap();
        assert_eq!(ids, vec!["a".to_string(), "b".to_string()]);
        let mut fresh = store.get_unannotated("a").unwrap().unwrap();
        assert_eq!(fresh.meta.url.as_deref(), Some("https://example.org/a"));
        assert!(fresh.entities.is_empty());
        // The "new annotator" finds a different entity.
        fresh.sentences.push(Span::new(0, fresh.text.len()));
        fresh.entities.push(Entity {
            span: Span::new(0, 4),
            label: EntityLabel::Per,
            canonical: "Jeff".into(),
        });
        let mut changed = doc("b", "Sally Yates testified!", "Sally Yates");
        changed.id = "b".into();
        let missing = doc("c", "Nobody.", "Nobody");
        let out = w.reannotate(&[fresh, changed, missing]).unwrap();
        assert_eq!(out[0], Outcome::Replaced);
        assert!(matches!(out[1], Outcome::Rejected { .. }), "{out:?}");
        assert!(matches!(out[2], Outcome::Rejected { .. }), "{out:?}");
        w.finish().unwrap();

        assert_eq!(
            store.annotators().unwrap(),
            vec![
                ("chronicle 0.0.1 (old)".to_string(), 1),
                ("v2".to_string(), 1)
            ]
        );
        assert_eq!(
            store.ids_annotated_otherwise(Some("v2")).unwrap(),
            vec!["b".to_string()]
        );
        let a = store.get("a").unwrap().unwrap();
        assert_eq!(a.entities.len(), 1);
        assert_eq!(a.entities[0].canonical, "Jeff");
        assert_eq!(a.meta.source.as_deref(), Some("Example News"));
        assert!(store.resolve_entity("Jeff Sessions").unwrap().is_none());
        assert!(store.resolve_entity("Jeff").unwrap().is_some());
        assert_eq!(search(&store, "envoy"), vec!["a".to_string()]);
        assert_eq!(store.indexed_docs().unwrap(), 2);
    }
}
