//! Name lists harvested from the training labels: every entity string of
//! the training set with the classes it was given. Matching is on
//! lowercased words (so headlines in capitals match too) but a match must
//! begin and end on a capitalised word. During training each document is
//! matched against lists built from the *other* folds only, so the model
//! learns how far a list hit can be trusted for a name it has not seen.

use crate::clusters::KeyMap;
use crate::hash::mix;
use crate::lexical::{Attrs, ALL_CAPS, INIT_CAP};

/// Longest entry, in words.
pub const MAX_LEN: usize = 6;
/// Flag of a key that is the prefix of a longer entry.
const PREFIX: u8 = 0x10;
const SEED: u64 = 0x6a2e_17c3;

/// Entries: key of the lowercased word sequence → class bits (and `PREFIX`).
#[derive(Debug, Default, Clone)]
pub struct Gazetteer {
    map: KeyMap<u8>,
}

impl Gazetteer {
    pub fn len(&self) -> usize {
        self.map.len()
    }

    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }

    /// Adds the words (by their `lower` keys) as a name of class `class` (0..4).
    pub fn add(&mut self, words: &[Attrs], class: usize) {
        if words.is_empty() || words.len() > MAX_LEN {
            return;
        }
        let mut k = SEED;
        for (i, a) in words.iter().enumerate() {
            k = mix(k, a.lower);
            let e = self.map.entry(k).or_insert(0);
            if i + 1 == words.len() {
                *e |= 1 << class;
            } else {
                *e |= PREFIX;
            }
        }
    }

    /// Per token of one sentence, the list hits covering it: bit `3c + p`
    /// for class `c` and position `p` (0 = first of several, 1 = later, 2 = alone).
    pub fn matches(&self, attrs: &[Attrs], out: &mut [u16]) {
        if self.map.is_empty() {
            return;
        }
        let capital = |a: &Attrs| a.flags & (INIT_CAP | ALL_CAPS) != 0;
        for i in 0..attrs.len() {
            if !capital(&attrs[i]) {
                continue;
            }
            let mut k = SEED;
            for j in i..attrs.len().min(i + MAX_LEN) {
                k = mix(k, attrs[j].lower);
                let Some(&v) = self.map.get(&k) else { break };
                let classes = v & 0xF;
                if classes != 0 && capital(&attrs[j]) {
                    for c in 0..4 {
                        if classes & (1 << c) == 0 {
                            continue;
                        }
                        if j == i {
                            out[i] |= 1 << (3 * c + 2);
                        } else {
                            out[i] |= 1 << (3 * c);
                            for o in &mut out[i + 1..=j] {
                                *o |= 1 << (3 * c + 1);
                            }
                        }
                    }
                }
                if v & PREFIX == 0 {
                    break;
                }
            }
        }
    }

    pub(crate) fn entries(&self) -> Vec<(u64, u8)> {
        let mut v: Vec<(u64, u8)> = self.map.iter().map(|(&k, &m)| (k, m)).collect();
        v.sort_unstable();
        v
    }

    pub(crate) fn from_entries(entries: impl Iterator<Item = (u64, u8)>) -> Gazetteer {
        Gazetteer {
            map: entries.collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clusters::Clusters;
    use crate::lexical::{attrs, Scratch};

    fn a(words: &[&str]) -> Vec<Attrs> {
        let c = Clusters::default();
        let mut s = Scratch::default();
        words.iter().map(|w| attrs(w, &c, &mut s)).collect()
    }

    #[test]
    fn matches_case_insensitively_on_capitals() {
        let mut g = Gazetteer::default();
        g.add(&a(&["Bank", "of", "England"]), 1);
        g.add(&a(&["England"]), 2);
        let s = a(&["the", "BANK", "OF", "ENGLAND", "said", "england"]);
        let mut out = vec![0u16; s.len()];
        g.matches(&s, &mut out);
        assert_eq!(out[1], 1 << 3);
        assert_eq!(out[2], 1 << 4);
        assert_eq!(out[3], 1 << 4 | 1 << 8);
        assert_eq!(out[5], 0, "lowercase words never start a match");
    }
}
