//! The annotation JSON contract (`shared/contract/annotation-json.md`):
//! one compact object per document, code-point offsets.
//!
//! The contract is written down once, as `Serialize` impls over the `Doc`
//! ([`contract`], [`ErrorRow`]): the CLI hands them to `serde_json`, the
//! Python package to its own serializer that builds Python objects. So the
//! same document gives the same fields in the same order wherever it was
//! annotated, and no front end builds an intermediate JSON tree.

use chronicle_model::{CharOffsets, Diagnostic, Doc, Entity, Event, Quote, Span, Timex};
use serde::ser::{Serialize, SerializeSeq, SerializeStruct, Serializer};

/// The document as one JSON line (with its trailing newline).
pub fn doc_line(doc: &Doc) -> String {
    line(&contract(doc))
}

/// The document as the contract's object, for any serde serializer.
pub fn contract(doc: &Doc) -> Contract<'_> {
    Contract {
        doc,
        offsets: CharOffsets::new(&doc.text),
    }
}

/// The line for a record that could not be annotated: the contract's
/// fields with empty layers, plus `error`. Streaming consumers (`RDD.pipe`)
/// get one output line per input line, bad ones included.
pub fn error_line(id: &str, date: Option<&str>, text: &str, error: &str) -> String {
    line(&ErrorRow {
        id,
        date,
        text,
        error,
    })
}

fn line(value: &impl Serialize) -> String {
    // serde_json fails only on non-string map keys or a failing writer;
    // neither can happen with these impls writing to a String.
    let mut line = serde_json::to_string(value).unwrap_or_default();
    line.push('\n');
    line
}

/// A document in the contract's shape; see [`contract`].
pub struct Contract<'a> {
    doc: &'a Doc,
    offsets: CharOffsets,
}

/// A record that could not be annotated; see [`error_line`].
pub struct ErrorRow<'a> {
    pub id: &'a str,
    pub date: Option<&'a str>,
    pub text: &'a str,
    pub error: &'a str,
}

impl Serialize for Contract<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let doc = self.doc;
        let root = In {
            offsets: &self.offsets,
            doc,
            item: &(),
        };
        let optional = usize::from(doc.meta.url.is_some())
            + usize::from(doc.meta.source.is_some())
            + usize::from(!doc.diagnostics.is_empty());
        let mut s = serializer.serialize_struct("Doc", 9 + optional)?;
        s.serialize_field("id", &doc.id)?;
        s.serialize_field("date", &doc.date.map(Display))?;
        s.serialize_field("title", &doc.title)?;
        s.serialize_field("text", &doc.text)?;
        s.serialize_field("sentences", &root.with(&doc.sentences[..]))?;
        s.serialize_field("entities", &root.with(&doc.entities[..]))?;
        s.serialize_field("timexes", &root.with(&doc.timexes[..]))?;
        s.serialize_field("quotes", &root.with(&doc.quotes[..]))?;
        s.serialize_field("events", &root.with(&doc.events[..]))?;
        if let Some(url) = &doc.meta.url {
            s.serialize_field("url", url)?;
        }
        if let Some(source) = &doc.meta.source {
            s.serialize_field("source", source)?;
        }
        if !doc.diagnostics.is_empty() {
            s.serialize_field("diagnostics", &root.with(&doc.diagnostics[..]))?;
        }
        s.end()
    }
}

impl Serialize for ErrorRow<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let empty: [(); 0] = [];
        let mut s = serializer.serialize_struct("Doc", 10)?;
        s.serialize_field("id", self.id)?;
        s.serialize_field("date", &self.date)?;
        s.serialize_field("title", &None::<&str>)?;
        s.serialize_field("text", self.text)?;
        for layer in ["sentences", "entities", "timexes", "quotes", "events"] {
            s.serialize_field(layer, &empty)?;
        }
        s.serialize_field("error", self.error)?;
        s.end()
    }
}

/// One item of a document's layer, with what it needs to be written:
/// the text it points into and the byte → code-point table.
struct In<'a, T: ?Sized> {
    offsets: &'a CharOffsets,
    doc: &'a Doc,
    item: &'a T,
}

impl<'a, T: ?Sized> In<'a, T> {
    fn with<U: ?Sized>(&self, item: &'a U) -> In<'a, U> {
        In {
            offsets: self.offsets,
            doc: self.doc,
            item,
        }
    }

    fn chars(&self, span: Span) -> (u32, u32) {
        self.offsets.span(span)
    }
}

/// One of a closed set of names (an entity label, a timex type): a JSON
/// string, told to serializers as a unit variant so that they may share one
/// object per name (the Python package does).
struct Label(&'static str);

impl Serialize for Label {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_unit_variant("Label", 0, self.0)
    }
}

/// A `Display` value written as a JSON string without an allocation.
struct Display<T>(T);

impl<T: std::fmt::Display> Serialize for Display<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(&self.0)
    }
}

impl<T> Serialize for In<'_, [T]>
where
    for<'b> In<'b, T>: Serialize,
{
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_seq(Some(self.item.len()))?;
        for item in self.item {
            s.serialize_element(&self.with(item))?;
        }
        s.end()
    }
}

impl Serialize for In<'_, Span> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let (start, end) = self.chars(*self.item);
        let mut s = serializer.serialize_struct("Span", 2)?;
        s.serialize_field("start", &start)?;
        s.serialize_field("end", &end)?;
        s.end()
    }
}

impl Serialize for In<'_, Entity> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let e = self.item;
        let (start, end) = self.chars(e.span);
        let mut s = serializer.serialize_struct("Entity", 5)?;
        s.serialize_field("start", &start)?;
        s.serialize_field("end", &end)?;
        s.serialize_field("text", self.doc.slice(e.span))?;
        s.serialize_field("label", &Label(e.label.as_str()))?;
        s.serialize_field("canonical", &e.canonical)?;
        s.end()
    }
}

impl Serialize for In<'_, Timex> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let t = self.item;
        let (start, end) = self.chars(t.span);
        let mut s = serializer.serialize_struct("Timex", 6)?;
        s.serialize_field("start", &start)?;
        s.serialize_field("end", &end)?;
        s.serialize_field("text", self.doc.slice(t.span))?;
        s.serialize_field("type", &Label(t.kind.as_str()))?;
        s.serialize_field("value", &t.value)?;
        s.serialize_field("mod", &t.modifier.map(|m| Label(m.as_str())))?;
        s.end()
    }
}

impl Serialize for In<'_, Quote> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let q = self.item;
        let (start, end) = self.chars(q.span);
        let speaker = q.speaker_span.map(|span| self.chars(span));
        let mut s = serializer.serialize_struct("Quote", 9)?;
        s.serialize_field("start", &start)?;
        s.serialize_field("end", &end)?;
        s.serialize_field("text", self.doc.slice(q.span))?;
        s.serialize_field("parts", &self.with(&q.parts[..]))?;
        s.serialize_field("kind", &Label(q.kind.as_str()))?;
        s.serialize_field("speaker", &q.speaker)?;
        s.serialize_field("speaker_start", &speaker.map(|(a, _)| a))?;
        s.serialize_field("speaker_end", &speaker.map(|(_, b)| b))?;
        s.serialize_field("cue", &q.cue)?;
        s.end()
    }
}

impl Serialize for In<'_, Event> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let e = self.item;
        let (start, end) = self.chars(e.span);
        let mut s = serializer.serialize_struct("Event", 7)?;
        s.serialize_field("kind", &e.kind)?;
        s.serialize_field("trigger", &e.trigger)?;
        s.serialize_field("start", &start)?;
        s.serialize_field("end", &end)?;
        s.serialize_field("participants", &e.participants)?;
        s.serialize_field("date", &e.date)?;
        s.serialize_field("negated", &e.negated)?;
        s.end()
    }
}

impl Serialize for In<'_, Diagnostic> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("Diagnostic", 2)?;
        s.serialize_field("stage", &Label(self.item.stage))?;
        s.serialize_field("message", &self.item.message)?;
        s.end()
    }
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
