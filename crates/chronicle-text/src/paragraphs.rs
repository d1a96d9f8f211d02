use chronicle_model::Span;

/// Paragraphs: maximal runs of text separated by blank lines, trimmed of
/// surrounding whitespace. Empty text gives no paragraph.
pub fn split_paragraphs(text: &str) -> Vec<Span> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut last_non_space = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b == b'\n' {
            // A blank line: newline, optional spaces, newline.
            let mut j = i + 1;
            while j < bytes.len() && matches!(bytes[j], b' ' | b'\t' | b'\r') {
                j += 1;
            }
            if j < bytes.len() && bytes[j] == b'\n' {
                if let Some(s) = start.take() {
                    out.push(Span::new(s, last_non_space));
                }
                i = j + 1;
                continue;
            }
        } else if !b.is_ascii_whitespace() {
            if start.is_none() {
                start = Some(i);
            }
            // Advance over a whole UTF-8 character.
            let width = utf8_width(b);
            last_non_space = (i + width).min(bytes.len());
            i += width;
            continue;
        }
        i += 1;
    }
    if let Some(s) = start {
        out.push(Span::new(s, last_non_space));
    }
    out
}

fn utf8_width(b: u8) -> usize {
    match b {
        0xF0..=0xFF => 4,
        0xE0..=0xEF => 3,
        0xC0..=0xDF => 2,
        _ => 1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blank_lines_split() {
        let text = "  One line.\nSame para.\n \nTwo “x”.\n\n\n";
        let p: Vec<&str> = split_paragraphs(text).iter().map(|s| &text[*s]).collect();
        assert_eq!(p, vec!["One line.\nSame para.", "Two “x”."]);
        assert!(split_paragraphs("").is_empty());
    }
}
