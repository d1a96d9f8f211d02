//! Reading an article collection: JSON Lines, optionally gzipped.

use std::io::{BufRead, BufReader, Read};
use std::path::Path;

use chronicle_model::Date;
use serde::Deserialize;

use crate::{Result, TlsError};

/// One input article: an id, its publication date and its text.
#[derive(Debug, Clone, PartialEq)]
pub struct Article {
    pub id: String,
    pub date: Date,
    pub text: String,
    /// Free-form grouping fields some collections carry (Timeline17's `topic`, `collection`).
    pub topic: Option<String>,
    pub collection: Option<String>,
}

#[derive(Deserialize)]
struct Record {
    #[serde(default)]
    id: Option<serde_json::Value>,
    #[serde(default)]
    doc_id: Option<serde_json::Value>,
    date: Option<String>,
    #[serde(default)]
    text: Option<String>,
    #[serde(default)]
    topic: Option<String>,
    #[serde(default)]
    collection: Option<String>,
}

fn id_string(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// Reads articles from a `.jsonl` or `.jsonl.gz` file. Bad records are
/// returned as warnings (and skipped), not errors.
///
/// # Errors
/// When the file cannot be opened or read.
pub fn read_articles(path: &Path) -> Result<(Vec<Article>, Vec<TlsError>)> {
    let io = |source| TlsError::Io {
        path: path.display().to_string(),
        source,
    };
    let file = std::fs::File::open(path).map_err(io)?;
    let reader: Box<dyn Read> = if path.extension().is_some_and(|e| e == "gz") {
        Box::new(flate2::read::MultiGzDecoder::new(file))
    } else {
        Box::new(file)
    };
    parse_articles(&path.display().to_string(), BufReader::new(reader))
}

/// Parses JSON Lines articles from any reader; `origin` names it in warnings.
///
/// # Errors
/// When reading fails.
pub fn parse_articles(origin: &str, reader: impl BufRead) -> Result<(Vec<Article>, Vec<TlsError>)> {
    let mut articles = Vec::new();
    let mut warnings = Vec::new();
    for (n, line) in reader.lines().enumerate() {
        let line = line.map_err(|source| TlsError::Io {
            path: origin.to_string(),
            source,
        })?;
        if line.trim().is_empty() {
            continue;
        }
        let bad = |message: String| TlsError::Record {
            path: origin.to_string(),
            line: n + 1,
            message,
        };
        let record: Record = match serde_json::from_str(&line) {
            Ok(r) => r,
            Err(e) => {
                warnings.push(bad(format!("not a JSON article: {e}")));
                continue;
            }
        };
        let Some(date) = record.date.as_deref() else {
            warnings.push(bad("no `date`".into()));
            continue;
        };
        // Accept a timestamp by its date part.
        let day = date.get(..10).unwrap_or(date);
        let Ok(date) = day.parse::<Date>() else {
            warnings.push(bad(format!("`date` {date:?} is not YYYY-MM-DD")));
            continue;
        };
        let id = record
            .id
            .as_ref()
            .or(record.doc_id.as_ref())
            .map(id_string)
            .unwrap_or_else(|| format!("line{}", n + 1));
        articles.push(Article {
            id,
            date,
            text: record.text.unwrap_or_default(),
            topic: record.topic,
            collection: record.collection,
        });
    }
    Ok((articles, warnings))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_good_and_reports_bad_lines() {
        let input = "{\"id\": 1, \"date\": \"2011-03-05\", \"text\": \"A .\"}\nnot json\n{\"id\": \"b\", \"date\": \"March\"}\n\n{\"doc_id\": \"c\", \"date\": \"2011-03-06T10:00:00\"}\n";
        let (articles, warnings) = parse_articles("x", input.as_bytes()).unwrap();
        assert_eq!(articles.len(), 2);
        assert_eq!(articles[0].id, "1");
        assert_eq!(articles[1].id, "c");
        assert_eq!(articles[1].text, "");
        assert_eq!(warnings.len(), 2);
        assert!(warnings[0].to_string().starts_with("x:2:"));
    }
}
