use chronicle_model::{Doc, Entity, EntityLabel, Event, Quote, QuoteKind, Span, Timex, TimexType};

fn span_of(text: &str, needle: &str) -> Span {
    let start = text.find(needle).expect("needle in text");
    Span::new(start, start + needle.len())
}

/// A synthetic annotated article number `i` (layers as a pipeline would
/// add them), dated in July 2016 + `i` days.
pub fn article(i: u64) -> Doc {
    let text = format!(
        "Article {i}: Jeff Sessions met Sergey Kislyak on Wednesday in Washington.\n\n\
         “We discussed terrorism {i},” Sessions said. The Kremlin déclined to comment."
    );
    let date = jiff::civil::date(2016, 7, 1)
        .checked_add(jiff::Span::new().days((i % 300) as i64))
        .ok();
    let mut doc = Doc::new(format!("doc-{i}"), date, text.clone());
    doc.title = Some(format!("Title {i}"));
    doc.meta.url = Some(format!("https://example.org/{i}"));
    let first_end = text.find('\n').unwrap_or(text.len());
    doc.sentences = vec![
        Span::new(0, first_end),
        Span::new(
            text.find('“').unwrap_or(0),
            text.find(" The Kremlin").unwrap_or(0),
        ),
        Span::new(text.find("The Kremlin").unwrap_or(0), text.len()),
    ];
    doc.paragraphs = vec![
        Span::new(0, first_end),
        Span::new(first_end + 2, text.len()),
    ];
    doc.entities = vec![
        Entity {
            span: span_of(&text, "Jeff Sessions"),
            label: EntityLabel::Per,
            canonical: "Jeff Sessions".into(),
        },
        Entity {
            span: span_of(&text, "Sergey Kislyak"),
            label: EntityLabel::Per,
            canonical: "Sergey Kislyak".into(),
        },
        Entity {
            span: span_of(&text, "Washington"),
            label: EntityLabel::Loc,
            canonical: "Washington".into(),
        },
    ];
    doc.timexes = vec![Timex {
        span: span_of(&text, "Wednesday"),
        kind: TimexType::Date,
        value: "2016-07-06".into(),
        modifier: None,
    }];
    let content = span_of(&text, &format!("We discussed terrorism {i},"));
    doc.quotes = vec![Quote {
        span: content,
        parts: vec![content],
        kind: QuoteKind::Direct,
        speaker: Some("Jeff Sessions".into()),
        speaker_span: Some(span_of(&text, "Sessions said"))
            .map(|s| Span::new(s.start as usize, s.start as usize + 8)),
        cue: "said".into(),
        cue_span: Some(span_of(&text, "said")),
    }];
    doc.events = vec![Event {
        kind: "contact".into(),
        trigger: "met".into(),
        span: span_of(&text, "met"),
        participants: vec!["Jeff Sessions".into(), "Sergey Kislyak".into()],
        date: Some("2016-07".into()),
        negated: false,
    }];
    doc
}

/// Layers compared field by field (tokens and diagnostics are not stored).
pub fn assert_same(a: &Doc, b: &Doc) {
    assert_eq!(a.id, b.id);
    assert_eq!(a.date, b.date);
    assert_eq!(a.title, b.title);
    assert_eq!(a.text, b.text);
    assert_eq!(a.meta.url, b.meta.url);
    assert_eq!(a.sentences, b.sentences);
    assert_eq!(a.paragraphs, b.paragraphs);
    assert_eq!(a.entities, b.entities);
    assert_eq!(a.timexes, b.timexes);
    assert_eq!(a.quotes, b.quotes);
    assert_eq!(a.events, b.events);
}
