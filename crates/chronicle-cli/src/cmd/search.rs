//! `chronicle search`: BM25 full-text search with an optional date range.

use std::fmt::Write as _;
use std::io::Write as _;
use std::path::Path;
use std::process::ExitCode;

use anyhow::Context;
use chronicle_store::{SearchQuery, Store};
use serde_json::json;

pub struct Args<'a> {
    pub query: &'a str,
    pub from: Option<&'a str>,
    pub to: Option<&'a str>,
    pub limit: usize,
    pub json: bool,
}

pub fn run(store: &Path, args: &Args<'_>) -> anyhow::Result<ExitCode> {
    let from = args
        .from
        .map(|d| super::parse_date("--from", d))
        .transpose()?;
    let to = args.to.map(|d| super::parse_date("--to", d)).transpose()?;
    let st =
        Store::open(store).with_context(|| format!("opening the store {}", store.display()))?;
    let hits = st.search(&SearchQuery {
        text: args.query.to_string(),
        from,
        to,
        limit: args.limit,
    })?;
    let mut out = String::new();
    if args.json {
        let mut items = Vec::with_capacity(hits.len());
        for h in &hits {
            // Cite the source: url and publisher as stored.
            let doc = st.document_summary(&h.id)?;
            let (url, publisher) = doc.map_or((None, None), |d| (d.url, d.source));
            items.push(json!({"id": h.id, "date": h.date, "title": h.title, "url": url, "publisher": publisher, "snippet": h.snippet, "score": h.score}));
        }
        let _ = writeln!(out, "{}", serde_json::Value::Array(items));
    } else {
        for h in &hits {
            let date = h.date.as_deref().unwrap_or("----------");
            match &h.title {
                Some(t) => writeln!(out, "{:7.3}  {date}  {}  {t}", h.score, h.id),
                None => writeln!(out, "{:7.3}  {date}  {}", h.score, h.id),
            }?;
            writeln!(out, "         {}", h.snippet)?;
        }
        if hits.is_empty() {
            eprintln!("no matches");
        }
    }
    emit(&out)?;
    Ok(ExitCode::SUCCESS)
}

/// Writes a command's output to stdout; a closed pipe (`| head`) is not an error.
pub(super) fn emit(out: &str) -> anyhow::Result<()> {
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(out.as_bytes())
        .and_then(|_| stdout.flush())
    {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(e.into()),
        _ => Ok(()),
    }
}
