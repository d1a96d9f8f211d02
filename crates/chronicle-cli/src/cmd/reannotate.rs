//! `chronicle reannotate`: runs the current pipeline again over stored
//! documents that another annotator version annotated (or over all of
//! them) and replaces their layers, keeping text and metadata. The id
//! compared is [`chronicle_annotate::annotator_id`], which changes with the
//! models and rule tables, not only with the version number.
//!
//! Documents are read from the store in batches, annotated in parallel and
//! written back one transaction per batch, so a kill loses at most the
//! batch in flight: its documents keep their old layers and old version,
//! and the next run picks them up again.

use std::path::Path;
use std::process::ExitCode;

use anyhow::Context;
use chronicle_annotate::Layers;
use chronicle_model::Doc;
use chronicle_store::{BatchReport, Outcome, Store, Writer};
use rayon::prelude::*;

/// Documents annotated and written together.
const BATCH: usize = 256;
/// Re-annotated documents between full-text index commits.
const INDEX_EVERY: usize = 2000;

/// Fails unless `store` already holds a store (these commands change one;
/// they must not create an empty one by a typo).
pub fn require_store(store: &Path) -> anyhow::Result<()> {
    if store.join(chronicle_store::SQLITE_FILE).is_file() {
        Ok(())
    } else {
        anyhow::bail!("{}: no store there", store.display())
    }
}

pub fn run(store: &Path, all: bool) -> anyhow::Result<ExitCode> {
    require_store(store)?;
    let pipeline = chronicle_annotate::pipeline(Layers::ALL).context("building the pipeline")?;
    // Version, stages and a hash of their models and rules: documents of
    // any other id, older or newer, are annotated again.
    let annotator = chronicle_annotate::annotator_id(&pipeline);
    let mut writer = Writer::open(store, &annotator)
        .with_context(|| format!("opening the store {}", store.display()))?;
    let st =
        Store::open(store).with_context(|| format!("opening the store {}", store.display()))?;
    let ids = st.ids_annotated_otherwise((!all).then_some(annotator.as_str()))?;
    let bar = crate::progress::counter("re-annotating");
    let mut report = BatchReport::default();
    let mut since_commit = 0usize;
    for chunk in ids.chunks(BATCH) {
        let mut docs: Vec<Doc> = Vec::with_capacity(chunk.len());
        for id in chunk {
            // Deleted since the id list was read: nothing to do.
            if let Some(d) = st.get_unannotated(id)? {
                docs.push(d);
            }
        }
        docs.par_iter_mut().for_each(|d| {
            pipeline.annotate(d);
            d.tokens = Vec::new();
        });
        for (doc, outcome) in docs.iter().zip(writer.reannotate(&docs)?) {
            report.count(&outcome);
            if let Outcome::Rejected { reason } = &outcome {
                bar.suspend(|| eprintln!("error: {}: {reason}", doc.id));
            }
        }
        bar.inc(chunk.len() as u64);
        since_commit += docs.len();
        if since_commit >= INDEX_EVERY {
            writer.finish()?;
            since_commit = 0;
        }
    }
    writer.finish()?;
    bar.finish_and_clear();
    if let Err(e) = chronicle_store::kb::refresh(store) {
        eprintln!("warning: updating the entity index: {e}");
    }
    println!(
        "reannotated {}, rejected {} (annotator {annotator})",
        report.ingested, report.rejected
    );
    Ok(if report.rejected > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
