//! The news-text format: a first line `date YYYY-MM-DD` (possibly after
//! whitespace or a byte-order mark), the body on the same line or the next,
//! and an optional `title …` line after the date line.

use chronicle_model::{Date, Doc};

use crate::{IngestError, Result};

/// Parses one news-text file. `origin` names it in errors; `id` becomes the
/// document id.
///
/// # Errors
/// When the first non-blank line is not `date YYYY-MM-DD` with a valid
/// date, or when no text follows the header.
pub fn parse_news(origin: &str, id: &str, content: &str) -> Result<Doc> {
    let content = content.strip_prefix('\u{feff}').unwrap_or(content);
    let start = content.len() - content.trim_start().len();
    let line = 1 + content[..start].matches('\n').count() as u64;
    let err = |line: u64, message: String| IngestError::Record {
        path: origin.to_string(),
        line,
        message,
    };
    let rest = &content[start..];
    let Some(after_kw) = rest.strip_prefix("date") else {
        return Err(err(line, "expected a `date YYYY-MM-DD` header".into()));
    };
    let after_ws = after_kw.trim_start_matches([' ', '\t']);
    if after_ws.len() == after_kw.len() {
        return Err(err(line, "expected a `date YYYY-MM-DD` header".into()));
    }
    let token_end = after_ws
        .find(|c: char| c.is_whitespace())
        .unwrap_or(after_ws.len());
    let token = &after_ws[..token_end];
    let date = parse_header_date(token).ok_or_else(|| {
        err(
            line,
            format!(
                "invalid date `{}` in the date header (expected YYYY-MM-DD)",
                truncate(token, 40)
            ),
        )
    })?;
    let mut body = &after_ws[token_end..];
    let mut title = None;
    let same_line = body.split('\n').next().unwrap_or("");
    if same_line.trim().is_empty() {
        // The body starts on a later line; it may open with a title line.
        let next = body.trim_start();
        if let Some(t) = next.strip_prefix("title") {
            if t.starts_with([' ', '\t']) {
                let end = t.find('\n').unwrap_or(t.len());
                let value = t[..end].trim();
                if !value.is_empty() {
                    title = Some(value.to_string());
                }
                body = &t[end..];
            }
        }
    }
    let text = body.trim_start();
    if text.trim().is_empty() {
        return Err(err(line, "no text after the date header".into()));
    }
    let mut doc = Doc::new(id, Some(date), text);
    doc.title = title;
    Ok(doc)
}

/// `YYYY-MM-DD` exactly (jiff alone would also take other shapes).
fn parse_header_date(token: &str) -> Option<Date> {
    let b = token.as_bytes();
    let shape = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    if !shape {
        return None;
    }
    token.parse::<Date>().ok()
}

fn truncate(s: &str, max: usize) -> &str {
    match s.char_indices().nth(max) {
        Some((i, _)) => &s[..i],
        None => s,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn parse(content: &str) -> Result<Doc> {
        parse_news("f.txt", "f", content)
    }

    #[test]
    fn body_on_same_line() {
        let doc = parse("date 2017-03-02 US Attorney General Jeff Sessions\nmore\n").unwrap();
        assert_eq!(doc.date.unwrap().to_string(), "2017-03-02");
        assert_eq!(doc.text, "US Attorney General Jeff Sessions\nmore\n");
        assert_eq!(doc.title, None);
    }

    #[test]
    fn body_on_next_line_with_bom_and_title() {
        let doc =
            parse("\u{feff}  \n date 2017-03-02\ntitle Sessions met Kislyak \n\nBody.").unwrap();
        assert_eq!(doc.title.as_deref(), Some("Sessions met Kislyak"));
        assert_eq!(doc.text, "Body.");
    }

    #[test]
    fn title_word_in_body_is_not_a_title() {
        let doc = parse("date 2017-03-02 title fight tonight").unwrap();
        assert_eq!(doc.title, None);
        assert_eq!(doc.text, "title fight tonight");
    }

    #[test]
    fn bad_dates_are_errors_with_line() {
        let e = parse("\n\ndate 2017-13-02 text").unwrap_err().to_string();
        assert!(e.starts_with("f.txt:3: invalid date `2017-13-02`"), "{e}");
        assert!(parse("date 2017-3-2 text").is_err());
        assert!(parse("date yesterday text").is_err());
        assert!(parse("date 2017-03-02").is_err());
        assert!(parse("no header").is_err());
    }

    proptest! {
        #[test]
        fn never_panics(s in "\\PC{0,80}") {
            let _ = parse(&s);
            let _ = parse(&format!("date {s}"));
        }

        #[test]
        fn text_is_a_suffix_of_the_input(d in 1u8..28, body in "[a-zA-Z .\n]{1,60}") {
            let content = format!("date 2016-07-{d:02} {body}");
            if let Ok(doc) = parse(&content) {
                prop_assert!(content.ends_with(&doc.text));
                prop_assert!(!doc.text.starts_with(char::is_whitespace));
            }
        }
    }
}
