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
    (
        "Senate Judiciary Committee",
        "ORG",
        "Senate Judiciary Committee",
    ),
    ("Russians", "MISC", "Russians"),
    ("Russian", "MISC", "Russian"),
    ("House", "ORG", "House"),
    ("Democratic", "MISC", "Democratic"),
    ("Nancy Pelosi", "PER", "Nancy Pelosi"),
    ("Pelosi", "PER", "Nancy Pelosi"),
    ("Sarah Isgur Flores", "PER", "Sarah Isgur Flores"),
    (
        "Senate Armed Services Committee",
        "ORG",
        "Senate Armed Services Committee",
    ),
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
    doc.quotes
        .iter()
        .find(|q| doc.text[q.span].contains(needle))
        .and_then(|q| q.speaker.clone())
}

#[test]
fn quotes_and_speakers() {
    let doc = annotated(true, true);
    let got = render_quotes(&doc);
    let want = r#"197..291 indirect Washington Post [Washington Post] reported "Sessions spoke twice last year with Sergey Kislyak, Russia's ambassador, in July and September"
448..496 direct Jeff Sessions [Sessions] told "I did not have communications with the Russians."
516..578 indirect Jeff Sessions [He] said "he had never met with any Russian officials about the campaign"
656..686;717..732 direct Nancy Pelosi [Pelosi] said "Jeff Sessions lied under oath,\" Pelosi said in a statement. \"He must resign."
794..848 indirect Sarah Isgur Flores [Sarah Isgur Flores] said "the attorney general had answered a different question"
852..943;956..996 direct Sarah Isgur Flores [she] said "He was asked during the hearing about communications between Russia and the Trump campaign,\" she said, \"not about meetings he took as a senator."
999..1013;1026..1086 indirect Sarah Isgur Flores [she] added "The encounters, she added, were part of his work on the Senate Armed Services Committee"
1139..1271 direct Jeff Sessions [Sessions] said "I never met with any Russian officials to discuss issues of the campaign. I have no idea what this allegation is about. It is false."
"#;
    if got != want {
        println!("{got}");
    }
    assert_eq!(got, want);
}

#[test]
fn contacts_denials_and_the_resignation_call() {
    let doc = annotated(true, true);
    let got = render_events(&doc);
    let want = r#"contact "spoke twice" Jeff Sessions + Sergey Kislyak 2016-07 
contact "spoke twice" Jeff Sessions + Sergey Kislyak 2016-09 
denial "not have communications" Jeff Sessions + Russians 2017-01 
denial "never met" Jeff Sessions + any Russian officials - 
resignation_call "resign" Nancy Pelosi + Jeff Sessions 2017-03-02 
denial "never met" Jeff Sessions + any Russian officials 2017-03-01 
"#;
    if got != want {
        println!("{got}");
    }
    assert_eq!(got, want);
}

/// Without entity and timex layers: speakers from capitalised names, contacts undated.
#[test]
fn degrades_without_entities_and_timexes() {
    let doc = annotated(false, false);
    println!("{}\n{}", render_quotes(&doc), render_events(&doc));
    assert_eq!(
        speaker_of(&doc, "I did not have communications").as_deref(),
        Some("Jeff Sessions")
    );
    assert_eq!(
        speaker_of(&doc, "lied under oath").as_deref(),
        Some("Nancy Pelosi")
    );
    assert_eq!(
        speaker_of(&doc, "He was asked").as_deref(),
        Some("Sarah Isgur Flores")
    );
    assert_eq!(
        speaker_of(&doc, "I never met with any Russian").as_deref(),
        Some("Jeff Sessions")
    );
    let contacts: Vec<_> = doc.events.iter().filter(|e| e.kind == "contact").collect();
    assert!(!contacts.is_empty());
    for c in &contacts {
        assert_eq!(c.participants, ["Jeff Sessions", "Sergey Kislyak"]);
        assert_eq!(c.date, None);
    }
    assert!(doc
        .events
        .iter()
        .any(|e| e.kind == "denial" && e.participants[0] == "Jeff Sessions"));
}

/// "Russia's ambassador" is resolved to the person the article names in apposition.
#[test]
fn definite_description_resolves_to_apposition() {
    let text = "Sergey Kislyak, Russia's ambassador, arrived on Monday. Later, Sessions met with Russia's ambassador in his office.";
    let mut doc = doc_with_layers(text, "2017-03-02", &[], &[("on Monday", "2017-02-27")]);
    AttributionStage.annotate(&mut doc);
    let contact = doc
        .events
        .iter()
        .find(|e| e.kind == "contact")
        .expect("a contact");
    assert_eq!(contact.participants, ["Sessions", "Sergey Kislyak"]);
}
