//! `chronicle timeline`: an entity's dated events, statements and mentions.

use std::fmt::Write as _;
use std::path::Path;
use std::process::ExitCode;

use anyhow::Context;
use chronicle_query::{DateFilter, TimelineOptions};
use chronicle_store::Store;

pub struct Args<'a> {
    pub entity: &'a str,
    pub from: Option<&'a str>,
    pub to: Option<&'a str>,
    pub limit: usize,
    /// Only this many key dates.
    pub summary: Option<usize>,
    pub json: bool,
}

/// A `--from`/`--to` value: a TIMEX3 calendar date at any granularity.
pub fn date_filter(from: Option<&str>, to: Option<&str>) -> anyhow::Result<DateFilter> {
    for (flag, v) in [("--from", from), ("--to", to)] {
        if let Some(v) = v {
            if !chronicle_query::is_calendar_date(v) {
                anyhow::bail!("{flag}: `{v}` is not a date (YYYY, YYYY-MM or YYYY-MM-DD)");
            }
        }
    }
    Ok(DateFilter {
        from: from.map(str::to_string),
        to: to.map(str::to_string),
    })
}

/// Writes a command's output; a closed pipe (`| head`) is not an error.
pub fn emit(out: &str) -> anyhow::Result<ExitCode> {
    use std::io::Write as _;
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(out.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(e.into()),
        _ => Ok(ExitCode::SUCCESS),
    }
}

pub fn open(store: &Path) -> anyhow::Result<Store> {
    Store::open(store).with_context(|| format!("opening the store {}", store.display()))
}

/// One line of at most 160 characters.
fn one_line(text: &str) -> String {
    let text: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.chars().count() > 160 {
        text.chars().take(157).collect::<String>() + "..."
    } else {
        text
    }
}

fn run_summary(store: &Path, args: &Args<'_>, dates: usize) -> anyhow::Result<ExitCode> {
    let filter = date_filter(args.from, args.to)?;
    let st = open(store)?;
    let s = chronicle_query::timeline_summary(&st, args.entity, &filter, dates)?;
    let mut out = String::new();
    if args.json {
        writeln!(out, "{}", serde_json::to_string(&s)?)?;
        return emit(&out);
    }
    writeln!(
        out,
        "{} ({}), {} key dates",
        s.entity,
        s.label,
        s.items.len()
    )?;
    for i in &s.items {
        writeln!(out, "{:<10}  score {:.3}", i.date, i.score)?;
        for sent in &i.sentences {
            writeln!(out, "  - {}", one_line(&sent.text))?;
            writeln!(out, "    [{}]", sent.sources.join(", "))?;
        }
    }
    emit(&out)
}

pub fn run(store: &Path, args: &Args<'_>) -> anyhow::Result<ExitCode> {
    if let Some(l) = args.summary {
        return run_summary(store, args, l);
    }
    let opts = TimelineOptions {
        dates: date_filter(args.from, args.to)?,
        limit: args.limit,
    };
    let st = open(store)?;
    let mut out = String::new();
    let t = chronicle_query::timeline(&st, args.entity, &opts)?;
    if args.json {
        writeln!(out, "{}", serde_json::to_string(&t)?)?;
        return super::timeline::emit(&out);
    }
    writeln!(out, "{} ({}), {} items", t.entity, t.label, t.items.len())?;
    for i in &t.items {
        let text = one_line(&i.text);
        writeln!(out, "{:<10}  {:<8}  {text}", i.date, i.kind)?;
        writeln!(out, "{:<10}  {:<8}  [{}]", "", "", i.sources.join(", "))?;
    }
    super::timeline::emit(&out)
}
