//! `chronicle ingest`: read → annotate (in parallel) → store, in batches.
//!
//! Reading and annotating run on the calling thread (annotation fanned out
//! over rayon's pool); a writer thread stores finished batches, so disk
//! work overlaps annotation. A bounded channel keeps at most a few batches
//! in memory whatever the input size. After the KB refresh the answers it
//! staled (entity timelines, conflicts) are precomputed, so that the first
//! query after an ingest is as fast as any other; bulk loads can skip that
//! and leave it to the queries or a later ingest.

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

pub fn run(
    store: &Path,
    input: &InputArgs,
    replace: bool,
    precompute: bool,
) -> anyhow::Result<ExitCode> {
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
    // After the summary: its figures are those of the ingest alone.
    if precompute {
        precompute_answers(store);
    }
    Ok(if rejected > 0 || stop.load(Ordering::SeqCst) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Refreshes the KB of `store` and precomputes the answers that went
/// stale, with a progress bar on a terminal, and says how long it took.
/// A failure only costs speed (queries compute what is missing), so it is
/// a warning. Killed midway, the answers not yet stored stay stale: each
/// batch is stored only under the KB generation it was computed at.
pub fn precompute_answers(store: &Path) {
    let started = std::time::Instant::now();
    let result = Store::open(store)
        .map_err(chronicle_query::QueryError::from)
        .and_then(|s| {
            let bar = bar("precomputing timelines");
            let report = chronicle_query::precompute_with(&s, &mut |done, total| {
                bar.set_length(total as u64);
                bar.set_position(done as u64);
            });
            bar.finish_and_clear();
            report
        });
    let secs = started.elapsed().as_secs_f64();
    match result {
        Ok(r) if r.timelines > 0 || r.conflicts => eprintln!(
            "precomputed {} timelines{} in {secs:.1} s",
            r.timelines,
            if r.conflicts {
                " and the conflicts"
            } else {
                ""
            }
        ),
        Ok(_) => {}
        Err(e) => eprintln!("warning: precomputing answers: {e}"),
    }
}

/// A progress bar with a count on stderr when it is a terminal.
fn bar(what: &str) -> indicatif::ProgressBar {
    use std::io::IsTerminal;
    if !std::io::stderr().is_terminal() {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::new(0);
    let style =
        indicatif::ProgressStyle::with_template("{prefix} {bar:30} {pos}/{len} [{elapsed}]")
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar());
    bar.set_style(style);
    bar.set_prefix(what.to_string());
    bar
}
