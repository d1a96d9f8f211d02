//! Format detection from a file name and the first bytes of its content.

use crate::Format;

/// How many leading bytes detection looks at.
pub(crate) const HEAD_LEN: usize = 8192;

/// The format of a file named `name` (its `.gz` already stripped or not)
/// whose content starts with `head`, or `None` when nothing identifies it
/// (the caller reads a file it was given by name as plain text then, and
/// skips it while walking a directory).
pub fn detect(name: &str, head: &[u8]) -> Option<Format> {
    let name = name.strip_suffix(".gz").unwrap_or(name);
    let ext = name
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    let head = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    let first_line = first_nonblank_line(head);
    if starts_with_date_keyword(first_line) {
        return Some(Format::News);
    }
    if ext == "jsonl" || ext == "ndjson" || first_line.first() == Some(&b'{') {
        return Some(Format::Jsonl);
    }
    if ext == "tml" || ext == "timeml" || contains(head, b"<TimeML") {
        return Some(Format::Timeml);
    }
    if ext == "conll" || looks_like_conll(head) {
        return Some(Format::Conll);
    }
    if head.contains(&0) {
        return None;
    }
    if ext == "txt" || ext == "text" {
        return Some(Format::Text);
    }
    None
}

/// `date` followed by a space or tab: the news-format header (its date is
/// checked by the reader, so a bad date is an error, not plain text).
pub(crate) fn starts_with_date_keyword(line: &[u8]) -> bool {
    line.len() > 4 && line.starts_with(b"date") && matches!(line[4], b' ' | b'\t')
}

/// The first line holding anything but whitespace, with its leading
/// whitespace removed.
fn first_nonblank_line(head: &[u8]) -> &[u8] {
    let start = head
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(head.len());
    let rest = &head[start..];
    let end = rest.iter().position(|&b| b == b'\n').unwrap_or(rest.len());
    &rest[..end]
}

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}

/// `-DOCSTART-` first, or the first few lines all in columns whose last one
/// is an IOB tag (`O`, `B-PER`, `I-LOC`).
fn looks_like_conll(head: &[u8]) -> bool {
    let Ok(text) = std::str::from_utf8(trim_partial_char(head)) else {
        return false;
    };
    let mut lines = text.lines().filter(|l| !l.trim().is_empty());
    let Some(first) = lines.next() else {
        return false;
    };
    if first.trim_start().starts_with("-DOCSTART-") {
        return true;
    }
    let mut checked = 0;
    for line in std::iter::once(first).chain(lines).take(5) {
        let cols: Vec<&str> = line.split_whitespace().collect();
        if cols.len() < 2 || cols.len() > 8 || !is_iob_tag(cols[cols.len() - 1]) {
            return false;
        }
        checked += 1;
    }
    checked > 0
}

fn is_iob_tag(tag: &str) -> bool {
    tag == "O"
        || matches!(tag.split_once('-'), Some((p, t))
            if matches!(p, "B" | "I" | "E" | "S") && !t.is_empty()
                && t.bytes().all(|b| b.is_ascii_uppercase() || b == b'_'))
}

/// The head may end inside a multi-byte character; drop that tail.
fn trim_partial_char(head: &[u8]) -> &[u8] {
    match std::str::from_utf8(head) {
        Ok(_) => head,
        Err(e) if e.error_len().is_none() => &head[..e.valid_up_to()],
        Err(_) => head,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_each_format() {
        assert_eq!(detect("a.txt", b"date 2017-03-02 US"), Some(Format::News));
        assert_eq!(
            detect("a", b"\xEF\xBB\xBF  \n date 2017-03-02\nUS"),
            Some(Format::News)
        );
        assert_eq!(detect("a.txt", b"date 20x7-03-02"), Some(Format::News));
        assert_eq!(detect("x.jsonl.gz", b""), Some(Format::Jsonl));
        assert_eq!(detect("x", b"  {\"text\": 1}"), Some(Format::Jsonl));
        assert_eq!(
            detect("x.xml", b"<?xml version=\"1.0\" ?>\n<TimeML>"),
            Some(Format::Timeml)
        );
        assert_eq!(detect("x.tml", b""), Some(Format::Timeml));
        assert_eq!(detect("x", b"-DOCSTART- -X- O O\n"), Some(Format::Conll));
        assert_eq!(
            detect("x", b"EU NNP B-NP B-ORG\nrejects VBZ B-VP O\n"),
            Some(Format::Conll)
        );
        assert_eq!(detect("x.txt", b"Plain words here."), Some(Format::Text));
        assert_eq!(detect("README", b"Plain words here."), None);
        assert_eq!(detect("x.txt", b"bin\0ary"), None);
        assert_eq!(detect("x.txt", b"dated 2017"), Some(Format::Text));
    }
}
