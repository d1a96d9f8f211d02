//! Tokenizer, sentence splitter and paragraph splitter for news English.
//!
//! Written by hand rather than with regexes because it runs on every byte of
//! every document: one forward scan, ASCII fast paths, no allocation beyond
//! the output vectors. Tokens are byte spans into the original text; nothing
//! is rewritten. PTB-tokenized input (`` `` ``, `''`, `-LRB-`, ` 's`) is read
//! as it is, and [`ptb_norm`] gives the plain form of such tokens for the
//! stages that match words.

mod abbrev;
mod paragraphs;
mod sentences;
mod tokenize;

pub use abbrev::{is_abbreviation, is_title_abbreviation};
pub use paragraphs::split_paragraphs;
pub use sentences::split_sentences;
pub use tokenize::{tokenize, tokenize_into};

use chronicle_model::{Doc, Layer, Stage};

/// The plain form of a PTB escape (`-LRB-` → `(`, `` `` `` → `"`), else the token itself.
pub fn ptb_norm(token: &str) -> &str {
    match token {
        "``" | "''" => "\"",
        "`" => "'",
        "-LRB-" => "(",
        "-RRB-" => ")",
        "-LSB-" => "[",
        "-RSB-" => "]",
        "-LCB-" => "{",
        "-RCB-" => "}",
        _ => token,
    }
}

/// The segmentation stage: tokens, sentences, paragraphs.
#[derive(Debug, Default, Clone, Copy)]
pub struct Segmenter;

impl Stage for Segmenter {
    fn name(&self) -> &'static str {
        "segment"
    }
    fn requires(&self) -> &'static [Layer] {
        &[]
    }
    fn provides(&self) -> &'static [Layer] {
        &[Layer::Tokens, Layer::Sentences, Layer::Paragraphs]
    }
    fn annotate(&self, doc: &mut Doc) {
        let mut tokens = std::mem::take(&mut doc.tokens);
        tokens.clear();
        tokenize_into(&doc.text, &mut tokens);
        doc.sentences = split_sentences(&doc.text, &tokens);
        doc.paragraphs = split_paragraphs(&doc.text);
        doc.tokens = tokens;
    }
    /// The segmentation rules are code: hash their sources (once).
    fn fingerprint(&self) -> u64 {
        static FP: std::sync::OnceLock<u64> = std::sync::OnceLock::new();
        *FP.get_or_init(|| {
            chronicle_model::Fingerprinter::of_sources(&[
                include_str!("tokenize.rs"),
                include_str!("sentences.rs"),
                include_str!("paragraphs.rs"),
                include_str!("abbrev.rs"),
            ])
        })
    }
}
