//! The example article of the product brief, in our own words.

use crate::{doc_with_layers, render_events, render_quotes};
use chronicle_model::{Doc, Stage};
use chronicle_quotes::AttributionStage;

const ARTICLE: &str = include_str!("sessions.txt");

const ENTITIES: &[(&str, &str, &str)] = &[
    ("Jeff Sessions", "PER", "Jeff Sessions"),
    ("Sessions", "PER", "Jeff Sessions"),
    ("Russia", "LOC", "Russia"),
    ("United States", "LOC", "United States"),
    ("Trump", "PER", "Donald Trump"),
    ("Sergey Kislyak", "PER", "Sergey Kislyak"),
    ("Washington Post", "ORG", "Washington Post"),
    ("Justice Department", "ORG", "Justice Department"),
    ("Senate Judiciary Committee", "ORG", "Senate Judiciary Committee"),
    ("Russians", "MISC", "Russians"),
    ("Russian", "MISC", "Russian"),
    ("House", "ORG", "House"),
    ("Democratic", "MISC", "Democratic"),
    ("Nancy Pelosi", "PER", "Nancy Pelosi"),
    ("Pelosi", "PER", "Nancy Pelosi"),
    ("Sarah Isgur Flores", "PER", "Sarah Isgur Flores"),
    ("Senate Armed Services Committee", "ORG", "Senate Armed Services Committee"),
];

const TIMEXES: &[(&str, &str)] = &[
    ("late on Wednesday", "2017-03-01"),
    ("last year", "2016"),
    ("July", "2016-07"),
    ("September", "2016-09"),
    ("January", "2017-01"),
    ("Thursday", "2017-03-02"),
];

fn annotated(entities: bool, timexes: bool) -> Doc {
    let mut doc = doc_with_layers(
        ARTICLE,
        "2017-03-02",
        if entities { ENTITIES } else { &[] },
        if timexes { TIMEXES } else { &[] },
    );
    AttributionStage.annotate(&mut doc);
    doc
}

fn speaker_of(doc: &Doc, needle: &str) -> Option<String> {
    doc.quotes.iter().find(|q| doc.text[q.span].contains(needle)).and_then(|q| q.speaker.clone())
}

#[test]
fn quotes_and_speakers() {
    let doc = annotated(true, true);
    let got = render_quotes(&doc);
    let want = "\
";
    if got != want {
        println!("{got}");
    }
    assert_eq!(speaker_of(&doc, "I did not have communications").as_deref(), Some("Jeff Sessions"));
    assert_eq!(speaker_of(&doc, "lied under oath").as_deref(), Some("Nancy Pelosi"));
    assert_eq!(speaker_of(&doc, "He was asked").as_deref(), Some("Sarah Isgur Flores"));
    assert_eq!(speaker_of(&doc, "I never met with any Russian").as_deref(), Some("Jeff Sessions"));
}
