//! Every layer of the full pipeline is sorted, in bounds and on char
//! boundaries, whatever the input.

use chronicle_annotate::{pipeline, Layers};
use chronicle_model::{Doc, Span};
use proptest::prelude::*;

fn check_spans(text: &str, what: &str, spans: impl Iterator<Item = Span>) {
    let mut last_start = 0;
    for span in spans {
        assert!(
            span.is_valid_in(text),
            "{what} span {span:?} invalid in {text:?}"
        );
        assert!(span.start >= last_start, "{what} not sorted in {text:?}");
        last_start = span.start;
    }
}

fn check_doc(doc: &Doc) {
    let text = &doc.text;
    check_spans(text, "token", doc.tokens.iter().map(|t| t.span));
    check_spans(text, "sentence", doc.sentences.iter().copied());
    check_spans(text, "paragraph", doc.paragraphs.iter().copied());
    check_spans(text, "entity", doc.entities.iter().map(|e| e.span));
    check_spans(text, "timex", doc.timexes.iter().map(|t| t.span));
    check_spans(text, "quote", doc.quotes.iter().map(|q| q.span));
    for q in &doc.quotes {
        check_spans(text, "quote part", q.parts.iter().copied());
        if let Some(s) = q.speaker_span {
            assert!(s.is_valid_in(text));
        }
    }
    for e in &doc.events {
        assert!(e.span.is_valid_in(text));
    }
    // Tokens never overlap and sentences cover tokens in order.
    for w in doc.tokens.windows(2) {
        assert!(
            w[0].span.end <= w[1].span.start,
            "overlapping tokens in {text:?}"
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]
    #[test]
    fn any_text_annotates(text in "\\PC{0,300}") {
        let pipeline = pipeline(Layers::ALL).expect("pipeline");
        let date = Some("2017-03-02".parse().expect("date"));
        let mut doc = Doc::new("p", date, text);
        pipeline.annotate(&mut doc);
        check_doc(&doc);
    }

    #[test]
    fn newsy_text_annotates(words in proptest::collection::vec(
        prop_oneof![
            Just("Sessions"), Just("said"), Just("\""), Just("“"), Just("”"), Just("."),
            Just("U.S."), Just("last"), Just("year"), Just("July"), Just("met"), Just(","),
            Just("\n\n"), Just("he"), Just("'s"), Just("2016"), Just("Wednesday"), Just("—"),
        ], 0..80)) {
        let text = words.join(" ");
        let pipeline = pipeline(Layers::ALL).expect("pipeline");
        let mut doc = Doc::new("p", None, text);
        pipeline.annotate(&mut doc);
        check_doc(&doc);
    }
}

#[test]
fn sample_article_segments() {
    let text = "US Attorney General Jeff Sessions came under fire late on Wednesday. \
                “I did not have communications with the Russians,” he said.\n\n\
                Pelosi called on him to resign.";
    let pipeline = pipeline(Layers::ALL).expect("pipeline");
    let mut doc = Doc::new("s", Some("2017-03-02".parse().expect("date")), text);
    pipeline.annotate(&mut doc);
    check_doc(&doc);
    let sentences: Vec<&str> = doc.sentences.iter().map(|&s| doc.slice(s)).collect();
    assert_eq!(
        sentences,
        vec![
            "US Attorney General Jeff Sessions came under fire late on Wednesday.",
            "“I did not have communications with the Russians,” he said.",
            "Pelosi called on him to resign."
        ]
    );
}
