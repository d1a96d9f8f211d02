//! The full annotation pipeline on the golden article. Checks that need the
//! entity or timex stage's output run only once those layers are non-empty.

use chronicle_annotate::{pipeline, Layers};
use chronicle_model::Doc;

#[test]
fn full_pipeline_on_the_golden_article() {
    let pipe = match pipeline(Layers::ALL) {
        Ok(p) => p,
        Err(e) => {
            println!("SKIP: the annotation pipeline could not be built ({e})");
            return;
        }
    };
    let mut doc = Doc::new(
        "sessions",
        "2017-03-02".parse().ok(),
        include_str!("sessions.txt"),
    );
    pipe.annotate(&mut doc);
    for layer in [
        &doc.quotes.iter().map(|q| q.span).collect::<Vec<_>>(),
        &doc.events.iter().map(|e| e.span).collect(),
    ] {
        for s in layer.iter() {
            assert!(s.is_valid_in(&doc.text));
        }
        assert!(
            layer.windows(2).all(|w| w[0].start <= w[1].start),
            "layers sorted"
        );
    }
    let speaker = |needle: &str| {
        doc.quotes
            .iter()
            .find(|q| doc.text[q.span].contains(needle))
            .and_then(|q| q.speaker.clone())
    };
    // Speakers come from the capitalised-name fallback or from the entity layer alike.
    assert_eq!(
        speaker("I did not have communications").as_deref(),
        Some("Jeff Sessions")
    );
    assert_eq!(speaker("lied under oath").as_deref(), Some("Nancy Pelosi"));
    assert_eq!(
        speaker("I never met with any Russian").as_deref(),
        Some("Jeff Sessions")
    );
    let denial = doc.events.iter().find(|e| e.kind == "denial");
    assert!(
        denial.is_some_and(|d| d.participants.first().map(String::as_str) == Some("Jeff Sessions"))
    );
    let contacts: Vec<_> = doc.events.iter().filter(|e| e.kind == "contact").collect();
    assert!(
        contacts
            .iter()
            .any(|e| e.participants.iter().any(|p| p.contains("Kislyak"))),
        "a contact with Kislyak: {contacts:?}"
    );
    if doc.timexes.is_empty() {
        println!("SKIP: timex layer empty; contact dates not checked");
    } else {
        let mut dates: Vec<_> = contacts.iter().filter_map(|e| e.date.clone()).collect();
        dates.sort();
        dates.dedup();
        assert!(
            dates.contains(&"2016-07".to_string()) && dates.contains(&"2016-09".to_string()),
            "dates {dates:?}"
        );
    }
    if doc.entities.is_empty() {
        println!("SKIP: entity layer empty; entity-based checks not run");
    } else {
        assert!(doc
            .quotes
            .iter()
            .filter(|q| q.kind == chronicle_model::QuoteKind::Direct)
            .all(|q| q.speaker.is_some()));
    }
}
