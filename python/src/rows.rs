//! One input row, checked before annotation by the same rules as a JSONL
//! record (`chronicle_ingest::record`): a row that cannot be annotated (no
//! text, a bad date, a field of the wrong type, a document too large to
//! annotate safely) becomes a [`Bad`] row that carries its error to the
//! output instead of failing the batch, so one bad record never stops a job.

use chronicle_ingest::record::{doc_from_fields, Fields as RecordFields};
use chronicle_model::{Date, Doc};

/// Texts above this many bytes are not annotated (the Arrow path's limit,
/// so both entry points refuse the same rows).
pub const DEFAULT_MAX_BYTES: usize = chronicle_arrow::MAX_TEXT_BYTES;

/// A row that is not annotated, with why.
#[derive(Debug, Clone, PartialEq)]
pub struct Bad {
    pub id: String,
    /// The date as given, when there was one.
    pub date: Option<String>,
    pub text: String,
    pub error: String,
}

/// A document to annotate, or a row reported as bad.
pub type Row = Result<Doc, Bad>;

/// The fields of one record, as extracted from Python.
#[derive(Debug, Clone, Default)]
pub struct Fields {
    pub id: String,
    pub text: Option<String>,
    /// The date as given (an ISO date or date-time).
    pub date: Option<String>,
    pub title: Option<String>,
    pub url: Option<String>,
    pub source: Option<String>,
    /// A field of the wrong type, found while extracting: the row is bad.
    pub problem: Option<String>,
}

/// Checks a record and builds its `Doc`; `dct` is the date of records without one.
pub fn row(fields: Fields, dct: Option<Date>, max_bytes: usize) -> Row {
    let bad = |error: String| Bad {
        id: fields.id.clone(),
        date: fields.date.clone(),
        text: fields.text.clone().unwrap_or_default(),
        error,
    };
    if let Some(problem) = &fields.problem {
        return Err(bad(problem.clone()));
    }
    if let Some(text) = &fields.text {
        if text.len() > max_bytes {
            return Err(Bad {
                // A huge text is not copied into the error row (as on the Arrow path).
                text: String::new(),
                ..bad(format!(
                    "`text` is {} bytes; the limit is {max_bytes}",
                    text.len()
                ))
            });
        }
    }
    let record = RecordFields {
        id: Some(&fields.id),
        date: fields.date.as_deref(),
        text: fields.text.as_deref(),
        title: fields.title.as_deref(),
        url: fields.url.as_deref(),
        source: fields.source.as_deref(),
    };
    doc_from_fields(&record, &fields.id, dct).map_err(bad)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(text: Option<&str>, date: Option<&str>) -> Fields {
        Fields {
            id: "a".into(),
            text: text.map(str::to_string),
            date: date.map(str::to_string),
            ..Fields::default()
        }
    }

    #[test]
    fn good_row() {
        let doc = row(fields(Some("Hello."), Some("2017-03-02T09:00Z")), None, 100).unwrap();
        assert_eq!(doc.id, "a");
        assert_eq!(
            doc.date.map(|d| d.to_string()).as_deref(),
            Some("2017-03-02")
        );
        assert_eq!(doc.text, "Hello.");
        let dct: Date = "2020-01-01".parse().unwrap();
        assert_eq!(
            row(fields(Some("x"), None), Some(dct), 100).unwrap().date,
            Some(dct)
        );
    }

    #[test]
    fn bad_rows_say_why() {
        let err = |f: Fields, max: usize| row(f, None, max).unwrap_err().error;
        assert_eq!(err(fields(None, None), 100), "missing `text` field");
        assert_eq!(err(fields(Some(" \n"), None), 100), "`text` is empty");
        assert!(err(fields(Some("x"), Some("2017-02-30")), 100).contains("2017-02-30"));
        assert!(err(fields(Some("long text"), None), 4).contains("the limit is 4"));
        let mut f = fields(Some("x"), None);
        f.problem = Some("`date` is not a string or date".into());
        assert_eq!(err(f, 100), "`date` is not a string or date");
    }
}
