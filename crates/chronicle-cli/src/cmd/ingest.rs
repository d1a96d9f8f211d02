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
use chronicle_store::{BatchReport, Outcome, Store, Writer};
use rayon::prelude::*;

use crate::cli::InputArgs;

/// Documents annotated and stored together (one SQLite transaction).
const BATCH: usize = 256;

pub fn run(store: &Path, input: &InputArgs, replace: bool) -> anyhow::Result<ExitCode> {
    let options = super::annotate::read_options(input)?;
    let pipeline = chronicle_annotate::pipeline(Layers::ALL).context("building the pipeline")?;
    let annotator = chronicle_annotate::annotator_id(&pipeline);
    let mut writer = Writer::open(store, &annotator)
        .with_context(|| format!("opening the store {}", store.display()))?;
    // A read view to skip stored documents before annotating them, so a
    // re-run (or a run after a kill) only pays for what is new.
    let seen =
        Store::open(store).with_context(|| format!("opening the store {}", store.display()))?;
    let mut known_duplicates = 0u64;
    let strict = input.strict;
    let stop = AtomicBool::new(false);
    let read_rejected = AtomicU64::new(0);
    let bar = crate::progress::counter("ingesting");
    let tokens = AtomicU64::new(0);
    let started = std::time::Instant::now();

    let (tx, rx) = mpsc::sync_channel::<Vec<Doc>>(2);
    let (report, write_secs) = std::thread::scope(|scope| -> anyhow::Result<(BatchReport, f64)> {
        let stop = &stop;
        let bar = &bar;
        let writer_thread = scope.spawn(move || -> anyhow::Result<(BatchReport, f64)> {
            let mut report = BatchReport::default();
            let mut write_secs = 0.0f64;
            for batch in rx {
                let t = std::time::Instant::now();
                let outcomes = writer.write_batch(&batch, replace)?;
                write_secs += t.elapsed().as_secs_f64();
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
            let t = std::time::Instant::now();
            writer.finish()?;
            write_secs += t.elapsed().as_secs_f64();
            Ok((report, write_secs))
        });

        let mut batch: Vec<Doc> = Vec::with_capacity(BATCH);
        let tokens = &tokens;
        let send = |mut docs: Vec<Doc>| -> bool {
            docs.par_iter_mut().for_each(|doc| {
                pipeline.annotate(doc);
                tokens.fetch_add(doc.tokens.len() as u64, Ordering::Relaxed);
                // The store keeps no tokens; free them before the batch waits.
                doc.tokens = Vec::new();
            });
            tx.send(docs).is_ok()
        };
        let _ = chronicle_ingest::read_paths(&input.paths, &options, &mut |record| {
            if stop.load(Ordering::SeqCst) {
                return ControlFlow::Break(());
            }
            match record {
                Ok(doc) => {
                    // A failed look-up costs only time: the writer checks again.
                    if let Ok(Some(_)) = seen.find_duplicate(&doc.id, &doc.text) {
                        known_duplicates += 1;
                        bar.inc(1);
                        return ControlFlow::Continue(());
                    }
                    batch.push(doc);
                    if batch.len() >= BATCH
                        && !send(std::mem::replace(&mut batch, Vec::with_capacity(BATCH)))
                    {
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
        drop(tx);
        writer_thread
            .join()
            .map_err(|_| anyhow::anyhow!("the store writer thread panicked"))?
    })?;
    bar.finish_and_clear();
    // Cross-document entities (kb.rs); queries would otherwise refresh them
    // lazily. Incremental: only entities the new documents touch.
    let kb_started = std::time::Instant::now();
    let kb_secs = match chronicle_store::kb::refresh(store) {
        Ok(kb) => {
            for w in &kb.warnings {
                eprintln!("warning: {w} (line skipped)");
            }
            kb_started.elapsed().as_secs_f64()
        }
        Err(e) => {
            eprintln!("warning: updating the entity index: {e}");
            0.0
        }
    };

    let rejected = report.rejected + read_rejected.load(Ordering::SeqCst);
    let duplicates = report.duplicates + known_duplicates;
    let secs = started.elapsed().as_secs_f64();
    let annotated = report.ingested + report.duplicates + report.rejected;
    let tokens = tokens.load(Ordering::Relaxed);
    eprintln!(
        "annotated {annotated} documents, {tokens} tokens in {secs:.1} s ({:.0} docs/s, {:.0} tokens/s; store writes {write_secs:.1} s, overlapped; entity index {kb_secs:.1} s)",
        annotated as f64 / secs.max(1e-9),
        tokens as f64 / secs.max(1e-9)
    );
    println!(
        "ingested {}, duplicates {}, rejected {}",
        report.ingested, duplicates, rejected
    );
    Ok(if rejected > 0 || stop.load(Ordering::SeqCst) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
