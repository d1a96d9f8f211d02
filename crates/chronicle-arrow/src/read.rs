//! A record batch in the [`crate::schema`] layout back to documents, so a
//! store can be filled from Parquet without annotating again. Offsets are
//! turned back from code points into byte spans and checked; a row whose
//! layers do not fit its text becomes a [`RowError`], never a panic.

use arrow::array::{Array, BooleanArray, Int64Array, ListArray, RecordBatch, StringArray};
use arrow::error::ArrowError;
use chronicle_model::{
    Date, Doc, Entity, EntityLabel, Event, Quote, QuoteKind, Span, Timex, TimexMod, TimexType,
};

use crate::columns::{get_int, get_str, list_range, strings, Layer};
use crate::offsets::ByteOffsets;
use crate::{DocResult, RowError};

/// Every row of `batch` as a document, or as the [`RowError`] it carries
/// (its `error` column) or that its layers cause (offsets outside the text,
/// unknown labels).
///
/// Only `id` and `text` are required; a missing layer column reads as an
/// empty layer, so a projection of the schema loads too.
///
/// # Errors
/// When `id` or `text` is missing or a column has a type that cannot be
/// read as the schema's (a string column of numbers is read as strings).
pub fn batch_to_docs(batch: &RecordBatch) -> Result<Vec<DocResult>, ArrowError> {
    let cols = Cols::new(batch)?;
    Ok((0..batch.num_rows()).map(|row| cols.row(row)).collect())
}

struct Entities {
    layer: Layer,
    start: Int64Array,
    end: Int64Array,
    label: StringArray,
    canonical: StringArray,
}

struct Timexes {
    layer: Layer,
    start: Int64Array,
    end: Int64Array,
    kind: StringArray,
    value: StringArray,
    modifier: Option<StringArray>,
}

struct Quotes {
    layer: Layer,
    start: Int64Array,
    end: Int64Array,
    parts: Option<Spans>,
    kind: StringArray,
    speaker: Option<StringArray>,
    speaker_start: Option<Int64Array>,
    speaker_end: Option<Int64Array>,
    cue: Option<StringArray>,
    cue_start: Option<Int64Array>,
    cue_end: Option<Int64Array>,
}

struct Events {
    layer: Layer,
    kind: StringArray,
    trigger: StringArray,
    start: Int64Array,
    end: Int64Array,
    participants: Option<(ListArray, StringArray)>,
    date: Option<StringArray>,
    negated: Option<BooleanArray>,
}

struct Diagnostics {
    layer: Layer,
    stage: StringArray,
    message: StringArray,
}

struct Spans {
    layer: Layer,
    start: Int64Array,
    end: Int64Array,
}

impl Spans {
    fn new(layer: Layer) -> Result<Spans, ArrowError> {
        Ok(Spans {
            start: layer.ints("start")?,
            end: layer.ints("end")?,
            layer,
        })
    }

    fn read(&self, row: usize, map: &ByteOffsets, what: &str) -> Result<Vec<Span>, String> {
        self.layer
            .range(row)
            .map(|k| span(map, &self.start, &self.end, k, what))
            .collect()
    }
}

struct Cols {
    id: StringArray,
    text: StringArray,
    date: Option<StringArray>,
    title: Option<StringArray>,
    url: Option<StringArray>,
    source: Option<StringArray>,
    error: Option<StringArray>,
    sentences: Option<Spans>,
    paragraphs: Option<Spans>,
    entities: Option<Entities>,
    timexes: Option<Timexes>,
    quotes: Option<Quotes>,
    events: Option<Events>,
    diagnostics: Option<Diagnostics>,
}

fn span(
    map: &ByteOffsets,
    start: &Int64Array,
    end: &Int64Array,
    k: usize,
    what: &str,
) -> Result<Span, String> {
    let (a, b) = (start.value(k), end.value(k));
    if start.is_null(k) || end.is_null(k) {
        return Err(format!("{what}: null offset"));
    }
    map.span(a, b)
        .ok_or_else(|| format!("{what}: offsets {a}..{b} do not fit the text"))
}

fn opt_span(
    map: &ByteOffsets,
    start: Option<&Int64Array>,
    end: Option<&Int64Array>,
    k: usize,
    what: &str,
) -> Result<Option<Span>, String> {
    let (Some(s), Some(e)) = (start, end) else {
        return Ok(None);
    };
    match (get_int(s, k), get_int(e, k)) {
        (Some(a), Some(b)) => map
            .span(a, b)
            .map(Some)
            .ok_or_else(|| format!("{what}: offsets {a}..{b} do not fit the text")),
        _ => Ok(None),
    }
}

/// The stage names our pipeline reports under; a diagnostic keeps a
/// `&'static str` stage, so names read back are matched against these.
fn static_stage(name: &str) -> &'static str {
    const KNOWN: &[&str] = &["segment", "timex", "ner", "quotes", "events", "ingest"];
    KNOWN
        .iter()
        .find(|k| **k == name)
        .copied()
        .unwrap_or("imported")
}

impl Cols {
    fn new(batch: &RecordBatch) -> Result<Cols, ArrowError> {
        let required = |name: &str| {
            batch
                .column_by_name(name)
                .ok_or_else(|| ArrowError::SchemaError(format!("column `{name}` is missing")))
                .and_then(|c| strings(name, c))
        };
        let optional = |name: &str| {
            batch
                .column_by_name(name)
                .map(|c| strings(name, c))
                .transpose()
        };
        let layer = |name: &str| {
            batch
                .column_by_name(name)
                .map(|c| Layer::new(name, c))
                .transpose()
        };
        Ok(Cols {
            id: required("id")?,
            text: required("text")?,
            date: optional("date")?,
            title: optional("title")?,
            url: optional("url")?,
            source: optional("source")?,
            error: optional("error")?,
            sentences: layer("sentences")?.map(Spans::new).transpose()?,
            paragraphs: layer("paragraphs")?.map(Spans::new).transpose()?,
            entities: layer("entities")?
                .map(|layer| -> Result<Entities, ArrowError> {
                    Ok(Entities {
                        start: layer.ints("start")?,
                        end: layer.ints("end")?,
                        label: layer.strings("label")?,
                        canonical: layer.strings("canonical")?,
                        layer,
                    })
                })
                .transpose()?,
            timexes: layer("timexes")?
                .map(|layer| -> Result<Timexes, ArrowError> {
                    Ok(Timexes {
                        start: layer.ints("start")?,
                        end: layer.ints("end")?,
                        kind: layer.strings("type")?,
                        value: layer.strings("value")?,
                        modifier: layer.opt_strings("mod")?,
                        layer,
                    })
                })
                .transpose()?,
            quotes: layer("quotes")?
                .map(|layer| -> Result<Quotes, ArrowError> {
                    Ok(Quotes {
                        start: layer.ints("start")?,
                        end: layer.ints("end")?,
                        parts: layer.opt_layer("parts")?.map(Spans::new).transpose()?,
                        kind: layer.strings("kind")?,
                        speaker: layer.opt_strings("speaker")?,
                        speaker_start: layer.opt_ints("speaker_start")?,
                        speaker_end: layer.opt_ints("speaker_end")?,
                        cue: layer.opt_strings("cue")?,
                        cue_start: layer.opt_ints("cue_start")?,
                        cue_end: layer.opt_ints("cue_end")?,
                        layer,
                    })
                })
                .transpose()?,
            events: layer("events")?
                .map(|layer| -> Result<Events, ArrowError> {
                    Ok(Events {
                        kind: layer.strings("kind")?,
                        trigger: layer.strings("trigger")?,
                        start: layer.ints("start")?,
                        end: layer.ints("end")?,
                        participants: layer.opt_string_lists("participants")?,
                        date: layer.opt_strings("date")?,
                        negated: layer.opt_bools("negated")?,
                        layer,
                    })
                })
                .transpose()?,
            diagnostics: layer("diagnostics")?
                .map(|layer| -> Result<Diagnostics, ArrowError> {
                    Ok(Diagnostics {
                        stage: layer.strings("stage")?,
                        message: layer.strings("message")?,
                        layer,
                    })
                })
                .transpose()?,
        })
    }

    fn row(&self, row: usize) -> DocResult {
        let id = get_str(&self.id, row).unwrap_or_default().to_string();
        let text = get_str(&self.text, row).unwrap_or_default();
        let date = self.date.as_ref().and_then(|d| get_str(d, row));
        let fail = |error: String| RowError {
            id: id.clone(),
            date: date.map(str::to_string),
            text: text.to_string(),
            error,
        };
        if let Some(error) = self.error.as_ref().and_then(|e| get_str(e, row)) {
            return Err(fail(error.to_string()));
        }
        let parsed = match date {
            Some(s) => Some(
                s.parse::<Date>()
                    .map_err(|_| fail(format!("`date` `{s}` is not a date (YYYY-MM-DD)")))?,
            ),
            None => None,
        };
        let mut doc = Doc::new(id.clone(), parsed, text);
        let opt =
            |c: &Option<StringArray>| c.as_ref().and_then(|c| get_str(c, row)).map(str::to_string);
        doc.title = opt(&self.title);
        doc.meta.url = opt(&self.url);
        doc.meta.source = opt(&self.source);
        self.layers(row, &mut doc).map_err(fail)?;
        Ok(doc)
    }

    fn layers(&self, row: usize, doc: &mut Doc) -> Result<(), String> {
        let map = ByteOffsets::new(&doc.text);
        if let Some(s) = &self.sentences {
            doc.sentences = s.read(row, &map, "sentence")?;
        }
        if let Some(s) = &self.paragraphs {
            doc.paragraphs = s.read(row, &map, "paragraph")?;
        }
        if let Some(e) = &self.entities {
            for k in e.layer.range(row) {
                let label = get_str(&e.label, k).unwrap_or_default();
                doc.entities.push(Entity {
                    span: span(&map, &e.start, &e.end, k, "entity")?,
                    label: EntityLabel::parse(label)
                        .ok_or_else(|| format!("unknown entity label `{label}`"))?,
                    canonical: get_str(&e.canonical, k).unwrap_or_default().to_string(),
                });
            }
        }
        if let Some(t) = &self.timexes {
            for k in t.layer.range(row) {
                let kind = get_str(&t.kind, k).unwrap_or_default();
                let modifier = match t.modifier.as_ref().and_then(|m| get_str(m, k)) {
                    Some(m) => {
                        Some(TimexMod::parse(m).ok_or_else(|| format!("unknown timex mod `{m}`"))?)
                    }
                    None => None,
                };
                doc.timexes.push(Timex {
                    span: span(&map, &t.start, &t.end, k, "timex")?,
                    kind: TimexType::parse(kind)
                        .ok_or_else(|| format!("unknown timex type `{kind}`"))?,
                    value: get_str(&t.value, k).unwrap_or_default().to_string(),
                    modifier,
                });
            }
        }
        if let Some(q) = &self.quotes {
            for k in q.layer.range(row) {
                let kind = match get_str(&q.kind, k).unwrap_or_default() {
                    "direct" => QuoteKind::Direct,
                    "indirect" => QuoteKind::Indirect,
                    other => return Err(format!("unknown quote kind `{other}`")),
                };
                let whole = span(&map, &q.start, &q.end, k, "quote")?;
                let parts = match &q.parts {
                    Some(p) => p.read(k, &map, "quote part")?,
                    None => vec![whole],
                };
                doc.quotes.push(Quote {
                    span: whole,
                    parts,
                    kind,
                    speaker: q
                        .speaker
                        .as_ref()
                        .and_then(|s| get_str(s, k))
                        .map(str::to_string),
                    speaker_span: opt_span(
                        &map,
                        q.speaker_start.as_ref(),
                        q.speaker_end.as_ref(),
                        k,
                        "quote speaker",
                    )?,
                    cue: q
                        .cue
                        .as_ref()
                        .and_then(|s| get_str(s, k))
                        .unwrap_or_default()
                        .to_string(),
                    cue_span: opt_span(
                        &map,
                        q.cue_start.as_ref(),
                        q.cue_end.as_ref(),
                        k,
                        "quote cue",
                    )?,
                });
            }
        }
        if let Some(ev) = &self.events {
            for k in ev.layer.range(row) {
                let participants = match &ev.participants {
                    Some((lists, names)) => list_range(lists, k)
                        .filter_map(|n| get_str(names, n).map(str::to_string))
                        .collect(),
                    None => Vec::new(),
                };
                doc.events.push(Event {
                    kind: get_str(&ev.kind, k).unwrap_or_default().to_string(),
                    trigger: get_str(&ev.trigger, k).unwrap_or_default().to_string(),
                    span: span(&map, &ev.start, &ev.end, k, "event")?,
                    participants,
                    date: ev
                        .date
                        .as_ref()
                        .and_then(|d| get_str(d, k))
                        .map(str::to_string),
                    negated: ev
                        .negated
                        .as_ref()
                        .is_some_and(|b| !b.is_null(k) && b.value(k)),
                });
            }
        }
        if let Some(d) = &self.diagnostics {
            for k in d.layer.range(row) {
                doc.diagnose(
                    static_stage(get_str(&d.stage, k).unwrap_or_default()),
                    get_str(&d.message, k).unwrap_or_default(),
                    None,
                );
            }
        }
        Ok(())
    }
}
