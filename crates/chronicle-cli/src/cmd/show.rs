//! `chronicle show`: one stored document with its annotations.

use std::path::Path;
use std::process::ExitCode;

use anyhow::Context;
use chronicle_model::Doc;
use chronicle_store::Store;

use crate::output;

pub fn run(store: &Path, id: &str, json: bool) -> anyhow::Result<ExitCode> {
    let st =
        Store::open(store).with_context(|| format!("opening the store {}", store.display()))?;
    let Some(doc) = st.get(id)? else {
        eprintln!("error: no document `{id}` in the store {}", store.display());
        return Ok(ExitCode::from(1));
    };
    if json {
        print!("{}", output::json::doc_line(&doc));
    } else {
        print_text(&doc);
    }
    Ok(ExitCode::SUCCESS)
}

fn print_text(doc: &Doc) {
    println!("id:     {}", doc.id);
    println!(
        "date:   {}",
        doc.date.map_or("-".to_string(), |d| d.to_string())
    );
    if let Some(t) = &doc.title {
        println!("title:  {t}");
    }
    if let Some(u) = &doc.meta.url {
        println!("url:    {u}");
    }
    if let Some(s) = &doc.meta.source {
        println!("source: {s}");
    }
    println!();
    println!("{}", doc.text.trim_end());
    println!();
    println!(
        "{} sentences, {} entities, {} timexes, {} quotes, {} events",
        doc.sentences.len(),
        doc.entities.len(),
        doc.timexes.len(),
        doc.quotes.len(),
        doc.events.len()
    );
    if !doc.entities.is_empty() {
        println!("\nentities:");
        for e in &doc.entities {
            println!(
                "  {:<4} {} → {}",
                e.label.as_str(),
                doc.slice(e.span),
                e.canonical
            );
        }
    }
    if !doc.timexes.is_empty() {
        println!("\ntimexes:");
        for t in &doc.timexes {
            println!(
                "  {:<8} {} → {}",
                t.kind.as_str(),
                doc.slice(t.span),
                t.value
            );
        }
    }
    if !doc.quotes.is_empty() {
        println!("\nquotes:");
        for q in &doc.quotes {
            println!(
                "  [{}] {}: “{}” ({})",
                q.kind.as_str(),
                q.speaker.as_deref().unwrap_or("?"),
                doc.slice(q.span),
                q.cue
            );
        }
    }
    if !doc.events.is_empty() {
        println!("\nevents:");
        for e in &doc.events {
            println!(
                "  {} `{}` {} {}{}",
                e.kind,
                e.trigger,
                e.participants.join(", "),
                e.date.as_deref().unwrap_or("-"),
                if e.negated { " (negated)" } else { "" }
            );
        }
    }
}
