//! `chronicle conflicts`: denials set against reported contacts.

use std::fmt::Write as _;
use std::path::Path;
use std::process::ExitCode;

pub fn run(store: &Path, entity: Option<&str>, json: bool) -> anyhow::Result<ExitCode> {
    let st = super::timeline::open(store)?;
    let mut out = String::new();
    let conflicts = chronicle_query::conflicts(&st, entity)?;
    if json {
        writeln!(out, "{}", serde_json::to_string(&conflicts)?)?;
        return super::timeline::emit(&out);
    }
    for c in &conflicts {
        writeln!(
            out,
            "{} denied contact with {} ({}, {}):",
            c.speaker,
            c.statement.denied,
            c.statement.date.as_deref().unwrap_or("undated"),
            c.statement.doc
        )?;
        writeln!(out, "    \u{201c}{}\u{201d}", c.statement.text)?;
        for e in &c.evidence {
            writeln!(
                out,
                "  but {} {}: {} ({})",
                e.date.as_deref().unwrap_or("undated"),
                e.kind,
                e.participants.join(" — "),
                e.doc
            )?;
        }
    }
    if conflicts.is_empty() {
        eprintln!("no conflicts");
    }
    super::timeline::emit(&out)
}
