//! Near-duplicate detection: the same event or statement reported by
//! several articles in slightly different words.
//!
//! Two texts report the same thing when their word sets have a Jaccard
//! similarity of at least [`SAME_TEXT`]. A hub entity has thousands of
//! reports on one date, so comparing each report with every earlier item
//! is quadratic; [`TextIndex`] finds the same first match by prefix
//! filtering (two sets this similar share a word among the first few of
//! each, under any fixed word order, and rare words first keeps the
//! candidate lists short), then checks the candidates exactly.

use std::collections::{HashMap, HashSet};

/// Lower-cased word set of a text, ignoring short (mostly function) words.
pub(crate) fn words(text: &str) -> HashSet<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() > 3)
        .map(str::to_lowercase)
        .collect()
}

/// Jaccard similarity of two word sets.
pub(crate) fn jaccard(a: &HashSet<String>, b: &HashSet<String>) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    let inter = a.intersection(b).count() as f64;
    inter / ((a.len() + b.len()) as f64 - inter)
}

/// Texts this similar (Jaccard over word sets) report the same thing.
pub(crate) const SAME_TEXT: f64 = 0.6;

/// Word ids: the words of [`words`], interned so that a word set is a
/// small vector of integers.
#[derive(Default)]
pub(crate) struct Vocab {
    ids: HashMap<String, u32>,
    buf: String,
}

impl Vocab {
    /// The word set of `text` (as [`words`] has it) as distinct ids, in
    /// no particular order.
    pub(crate) fn set(&mut self, text: &str) -> Vec<u32> {
        let mut out: Vec<u32> = Vec::new();
        for w in text.split(|c: char| !c.is_alphanumeric()) {
            if w.chars().count() <= 3 {
                continue;
            }
            self.buf.clear();
            self.buf.extend(w.chars().flat_map(char::to_lowercase));
            let next = self.ids.len() as u32;
            let id = match self.ids.get(self.buf.as_str()) {
                Some(&id) => id,
                None => {
                    self.ids.insert(self.buf.clone(), next);
                    next
                }
            };
            out.push(id);
        }
        out.sort_unstable();
        out.dedup();
        out
    }

    /// How many distinct words have been seen.
    pub(crate) fn len(&self) -> usize {
        self.ids.len()
    }
}

/// Jaccard similarity of two distinct-id sets sorted by the same total
/// order `before` (the same value as [`jaccard`] on the words).
fn jaccard_sorted(a: &[u32], b: &[u32], before: impl Fn(u32, u32) -> bool) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    let (mut i, mut j, mut inter) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        if a[i] == b[j] {
            inter += 1;
            i += 1;
            j += 1;
        } else if before(a[i], b[j]) {
            i += 1;
        } else {
            j += 1;
        }
    }
    let inter = inter as f64;
    inter / ((a.len() + b.len()) as f64 - inter)
}

/// How many words of a set of `n` to index and probe: a set with Jaccard
/// at least [`SAME_TEXT`] with another shares at least `ceil(0.6 n)` of
/// its words, so one of its first `n - ceil(0.6 n) + 1` is shared; one
/// more is taken so that rounding in the float test cannot lose a match.
fn prefix_len(n: usize) -> usize {
    let overlap = (SAME_TEXT * n as f64).ceil() as usize;
    (n + 2).saturating_sub(overlap.max(1)).min(n)
}

/// Items of one group (one kind and date, one speaker) by their word sets:
/// which is the first item whose text is near-identical to a new one.
///
/// Sets are given sorted by one fixed total order over word ids (`rank`,
/// lower first; rarer words first makes the index fast, any order makes
/// it exact).
#[derive(Default)]
pub(crate) struct TextIndex {
    sets: Vec<Vec<u32>>,
    postings: HashMap<u32, Vec<u32>>,
    first_empty: Option<u32>,
    seen: Vec<u32>,
}

impl TextIndex {
    /// The first item (by insertion) whose set has a Jaccard similarity of
    /// at least [`SAME_TEXT`] with `set`.
    pub(crate) fn find(&mut self, set: &[u32], rank: &[u32]) -> Option<usize> {
        if set.is_empty() {
            return self.first_empty.map(|i| i as usize);
        }
        let before = |a: u32, b: u32| (rank[a as usize], a) < (rank[b as usize], b);
        self.seen.clear();
        for w in &set[..prefix_len(set.len())] {
            if let Some(p) = self.postings.get(w) {
                self.seen.extend_from_slice(p);
            }
        }
        self.seen.sort_unstable();
        self.seen.dedup();
        let seen = std::mem::take(&mut self.seen);
        let found = seen
            .iter()
            .copied()
            .find(|&i| jaccard_sorted(set, &self.sets[i as usize], before) >= SAME_TEXT);
        self.seen = seen;
        found.map(|i| i as usize)
    }

    /// Adds the next item (index `self.len()`) with word set `set`.
    pub(crate) fn push(&mut self, set: Vec<u32>) {
        let i = self.sets.len() as u32;
        if set.is_empty() {
            self.first_empty.get_or_insert(i);
        }
        for w in &set[..prefix_len(set.len())] {
            self.postings.entry(*w).or_default().push(i);
        }
        self.sets.push(set);
    }
}

/// `set` sorted rarest word first (ties by id): the order [`TextIndex`]
/// probes in, given each word's number of occurrences `count`.
pub(crate) fn by_rarity(set: &mut [u32], count: &[u32]) {
    set.sort_unstable_by_key(|&w| (count[w as usize], w));
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn jaccard_is_intersection_over_union() {
        let a = words("Sessions met the Russian ambassador in July");
        let b = words("Sessions met the Russian ambassador in July");
        assert!((jaccard(&a, &b) - 1.0).abs() < 1e-9);
        let c = words("Apple released the iPhone");
        assert!(jaccard(&a, &c) < 0.1);
        let x = words("aaaa bbbb cccc dddd");
        let y = words("aaaa bbbb cccc eeee");
        assert!((jaccard(&x, &y) - 3.0 / 5.0).abs() < 1e-9);
    }

    #[test]
    fn prefix_covers_the_needed_overlap() {
        for n in 1..200usize {
            let p = prefix_len(n);
            assert!(p >= 1 && p <= n);
            // Sets sharing fewer than n - p + 1 words are all that is skipped.
            assert!(n - p < (SAME_TEXT * n as f64).ceil() as usize);
        }
    }

    /// The first near-identical text by comparing with every earlier one.
    fn first_simple(sets: &[HashSet<String>], ws: &HashSet<String>) -> Option<usize> {
        sets.iter().position(|o| jaccard(ws, o) >= SAME_TEXT)
    }

    fn text() -> impl Strategy<Value = String> {
        // A small vocabulary with short words and case variants, so that
        // near-duplicates and exact repeats are common.
        let word = prop::sample::select(vec![
            "Sessions",
            "sessions",
            "met",
            "the",
            "Russian",
            "ambassador",
            "July",
            "denied",
            "meeting",
            "Kislyak",
            "officials",
            "campaign",
            "Über",
            "über",
            "ÉTAT",
            "état",
        ]);
        prop::collection::vec(word, 0..9).prop_map(|w| w.join(" "))
    }

    proptest! {
        #[test]
        fn index_finds_the_same_first_match_as_a_scan(texts in prop::collection::vec(text(), 0..40)) {
            let mut vocab = Vocab::default();
            let mut sets: Vec<Vec<u32>> = texts.iter().map(|t| vocab.set(t)).collect();
            let mut count = vec![0u32; vocab.len()];
            for s in &sets {
                for &w in s {
                    count[w as usize] += 1;
                }
            }
            for s in &mut sets {
                by_rarity(s, &count);
            }
            let mut index = TextIndex::default();
            let mut kept_sets: Vec<HashSet<String>> = Vec::new();
            let mut kept: Vec<usize> = Vec::new();
            for (t, s) in texts.iter().zip(sets) {
                let ws = words(t);
                prop_assert_eq!(ws.len(), s.len());
                let fast = index.find(&s, &count);
                prop_assert_eq!(fast, first_simple(&kept_sets, &ws), "{}", t);
                if fast.is_none() {
                    index.push(s);
                    kept_sets.push(ws);
                    kept.push(kept.len());
                }
            }
        }
    }
}
