//! `chronicle delete`: removes documents, their layers and their index
//! entries (crash-consistently, see `chronicle_store`), then refreshes the
//! knowledge base.

use std::path::Path;
use std::process::ExitCode;

use anyhow::Context;
use chronicle_store::Writer;

pub fn run(store: &Path, ids: &[String]) -> anyhow::Result<ExitCode> {
    super::reannotate::require_store(store)?;
    // Nothing is annotated here, so the writer's annotator name is never stored.
    let mut writer = Writer::open(store, "chronicle delete")
        .with_context(|| format!("opening the store {}", store.display()))?;
    let found = writer.delete(ids)?;
    let mut missing = 0u64;
    for (id, found) in ids.iter().zip(&found) {
        if !found {
            eprintln!("error: no document `{id}` in {}", store.display());
            missing += 1;
        }
    }
    let deleted = found.iter().filter(|f| **f).count();
    println!("deleted {deleted}, not found {missing}");
    Ok(if missing > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
