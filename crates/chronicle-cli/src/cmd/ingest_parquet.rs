//! `chronicle ingest --from parquet`: fill the store from annotated Parquet
//! (written by `annotate --to parquet`, the Python package or Spark)
//! without annotating again. Each Parquet batch becomes one store
//! transaction; rows with `error` set, or whose layers do not fit their
//! text, are reported and counted as rejected.

use std::path::Path;
use std::process::ExitCode;

use anyhow::Context;
use chronicle_model::Doc;
use chronicle_store::{BatchReport, Outcome, Writer};

use crate::cli::InputArgs;

pub fn run(store: &Path, input: &InputArgs, replace: bool) -> anyhow::Result<ExitCode> {
    if input.dct.is_some() {
        anyhow::bail!("--dct does not apply to --from parquet: the rows carry their dates");
    }
    // Whoever annotated the rows, it was not this pipeline: `reannotate`
    // treats them as older.
    let annotator = chronicle_annotate::loaded_annotator_id("Parquet");
    let mut writer = Writer::open(store, &annotator)
        .with_context(|| format!("opening the store {}", store.display()))?;
    let started = std::time::Instant::now();
    let mut report = BatchReport::default();
    let mut read_rejected = 0u64;
    let mut stop = false;
    'paths: for path in &input.paths {
        let batches = match chronicle_arrow::read_parquet(path) {
            Ok(b) => b,
            Err(e) => {
                eprintln!("error: {e}");
                read_rejected += 1;
                if input.strict {
                    stop = true;
                    break;
                }
                continue;
            }
        };
        let mut row = 0u64;
        for batch in batches {
            let docs = match batch.and_then(|b| {
                chronicle_arrow::batch_to_docs(&b).map_err(chronicle_arrow::Error::from)
            }) {
                Ok(docs) => docs,
                Err(e) => {
                    // A file we cannot read as the schema: one rejection, next file.
                    eprintln!("error: {}: {e}", path.display());
                    read_rejected += 1;
                    if input.strict {
                        stop = true;
                        break 'paths;
                    }
                    continue 'paths;
                }
            };
            let mut good: Vec<Doc> = Vec::with_capacity(docs.len());
            for doc in docs {
                row += 1;
                match doc {
                    Ok(mut doc) => {
                        doc.meta.origin = Some(format!("{}:row {row}", path.display()));
                        good.push(doc);
                    }
                    Err(bad) => {
                        read_rejected += 1;
                        eprintln!(
                            "error: {}: row {row} (id `{}`): {}",
                            path.display(),
                            bad.id,
                            bad.error
                        );
                        if input.strict {
                            stop = true;
                        }
                    }
                }
                if stop {
                    break;
                }
            }
            let outcomes = writer.write_batch(&good, replace)?;
            for (doc, outcome) in good.iter().zip(&outcomes) {
                report.count(outcome);
                if let Outcome::Rejected { reason } = outcome {
                    let origin = doc.meta.origin.as_deref().unwrap_or(&doc.id);
                    eprintln!("error: {origin}: {reason}");
                    stop |= input.strict;
                }
            }
            if stop {
                break 'paths;
            }
        }
    }
    writer.finish()?;
    if let Err(e) = chronicle_store::kb::refresh(store) {
        eprintln!("warning: updating the entity index: {e}");
    }
    let rejected = report.rejected + read_rejected;
    let loaded = report.ingested + report.duplicates + rejected;
    let secs = started.elapsed().as_secs_f64().max(1e-9);
    eprintln!(
        "read {loaded} rows in {secs:.1} s ({:.0} rows/s)",
        loaded as f64 / secs
    );
    println!(
        "ingested {}, duplicates {}, rejected {}",
        report.ingested, report.duplicates, rejected
    );
    Ok(if rejected > 0 || stop {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
