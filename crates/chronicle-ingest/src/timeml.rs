//! The TimeML reader (TempEval-3 style): the DCT becomes the document date,
//! the `<TEXT>` content with its tags removed and entities decoded becomes
//! the text. The raw parts before and after the text are kept so a writer
//! can put system tags back into an otherwise unchanged file, and the
//! TIMEX3 annotations found inside `<TEXT>` are returned for scoring.

use chronicle_model::{Date, Doc, Span, Timex, TimexMod, TimexType};

use crate::xml::{attr, decode_entities, decode_one, find_tag, parse_date};
use crate::IngestError;

/// One TimeML file, split around its text.
#[derive(Debug, Clone)]
pub struct TimemlFile {
    pub doc: Doc,
    /// The raw file up to and including the `<TEXT>` start tag.
    pub head: String,
    /// The raw file from the `</TEXT>` end tag on.
    pub tail: String,
    /// TIMEX3 annotations inside `<TEXT>`, as spans into `doc.text`.
    pub timexes: Vec<Timex>,
}

/// Reads one TimeML document: the DCT becomes the date, the TEXT content
/// (tags removed, entities decoded) the text.
///
/// # Errors
/// When the file has no `<TEXT>` element or a malformed DCT.
pub fn parse_timeml(origin: &str, content: &str) -> crate::Result<Doc> {
    read_timeml(origin, content).map(|f| f.doc)
}

/// Like [`parse_timeml`], keeping the raw parts and the gold TIMEX3s.
///
/// # Errors
/// When the file has no `<TEXT>` element, a malformed DCT or a broken tag
/// inside the text.
pub fn read_timeml(origin: &str, content: &str) -> crate::Result<TimemlFile> {
    let err = |message: String| IngestError::File {
        path: origin.to_string(),
        message,
    };
    let open = find_tag(content, "TEXT", 0).ok_or_else(|| err("no <TEXT> element".into()))?;
    let body_start = open.1;
    let close = content[body_start..]
        .find("</TEXT>")
        .map(|p| p + body_start)
        .ok_or_else(|| err("no </TEXT> end tag".into()))?;
    let date = dct(content).map_err(err)?;
    let (text, timexes) =
        strip_tags(&content[body_start..close]).map_err(|m| err(format!("in <TEXT>: {m}")))?;
    let mut doc = Doc::new(
        decode_entities(&element_text(content, "DOCID").unwrap_or_default()),
        date,
        text,
    );
    doc.title = element_text(content, "TITLE").map(|t| decode_entities(&t));
    doc.meta.origin = Some(origin.to_string());
    Ok(TimemlFile {
        doc,
        head: content[..body_start].to_string(),
        tail: content[close..].to_string(),
        timexes,
    })
}

/// Escapes text for an XML text node (only what XML requires).
pub fn escape_text(s: &str, out: &mut String) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c => out.push(c),
        }
    }
}

/// Escapes an attribute value.
pub fn escape_attr(s: &str, out: &mut String) {
    for c in s.chars() {
        match c {
            '"' => out.push_str("&quot;"),
            c => escape_text(c.encode_utf8(&mut [0; 4]), out),
        }
    }
}

/// The file with the system's timexes in place of the input annotations.
pub fn write_timeml(file: &TimemlFile, text: &str, timexes: &[Timex]) -> String {
    let mut out = String::with_capacity(file.head.len() + file.tail.len() + text.len() * 11 / 10);
    out.push_str(&file.head);
    let mut at = 0usize;
    for (n, t) in timexes.iter().enumerate() {
        let (s, e) = (t.span.start as usize, t.span.end as usize);
        if s < at || e > text.len() || !text.is_char_boundary(s) || !text.is_char_boundary(e) {
            continue;
        }
        escape_text(&text[at..s], &mut out);
        out.push_str(&format!(
            "<TIMEX3 tid=\"t{}\" type=\"{}\" value=\"",
            n + 1,
            t.kind.as_str()
        ));
        escape_attr(&t.value, &mut out);
        out.push('"');
        if let Some(m) = t.modifier {
            out.push_str(&format!(" mod=\"{}\"", m.as_str()));
        }
        out.push('>');
        escape_text(&text[s..e], &mut out);
        out.push_str("</TIMEX3>");
        at = e;
    }
    escape_text(&text[at..], &mut out);
    out.push_str(&file.tail);
    out
}

/// A minimal TimeML file around `doc`: its id, its date as the DCT, and an
/// empty `<TEXT>` for [`write_timeml`] to fill.
pub fn timeml_shell(doc: &Doc) -> TimemlFile {
    let mut head = String::from("<?xml version=\"1.0\" ?>\n<TimeML>\n<DOCID>");
    escape_text(&doc.id, &mut head);
    head.push_str("</DOCID>\n");
    if let Some(date) = doc.date {
        head.push_str(&format!(
            "<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"{date}\" temporalFunction=\"false\" \
             functionInDocument=\"CREATION_TIME\">{date}</TIMEX3></DCT>\n"
        ));
    }
    head.push_str("<TEXT>");
    TimemlFile {
        doc: doc.clone(),
        head,
        tail: "</TEXT>\n</TimeML>\n".into(),
        timexes: Vec::new(),
    }
}

fn element_text(content: &str, name: &str) -> Option<String> {
    let (_, open_end) = find_tag(content, name, 0)?;
    let close = content[open_end..].find(&format!("</{name}>"))? + open_end;
    let inner = &content[open_end..close];
    let mut text = String::new();
    let mut rest = inner;
    while let Some(p) = rest.find('<') {
        text.push_str(&rest[..p]);
        rest = rest[p..].find('>').map_or("", |q| &rest[p + q + 1..]);
    }
    text.push_str(rest);
    Some(text.trim().to_string())
}

/// The DCT's value as a date; `Ok(None)` when the file has no DCT.
fn dct(content: &str) -> Result<Option<Date>, String> {
    let Some((_, open_end)) = find_tag(content, "DCT", 0) else {
        return Ok(None);
    };
    let Some(close) = content[open_end..].find("</DCT>") else {
        return Err("no </DCT> end tag".into());
    };
    let inner = &content[open_end..open_end + close];
    let Some((t, _)) = find_tag(inner, "TIMEX3", 0) else {
        return Err("<DCT> without a TIMEX3".into());
    };
    let tag_end = inner[t..].find('>').map_or(inner.len(), |p| t + p);
    let value = attr(&inner[t..tag_end], "value").ok_or("DCT TIMEX3 without a value")?;
    parse_date(&value)
        .map(Some)
        .ok_or_else(|| format!("malformed DCT value {value:?}"))
}

/// Removes tags from the text, decoding entities; collects TIMEX3s.
fn strip_tags(raw: &str) -> Result<(String, Vec<Timex>), String> {
    let mut text = String::with_capacity(raw.len());
    let mut timexes = Vec::new();
    let mut open: Option<(usize, String)> = None;
    let mut rest = raw;
    while !rest.is_empty() {
        let Some(p) = rest.find(['<', '&']) else {
            text.push_str(rest);
            break;
        };
        text.push_str(&rest[..p]);
        rest = &rest[p..];
        if rest.starts_with('&') {
            let (decoded, len) = decode_one(rest);
            text.push_str(&decoded);
            rest = &rest[len..];
            continue;
        }
        let end = rest.find('>').ok_or("unterminated tag")?;
        let tag = &rest[1..end];
        if let Some(name_rest) = tag.strip_prefix("TIMEX3") {
            if name_rest.is_empty() || name_rest.starts_with(|c: char| c.is_ascii_whitespace()) {
                if tag.ends_with('/') {
                    // An empty TIMEX3 (no extent) is not a text annotation.
                } else {
                    open = Some((text.len(), tag.to_string()));
                }
            }
        } else if tag == "/TIMEX3" {
            let (start, open_tag) = open.take().ok_or("</TIMEX3> without a start tag")?;
            timexes.push(Timex {
                span: Span::new(start, text.len()),
                kind: attr(&open_tag, "type")
                    .and_then(|t| TimexType::parse(&t))
                    .unwrap_or(TimexType::Date),
                value: attr(&open_tag, "value").unwrap_or_default(),
                modifier: attr(&open_tag, "mod").and_then(|m| TimexMod::parse(&m)),
            });
        }
        rest = &rest[end + 1..];
    }
    if open.is_some() {
        return Err("unclosed <TIMEX3>".into());
    }
    Ok((text, timexes))
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = r#"<?xml version="1.0" ?>
<TimeML>
<DOCID>APW1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="1998-08-07T06:18" functionInDocument="CREATION_TIME">1998-08-07</TIMEX3></DCT>
<TITLE>Bombs &amp; more</TITLE>
<TEXT>
Bombs <EVENT eid="e1">exploded</EVENT> <TIMEX3 tid="t1" type="DATE" value="1998-08-07">Friday</TIMEX3> &amp; AT&amp;T &lt;said&gt;.
</TEXT>
<TLINK lid="l1"/>
</TimeML>
"#;

    #[test]
    fn reads_text_dct_and_gold() {
        let f = read_timeml("x.tml", SAMPLE).unwrap();
        assert_eq!(f.doc.text, "\nBombs exploded Friday & AT&T <said>.\n");
        assert_eq!(f.doc.date, Some(Date::constant(1998, 8, 7)));
        assert_eq!(f.doc.id, "APW1");
        assert_eq!(f.doc.title.as_deref(), Some("Bombs & more"));
        assert_eq!(f.timexes.len(), 1);
        assert_eq!(&f.doc.text[f.timexes[0].span], "Friday");
        assert_eq!(f.timexes[0].value, "1998-08-07");
        assert!(f.head.ends_with("<TEXT>"));
        assert!(f.tail.starts_with("</TEXT>"));
    }

    #[test]
    fn rejects_broken_files() {
        assert!(parse_timeml("a", "<TimeML>no text</TimeML>").is_err());
        let bad_dct = SAMPLE.replace("1998-08-07T06:18", "yesterday");
        assert!(parse_timeml("a", &bad_dct).is_err());
        let unclosed = SAMPLE.replace("Friday</TIMEX3>", "Friday");
        assert!(parse_timeml("a", &unclosed).is_err());
    }

    #[test]
    fn escaping_round_trips() {
        let mut s = String::new();
        escape_text("a & b < c", &mut s);
        assert_eq!(s, "a &amp; b &lt; c");
        assert_eq!(decode_entities(&s), "a & b < c");
        assert_eq!(decode_entities("&#233;&#xE9;&bogus"), "éé&bogus");
    }

    #[test]
    fn writes_tags_and_keeps_text() {
        let input = "<TimeML>\n<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"2017-03-02\">x</TIMEX3></DCT>\n\
                     <TEXT>Old <TIMEX3 tid=\"t9\" type=\"DATE\" value=\"X\">Friday</TIMEX3> &amp; mid-2015.</TEXT>\n</TimeML>\n";
        let parsed = read_timeml("a.tml", input).unwrap();
        let text = parsed.doc.text.clone();
        assert_eq!(text, "Old Friday & mid-2015.");
        let timexes = vec![
            Timex {
                span: Span::new(4, 10),
                kind: TimexType::Date,
                value: "2017-02-24".into(),
                modifier: None,
            },
            Timex {
                span: Span::new(13, 21),
                kind: TimexType::Date,
                value: "2015".into(),
                modifier: Some(TimexMod::Mid),
            },
        ];
        let out = write_timeml(&parsed, &text, &timexes);
        assert!(out.contains(
            "<TEXT>Old <TIMEX3 tid=\"t1\" type=\"DATE\" value=\"2017-02-24\">Friday</TIMEX3> &amp; \
             <TIMEX3 tid=\"t2\" type=\"DATE\" value=\"2015\" mod=\"MID\">mid-2015</TIMEX3>.</TEXT>"
        ));
        // Reading the output back gives the same text and our annotations.
        let again = read_timeml("b.tml", &out).unwrap();
        assert_eq!(again.doc.text, text);
        assert_eq!(again.timexes, timexes);
    }

    #[test]
    fn a_shell_round_trips_text_date_and_timexes() {
        let doc = Doc::new(
            "a&b",
            Some(Date::constant(2008, 3, 6)),
            "Sales <rose> & fell in May.",
        );
        let gold = vec![Timex {
            span: Span::new(22, 25),
            kind: TimexType::Date,
            value: "2008-05".into(),
            modifier: None,
        }];
        let xml = write_timeml(&timeml_shell(&doc), &doc.text, &gold);
        let back = read_timeml("a.tml", &xml).unwrap();
        assert_eq!(back.doc.text, doc.text);
        assert_eq!(back.doc.date, doc.date);
        assert_eq!(back.doc.id, "a&b");
        assert_eq!(back.timexes, gold);
    }
}
