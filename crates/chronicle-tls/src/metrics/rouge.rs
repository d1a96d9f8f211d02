//! ROUGE-N counts as ROUGE-1.5.5 computes them with tilse's options
//! (`-m -s -t 2`): lowercase ASCII, turn every character but ASCII letters,
//! digits and hyphens into a space and every hyphen into a token, drop the stopword
//! list the script ships, keep tokens that start with `[a-z0-9$]`, Porter-stem
//! tokens longer than three bytes, and count n-grams over the sentences
//! joined into one text (so bigrams cross sentence boundaries, as there).
//!
//! Like the script, irregular inflections are first looked up in WordNet
//! 2.0's exception lists (`wordnet_exceptions.txt`: the script's database,
//! restricted to keys its tokenizer can produce; WordNet's licence permits
//! copying with the notice below), and the base form found there is used
//! unstemmed.
//!
//! WordNet 2.0 Copyright 2003 by Princeton University. All rights reserved.
//! (WordNet licence: use, copy, modify and distribute for any purpose and
//! without fee or royalty, with this notice.)

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use super::porter;

/// The stopword list of ROUGE-1.5.5's data folder (SMART's common words plus
/// a few news words), one word a line.
const STOPWORDS: &str = include_str!("rouge_stopwords.txt");

/// `inflected base` pairs, one a line.
const EXCEPTIONS: &str = include_str!("wordnet_exceptions.txt");

fn exceptions() -> &'static HashMap<&'static str, &'static str> {
    static MAP: OnceLock<HashMap<&'static str, &'static str>> = OnceLock::new();
    MAP.get_or_init(|| {
        EXCEPTIONS
            .lines()
            .filter_map(|l| l.split_once(' '))
            .collect()
    })
}

/// ROUGE's `MorphStem`: WordNet's irregular base form, else the Porter stem.
pub fn morph_stem(word: &str) -> String {
    match exceptions().get(word) {
        Some(base) => (*base).to_string(),
        None => porter::stem(word),
    }
}

fn stopwords() -> &'static HashSet<&'static str> {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| {
        STOPWORDS
            .lines()
            .map(str::trim)
            .filter(|w| !w.is_empty())
            .collect()
    })
}

/// True for a word of ROUGE's stopword list (lowercase).
pub fn is_stopword(word: &str) -> bool {
    stopwords().contains(word)
}

/// The tokens ROUGE scores for a summary given as sentences.
pub fn tokens<S: AsRef<str>>(sentences: &[S]) -> Vec<String> {
    let stop = stopwords();
    let mut out = Vec::new();
    for sentence in sentences {
        let s = sentence.as_ref();
        // The script reads each sentence out of an HTML line up to the next `<`.
        let s = s.split('<').next().unwrap_or("");
        // tilse escapes `^` as `&circ;`, which the script reads as the word `circ`.
        let lower = s.replace('^', " circ ").to_ascii_lowercase();
        // The script's tokenizer: hyphens become tokens, anything else that is
        // not an ASCII letter or digit becomes a space.
        let cleaned: String = lower
            .chars()
            .flat_map(|c| match c {
                '-' => [' ', '-', ' '],
                c if c.is_ascii_alphanumeric() => [c, '\0', '\0'],
                _ => [' ', '\0', '\0'],
            })
            .filter(|&c| c != '\0')
            .collect();
        for tok in cleaned.split_whitespace() {
            if stop.contains(tok) {
                continue;
            }
            let first = tok.as_bytes()[0];
            if !(first.is_ascii_lowercase() || first.is_ascii_digit() || first == b'$') {
                continue;
            }
            if tok.len() > 3 {
                out.push(morph_stem(tok));
            } else {
                out.push(tok.to_string());
            }
        }
    }
    out
}

/// N-gram multiset of a token sequence.
#[derive(Debug, Clone, Default)]
pub struct Ngrams {
    counts: HashMap<String, u32>,
    total: u32,
}

impl Ngrams {
    pub fn new(tokens: &[String], n: usize) -> Ngrams {
        let mut counts: HashMap<String, u32> = HashMap::new();
        let mut total = 0;
        if n > 0 && tokens.len() >= n {
            for w in tokens.windows(n) {
                *counts.entry(w.join(" ")).or_default() += 1;
                total += 1;
            }
        }
        Ngrams { counts, total }
    }

    pub fn total(&self) -> u32 {
        self.total
    }

    /// Clipped matches between a system summary (`self`) and a reference.
    pub fn hits(&self, reference: &Ngrams) -> u32 {
        let (small, large) = if self.counts.len() <= reference.counts.len() {
            (&self.counts, &reference.counts)
        } else {
            (&reference.counts, &self.counts)
        };
        small
            .iter()
            .map(|(g, &c)| large.get(g).map_or(0, |&d| c.min(d)))
            .sum()
    }
}

/// ROUGE's raw counts for one comparison: hits, system n-grams, reference n-grams.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Counts {
    pub hits: u32,
    pub peer: u32,
    pub model: u32,
}

pub fn counts(peer: &Ngrams, model: &Ngrams) -> Counts {
    Counts {
        hits: peer.hits(model),
        peer: peer.total(),
        model: model.total(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokenises_like_the_script() {
        let t = tokens(&[
            "BP 's shares fell 5 % -LRB- in London -RRB- .",
            "The explosions continued",
        ]);
        assert_eq!(
            t,
            vec!["bp", "share", "fall", "5", "lrb", "london", "rrb", "explos", "continu"]
        );
        assert_eq!(tokens(&["2,500 all-clear U.S."]), vec!["2", "500", "clear"]);
        assert_eq!(tokens(&["Children carried"]), vec!["child", "carry"]);
    }

    #[test]
    fn bigrams_cross_sentences_and_clip() {
        let a = Ngrams::new(&tokens(&["oil spill", "spill oil"]), 2);
        let b = Ngrams::new(&tokens(&["oil spill oil spill"]), 2);
        assert_eq!(a.total(), 3);
        assert_eq!(b.total(), 3);
        // a: {oil spill:1, spill spill:1, spill oil:1}; b: {oil spill:2, spill oil:1}
        assert_eq!(a.hits(&b), 2);
        assert_eq!(b.hits(&a), 2);
    }
}
