//! Parquet files of annotated batches: written snappy-compressed (Spark's
//! default, so our files and Spark's are alike), read from one file or from
//! a directory of `part-*.parquet` files as Spark writes them.

use std::fs::File;
use std::path::{Path, PathBuf};

use arrow::array::RecordBatch;
use arrow::datatypes::SchemaRef;
use parquet::arrow::arrow_reader::{ParquetRecordBatchReader, ParquetRecordBatchReaderBuilder};
use parquet::arrow::ArrowWriter;
use parquet::basic::Compression;
use parquet::file::properties::WriterProperties;

use crate::{Error, Result};

/// Rows per batch when reading.
const READ_BATCH: usize = 1024;

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> Error + '_ {
    move |source| Error::Io {
        path: path.display().to_string(),
        source,
    }
}

fn in_file(path: &Path) -> impl FnOnce(Error) -> Error + '_ {
    move |e| Error::InFile {
        path: path.display().to_string(),
        source: Box::new(e),
    }
}

/// A Parquet file being written, one batch at a time (constant memory
/// beyond the current row group).
pub struct ParquetSink {
    writer: ArrowWriter<File>,
    path: PathBuf,
}

impl ParquetSink {
    /// Creates (or truncates) `path` for batches of `schema`.
    ///
    /// # Errors
    /// When the file cannot be created.
    pub fn create(path: &Path, schema: SchemaRef) -> Result<ParquetSink> {
        let file = File::create(path).map_err(io(path))?;
        let props = WriterProperties::builder()
            .set_compression(Compression::SNAPPY)
            .build();
        let writer =
            ArrowWriter::try_new(file, schema, Some(props)).map_err(|e| in_file(path)(e.into()))?;
        Ok(ParquetSink {
            writer,
            path: path.to_path_buf(),
        })
    }

    /// # Errors
    /// When the batch does not match the schema or the write fails.
    pub fn write(&mut self, batch: &RecordBatch) -> Result<()> {
        self.writer
            .write(batch)
            .map_err(|e| in_file(&self.path)(e.into()))
    }

    /// Writes the footer; the file is unreadable until this is called.
    ///
    /// # Errors
    /// When the final write fails.
    pub fn finish(self) -> Result<()> {
        let path = self.path;
        self.writer
            .close()
            .map(|_| ())
            .map_err(|e| in_file(&path)(e.into()))
    }
}

/// Writes `batches` (all of one schema) to a new Parquet file at `path`.
///
/// # Errors
/// When the file cannot be written or a batch differs in schema from the first.
pub fn write_parquet<'a>(
    path: &Path,
    batches: impl IntoIterator<Item = &'a RecordBatch>,
) -> Result<()> {
    let mut batches = batches.into_iter().peekable();
    let schema = batches
        .peek()
        .map(|b| b.schema())
        .unwrap_or_else(crate::schema);
    let mut sink = ParquetSink::create(path, schema)?;
    for batch in batches {
        sink.write(batch)?;
    }
    sink.finish()
}

/// The Parquet files at `path`: the file itself, or the `*.parquet` files
/// under a directory (recursively, in name order, hidden and `_`-prefixed
/// files such as Spark's `_SUCCESS` skipped).
///
/// # Errors
/// When `path` or a directory under it cannot be read.
pub fn parquet_files(path: &Path) -> Result<Vec<PathBuf>> {
    let meta = std::fs::metadata(path).map_err(io(path))?;
    if !meta.is_dir() {
        return Ok(vec![path.to_path_buf()]);
    }
    let mut found = Vec::new();
    collect(path, &mut found)?;
    found.sort();
    Ok(found)
}

fn collect(dir: &Path, found: &mut Vec<PathBuf>) -> Result<()> {
    for entry in std::fs::read_dir(dir).map_err(io(dir))? {
        let entry = entry.map_err(io(dir))?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') || name.starts_with('_') {
            continue;
        }
        let path = entry.path();
        let kind = entry.file_type().map_err(io(&path))?;
        if kind.is_dir() {
            collect(&path, found)?;
        } else if kind.is_file() && name.ends_with(".parquet") {
            found.push(path);
        }
    }
    Ok(())
}

/// Record batches of one or more Parquet files, read lazily, file by file.
pub struct ParquetBatches {
    files: std::vec::IntoIter<PathBuf>,
    current: Option<(PathBuf, ParquetRecordBatchReader)>,
}

impl ParquetBatches {
    fn open(path: &Path) -> Result<ParquetRecordBatchReader> {
        let file = File::open(path).map_err(io(path))?;
        let reader = ParquetRecordBatchReaderBuilder::try_new(file)
            .and_then(|b| b.with_batch_size(READ_BATCH).build())
            .map_err(|e| in_file(path)(e.into()))?;
        Ok(reader)
    }
}

impl Iterator for ParquetBatches {
    type Item = Result<RecordBatch>;

    fn next(&mut self) -> Option<Result<RecordBatch>> {
        loop {
            if let Some((path, reader)) = &mut self.current {
                match reader.next() {
                    Some(Ok(batch)) => return Some(Ok(batch)),
                    Some(Err(e)) => {
                        let err = in_file(path)(e.into());
                        // A damaged file stops at its damage; the next file still reads.
                        self.current = None;
                        return Some(Err(err));
                    }
                    None => self.current = None,
                }
            }
            let path = self.files.next()?;
            match ParquetBatches::open(&path) {
                Ok(reader) => self.current = Some((path, reader)),
                Err(e) => return Some(Err(e)),
            }
        }
    }
}

/// The record batches of the Parquet file or directory at `path` (see
/// [`parquet_files`]), in file order.
///
/// # Errors
/// When `path` cannot be listed; errors inside files come from the iterator.
pub fn read_parquet(path: &Path) -> Result<ParquetBatches> {
    Ok(ParquetBatches {
        files: parquet_files(path)?.into_iter(),
        current: None,
    })
}
