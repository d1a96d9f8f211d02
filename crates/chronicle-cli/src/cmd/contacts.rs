//! `chronicle contacts`: who met whom, when, with sources; CSV and GraphML
//! exports of the contact graph.

use std::fmt::Write as _;
use std::path::Path;
use std::process::ExitCode;

pub struct Args<'a> {
    pub entity: Option<&'a str>,
    pub csv: bool,
    pub graphml: bool,
    pub json: bool,
    pub limit: usize,
}

pub fn run(store: &Path, args: &Args<'_>) -> anyhow::Result<ExitCode> {
    if [args.csv, args.graphml, args.json]
        .iter()
        .filter(|b| **b)
        .count()
        > 1
    {
        anyhow::bail!("choose one of --csv, --graphml and --json");
    }
    let st = super::timeline::open(store)?;
    let mut out = String::new();
    let contacts = chronicle_query::contacts(&st, args.entity, args.limit)?;
    if args.json {
        writeln!(out, "{}", serde_json::to_string(&contacts)?)?;
    } else if args.csv {
        write!(out, "{}", chronicle_query::contacts_csv(&contacts))?;
    } else if args.graphml {
        write!(out, "{}", chronicle_query::contacts_graphml(&contacts))?;
    } else {
        for c in &contacts {
            writeln!(
                out,
                "{:<10}  {}  [{}]",
                c.date,
                c.participants.join(" — "),
                c.sources.join(", ")
            )?;
        }
        if contacts.is_empty() {
            eprintln!("no contacts");
        }
    }
    super::timeline::emit(&out)
}
