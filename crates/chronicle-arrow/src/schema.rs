//! The Arrow schema of the annotation contract: one row per document, one
//! list column per layer, the JSON contract's field names and character
//! offsets. A few columns the JSON does not print (`paragraphs`, the quote
//! cue span, `diagnostics`) are here so that a store filled from Parquet
//! holds what a store filled by `ingest` holds.

use std::sync::{Arc, OnceLock};

use arrow::datatypes::{DataType, Field, Fields, Schema, SchemaRef};

fn utf8(name: &str, nullable: bool) -> Field {
    Field::new(name, DataType::Utf8, nullable)
}

fn int(name: &str, nullable: bool) -> Field {
    Field::new(name, DataType::Int64, nullable)
}

/// `list<struct{fields}>`, the shape of every layer column.
pub(crate) fn list_of(fields: Fields) -> DataType {
    DataType::List(Arc::new(Field::new("item", DataType::Struct(fields), true)))
}

pub(crate) fn span_fields() -> Fields {
    Fields::from(vec![int("start", false), int("end", false)])
}

pub(crate) fn entity_fields() -> Fields {
    Fields::from(vec![
        int("start", false),
        int("end", false),
        utf8("text", false),
        utf8("label", false),
        utf8("canonical", false),
    ])
}

pub(crate) fn timex_fields() -> Fields {
    Fields::from(vec![
        int("start", false),
        int("end", false),
        utf8("text", false),
        utf8("type", false),
        utf8("value", false),
        utf8("mod", true),
    ])
}

pub(crate) fn quote_fields() -> Fields {
    Fields::from(vec![
        int("start", false),
        int("end", false),
        utf8("text", false),
        Field::new("parts", list_of(span_fields()), false),
        utf8("kind", false),
        utf8("speaker", true),
        int("speaker_start", true),
        int("speaker_end", true),
        utf8("cue", true),
        int("cue_start", true),
        int("cue_end", true),
    ])
}

pub(crate) fn event_fields() -> Fields {
    Fields::from(vec![
        utf8("kind", false),
        utf8("trigger", false),
        int("start", false),
        int("end", false),
        Field::new(
            "participants",
            DataType::List(Arc::new(Field::new("item", DataType::Utf8, true))),
            false,
        ),
        utf8("date", true),
        Field::new("negated", DataType::Boolean, false),
    ])
}

pub(crate) fn diagnostic_fields() -> Fields {
    Fields::from(vec![utf8("stage", false), utf8("message", false)])
}

/// The output schema of [`crate::docs_to_batch`] and [`crate::annotate_batch`].
///
/// Columns: `id`, `date` (`YYYY-MM-DD` or null), `title`, `text`, `url`,
/// `source`, `error` (null unless the row could not be annotated; its
/// layers are then empty), then the layers `sentences`, `paragraphs`,
/// `entities`, `timexes`, `quotes`, `events`, `diagnostics`. Offsets are
/// code-point offsets into `text`, as in the JSON contract.
pub fn schema() -> SchemaRef {
    static SCHEMA: OnceLock<SchemaRef> = OnceLock::new();
    SCHEMA
        .get_or_init(|| {
            let layer = |name: &str, fields: Fields| Field::new(name, list_of(fields), false);
            Arc::new(Schema::new(vec![
                utf8("id", false),
                utf8("date", true),
                utf8("title", true),
                utf8("text", false),
                utf8("url", true),
                utf8("source", true),
                utf8("error", true),
                layer("sentences", span_fields()),
                layer("paragraphs", span_fields()),
                layer("entities", entity_fields()),
                layer("timexes", timex_fields()),
                layer("quotes", quote_fields()),
                layer("events", event_fields()),
                layer("diagnostics", diagnostic_fields()),
            ]))
        })
        .clone()
}
