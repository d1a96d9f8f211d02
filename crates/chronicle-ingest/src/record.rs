//! One document from separate fields, for inputs that are not files: Arrow
//! columns, Python arguments. The checks are the JSON Lines reader's, so a
//! row and the same record as a JSONL line become the same `Doc` or fail
//! with the same message.

use chronicle_model::{Date, Doc};

use crate::jsonl::{parse_iso_date, parse_record};

/// The fields of one record; `None` is a missing or null value.
#[derive(Debug, Clone, Copy, Default)]
pub struct Fields<'a> {
    pub id: Option<&'a str>,
    /// An ISO date or date-time (`2017-03-02`, `2017-03-02T10:30:00Z`).
    pub date: Option<&'a str>,
    pub text: Option<&'a str>,
    pub title: Option<&'a str>,
    pub url: Option<&'a str>,
    pub source: Option<&'a str>,
}

/// The document for `fields`. A record without an id is named `fallback_id`;
/// one without a date gets `dct`.
///
/// # Errors
/// The message for a null or blank `text` or a `date` that is not an ISO
/// date or date-time (the caller adds where the record came from).
pub fn doc_from_fields(
    fields: &Fields<'_>,
    fallback_id: &str,
    dct: Option<Date>,
) -> Result<Doc, String> {
    let text = match fields.text {
        None => return Err("missing `text` field".into()),
        Some(t) if t.trim().is_empty() => return Err("`text` is empty".into()),
        Some(t) => t,
    };
    let date = match fields.date {
        Some(s) => Some(
            parse_iso_date(s)
                .ok_or_else(|| format!("`date` `{s}` is not an ISO date or date-time"))?,
        ),
        None => dct,
    };
    let id = match fields.id {
        Some(id) if !id.is_empty() => id,
        _ => fallback_id,
    };
    let mut doc = Doc::new(id, date, text);
    doc.title = fields.title.map(str::to_string);
    doc.meta.url = fields.url.map(str::to_string);
    doc.meta.source = fields.source.map(str::to_string);
    Ok(doc)
}

/// One JSON Lines record (`bytes`, line `line` of `origin`), exactly as the
/// JSONL reader parses it: for callers that read the lines themselves, such
/// as the CLI's line-in, line-out stdin stream. A record without `id` is
/// named `<stem>:<line>`.
///
/// # Errors
/// As the JSONL reader: invalid UTF-8 or JSON, no string `text`, a bad `date`.
pub fn parse_jsonl_line(
    origin: &str,
    stem: &str,
    line: u64,
    bytes: &[u8],
    dct: Option<Date>,
) -> crate::Result<Doc> {
    parse_record(origin, stem, line, bytes, dct)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_checks_as_jsonl() {
        let ok = Fields {
            id: Some("a"),
            date: Some("2017-03-02T10:30:00Z"),
            text: Some("Hello."),
            ..Fields::default()
        };
        let doc = doc_from_fields(&ok, "row:1", None).unwrap();
        assert_eq!((doc.id.as_str(), doc.text.as_str()), ("a", "Hello."));
        assert_eq!(
            doc.date.map(|d| d.to_string()).as_deref(),
            Some("2017-03-02")
        );

        let no_id = Fields { id: Some(""), ..ok };
        assert_eq!(doc_from_fields(&no_id, "row:1", None).unwrap().id, "row:1");
        let blank = Fields {
            text: Some(" \n"),
            ..ok
        };
        assert_eq!(
            doc_from_fields(&blank, "x", None).unwrap_err(),
            "`text` is empty"
        );
        let null = Fields { text: None, ..ok };
        assert_eq!(
            doc_from_fields(&null, "x", None).unwrap_err(),
            "missing `text` field"
        );
        let bad_date = Fields {
            date: Some("March 2"),
            ..ok
        };
        assert_eq!(
            doc_from_fields(&bad_date, "x", None).unwrap_err(),
            "`date` `March 2` is not an ISO date or date-time"
        );
        let dct: Date = "2020-01-01".parse().unwrap();
        let no_date = Fields { date: None, ..ok };
        assert_eq!(
            doc_from_fields(&no_date, "x", Some(dct)).unwrap().date,
            Some(dct)
        );
    }
}
