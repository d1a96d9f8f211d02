//! `chronicle annotate --from jsonl --to json -`: the line-in, line-out
//! stream for `RDD.pipe` and other line-oriented callers.
//!
//! Every input line gives exactly one output line, in order: a document, or
//! for a bad line (blank, malformed JSON, no text, bad date) an object with
//! the contract's fields, empty layers and `error`, so outputs align with
//! inputs. Output is flushed as soon as the lines read so far are done, so
//! a caller may send one line and wait for its answer. Lines that arrive
//! faster than they are annotated queue up (at most `QUEUE` of them: memory
//! stays bounded) and are annotated together in parallel, so a bulk pipe
//! still uses every core.

use std::io::{BufRead, Write};
use std::process::ExitCode;

use anyhow::Context;
use chronicle_ingest::record::parse_jsonl_line;
use chronicle_ingest::ReadOptions;
use chronicle_model::{Doc, Pipeline};
use rayon::prelude::*;

use crate::output;

/// Lines annotated together at most, when that many are already waiting.
const MAX_GROUP: usize = 64;
/// Lines parsed ahead of annotation at most: the bound on memory.
const QUEUE: usize = 2 * MAX_GROUP;

/// One input line's outcome.
type Line = Result<Doc, Bad>;

pub fn run(pipeline: &Pipeline, options: &ReadOptions, strict: bool) -> anyhow::Result<ExitCode> {
    // A reader thread parses lines ahead into a bounded queue, so the
    // annotating side can take every line that has arrived without ever
    // blocking on input while an answer is pending.
    let (tx, rx) = std::sync::mpsc::sync_channel::<std::io::Result<Line>>(QUEUE);
    let dct = options.dct;
    std::thread::spawn(move || {
        let stdin = std::io::stdin();
        let mut reader = std::io::BufReader::with_capacity(1 << 16, stdin.lock());
        let mut buf = Vec::new();
        let mut line_no = 0u64;
        loop {
            buf.clear();
            let line = match reader.read_until(b'\n', &mut buf) {
                Ok(0) => return,
                Ok(_) => {
                    line_no += 1;
                    Ok(parse(&buf, line_no, dct))
                }
                Err(e) => Err(e),
            };
            let failed = line.is_err();
            if tx.send(line).is_err() || failed {
                return;
            }
        }
    });
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::with_capacity(1 << 16, stdout.lock());
    let mut bad = 0u64;
    let mut group: Vec<Line> = Vec::with_capacity(MAX_GROUP);
    // Block for one line, then take the lines already waiting.
    while let Ok(first) = rx.recv() {
        group.push(first.context("reading stdin")?);
        while group.len() < MAX_GROUP {
            match rx.try_recv() {
                Ok(line) => group.push(line.context("reading stdin")?),
                Err(_) => break,
            }
        }
        group.par_iter_mut().for_each(|line| {
            if let Ok(doc) = line {
                pipeline.annotate(doc);
                doc.tokens = Vec::new();
            }
        });
        let mut stop = false;
        for line in group.drain(..) {
            let text = match line {
                Ok(doc) => output::json::doc_line(&doc),
                Err(error) => {
                    bad += 1;
                    stop |= strict;
                    eprintln!("error: {}", error.message);
                    output::json::error_line(&error.id, None, "", &error.message)
                }
            };
            if let Err(e) = out.write_all(text.as_bytes()) {
                return broken_pipe_ok(e);
            }
        }
        if let Err(e) = out.flush() {
            return broken_pipe_ok(e);
        }
        if stop {
            break;
        }
    }
    Ok(if bad > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn broken_pipe_ok(e: std::io::Error) -> anyhow::Result<ExitCode> {
    if e.kind() == std::io::ErrorKind::BrokenPipe {
        Ok(ExitCode::SUCCESS)
    } else {
        Err(e).context("writing output")
    }
}

/// A bad line: its message (`-:LINE: …`) and an id, the record's own when
/// it can still be read, else the JSONL default `stdin:LINE`.
struct Bad {
    id: String,
    message: String,
}

fn parse(bytes: &[u8], line_no: u64, dct: Option<chronicle_model::Date>) -> Line {
    let bytes = bytes.strip_suffix(b"\n").unwrap_or(bytes);
    let bytes = bytes.strip_suffix(b"\r").unwrap_or(bytes);
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(Bad {
            id: format!("stdin:{line_no}"),
            message: format!("-:{line_no}: blank line"),
        });
    }
    parse_jsonl_line("-", "stdin", line_no, bytes, dct).map_err(|e| Bad {
        id: record_id(bytes).unwrap_or_else(|| format!("stdin:{line_no}")),
        message: e.to_string(),
    })
}

/// The `id` of a record that failed for another reason than its JSON.
fn record_id(bytes: &[u8]) -> Option<String> {
    let value: serde_json::Value = serde_json::from_slice(bytes).ok()?;
    match value.get("id")? {
        serde_json::Value::String(s) if !s.is_empty() => Some(s.clone()),
        serde_json::Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}
