//! Documents to one record batch: every layer is flattened into child
//! arrays (one `Vec` or string builder per field) plus list offsets, then
//! assembled once, so the cost is a copy of each value and no per-row
//! allocation of Arrow structures.

use std::sync::Arc;

use arrow::array::{
    ArrayRef, BooleanArray, Int64Array, ListArray, RecordBatch, StringBuilder, StructArray,
};
use arrow::buffer::OffsetBuffer;
use arrow::datatypes::{DataType, Field, Fields};
use arrow::error::ArrowError;
use chronicle_model::{CharOffsets, Doc, Span};

use crate::schema::{self, schema};
use crate::{DocResult, RowError};

/// One row per document, in order, in the [`schema`] layout; a
/// [`RowError`] becomes a row with `error` set and empty layers.
///
/// # Errors
/// Only when a column outgrows Arrow's 32-bit offsets (2 GiB of text in
/// one batch): split the input into smaller batches.
pub fn docs_to_batch(docs: &[DocResult]) -> Result<RecordBatch, ArrowError> {
    // String builders panic past 2 GiB in one column; refuse such a batch
    // up front. The estimate counts the big strings of all columns together
    // (texts, their slices, names), with a factor 2 of margin for the small
    // ones it leaves out.
    let bytes: usize = docs.iter().map(string_bytes).sum();
    if bytes > i32::MAX as usize / 2 {
        return Err(ArrowError::InvalidArgumentError(format!(
            "{bytes} bytes of strings in one batch; split it into smaller batches"
        )));
    }
    let mut cols = Columns::default();
    for doc in docs {
        match doc {
            Ok(doc) => cols.push_doc(doc),
            Err(err) => cols.push_error(err),
        }
    }
    cols.finish()
}

/// The bytes of the large strings one row adds to the string columns.
fn string_bytes(doc: &DocResult) -> usize {
    match doc {
        Err(e) => e.id.len() + e.text.len() + e.error.len(),
        Ok(d) => {
            let slices =
                |spans: &mut dyn Iterator<Item = Span>| -> usize { spans.map(Span::len).sum() };
            d.id.len()
                + d.text.len()
                + d.title.as_ref().map_or(0, String::len)
                + slices(&mut d.entities.iter().map(|e| e.span))
                + d.entities.iter().map(|e| e.canonical.len()).sum::<usize>()
                + slices(&mut d.timexes.iter().map(|t| t.span))
                + slices(&mut d.quotes.iter().map(|q| q.span))
                + d.events
                    .iter()
                    .map(|e| {
                        e.trigger.len() + e.participants.iter().map(String::len).sum::<usize>()
                    })
                    .sum::<usize>()
        }
    }
}

/// List offsets of one layer column: where each row's items start.
struct Offsets(Vec<i32>);

impl Default for Offsets {
    fn default() -> Offsets {
        Offsets(vec![0])
    }
}

impl Offsets {
    fn close_row(&mut self, items: usize) {
        // Arrow lists use i32 offsets; past that the batch cannot be built
        // and `finish` reports it through ListArray::try_new.
        self.0.push(i32::try_from(items).unwrap_or(i32::MAX));
    }

    fn buffer(self) -> OffsetBuffer<i32> {
        OffsetBuffer::new(self.0.into())
    }
}

fn list(fields: Fields, offsets: Offsets, arrays: Vec<ArrayRef>) -> Result<ArrayRef, ArrowError> {
    let values = StructArray::try_new(fields.clone(), arrays, None)?;
    let item = Arc::new(Field::new("item", DataType::Struct(fields), true));
    Ok(Arc::new(ListArray::try_new(
        item,
        offsets.buffer(),
        Arc::new(values),
        None,
    )?))
}

fn ints(v: Vec<i64>) -> ArrayRef {
    Arc::new(Int64Array::from(v))
}

fn opt_ints(v: Vec<Option<i64>>) -> ArrayRef {
    Arc::new(Int64Array::from(v))
}

fn strings(mut b: StringBuilder) -> ArrayRef {
    Arc::new(b.finish())
}

/// A list of `{start, end}`.
#[derive(Default)]
struct SpanList {
    offsets: Offsets,
    start: Vec<i64>,
    end: Vec<i64>,
}

impl SpanList {
    fn push(&mut self, (a, b): (i64, i64)) {
        self.start.push(a);
        self.end.push(b);
    }

    fn close_row(&mut self) {
        self.offsets.close_row(self.start.len());
    }

    fn finish(self) -> Result<ArrayRef, ArrowError> {
        list(
            schema::span_fields(),
            self.offsets,
            vec![ints(self.start), ints(self.end)],
        )
    }
}

#[derive(Default)]
struct Entities {
    offsets: Offsets,
    start: Vec<i64>,
    end: Vec<i64>,
    text: StringBuilder,
    label: StringBuilder,
    canonical: StringBuilder,
}

#[derive(Default)]
struct Timexes {
    offsets: Offsets,
    start: Vec<i64>,
    end: Vec<i64>,
    text: StringBuilder,
    kind: StringBuilder,
    value: StringBuilder,
    modifier: StringBuilder,
}

#[derive(Default)]
struct Quotes {
    offsets: Offsets,
    start: Vec<i64>,
    end: Vec<i64>,
    text: StringBuilder,
    parts: SpanList,
    kind: StringBuilder,
    speaker: StringBuilder,
    speaker_start: Vec<Option<i64>>,
    speaker_end: Vec<Option<i64>>,
    cue: StringBuilder,
    cue_start: Vec<Option<i64>>,
    cue_end: Vec<Option<i64>>,
}

#[derive(Default)]
struct Events {
    offsets: Offsets,
    kind: StringBuilder,
    trigger: StringBuilder,
    start: Vec<i64>,
    end: Vec<i64>,
    participants_offsets: Offsets,
    participants: StringBuilder,
    participant_count: usize,
    date: StringBuilder,
    negated: Vec<bool>,
}

#[derive(Default)]
struct Diagnostics {
    offsets: Offsets,
    count: usize,
    stage: StringBuilder,
    message: StringBuilder,
}

#[derive(Default)]
struct Columns {
    id: StringBuilder,
    date: StringBuilder,
    title: StringBuilder,
    text: StringBuilder,
    url: StringBuilder,
    source: StringBuilder,
    error: StringBuilder,
    sentences: SpanList,
    paragraphs: SpanList,
    entities: Entities,
    timexes: Timexes,
    quotes: Quotes,
    events: Events,
    diagnostics: Diagnostics,
}

fn i(x: u32) -> i64 {
    i64::from(x)
}

impl Columns {
    fn push_doc(&mut self, doc: &Doc) {
        let offsets = CharOffsets::new(&doc.text);
        let span = |s: Span| {
            let (a, b) = offsets.span(s);
            (i(a), i(b))
        };
        self.id.append_value(&doc.id);
        self.date.append_option(doc.date.map(|d| d.to_string()));
        self.title.append_option(doc.title.as_deref());
        self.text.append_value(&doc.text);
        self.url.append_option(doc.meta.url.as_deref());
        self.source.append_option(doc.meta.source.as_deref());
        self.error.append_null();

        for &s in &doc.sentences {
            self.sentences.push(span(s));
        }
        self.sentences.close_row();
        for &s in &doc.paragraphs {
            self.paragraphs.push(span(s));
        }
        self.paragraphs.close_row();

        let e = &mut self.entities;
        for ent in &doc.entities {
            let (a, b) = span(ent.span);
            e.start.push(a);
            e.end.push(b);
            e.text.append_value(doc.slice(ent.span));
            e.label.append_value(ent.label.as_str());
            e.canonical.append_value(&ent.canonical);
        }
        e.offsets.close_row(e.start.len());

        let t = &mut self.timexes;
        for tx in &doc.timexes {
            let (a, b) = span(tx.span);
            t.start.push(a);
            t.end.push(b);
            t.text.append_value(doc.slice(tx.span));
            t.kind.append_value(tx.kind.as_str());
            t.value.append_value(&tx.value);
            t.modifier.append_option(tx.modifier.map(|m| m.as_str()));
        }
        t.offsets.close_row(t.start.len());

        let q = &mut self.quotes;
        for quote in &doc.quotes {
            let (a, b) = span(quote.span);
            q.start.push(a);
            q.end.push(b);
            q.text.append_value(doc.slice(quote.span));
            for &p in &quote.parts {
                q.parts.push(span(p));
            }
            q.parts.close_row();
            q.kind.append_value(quote.kind.as_str());
            q.speaker.append_option(quote.speaker.as_deref());
            let speaker = quote.speaker_span.map(span);
            q.speaker_start.push(speaker.map(|s| s.0));
            q.speaker_end.push(speaker.map(|s| s.1));
            q.cue.append_value(&quote.cue);
            let cue = quote.cue_span.map(span);
            q.cue_start.push(cue.map(|s| s.0));
            q.cue_end.push(cue.map(|s| s.1));
        }
        q.offsets.close_row(q.start.len());

        let ev = &mut self.events;
        for event in &doc.events {
            let (a, b) = span(event.span);
            ev.kind.append_value(&event.kind);
            ev.trigger.append_value(&event.trigger);
            ev.start.push(a);
            ev.end.push(b);
            for p in &event.participants {
                ev.participants.append_value(p);
            }
            ev.participant_count += event.participants.len();
            ev.participants_offsets.close_row(ev.participant_count);
            ev.date.append_option(event.date.as_deref());
            ev.negated.push(event.negated);
        }
        ev.offsets.close_row(ev.start.len());

        let d = &mut self.diagnostics;
        for diag in &doc.diagnostics {
            d.stage.append_value(diag.stage);
            d.message.append_value(&diag.message);
        }
        d.count += doc.diagnostics.len();
        d.offsets.close_row(d.count);
    }

    fn push_error(&mut self, err: &RowError) {
        self.id.append_value(&err.id);
        self.date.append_option(err.date.as_deref());
        self.title.append_null();
        self.text.append_value(&err.text);
        self.url.append_null();
        self.source.append_null();
        self.error.append_value(&err.error);
        self.sentences.close_row();
        self.paragraphs.close_row();
        self.entities.offsets.close_row(self.entities.start.len());
        self.timexes.offsets.close_row(self.timexes.start.len());
        self.quotes.offsets.close_row(self.quotes.start.len());
        self.events.offsets.close_row(self.events.start.len());
        self.diagnostics.offsets.close_row(self.diagnostics.count);
    }

    fn finish(self) -> Result<RecordBatch, ArrowError> {
        let e = self.entities;
        let entities = list(
            schema::entity_fields(),
            e.offsets,
            vec![
                ints(e.start),
                ints(e.end),
                strings(e.text),
                strings(e.label),
                strings(e.canonical),
            ],
        )?;
        let t = self.timexes;
        let timexes = list(
            schema::timex_fields(),
            t.offsets,
            vec![
                ints(t.start),
                ints(t.end),
                strings(t.text),
                strings(t.kind),
                strings(t.value),
                strings(t.modifier),
            ],
        )?;
        let q = self.quotes;
        let quotes = list(
            schema::quote_fields(),
            q.offsets,
            vec![
                ints(q.start),
                ints(q.end),
                strings(q.text),
                q.parts.finish()?,
                strings(q.kind),
                strings(q.speaker),
                opt_ints(q.speaker_start),
                opt_ints(q.speaker_end),
                strings(q.cue),
                opt_ints(q.cue_start),
                opt_ints(q.cue_end),
            ],
        )?;
        let ev = self.events;
        let participants: ArrayRef = Arc::new(ListArray::try_new(
            Arc::new(Field::new("item", DataType::Utf8, true)),
            ev.participants_offsets.buffer(),
            strings(ev.participants),
            None,
        )?);
        let events = list(
            schema::event_fields(),
            ev.offsets,
            vec![
                strings(ev.kind),
                strings(ev.trigger),
                ints(ev.start),
                ints(ev.end),
                participants,
                strings(ev.date),
                Arc::new(BooleanArray::from(ev.negated)),
            ],
        )?;
        let d = self.diagnostics;
        let diagnostics = list(
            schema::diagnostic_fields(),
            d.offsets,
            vec![strings(d.stage), strings(d.message)],
        )?;
        RecordBatch::try_new(
            schema(),
            vec![
                strings(self.id),
                strings(self.date),
                strings(self.title),
                strings(self.text),
                strings(self.url),
                strings(self.source),
                strings(self.error),
                self.sentences.finish()?,
                self.paragraphs.finish()?,
                entities,
                timexes,
                quotes,
                events,
                diagnostics,
            ],
        )
    }
}
