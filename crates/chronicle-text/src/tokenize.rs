use chronicle_model::{Span, Token, TokenKind};

use crate::abbrev::is_abbreviation;

/// Tokenizes `text` into a new vector.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut out = Vec::with_capacity(text.len() / 5 + 1);
    tokenize_into(text, &mut out);
    out
}

/// Tokenizes `text`, appending to `out` (reuse the vector across documents
/// to avoid reallocating).
pub fn tokenize_into(text: &str, out: &mut Vec<Token>) {
    let mut scanner = Scanner {
        text,
        bytes: text.as_bytes(),
        pos: 0,
    };
    let mut flags = Token::SPACE_BEFORE | Token::LINE_START | Token::PARAGRAPH_START;
    loop {
        let newlines = scanner.skip_space();
        if newlines > 0 {
            flags |= Token::SPACE_BEFORE | Token::LINE_START;
            if newlines > 1 {
                flags |= Token::PARAGRAPH_START;
            }
        }
        if scanner.pos >= scanner.bytes.len() {
            break;
        }
        let start = scanner.pos;
        let kind = scanner.next_token();
        debug_assert!(scanner.pos > start);
        out.push(Token {
            span: Span::new(start, scanner.pos),
            kind,
            flags,
        });
        flags = 0;
        if scanner.pos < scanner.bytes.len() && scanner.at_space() {
            flags = Token::SPACE_BEFORE;
        }
    }
}

struct Scanner<'a> {
    text: &'a str,
    bytes: &'a [u8],
    pos: usize,
}

#[inline]
fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric()
}

const CLITICS: &[&str] = &[
    "s", "re", "ve", "ll", "d", "m", "S", "RE", "VE", "LL", "D", "M",
];

impl<'a> Scanner<'a> {
    #[inline]
    fn peek(&self, at: usize) -> Option<u8> {
        self.bytes.get(at).copied()
    }

    fn char_at(&self, at: usize) -> Option<char> {
        self.text.get(at..).and_then(|s| s.chars().next())
    }

    fn at_space(&self) -> bool {
        match self.bytes[self.pos] {
            b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c => true,
            b if b < 0x80 => false,
            _ => self.char_at(self.pos).is_some_and(char::is_whitespace),
        }
    }

    /// Skips whitespace; returns how many line breaks it crossed.
    fn skip_space(&mut self) -> u32 {
        let mut newlines = 0;
        while self.pos < self.bytes.len() {
            let b = self.bytes[self.pos];
            match b {
                b'\n' => {
                    newlines += 1;
                    self.pos += 1;
                }
                b' ' | b'\t' | b'\r' | 0x0b | 0x0c => self.pos += 1,
                b if b < 0x80 => break,
                _ => match self.char_at(self.pos) {
                    Some(c) if c.is_whitespace() => {
                        if c == '\u{2028}' || c == '\u{2029}' {
                            newlines += 1;
                        }
                        self.pos += c.len_utf8();
                    }
                    _ => break,
                },
            }
        }
        newlines
    }

    fn is_letter_at(&self, at: usize) -> bool {
        match self.peek(at) {
            Some(b) if b < 0x80 => b.is_ascii_alphabetic(),
            Some(_) => self.char_at(at).is_some_and(char::is_alphabetic),
            None => false,
        }
    }

    fn is_alnum_at(&self, at: usize) -> bool {
        match self.peek(at) {
            Some(b) if b < 0x80 => is_word_byte(b),
            Some(_) => self.char_at(at).is_some_and(char::is_alphanumeric),
            None => false,
        }
    }

    /// Length of the apostrophe at `at` (`'` or `’`), or 0.
    fn apostrophe_len(&self, at: usize) -> usize {
        match self.peek(at) {
            Some(b'\'') => 1,
            Some(0xE2) if self.bytes.get(at..at + 3) == Some("’".as_bytes()) => 3,
            _ => 0,
        }
    }

    fn next_token(&mut self) -> TokenKind {
        let b = self.bytes[self.pos];
        if b >= 0x80 {
            return self.next_non_ascii();
        }
        match b {
            b'a'..=b'z' | b'A'..=b'Z' => {
                if let Some(kind) = self.try_url_or_email() {
                    return kind;
                }
                self.word()
            }
            b'0'..=b'9' => {
                if let Some(kind) = self.try_url_or_email() {
                    return kind;
                }
                self.number()
            }
            b'"' => {
                self.pos += 1;
                TokenKind::Quote
            }
            b'`' => {
                self.pos += if self.peek(self.pos + 1) == Some(b'`') {
                    2
                } else {
                    1
                };
                TokenKind::Quote
            }
            b'\'' => self.apostrophe_start(),
            b'#' | b'@' if self.is_alnum_at(self.pos + 1) => {
                self.pos += 1;
                while self.is_alnum_at(self.pos) || self.peek(self.pos) == Some(b'_') {
                    self.advance_char();
                }
                TokenKind::Tag
            }
            b'.' => {
                let run = self.run_of(b'.');
                if run == 1 && self.peek(self.pos + 1).is_some_and(|c| c.is_ascii_digit()) {
                    return self.number();
                }
                self.pos += run;
                TokenKind::Punct
            }
            b'-' => {
                if let Some(len) = self.ptb_bracket() {
                    self.pos += len;
                    return TokenKind::Punct;
                }
                let run = self.run_of(b'-');
                self.pos += run;
                TokenKind::Punct
            }
            b'!' | b'?' => {
                // "?!" and "!!!" stay one token.
                while matches!(self.peek(self.pos), Some(b'!' | b'?')) {
                    self.pos += 1;
                }
                TokenKind::Punct
            }
            b'$' | b'%' | b'&' | b'+' | b'=' | b'<' | b'>' | b'^' | b'~' | b'|' | b'*' | b'#'
            | b'@' | b'\\' | b'/' => {
                self.pos += 1;
                TokenKind::Symbol
            }
            b if b.is_ascii_punctuation() => {
                self.pos += 1;
                TokenKind::Punct
            }
            _ => {
                // Control characters.
                self.pos += 1;
                TokenKind::Other
            }
        }
    }

    fn advance_char(&mut self) {
        let len = self.char_at(self.pos).map_or(1, char::len_utf8);
        self.pos += len;
    }

    fn run_of(&self, b: u8) -> usize {
        self.bytes[self.pos..]
            .iter()
            .take_while(|&&c| c == b)
            .count()
    }

    fn ptb_bracket(&self) -> Option<usize> {
        let rest = &self.bytes[self.pos..];
        for tag in [b"-LRB-", b"-RRB-", b"-LSB-", b"-RSB-", b"-LCB-", b"-RCB-"] {
            if rest.starts_with(tag) {
                return Some(5);
            }
        }
        None
    }

    fn next_non_ascii(&mut self) -> TokenKind {
        let c = match self.char_at(self.pos) {
            Some(c) => c,
            None => {
                self.pos += 1;
                return TokenKind::Other;
            }
        };
        if c.is_alphabetic() {
            return self.word();
        }
        if c.is_numeric() {
            return self.number();
        }
        self.pos += c.len_utf8();
        match c {
            '“' | '”' | '„' | '‟' | '«' | '»' | '‹' | '›' => TokenKind::Quote,
            '‘' | '’' | '‚' | '‛' => {
                // ’s after a space-separated word ("Trump ’s") is a clitic.
                let p = self.pos;
                if let Some(len) = self.clitic_len(p) {
                    self.pos += len;
                    return TokenKind::Word;
                }
                TokenKind::Quote
            }
            '—' | '–' | '…' | '‐' | '‑' | '‒' | '―' | '•' | '·' | '¿' | '¡' | '§' | '¶' => {
                TokenKind::Punct
            }
            '€' | '£' | '¥' | '¢' | '₹' | '₽' | '©' | '®' | '™' | '°' | '±' | '×' | '÷' | '′'
            | '″' => TokenKind::Symbol,
            _ => {
                if c.is_ascii_punctuation() {
                    TokenKind::Punct
                } else {
                    TokenKind::Other
                }
            }
        }
    }

    /// Length of a clitic (`s`, `re`, `ll`, …) starting at `at` right after an
    /// apostrophe, when the word ends there.
    fn clitic_len(&self, at: usize) -> Option<usize> {
        let mut end = at;
        while end < self.bytes.len() && self.bytes[end].is_ascii_alphabetic() && end - at < 3 {
            end += 1;
        }
        if end == at || self.is_alnum_at(end) {
            return None;
        }
        let s = &self.text[at..end];
        CLITICS.contains(&s).then_some(end - at)
    }

    fn apostrophe_start(&mut self) -> TokenKind {
        if self.peek(self.pos + 1) == Some(b'\'') {
            self.pos += 2;
            return TokenKind::Quote;
        }
        if let Some(len) = self.clitic_len(self.pos + 1) {
            self.pos += 1 + len;
            return TokenKind::Word;
        }
        // '90s
        if self.peek(self.pos + 1).is_some_and(|b| b.is_ascii_digit())
            && self.peek(self.pos + 2).is_some_and(|b| b.is_ascii_digit())
            && self.peek(self.pos + 3) == Some(b's')
        {
            self.pos += 4;
            return TokenKind::Number;
        }
        self.pos += 1;
        TokenKind::Quote
    }

    fn try_url_or_email(&mut self) -> Option<TokenKind> {
        let rest = &self.bytes[self.pos..];
        let is_url = rest.starts_with(b"http://")
            || rest.starts_with(b"https://")
            || rest.starts_with(b"www.")
            || rest.starts_with(b"ftp://");
        // Scan the whole non-space run once to look for '@' or a scheme.
        let run_end = rest
            .iter()
            .position(|&b| b.is_ascii_whitespace() || matches!(b, b'"' | b'<' | b'>' | b'(' | b')'))
            .unwrap_or(rest.len());
        let run = &rest[..run_end];
        let trim = |run: &[u8]| {
            let mut end = run.len();
            while end > 0
                && matches!(
                    run[end - 1],
                    b'.' | b',' | b';' | b':' | b'!' | b'?' | b'\''
                )
            {
                end -= 1;
            }
            end
        };
        if is_url {
            let end = trim(run);
            if end > 4 && self.text.is_char_boundary(self.pos + end) {
                self.pos += end;
                return Some(TokenKind::Url);
            }
            return None;
        }
        if let Some(at) = run.iter().position(|&b| b == b'@') {
            let local_ok = run[..at]
                .iter()
                .all(|&b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-' | b'+'));
            let end = trim(run);
            let domain = &run[at + 1..end.max(at + 1)];
            let domain_ok = domain.contains(&b'.')
                && domain
                    .iter()
                    .all(|&b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-'))
                && !domain.starts_with(b".");
            if at > 0 && local_ok && domain_ok {
                self.pos += end;
                return Some(TokenKind::Email);
            }
        }
        // Bare domains with a known suffix: "CNNStudentNews.com".
        None
    }

    fn word(&mut self) -> TokenKind {
        let start = self.pos;
        loop {
            // Letters and digits.
            while self.pos < self.bytes.len() {
                let b = self.bytes[self.pos];
                if b < 0x80 {
                    if is_word_byte(b) {
                        self.pos += 1;
                    } else {
                        break;
                    }
                } else if self
                    .char_at(self.pos)
                    .is_some_and(|c| c.is_alphanumeric() || is_mark(c))
                {
                    self.advance_char();
                } else {
                    break;
                }
            }
            let Some(b) = self.peek(self.pos) else { break };
            // Inner hyphen or ampersand-free joiners: "co-op", "AT&T".
            if (b == b'-' || b == b'&') && self.is_alnum_at(self.pos + 1) {
                self.pos += 1;
                continue;
            }
            // Inner apostrophe: split "n't" and clitics, keep "O'Brien".
            let apos = self.apostrophe_len(self.pos);
            if apos > 0 && self.is_letter_at(self.pos + apos) {
                if self.clitic_len(self.pos + apos).is_some() {
                    break;
                }
                let t = self.pos + apos;
                if self.bytes.get(t) == Some(&b't')
                    && !self.is_alnum_at(t + 1)
                    && self.pos > start + 1
                    && self.bytes[self.pos - 1] == b'n'
                {
                    // "don't" → "do" + "n't"
                    self.pos -= 1;
                    if self.pos == start {
                        self.pos = t + 1;
                    }
                    return TokenKind::Word;
                }
                self.pos += apos;
                continue;
            }
            // Dotted acronyms "U.S." and "a.m.": letter, period, letter, period.
            if b == b'.' {
                let word = &self.text[start..self.pos];
                if word.len() == 1 && self.is_letter_at(self.pos + 1) {
                    let mut p = self.pos;
                    while self.peek(p) == Some(b'.')
                        && self.peek(p + 1).is_some_and(|c| c.is_ascii_alphabetic())
                        && !self.peek(p + 2).is_some_and(|c| c.is_ascii_alphanumeric())
                    {
                        p += 2;
                    }
                    if p > self.pos {
                        self.pos = p;
                        if self.peek(self.pos) == Some(b'.') {
                            self.pos += 1;
                        }
                        return TokenKind::Word;
                    }
                }
                if is_abbreviation(word) && !self.is_alnum_at(self.pos + 1) {
                    self.pos += 1;
                }
            }
            break;
        }
        // "n't" as its own token.
        if self.text[start..self.pos].eq_ignore_ascii_case("n") && self.apostrophe_len(self.pos) > 0
        {
            let a = self.apostrophe_len(self.pos);
            if matches!(self.peek(self.pos + a), Some(b't' | b'T')) {
                self.pos += a + 1;
            }
        }
        TokenKind::Word
    }

    fn number(&mut self) -> TokenKind {
        loop {
            while self.pos < self.bytes.len() && self.bytes[self.pos].is_ascii_digit() {
                self.pos += 1;
            }
            if self.pos < self.bytes.len() && self.bytes[self.pos] >= 0x80 {
                if self.char_at(self.pos).is_some_and(char::is_numeric) {
                    self.advance_char();
                    continue;
                }
                break;
            }
            match self.peek(self.pos) {
                // "1,200", "3.5", "10:30", "2-1", "1/2"
                Some(b',' | b'.' | b':' | b'/' | b'-')
                    if self.peek(self.pos + 1).is_some_and(|b| b.is_ascii_digit()) =>
                {
                    self.pos += 1;
                }
                _ => break,
            }
        }
        // Glued suffix: "1990s", "5bn", "3rd", "10am", "5-year".
        if self.peek(self.pos) == Some(b'-') && self.is_letter_at(self.pos + 1) {
            self.pos += 1;
            return self.word_tail();
        }
        if self.is_letter_at(self.pos) {
            return self.word_tail();
        }
        TokenKind::Number
    }

    fn word_tail(&mut self) -> TokenKind {
        while self.is_alnum_at(self.pos)
            || (self.peek(self.pos) == Some(b'-') && self.is_alnum_at(self.pos + 1))
        {
            self.advance_char();
        }
        TokenKind::Number
    }
}

fn is_mark(c: char) -> bool {
    // Combining marks keep decomposed accents inside the word.
    matches!(c as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x20D0..=0x20FF)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(text: &str) -> Vec<&str> {
        tokenize(text).iter().map(|t| &text[t.span]).collect()
    }

    #[test]
    fn news_sentence() {
        assert_eq!(
            toks("U.S. Sen. Jeff Sessions didn't meet Trump's aide at 10:30 a.m. on Jan. 5."),
            vec![
                "U.S.", "Sen.", "Jeff", "Sessions", "did", "n't", "meet", "Trump", "'s", "aide",
                "at", "10:30", "a.m.", "on", "Jan.", "5", "."
            ]
        );
    }

    #[test]
    fn money_and_numbers() {
        assert_eq!(
            toks("It rose 2% to $1.5bn (£600m) in the 1990s, 1,200 jobs."),
            vec![
                "It", "rose", "2", "%", "to", "$", "1.5bn", "(", "£", "600m", ")", "in", "the",
                "1990s", ",", "1,200", "jobs", "."
            ]
        );
    }

    #[test]
    fn quotes_and_dashes() {
        assert_eq!(
            toks("“I never met,” he said — “with anyone…”"),
            vec![
                "“", "I", "never", "met", ",", "”", "he", "said", "—", "“", "with", "anyone", "…",
                "”"
            ]
        );
        assert_eq!(
            toks("\"No,\" O'Brien said -- 'really'."),
            vec!["\"", "No", ",", "\"", "O'Brien", "said", "--", "'", "really", "'", "."]
        );
    }

    #[test]
    fn ptb_input() {
        assert_eq!(
            toks("`` BP 's well -LRB- Macondo -RRB- is n't sealed . ''"),
            vec![
                "``", "BP", "'s", "well", "-LRB-", "Macondo", "-RRB-", "is", "n't", "sealed", ".",
                "''"
            ]
        );
    }

    #[test]
    fn urls_emails_tags() {
        assert_eq!(
            toks("See https://example.com/a?b=1. Mail ann@example.org, #Brexit @BBCNews"),
            vec![
                "See",
                "https://example.com/a?b=1",
                ".",
                "Mail",
                "ann@example.org",
                ",",
                "#Brexit",
                "@BBCNews"
            ]
        );
    }

    #[test]
    fn dateline_and_flags() {
        let text = "WASHINGTON (Reuters) - Hello.\n\nNext para.";
        let t = tokenize(text);
        let words: Vec<&str> = t.iter().map(|t| &text[t.span]).collect();
        assert_eq!(
            words,
            vec![
                "WASHINGTON",
                "(",
                "Reuters",
                ")",
                "-",
                "Hello",
                ".",
                "Next",
                "para",
                "."
            ]
        );
        assert!(t[0].has(Token::PARAGRAPH_START));
        assert!(t[7].has(Token::PARAGRAPH_START));
        assert!(!t[6].has(Token::SPACE_BEFORE));
    }

    #[test]
    fn hyphens_and_accents() {
        assert_eq!(
            toks("Russian-born Žižek's co-op"),
            vec!["Russian-born", "Žižek", "'s", "co-op"]
        );
    }
}
