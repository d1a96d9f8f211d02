//! Integration tests of the attribution stage: a golden article in the style
//! of the product brief, golden checks on real PolNeAR articles, the full
//! annotation pipeline, and bad input.

mod golden;
mod pipeline;
mod polnear;
mod robust;

use chronicle_model::{Doc, Entity, EntityLabel, Span, Stage, Timex, TimexType};

/// Segments `text` and sets the given entity and timex layers, found by
/// searching for each phrase (every occurrence, longest phrases first), so
/// tests do not depend on the entity and timex stages.
pub fn doc_with_layers(
    text: &str,
    date: &str,
    entities: &[(&str, &str, &str)],
    timexes: &[(&str, &str)],
) -> Doc {
    let mut doc = Doc::new("test", date.parse().ok(), text);
    chronicle_text::Segmenter.annotate(&mut doc);
    let mut taken: Vec<Span> = Vec::new();
    let mut ents: Vec<(&str, &str, &str)> = entities.to_vec();
    ents.sort_by_key(|e| std::cmp::Reverse(e.0.len()));
    for (phrase, label, canonical) in ents {
        for (i, _) in text.match_indices(phrase) {
            let span = Span::new(i, i + phrase.len());
            let word_edge = |b: Option<char>| b.is_none_or(|c| !c.is_alphanumeric());
            if !word_edge(text[..i].chars().last())
                || !word_edge(text[i + phrase.len()..].chars().next())
            {
                continue;
            }
            if taken.iter().any(|t| t.overlaps(span)) {
                continue;
            }
            taken.push(span);
            doc.entities.push(Entity {
                span,
                label: EntityLabel::parse(label).expect("test label"),
                canonical: canonical.to_string(),
            });
        }
    }
    doc.entities.sort_by_key(|e| e.span);
    for (phrase, value) in timexes {
        for (i, _) in text.match_indices(phrase) {
            doc.timexes.push(Timex {
                span: Span::new(i, i + phrase.len()),
                kind: TimexType::Date,
                value: value.to_string(),
                modifier: None,
            });
        }
    }
    doc.timexes.sort_by_key(|t| t.span);
    doc
}

/// One quote a line: `start..end kind speaker [mention] cue "text"` (parts joined by `;`).
pub fn render_quotes(doc: &Doc) -> String {
    let mut out = String::new();
    for q in &doc.quotes {
        let parts: Vec<String> = q
            .parts
            .iter()
            .map(|p| format!("{}..{}", p.start, p.end))
            .collect();
        let mention = q
            .speaker_span
            .map(|s| doc.text[s].to_string())
            .unwrap_or_default();
        out.push_str(&format!(
            "{} {} {} [{}] {} {:?}\n",
            parts.join(";"),
            q.kind.as_str(),
            q.speaker.as_deref().unwrap_or("-"),
            mention,
            q.cue,
            &doc.text[q.span]
        ));
    }
    out
}

/// One event a line: `kind trigger participants date negated`.
pub fn render_events(doc: &Doc) -> String {
    let mut out = String::new();
    for e in &doc.events {
        out.push_str(&format!(
            "{} {:?} {} {} {}\n",
            e.kind,
            e.trigger,
            e.participants.join(" + "),
            e.date.as_deref().unwrap_or("-"),
            if e.negated { "negated" } else { "" }
        ));
    }
    out
}
