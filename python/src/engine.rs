//! The annotation core as the bindings use it: one pipeline per process,
//! built on first use (loading the entity model takes ~100 ms), and a map over
//! rows that runs on rayon's threads without the GIL.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::{Arc, Mutex, OnceLock};

use chronicle_annotate::Layers;
use chronicle_model::Pipeline;
use rayon::ThreadPool;

use crate::rows::{Bad, Row};

/// Why the bindings cannot annotate at all (as opposed to a bad row).
#[derive(Debug, Clone, thiserror::Error)]
pub enum EngineError {
    #[error("building the annotation pipeline: {0}")]
    Pipeline(String),
    #[error("building a thread pool: {0}")]
    Threads(String),
}

static PIPELINE: OnceLock<Result<Pipeline, EngineError>> = OnceLock::new();

/// The process-wide pipeline.
///
/// # Errors
/// When the entity model cannot be loaded (then every later call fails the same way).
pub fn pipeline() -> Result<&'static Pipeline, EngineError> {
    PIPELINE
        .get_or_init(|| {
            chronicle_annotate::pipeline(Layers::ALL)
                .map_err(|e| EngineError::Pipeline(e.to_string()))
        })
        .as_ref()
        .map_err(Clone::clone)
}

/// Annotates one row; a panic inside a stage (a bug, never expected) turns
/// the row into a bad row instead of killing a Spark task.
pub fn annotate(pipeline: &Pipeline, row: Row) -> Row {
    let mut doc = row?;
    let id = doc.id.clone();
    let result = catch_unwind(AssertUnwindSafe(|| {
        pipeline.annotate(&mut doc);
        doc
    }));
    result.map_err(|_| Bad {
        id,
        date: None,
        text: String::new(),
        error: "internal error: annotation panicked".into(),
    })
}

/// Runs `f` on rayon's global pool (every core) when `threads` is `None` or
/// 0, else on a pool of `threads` threads. Pools are kept per size: a Spark
/// task calls this once per batch, and one thread per task is the usual
/// setting there (Spark already runs a task per core).
///
/// # Errors
/// When a pool of the requested size cannot be built.
pub fn in_pool<T, F>(threads: Option<usize>, f: F) -> Result<T, EngineError>
where
    T: Send,
    F: FnOnce() -> T + Send,
{
    static POOLS: Mutex<Vec<(usize, Arc<ThreadPool>)>> = Mutex::new(Vec::new());
    let n = match threads {
        None | Some(0) => return Ok(f()),
        Some(n) => n,
    };
    let pool = {
        let mut pools = POOLS
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        match pools.iter().find(|(size, _)| *size == n) {
            Some((_, pool)) => Arc::clone(pool),
            None => {
                let pool = rayon::ThreadPoolBuilder::new()
                    .num_threads(n)
                    .thread_name(|i| format!("chronicle-{i}"))
                    .build()
                    .map_err(|e| EngineError::Threads(e.to_string()))?;
                let pool = Arc::new(pool);
                pools.push((n, Arc::clone(&pool)));
                pool
            }
        }
    };
    Ok(pool.install(f))
}

/// `f` over every row, in order, on the pool [`in_pool`] picks.
///
/// # Errors
/// When a pool of the requested size cannot be built.
pub fn map_rows<T, F>(rows: Vec<Row>, threads: Option<usize>, f: F) -> Result<Vec<T>, EngineError>
where
    T: Send,
    F: Fn(Row) -> T + Sync + Send,
{
    use rayon::prelude::*;
    in_pool(threads, || rows.into_par_iter().map(f).collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rows::{row, Fields};

    #[test]
    fn annotates_in_order_on_any_pool() {
        let Ok(p) = pipeline() else {
            panic!("pipeline must build: the model ships with the crate")
        };
        let rows = || -> Vec<Row> {
            (0..6)
                .map(|i| {
                    row(
                        Fields {
                            id: i.to_string(),
                            text: Some(format!(
                                "Angela Merkel met Emmanuel Macron in Paris on day {i}."
                            )),
                            ..Fields::default()
                        },
                        None,
                        1 << 20,
                    )
                })
                .collect()
        };
        for threads in [None, Some(1), Some(2)] {
            let out = map_rows(rows(), threads, |r| annotate(p, r)).unwrap();
            let ids: Vec<_> = out.iter().map(|d| d.as_ref().unwrap().id.clone()).collect();
            assert_eq!(ids, ["0", "1", "2", "3", "4", "5"]);
            assert!(out.iter().all(|d| !d.as_ref().unwrap().entities.is_empty()));
        }
    }
}
