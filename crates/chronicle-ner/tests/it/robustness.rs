//! Bad input never panics and gives well-formed layers: empty text, huge
//! sentences, unknown scripts, text in one case.

use chronicle_model::{Doc, Span, Stage, Token, TokenKind};
use proptest::prelude::*;

use crate::{annotate, tagger};

fn assert_well_formed(doc: &Doc) {
    let mut last = 0u32;
    for e in &doc.entities {
        assert!(e.span.start >= last, "entities sorted and disjoint");
        assert!(e.span.is_valid_in(&doc.text));
        assert!(!e.span.is_empty());
        assert!(!e.canonical.is_empty());
        last = e.span.end;
    }
}

#[test]
fn empty_and_blank() {
    for text in ["", " ", "\n\n", "."] {
        let doc = annotate(text);
        assert!(doc.entities.is_empty());
    }
}

#[test]
fn empty_sentences_and_no_sentences() {
    // Tokens without any sentence layer, and a sentence layer of empty spans.
    let mut doc = Doc::new("t", None, "Angela Merkel visited Paris");
    chronicle_text::Segmenter.annotate(&mut doc);
    doc.sentences = vec![Span::new(0, 0), Span::new(5, 5)];
    tagger().annotate(&mut doc);
    assert_well_formed(&doc);
    doc.sentences.clear();
    tagger().annotate(&mut doc);
    assert_well_formed(&doc);
}

#[test]
fn ten_thousand_token_sentence() {
    let text = "Peter Blackburn met officials in Brussels and ".repeat(1500);
    let mut doc = Doc::new("t", None, text.as_str());
    chronicle_text::Segmenter.annotate(&mut doc);
    // One sentence over everything, whatever the splitter said.
    doc.sentences = vec![Span::new(0, text.len())];
    assert!(doc.tokens.len() >= 10_000);
    tagger().annotate(&mut doc);
    assert_well_formed(&doc);
    assert!(doc.entities.len() > 1000, "names are still found");
}

#[test]
fn one_case_text() {
    let upper = annotate(
        "GERMAN CHANCELLOR ANGELA MERKEL MET PRESIDENT BARACK OBAMA IN WASHINGTON ON MONDAY .",
    );
    assert_well_formed(&upper);
    let lower = annotate(
        "german chancellor angela merkel met president barack obama in washington on monday .",
    );
    assert_well_formed(&lower);
}

#[test]
fn unknown_scripts() {
    for text in [
        "北京是中国的首都。习近平在北京。",
        "Москва — столица России.",
        "🙂🙂 \u{202e} \u{0} \u{feff}x",
    ] {
        assert_well_formed(&annotate(text));
    }
}

#[test]
fn hand_built_tokens() {
    // Tokens that do not cover the text, as a caller may build them.
    let mut doc = Doc::new("t", None, "xx Paris yy");
    doc.tokens = vec![Token {
        span: Span::new(3, 8),
        kind: TokenKind::Word,
        flags: 0,
    }];
    doc.sentences = vec![Span::new(0, 11)];
    tagger().annotate(&mut doc);
    assert_well_formed(&doc);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    #[test]
    fn any_text_is_fine(text in "\\PC{0,300}") {
        assert_well_formed(&annotate(&text));
    }

    #[test]
    fn any_wordy_text_is_fine(words in proptest::collection::vec("[A-Za-z][a-z]{0,8}|[A-Z]{2,5}|[0-9]{1,4}|[.,'\"-]", 0..200)) {
        assert_well_formed(&annotate(&words.join(" ")));
    }
}
