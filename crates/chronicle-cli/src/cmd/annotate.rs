//! `chronicle annotate`: read → annotate → print, without a store.
//!
//! Files are annotated in chunks fanned out over rayon's pool and printed in
//! input order, so the command uses every core and its throughput is the
//! baseline the Python and Spark front ends are measured against.
//! `--from jsonl -` is the streaming mode for `RDD.pipe` and other
//! line-oriented callers: one output line per input line (a bad line gives a
//! line with `error`), flushed as soon as it is ready, one line in memory at
//! a time (see `annotate_stream.rs`).

use std::ops::ControlFlow;
use std::path::Path;
use std::process::ExitCode;
use std::sync::atomic::{AtomicU64, Ordering};

use anyhow::{bail, Context};
use chronicle_annotate::Layers;
use chronicle_arrow::ParquetSink;
use chronicle_ingest::{Format, ReadOptions};
use chronicle_model::{Doc, Pipeline};
use rayon::prelude::*;

use crate::cli::{InputArgs, InputFormat, OutputFormat};
use crate::output;

/// Documents annotated together: enough to keep every core busy, few
/// enough that memory stays small; also the Parquet batch (row group unit).
const CHUNK: usize = 1024;

pub fn read_options(input: &InputArgs) -> anyhow::Result<ReadOptions> {
    let format = match input.from {
        None => None,
        Some(InputFormat::News) => Some(Format::News),
        Some(InputFormat::Text) => Some(Format::Text),
        Some(InputFormat::Jsonl) => Some(Format::Jsonl),
        Some(InputFormat::Timeml) => Some(Format::Timeml),
        Some(InputFormat::Conll) => Some(Format::Conll),
        Some(InputFormat::Parquet) => {
            bail!("--from parquet holds annotated documents: load it with `chronicle ingest --from parquet`")
        }
    };
    let dct = input
        .dct
        .as_deref()
        .map(|d| super::parse_date("--dct", d))
        .transpose()?;
    Ok(ReadOptions { format, dct })
}

/// Where annotated chunks go.
enum Out<'a> {
    Json(std::io::BufWriter<std::io::StdoutLock<'a>>),
    // Boxed: the writer state is large and there is one sink per run.
    Parquet(Box<ParquetSink>),
}

impl Out<'_> {
    fn write(&mut self, docs: Vec<Doc>) -> anyhow::Result<()> {
        match self {
            Out::Json(w) => {
                use std::io::Write;
                // Serialising is real work too: spread it over the cores.
                let lines: Vec<String> = docs.par_iter().map(output::json::doc_line).collect();
                for line in lines {
                    w.write_all(line.as_bytes())?;
                }
                w.flush()?;
            }
            Out::Parquet(sink) => {
                let rows: Vec<chronicle_arrow::DocResult> = docs.into_iter().map(Ok).collect();
                sink.write(&chronicle_arrow::docs_to_batch(&rows)?)?;
            }
        }
        Ok(())
    }

    fn finish(self) -> anyhow::Result<()> {
        match self {
            Out::Json(mut w) => {
                use std::io::Write;
                w.flush()?;
            }
            Out::Parquet(sink) => sink.finish()?,
        }
        Ok(())
    }
}

pub fn run(input: &InputArgs, to: OutputFormat, out: Option<&Path>) -> anyhow::Result<ExitCode> {
    match to {
        OutputFormat::Json | OutputFormat::Parquet => {}
        OutputFormat::Timeml => return output::timeml::run(input, out),
        OutputFormat::Conll => return output::conll::run(input, out),
    }
    let options = read_options(input)?;
    let pipeline = chronicle_annotate::pipeline(Layers::ALL).context("building the pipeline")?;
    let streaming = input.from == Some(InputFormat::Jsonl)
        && input.paths.len() == 1
        && input.paths[0].as_os_str() == "-";
    let stdout = std::io::stdout();
    let sink = match (to, out) {
        (OutputFormat::Parquet, Some(path)) => Out::Parquet(Box::new(
            ParquetSink::create(path, chronicle_arrow::schema())
                .with_context(|| format!("creating {}", path.display()))?,
        )),
        (OutputFormat::Parquet, None) => bail!("--to parquet needs --out FILE.parquet"),
        (_, Some(_)) => bail!("--out goes with --to timeml or parquet; JSON goes to stdout"),
        (_, None) if streaming => {
            return super::annotate_stream::run(&pipeline, &options, input.strict)
        }
        (_, None) => Out::Json(std::io::BufWriter::with_capacity(1 << 16, stdout.lock())),
    };
    annotate_files(&pipeline, input, &options, sink)
}

/// Annotates the chunk in parallel (order kept) and returns its token count.
fn annotate_chunk(pipeline: &Pipeline, docs: &mut [Doc]) -> u64 {
    let tokens = AtomicU64::new(0);
    docs.par_iter_mut().for_each(|doc| {
        pipeline.annotate(doc);
        tokens.fetch_add(doc.tokens.len() as u64, Ordering::Relaxed);
        // No output format carries tokens; free them before the chunk is written.
        doc.tokens = Vec::new();
    });
    tokens.into_inner()
}

fn annotate_files(
    pipeline: &Pipeline,
    input: &InputArgs,
    options: &ReadOptions,
    mut sink: Out<'_>,
) -> anyhow::Result<ExitCode> {
    let started = std::time::Instant::now();
    let mut bad = 0u64;
    let (mut docs, mut tokens) = (0u64, 0u64);
    let mut failure: Option<anyhow::Error> = None;
    let mut chunk: Vec<Doc> = Vec::with_capacity(CHUNK);
    let mut flush = |chunk: &mut Vec<Doc>| -> anyhow::Result<()> {
        tokens += annotate_chunk(pipeline, chunk);
        docs += chunk.len() as u64;
        sink.write(std::mem::replace(chunk, Vec::with_capacity(CHUNK)))
    };
    let _ = chronicle_ingest::read_paths(&input.paths, options, &mut |record| {
        match record {
            Ok(doc) => {
                chunk.push(doc);
                if chunk.len() >= CHUNK {
                    if let Err(e) = flush(&mut chunk) {
                        failure = Some(e);
                        return ControlFlow::Break(());
                    }
                }
            }
            Err(err) => {
                bad += 1;
                eprintln!("error: {err}");
                if input.strict {
                    return ControlFlow::Break(());
                }
            }
        }
        ControlFlow::Continue(())
    });
    // With --strict, the documents read before the bad record are still printed.
    if failure.is_none() && !chunk.is_empty() {
        failure = flush(&mut chunk).err();
    }
    let result = match failure {
        Some(e) => Err(e),
        None => sink.finish(),
    };
    if let Err(e) = result {
        if is_broken_pipe(&e) {
            return Ok(ExitCode::SUCCESS);
        }
        return Err(e).context("writing output");
    }
    let secs = started.elapsed().as_secs_f64().max(1e-9);
    eprintln!(
        "annotated {docs} documents, {tokens} tokens in {secs:.1} s ({:.0} docs/s, {:.0} tokens/s)",
        docs as f64 / secs,
        tokens as f64 / secs
    );
    Ok(if bad > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// A closed stdout (`| head`) ends the run quietly.
pub(crate) fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
