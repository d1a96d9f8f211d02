//! `chronicle export`: flat tables (entities, quotes, events, an entity's
//! timeline, contacts) as CSV or Parquet, with provenance on every row.
//!
//! The tables come from `chronicle_query` (typed columns); this module only
//! encodes them. Files are written next to their destination and renamed
//! into place, so a failed export never leaves half a file behind.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use anyhow::Context;
use arrow::array::{ArrayRef, BooleanArray, Int64Array, StringArray};
use arrow::datatypes::{DataType, Field, Schema};
use arrow::record_batch::RecordBatch;
use chronicle_query::{ColumnData, Table};
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
    let table = match args.table {
        ExportTable::Entities => chronicle_query::entities_table(&st)?,
        ExportTable::Quotes => chronicle_query::quotes_table(&st)?,
        ExportTable::Events => chronicle_query::events_table(&st)?,
        ExportTable::Contacts => chronicle_query::contacts_table(&st, args.entity)?,
        ExportTable::Timeline => {
            let dates = super::timeline::date_filter(args.from, args.to)?;
            chronicle_query::timeline_table(&st, args.entity.unwrap_or_default(), &dates)?
        }
    };
    if to_stdout {
        return super::timeline::emit(&table.to_csv());
    }
    let tmp = temp_path(args.out);
    let written = match format {
        ExportFormat::Csv => std::fs::write(&tmp, table.to_csv()).map_err(anyhow::Error::from),
        ExportFormat::Parquet => write_parquet(&table, &tmp),
    };
    if let Err(e) = written.and_then(|()| std::fs::rename(&tmp, args.out).map_err(Into::into)) {
        let _ = std::fs::remove_file(&tmp);
        return Err(e).with_context(|| format!("writing {}", args.out.display()));
    }
    eprintln!(
        "exported {} rows, {} columns to {}",
        table.rows(),
        table.columns.len(),
        args.out.display()
    );
    Ok(ExitCode::SUCCESS)
}

/// `DIR/.NAME.tmp` beside the destination (same file system for the rename).
fn temp_path(out: &Path) -> PathBuf {
    let name = out
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "export".into());
    out.with_file_name(format!(".{name}.tmp"))
}

/// The table as one Arrow record batch: text columns as nullable Utf8,
/// numbers as nullable Int64, flags as Boolean.
pub fn record_batch(table: &Table) -> anyhow::Result<RecordBatch> {
    let mut fields = Vec::with_capacity(table.columns.len());
    let mut arrays: Vec<ArrayRef> = Vec::with_capacity(table.columns.len());
    for c in &table.columns {
        let (ty, array): (DataType, ArrayRef) = match &c.data {
            ColumnData::Str(v) => (
                DataType::Utf8,
                Arc::new(v.iter().map(Option::as_deref).collect::<StringArray>()),
            ),
            ColumnData::Int(v) => (DataType::Int64, Arc::new(Int64Array::from(v.clone()))),
            ColumnData::Bool(v) => (DataType::Boolean, Arc::new(BooleanArray::from(v.clone()))),
        };
        let nullable = !matches!(c.data, ColumnData::Bool(_));
        fields.push(Field::new(c.name, ty, nullable));
        arrays.push(array);
    }
    Ok(RecordBatch::try_new(Arc::new(Schema::new(fields)), arrays)?)
}

fn write_parquet(table: &Table, path: &Path) -> anyhow::Result<()> {
    let batch = record_batch(table)?;
    let file = std::fs::File::create(path)?;
    let props = WriterProperties::builder()
        .set_compression(Compression::ZSTD(ZstdLevel::default()))
        .build();
    let mut writer = ArrowWriter::try_new(file, batch.schema(), Some(props))?;
    writer.write(&batch)?;
    writer.close()?;
    Ok(())
}
