//! Readers for Chronicle's input formats.
//!
//! Every reader turns bytes into [`Doc`]s (text, id, date, title, source)
//! and nothing else: no annotation, no storage. Bad records never stop a
//! reader by themselves: each is handed to the caller as an [`IngestError`]
//! naming the file and line (or byte offset), and the caller decides whether
//! to skip it or stop (`--strict`).

use std::ops::ControlFlow;
use std::path::{Path, PathBuf};

use chronicle_model::{Date, Doc};

pub mod conll;
pub mod timeml;

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
}

pub type Result<T> = std::result::Result<T, IngestError>;

/// Reads every document under `paths` (files, directories read recursively,
/// `-` for stdin, `.gz` of any format), calling `sink` with each document or
/// bad record in input order. `sink` returns `ControlFlow::Break` to stop.
pub fn read_paths(
    paths: &[PathBuf],
    options: &ReadOptions,
    sink: &mut dyn FnMut(Result<Doc>) -> ControlFlow<()>,
) -> ControlFlow<()> {
    for path in paths {
        read_path(path, options, sink)?;
    }
    ControlFlow::Continue(())
}

fn read_path(
    path: &Path,
    options: &ReadOptions,
    sink: &mut dyn FnMut(Result<Doc>) -> ControlFlow<()>,
) -> ControlFlow<()> {
    // Placeholder until the format readers land: one news/text document per file.
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(source) => {
            return sink(Err(IngestError::Io {
                path: path.display().to_string(),
                source,
            }))
        }
    };
    let id = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    sink(Ok(Doc::new(id, options.dct, text)))
}
