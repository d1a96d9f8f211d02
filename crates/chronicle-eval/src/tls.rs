//! The TLS scorer: every gold timeline of a Timeline17-style folder is one
//! task; the summariser and the metrics are `chronicle-tls`'s.

use std::path::Path;

use chronicle_tls::{tasks, Config};

/// Runs and scores every task under `path`; returns the report to print.
/// Warnings (skipped malformed gold blocks, bad article lines) go to stderr.
///
/// # Errors
/// When the articles or the timelines cannot be read.
pub fn run(path: &Path) -> crate::Result<String> {
    let ds = tasks::load(path).map_err(|e| crate::EvalError::Data {
        path: path.display().to_string(),
        message: e.to_string(),
    })?;
    for w in &ds.warnings {
        eprintln!("warning: {w}");
    }
    if ds.tasks.is_empty() {
        return Err(crate::EvalError::Data {
            path: path.display().to_string(),
            message: "no gold timelines under timelines/".into(),
        });
    }
    let config = Config::default();
    let outcomes: Vec<_> = ds
        .tasks
        .iter()
        .map(|t| tasks::run(t, &ds.articles, &config))
        .collect();
    Ok(tasks::report(&outcomes))
}
