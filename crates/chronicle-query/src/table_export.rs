//! Flat tables of the knowledge base for export (CSV here; Parquet in the
//! CLI, which owns the columnar dependencies).
//!
//! A table has typed, nullable columns declared up front, so that a
//! columnar writer maps each column to one array without guessing types.
//! Exports *stream*: each `export_*` function hands rows one at a time to
//! a [`RowSink`] (a CSV writer, a Parquet writer that flushes bounded row
//! groups, or [`Table`] when a caller wants it in memory), so no copy of
//! the whole table is ever built. The rows flatten the query results: one
//! row per *report* of an item (item × its sources), with an `item` column
//! grouping the reports of one merged item, so an export says exactly what
//! the query says and still carries the provenance of every source
//! (document, date, url, publisher, sentence, character offsets). Lists
//! (participants, aliases) are joined with `; `. No stage reports a
//! confidence yet, so no table has such a column.

use std::collections::HashMap;
use std::io::Write;

use chronicle_store::Store;

use crate::dates::event_date;
use crate::{
    canonical_name, contacts, entities, quotes, timeline, DateFilter, QueryError, Result, Source,
    TimelineOptions,
};

/// Separator of list values inside one cell.
pub const LIST_SEP: &str = "; ";

/// "Everything" for the row limits of the underlying queries.
const ALL: usize = u32::MAX as usize;

/// The type of a column: nullable text, nullable integer, or flag.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColumnType {
    Str,
    Int,
    Bool,
}

/// One cell of a row handed to a [`RowSink`], borrowed from the query result.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cell<'a> {
    Str(Option<&'a str>),
    Int(Option<i64>),
    Bool(bool),
}

/// Receives one export: its columns once, then its rows in order, each
/// with one cell per column of the declared type.
pub trait RowSink {
    /// Query errors must convert: the rows come from the store as they are written.
    type Error: From<QueryError>;

    /// The columns, called once before any row.
    ///
    /// # Errors
    /// Whatever the sink's output reports.
    fn columns(
        &mut self,
        columns: &[(&'static str, ColumnType)],
    ) -> std::result::Result<(), Self::Error>;

    /// One row.
    ///
    /// # Errors
    /// Whatever the sink's output reports.
    fn row(&mut self, cells: &[Cell<'_>]) -> std::result::Result<(), Self::Error>;
}

/// A failed export: the query or the output.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error(transparent)]
    Query(#[from] QueryError),
    #[error("writing the export: {0}")]
    Io(#[from] std::io::Error),
}

/// RFC 4180 CSV with a header line, written row by row (wrap the output in
/// a `BufWriter`: each cell is one small write).
pub struct CsvSink<W: Write> {
    out: W,
}

impl<W: Write> CsvSink<W> {
    pub fn new(out: W) -> Self {
        CsvSink { out }
    }

    /// The output, for flushing or reuse.
    pub fn into_inner(self) -> W {
        self.out
    }

    fn field(&mut self, s: &str) -> std::io::Result<()> {
        if s.contains([',', '"', '\n', '\r']) {
            self.out.write_all(b"\"")?;
            let mut parts = s.split('"');
            if let Some(first) = parts.next() {
                self.out.write_all(first.as_bytes())?;
            }
            for part in parts {
                self.out.write_all(b"\"\"")?;
                self.out.write_all(part.as_bytes())?;
            }
            self.out.write_all(b"\"")
        } else {
            self.out.write_all(s.as_bytes())
        }
    }
}

impl<W: Write> RowSink for CsvSink<W> {
    type Error = ExportError;

    fn columns(
        &mut self,
        columns: &[(&'static str, ColumnType)],
    ) -> std::result::Result<(), ExportError> {
        for (i, (name, _)) in columns.iter().enumerate() {
            if i > 0 {
                self.out.write_all(b",")?;
            }
            self.field(name)?;
        }
        self.out.write_all(b"\n")?;
        Ok(())
    }

    fn row(&mut self, cells: &[Cell<'_>]) -> std::result::Result<(), ExportError> {
        for (i, cell) in cells.iter().enumerate() {
            if i > 0 {
                self.out.write_all(b",")?;
            }
            match *cell {
                Cell::Str(Some(s)) => self.field(s)?,
                Cell::Str(None) | Cell::Int(None) => {}
                Cell::Int(Some(n)) => write!(self.out, "{n}")?,
                Cell::Bool(b) => self.out.write_all(if b { b"true" } else { b"false" })?,
            }
        }
        self.out.write_all(b"\n")?;
        Ok(())
    }
}

/// The data of one column of an in-memory [`Table`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ColumnData {
    Str(Vec<Option<String>>),
    Int(Vec<Option<i64>>),
    Bool(Vec<bool>),
}

impl ColumnData {
    fn empty(ty: ColumnType) -> ColumnData {
        match ty {
            ColumnType::Str => ColumnData::Str(Vec::new()),
            ColumnType::Int => ColumnData::Int(Vec::new()),
            ColumnType::Bool => ColumnData::Bool(Vec::new()),
        }
    }

    pub fn len(&self) -> usize {
        match self {
            ColumnData::Str(v) => v.len(),
            ColumnData::Int(v) => v.len(),
            ColumnData::Bool(v) => v.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The cell in row `i` (a missing row reads as null).
    fn cell(&self, i: usize) -> Cell<'_> {
        match self {
            ColumnData::Str(v) => Cell::Str(v.get(i).and_then(Option::as_deref)),
            ColumnData::Int(v) => Cell::Int(v.get(i).copied().flatten()),
            ColumnData::Bool(v) => Cell::Bool(v.get(i).copied().unwrap_or(false)),
        }
    }

    /// Appends `cell`; a cell of another type (a bug in a row builder)
    /// appends null rather than shifting the column.
    fn push(&mut self, cell: Cell<'_>) {
        match (self, cell) {
            (ColumnData::Str(v), Cell::Str(s)) => v.push(s.map(str::to_string)),
            (ColumnData::Str(v), _) => v.push(None),
            (ColumnData::Int(v), Cell::Int(n)) => v.push(n),
            (ColumnData::Int(v), _) => v.push(None),
            (ColumnData::Bool(v), Cell::Bool(b)) => v.push(b),
            (ColumnData::Bool(v), _) => v.push(false),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Column {
    pub name: &'static str,
    pub data: ColumnData,
}

/// A whole table in memory, column-major (for tests and small exports;
/// it is also a [`RowSink`]).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Table {
    pub columns: Vec<Column>,
}

impl Table {
    pub fn rows(&self) -> usize {
        self.columns.first().map_or(0, |c| c.data.len())
    }

    /// The column called `name`.
    pub fn column(&self, name: &str) -> Option<&ColumnData> {
        self.columns
            .iter()
            .find(|c| c.name == name)
            .map(|c| &c.data)
    }

    /// RFC 4180 CSV with a header line (what [`CsvSink`] writes).
    pub fn to_csv(&self) -> String {
        let mut csv = CsvSink::new(Vec::new());
        let columns: Vec<(&'static str, ColumnType)> = self
            .columns
            .iter()
            .map(|c| (c.name, column_type(&c.data)))
            .collect();
        let mut cells = Vec::with_capacity(columns.len());
        // Writing to a Vec cannot fail.
        let _ = csv.columns(&columns);
        for i in 0..self.rows() {
            cells.clear();
            cells.extend(self.columns.iter().map(|c| c.data.cell(i)));
            let _ = csv.row(&cells);
        }
        String::from_utf8_lossy(&csv.into_inner()).into_owned()
    }
}

fn column_type(d: &ColumnData) -> ColumnType {
    match d {
        ColumnData::Str(_) => ColumnType::Str,
        ColumnData::Int(_) => ColumnType::Int,
        ColumnData::Bool(_) => ColumnType::Bool,
    }
}

impl RowSink for Table {
    type Error = QueryError;

    fn columns(&mut self, columns: &[(&'static str, ColumnType)]) -> Result<()> {
        self.columns = columns
            .iter()
            .map(|&(name, ty)| Column {
                name,
                data: ColumnData::empty(ty),
            })
            .collect();
        Ok(())
    }

    fn row(&mut self, cells: &[Cell<'_>]) -> Result<()> {
        for (i, c) in self.columns.iter_mut().enumerate() {
            c.data
                .push(cells.get(i).copied().unwrap_or(Cell::Str(None)));
        }
        Ok(())
    }
}

/// Collects one export into a [`Table`].
fn collect(export: impl FnOnce(&mut Table) -> Result<u64>) -> Result<Table> {
    let mut t = Table::default();
    export(&mut t)?;
    Ok(t)
}

/// Declares `parts` (the table's own columns, then the source columns) to `sink`.
fn declare<S: RowSink>(
    sink: &mut S,
    parts: &[&[(&'static str, ColumnType)]],
) -> std::result::Result<(), S::Error> {
    let columns: Vec<(&'static str, ColumnType)> =
        parts.iter().flat_map(|p| p.iter().copied()).collect();
    sink.columns(&columns)
}

/// The provenance cells shared by every table that cites a source
/// ([`SOURCE_COLUMNS`] in order).
fn source_cells(s: &Source) -> [Cell<'_>; 8] {
    [
        Cell::Str(Some(&s.doc)),
        Cell::Str(s.date.as_deref()),
        Cell::Str(s.title.as_deref()),
        Cell::Str(s.url.as_deref()),
        Cell::Str(s.publisher.as_deref()),
        Cell::Int(s.sentence.map(i64::from)),
        Cell::Int(Some(i64::from(s.start))),
        Cell::Int(Some(i64::from(s.end))),
    ]
}

/// Hands `head` followed by the cells of `source` to `sink` as one row.
fn row_with_source<S: RowSink>(
    sink: &mut S,
    head: &[Cell<'_>],
    source: &Source,
) -> std::result::Result<(), S::Error> {
    let mut cells: Vec<Cell<'_>> = Vec::with_capacity(head.len() + 8);
    cells.extend_from_slice(head);
    cells.extend_from_slice(&source_cells(source));
    sink.row(&cells)
}

/// Entity ids of canonical names, looked up once each.
struct Ids<'a> {
    store: &'a Store,
    cache: HashMap<String, Option<i64>>,
}

impl<'a> Ids<'a> {
    fn new(store: &'a Store) -> Self {
        Ids {
            store,
            cache: HashMap::new(),
        }
    }

    fn of(&mut self, name: &str) -> Result<Option<i64>> {
        if let Some(id) = self.cache.get(name) {
            return Ok(*id);
        }
        let id = self.store.entity_of_name(name)?.map(|e| e.id);
        self.cache.insert(name.to_string(), id);
        Ok(id)
    }

    fn list(&mut self, names: &[String]) -> Result<String> {
        let mut ids = Vec::with_capacity(names.len());
        for n in names {
            ids.push(self.of(n)?.map(|i| i.to_string()).unwrap_or_default());
        }
        Ok(ids.join(LIST_SEP))
    }
}

fn int(n: usize) -> Cell<'static> {
    Cell::Int(Some(i64::try_from(n).unwrap_or(i64::MAX)))
}

/// Every entity of the KB (most mentioned first): stable id, name, type,
/// mentions, first and last seen, aliases. Returns the number of rows.
///
/// # Errors
/// Store errors and the sink's own.
pub fn export_entities<S: RowSink>(
    store: &Store,
    sink: &mut S,
) -> std::result::Result<u64, S::Error> {
    let all = entities(store, None, ALL)?;
    declare(sink, ENTITY_COLUMNS)?;
    let mut rows = 0u64;
    for e in all {
        let aliases: Vec<&str> = e.aliases.iter().map(|a| a.name.as_str()).collect();
        let aliases = aliases.join(LIST_SEP);
        sink.row(&[
            Cell::Int(Some(e.id)),
            Cell::Str(Some(&e.name)),
            Cell::Str(Some(&e.label)),
            Cell::Int(Some(i64::try_from(e.mentions).unwrap_or(i64::MAX))),
            Cell::Str(e.first_seen.as_deref()),
            Cell::Str(e.last_seen.as_deref()),
            Cell::Str(Some(&aliases)),
        ])?;
        rows += 1;
    }
    Ok(rows)
}

/// Every attributed quote, one row per report: `item` groups the reports
/// of one statement, as `chronicle quotes` merges them.
///
/// # Errors
/// Store errors and the sink's own.
pub fn export_quotes<S: RowSink>(
    store: &Store,
    sink: &mut S,
) -> std::result::Result<u64, S::Error> {
    let found = quotes(store, None, &DateFilter::default(), ALL)?;
    declare(sink, QUOTE_COLUMNS)?;
    let mut ids = Ids::new(store);
    let mut rows = 0u64;
    for (item, q) in found.iter().enumerate() {
        let speaker_id = ids.of(&q.speaker)?;
        for p in &q.provenance {
            let head = [
                int(item),
                Cell::Str(Some(&q.speaker)),
                Cell::Int(speaker_id),
                Cell::Str(Some(&q.date)),
                Cell::Str(Some(&q.kind)),
                Cell::Str(Some(&q.cue)),
                Cell::Str(Some(&q.text)),
            ];
            row_with_source(sink, &head, p)?;
            rows += 1;
        }
    }
    Ok(rows)
}

/// Every stored event (contacts, denials, …), one row each, with its own
/// date when the text gives one and the date used to place it.
///
/// # Errors
/// Store errors and the sink's own.
pub fn export_events<S: RowSink>(
    store: &Store,
    sink: &mut S,
) -> std::result::Result<u64, S::Error> {
    store.kb_refresh().map_err(QueryError::from)?;
    let events = store.events_of(None, None, ALL).map_err(QueryError::from)?;
    declare(sink, EVENT_COLUMNS)?;
    let mut ids = Ids::new(store);
    let mut names: HashMap<String, String> = HashMap::new();
    let mut rows = 0u64;
    for ev in &events {
        let (date, dated_by) = match event_date(ev) {
            Some((d, by)) => (Some(d), Some(by)),
            None => (None, None),
        };
        let mut participants = Vec::with_capacity(ev.participants.len());
        for p in &ev.participants {
            if !names.contains_key(p) {
                names.insert(p.clone(), canonical_name(store, p)?);
            }
            participants.push(names[p].clone());
        }
        let event = format!("{}#{}", ev.prov.doc, ev.idx);
        let participant_ids = ids.list(&participants)?;
        let participants = participants.join(LIST_SEP);
        let head = [
            Cell::Str(Some(&event)),
            Cell::Str(Some(&ev.kind)),
            Cell::Str(Some(&ev.trigger)),
            Cell::Str(date.as_deref()),
            Cell::Str(dated_by),
            Cell::Str(ev.date.as_deref()),
            Cell::Bool(ev.negated),
            Cell::Str(Some(&participants)),
            Cell::Str(Some(&participant_ids)),
            Cell::Str(Some(ev.sentence_text.trim())),
        ];
        row_with_source(sink, &head, &Source::from(&ev.prov))?;
        rows += 1;
    }
    Ok(rows)
}

/// The timeline of `entity` (any alias), one row per report of each item.
///
/// # Errors
/// Unknown entity (with suggestions), store errors and the sink's own.
pub fn export_timeline<S: RowSink>(
    store: &Store,
    entity: &str,
    dates: &DateFilter,
    sink: &mut S,
) -> std::result::Result<u64, S::Error> {
    // Query first, here and above: a failed query writes nothing, not even a header.
    let t = timeline(
        store,
        entity,
        &TimelineOptions {
            dates: dates.clone(),
            limit: ALL,
        },
    )?;
    declare(sink, TIMELINE_COLUMNS)?;
    let mut rows = 0u64;
    for (item, i) in t.items.iter().enumerate() {
        let participants = i.participants.join(LIST_SEP);
        for p in &i.provenance {
            let head = [
                int(item),
                Cell::Str(Some(&t.entity)),
                Cell::Int(Some(t.entity_id)),
                Cell::Str(Some(&i.date)),
                Cell::Str(Some(i.dated_by)),
                Cell::Str(Some(&i.kind)),
                Cell::Str(Some(&i.text)),
                Cell::Str(Some(&participants)),
                Cell::Str(i.speaker.as_deref()),
                Cell::Bool(i.negated),
            ];
            row_with_source(sink, &head, p)?;
            rows += 1;
        }
    }
    Ok(rows)
}

/// Reported contacts (of `entity`, or all), one row per report.
///
/// # Errors
/// Unknown entity (with suggestions), store errors and the sink's own.
pub fn export_contacts<S: RowSink>(
    store: &Store,
    entity: Option<&str>,
    sink: &mut S,
) -> std::result::Result<u64, S::Error> {
    let found = contacts(store, entity, ALL)?;
    declare(sink, CONTACT_COLUMNS)?;
    let mut ids = Ids::new(store);
    let mut rows = 0u64;
    for (item, c) in found.iter().enumerate() {
        let participant_ids = ids.list(&c.participants)?;
        let participants = c.participants.join(LIST_SEP);
        for p in &c.provenance {
            let head = [
                int(item),
                Cell::Str(Some(&c.date)),
                Cell::Str(Some(c.dated_by)),
                Cell::Str(Some(&participants)),
                Cell::Str(Some(&participant_ids)),
                Cell::Str(Some(&c.text)),
            ];
            row_with_source(sink, &head, p)?;
            rows += 1;
        }
    }
    Ok(rows)
}

/// [`export_entities`] into memory.
///
/// # Errors
/// Store errors.
pub fn entities_table(store: &Store) -> Result<Table> {
    collect(|t| export_entities(store, t))
}

/// [`export_quotes`] into memory.
///
/// # Errors
/// Store errors.
pub fn quotes_table(store: &Store) -> Result<Table> {
    collect(|t| export_quotes(store, t))
}

/// [`export_events`] into memory.
///
/// # Errors
/// Store errors.
pub fn events_table(store: &Store) -> Result<Table> {
    collect(|t| export_events(store, t))
}

/// [`export_timeline`] into memory.
///
/// # Errors
/// Unknown entity (with suggestions) and store errors.
pub fn timeline_table(store: &Store, entity: &str, dates: &DateFilter) -> Result<Table> {
    collect(|t| export_timeline(store, entity, dates, t))
}

/// [`export_contacts`] into memory.
///
/// # Errors
/// Unknown entity (with suggestions) and store errors.
pub fn contacts_table(store: &Store, entity: Option<&str>) -> Result<Table> {
    collect(|t| export_contacts(store, entity, t))
}

// Short names keep the column lists below one line per column.
use ColumnType::{Bool as B, Int as I, Str as S};

const SOURCE_COLUMNS: &[(&str, ColumnType)] = &[
    ("doc", S),
    ("published", S),
    ("title", S),
    ("url", S),
    ("publisher", S),
    ("sentence", I),
    ("char_start", I),
    ("char_end", I),
];
const ENTITY_COLUMNS: &[&[(&str, ColumnType)]] = &[&[
    ("entity_id", I),
    ("name", S),
    ("type", S),
    ("mentions", I),
    ("first_seen", S),
    ("last_seen", S),
    ("aliases", S),
]];
const QUOTE_COLUMNS: &[&[(&str, ColumnType)]] = &[
    &[
        ("item", I),
        ("speaker", S),
        ("speaker_id", I),
        ("date", S),
        ("kind", S),
        ("cue", S),
        ("text", S),
    ],
    SOURCE_COLUMNS,
];
const EVENT_COLUMNS: &[&[(&str, ColumnType)]] = &[
    &[
        ("event", S),
        ("kind", S),
        ("trigger", S),
        ("date", S),
        ("dated_by", S),
        ("event_date", S),
        ("negated", B),
        ("participants", S),
        ("participant_ids", S),
        ("text", S),
    ],
    SOURCE_COLUMNS,
];
const TIMELINE_COLUMNS: &[&[(&str, ColumnType)]] = &[
    &[
        ("item", I),
        ("entity", S),
        ("entity_id", I),
        ("date", S),
        ("dated_by", S),
        ("kind", S),
        ("text", S),
        ("participants", S),
        ("speaker", S),
        ("negated", B),
    ],
    SOURCE_COLUMNS,
];
const CONTACT_COLUMNS: &[&[(&str, ColumnType)]] = &[
    &[
        ("item", I),
        ("date", S),
        ("dated_by", S),
        ("participants", S),
        ("participant_ids", S),
        ("text", S),
    ],
    SOURCE_COLUMNS,
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testutil::*;

    fn names(t: &Table) -> Vec<&'static str> {
        t.columns.iter().map(|c| c.name).collect()
    }

    fn strs<'t>(t: &'t Table, col: &str) -> &'t [Option<String>] {
        match t.column(col) {
            Some(ColumnData::Str(v)) => v,
            other => panic!("{col}: {other:?}"),
        }
    }

    /// Checks that every row has one cell per declared column, of its type.
    #[derive(Default)]
    struct Checked {
        columns: Vec<(&'static str, ColumnType)>,
        rows: u64,
    }

    impl RowSink for Checked {
        type Error = QueryError;
        fn columns(&mut self, columns: &[(&'static str, ColumnType)]) -> Result<()> {
            assert!(self.columns.is_empty(), "columns declared twice");
            self.columns = columns.to_vec();
            Ok(())
        }
        fn row(&mut self, cells: &[Cell<'_>]) -> Result<()> {
            assert_eq!(cells.len(), self.columns.len());
            for (cell, (name, ty)) in cells.iter().zip(&self.columns) {
                let ok = matches!(
                    (cell, ty),
                    (Cell::Str(_), ColumnType::Str)
                        | (Cell::Int(_), ColumnType::Int)
                        | (Cell::Bool(_), ColumnType::Bool)
                );
                assert!(ok, "{name}: {cell:?} in a {ty:?} column");
            }
            self.rows += 1;
            Ok(())
        }
    }

    type Export = fn(&Store, &mut Checked) -> Result<u64>;

    #[test]
    fn every_row_matches_the_declared_columns() {
        let (_d, store) = sessions_store();
        let exports: [(Export, _); 5] = [
            (|s, k| export_entities(s, k), ENTITY_COLUMNS),
            (|s, k| export_quotes(s, k), QUOTE_COLUMNS),
            (|s, k| export_events(s, k), EVENT_COLUMNS),
            (
                |s, k| export_timeline(s, "Sessions", &DateFilter::default(), k),
                TIMELINE_COLUMNS,
            ),
            (|s, k| export_contacts(s, None, k), CONTACT_COLUMNS),
        ];
        for (export, declared) in exports {
            let mut k = Checked::default();
            let n = export(&store, &mut k).unwrap();
            assert!(n > 0);
            assert_eq!(n, k.rows);
            let want: Vec<(&str, ColumnType)> =
                declared.iter().flat_map(|p| p.iter().copied()).collect();
            assert_eq!(k.columns, want);
        }
    }

    #[test]
    fn streamed_csv_is_the_table_csv() {
        let (_d, store) = sessions_store();
        let mut out = CsvSink::new(Vec::new());
        let n = export_quotes(&store, &mut out).unwrap();
        let t = quotes_table(&store).unwrap();
        assert_eq!(n as usize, t.rows());
        assert_eq!(String::from_utf8(out.into_inner()).unwrap(), t.to_csv());
        let mut out = CsvSink::new(Vec::new());
        export_events(&store, &mut out).unwrap();
        assert_eq!(
            String::from_utf8(out.into_inner()).unwrap(),
            events_table(&store).unwrap().to_csv()
        );
    }

    #[test]
    fn a_failed_query_writes_nothing() {
        let (_d, store) = sessions_store();
        let mut out = CsvSink::new(Vec::new());
        let r = export_timeline(&store, "Nobody Atall", &DateFilter::default(), &mut out);
        assert!(matches!(
            r,
            Err(ExportError::Query(QueryError::UnknownEntity { .. }))
        ));
        assert!(out.into_inner().is_empty());
    }

    #[test]
    fn tables_have_columns_of_equal_length() {
        let (_d, store) = sessions_store();
        for t in [
            entities_table(&store).unwrap(),
            quotes_table(&store).unwrap(),
            events_table(&store).unwrap(),
            timeline_table(&store, "Sessions", &DateFilter::default()).unwrap(),
            contacts_table(&store, None).unwrap(),
        ] {
            assert!(t.rows() > 0, "{:?}", names(&t));
            assert!(t.columns.iter().all(|c| c.data.len() == t.rows()));
        }
    }

    #[test]
    fn quote_rows_are_the_query_reports_with_url_and_publisher() {
        let (_d, store) = sessions_store();
        let q = quotes(&store, None, &DateFilter::default(), 1000).unwrap();
        let t = quotes_table(&store).unwrap();
        let reports: usize = q.iter().map(|q| q.provenance.len()).sum();
        assert_eq!(t.rows(), reports);
        assert_eq!(strs(&t, "text")[0].as_deref(), Some(q[0].text.as_str()));
        assert_eq!(
            strs(&t, "url")[0].as_deref(),
            q[0].provenance[0].url.as_deref()
        );
        assert_eq!(strs(&t, "publisher")[0].as_deref(), Some("Example News"));
    }

    #[test]
    fn timeline_rows_carry_the_entity_id_of_the_query() {
        let (_d, store) = sessions_store();
        let tl = timeline(&store, "Sessions", &TimelineOptions::default()).unwrap();
        let t = timeline_table(&store, "Sessions", &DateFilter::default()).unwrap();
        let reports: usize = tl.items.iter().map(|i| i.provenance.len()).sum();
        assert_eq!(t.rows(), reports);
        assert_eq!(
            t.column("entity_id"),
            Some(&ColumnData::Int(vec![Some(tl.entity_id); reports]))
        );
        assert!(timeline_table(&store, "Nobody Atall", &DateFilter::default()).is_err());
    }

    #[test]
    fn csv_quotes_fields_and_leaves_nulls_empty() {
        let t = Table {
            columns: vec![
                Column {
                    name: "a",
                    data: ColumnData::Str(vec![Some("x, \"y\"".into()), None]),
                },
                Column {
                    name: "n",
                    data: ColumnData::Int(vec![None, Some(3)]),
                },
                Column {
                    name: "b",
                    data: ColumnData::Bool(vec![true, false]),
                },
            ],
        };
        assert_eq!(t.to_csv(), "a,n,b\n\"x, \"\"y\"\"\",,true\n,3,false\n");
    }
}
