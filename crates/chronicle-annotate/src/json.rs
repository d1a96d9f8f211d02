//! The annotation JSON contract (`shared/contract/annotation-json.md`):
//! one compact object per document, code-point offsets.
//!
//! One serialiser for every front end (the CLI, the Python package), so the
//! same document prints the same bytes wherever it was annotated.

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

/// The line for a record that could not be annotated: the contract's
/// fields with empty layers, plus `error`. Streaming consumers (`RDD.pipe`)
/// get one output line per input line, bad ones included.
pub fn error_line(id: &str, date: Option<&str>, text: &str, error: &str) -> String {
    let mut line = error_value(id, date, text, error).to_string();
    line.push('\n');
    line
}

/// [`error_line`] as a JSON value.
pub fn error_value(id: &str, date: Option<&str>, text: &str, error: &str) -> Value {
    json!({
        "id": id,
        "date": date,
        "title": null,
        "text": text,
        "sentences": [],
        "entities": [],
        "timexes": [],
        "quotes": [],
        "events": [],
        "error": error,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use chronicle_model::{Entity, EntityLabel};

    #[test]
    fn char_offsets_and_optional_fields() {
        let mut doc = Doc::new("d", "2017-03-02".parse().ok(), "€5 to Jeff Sessions.");
        let at = doc.text.find("Jeff").unwrap_or_default();
        doc.entities.push(Entity {
            span: Span::new(at, at + 13),
            label: EntityLabel::Per,
            canonical: "Jeff Sessions".into(),
        });
        doc.meta.url = Some("http://x".into());
        let line = doc_line(&doc);
        assert!(line.ends_with("}\n"));
        assert_eq!(
            line.trim_end(),
            r#"{"id":"d","date":"2017-03-02","title":null,"text":"€5 to Jeff Sessions.","sentences":[],"entities":[{"start":6,"end":19,"text":"Jeff Sessions","label":"PER","canonical":"Jeff Sessions"}],"timexes":[],"quotes":[],"events":[],"url":"http://x"}"#
        );
    }

    #[test]
    fn error_rows_keep_the_contract_fields() {
        let line = error_line("r1", None, "", "`text` is empty");
        assert_eq!(
            line,
            "{\"id\":\"r1\",\"date\":null,\"title\":null,\"text\":\"\",\"sentences\":[],\"entities\":[],\"timexes\":[],\"quotes\":[],\"events\":[],\"error\":\"`text` is empty\"}\n"
        );
    }
}
