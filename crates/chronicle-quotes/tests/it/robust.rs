//! Bad input: any text annotates without panic, in linear time, and every
//! layer stays in bounds, on char boundaries and sorted.

use chronicle_model::{Doc, Stage};
use chronicle_quotes::AttributionStage;
use proptest::prelude::*;

fn run(text: &str) -> Doc {
    let mut doc = Doc::new("t", None, text);
    chronicle_text::Segmenter.annotate(&mut doc);
    AttributionStage.annotate(&mut doc);
    for q in &doc.quotes {
        assert!(q.span.is_valid_in(&doc.text));
        for p in &q.parts {
            assert!(p.is_valid_in(&doc.text) && q.span.contains(*p));
        }
        if let Some(s) = q.speaker_span {
            assert!(s.is_valid_in(&doc.text));
        }
    }
    assert!(doc
        .quotes
        .windows(2)
        .all(|w| w[0].span.start <= w[1].span.start));
    assert!(doc
        .events
        .windows(2)
        .all(|w| w[0].span.start <= w[1].span.start));
    doc
}

proptest! {
    #[test]
    fn any_text(text in "\\PC{0,300}") {
        run(&text);
    }

    #[test]
    fn quote_soup(parts in proptest::collection::vec(prop_oneof![
        Just("\""), Just("\u{201c}"), Just("\u{201d}"), Just("'"), Just(" he said"), Just(", "),
        Just("Sessions said"), Just(". "), Just("\n\n"), Just("met with Kislyak"), Just("I never met"),
        Just(" the senator "), Just(":"), Just("according to"), Just("\u{2014}"), Just("€"),
    ], 0..80)) {
        run(&parts.concat());
    }
}

#[test]
fn no_quotes_at_all() {
    let doc = run(
        "The committee met on Tuesday. Nothing was said about anything.\n\nA second paragraph.",
    );
    assert!(doc
        .quotes
        .iter()
        .all(|q| q.kind == chronicle_model::QuoteKind::Indirect));
}

#[test]
fn fifty_paragraph_quote_is_one_quote() {
    let mut text = String::from("Sessions said:\n\n");
    for i in 0..50 {
        text.push_str(&format!(
            "\u{201c}Paragraph {i} of the statement goes on.\n\n"
        ));
    }
    text.push_str("\u{201c}And it ends here.\u{201d}\n");
    let doc = run(&text);
    let direct: Vec<_> = doc
        .quotes
        .iter()
        .filter(|q| q.kind == chronicle_model::QuoteKind::Direct)
        .collect();
    assert_eq!(direct.len(), 1, "{:?}", doc.quotes);
    assert_eq!(direct[0].speaker.as_deref(), Some("Sessions"));
    assert!(doc.text[direct[0].span].ends_with("ends here."));
}

#[test]
fn unbalanced_marks_stay_local() {
    let text = "He said \u{201c}this never closes.\n\nMeanwhile, \u{201c}I never met,\u{201d} Sessions said, \u{201c}with anyone.\u{201d}";
    let doc = run(text);
    let q = doc
        .quotes
        .iter()
        .find(|q| doc.text[q.span].contains("I never met"))
        .expect("the balanced quote");
    assert_eq!(q.parts.len(), 2);
    assert_eq!(q.speaker.as_deref(), Some("Sessions"));
    assert_eq!(&doc.text[q.parts[1]], "with anyone.");
}

#[test]
fn quotes_inside_quotes() {
    let text = "\u{201c}He told me \u{2018}never again,\u{2019} and left,\u{201d} Pelosi said.";
    let doc = run(text);
    assert_eq!(doc.quotes.len(), 1);
    assert_eq!(doc.quotes[0].speaker.as_deref(), Some("Pelosi"));
}

#[test]
fn linear_time_on_long_input() {
    // Many stray marks and cues: a quadratic pass would take minutes here.
    let unit = "\u{201c}odd \" mark said \u{201d} he said, \u{201c}more ";
    let text = unit.repeat(20_000);
    let t = std::time::Instant::now();
    run(&text);
    // Not a timing assertion on speed targets, only a guard against blow-up.
    assert!(t.elapsed().as_secs() < 60);
}
