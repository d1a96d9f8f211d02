//! One module per command.

pub mod annotate;
mod annotate_stream;
mod conflicts;
mod contacts;
mod delete;
mod entities;
mod eval;
mod export;
mod ingest;
mod ingest_parquet;
mod precompute;
mod quotes;
mod reannotate;
mod search;
mod serve;
mod show;
mod stats;
mod timeline;
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
            no_precompute,
        } => {
            let code = if input.from == Some(crate::cli::InputFormat::Parquet) {
                ingest_parquet::run(&store.store, &input, replace)?
            } else {
                ingest::run(&store.store, &input, replace)?
            };
            // After the ingest's summary: its figures are those of the
            // ingest alone.
            if !no_precompute {
                precompute::run(&store.store);
            }
            Ok(code)
        }
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
        Command::Timeline {
            store,
            entity,
            from,
            to,
            limit,
            summary,
            json,
        } => timeline::run(
            &store.store,
            &timeline::Args {
                entity: &entity,
                from: from.as_deref(),
                to: to.as_deref(),
                limit,
                summary,
                json,
            },
        ),
        Command::Quotes {
            store,
            speaker,
            from,
            to,
            limit,
            json,
        } => quotes::run(
            &store.store,
            &quotes::Args {
                speaker: speaker.as_deref(),
                from: from.as_deref(),
                to: to.as_deref(),
                limit,
                json,
            },
        ),
        Command::Entities {
            store,
            label,
            limit,
            json,
        } => entities::run(&store.store, label.as_deref(), limit, json),
        Command::Contacts {
            store,
            entity,
            csv,
            graphml,
            json,
            limit,
        } => contacts::run(
            &store.store,
            &contacts::Args {
                entity: entity.as_deref(),
                csv,
                graphml,
                json,
                limit,
            },
        ),
        Command::Conflicts {
            store,
            entity,
            json,
        } => conflicts::run(&store.store, entity.as_deref(), json),
        Command::Export {
            store,
            table,
            entity,
            format,
            out,
            from,
            to,
        } => export::run(
            &store.store,
            &export::Args {
                table,
                entity: entity.as_deref(),
                format,
                out: &out,
                from: from.as_deref(),
                to: to.as_deref(),
            },
        ),
        // Both change what the KB holds: the answers they stale are
        // precomputed so that the next query is warm.
        Command::Delete { store, ids } => {
            let code = delete::run(&store.store, &ids)?;
            precompute::run(&store.store);
            Ok(code)
        }
        Command::Reannotate { store, all } => {
            let code = reannotate::run(&store.store, all)?;
            precompute::run(&store.store);
            Ok(code)
        }
        Command::Serve {
            store,
            addr,
            read_only,
        } => serve::run(&store.store, &addr, read_only),
    }
}

/// Parses a `YYYY-MM-DD` command-line date.
pub fn parse_date(flag: &str, value: &str) -> anyhow::Result<chronicle_model::Date> {
    value
        .parse::<chronicle_model::Date>()
        .map_err(|e| anyhow::anyhow!("{flag}: `{value}` is not a date (YYYY-MM-DD): {e}"))
}
