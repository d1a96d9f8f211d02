//! JSON Lines: one object a line with `text` and optional `id`, `date`,
//! `title`, `url`, `source`. Read one line at a time so that files of any
//! size stream through.

use std::io::BufRead;
use std::ops::ControlFlow;

use chronicle_model::{Date, Doc};
use serde_json::Value;

use crate::{IngestError, Result, Sink};

/// Reads every line of `reader`. Returns the I/O error that stopped it, if
/// any (the caller knows where in the file that was).
pub(crate) fn read(
    origin: &str,
    stem: &str,
    reader: &mut dyn BufRead,
    dct: Option<Date>,
    sink: &mut Sink<'_>,
) -> std::result::Result<ControlFlow<()>, std::io::Error> {
    let mut buf = Vec::new();
    let mut line_no = 0u64;
    let mut any = false;
    loop {
        buf.clear();
        if reader.read_until(b'\n', &mut buf)? == 0 {
            break;
        }
        line_no += 1;
        if buf.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        any = true;
        if sink(parse_record(origin, stem, line_no, &buf, dct)).is_break() {
            return Ok(ControlFlow::Break(()));
        }
    }
    if !any {
        return Ok(sink(Err(IngestError::File {
            path: origin.to_string(),
            message: "empty file: no JSON records".into(),
        })));
    }
    Ok(ControlFlow::Continue(()))
}

/// One JSONL record.
///
/// # Errors
/// Invalid UTF-8 or JSON, a non-object, a missing or non-string `text`, or
/// a `date` that is not an ISO date or date-time.
pub(crate) fn parse_record(
    origin: &str,
    stem: &str,
    line: u64,
    bytes: &[u8],
    dct: Option<Date>,
) -> Result<Doc> {
    let err = |message: String| IngestError::Record {
        path: origin.to_string(),
        line,
        message,
    };
    let text = std::str::from_utf8(bytes).map_err(|e| {
        err(format!(
            "invalid UTF-8 at byte {} of the line",
            e.valid_up_to()
        ))
    })?;
    let value: Value =
        serde_json::from_str(text).map_err(|e| err(format!("malformed JSON: {e}")))?;
    let Value::Object(mut obj) = value else {
        return Err(err("expected a JSON object".into()));
    };
    let body = match obj.remove("text") {
        Some(Value::String(s)) => s,
        Some(_) => return Err(err("`text` is not a string".into())),
        None => return Err(err("missing `text` field".into())),
    };
    if body.trim().is_empty() {
        return Err(err("`text` is empty".into()));
    }
    // Only `id` names a record (the contract): `doc_id` in the Timeline17
    // files repeats across collections (1,769 distinct in 3,354 records),
    // so taking it would turn distinct articles into id conflicts.
    let id = match obj.get("id") {
        Some(Value::String(s)) if !s.is_empty() => s.clone(),
        Some(Value::Number(n)) => n.to_string(),
        Some(Value::Null) | None => format!("{stem}:{line}"),
        Some(_) => return Err(err("`id` is not a string or number".into())),
    };
    let date = match obj.get("date") {
        Some(Value::String(s)) => Some(
            parse_iso_date(s)
                .ok_or_else(|| err(format!("`date` `{s}` is not an ISO date or date-time")))?,
        ),
        Some(Value::Null) | None => dct,
        Some(_) => return Err(err("`date` is not a string".into())),
    };
    let string = |key: &str| -> Result<Option<String>> {
        match obj.get(key) {
            Some(Value::String(s)) => Ok(Some(s.clone())),
            Some(Value::Null) | None => Ok(None),
            Some(_) => Err(err(format!("`{key}` is not a string"))),
        }
    };
    let mut doc = Doc::new(id, date, body);
    doc.title = string("title")?;
    doc.meta.url = string("url")?;
    doc.meta.source = string("source")?;
    doc.meta.origin = Some(format!("{origin}:{line}"));
    Ok(doc)
}

/// `YYYY-MM-DD`, optionally followed by a time (`T` or a space), with or
/// without an offset: the calendar date as written.
pub(crate) fn parse_iso_date(s: &str) -> Option<Date> {
    let s = s.trim();
    let (day, rest) = if s.len() > 10 && s.is_char_boundary(10) {
        s.split_at(10)
    } else {
        (s, "")
    };
    let date: Date = day.parse().ok()?;
    if day.len() != 10 {
        return None;
    }
    if rest.is_empty() {
        return Some(date);
    }
    let time = rest.strip_prefix(['T', 't', ' '])?;
    // Validate the time part: a civil time, then an optional zone/offset.
    let clock_end = time
        .find(|c: char| !(c.is_ascii_digit() || c == ':' || c == '.' || c == ','))
        .unwrap_or(time.len());
    let clock = &time[..clock_end];
    clock.parse::<jiff::civil::Time>().ok()?;
    let zone = &time[clock_end..];
    let zone_ok = zone.is_empty()
        || zone.eq_ignore_ascii_case("z")
        || ((zone.starts_with('+') || zone.starts_with('-'))
            && zone.len() <= 6
            && zone[1..].bytes().all(|b| b.is_ascii_digit() || b == b':'));
    zone_ok.then_some(date)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rec(line: &str) -> Result<Doc> {
        parse_record("in.jsonl", "in", 7, line.as_bytes(), None)
    }

    #[test]
    fn full_record() {
        let doc = rec(r#"{"id":"a1","date":"2017-03-02T10:30:00Z","title":"T","url":"http://x","source":"AP","text":"Hello."}"#).unwrap();
        assert_eq!(doc.id, "a1");
        assert_eq!(doc.date.unwrap().to_string(), "2017-03-02");
        assert_eq!(doc.title.as_deref(), Some("T"));
        assert_eq!(doc.meta.url.as_deref(), Some("http://x"));
        assert_eq!(doc.meta.source.as_deref(), Some("AP"));
        assert_eq!(doc.text, "Hello.");
    }

    #[test]
    fn default_id_and_numbers() {
        assert_eq!(rec(r#"{"text":"x"}"#).unwrap().id, "in:7");
        assert_eq!(rec(r#"{"doc_id":"138","text":"x"}"#).unwrap().id, "in:7");
        assert_eq!(rec(r#"{"id":5,"text":"x"}"#).unwrap().id, "5");
    }

    #[test]
    fn bad_records() {
        let e = rec(r#"{"id":"a"}"#).unwrap_err().to_string();
        assert_eq!(e, "in.jsonl:7: missing `text` field");
        assert!(rec("{\"text\": ")
            .unwrap_err()
            .to_string()
            .starts_with("in.jsonl:7: malformed JSON"));
        assert!(rec(r#"{"text":"x","date":"March 2"}"#).is_err());
        assert!(rec(r#"{"text":"x","date":"2017-02-30"}"#).is_err());
        assert!(rec(r#"[1]"#).is_err());
        assert!(parse_record("f", "f", 1, b"{\"text\":\"\xff\"}", None).is_err());
    }

    #[test]
    fn iso_dates() {
        for ok in [
            "2017-03-02",
            "2017-03-02T10:30",
            "2017-03-02 10:30:00.123+01:00",
            "2017-03-02T10:30:00Z",
        ] {
            assert!(parse_iso_date(ok).is_some(), "{ok}");
        }
        for bad in [
            "2017-3-2",
            "20170302",
            "2017-03-02x",
            "2017-03-02T25:00",
            "2017-03-02é",
        ] {
            assert!(parse_iso_date(bad).is_none(), "{bad}");
        }
    }
}
