//! The annotation core as the bindings use it: one pipeline per process,
//! built on first use (loading the entity model takes ~100 ms); rayon pools
//! per thread count for the Arrow path; and the pipe of a Python batch,
//! whose worker threads annotate rows while the calling thread, which holds
//! the GIL, reads the input and builds the results.

use std::collections::VecDeque;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::mpsc::{self, Receiver, Sender};
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

/// The pool for `threads`: `None` for rayon's global pool (every core) when
/// `threads` is `None` or 0, else a pool of that many threads. Pools are kept
/// per size: a Spark task calls this once per batch, and one thread per task
/// is the usual setting there (Spark already runs a task per core).
fn pool(threads: Option<usize>) -> Result<Option<Arc<ThreadPool>>, EngineError> {
    static POOLS: Mutex<Vec<(usize, Arc<ThreadPool>)>> = Mutex::new(Vec::new());
    let n = match threads {
        None | Some(0) => return Ok(None),
        Some(n) => n,
    };
    let mut pools = POOLS
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    if let Some((_, pool)) = pools.iter().find(|(size, _)| *size == n) {
        return Ok(Some(Arc::clone(pool)));
    }
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(n)
        .thread_name(|i| format!("chronicle-{i}"))
        .build()
        .map_err(|e| EngineError::Threads(e.to_string()))?;
    let pool = Arc::new(pool);
    pools.push((n, Arc::clone(&pool)));
    Ok(Some(pool))
}

/// Runs `f` on the pool [`pool`] picks for `threads`.
///
/// # Errors
/// When a pool of the requested size cannot be built.
pub fn in_pool<T, F>(threads: Option<usize>, f: F) -> Result<T, EngineError>
where
    T: Send,
    F: FnOnce() -> T + Send,
{
    Ok(match pool(threads)? {
        Some(pool) => pool.install(f),
        None => f(),
    })
}

/// Rows per message between the calling thread and the workers: a message
/// a row woke a sleeping thread per row, and on a virtual machine those
/// wake-ups cost a tenth of the batch's extra CPU.
const ROWS_PER_MESSAGE: usize = 8;

type Chunk<T> = Vec<(usize, T)>;

/// The calling thread's end of a batch in flight: rows go to the batch's
/// worker threads, results come back tagged with the position they were
/// sent with, in the order they finish.
///
/// This is what lets `annotate_batch` build Python objects (which needs the
/// GIL, so one thread) while the workers annotate the rows still to come,
/// instead of after the whole batch: the serial part then overlaps the
/// parallel one, and the batch's wall time approaches its CPU time divided
/// by the cores.
pub struct Pipe<T> {
    rows: Option<Sender<Chunk<Row>>>,
    unsent: Chunk<Row>,
    results: Option<Receiver<Chunk<T>>>,
    ready: VecDeque<(usize, T)>,
}

/// The receiving end, handed to the wait of [`Pipe::next`] and given back.
pub type Results<T> = Receiver<Chunk<T>>;

impl<T: Send> Pipe<T> {
    /// Hands a row to the workers (in messages of a few rows: see [`Pipe::flush`]).
    pub fn send(&mut self, position: usize, row: Row) {
        self.unsent.push((position, row));
        if self.unsent.len() >= ROWS_PER_MESSAGE {
            self.flush();
        }
    }

    /// Sends the rows not yet sent; [`Pipe::next`] does it before it waits.
    pub fn flush(&mut self) {
        if self.unsent.is_empty() {
            return;
        }
        let chunk = std::mem::take(&mut self.unsent);
        if let Some(rows) = &self.rows {
            // The workers only hang up after `close`, or when they are gone.
            let _ = rows.send(chunk);
        }
    }

    /// No more rows: the workers stop once they have done those sent.
    pub fn close(&mut self) {
        self.flush();
        self.rows = None;
    }

    /// The next finished result; `None` when the workers are gone.
    ///
    /// When none is ready, `wait` does the blocking receive: it gets the
    /// receiving end by value (so that it can run where the pipe cannot be
    /// borrowed, e.g. with the GIL released) and gives it back with what it
    /// received.
    pub fn next<W>(&mut self, wait: W) -> Option<(usize, T)>
    where
        W: FnOnce(Results<T>) -> (Result<Chunk<T>, mpsc::RecvError>, Results<T>),
    {
        if self.ready.is_empty() {
            if let Ok(chunk) = self.results.as_ref()?.try_recv() {
                self.ready.extend(chunk);
            } else {
                self.flush();
                let (received, results) = wait(self.results.take()?);
                self.results = Some(results);
                self.ready.extend(received.ok()?);
            }
        }
        self.ready.pop_front()
    }
}

/// Runs `drive` on the calling thread with a [`Pipe`] into `threads` worker
/// threads (`None` or 0: one per core) that apply `f` to each row sent.
/// Returns what `drive` returns, after the workers have finished the rows
/// already sent.
///
/// The workers are threads of their own for the batch, not rayon's: they
/// block while they wait for rows, and a rayon thread blocked that way is
/// lost to everything else on its pool. With rayon's global pool, a
/// generator that itself called `annotate_arrow` (which runs on that pool)
/// while the batch's workers waited for its rows deadlocked.
///
/// # Errors
/// When the worker threads cannot be started.
pub fn pipelined<T, R, F, D>(threads: Option<usize>, f: F, drive: D) -> Result<R, EngineError>
where
    T: Send,
    F: Fn(Row) -> T + Sync,
    D: FnOnce(&mut Pipe<T>) -> R,
{
    let workers = match threads {
        None | Some(0) => std::thread::available_parallelism().map_or(1, |n| n.get()),
        Some(n) => n,
    };
    let (row_tx, row_rx) = mpsc::channel::<Chunk<Row>>();
    // One receiver shared by the workers: whoever holds the lock waits for
    // the next message, the others wait for the lock.
    let row_rx = Mutex::new(row_rx);
    let (result_tx, result_rx) = mpsc::channel::<Chunk<T>>();
    std::thread::scope(|scope| {
        for i in 0..workers {
            let (row_rx, result_tx, f) = (&row_rx, result_tx.clone(), &f);
            let worker = move || loop {
                let next = row_rx
                    .lock()
                    .unwrap_or_else(|poisoned| poisoned.into_inner())
                    .recv();
                let Ok(chunk) = next else {
                    return; // the caller closed the rows
                };
                let done = chunk
                    .into_iter()
                    .map(|(position, row)| (position, f(row)))
                    .collect();
                if result_tx.send(done).is_err() {
                    return; // the caller gave up on the batch
                }
            };
            let started = std::thread::Builder::new()
                .name(format!("chronicle-batch-{i}"))
                .spawn_scoped(scope, worker);
            if let Err(e) = started {
                // Dropping the rows' sender ends the workers already started.
                drop(row_tx);
                return Err(EngineError::Threads(e.to_string()));
            }
        }
        drop(result_tx);
        let mut pipe = Pipe {
            rows: Some(row_tx),
            unsent: Vec::new(),
            results: Some(result_rx),
            ready: VecDeque::new(),
        };
        let out = drive(&mut pipe);
        // Closing the rows ends the workers; the scope waits for them.
        drop(pipe);
        Ok(out)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rows::{row, Fields};

    /// `f` over every row, in order, on the pool [`in_pool`] picks.
    fn map_rows<T, F>(rows: Vec<Row>, threads: Option<usize>, f: F) -> Result<Vec<T>, EngineError>
    where
        T: Send,
        F: Fn(Row) -> T + Sync + Send,
    {
        use rayon::prelude::*;
        in_pool(threads, || rows.into_par_iter().map(f).collect())
    }

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

    fn text_row(i: usize) -> Row {
        row(
            Fields {
                id: i.to_string(),
                text: Some(format!("Barack Obama spoke in Ohio on day {i}.")),
                ..Fields::default()
            },
            None,
            1 << 20,
        )
    }

    #[test]
    fn pipelined_returns_every_result_with_its_position() {
        for threads in [None, Some(1), Some(3)] {
            let got = pipelined(
                threads,
                |r: Row| r.map(|d| d.id).unwrap_or_default(),
                |pipe| {
                    for i in 0..50 {
                        pipe.send(i, text_row(i));
                    }
                    pipe.close();
                    let mut got = Vec::new();
                    while let Some(done) = pipe.next(|results| (results.recv(), results)) {
                        got.push(done);
                    }
                    got
                },
            )
            .unwrap();
            let mut got = got;
            got.sort();
            let want: Vec<_> = (0..50).map(|i| (i, i.to_string())).collect();
            assert_eq!(got, want);
        }
    }

    #[test]
    fn pipelined_stops_when_the_caller_gives_up() {
        // The caller sends rows and returns without reading a result (as on a
        // Python error midway): the workers finish and the call returns.
        let out = pipelined(
            Some(2),
            |r: Row| r.is_ok(),
            |pipe| {
                for i in 0..20 {
                    pipe.send(i, text_row(i));
                }
                "gave up"
            },
        )
        .unwrap();
        assert_eq!(out, "gave up");
    }

    #[test]
    fn the_global_pool_stays_free_while_workers_wait_for_rows() {
        // Work on rayon's global pool from inside `drive`, while the workers
        // wait for rows (as a Python generator calling `annotate_arrow`
        // does). Workers that waited on the pool's own threads deadlocked
        // here; the sum runs on a thread of its own so that a regression
        // fails by timeout instead of hanging.
        let summed = pipelined(
            None,
            |r: Row| r.is_ok(),
            |pipe| {
                pipe.send(0, text_row(0));
                pipe.flush();
                let (tx, rx) = mpsc::channel();
                std::thread::spawn(move || {
                    use rayon::prelude::*;
                    let _ = tx.send((0..10_000u64).into_par_iter().sum::<u64>());
                });
                rx.recv_timeout(std::time::Duration::from_secs(60)).ok()
            },
        )
        .unwrap();
        assert_eq!(summed, Some(49_995_000));
    }
}
