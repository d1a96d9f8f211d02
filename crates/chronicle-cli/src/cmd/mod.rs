//! One module per command.

pub mod annotate;
mod eval;
mod ingest;
mod search;
mod show;
mod stats;
mod tls;
mod train;

use std::process::ExitCode;

use crate::cli::{Cli, Command};

pub fn run(args: Cli) -> anyhow::Result<ExitCode> {
    match args.command {
        Command::Annotate { input, to, out } => annotate::run(&input, to, out.as_deref()),
        Command::Eval(command) => eval::run(command),
        Command::Train(command) => train::run(command),
        Command::Tls {
            articles,
            start,
            end,
            dates,
            sentences,
            out,
        } => tls::run(&articles, &start, &end, dates, sentences, out.as_deref()),
        Command::Ingest {
            store,
            input,
            replace,
        } => ingest::run(&store.store, &input, replace),
        Command::Search {
            store,
            query,
            from,
            to,
            limit,
            json,
        } => search::run(
            &store.store,
            &search::Args {
                query: &query,
                from: from.as_deref(),
                to: to.as_deref(),
                limit,
                json,
            },
        ),
        Command::Show {
            store,
            doc_id,
            json,
        } => show::run(&store.store, &doc_id, json),
        Command::Stats { store, json } => stats::run(&store.store, json),
    }
}

/// Parses a `YYYY-MM-DD` command-line date.
pub fn parse_date(flag: &str, value: &str) -> anyhow::Result<chronicle_model::Date> {
    value
        .parse::<chronicle_model::Date>()
        .map_err(|e| anyhow::anyhow!("{flag}: `{value}` is not a date (YYYY-MM-DD): {e}"))
}
