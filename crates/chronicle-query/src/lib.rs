//! Queries over the store: entities, timelines, quotes, contacts and
//! conflicts, as typed results.
//!
//! The store owns the on-disk format and answers row-level questions (this
//! entity's mentions, quotes, events); this crate turns rows into answers:
//! it dates each item by when the thing happened (the event's own date,
//! else a date in its sentence, else publication), merges the many reports
//! of one event into one item with all its sources, and sets denials
//! against reported contacts. Results derive `serde::Serialize` so that the
//! CLI and the HTTP API print the same shapes without sharing code here;
//! neither JSON nor any other format is produced by this crate except the
//! plain-text contact-graph exports (CSV, GraphML), which are formats of
//! the graph rather than of the API.

mod conflicts;
mod contacts;
mod dates;
mod entities;
mod export;
mod merge;
mod quotes;
mod table_export;
mod timeline;

use chronicle_store::{Provenance, Store, StoreError};
use serde::{Deserialize, Serialize};

pub use conflicts::{conflicts, Conflict, Evidence, Statement};
pub use contacts::{contacts, Contact};
pub use dates::{is_calendar_date, DateFilter};
pub use entities::{entities, entity_info, EntityInfo};
pub use export::{contacts_csv, contacts_graphml};
pub use quotes::{quotes, QuoteItem};
pub use table_export::{
    contacts_table, entities_table, events_table, export_contacts, export_entities, export_events,
    export_quotes, export_timeline, quotes_table, timeline_table, Cell, Column, ColumnData,
    ColumnType, CsvSink, ExportError, RowSink, Table, LIST_SEP,
};
pub use timeline::{
    recompute_timeline, timeline, timeline_summary, SummaryItem, SummarySentence, Timeline,
    TimelineItem, TimelineOptions, TimelineSummary,
};

#[derive(Debug, thiserror::Error)]
pub enum QueryError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("unknown entity `{name}`{}", suggest_text(.suggestions))]
    UnknownEntity {
        name: String,
        suggestions: Vec<String>,
    },
}

fn suggest_text(s: &[String]) -> String {
    if s.is_empty() {
        String::new()
    } else {
        format!("; did you mean: {}?", s.join(", "))
    }
}

pub type Result<T> = std::result::Result<T, QueryError>;

/// One source of an item: the document, where in it, and where it came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    pub doc: String,
    /// Publication date.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub publisher: Option<String>,
    /// Sentence index in the document.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sentence: Option<u32>,
    /// Character offsets of the item in the document text.
    pub start: u32,
    pub end: u32,
}

impl From<&Provenance> for Source {
    fn from(p: &Provenance) -> Source {
        Source {
            doc: p.doc.clone(),
            date: p.doc_date.clone(),
            title: p.title.clone(),
            url: p.url.clone(),
            publisher: p.source.clone(),
            sentence: p.sentence,
            start: p.char_start,
            end: p.char_end,
        }
    }
}

/// Documents cached during [`precompute`] (some tens of MB).
const PRECOMPUTE_DOC_CACHE: usize = 8192;

/// What [`precompute`] computed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PrecomputeReport {
    /// Entities whose timeline was computed.
    pub timelines: usize,
    /// Whether the conflict records were recomputed.
    pub conflicts: bool,
}

/// Brings the KB and the precomputed timeline and conflict answers up to
/// date (only what a refresh staled is recomputed). Queries compute stale
/// answers themselves, so this only moves that cost out of the first query
/// (ingest and benchmarks call it after writing).
///
/// # Errors
/// Store errors.
pub fn precompute(store: &Store) -> Result<PrecomputeReport> {
    precompute_with(store, &mut |_, _| {})
}

/// [`precompute`], telling `progress(done, total)` how many of the stale
/// timelines are computed after each batch.
///
/// # Errors
/// Store errors.
pub fn precompute_with(
    store: &Store,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<PrecomputeReport> {
    store.kb_refresh()?;
    // Entities share articles: a larger document cache while going
    // through all of them reads each article about once.
    let cache = store.doc_cache_size();
    store.set_doc_cache(PRECOMPUTE_DOC_CACHE);
    let timelines = timeline::precompute(store, 256, progress);
    store.set_doc_cache(cache);
    let timelines = timelines?;
    let conflicts = conflicts::precompute(store)?;
    Ok(PrecomputeReport {
        timelines,
        conflicts,
    })
}

/// The entity named `name` (any alias), or [`QueryError::UnknownEntity`]
/// with the nearest names.
///
/// # Errors
/// Unknown names and store errors.
pub fn resolve(store: &Store, name: &str) -> Result<chronicle_store::EntityRecord> {
    match store.resolve_entity(name)? {
        Some(e) => Ok(e),
        None => Err(QueryError::UnknownEntity {
            name: name.to_string(),
            suggestions: store.suggest_entities(name, 5)?,
        }),
    }
}

/// The canonical name of a per-document name (speaker, participant), or the
/// name itself when the KB does not know it.
fn canonical_name(store: &Store, name: &str) -> Result<String> {
    Ok(store
        .entity_of_name(name)?
        .map(|e| e.canonical)
        .unwrap_or_else(|| name.to_string()))
}

#[cfg(test)]
mod precomputed_tests;
#[cfg(test)]
mod testutil;
