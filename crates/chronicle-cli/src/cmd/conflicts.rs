//! `chronicle conflicts`: denials set against reported contacts.

use std::path::Path;
use std::process::ExitCode;

pub fn run(store: &Path, entity: Option<&str>, json: bool) -> anyhow::Result<ExitCode> {
    let st = super::timeline::open(store)?;
    let conflicts = chronicle_query::conflicts(&st, entity)?;
    if json {
        println!("{}", serde_json::to_string(&conflicts)?);
        return Ok(ExitCode::SUCCESS);
    }
    for c in &conflicts {
        println!(
            "{} denied contact with {} ({}, {}):",
            c.speaker,
            c.statement.denied,
            c.statement.date.as_deref().unwrap_or("undated"),
            c.statement.doc
        );
        println!("    \u{201c}{}\u{201d}", c.statement.text);
        for e in &c.evidence {
            println!(
                "  but {} {}: {} ({})",
                e.date.as_deref().unwrap_or("undated"),
                e.kind,
                e.participants.join(" — "),
                e.doc
            );
        }
    }
    if conflicts.is_empty() {
        eprintln!("no conflicts");
    }
    Ok(ExitCode::SUCCESS)
}
