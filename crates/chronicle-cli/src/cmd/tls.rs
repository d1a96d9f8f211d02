use std::io::Write as _;
use std::path::Path;
use std::process::ExitCode;

use anyhow::Context;

use super::parse_date;

/// `chronicle tls`: summarises one article collection into a timeline in the
/// gold text format. Bad records are reported and skipped (exit 1).
pub fn run(
    articles: &Path,
    start: &str,
    end: &str,
    dates: usize,
    sentences: usize,
    out: Option<&Path>,
) -> anyhow::Result<ExitCode> {
    let start = parse_date("--start", start)?;
    let end = parse_date("--end", end)?;
    if start > end {
        anyhow::bail!("--start {start} is after --end {end}");
    }
    let (collection, bad) = chronicle_tls::read_articles(articles)?;
    for w in &bad {
        eprintln!("warning: {w}");
    }
    let params = chronicle_tls::Params {
        start,
        end,
        dates,
        sentences,
    };
    let (timeline, stats) =
        chronicle_tls::summarize(&collection, &params, &chronicle_tls::Config::default());
    eprintln!(
        "tls: {} articles read, {} outside the range, {} empty, {} duplicates, {} used; {} dates",
        stats.articles,
        stats.outside,
        stats.empty,
        stats.duplicates,
        stats.used,
        timeline.len()
    );
    let text = timeline.to_text();
    match out {
        Some(path) => std::fs::write(path, text).with_context(|| format!("{}", path.display()))?,
        None => std::io::stdout().lock().write_all(text.as_bytes())?,
    }
    Ok(if bad.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}
