//! One input batch to one annotated batch, rows annotated in parallel.

use std::panic::{catch_unwind, AssertUnwindSafe};

use arrow::array::RecordBatch;
use arrow::error::ArrowError;
use chronicle_model::{Doc, Pipeline};
use rayon::prelude::*;

use crate::{docs_to_batch, input_docs, DocResult, RowError};

/// Annotates the rows of `batch` (see [`input_docs`] for the columns) on
/// rayon's pool, keeping their order, and returns them in the
/// [`crate::schema`] layout. Bad rows come back with `error` set.
///
/// # Errors
/// When a named column is missing or unreadable, or the output outgrows
/// Arrow's 32-bit offsets (see [`docs_to_batch`]).
pub fn annotate_batch(
    pipeline: &Pipeline,
    batch: &RecordBatch,
    id_col: &str,
    date_col: &str,
    text_col: &str,
) -> Result<RecordBatch, ArrowError> {
    let mut docs = input_docs(batch, id_col, date_col, text_col)?;
    annotate_docs(pipeline, &mut docs);
    docs_to_batch(&docs)
}

/// Annotates every `Ok` document in place, in parallel. Tokens are dropped
/// afterwards: no output carries them and they are most of a Doc's memory.
pub fn annotate_docs(pipeline: &Pipeline, docs: &mut [DocResult]) {
    docs.par_iter_mut().for_each(|slot| {
        if let Ok(doc) = slot {
            if let Err(error) = annotate_one(pipeline, doc) {
                *slot = Err(error);
            }
        }
    });
}

/// Annotation never fails by contract; a panic would be a bug, and on a
/// cluster one bug must cost one row, not the job.
fn annotate_one(pipeline: &Pipeline, doc: &mut Doc) -> Result<(), RowError> {
    let outcome = catch_unwind(AssertUnwindSafe(|| pipeline.annotate(doc)));
    doc.tokens = Vec::new();
    outcome.map_err(|panic| {
        let what = panic
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| panic.downcast_ref::<String>().cloned())
            .unwrap_or_default();
        RowError {
            id: doc.id.clone(),
            date: doc.date.map(|d| d.to_string()),
            text: doc.text.clone(),
            error: format!("internal error while annotating: {what}"),
        }
    })
}
