//! The annotation contract as Arrow record batches, and Parquet files of them.
//!
//! Python (pyarrow), Spark (`mapInArrow`) and bulk loads all move documents
//! in columns, so this crate converts between `Doc`s and one Arrow schema
//! ([`schema`]) whose field names and character offsets are those of the
//! JSON contract: a row read from Parquet and a line printed by
//! `chronicle annotate` say the same thing. The conversion is direct, layer
//! by layer into flat child arrays, with no per-row JSON in between.
//!
//! A bad row never fails a batch: it becomes a [`RowError`] going in and a
//! row with `error` set and empty layers coming out, so a job over millions
//! of articles survives any one of them. Only a batch whose *shape* is
//! wrong (a missing column, a column of the wrong type) is an error.

mod annotate;
mod columns;
mod input;
mod offsets;
mod parquet_io;
mod read;
mod schema;
mod write;

pub use annotate::{annotate_batch, annotate_docs};
pub use input::{input_docs, MAX_TEXT_BYTES};
pub use parquet_io::{parquet_files, read_parquet, write_parquet, ParquetBatches, ParquetSink};
pub use read::batch_to_docs;
pub use schema::schema;
pub use write::docs_to_batch;

pub use arrow;
pub use parquet;

use chronicle_model::Doc;

/// A row that could not become (or was not) an annotated document: it keeps
/// what identifies it and says why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowError {
    pub id: String,
    /// The date as given, when there was one.
    pub date: Option<String>,
    /// The text as given (empty when null).
    pub text: String,
    pub error: String,
}

/// One row: a document, or why the row has none.
pub type DocResult = std::result::Result<Doc, RowError>;

/// Errors of the Parquet helpers; the batch functions return `ArrowError`.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error(transparent)]
    Arrow(#[from] arrow::error::ArrowError),
    #[error(transparent)]
    Parquet(#[from] parquet::errors::ParquetError),
    #[error("{path}: {source}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}: {source}")]
    InFile {
        path: String,
        #[source]
        source: Box<Error>,
    },
}

pub type Result<T> = std::result::Result<T, Error>;
