//! The tantivy side: schema, opening, adding and deleting documents.

use std::path::Path;

use tantivy::directory::MmapDirectory;
use tantivy::schema::{Field, Schema, FAST, INDEXED, STORED, STRING, TEXT};
use tantivy::{Index, IndexWriter, TantivyDocument, Term};

use crate::{Result, StoreError, INDEX_DIR};

/// Field handles of the index schema.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Fields {
    /// `docs.key` in SQLite: the join back to the source of truth.
    pub key: Field,
    pub id: Field,
    pub title: Field,
    pub text: Field,
    /// The document date as `YYYYMMDD`, for range filters.
    pub day: Field,
}

fn schema() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let key = b.add_u64_field("key", INDEXED | FAST | STORED);
    let id = b.add_text_field("id", STRING | STORED);
    let title = b.add_text_field("title", TEXT);
    let text = b.add_text_field("text", TEXT);
    let day = b.add_u64_field("day", INDEXED | FAST);
    (
        b.build(),
        Fields {
            key,
            id,
            title,
            text,
            day,
        },
    )
}

pub(crate) fn open(dir: &Path) -> Result<(Index, Fields)> {
    let path = dir.join(INDEX_DIR);
    crate::create_dir(&path)?;
    let (schema, _) = schema();
    let directory = MmapDirectory::open(&path).map_err(|e| StoreError::Io {
        path: path.clone(),
        source: std::io::Error::other(e.to_string()),
    })?;
    let index = Index::open_or_create(directory, schema)?;
    // A store from a build with another index schema: fields by name.
    let s = index.schema();
    let field = |name: &str| {
        s.get_field(name)
            .map_err(|_| StoreError::Corrupt(format!("the full-text index has no `{name}` field")))
    };
    let fields = Fields {
        key: field("key")?,
        id: field("id")?,
        title: field("title")?,
        text: field("text")?,
        day: field("day")?,
    };
    Ok((index, fields))
}

/// `YYYY-MM-DD` → `YYYYMMDD`.
pub(crate) fn day_number(date: &str) -> Option<u64> {
    let digits: String = date.chars().filter(char::is_ascii_digit).collect();
    (digits.len() == 8).then(|| digits.parse().ok()).flatten()
}

/// A document to index, as stored in SQLite.
pub(crate) struct IndexDoc {
    pub key: i64,
    pub id: String,
    pub date: Option<String>,
    pub title: Option<String>,
    pub text: String,
}

pub(crate) fn delete_key(writer: &IndexWriter, fields: &Fields, key: i64) {
    writer.delete_term(Term::from_field_u64(fields.key, key as u64));
}

pub(crate) fn add(writer: &IndexWriter, fields: &Fields, doc: &IndexDoc) -> Result<()> {
    let mut d = TantivyDocument::default();
    d.add_u64(fields.key, doc.key as u64);
    d.add_text(fields.id, &doc.id);
    if let Some(title) = &doc.title {
        d.add_text(fields.title, title);
    }
    d.add_text(fields.text, &doc.text);
    if let Some(day) = doc.date.as_deref().and_then(day_number) {
        d.add_u64(fields.day, day);
    }
    writer.add_document(d)?;
    Ok(())
}
