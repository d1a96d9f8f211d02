//! Readers for Chronicle's input formats.
//!
//! Every reader turns bytes into [`Doc`]s (text, id, date, title, source)
//! and nothing else: no annotation, no storage. Bad records never stop a
//! reader by themselves: each is handed to the caller as an [`IngestError`]
//! naming the file and line (or byte offset), and the caller decides whether
//! to skip it or stop (`--strict`).
//!
//! Readers push documents into a sink instead of returning a collection so
//! that a multi-gigabyte JSON Lines file streams through in constant memory:
//! only one line (or, for the whole-file formats, one file) is held at a
//! time. Format detection looks at the first few kilobytes only and then
//! replays them in front of the rest of the stream.

use std::ops::ControlFlow;
use std::path::PathBuf;

use chronicle_model::{Date, Doc};

pub mod cat;
pub mod conll;
mod detect;
mod jsonl;
mod news;
pub mod record;
mod source;
pub mod timeml;
mod xml;

pub use detect::detect;
pub use news::parse_news;
pub use source::{doc_id_from_name, read_reader};

/// Input formats (`--from`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    News,
    Text,
    Jsonl,
    Timeml,
    Conll,
}

impl Format {
    pub const ALL: [Format; 5] = [
        Format::News,
        Format::Text,
        Format::Jsonl,
        Format::Timeml,
        Format::Conll,
    ];

    pub fn parse(s: &str) -> Option<Format> {
        Some(match s {
            "news" => Format::News,
            "text" => Format::Text,
            "jsonl" => Format::Jsonl,
            "timeml" => Format::Timeml,
            "conll" => Format::Conll,
            _ => return None,
        })
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Format::News => "news",
            Format::Text => "text",
            Format::Jsonl => "jsonl",
            Format::Timeml => "timeml",
            Format::Conll => "conll",
        }
    }
}

/// How to read the inputs.
#[derive(Debug, Clone, Default)]
pub struct ReadOptions {
    /// Forced format; detected per file when `None`.
    pub format: Option<Format>,
    /// Document date for inputs that carry none (`--dct`).
    pub dct: Option<Date>,
}

/// A bad record or an unreadable input, with where it happened.
#[derive(Debug, thiserror::Error)]
pub enum IngestError {
    #[error("{path}: {source}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}:{line}: {message}")]
    Record {
        path: String,
        line: u64,
        message: String,
    },
    #[error("{path}: {message}")]
    File { path: String, message: String },
    /// A problem located by byte offset (corrupt or truncated compressed data).
    #[error("{path}: byte {offset}: {message}")]
    Byte {
        path: String,
        offset: u64,
        message: String,
    },
}

impl IngestError {
    /// The file (or `-`) the error is about.
    pub fn path(&self) -> &str {
        match self {
            IngestError::Io { path, .. }
            | IngestError::Record { path, .. }
            | IngestError::File { path, .. }
            | IngestError::Byte { path, .. } => path,
        }
    }
}

pub type Result<T> = std::result::Result<T, IngestError>;

/// Receives each document or bad record; returns `Break` to stop reading.
pub type Sink<'a> = dyn FnMut(Result<Doc>) -> ControlFlow<()> + 'a;

/// Reads every document under `paths` (files, directories read recursively,
/// `-` for stdin, `.gz` of any format), calling `sink` with each document or
/// bad record in input order. `sink` returns `ControlFlow::Break` to stop.
pub fn read_paths(
    paths: &[PathBuf],
    options: &ReadOptions,
    sink: &mut dyn FnMut(Result<Doc>) -> ControlFlow<()>,
) -> ControlFlow<()> {
    for path in paths {
        source::read_path(path, options, sink)?;
    }
    ControlFlow::Continue(())
}
