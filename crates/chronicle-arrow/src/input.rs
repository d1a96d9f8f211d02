//! Input rows (id, date, text and, when present, title, url, source) to
//! documents, with the JSON Lines reader's checks
//! (`chronicle_ingest::record`), so a row and the same record as a JSONL
//! line annotate identically.

use arrow::array::{Array, RecordBatch, StringArray};
use arrow::error::ArrowError;
use chronicle_ingest::record::{doc_from_fields, Fields};

use crate::columns::{get_str, strings};
use crate::{DocResult, RowError};

/// Texts longer than this (in bytes) become row errors instead of being
/// annotated: one runaway row (a whole crawl dump in one cell) would
/// otherwise hold a Spark task, and its memory, for minutes. Real articles
/// are well under 1 MiB.
pub const MAX_TEXT_BYTES: usize = 8 << 20;

/// The documents of `batch`, one per row, in order.
///
/// `id_col` and `text_col` name string columns (any Arrow string type, or
/// integers for ids); `date_col` a string column of ISO dates or
/// date-times, or a `date32`/`date64`/timestamp column; an empty
/// `date_col` means the rows carry no date. Columns named `title`, `url`
/// and `source` are used when present.
///
/// A row with a null or blank text, a null or empty id, a missing or
/// malformed date, or a text over [`MAX_TEXT_BYTES`] becomes a [`RowError`].
/// A missing date is an error only when `date_col` is named: in a bulk job
/// an undated row is a data problem worth seeing, while a caller whose rows
/// carry no dates at all passes an empty `date_col` and gets underspecified
/// relative dates, as for a JSONL record without `date`.
///
/// # Errors
/// When a named column is missing or cannot be read as strings.
pub fn input_docs(
    batch: &RecordBatch,
    id_col: &str,
    date_col: &str,
    text_col: &str,
) -> Result<Vec<DocResult>, ArrowError> {
    let column = |name: &str| {
        batch
            .column_by_name(name)
            .ok_or_else(|| ArrowError::SchemaError(format!("column `{name}` is missing")))
            .and_then(|c| strings(name, c))
    };
    let optional = |name: &str| -> Result<Option<StringArray>, ArrowError> {
        batch
            .column_by_name(name)
            .map(|c| strings(name, c))
            .transpose()
    };
    let ids = column(id_col)?;
    let texts = column(text_col)?;
    let dates = if date_col.is_empty() {
        None
    } else {
        Some(column(date_col)?)
    };
    let (titles, urls, sources) = (optional("title")?, optional("url")?, optional("source")?);
    fn get(c: &Option<StringArray>, row: usize) -> Option<&str> {
        c.as_ref().and_then(|c| get_str(c, row))
    }

    let mut docs = Vec::with_capacity(batch.num_rows());
    for row in 0..batch.num_rows() {
        let fields = Fields {
            id: get_str(&ids, row),
            date: get(&dates, row),
            text: get_str(&texts, row),
            title: get(&titles, row),
            url: get(&urls, row),
            source: get(&sources, row),
        };
        let fail = |error: String| RowError {
            id: fields.id.unwrap_or_default().to_string(),
            date: fields.date.map(str::to_string),
            text: fields.text.unwrap_or_default().to_string(),
            error,
        };
        let doc = if fields.id.is_none_or(str::is_empty) {
            Err(fail("missing `id`".into()))
        } else if texts.is_valid(row) && texts.value(row).len() > MAX_TEXT_BYTES {
            Err(RowError {
                // A huge text is not copied into the error row.
                text: String::new(),
                ..fail(format!(
                    "`text` is {} bytes; the limit is {MAX_TEXT_BYTES}",
                    texts.value(row).len()
                ))
            })
        } else {
            doc_from_fields(&fields, "", None).map_err(&fail)
        };
        let undated = dates.is_some() && fields.date.is_none_or(|d| d.trim().is_empty());
        let doc = match doc {
            Ok(_) if undated => Err(fail(format!(
                "missing `{date_col}` (name no date column to annotate undated rows)"
            ))),
            other => other,
        };
        docs.push(doc);
    }
    Ok(docs)
}
