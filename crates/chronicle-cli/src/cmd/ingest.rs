//! `chronicle ingest`: read → annotate (in parallel) → store, in batches.
//!
//! Reading and annotating run on the calling thread (annotation fanned out
//! over rayon's pool); a writer thread stores finished batches, so disk
//! work overlaps annotation. A bounded channel keeps at most a few batches
//! in memory whatever the input size.

use std::ops::ControlFlow;
use std::path::Path;
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::mpsc;

use anyhow::Context;
use chronicle_annotate::Layers;
use chronicle_model::Doc;
use chronicle_store::{BatchReport, Outcome, Writer};
use rayon::prelude::*;

use crate::cli::InputArgs;

/// Documents annotated and stored together (one SQLite transaction).
const BATCH: usize = 256;

pub fn run(store: &Path, input: &InputArgs, replace: bool) -> anyhow::Result<ExitCode> {
    let options = super::annotate::read_options(input)?;
    let pipeline = chronicle_annotate::pipeline(Layers::ALL).context("building the pipeline")?;
    let annotator = format!(
        "chronicle {} ({})",
        env!("CARGO_PKG_VERSION"),
        pipeline.stage_names().join("+")
    );
    let mut writer = Writer::open(store, &annotator)
        .with_context(|| format!("opening the store {}", store.display()))?;
    let strict = input.strict;
    let stop = AtomicBool::new(false);
    let read_rejected = AtomicU64::new(0);
    let bar = crate::progress::counter("ingesting");

    let (tx, rx) = mpsc::sync_channel::<Vec<Doc>>(2);
    let report = std::thread::scope(|scope| -> anyhow::Result<BatchReport> {
        let stop = &stop;
        let bar = &bar;
        let writer_thread = scope.spawn(move || -> anyhow::Result<BatchReport> {
            let mut report = BatchReport::default();
            for batch in rx {
                let outcomes = writer.write_batch(&batch, replace)?;
                for (doc, outcome) in batch.iter().zip(&outcomes) {
                    report.count(outcome);
                    if let Outcome::Rejected { reason } = outcome {
                        let origin = doc.meta.origin.as_deref().unwrap_or(&doc.id);
                        bar.suspend(|| eprintln!("error: {origin}: {reason}"));
                        if strict {
                            stop.store(true, Ordering::SeqCst);
                        }
                    }
                }
                bar.inc(batch.len() as u64);
                if stop.load(Ordering::SeqCst) {
                    break;
                }
            }
            Ok(report)
        });

        let mut batch: Vec<Doc> = Vec::with_capacity(BATCH);
        let mut send = |mut docs: Vec<Doc>| -> bool {
            docs.par_iter_mut().for_each(|doc| pipeline.annotate(doc));
            tx.send(docs).is_ok()
        };
        let _ = chronicle_ingest::read_paths(&input.paths, &options, &mut |record| {
            if stop.load(Ordering::SeqCst) {
                return ControlFlow::Break(());
            }
            match record {
                Ok(doc) => {
                    batch.push(doc);
                    if batch.len() >= BATCH && !send(std::mem::replace(&mut batch, Vec::with_capacity(BATCH))) {
                        return ControlFlow::Break(());
                    }
                }
                Err(err) => {
                    read_rejected.fetch_add(1, Ordering::SeqCst);
                    bar.suspend(|| eprintln!("error: {err}"));
                    if strict {
                        stop.store(true, Ordering::SeqCst);
                        return ControlFlow::Break(());
                    }
                }
            }
            ControlFlow::Continue(())
        });
        // With --strict, the documents read before the bad record still land.
        if !batch.is_empty() {
            send(std::mem::take(&mut batch));
        }
        drop(send);
        drop(tx);
        writer_thread
            .join()
            .map_err(|_| anyhow::anyhow!("the store writer thread panicked"))?
    })?;
    bar.finish_and_clear();

    let rejected = report.rejected + read_rejected.load(Ordering::SeqCst);
    println!(
        "ingested {}, duplicates {}, rejected {}",
        report.ingested, report.duplicates, rejected
    );
    Ok(if rejected > 0 || stop.load(Ordering::SeqCst) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
