//! The token stream the grammar reads: the foundation's tokens, hyphenated
//! words split into their parts ("third-quarter", "mid-1990s", "two-year"),
//! each part classified once.

use chronicle_model::{Doc, Span, Token, TokenKind};

use crate::lexicon::{classify, Lex};

/// One token or hyphen part.
#[derive(Debug, Clone, Copy)]
pub struct Tk {
    pub lex: Lex,
    /// This part's byte span.
    pub span: Span,
    /// The whole original token's span (timexes never split a token).
    pub outer: Span,
    /// The text starts with an upper-case letter.
    pub cap: bool,
    /// Sentence index.
    pub sent: u32,
}

/// Fills `out` with the stream for `doc` (tokens and sentences must be set).
pub fn build(doc: &Doc, out: &mut Vec<Tk>) {
    out.clear();
    let text = doc.text.as_str();
    let mut sent = 0usize;
    for tok in &doc.tokens {
        while sent + 1 < doc.sentences.len() && doc.sentences[sent].end <= tok.span.start {
            sent += 1;
        }
        push_token(text, tok, sent as u32, out);
    }
}

fn push_token(text: &str, tok: &Token, sent: u32, out: &mut Vec<Tk>) {
    let Some(s) = text.get(tok.span.range()) else {
        return;
    };
    let mk = |lex: Lex, span: Span| Tk {
        lex,
        span,
        outer: tok.span,
        cap: s.as_bytes().first().is_some_and(u8::is_ascii_uppercase),
        sent,
    };
    match tok.kind {
        TokenKind::Word | TokenKind::Number => {}
        TokenKind::Quote => {
            out.push(mk(Lex::Punct(b'"'), tok.span));
            return;
        }
        TokenKind::Punct | TokenKind::Symbol => {
            let b = match chronicle_text::ptb_norm(s).as_bytes() {
                [b] => *b,
                [b, ..] if b.is_ascii() => *b,
                _ => b'-',
            };
            out.push(mk(Lex::Punct(b), tok.span));
            return;
        }
        _ => {
            out.push(mk(Lex::Other, tok.span));
            return;
        }
    }
    if s == "'s" || s == "’s" || s == "'S" {
        out.push(mk(Lex::Poss, tok.span));
        return;
    }
    let whole = classify(s);
    // "quarter-to-quarter", "day-to-day" compare periods; they name none.
    // "quarter-final(s)" is a round of a tournament, not a quarter.
    let round = {
        let b = s.as_bytes();
        let ends = |suffix: &[u8]| {
            b.len() >= suffix.len() && b[b.len() - suffix.len()..].eq_ignore_ascii_case(suffix)
        };
        ends(b"-final") || ends(b"-finals") || ends(b"-finalist") || ends(b"-finalists")
    };
    if whole != Lex::Other || !s.contains('-') || s.len() > 40 || s.contains("-to-") || round {
        out.push(mk(whole, tok.span));
        return;
    }
    // Hyphenated: classify each part; a part keeps its own span.
    let base = tok.span.start as usize;
    let mut at = 0usize;
    for part in s.split('-') {
        if !part.is_empty() {
            let span = Span::new(base + at, base + at + part.len());
            let mut tk = mk(classify(part), span);
            tk.cap = part.as_bytes()[0].is_ascii_uppercase();
            out.push(tk);
        }
        at += part.len() + 1;
    }
}
