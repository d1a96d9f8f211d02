//! Hand-annotated documents for tests: layers set by hand, written with
//! the store's writer.

use chronicle_model::{Doc, Entity, EntityLabel, Event, Quote, QuoteKind, Span};
use chronicle_store::{Store, Writer};

/// `(kind, trigger as written, participants, date, negated)`.
pub type EventSpec<'a> = (&'a str, &'a str, &'a [&'a str], Option<&'a str>, bool);

pub struct DocSpec<'a> {
    pub id: &'a str,
    pub date: &'a str,
    /// One sentence a line.
    pub text: &'a str,
    /// `(mention as written, per-document canonical, label)`; every occurrence is marked.
    pub entities: &'a [(&'a str, &'a str, EntityLabel)],
    /// `(kind, trigger as written, participants, date, negated)`.
    pub events: &'a [EventSpec<'a>],
    /// `(content as written, speaker)`.
    pub quotes: &'a [(&'a str, &'a str)],
}

fn find(text: &str, what: &str) -> Span {
    let i = text
        .find(what)
        .unwrap_or_else(|| panic!("`{what}` not in test text"));
    Span::new(i, i + what.len())
}

pub fn build(spec: &DocSpec<'_>) -> Doc {
    let text = spec.text;
    let mut d = Doc::new(spec.id, spec.date.parse().ok(), text);
    d.meta.url = Some(format!("https://example.org/{}", spec.id));
    d.meta.source = Some("Example News".into());
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        d.sentences.push(Span::new(at, at + line.trim_end().len()));
        at += line.len();
    }
    for (mention, canonical, label) in spec.entities {
        let mut from = 0;
        while let Some(i) = text[from..].find(mention) {
            let s = from + i;
            d.entities.push(Entity {
                span: Span::new(s, s + mention.len()),
                label: *label,
                canonical: canonical.to_string(),
            });
            from = s + mention.len();
        }
    }
    d.entities.sort_by_key(|e| e.span.start);
    for (kind, trigger, participants, date, negated) in spec.events {
        d.events.push(Event {
            kind: kind.to_string(),
            trigger: trigger.to_string(),
            span: find(text, trigger),
            participants: participants.iter().map(|p| p.to_string()).collect(),
            date: date.map(str::to_string),
            negated: *negated,
        });
    }
    d.events.sort_by_key(|e| e.span.start);
    for (content, speaker) in spec.quotes {
        let span = find(text, content);
        d.quotes.push(Quote {
            span,
            parts: vec![span],
            kind: QuoteKind::Direct,
            speaker: Some(speaker.to_string()),
            speaker_span: None,
            cue: "said".into(),
            cue_span: None,
        });
    }
    d.quotes.sort_by_key(|q| q.span.start);
    d
}

pub fn store_of(specs: &[DocSpec<'_>]) -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().expect("temp dir");
    let docs: Vec<Doc> = specs.iter().map(build).collect();
    let mut w = Writer::open(dir.path(), "test").expect("writer");
    let out = w.write_batch(&docs, false).expect("batch");
    assert!(
        out.iter()
            .all(|o| matches!(o, chronicle_store::Outcome::Added)),
        "{out:?}"
    );
    drop(w);
    let store = Store::open(dir.path()).expect("store");
    (dir, store)
}

use EntityLabel::*;

/// The Sessions–Kislyak case: a January denial of "communications with the
/// Russians", two March reports of a July 2016 meeting with Russia's
/// ambassador; plus unrelated denials and contacts that must not conflict.
pub fn sessions_store() -> (tempfile::TempDir, Store) {
    store_of(&[
        DocSpec {
            id: "hearing-1",
            date: "2017-01-10",
            text: "Sen. Jeff Sessions testified on Tuesday.\n\
                   Sessions said: I did not have communications with the Russians.",
            entities: &[
                ("Sen. Jeff Sessions", "Jeff Sessions", Per),
                ("Sessions said", "Jeff Sessions", Per),
                ("Russians", "Russians", Misc),
            ],
            events: &[("denial", "did not have communications", &["Jeff Sessions", "the Russians"], Some("2017-01-10"), false)],
            quotes: &[("I did not have communications with the Russians.", "Jeff Sessions")],
        },
        DocSpec {
            id: "wapo-1",
            date: "2017-03-02",
            text: "Attorney General Jeff Sessions met Russian Ambassador Sergey Kislyak in July 2016.\n\
                   The meeting was not disclosed.",
            entities: &[
                ("Attorney General Jeff Sessions", "Jeff Sessions", Per),
                ("Sergey Kislyak", "Sergey Kislyak", Per),
            ],
            events: &[("contact", "met", &["Jeff Sessions", "Sergey Kislyak"], Some("2016-07"), false)],
            quotes: &[],
        },
        DocSpec {
            id: "nyt-1",
            date: "2017-03-02",
            text: "Jeff Sessions spoke with Russia's ambassador, Sergey Kislyak, in July 2016.\n\
                   Kislyak declined to comment.",
            entities: &[
                ("Jeff Sessions", "Jeff Sessions", Per),
                ("Russia", "Russia", Loc),
                ("Sergey Kislyak", "Sergey Kislyak", Per),
                ("Kislyak declined", "Sergey Kislyak", Per),
            ],
            events: &[("contact", "spoke with", &["Jeff Sessions", "Sergey Kislyak"], Some("2016-07"), false)],
            quotes: &[],
        },
        DocSpec {
            id: "other-1",
            date: "2017-04-01",
            text: "Donald Trump met German Chancellor Angela Merkel in March 2017.\n\
                   Trump denied meeting Chinese officials.\n\
                   Jane Doe said she never met Sergey Kislyak.\n\
                   Jane Doe met Kislyak's driver in 2018.",
            entities: &[
                ("Donald Trump", "Donald Trump", Per),
                ("Angela Merkel", "Angela Merkel", Per),
                ("Jane Doe", "Jane Doe", Per),
                ("Sergey Kislyak", "Sergey Kislyak", Per),
            ],
            events: &[
                ("contact", "met German", &["Donald Trump", "Angela Merkel"], Some("2017-03"), false),
                ("denial", "denied meeting", &["Donald Trump", "Chinese officials"], None, false),
                ("denial", "never met", &["Jane Doe", "Sergey Kislyak"], None, false),
                ("contact", "met Kislyak's", &["Jane Doe", "Kislyak's driver"], Some("2018"), false),
            ],
            quotes: &[],
        },
    ])
}
