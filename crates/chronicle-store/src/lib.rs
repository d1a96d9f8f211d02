//! The embedded store: documents and their annotation layers in SQLite,
//! their words in a tantivy full-text index, both under one directory.
//!
//! # Why two engines, and how they stay consistent
//!
//! SQLite holds everything and is the **source of truth**: documents, every
//! layer as rows (queryable by entity name, timex value, speaker, date), and
//! the store's metadata. Tantivy is a derived index for BM25 ranking, phrase
//! queries and date-range filters; it could be rebuilt from SQLite at any
//! time, so it never holds anything SQLite lacks.
//!
//! A batch is written in two steps:
//! 1. one SQLite transaction (WAL mode) inserts the batch's documents and
//!    layers with `indexed = 0`, and records in `pending_deletes` the index
//!    keys of any documents it replaced;
//! 2. every couple of thousand documents, and when the writer finishes,
//!    the documents with `indexed = 0` are added to tantivy (after deleting
//!    those keys and the documents' own keys), tantivy commits, and then
//!    one small SQLite transaction sets `indexed = 1` and clears
//!    `pending_deletes`.
//!
//! A kill before step 1 commits loses the batch as a whole (SQLite's
//! atomicity). A kill anywhere after it leaves documents with `indexed = 0`;
//! every [`Writer::open`] first *recovers*: it deletes those documents' keys
//! from tantivy (a tantivy commit may have landed before the flag did, and
//! deleting first means nothing is indexed twice), re-adds them, commits
//! and sets the flags. Index keys (`docs.key`) come from an AUTOINCREMENT
//! column and are never reused, so a stale tantivy entry can never stand
//! for another document; search also drops any hit SQLite does not know.
//! The next run therefore continues from exactly the documents SQLite holds,
//! and ingest, being idempotent, skips them as duplicates.
//!
//! The knowledge-base tables (`kb_*`, see `kb.rs`) are derived from the
//! layer tables and may lag behind them; a refresh catches up from the
//! documents with keys above the last one it saw and from what deletion
//! triggers recorded, inside the deleting transaction. A kill at any point
//! leaves either the old KB state with its stamp or the new one, and the
//! next refresh continues from whichever it finds. Precomputed answers
//! (`kb_timeline`, `kb_conflict`, see `derived.rs`) are derived from the KB
//! in turn: the refresh transaction clears their freshness marks, and an
//! answer is stored only under the KB generation it was computed at.
//!
//! # On-disk format
//!
//! `DIR/chronicle.sqlite` and `DIR/index/`. The `meta` table records
//! `format_version` ([`FORMAT_VERSION`]); a store written by a newer
//! version is refused with [`StoreError::NewerFormat`] rather than
//! misread. Offsets in layer tables are byte offsets into `docs.text`, as
//! everywhere inside the engine.

use std::path::{Path, PathBuf};

pub mod aliases;
mod derived;
mod fulltext;
mod hash;
pub mod kb;
mod layers;
mod maintenance;
mod occurrences;
mod reader;
mod resolve;
mod schema;
mod writer;

pub use derived::{ConflictRow, DateBounds, TimelineRow};
pub use hash::{normalise_text, text_hash};
pub use kb::{
    DateRange, DocSummary, EntityRecord, EventRow, KbReport, MentionRow, Provenance, QuoteRow,
};
pub use reader::{Hit, SearchQuery, Stats, Store};
pub use writer::{BatchReport, Outcome, Writer};

/// The on-disk format this build writes and reads.
pub const FORMAT_VERSION: u32 = 1;

/// The SQLite file inside the store directory.
pub const SQLITE_FILE: &str = "chronicle.sqlite";
/// The tantivy index directory inside the store directory.
pub const INDEX_DIR: &str = "index";

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("store database: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("full-text index: {0}")]
    Index(#[from] tantivy::TantivyError),
    #[error("search query `{query}`: {message}")]
    Query { query: String, message: String },
    #[error(
        "{path}: the store has format version {found}, newer than this build supports ({supported}); \
         use a newer chronicle"
    )]
    NewerFormat {
        path: PathBuf,
        found: u32,
        supported: u32,
    },
    #[error("{path}: not a chronicle store ({message})")]
    NotAStore { path: PathBuf, message: String },
    #[error("{path}: another process is writing to this store")]
    Busy { path: PathBuf },
    #[error("stored data is inconsistent: {0}")]
    Corrupt(String),
}

pub type Result<T> = std::result::Result<T, StoreError>;

fn create_dir(dir: &Path) -> Result<()> {
    std::fs::create_dir_all(dir).map_err(|source| StoreError::Io {
        path: dir.to_path_buf(),
        source,
    })
}
