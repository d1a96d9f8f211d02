//! A read-only view of the token layer with lowercased, PTB-normalised forms.
//!
//! Every later module matches words against closed lists; lowercasing each
//! token once into one shared buffer keeps that to one allocation per document.

use chronicle_model::{Span, Token, TokenKind};

pub struct View<'a> {
    pub text: &'a str,
    pub toks: &'a [Token],
    buf: String,
    idx: Vec<(u32, u32)>,
    /// Token index → paragraph number (blank lines, or line breaks after a finished sentence).
    pub para: Vec<u32>,
    /// Token index → sentence number (`u32::MAX` outside every sentence).
    pub sent: Vec<u32>,
}

/// A double quotation mark's reading.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    Open,
    Close,
    /// A straight `"`: decided by the spacing around it.
    Either,
}

impl<'a> View<'a> {
    pub fn new(text: &'a str, toks: &'a [Token], sentences: &[Span]) -> View<'a> {
        let mut buf = String::with_capacity(text.len());
        let mut idx = Vec::with_capacity(toks.len());
        for t in toks {
            let raw = chronicle_text::ptb_norm(&text[t.span]);
            let start = buf.len() as u32;
            for c in raw.chars() {
                match c {
                    '\u{2019}' | '\u{2018}' if t.kind != TokenKind::Quote => buf.push('\''),
                    c if c.is_ascii() => buf.push(c.to_ascii_lowercase()),
                    c => buf.extend(c.to_lowercase()),
                }
            }
            idx.push((start, buf.len() as u32));
        }
        let mut para = Vec::with_capacity(toks.len());
        let mut p = 0u32;
        for (i, t) in toks.iter().enumerate() {
            if i > 0 && t.has(Token::PARAGRAPH_START) {
                p += 1;
            } else if i > 0 && t.has(Token::LINE_START) {
                let prev = &buf[idx[i - 1].0 as usize..idx[i - 1].1 as usize];
                if matches!(prev, "." | "!" | "?" | "\u{201d}" | "\"" | "\u{2026}") {
                    p += 1;
                }
            }
            para.push(p);
        }
        let mut sent = vec![u32::MAX; toks.len()];
        let mut k = 0usize;
        for (si, s) in sentences.iter().enumerate() {
            while k < toks.len() && toks[k].span.start < s.start {
                k += 1;
            }
            while k < toks.len() && toks[k].span.start < s.end {
                sent[k] = si as u32;
                k += 1;
            }
        }
        // Tokens outside any sentence inherit the previous one's, so that
        // "same sentence" tests stay meaningful on odd input.
        let mut last = 0u32;
        for s in sent.iter_mut() {
            if *s == u32::MAX {
                *s = last;
            } else {
                last = *s;
            }
        }
        View {
            text,
            toks,
            buf,
            idx,
            para,
            sent,
        }
    }

    #[inline]
    pub fn len(&self) -> usize {
        self.toks.len()
    }

    #[inline]
    pub fn is_empty(&self) -> bool {
        self.toks.is_empty()
    }

    /// Lowercased normalised form of token `i` (empty past the end).
    #[inline]
    pub fn low(&self, i: usize) -> &str {
        match self.idx.get(i) {
            Some(&(a, b)) => &self.buf[a as usize..b as usize],
            None => "",
        }
    }

    #[inline]
    pub fn raw(&self, i: usize) -> &'a str {
        match self.toks.get(i) {
            Some(t) => &self.text[t.span],
            None => "",
        }
    }

    #[inline]
    pub fn span(&self, i: usize) -> Span {
        self.toks[i].span
    }

    /// Span from the start of token `a` to the end of token `b - 1`.
    pub fn cover(&self, a: usize, b: usize) -> Span {
        if a >= b || b > self.toks.len() {
            return Span::default();
        }
        Span::new(
            self.toks[a].span.start as usize,
            self.toks[b - 1].span.end as usize,
        )
    }

    /// Token starts with an uppercase letter.
    #[inline]
    pub fn is_cap(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind == TokenKind::Word)
            && self.raw(i).chars().next().is_some_and(char::is_uppercase)
    }

    #[inline]
    pub fn is_word(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind == TokenKind::Word)
    }

    /// Sentence-final punctuation.
    #[inline]
    pub fn is_terminal(&self, i: usize) -> bool {
        matches!(self.low(i), "." | "!" | "?" | "\u{2026}" | "...")
    }

    /// Terminal punctuation that ends a sentence: not the period of an
    /// abbreviation the tokenizer split off before a comma ("R-Ky., said").
    #[inline]
    pub fn ends_sentence(&self, i: usize) -> bool {
        self.is_terminal(i) && !(self.low(i) == "." && self.low(i + 1) == ",")
    }

    /// A party-and-state tag ("R-Ky", "D-Calif.").
    pub fn is_party_tag(&self, i: usize) -> bool {
        let w = self.low(i);
        w.len() <= 10
            && (w.starts_with("r-") || w.starts_with("d-") || w.starts_with("i-"))
            && w[2..].chars().next().is_some_and(char::is_alphabetic)
    }

    /// A double quotation mark, and which way it faces if its glyph says so.
    pub fn mark(&self, i: usize) -> Option<Mark> {
        let t = self.toks.get(i)?;
        if t.kind != TokenKind::Quote {
            return None;
        }
        match self.raw(i) {
            "\u{201c}" | "``" | "\u{201e}" | "\u{ab}" => Some(Mark::Open),
            "\u{201d}" | "''" | "\u{bb}" => Some(Mark::Close),
            "\"" => Some(Mark::Either),
            _ => None,
        }
    }

    /// Whitespace (or the text start) precedes token `i`.
    #[inline]
    pub fn space_before(&self, i: usize) -> bool {
        self.toks.get(i).is_none_or(|t| t.has(Token::SPACE_BEFORE))
    }

    /// Token `i` starts a paragraph (see `para`).
    #[inline]
    pub fn para_start(&self, i: usize) -> bool {
        i == 0 || (i < self.para.len() && self.para[i] != self.para[i - 1])
    }
}
