//! The MEANTIME (NewsReader) CAT XML reader, for scoring: the tokens become
//! a detokenized text, one sentence a line, the creation-time TIMEX3 the
//! document date, and the other TIMEX3 markables gold spans into that text.
//!
//! MEANTIME annotates only the first sentences of each article, so the text
//! ends with the last sentence that holds an annotation: a tagger scored on
//! the whole article would be charged for the unannotated rest. The dateline
//! (the creation time's own tokens) is left out, as a TimeML `<DCT>` would be.

use std::collections::{HashMap, HashSet};

use chronicle_model::{Doc, Span, Timex, TimexMod, TimexType};

use crate::xml::{attr, decode_entities, find_tag, parse_date};
use crate::IngestError;

/// One CAT document read for scoring.
#[derive(Debug, Clone)]
pub struct CatFile {
    pub doc: Doc,
    /// The gold TIMEX3s (creation time excluded), as spans into `doc.text`.
    pub timexes: Vec<Timex>,
}

struct Token {
    id: String,
    sentence: u32,
    text: String,
}

/// A markable's start tag and the ids of the tokens it is anchored to.
struct Markable<'a> {
    tag: &'a str,
    anchors: Vec<String>,
}

/// Reads one CAT document.
///
/// # Errors
/// When the file has no tokens, a token without an id or sentence number,
/// a markable anchored to a token that does not exist, or a malformed
/// creation-time value.
pub fn read_cat(origin: &str, content: &str) -> crate::Result<CatFile> {
    let err = |message: String| IngestError::File {
        path: origin.to_string(),
        message,
    };
    let tokens = tokens(content).map_err(err)?;
    if tokens.is_empty() {
        return Err(err("no <token> elements".into()));
    }
    let markables = markables(content).map_err(err)?;
    let sentence_of: HashMap<&str, u32> =
        tokens.iter().map(|t| (t.id.as_str(), t.sentence)).collect();
    for m in &markables {
        if let Some(missing) = m
            .anchors
            .iter()
            .find(|a| !sentence_of.contains_key(a.as_str()))
        {
            return Err(err(format!(
                "markable anchored to unknown token {missing:?}"
            )));
        }
    }

    let is_timex = |m: &&Markable| tag_name(m.tag) == "TIMEX3";
    let is_creation =
        |m: &&Markable| attr(m.tag, "functionInDocument").is_some_and(|f| f == "CREATION_TIME");
    let creation = markables.iter().filter(is_timex).find(is_creation);
    let date = match creation.and_then(|m| attr(m.tag, "value")) {
        None => None,
        Some(v) => {
            Some(parse_date(&v).ok_or_else(|| err(format!("malformed creation time {v:?}")))?)
        }
    };
    let dateline: HashSet<&str> = creation
        .map(|m| m.anchors.iter().map(String::as_str).collect())
        .unwrap_or_default();
    let last_annotated = markables
        .iter()
        .flat_map(|m| &m.anchors)
        .filter(|a| !dateline.contains(a.as_str()))
        .filter_map(|a| sentence_of.get(a.as_str()).copied())
        .max()
        .unwrap_or(u32::MAX);

    let kept = tokens
        .iter()
        .filter(|t| t.sentence <= last_annotated && !dateline.contains(t.id.as_str()));
    let (text, offsets) = detokenize(kept);

    let mut timexes = Vec::new();
    for m in markables
        .iter()
        .filter(is_timex)
        .filter(|m| !is_creation(m))
    {
        let spans: Vec<(usize, usize)> = m
            .anchors
            .iter()
            .filter_map(|a| offsets.get(a.as_str()).copied())
            .collect();
        let (Some(start), Some(end)) = (
            spans.iter().map(|s| s.0).min(),
            spans.iter().map(|s| s.1).max(),
        ) else {
            // Not anchored (an implicit time) or in the dateline: no extent.
            continue;
        };
        timexes.push(Timex {
            span: Span::new(start, end),
            kind: attr(m.tag, "type")
                .and_then(|t| TimexType::parse(&t))
                .unwrap_or(TimexType::Date),
            value: attr(m.tag, "value").unwrap_or_default(),
            modifier: attr(m.tag, "mod").and_then(|v| TimexMod::parse(&v)),
        });
    }
    timexes.sort_by_key(|t| (t.span.start, t.span.end));

    let id = find_tag(content, "Document", 0)
        .and_then(|(s, e)| attr(&content[s..e], "doc_id"))
        .unwrap_or_default();
    let mut doc = Doc::new(id, date, text);
    doc.meta.origin = Some(origin.to_string());
    Ok(CatFile { doc, timexes })
}

fn tag_name(tag: &str) -> &str {
    let inner = tag.trim_start_matches('<');
    let end = inner
        .find(|c: char| c.is_ascii_whitespace() || c == '>' || c == '/')
        .unwrap_or(inner.len());
    &inner[..end]
}

fn tokens(content: &str) -> Result<Vec<Token>, String> {
    let mut out = Vec::new();
    let mut at = 0;
    while let Some((start, end)) = find_tag(content, "token", at) {
        let tag = &content[start..end];
        let id = attr(tag, "t_id").ok_or("a <token> without t_id")?;
        let sentence = attr(tag, "sentence")
            .and_then(|s| s.parse().ok())
            .ok_or_else(|| format!("token {id:?} without a sentence number"))?;
        let text = if tag.ends_with("/>") {
            at = end;
            String::new()
        } else {
            let close = content[end..]
                .find("</token>")
                .ok_or_else(|| format!("token {id:?} not closed"))?;
            at = end + close;
            decode_entities(content[end..end + close].trim())
        };
        out.push(Token { id, sentence, text });
    }
    Ok(out)
}

/// Every markable inside `<Markables>`, with its anchors.
fn markables(content: &str) -> Result<Vec<Markable<'_>>, String> {
    let Some((_, open_end)) = find_tag(content, "Markables", 0) else {
        return Ok(Vec::new());
    };
    let close = content[open_end..]
        .find("</Markables>")
        .map_or(content.len(), |p| open_end + p);
    let region = &content[open_end..close];
    let mut out: Vec<Markable> = Vec::new();
    let mut open = false;
    let mut rest = region;
    while let Some(p) = rest.find('<') {
        let end = rest[p..]
            .find('>')
            .ok_or("unterminated tag in <Markables>")?
            + p
            + 1;
        let tag = &rest[p..end];
        rest = &rest[end..];
        if tag.starts_with("</") {
            open = false;
        } else if tag_name(tag) == "token_anchor" {
            let id = attr(tag, "t_id").ok_or("a <token_anchor> without t_id")?;
            match out.last_mut() {
                Some(m) if open => m.anchors.push(id),
                _ => return Err(format!("<token_anchor t_id={id:?}> outside a markable")),
            }
        } else {
            out.push(Markable {
                tag,
                anchors: Vec::new(),
            });
            open = !tag.ends_with("/>");
        }
    }
    Ok(out)
}

/// Joins tokens into running text the way news prints it (no space before
/// closing punctuation and clitics, none after opening brackets and
/// currency signs, paired straight quotes hugging their content), one
/// sentence a line; returns each token's byte range.
fn detokenize<'a>(
    tokens: impl Iterator<Item = &'a Token>,
) -> (String, HashMap<&'a str, (usize, usize)>) {
    const NO_SPACE_BEFORE: &[&str] = &[
        ",", ".", ";", ":", "!", "?", ")", "]", "}", "%", "'s", "'re", "'ve", "'ll", "'d", "'m",
        "n't", "'", "''",
    ];
    const NO_SPACE_AFTER: &[&str] = &["(", "[", "{", "$", "#", "``"];
    let mut text = String::new();
    let mut offsets = HashMap::new();
    let mut sentence = None;
    let mut glue_next = false;
    let mut in_quote = false;
    for t in tokens {
        let word = t.text.as_str();
        let lower = word.to_ascii_lowercase();
        let new_line = sentence.is_some_and(|s| s != t.sentence);
        let glue = if word == "\"" {
            let closing = in_quote;
            in_quote = !in_quote;
            closing
        } else {
            NO_SPACE_BEFORE.contains(&lower.as_str())
        };
        if new_line {
            text.push('\n');
        } else if sentence.is_some() && !glue && !glue_next {
            text.push(' ');
        }
        sentence = Some(t.sentence);
        let start = text.len();
        text.push_str(word);
        offsets.insert(t.id.as_str(), (start, text.len()));
        glue_next = NO_SPACE_AFTER.contains(&word) || (word == "\"" && in_quote);
    }
    (text, offsets)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chronicle_model::Date;

    const SAMPLE: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<Document doc_id="7" doc_name="x.xml" url="http://example.org">
<token number="0" sentence="0" t_id="1">Apple</token>
<token number="1" sentence="0" t_id="2">wins</token>
<token number="0" sentence="1" t_id="3">March</token>
<token number="1" sentence="1" t_id="4">6</token>
<token number="2" sentence="1" t_id="5">,</token>
<token number="3" sentence="1" t_id="6">2008</token>
<token number="0" sentence="2" t_id="7">Jobs</token>
<token number="1" sentence="2" t_id="8">said</token>
<token number="2" sentence="2" t_id="9">"</token>
<token number="3" sentence="2" t_id="10">we</token>
<token number="4" sentence="2" t_id="11">'re</token>
<token number="5" sentence="2" t_id="12">AT&amp;T</token>
<token number="6" sentence="2" t_id="13">"</token>
<token number="7" sentence="2" t_id="14">last</token>
<token number="8" sentence="2" t_id="15">week</token>
<token number="9" sentence="2" t_id="16">.</token>
<token number="0" sentence="3" t_id="17">Not</token>
<token number="1" sentence="3" t_id="18">annotated</token>
<token number="2" sentence="3" t_id="19">today</token>
<Markables>
<ENTITY_MENTION m_id="1" syntactic_type="NAM">
<token_anchor t_id="7"/>
</ENTITY_MENTION>
<TIMEX3 m_id="2" type="DATE" value="2008-03-06" functionInDocument="CREATION_TIME">
<token_anchor t_id="3"/>
<token_anchor t_id="4"/>
<token_anchor t_id="5"/>
<token_anchor t_id="6"/>
</TIMEX3>
<TIMEX3 m_id="3" type="DATE" value="2008-W09">
<token_anchor t_id="14"/>
<token_anchor t_id="15"/>
</TIMEX3>
<TIMEX3 m_id="4" type="DATE" value="2008" functionInDocument="NONE"/>
</Markables>
</Document>
"#;

    #[test]
    fn reads_text_date_and_gold_timexes() {
        let f = read_cat("x.xml", SAMPLE).unwrap();
        assert_eq!(f.doc.id, "7");
        assert_eq!(f.doc.date, Some(Date::constant(2008, 3, 6)));
        assert_eq!(
            f.doc.text,
            "Apple wins\nJobs said \"we're AT&T\" last week."
        );
        assert_eq!(f.timexes.len(), 1);
        assert_eq!(&f.doc.text[f.timexes[0].span], "last week");
        assert_eq!(f.timexes[0].value, "2008-W09");
    }

    #[test]
    fn rejects_broken_files() {
        assert!(read_cat("a", "<Document></Document>").is_err());
        let dangling = SAMPLE.replace("<token_anchor t_id=\"15\"/>", "<token_anchor t_id=\"99\"/>");
        assert!(read_cat("a", &dangling).is_err());
        let bad_date = SAMPLE.replace("2008-03-06", "March 6");
        assert!(read_cat("a", &bad_date).is_err());
        let no_sentence = SAMPLE.replace(" sentence=\"2\" t_id=\"8\"", " t_id=\"8\"");
        assert!(read_cat("a", &no_sentence).is_err());
    }

    #[test]
    fn no_creation_time_means_no_date() {
        let f = read_cat("a", &SAMPLE.replace("CREATION_TIME", "NONE")).unwrap();
        assert_eq!(f.doc.date, None);
        assert!(f.doc.text.contains("March 6, 2008"));
    }
}
