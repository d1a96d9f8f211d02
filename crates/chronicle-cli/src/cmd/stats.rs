//! `chronicle stats`: counts of documents and annotations in the store.

use std::fmt::Write as _;
use std::path::Path;
use std::process::ExitCode;

use anyhow::Context;
use chronicle_store::Store;
use serde_json::json;

pub fn run(store: &Path, json: bool) -> anyhow::Result<ExitCode> {
    let st =
        Store::open(store).with_context(|| format!("opening the store {}", store.display()))?;
    let s = st.stats()?;
    // Which annotator version annotated how many documents (`reannotate` updates the rest).
    let annotators = st.annotators()?;
    let mut out = String::new();
    if json {
        let by_label: serde_json::Map<String, serde_json::Value> = s
            .entities_by_label
            .iter()
            .map(|(l, n)| (l.clone(), json!(n)))
            .collect();
        let value = json!({
            "store": store.display().to_string(),
            "format_version": s.format_version,
            "docs": s.docs,
            "unindexed": s.unindexed,
            "first_date": s.first_date,
            "last_date": s.last_date,
            "sentences": s.sentences,
            "paragraphs": s.paragraphs,
            "entities": s.entities,
            "distinct_entities": s.distinct_entities,
            "entities_by_label": by_label,
            "timexes": s.timexes,
            "quotes": s.quotes,
            "events": s.events,
            "annotators": annotators
                .iter()
                .map(|(a, n)| json!({"annotator": a, "docs": n}))
                .collect::<Vec<_>>(),
        });
        writeln!(out, "{value}")?;
    } else {
        writeln!(
            out,
            "store       {} (format {})",
            store.display(),
            s.format_version
        )?;
        writeln!(out, "documents   {}", s.docs)?;
        if let (Some(a), Some(b)) = (&s.first_date, &s.last_date) {
            writeln!(out, "dates       {a} .. {b}")?;
        }
        if s.unindexed > 0 {
            writeln!(
                out,
                "unindexed   {} (the next ingest indexes them)",
                s.unindexed
            )?;
        }
        writeln!(out, "sentences   {}", s.sentences)?;
        writeln!(out, "paragraphs  {}", s.paragraphs)?;
        writeln!(
            out,
            "entities    {} ({} distinct names)",
            s.entities, s.distinct_entities
        )?;
        for (label, n) in &s.entities_by_label {
            writeln!(out, "  {label:<9} {n}")?;
        }
        writeln!(out, "timexes     {}", s.timexes)?;
        writeln!(out, "quotes      {}", s.quotes)?;
        writeln!(out, "events      {}", s.events)?;
        writeln!(out, "annotators")?;
        for (a, n) in &annotators {
            writeln!(out, "  {n:>9}  {a}")?;
        }
    }
    super::search::emit(&out)?;
    Ok(ExitCode::SUCCESS)
}
