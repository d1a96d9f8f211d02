//! Prints the quotes and events found in a text file (no NER, real segmenter
//! and timex tagger): `cargo run -p chronicle-quotes --example show -- FILE [YYYY-MM-DD]`.

use chronicle_model::{Doc, Stage};

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: show FILE [DATE]");
        std::process::exit(2);
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("error: {e}");
            std::process::exit(1);
        }
    };
    let date = args.next().and_then(|d| d.parse().ok());
    let mut doc = Doc::new("show", date, text);
    chronicle_text::Segmenter.annotate(&mut doc);
    chronicle_timex::TimexTagger::new().annotate(&mut doc);
    chronicle_quotes::AttributionStage.annotate(&mut doc);
    for q in &doc.quotes {
        let sp = q.speaker_span.map(|s| doc.text[s].to_string());
        let parts: Vec<String> = q
            .parts
            .iter()
            .map(|p| format!("{}..{}", p.start, p.end))
            .collect();
        let t: String = doc.text[q.span].chars().take(70).collect();
        println!(
            "{} {:?} {:?} [{:?}] {} {:?}",
            parts.join(";"),
            q.kind,
            q.speaker,
            sp,
            q.cue,
            t.replace('\n', " ")
        );
    }
    for e in &doc.events {
        println!(
            "EVENT {} {:?} {:?} {:?} neg={}",
            e.kind, e.trigger, e.participants, e.date, e.negated
        );
    }
}
