//! After a command that changes the knowledge base (`ingest`, `delete`,
//! `reannotate`): precompute the entity timelines and conflicts it staled,
//! so that the next query is as fast as any other.

use std::path::Path;

use chronicle_store::Store;

/// Refreshes the KB of `store` and precomputes the answers that went
/// stale, with a progress bar on a terminal, and says how long it took.
/// A failure only costs speed (queries compute what is missing), so it is
/// a warning. Killed midway, the answers not yet stored stay stale: each
/// batch is stored only under the KB generation it was computed at.
pub fn run(store: &Path) {
    let started = std::time::Instant::now();
    let result = Store::open(store)
        .map_err(chronicle_query::QueryError::from)
        .and_then(|s| {
            let bar = crate::progress::bar("precomputing timelines");
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
