//! `chronicle show`: one stored document with its annotations.

use std::fmt::Write as _;
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
    let out = if json {
        output::json::doc_line(&doc)
    } else {
        render(&doc)?
    };
    super::search::emit(&out)?;
    Ok(ExitCode::SUCCESS)
}

fn render(doc: &Doc) -> Result<String, std::fmt::Error> {
    let mut out = String::new();
    writeln!(out, "id:     {}", doc.id)?;
    writeln!(
        out,
        "date:   {}",
        doc.date.map_or("-".to_string(), |d| d.to_string())
    )?;
    if let Some(t) = &doc.title {
        writeln!(out, "title:  {t}")?;
    }
    if let Some(u) = &doc.meta.url {
        writeln!(out, "url:    {u}")?;
    }
    if let Some(s) = &doc.meta.source {
        writeln!(out, "source: {s}")?;
    }
    writeln!(out)?;
    writeln!(out, "{}", doc.text.trim_end())?;
    writeln!(out)?;
    writeln!(
        out,
        "{} sentences, {} entities, {} timexes, {} quotes, {} events",
        doc.sentences.len(),
        doc.entities.len(),
        doc.timexes.len(),
        doc.quotes.len(),
        doc.events.len()
    )?;
    if !doc.entities.is_empty() {
        writeln!(out, "\nentities:")?;
        for e in &doc.entities {
            writeln!(
                out,
                "  {:<4} {} → {}",
                e.label.as_str(),
                doc.slice(e.span),
                e.canonical
            )?;
        }
    }
    if !doc.timexes.is_empty() {
        writeln!(out, "\ntimexes:")?;
        for t in &doc.timexes {
            writeln!(
                out,
                "  {:<8} {} → {}",
                t.kind.as_str(),
                doc.slice(t.span),
                t.value
            )?;
        }
    }
    if !doc.quotes.is_empty() {
        writeln!(out, "\nquotes:")?;
        for q in &doc.quotes {
            writeln!(
                out,
                "  [{}] {}: “{}” ({})",
                q.kind.as_str(),
                q.speaker.as_deref().unwrap_or("?"),
                doc.slice(q.span),
                q.cue
            )?;
        }
    }
    if !doc.events.is_empty() {
        writeln!(out, "\nevents:")?;
        for e in &doc.events {
            writeln!(
                out,
                "  {} `{}` {} {}{}",
                e.kind,
                e.trigger,
                e.participants.join(", "),
                e.date.as_deref().unwrap_or("-"),
                if e.negated { " (negated)" } else { "" }
            )?;
        }
    }
    Ok(out)
}
