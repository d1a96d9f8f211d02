//! The annotation JSON contract (`shared/contract/annotation-json.md`):
//! one compact object per document, code-point offsets.

use chronicle_model::{CharOffsets, Doc, Span};
use serde_json::{json, Value};

/// The document as one JSON line (with its trailing newline).
pub fn doc_line(doc: &Doc) -> String {
    let mut line = doc_value(doc).to_string();
    line.push('\n');
    line
}

/// The document as a JSON value, per the contract.
pub fn doc_value(doc: &Doc) -> Value {
    let offsets = CharOffsets::new(&doc.text);
    let span = |s: Span| {
        let (a, b) = offsets.span(s);
        (a, b)
    };
    let sentences: Vec<Value> = doc
        .sentences
        .iter()
        .map(|&s| {
            let (a, b) = span(s);
            json!({"start": a, "end": b})
        })
        .collect();
    let entities: Vec<Value> = doc
        .entities
        .iter()
        .map(|e| {
            let (a, b) = span(e.span);
            json!({"start": a, "end": b, "text": doc.slice(e.span), "label": e.label.as_str(),
                   "canonical": e.canonical})
        })
        .collect();
    let timexes: Vec<Value> = doc
        .timexes
        .iter()
        .map(|t| {
            let (a, b) = span(t.span);
            json!({"start": a, "end": b, "text": doc.slice(t.span), "type": t.kind.as_str(),
                   "value": t.value, "mod": t.modifier.map(|m| m.as_str())})
        })
        .collect();
    let quotes: Vec<Value> = doc
        .quotes
        .iter()
        .map(|q| {
            let (a, b) = span(q.span);
            let parts: Vec<Value> = q
                .parts
                .iter()
                .map(|&p| {
                    let (pa, pb) = span(p);
                    json!({"start": pa, "end": pb})
                })
                .collect();
            let (ss, se) = match q.speaker_span {
                Some(s) => {
                    let (x, y) = span(s);
                    (Value::from(x), Value::from(y))
                }
                None => (Value::Null, Value::Null),
            };
            json!({"start": a, "end": b, "text": doc.slice(q.span), "parts": parts,
                   "kind": q.kind.as_str(), "speaker": q.speaker,
                   "speaker_start": ss, "speaker_end": se, "cue": q.cue})
        })
        .collect();
    let events: Vec<Value> = doc
        .events
        .iter()
        .map(|e| {
            let (a, b) = span(e.span);
            json!({"kind": e.kind, "trigger": e.trigger, "start": a, "end": b,
                   "participants": e.participants, "date": e.date, "negated": e.negated})
        })
        .collect();
    let mut value = json!({
        "id": doc.id,
        "date": doc.date.map(|d| d.to_string()),
        "title": doc.title,
        "text": doc.text,
        "sentences": sentences,
        "entities": entities,
        "timexes": timexes,
        "quotes": quotes,
        "events": events,
    });
    if let Some(obj) = value.as_object_mut() {
        if let Some(url) = &doc.meta.url {
            obj.insert("url".into(), json!(url));
        }
        if let Some(source) = &doc.meta.source {
            obj.insert("source".into(), json!(source));
        }
        if !doc.diagnostics.is_empty() {
            let diags: Vec<Value> = doc
                .diagnostics
                .iter()
                .map(|d| json!({"stage": d.stage, "message": d.message}))
                .collect();
            obj.insert("diagnostics".into(), Value::Array(diags));
        }
    }
    value
}
