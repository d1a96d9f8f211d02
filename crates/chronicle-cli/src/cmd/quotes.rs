//! `chronicle quotes`: attributed statements, by speaker or all.

use std::fmt::Write as _;
use std::path::Path;
use std::process::ExitCode;

pub struct Args<'a> {
    pub speaker: Option<&'a str>,
    pub from: Option<&'a str>,
    pub to: Option<&'a str>,
    pub limit: usize,
    pub json: bool,
}

pub fn run(store: &Path, args: &Args<'_>) -> anyhow::Result<ExitCode> {
    let dates = super::timeline::date_filter(args.from, args.to)?;
    let st = super::timeline::open(store)?;
    let mut out = String::new();
    let quotes = chronicle_query::quotes(&st, args.speaker, &dates, args.limit)?;
    if args.json {
        writeln!(out, "{}", serde_json::to_string(&quotes)?)?;
        return super::timeline::emit(&out);
    }
    for q in &quotes {
        writeln!(
            out,
            "{}  {}: \u{201c}{}\u{201d}",
            q.date,
            q.speaker,
            q.text.trim()
        )?;
        writeln!(out, "            [{}]", q.sources.join(", "))?;
    }
    if quotes.is_empty() {
        eprintln!("no quotes");
    }
    super::timeline::emit(&out)
}
