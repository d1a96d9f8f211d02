//! The CoNLL-2003 reader: token-per-line columns (token first, tags after),
//! blank lines between sentences, `-DOCSTART-` lines between documents.
//!
//! The text of each `Doc` is its tokens joined by single spaces, one
//! sentence a line, so that byte spans map back to token lines exactly;
//! the token and sentence layers are filled from the columns, so a stage
//! that must tag the given tokens (the `--to conll` writer, the scorer)
//! need not re-tokenize.

use std::io::Read;
use std::ops::ControlFlow;
use std::path::Path;

use chronicle_model::{Doc, DocMeta, Span, Token, TokenKind};

/// One input line of a CoNLL document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ConllLine<'a> {
    /// The line as read, without its line break.
    pub text: &'a str,
    /// 1-based line number in the input.
    pub number: u64,
    /// The index of the line's token in the doc's token layer (`None` for
    /// blank and `-DOCSTART-` lines).
    pub token: Option<usize>,
}

impl<'a> ConllLine<'a> {
    /// The last column (the gold tag in CoNLL-2003 files), for token lines with two or more columns.
    pub fn last_column(&self) -> Option<&'a str> {
        self.token?;
        let mut cols = self.text.split_whitespace();
        cols.next()?;
        cols.last()
    }
}

/// A document with its lines, for writers that echo the input.
#[derive(Debug, Clone)]
pub struct ConllDoc<'a> {
    pub doc: Doc,
    pub lines: Vec<ConllLine<'a>>,
}

/// Splits CoNLL content into documents with their token and sentence
/// layers filled. Lines before the first `-DOCSTART-` form a document of
/// their own; a file without any is one document.
pub fn split_docs<'a>(origin: &str, content: &'a str) -> Vec<ConllDoc<'a>> {
    let mut docs = Vec::new();
    let mut cur = Builder::default();
    for (i, raw) in content.lines().enumerate() {
        let line = raw.trim_end_matches('\r');
        let number = i as u64 + 1;
        if line.starts_with("-DOCSTART-") {
            if cur.has_tokens() {
                let done = std::mem::take(&mut cur);
                docs.push(done.finish(origin, docs.len() + 1));
            }
            if cur.first_line == 0 {
                cur.first_line = number;
            }
            cur.lines.push(ConllLine {
                text: line,
                number,
                token: None,
            });
            continue;
        }
        if cur.first_line == 0 {
            cur.first_line = number;
        }
        match line.split_whitespace().next() {
            None => {
                cur.end_sentence();
                cur.lines.push(ConllLine {
                    text: line,
                    number,
                    token: None,
                });
            }
            Some(word) => {
                let idx = cur.push_token(word);
                cur.lines.push(ConllLine {
                    text: line,
                    number,
                    token: Some(idx),
                });
            }
        }
    }
    if !cur.lines.is_empty() {
        docs.push(cur.finish(origin, docs.len() + 1));
    }
    docs
}

#[derive(Default)]
struct Builder<'a> {
    text: String,
    tokens: Vec<Token>,
    sentences: Vec<Span>,
    sentence_start: Option<usize>,
    lines: Vec<ConllLine<'a>>,
    first_line: u64,
}

impl<'a> Builder<'a> {
    fn has_tokens(&self) -> bool {
        !self.tokens.is_empty()
    }

    fn push_token(&mut self, word: &str) -> usize {
        let mut flags = Token::SPACE_BEFORE;
        if self.sentence_start.is_none() {
            if !self.text.is_empty() {
                self.text.push('\n');
                flags |= Token::LINE_START;
            } else {
                flags |= Token::LINE_START | Token::PARAGRAPH_START;
            }
            self.sentence_start = Some(self.text.len());
        } else {
            self.text.push(' ');
        }
        let start = self.text.len();
        self.text.push_str(word);
        self.tokens.push(Token {
            span: Span::new(start, self.text.len()),
            kind: kind_of(word),
            flags,
        });
        self.tokens.len() - 1
    }

    fn end_sentence(&mut self) {
        if let Some(s) = self.sentence_start.take() {
            self.sentences.push(Span::new(s, self.text.len()));
        }
    }

    fn finish(mut self, origin: &str, n: usize) -> ConllDoc<'a> {
        self.end_sentence();
        let mut doc = Doc::new(format!("{origin}#{n}"), None, self.text);
        doc.meta = DocMeta {
            url: None,
            source: None,
            origin: Some(format!("{origin}:{}", self.first_line.max(1))),
        };
        doc.tokens = self.tokens;
        doc.sentences = self.sentences;
        ConllDoc {
            doc,
            lines: self.lines,
        }
    }
}

/// A coarse token class for a pre-tokenized word.
fn kind_of(word: &str) -> TokenKind {
    let first = word.chars().next().unwrap_or(' ');
    if word.chars().any(char::is_alphabetic) {
        if word
            .chars()
            .all(|c| c.is_alphabetic() || ".-'’&".contains(c))
        {
            TokenKind::Word
        } else if first.is_ascii_digit() {
            TokenKind::Number
        } else {
            TokenKind::Word
        }
    } else if first.is_ascii_digit() {
        TokenKind::Number
    } else if matches!(word, "\"" | "``" | "''" | "'" | "`" | "“" | "”" | "‘" | "’") {
        TokenKind::Quote
    } else if word.chars().all(|c| c.is_ascii_punctuation())
        && !matches!(word, "$" | "%" | "&" | "#" | "@")
    {
        TokenKind::Punct
    } else {
        TokenKind::Symbol
    }
}

/// Reads CoNLL-2003 columns: one `Doc` per `-DOCSTART-` document (the whole
/// file when there is none), tokens joined by spaces, one sentence a line.
pub fn parse_conll(
    origin: &str,
    content: &str,
    sink: &mut dyn FnMut(crate::Result<Doc>) -> ControlFlow<()>,
) -> ControlFlow<()> {
    for d in split_docs(origin, content) {
        if d.doc.tokens.is_empty() {
            continue;
        }
        sink(Ok(d.doc))?;
    }
    ControlFlow::Continue(())
}

/// Reads a CoNLL file (`-` for standard input, `.gz` decompressed) as text.
///
/// # Errors
/// When the file cannot be read or is not UTF-8.
pub fn read_conll_file(path: &Path) -> crate::Result<String> {
    let io = |source: std::io::Error| crate::IngestError::Io {
        path: path.display().to_string(),
        source,
    };
    let mut bytes = Vec::new();
    if path == Path::new("-") {
        std::io::stdin().read_to_end(&mut bytes).map_err(io)?;
    } else {
        bytes = std::fs::read(path).map_err(io)?;
    }
    if bytes.starts_with(&[0x1f, 0x8b]) {
        let mut out = Vec::new();
        flate2::read::MultiGzDecoder::new(&bytes[..])
            .read_to_end(&mut out)
            .map_err(io)?;
        bytes = out;
    }
    String::from_utf8(bytes).map_err(|e| crate::IngestError::File {
        path: path.display().to_string(),
        message: format!("not UTF-8: {e}"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "-DOCSTART- -X- O O\n\nEU NNP I-NP I-ORG\nrejects VBZ I-VP O\n\nPeter NNP I-NP I-PER\nBlackburn NNP I-NP I-PER\n\n-DOCSTART- -X- O O\n\nBRUSSELS NNP I-NP I-LOC\n";

    #[test]
    fn one_doc_per_docstart() {
        let docs = split_docs("f", SAMPLE);
        assert_eq!(docs.len(), 2);
        let d = &docs[0].doc;
        assert_eq!(d.text, "EU rejects\nPeter Blackburn");
        assert_eq!(d.tokens.len(), 4);
        assert_eq!(d.sentences.len(), 2);
        assert_eq!(d.slice(d.sentences[1]), "Peter Blackburn");
        assert_eq!(d.slice(d.tokens[3].span), "Blackburn");
        let l = docs[0].lines.iter().find(|l| l.token == Some(2)).unwrap();
        assert_eq!(l.text, "Peter NNP I-NP I-PER");
        assert_eq!(l.last_column(), Some("I-PER"));
        let total: usize = docs.iter().map(|d| d.lines.len()).sum();
        assert_eq!(total, SAMPLE.lines().count());
    }

    #[test]
    fn sink_gets_docs() {
        let mut n = 0;
        let _ = parse_conll("f", SAMPLE, &mut |d| {
            assert!(d.is_ok());
            n += 1;
            ControlFlow::Continue(())
        });
        assert_eq!(n, 2);
        let _ = parse_conll("f", "", &mut |_| {
            n += 1;
            ControlFlow::Continue(())
        });
        assert_eq!(n, 2);
    }
}
