//! Where bytes come from: files, directories, stdin, gzip; and the choice of
//! a reader for them.

use std::cell::Cell;
use std::io::{BufRead, BufReader, Cursor, Read};
use std::ops::ControlFlow;
use std::path::Path;
use std::rc::Rc;

use chronicle_model::Doc;
use flate2::read::MultiGzDecoder;

use crate::detect::{detect, HEAD_LEN};
use crate::{conll, jsonl, news, timeml, Format, IngestError, ReadOptions, Sink};

pub(crate) fn read_path(
    path: &Path,
    options: &ReadOptions,
    sink: &mut Sink<'_>,
) -> ControlFlow<()> {
    if path.as_os_str() == "-" {
        let stdin = std::io::stdin();
        return read_reader("-", "stdin", stdin.lock(), false, true, options, sink);
    }
    let origin = path.display().to_string();
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(source) => {
            return sink(Err(IngestError::Io {
                path: origin,
                source,
            }))
        }
    };
    if meta.is_dir() {
        read_dir(path, options, sink)
    } else {
        read_file(path, true, options, sink)
    }
}

/// Every non-hidden file below `dir`, in name order so runs are repeatable.
fn read_dir(dir: &Path, options: &ReadOptions, sink: &mut Sink<'_>) -> ControlFlow<()> {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(source) => {
            return sink(Err(IngestError::Io {
                path: dir.display().to_string(),
                source,
            }))
        }
    };
    let mut paths: Vec<_> = entries
        .filter_map(|e| e.ok())
        .filter(|e| !e.file_name().to_string_lossy().starts_with('.'))
        .map(|e| e.path())
        .collect();
    paths.sort();
    for path in paths {
        // Symlinked directories are not followed: they can form cycles.
        let Ok(link_meta) = std::fs::symlink_metadata(&path) else {
            continue;
        };
        if link_meta.is_dir() {
            read_dir(&path, options, sink)?;
        } else if let Ok(meta) = std::fs::metadata(&path) {
            if meta.is_file() {
                read_file(&path, options.format.is_some(), options, sink)?;
            }
        }
    }
    ControlFlow::Continue(())
}

fn read_file(
    path: &Path,
    explicit: bool,
    options: &ReadOptions,
    sink: &mut Sink<'_>,
) -> ControlFlow<()> {
    let origin = path.display().to_string();
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let file = match std::fs::File::open(path) {
        Ok(f) => f,
        Err(source) => {
            return sink(Err(IngestError::Io {
                path: origin,
                source,
            }))
        }
    };
    let gz = name.ends_with(".gz");
    read_reader(&origin, &name, file, gz, explicit, options, sink)
}

/// The document id for a file name: without `.gz`, then without its last
/// extension (`wapo_2016-10-17_x.txt` → `wapo_2016-10-17_x`).
pub fn doc_id_from_name(name: &str) -> String {
    let name = name.strip_suffix(".gz").unwrap_or(name);
    match name.rfind('.') {
        Some(i) if i > 0 => name[..i].to_string(),
        _ => name.to_string(),
    }
}

/// Counts the bytes read from the underlying input, so errors inside
/// compressed data can name a byte offset of the file.
struct Counting<R> {
    inner: R,
    count: Rc<Cell<u64>>,
}

impl<R: Read> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.count.set(self.count.get() + n as u64);
        Ok(n)
    }
}

/// A reader that fails once with the error that broke the real one.
struct Failing(Option<std::io::Error>);

impl Read for Failing {
    fn read(&mut self, _: &mut [u8]) -> std::io::Result<usize> {
        match self.0.take() {
            Some(e) => Err(e),
            None => Ok(0),
        }
    }
}

/// Reads one input stream. `origin` names it in messages, `name` is its
/// file name (for detection and ids), `gz` says whether it is gzip data,
/// `explicit` whether it was named by the user (an unrecognised explicit
/// file is read as plain text; an unrecognised file met while walking a
/// directory is skipped).
pub fn read_reader(
    origin: &str,
    name: &str,
    input: impl Read,
    gz: bool,
    explicit: bool,
    options: &ReadOptions,
    sink: &mut Sink<'_>,
) -> ControlFlow<()> {
    let count = Rc::new(Cell::new(0u64));
    let counting = Counting {
        inner: input,
        count: Rc::clone(&count),
    };
    let decoded: Box<dyn Read + '_> = if gz {
        Box::new(MultiGzDecoder::new(counting))
    } else {
        Box::new(counting)
    };
    let mut reader = BufReader::with_capacity(64 * 1024, decoded);
    let io_error = |e: std::io::Error| IngestError::Byte {
        path: origin.to_string(),
        offset: count.get(),
        message: if gz {
            format!("corrupt or truncated gzip data: {e}")
        } else {
            format!("read error: {e}")
        },
    };

    let mut head = Vec::with_capacity(HEAD_LEN);
    if let Err(e) = (&mut reader).take(HEAD_LEN as u64).read_to_end(&mut head) {
        // Keep what was decoded: JSONL records before the damage still land,
        // and the error is reported where the stream breaks.
        let failing: Box<dyn Read + '_> = Box::new(Failing(Some(e)));
        reader = BufReader::new(failing);
    }
    let format = match options.format.or_else(|| detect(name, &head)) {
        Some(f) => f,
        None if explicit => Format::Text,
        None => return ControlFlow::Continue(()),
    };
    let stem = if origin == "-" {
        "stdin".to_string()
    } else {
        doc_id_from_name(name)
    };
    let mut chained = Cursor::new(head).chain(reader);

    if format == Format::Jsonl {
        return match jsonl::read(origin, &stem, &mut chained, options.dct, sink) {
            Ok(flow) => flow,
            Err(e) => sink(Err(io_error(e))),
        };
    }

    let mut bytes = Vec::new();
    if let Err(e) = chained.read_to_end(&mut bytes) {
        return sink(Err(io_error(e)));
    }
    read_whole(origin, &stem, format, &bytes, options, sink)
}

/// The formats that hold one file in memory: news, text, TimeML, CoNLL.
fn read_whole(
    origin: &str,
    stem: &str,
    format: Format,
    bytes: &[u8],
    options: &ReadOptions,
    sink: &mut Sink<'_>,
) -> ControlFlow<()> {
    let unbommed = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if unbommed.iter().all(u8::is_ascii_whitespace) {
        return sink(Err(IngestError::File {
            path: origin.to_string(),
            message: "empty file".into(),
        }));
    }
    let content = match std::str::from_utf8(bytes) {
        Ok(s) => s,
        Err(e) => {
            let at = e.valid_up_to();
            let line = 1 + bytes[..at].iter().filter(|&&b| b == b'\n').count() as u64;
            return sink(Err(IngestError::Record {
                path: origin.to_string(),
                line,
                message: format!("invalid UTF-8 at byte {at}"),
            }));
        }
    };
    let finish = |mut doc: Doc| {
        if doc.id.is_empty() {
            doc.id = stem.to_string();
        }
        if doc.date.is_none() {
            doc.date = options.dct;
        }
        if doc.meta.origin.is_none() {
            doc.meta.origin = Some(origin.to_string());
        }
        doc
    };
    match format {
        Format::News => sink(news::parse_news(origin, stem, content).map(finish)),
        Format::Text => sink(Ok(finish(Doc::new(stem, options.dct, content)))),
        Format::Timeml => sink(timeml::parse_timeml(origin, content).map(finish)),
        Format::Conll => conll::parse_conll(origin, content, &mut |r| sink(r.map(finish))),
        Format::Jsonl => {
            // Handled as a stream by the caller; kept for completeness.
            let mut reader: &[u8] = bytes;
            match jsonl::read(
                origin,
                stem,
                &mut reader as &mut dyn BufRead,
                options.dct,
                sink,
            ) {
                Ok(flow) => flow,
                Err(e) => sink(Err(IngestError::Io {
                    path: origin.to_string(),
                    source: e,
                })),
            }
        }
    }
}
