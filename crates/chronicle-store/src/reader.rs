//! The reader: a document by id with its layers, full-text search, counts.

use std::ops::Bound;
use std::path::{Path, PathBuf};

use chronicle_model::{Date, Doc};
use rusqlite::{Connection, OptionalExtension};
use tantivy::collector::TopDocs;
use tantivy::query::{BooleanQuery, Occur, Query, QueryParser, RangeQuery};
use tantivy::schema::Value;
use tantivy::snippet::SnippetGenerator;
use tantivy::{Index, IndexReader, ReloadPolicy, TantivyDocument, Term};

use crate::fulltext::{self, Fields};
use crate::occurrences::{DocCache, DOC_CACHE};
use crate::{layers, schema, Result, StoreError};
use std::cell::RefCell;

/// Prepared statements a [`Store`] keeps.
const STATEMENTS: usize = 128;

/// A read view of a store. Works while another process writes to it.
pub struct Store {
    dir: PathBuf,
    conn: Connection,
    index: Index,
    reader: IndexReader,
    fields: Fields,
    docs: RefCell<DocCache>,
}

/// A full-text query.
#[derive(Debug, Clone)]
pub struct SearchQuery {
    /// Tantivy query syntax: words (any may match, ranked by BM25),
    /// `"quoted phrases"`, `+required`, `-excluded`, `title:word`.
    pub text: String,
    /// Only documents dated on or after this day.
    pub from: Option<Date>,
    /// Only documents dated on or before this day.
    pub to: Option<Date>,
    pub limit: usize,
}

/// One search result.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    pub id: String,
    pub date: Option<String>,
    pub title: Option<String>,
    /// A passage of the text around the best-matching words.
    pub snippet: String,
    pub score: f32,
}

/// Counts over the whole store.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Stats {
    pub format_version: u32,
    pub docs: u64,
    /// Documents stored but not yet in the full-text index (a writer is
    /// running, or one was stopped and the next will finish the work).
    pub unindexed: u64,
    pub sentences: u64,
    pub paragraphs: u64,
    pub entities: u64,
    pub timexes: u64,
    pub quotes: u64,
    pub events: u64,
    /// Entity mentions per label (`PER`, `ORG`, …), most frequent first.
    pub entities_by_label: Vec<(String, u64)>,
    /// Distinct canonical entity names.
    pub distinct_entities: u64,
    /// Earliest and latest document dates.
    pub first_date: Option<String>,
    pub last_date: Option<String>,
}

impl Store {
    /// Opens the store in `dir` for reading, creating an empty one on
    /// first use.
    ///
    /// # Errors
    /// I/O and database errors, or a store of a newer format.
    pub fn open(dir: &Path) -> Result<Store> {
        let conn = schema::open(dir)?;
        // One timeline computation alone uses more than the default 16
        // cached statements; evicting them re-parses SQL for every entity.
        conn.set_prepared_statement_cache_capacity(STATEMENTS);
        let (index, fields) = fulltext::open(dir)?;
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()?;
        Ok(Store {
            dir: dir.to_path_buf(),
            conn,
            index,
            reader,
            fields,
            docs: RefCell::new(DocCache::new(DOC_CACHE)),
        })
    }

    /// Keeps up to `docs` recently read documents (text and layers) in
    /// memory for the KB queries (0 turns the cache off); a bulk
    /// precompute raises it. Documents never change under their key, so
    /// the cache cannot serve a stale one.
    pub fn set_doc_cache(&self, docs: usize) {
        *self.docs.borrow_mut() = DocCache::new(docs);
    }

    /// How many documents the KB query cache keeps.
    pub fn doc_cache_size(&self) -> usize {
        self.docs.borrow().cap()
    }

    pub(crate) fn doc_cache(&self) -> &RefCell<DocCache> {
        &self.docs
    }

    /// The store directory.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The SQLite connection, for queries over the layer tables (see
    /// `schema.rs` for the tables; offsets are bytes into `docs.text`).
    pub fn connection(&self) -> &Connection {
        &self.conn
    }

    /// The stored document `id` with every stored layer (tokens are not
    /// stored: rerun the tokenizer when needed).
    ///
    /// # Errors
    /// Database errors or damaged rows.
    pub fn get(&self, id: &str) -> Result<Option<Doc>> {
        let Some((key, mut doc)) = self.stored_row(id)? else {
            return Ok(None);
        };
        layers::load(&self.conn, key, &mut doc)?;
        Ok(Some(doc))
    }

    /// The key and the document row of `id` (text, date, title, url,
    /// publisher, origin), without its layers.
    pub(crate) fn stored_row(&self, id: &str) -> Result<Option<(i64, Doc)>> {
        let row = self
            .conn
            .prepare_cached(
                "SELECT key, id, date, title, text, url, source, origin FROM docs WHERE id = ?1",
            )?
            .query_row([id], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, Option<String>>(2)?,
                    r.get::<_, Option<String>>(3)?,
                    r.get::<_, String>(4)?,
                    (
                        r.get::<_, Option<String>>(5)?,
                        r.get::<_, Option<String>>(6)?,
                        r.get::<_, Option<String>>(7)?,
                    ),
                ))
            })
            .optional()?;
        let Some((key, id, date, title, text, (url, source, origin))) = row else {
            return Ok(None);
        };
        let date = match date {
            Some(d) => Some(
                d.parse::<Date>()
                    .map_err(|e| StoreError::Corrupt(format!("document `{id}` date `{d}`: {e}")))?,
            ),
            None => None,
        };
        let mut doc = Doc::new(id, date, text);
        doc.title = title;
        doc.meta.url = url;
        doc.meta.source = source;
        doc.meta.origin = origin;
        Ok(Some((key, doc)))
    }

    /// The id under which a document with this id and text, or with the
    /// same normalised text, is already stored: a duplicate that need not
    /// be annotated again.
    ///
    /// # Errors
    /// Database errors.
    pub fn find_duplicate(&self, id: &str, text: &str) -> Result<Option<String>> {
        let digest = crate::hash::text_hash(text);
        let found = self
            .conn
            .prepare_cached(
                "SELECT id FROM docs WHERE text_hash = ?1 ORDER BY id = ?2 DESC LIMIT 1",
            )?
            .query_row(rusqlite::params![&digest[..], id], |r| r.get(0))
            .optional()?;
        Ok(found)
    }

    /// Ids of all stored documents, in storage order.
    ///
    /// # Errors
    /// Database errors.
    pub fn ids(&self) -> Result<Vec<String>> {
        let mut st = self
            .conn
            .prepare_cached("SELECT id FROM docs ORDER BY key")?;
        let ids = st
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(ids)
    }

    /// BM25 search over titles and texts, optionally within a date range.
    ///
    /// # Errors
    /// A query the parser rejects, or index and database errors.
    pub fn search(&self, query: &SearchQuery) -> Result<Vec<Hit>> {
        self.reader.reload()?;
        let searcher = self.reader.searcher();
        let parser = QueryParser::for_index(&self.index, vec![self.fields.title, self.fields.text]);
        let parsed = parser
            .parse_query(&query.text)
            .map_err(|e| StoreError::Query {
                query: query.text.clone(),
                message: e.to_string(),
            })?;
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = vec![(Occur::Must, parsed.box_clone())];
        if query.from.is_some() || query.to.is_some() {
            let bound = |d: Option<Date>| match d.and_then(|d| fulltext::day_number(&d.to_string()))
            {
                Some(n) => Bound::Included(Term::from_field_u64(self.fields.day, n)),
                None => Bound::Unbounded,
            };
            clauses.push((
                Occur::Must,
                Box::new(RangeQuery::new(bound(query.from), bound(query.to))),
            ));
        }
        let full = BooleanQuery::new(clauses);
        let limit = query.limit.max(1);
        // Fetch a few extra in case stale entries must be dropped.
        let top = searcher.search(&full, &TopDocs::with_limit(limit + 8).order_by_score())?;
        let snippets = SnippetGenerator::create(&searcher, &*parsed, self.fields.text).ok();
        let mut hits = Vec::with_capacity(limit);
        let mut lookup = self
            .conn
            .prepare_cached("SELECT id, date, title, text FROM docs WHERE key = ?1")?;
        for (score, address) in top {
            if hits.len() == limit {
                break;
            }
            let stored: TantivyDocument = searcher.doc(address)?;
            let Some(key) = stored.get_first(self.fields.key).and_then(|v| v.as_u64()) else {
                continue;
            };
            let row = lookup
                .query_row([key as i64], |r| {
                    Ok((
                        r.get::<_, String>(0)?,
                        r.get::<_, Option<String>>(1)?,
                        r.get::<_, Option<String>>(2)?,
                        r.get::<_, String>(3)?,
                    ))
                })
                .optional()?;
            // SQLite is the truth: an entry it does not know is stale.
            let Some((id, date, title, text)) = row else {
                continue;
            };
            let snippet = snippets
                .as_ref()
                .map(|g| g.snippet(&text).fragment().to_string())
                .filter(|s| !s.trim().is_empty())
                .unwrap_or_else(|| lead(&text, 150));
            hits.push(Hit {
                id,
                date,
                title,
                snippet: snippet.split_whitespace().collect::<Vec<_>>().join(" "),
                score,
            });
        }
        Ok(hits)
    }

    /// Counts of documents and of each layer.
    ///
    /// # Errors
    /// Database errors.
    pub fn stats(&self) -> Result<Stats> {
        let count = |sql: &str| -> Result<u64> {
            let n: i64 = self.conn.query_row(sql, [], |r| r.get(0))?;
            Ok(n.max(0) as u64)
        };
        let version: String = self.conn.query_row(
            "SELECT value FROM meta WHERE key = 'format_version'",
            [],
            |r| r.get(0),
        )?;
        let mut st = self.conn.prepare_cached(
            "SELECT label, count(*) FROM entities GROUP BY label ORDER BY count(*) DESC, label",
        )?;
        let by_label = st
            .query_map([], |r| {
                Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?.max(0) as u64))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let (first_date, last_date) =
            self.conn
                .query_row("SELECT min(date), max(date) FROM docs", [], |r| {
                    Ok((r.get(0)?, r.get(1)?))
                })?;
        Ok(Stats {
            format_version: version.parse().unwrap_or(0),
            docs: count("SELECT count(*) FROM docs")?,
            unindexed: count("SELECT count(*) FROM docs WHERE indexed = 0")?,
            sentences: count("SELECT count(*) FROM sentences")?,
            paragraphs: count("SELECT count(*) FROM paragraphs")?,
            entities: count("SELECT count(*) FROM entities")?,
            timexes: count("SELECT count(*) FROM timexes")?,
            quotes: count("SELECT count(*) FROM quotes")?,
            events: count("SELECT count(*) FROM events")?,
            entities_by_label: by_label,
            distinct_entities: count("SELECT count(DISTINCT canonical) FROM entities")?,
            first_date,
            last_date,
        })
    }

    /// Number of documents in the full-text index (for consistency checks).
    ///
    /// # Errors
    /// Index errors.
    pub fn indexed_docs(&self) -> Result<u64> {
        self.reader.reload()?;
        Ok(self.reader.searcher().num_docs())
    }
}

/// The first `max` characters of `text`, cut at a word boundary.
fn lead(text: &str, max: usize) -> String {
    let end = text.char_indices().nth(max).map_or(text.len(), |(i, _)| i);
    let cut = if end < text.len() {
        text[..end].rfind(char::is_whitespace).unwrap_or(end)
    } else {
        end
    };
    text[..cut].to_string()
}
