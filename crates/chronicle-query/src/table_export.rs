//! Flat tables of the knowledge base for export (CSV here; Parquet in the
//! CLI, which owns the columnar dependencies).
//!
//! A table is column-major with typed, nullable columns so that a columnar
//! writer maps each column to one array without guessing types. The rows
//! flatten the query results: one row per *report* of an item (item × its
//! sources), with an `item` column grouping the reports of one merged item,
//! so an export says exactly what the query says and still carries the
//! provenance of every source (document, date, url, publisher, sentence,
//! character offsets). Lists (participants, aliases) are joined with `; `.
//! No stage reports a confidence yet, so no table has such a column.

use std::collections::HashMap;

use chronicle_store::Store;

use crate::dates::event_date;
use crate::{
    canonical_name, contacts, entities, quotes, timeline, DateFilter, Result, Source,
    TimelineOptions,
};

/// Separator of list values inside one cell.
pub const LIST_SEP: &str = "; ";

/// "Everything" for the row limits of the underlying queries.
const ALL: usize = u32::MAX as usize;

/// The data of one column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ColumnData {
    Str(Vec<Option<String>>),
    Int(Vec<Option<i64>>),
    Bool(Vec<bool>),
}

impl ColumnData {
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

    /// The cell in row `i` as CSV text (empty for null).
    fn text(&self, i: usize) -> String {
        match self {
            ColumnData::Str(v) => v.get(i).cloned().flatten().unwrap_or_default(),
            ColumnData::Int(v) => v
                .get(i)
                .copied()
                .flatten()
                .map(|n| n.to_string())
                .unwrap_or_default(),
            ColumnData::Bool(v) => v.get(i).map(|b| b.to_string()).unwrap_or_default(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Column {
    pub name: &'static str,
    pub data: ColumnData,
}

/// A flat table: columns of equal length.
#[derive(Debug, Clone, PartialEq, Eq)]
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

    /// RFC 4180 CSV with a header line.
    pub fn to_csv(&self) -> String {
        let mut out = String::new();
        let header: Vec<&str> = self.columns.iter().map(|c| c.name).collect();
        out.push_str(&header.join(","));
        out.push('\n');
        for i in 0..self.rows() {
            let cells: Vec<String> = self
                .columns
                .iter()
                .map(|c| csv_field(&c.data.text(i)))
                .collect();
            out.push_str(&cells.join(","));
            out.push('\n');
        }
        out
    }
}

fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// Builds a table row by row; each `push_*` appends to the named column,
/// created on first use in call order.
#[derive(Default)]
struct Builder {
    columns: Vec<Column>,
}

impl Builder {
    fn slot(&mut self, name: &'static str, empty: ColumnData) -> &mut ColumnData {
        let i = match self.columns.iter().position(|c| c.name == name) {
            Some(i) => i,
            None => {
                self.columns.push(Column { name, data: empty });
                self.columns.len() - 1
            }
        };
        &mut self.columns[i].data
    }

    fn str(&mut self, name: &'static str, v: Option<&str>) {
        if let ColumnData::Str(c) = self.slot(name, ColumnData::Str(Vec::new())) {
            c.push(v.map(str::to_string));
        }
    }

    fn int(&mut self, name: &'static str, v: Option<i64>) {
        if let ColumnData::Int(c) = self.slot(name, ColumnData::Int(Vec::new())) {
            c.push(v);
        }
    }

    fn bool(&mut self, name: &'static str, v: bool) {
        if let ColumnData::Bool(c) = self.slot(name, ColumnData::Bool(Vec::new())) {
            c.push(v);
        }
    }

    /// The provenance columns shared by every table that cites a source.
    fn source(&mut self, s: &Source) {
        self.str("doc", Some(&s.doc));
        self.str("published", s.date.as_deref());
        self.str("title", s.title.as_deref());
        self.str("url", s.url.as_deref());
        self.str("publisher", s.publisher.as_deref());
        self.int("sentence", s.sentence.map(i64::from));
        self.int("char_start", Some(i64::from(s.start)));
        self.int("char_end", Some(i64::from(s.end)));
    }

    fn build(self) -> Table {
        Table {
            columns: self.columns,
        }
    }
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

/// Every entity of the KB (most mentioned first): stable id, name, type,
/// mentions, first and last seen, aliases.
///
/// # Errors
/// Store errors.
pub fn entities_table(store: &Store) -> Result<Table> {
    let mut b = Builder::default();
    for e in entities(store, None, ALL)? {
        b.int("entity_id", Some(e.id));
        b.str("name", Some(&e.name));
        b.str("type", Some(&e.label));
        b.int("mentions", Some(e.mentions as i64));
        b.str("first_seen", e.first_seen.as_deref());
        b.str("last_seen", e.last_seen.as_deref());
        let aliases: Vec<&str> = e.aliases.iter().map(|a| a.name.as_str()).collect();
        b.str("aliases", Some(&aliases.join(LIST_SEP)));
    }
    Ok(empty_or(b, ENTITY_COLUMNS))
}

/// Every attributed quote, one row per report: `item` groups the reports
/// of one statement, as `chronicle quotes` merges them.
///
/// # Errors
/// Store errors.
pub fn quotes_table(store: &Store) -> Result<Table> {
    let mut b = Builder::default();
    let mut ids = Ids::new(store);
    for (item, q) in quotes(store, None, &DateFilter::default(), ALL)?
        .iter()
        .enumerate()
    {
        let speaker_id = ids.of(&q.speaker)?;
        for p in &q.provenance {
            b.int("item", Some(item as i64));
            b.str("speaker", Some(&q.speaker));
            b.int("speaker_id", speaker_id);
            b.str("date", Some(&q.date));
            b.str("kind", Some(&q.kind));
            b.str("cue", Some(&q.cue));
            b.str("text", Some(&q.text));
            b.source(p);
        }
    }
    Ok(empty_or(b, QUOTE_COLUMNS))
}

/// Every stored event (contacts, denials, …), one row each, with its own
/// date when the text gives one and the date used to place it.
///
/// # Errors
/// Store errors.
pub fn events_table(store: &Store) -> Result<Table> {
    store.kb_refresh()?;
    let mut b = Builder::default();
    let mut ids = Ids::new(store);
    let mut names: HashMap<String, String> = HashMap::new();
    for ev in store.events_of(None, None, ALL)? {
        let (date, dated_by) = match event_date(&ev) {
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
        b.str("event", Some(&format!("{}#{}", ev.prov.doc, ev.idx)));
        b.str("kind", Some(&ev.kind));
        b.str("trigger", Some(&ev.trigger));
        b.str("date", date.as_deref());
        b.str("dated_by", dated_by);
        b.str("event_date", ev.date.as_deref());
        b.bool("negated", ev.negated);
        b.str("participants", Some(&participants.join(LIST_SEP)));
        b.str("participant_ids", Some(&ids.list(&participants)?));
        b.str("text", Some(ev.sentence_text.trim()));
        b.source(&Source::from(&ev.prov));
    }
    Ok(empty_or(b, EVENT_COLUMNS))
}

/// The timeline of `entity` (any alias), one row per report of each item.
///
/// # Errors
/// Unknown entity (with suggestions) and store errors.
pub fn timeline_table(store: &Store, entity: &str, dates: &DateFilter) -> Result<Table> {
    let t = timeline(
        store,
        entity,
        &TimelineOptions {
            dates: dates.clone(),
            limit: ALL,
        },
    )?;
    let mut b = Builder::default();
    for (item, i) in t.items.iter().enumerate() {
        for p in &i.provenance {
            b.int("item", Some(item as i64));
            b.str("entity", Some(&t.entity));
            b.int("entity_id", Some(t.entity_id));
            b.str("date", Some(&i.date));
            b.str("dated_by", Some(i.dated_by));
            b.str("kind", Some(&i.kind));
            b.str("text", Some(&i.text));
            b.str("participants", Some(&i.participants.join(LIST_SEP)));
            b.str("speaker", i.speaker.as_deref());
            b.bool("negated", i.negated);
            b.source(p);
        }
    }
    Ok(empty_or(b, TIMELINE_COLUMNS))
}

/// Reported contacts (of `entity`, or all), one row per report.
///
/// # Errors
/// Unknown entity (with suggestions) and store errors.
pub fn contacts_table(store: &Store, entity: Option<&str>) -> Result<Table> {
    let mut b = Builder::default();
    let mut ids = Ids::new(store);
    for (item, c) in contacts(store, entity, ALL)?.iter().enumerate() {
        let participant_ids = ids.list(&c.participants)?;
        for p in &c.provenance {
            b.int("item", Some(item as i64));
            b.str("date", Some(&c.date));
            b.str("dated_by", Some(c.dated_by));
            b.str("participants", Some(&c.participants.join(LIST_SEP)));
            b.str("participant_ids", Some(&participant_ids));
            b.str("text", Some(&c.text));
            b.source(p);
        }
    }
    Ok(empty_or(b, CONTACT_COLUMNS))
}

#[derive(Clone, Copy)]
enum Kind {
    S,
    I,
    B,
}

const SOURCE_COLUMNS: &[(&str, Kind)] = &[
    ("doc", Kind::S),
    ("published", Kind::S),
    ("title", Kind::S),
    ("url", Kind::S),
    ("publisher", Kind::S),
    ("sentence", Kind::I),
    ("char_start", Kind::I),
    ("char_end", Kind::I),
];
const ENTITY_COLUMNS: &[&[(&str, Kind)]] = &[&[
    ("entity_id", Kind::I),
    ("name", Kind::S),
    ("type", Kind::S),
    ("mentions", Kind::I),
    ("first_seen", Kind::S),
    ("last_seen", Kind::S),
    ("aliases", Kind::S),
]];
const QUOTE_COLUMNS: &[&[(&str, Kind)]] = &[
    &[
        ("item", Kind::I),
        ("speaker", Kind::S),
        ("speaker_id", Kind::I),
        ("date", Kind::S),
        ("kind", Kind::S),
        ("cue", Kind::S),
        ("text", Kind::S),
    ],
    SOURCE_COLUMNS,
];
const EVENT_COLUMNS: &[&[(&str, Kind)]] = &[
    &[
        ("event", Kind::S),
        ("kind", Kind::S),
        ("trigger", Kind::S),
        ("date", Kind::S),
        ("dated_by", Kind::S),
        ("event_date", Kind::S),
        ("negated", Kind::B),
        ("participants", Kind::S),
        ("participant_ids", Kind::S),
        ("text", Kind::S),
    ],
    SOURCE_COLUMNS,
];
const TIMELINE_COLUMNS: &[&[(&str, Kind)]] = &[
    &[
        ("item", Kind::I),
        ("entity", Kind::S),
        ("entity_id", Kind::I),
        ("date", Kind::S),
        ("dated_by", Kind::S),
        ("kind", Kind::S),
        ("text", Kind::S),
        ("participants", Kind::S),
        ("speaker", Kind::S),
        ("negated", Kind::B),
    ],
    SOURCE_COLUMNS,
];
const CONTACT_COLUMNS: &[&[(&str, Kind)]] = &[
    &[
        ("item", Kind::I),
        ("date", Kind::S),
        ("dated_by", Kind::S),
        ("participants", Kind::S),
        ("participant_ids", Kind::S),
        ("text", Kind::S),
    ],
    SOURCE_COLUMNS,
];

/// The built table, or, when it has no rows, an empty table with the same
/// columns (the builder learns columns from the first row).
fn empty_or(b: Builder, columns: &[&[(&'static str, Kind)]]) -> Table {
    if !b.columns.is_empty() {
        return b.build();
    }
    Table {
        columns: columns
            .iter()
            .flat_map(|part| part.iter())
            .map(|&(name, kind)| Column {
                name,
                data: match kind {
                    Kind::S => ColumnData::Str(Vec::new()),
                    Kind::I => ColumnData::Int(Vec::new()),
                    Kind::B => ColumnData::Bool(Vec::new()),
                },
            })
            .collect(),
    }
}

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

    #[test]
    fn tables_have_equal_columns_and_match_the_declared_schema() {
        let (_d, store) = sessions_store();
        let tables = [
            (entities_table(&store).unwrap(), ENTITY_COLUMNS),
            (quotes_table(&store).unwrap(), QUOTE_COLUMNS),
            (events_table(&store).unwrap(), EVENT_COLUMNS),
            (
                timeline_table(&store, "Sessions", &DateFilter::default()).unwrap(),
                TIMELINE_COLUMNS,
            ),
            (contacts_table(&store, None).unwrap(), CONTACT_COLUMNS),
        ];
        for (t, declared) in &tables {
            assert!(t.rows() > 0, "{:?}", names(t));
            assert!(t.columns.iter().all(|c| c.data.len() == t.rows()));
            // An empty export must carry the same columns as a full one.
            let empty = empty_or(Builder::default(), declared);
            assert_eq!(names(&empty), names(t));
            for (a, b) in empty.columns.iter().zip(&t.columns) {
                assert_eq!(
                    std::mem::discriminant(&a.data),
                    std::mem::discriminant(&b.data),
                    "{}",
                    a.name
                );
            }
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
