//! The SQLite schema, its version check and connection settings.

use std::path::Path;

use rusqlite::{Connection, OptionalExtension};

use crate::{StoreError, FORMAT_VERSION, SQLITE_FILE};

/// Version 1. Offsets are byte offsets into `docs.text`; `idx` is the
/// position of a span in its layer (layers are sorted by start).
const SCHEMA: &str = r#"
CREATE TABLE IF NOT EXISTS meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS docs (
    key        INTEGER PRIMARY KEY AUTOINCREMENT,
    id         TEXT NOT NULL UNIQUE,
    date       TEXT,
    title      TEXT,
    text       TEXT NOT NULL,
    url        TEXT,
    source     TEXT,
    origin     TEXT,
    text_hash  BLOB NOT NULL,
    annotator  TEXT NOT NULL,
    indexed    INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS docs_hash ON docs(text_hash);
CREATE INDEX IF NOT EXISTS docs_date ON docs(date);
CREATE INDEX IF NOT EXISTS docs_unindexed ON docs(indexed) WHERE indexed = 0;
CREATE TABLE IF NOT EXISTS pending_deletes (
    key INTEGER PRIMARY KEY
);
CREATE TABLE IF NOT EXISTS sentences (
    doc   INTEGER NOT NULL REFERENCES docs(key) ON DELETE CASCADE,
    idx   INTEGER NOT NULL,
    start INTEGER NOT NULL,
    end   INTEGER NOT NULL,
    PRIMARY KEY (doc, idx)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS paragraphs (
    doc   INTEGER NOT NULL REFERENCES docs(key) ON DELETE CASCADE,
    idx   INTEGER NOT NULL,
    start INTEGER NOT NULL,
    end   INTEGER NOT NULL,
    PRIMARY KEY (doc, idx)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS entities (
    doc       INTEGER NOT NULL REFERENCES docs(key) ON DELETE CASCADE,
    idx       INTEGER NOT NULL,
    start     INTEGER NOT NULL,
    end       INTEGER NOT NULL,
    label     TEXT NOT NULL,
    canonical TEXT NOT NULL,
    mention   TEXT NOT NULL,
    PRIMARY KEY (doc, idx)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS entities_canonical ON entities(canonical);
CREATE INDEX IF NOT EXISTS entities_mention ON entities(mention);
CREATE TABLE IF NOT EXISTS timexes (
    doc   INTEGER NOT NULL REFERENCES docs(key) ON DELETE CASCADE,
    idx   INTEGER NOT NULL,
    start INTEGER NOT NULL,
    end   INTEGER NOT NULL,
    type  TEXT NOT NULL,
    value TEXT NOT NULL,
    mod   TEXT,
    PRIMARY KEY (doc, idx)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS timexes_value ON timexes(value);
CREATE TABLE IF NOT EXISTS quotes (
    doc           INTEGER NOT NULL REFERENCES docs(key) ON DELETE CASCADE,
    idx           INTEGER NOT NULL,
    start         INTEGER NOT NULL,
    end           INTEGER NOT NULL,
    parts         TEXT NOT NULL,
    kind          TEXT NOT NULL,
    speaker       TEXT,
    speaker_start INTEGER,
    speaker_end   INTEGER,
    cue           TEXT NOT NULL,
    cue_start     INTEGER,
    cue_end       INTEGER,
    PRIMARY KEY (doc, idx)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS quotes_speaker ON quotes(speaker);
CREATE TABLE IF NOT EXISTS events (
    doc          INTEGER NOT NULL REFERENCES docs(key) ON DELETE CASCADE,
    idx          INTEGER NOT NULL,
    kind         TEXT NOT NULL,
    trigger      TEXT NOT NULL,
    start        INTEGER NOT NULL,
    end          INTEGER NOT NULL,
    date         TEXT,
    negated      INTEGER NOT NULL,
    PRIMARY KEY (doc, idx)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS events_date ON events(date);
CREATE TABLE IF NOT EXISTS event_participants (
    doc   INTEGER NOT NULL REFERENCES docs(key) ON DELETE CASCADE,
    event INTEGER NOT NULL,
    pos   INTEGER NOT NULL,
    name  TEXT NOT NULL,
    PRIMARY KEY (doc, event, pos)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS event_participants_name ON event_participants(name);
"#;

/// Opens (creating when missing) the SQLite database of the store in
/// `dir`, checks its format version and brings the schema up to date.
pub(crate) fn open(dir: &Path) -> crate::Result<Connection> {
    crate::create_dir(dir)?;
    let path = dir.join(SQLITE_FILE);
    let conn = Connection::open(&path)?;
    // WAL lets readers work while a writer ingests; NORMAL sync is still
    // atomic and consistent after a process kill (only an OS crash can lose
    // the last transactions, never corrupt them).
    conn.pragma_update(None, "journal_mode", "WAL")?;
    conn.pragma_update(None, "synchronous", "NORMAL")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    conn.busy_timeout(std::time::Duration::from_secs(30))?;

    let has_meta: bool = conn
        .query_row(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta'",
            [],
            |_| Ok(true),
        )
        .optional()?
        .unwrap_or(false);
    if has_meta {
        let found: Option<String> = conn
            .query_row(
                "SELECT value FROM meta WHERE key = 'format_version'",
                [],
                |r| r.get(0),
            )
            .optional()?;
        let found: u32 = found
            .as_deref()
            .and_then(|v| v.parse().ok())
            .ok_or_else(|| StoreError::NotAStore {
                path: path.clone(),
                message: "no readable format_version in its meta table".into(),
            })?;
        if found > FORMAT_VERSION {
            return Err(StoreError::NewerFormat {
                path,
                found,
                supported: FORMAT_VERSION,
            });
        }
        if found == FORMAT_VERSION {
            crate::kb::ensure_schema(&conn)?;
            return Ok(conn);
        }
    } else {
        let tables: i64 = conn.query_row(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table'",
            [],
            |r| r.get(0),
        )?;
        if tables > 0 {
            return Err(StoreError::NotAStore {
                path,
                message: "an SQLite database without chronicle's meta table".into(),
            });
        }
    }
    conn.execute_batch(&format!(
        "BEGIN IMMEDIATE;
         {SCHEMA}
         INSERT OR IGNORE INTO meta(key, value) VALUES ('format_version', '{FORMAT_VERSION}');
         COMMIT;"
    ))?;
    crate::kb::ensure_schema(&conn)?;
    Ok(conn)
}
