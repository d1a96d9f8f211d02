//! The little XML the gold readers need: finding a start tag, reading an
//! attribute, decoding entities. The corpora are machine-written XML with no
//! CDATA or comments inside the parts read, so a full parser is not needed.

use chronicle_model::Date;

/// (start of `<NAME`, end of its `>`), searching from `from`.
pub(crate) fn find_tag(content: &str, name: &str, from: usize) -> Option<(usize, usize)> {
    let mut at = from;
    while let Some(p) = content.get(at..)?.find('<') {
        let start = at + p;
        let rest = &content[start + 1..];
        if rest.starts_with(name)
            && rest[name.len()..]
                .starts_with(|c: char| c == '>' || c.is_ascii_whitespace() || c == '/')
        {
            let end = content[start..].find('>')? + start + 1;
            return Some((start, end));
        }
        at = start + 1;
    }
    None
}

/// A `YYYY-MM-DD…` value as a date (anything after the day is ignored).
pub(crate) fn parse_date(v: &str) -> Option<Date> {
    let d = v.get(..10)?;
    let b = d.as_bytes();
    if b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let y: i16 = d[..4].parse().ok()?;
    let m: i8 = d[5..7].parse().ok()?;
    let day: i8 = d[8..10].parse().ok()?;
    Date::new(y, m, day).ok()
}

/// The value of attribute `name` in a start tag's text.
pub(crate) fn attr(tag: &str, name: &str) -> Option<String> {
    let mut rest = tag;
    while let Some(p) = rest.find(name) {
        let before_ok = p == 0 || rest.as_bytes()[p - 1].is_ascii_whitespace();
        let after = rest[p + name.len()..].trim_start();
        if before_ok {
            if let Some(after) = after.strip_prefix('=') {
                let after = after.trim_start();
                let q = after.chars().next()?;
                if q == '"' || q == '\'' {
                    let end = after[1..].find(q)?;
                    return Some(decode_entities(&after[1..1 + end]));
                }
            }
        }
        rest = &rest[p + name.len()..];
    }
    None
}

/// Decodes the XML entities in `s`.
pub(crate) fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(p) = rest.find('&') {
        out.push_str(&rest[..p]);
        let (d, len) = decode_one(&rest[p..]);
        out.push_str(&d);
        rest = &rest[p + len..];
    }
    out.push_str(rest);
    out
}

/// Decodes the entity at the start of `s` ("&amp;…"); an unknown or broken
/// one is kept as written.
pub(crate) fn decode_one(s: &str) -> (String, usize) {
    let Some(semi) = s.bytes().take(12).position(|b| b == b';') else {
        return ("&".into(), 1);
    };
    let name = &s[1..semi];
    let c = match name {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        _ => {
            if let Some(hex) = name.strip_prefix("#x").or_else(|| name.strip_prefix("#X")) {
                u32::from_str_radix(hex, 16).ok().and_then(char::from_u32)
            } else if let Some(dec) = name.strip_prefix('#') {
                dec.parse().ok().and_then(char::from_u32)
            } else {
                None
            }
        }
    };
    match c {
        Some(c) => (c.to_string(), semi + 1),
        None => ("&".into(), 1),
    }
}
