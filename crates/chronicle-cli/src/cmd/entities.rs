//! `chronicle entities`: the knowledge base's entities, most mentioned first.

use std::fmt::Write as _;
use std::path::Path;
use std::process::ExitCode;

pub fn run(
    store: &Path,
    label: Option<&str>,
    limit: usize,
    json: bool,
) -> anyhow::Result<ExitCode> {
    let st = super::timeline::open(store)?;
    let mut out = String::new();
    let list = chronicle_query::entities(&st, label, limit)?;
    if json {
        writeln!(out, "{}", serde_json::to_string(&list)?)?;
        return super::timeline::emit(&out);
    }
    for e in &list {
        let aliases: Vec<String> = e
            .aliases
            .iter()
            .filter(|a| a.name != e.name)
            .take(4)
            .map(|a| format!("{} ({})", a.name, a.mentions))
            .collect();
        writeln!(
            out,
            "{:>6}  {:<4} {:>6}  {} .. {}  {}{}",
            e.id,
            e.label,
            e.mentions,
            e.first_seen.as_deref().unwrap_or("?"),
            e.last_seen.as_deref().unwrap_or("?"),
            e.name,
            if aliases.is_empty() {
                String::new()
            } else {
                format!("  aka {}", aliases.join(", "))
            }
        )?;
    }
    super::timeline::emit(&out)
}
