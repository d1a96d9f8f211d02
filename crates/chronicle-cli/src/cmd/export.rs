//! `chronicle export`: flat tables (entities, quotes, events, an entity's
//! timeline, contacts) as CSV or Parquet, with provenance on every row.
//!
//! The rows come from `chronicle_query` one at a time (typed cells, see
//! `RowSink`); this module only encodes them, as they come: CSV through a
//! buffered writer, Parquet in row groups of at most [`ROW_GROUP`] rows, so
//! memory stays bounded by the query, not by the size of the output. Files
//! are written next to their destination and renamed into place, so a
//! failed export never leaves half a file behind.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use anyhow::Context;
use arrow::array::{ArrayRef, BooleanBuilder, Int64Builder, StringBuilder};
use arrow::datatypes::{DataType, Field, Schema, SchemaRef};
use arrow::record_batch::RecordBatch;
use chronicle_query::{Cell, ColumnType, CsvSink, RowSink};
use chronicle_store::Store;
use parquet::arrow::ArrowWriter;
use parquet::basic::{Compression, ZstdLevel};
use parquet::file::properties::WriterProperties;

use crate::cli::{ExportFormat, ExportTable};

pub struct Args<'a> {
    pub table: ExportTable,
    pub entity: Option<&'a str>,
    pub format: Option<ExportFormat>,
    pub out: &'a Path,
    pub from: Option<&'a str>,
    pub to: Option<&'a str>,
}

/// `--format`, else the extension of `--out` (`.parquet`/`.pq`), else CSV.
fn format_of(args: &Args<'_>) -> ExportFormat {
    args.format.unwrap_or_else(|| {
        match args
            .out
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .as_deref()
        {
            Some("parquet" | "pq") => ExportFormat::Parquet,
            _ => ExportFormat::Csv,
        }
    })
}

pub fn run(store: &Path, args: &Args<'_>) -> anyhow::Result<ExitCode> {
    let dated = args.from.is_some() || args.to.is_some();
    match args.table {
        ExportTable::Timeline if args.entity.is_none() => {
            anyhow::bail!(
                "export timeline: name the entity (`chronicle export timeline NAME --out FILE`)"
            )
        }
        ExportTable::Entities | ExportTable::Quotes | ExportTable::Events
            if args.entity.is_some() =>
        {
            anyhow::bail!("export {:?}: takes no entity", args.table)
        }
        t if dated && t != ExportTable::Timeline => {
            anyhow::bail!("--from/--to apply to `export timeline` only")
        }
        _ => {}
    }
    let format = format_of(args);
    let to_stdout = args.out == Path::new("-");
    if to_stdout && format == ExportFormat::Parquet {
        anyhow::bail!("--out -: Parquet needs a file");
    }
    let st = super::timeline::open(store)?;
    let dates = super::timeline::date_filter(args.from, args.to)?;
    let query = Query {
        table: args.table,
        entity: args.entity,
        dates: &dates,
    };
    if to_stdout {
        let mut csv = CsvSink::new(BufWriter::new(std::io::stdout().lock()));
        let written = query
            .run(&st, &mut csv)
            .map(|_| ())
            .and_then(|()| csv.into_inner().flush().map_err(Into::into));
        return match written {
            Err(chronicle_query::ExportError::Io(e))
                if e.kind() == std::io::ErrorKind::BrokenPipe =>
            {
                Ok(ExitCode::SUCCESS)
            }
            Err(e) => Err(e.into()),
            Ok(()) => Ok(ExitCode::SUCCESS),
        };
    }
    let tmp = temp_path(args.out);
    let written = match format {
        ExportFormat::Csv => write_csv(&st, &query, &tmp),
        ExportFormat::Parquet => write_parquet(&st, &query, &tmp),
    };
    let (rows, columns) = match written.and_then(|n| {
        std::fs::rename(&tmp, args.out)
            .map(|()| n)
            .map_err(Into::into)
    }) {
        Ok(n) => n,
        Err(e) => {
            let _ = std::fs::remove_file(&tmp);
            return Err(e).with_context(|| format!("writing {}", args.out.display()));
        }
    };
    eprintln!(
        "exported {rows} rows, {columns} columns to {}",
        args.out.display()
    );
    Ok(ExitCode::SUCCESS)
}

/// Which table to export, checked.
struct Query<'a> {
    table: ExportTable,
    entity: Option<&'a str>,
    dates: &'a chronicle_query::DateFilter,
}

impl Query<'_> {
    /// Streams the table into `sink`; returns the number of rows.
    fn run<S: RowSink>(&self, st: &Store, sink: &mut S) -> Result<u64, S::Error> {
        match self.table {
            ExportTable::Entities => chronicle_query::export_entities(st, sink),
            ExportTable::Quotes => chronicle_query::export_quotes(st, sink),
            ExportTable::Events => chronicle_query::export_events(st, sink),
            ExportTable::Contacts => chronicle_query::export_contacts(st, self.entity, sink),
            ExportTable::Timeline => chronicle_query::export_timeline(
                st,
                self.entity.unwrap_or_default(),
                self.dates,
                sink,
            ),
        }
    }
}

/// `DIR/.NAME.tmp` beside the destination (same file system for the rename).
fn temp_path(out: &Path) -> PathBuf {
    let name = out
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "export".into());
    out.with_file_name(format!(".{name}.tmp"))
}

/// Counts the columns a sink was given (for the closing message).
struct Counted<S> {
    inner: S,
    columns: usize,
}

impl<S: RowSink> RowSink for Counted<S> {
    type Error = S::Error;
    fn columns(&mut self, columns: &[(&'static str, ColumnType)]) -> Result<(), S::Error> {
        self.columns = columns.len();
        self.inner.columns(columns)
    }
    fn row(&mut self, cells: &[Cell<'_>]) -> Result<(), S::Error> {
        self.inner.row(cells)
    }
}

/// Writes the CSV to `path`; returns rows and columns.
fn write_csv(st: &Store, query: &Query<'_>, path: &Path) -> anyhow::Result<(u64, usize)> {
    let out = BufWriter::with_capacity(1 << 16, File::create(path)?);
    let mut sink = Counted {
        inner: CsvSink::new(out),
        columns: 0,
    };
    let rows = query.run(st, &mut sink)?;
    let file = sink
        .inner
        .into_inner()
        .into_inner()
        .map_err(|e| e.into_error())?;
    file.sync_all()?;
    Ok((rows, sink.columns))
}

/// Rows per Parquet row group (and per Arrow batch): what bounds the memory
/// of a Parquet export, whatever the number of rows.
const ROW_GROUP: usize = 64 * 1024;

/// One column being filled: text as nullable Utf8, numbers as nullable
/// Int64, flags as (non-null) Boolean.
enum ColumnBuilder {
    Str(StringBuilder),
    Int(Int64Builder),
    Bool(BooleanBuilder),
}

impl ColumnBuilder {
    fn new(ty: ColumnType) -> Self {
        match ty {
            ColumnType::Str => ColumnBuilder::Str(StringBuilder::new()),
            ColumnType::Int => ColumnBuilder::Int(Int64Builder::new()),
            ColumnType::Bool => ColumnBuilder::Bool(BooleanBuilder::new()),
        }
    }

    fn field(name: &str, ty: ColumnType) -> Field {
        match ty {
            ColumnType::Str => Field::new(name, DataType::Utf8, true),
            ColumnType::Int => Field::new(name, DataType::Int64, true),
            ColumnType::Bool => Field::new(name, DataType::Boolean, false),
        }
    }

    /// Appends `cell`; a cell of another type (a bug in the query's row
    /// builder) appends null (false for flags) rather than shift the column.
    fn push(&mut self, cell: Cell<'_>) {
        match (self, cell) {
            (ColumnBuilder::Str(b), Cell::Str(v)) => b.append_option(v),
            (ColumnBuilder::Str(b), _) => b.append_null(),
            (ColumnBuilder::Int(b), Cell::Int(v)) => b.append_option(v),
            (ColumnBuilder::Int(b), _) => b.append_null(),
            (ColumnBuilder::Bool(b), Cell::Bool(v)) => b.append_value(v),
            (ColumnBuilder::Bool(b), _) => b.append_value(false),
        }
    }

    fn finish(&mut self) -> ArrayRef {
        match self {
            ColumnBuilder::Str(b) => Arc::new(b.finish()),
            ColumnBuilder::Int(b) => Arc::new(b.finish()),
            ColumnBuilder::Bool(b) => Arc::new(b.finish()),
        }
    }
}

/// Encodes rows as Parquet, one row group per [`ROW_GROUP`] rows.
struct ParquetSink {
    file: Option<File>,
    writer: Option<ArrowWriter<File>>,
    schema: SchemaRef,
    builders: Vec<ColumnBuilder>,
    pending: usize,
}

impl ParquetSink {
    fn new(file: File) -> Self {
        ParquetSink {
            file: Some(file),
            writer: None,
            schema: Arc::new(Schema::empty()),
            builders: Vec::new(),
            pending: 0,
        }
    }

    /// The writer, created on first use (once the columns are known).
    fn writer(&mut self) -> anyhow::Result<&mut ArrowWriter<File>> {
        if self.writer.is_none() {
            let Some(file) = self.file.take() else {
                anyhow::bail!("the Parquet writer is closed");
            };
            let props = WriterProperties::builder()
                .set_compression(Compression::ZSTD(ZstdLevel::default()))
                .set_max_row_group_row_count(Some(ROW_GROUP))
                .build();
            self.writer = Some(ArrowWriter::try_new(
                file,
                Arc::clone(&self.schema),
                Some(props),
            )?);
        }
        self.writer
            .as_mut()
            .ok_or_else(|| anyhow::anyhow!("the Parquet writer is closed"))
    }

    /// Writes the rows collected so far as one batch.
    fn flush(&mut self) -> anyhow::Result<()> {
        if self.pending == 0 {
            return Ok(());
        }
        let arrays: Vec<ArrayRef> = self
            .builders
            .iter_mut()
            .map(ColumnBuilder::finish)
            .collect();
        let batch = RecordBatch::try_new(Arc::clone(&self.schema), arrays)?;
        self.pending = 0;
        self.writer()?.write(&batch)?;
        Ok(())
    }

    /// Flushes the last rows and the footer; returns the file.
    fn finish(mut self) -> anyhow::Result<File> {
        self.flush()?;
        // No column declared (cannot happen) still makes a valid file.
        self.writer()?;
        match self.writer.take() {
            Some(w) => Ok(w.into_inner()?),
            None => anyhow::bail!("the Parquet writer is closed"),
        }
    }
}

impl RowSink for ParquetSink {
    type Error = anyhow::Error;

    fn columns(&mut self, columns: &[(&'static str, ColumnType)]) -> anyhow::Result<()> {
        let fields: Vec<Field> = columns
            .iter()
            .map(|&(name, ty)| ColumnBuilder::field(name, ty))
            .collect();
        self.schema = Arc::new(Schema::new(fields));
        self.builders = columns
            .iter()
            .map(|&(_, ty)| ColumnBuilder::new(ty))
            .collect();
        Ok(())
    }

    fn row(&mut self, cells: &[Cell<'_>]) -> anyhow::Result<()> {
        for (i, b) in self.builders.iter_mut().enumerate() {
            b.push(cells.get(i).copied().unwrap_or(Cell::Str(None)));
        }
        self.pending += 1;
        if self.pending >= ROW_GROUP {
            self.flush()?;
        }
        Ok(())
    }
}

/// Writes the Parquet file to `path`; returns rows and columns.
fn write_parquet(st: &Store, query: &Query<'_>, path: &Path) -> anyhow::Result<(u64, usize)> {
    let mut sink = Counted {
        inner: ParquetSink::new(File::create(path)?),
        columns: 0,
    };
    let rows = query.run(st, &mut sink)?;
    let file = sink.inner.finish()?;
    file.sync_all()?;
    Ok((rows, sink.columns))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The ids of `n` rows of a two-column table written through the sink,
    /// read back, with the row-group sizes.
    fn round_trip(n: usize) -> (Vec<Option<i64>>, Vec<i64>) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.parquet");
        let mut sink = ParquetSink::new(File::create(&path).unwrap());
        sink.columns(&[("id", ColumnType::Int), ("flag", ColumnType::Bool)])
            .unwrap();
        for i in 0..n {
            let id = (i % 7 != 0).then_some(i as i64);
            sink.row(&[Cell::Int(id), Cell::Bool(i % 2 == 0)]).unwrap();
        }
        sink.finish().unwrap();
        let file = File::open(&path).unwrap();
        let reader =
            parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder::try_new(file).unwrap();
        let groups: Vec<i64> = reader
            .metadata()
            .row_groups()
            .iter()
            .map(|g| g.num_rows())
            .collect();
        let mut ids = Vec::new();
        for batch in reader.build().unwrap() {
            let batch = batch.unwrap();
            let col = batch
                .column(0)
                .as_any()
                .downcast_ref::<arrow::array::Int64Array>()
                .unwrap();
            ids.extend(col.iter());
        }
        (ids, groups)
    }

    #[test]
    fn parquet_rows_survive_in_bounded_row_groups() {
        let n = ROW_GROUP * 2 + 5;
        let (ids, groups) = round_trip(n);
        assert_eq!(ids.len(), n);
        assert_eq!(ids[7], None);
        assert_eq!(ids[n - 1], Some((n - 1) as i64));
        assert_eq!(groups, vec![ROW_GROUP as i64, ROW_GROUP as i64, 5]);
        let (ids, groups) = round_trip(0);
        assert!(ids.is_empty() && groups.is_empty());
    }
}
