//! Tagging one document: attributes per token, document facts, the first
//! pass, the hints it gives, and the second pass. Shared by the stage and
//! by training (which needs the same featurisation).

use std::ops::Range;

use crate::clusters::{Clusters, KeyMap};
use crate::decode::Decoder;
use crate::features::{extract, DocFacts, SentenceStyle};
use crate::gazetteer::Gazetteer;
use crate::lexical::{
    all_caps_sentence, attrs, lowercase_sentence, Attrs, Scratch, ALL_CAPS, HAS_LOWER, INIT_CAP,
};
use crate::model::{Model, Table};
use crate::tags::{label, Tag, N_TAGS};

/// A document reduced to what the tagger reads: token attributes and
/// sentence ranges over them.
#[derive(Debug, Clone, Default)]
pub struct DocView {
    pub attrs: Vec<Attrs>,
    pub sentences: Vec<Range<usize>>,
    pub styles: Vec<SentenceStyle>,
    pub facts: Vec<DocFacts>,
}

impl DocView {
    /// Builds the view from PTB-normalised words and sentence ranges
    /// (which must be in order, disjoint and within `words`).
    pub fn new<S: AsRef<str>>(
        words: &[S],
        sentences: Vec<Range<usize>>,
        clusters: &Clusters,
    ) -> DocView {
        let mut scratch = Scratch::default();
        let attrs: Vec<Attrs> = words
            .iter()
            .map(|w| attrs(w.as_ref(), clusters, &mut scratch))
            .collect();
        let styles: Vec<SentenceStyle> = sentences
            .iter()
            .map(|r| SentenceStyle {
                all_caps: all_caps_sentence(&attrs[r.clone()]),
                lowercase: lowercase_sentence(&attrs[r.clone()]),
            })
            .collect();
        let mut view = DocView {
            facts: vec![DocFacts::default(); attrs.len()],
            attrs,
            sentences,
            styles,
        };
        view.case_elsewhere();
        view
    }

    /// How each word is cased mid-sentence in mixed-case sentences of the document.
    fn case_elsewhere(&mut self) {
        let mut seen: KeyMap<u8> = KeyMap::default();
        for (s, r) in self.sentences.iter().enumerate() {
            if self.styles[s].all_caps {
                continue;
            }
            for i in r.clone().skip(1) {
                let a = &self.attrs[i];
                let bit = if a.flags & INIT_CAP != 0 && a.flags & ALL_CAPS == 0 {
                    1
                } else if a.flags & HAS_LOWER != 0 && a.flags & INIT_CAP == 0 {
                    2
                } else {
                    0
                };
                if bit != 0 {
                    *seen.entry(a.lower).or_insert(0) |= bit;
                }
            }
        }
        for (f, a) in self.facts.iter_mut().zip(&self.attrs) {
            f.case_elsewhere = seen.get(&a.lower).copied().unwrap_or(0);
        }
    }

    /// Sets the name-list hits.
    pub fn set_gazetteer(&mut self, g: &Gazetteer) {
        let mut hits = vec![0u16; self.attrs.len()];
        for r in &self.sentences {
            g.matches(&self.attrs[r.clone()], &mut hits[r.clone()]);
        }
        for (f, h) in self.facts.iter_mut().zip(hits) {
            f.gaz = h;
        }
    }

    /// Sets the hints from first-pass tags (one per token).
    pub fn set_hints(&mut self, tags: &[Tag]) {
        // Per word: count of each class, and of capitalised occurrences.
        let mut counts: KeyMap<[u16; 5]> = KeyMap::default();
        for (a, &t) in self.attrs.iter().zip(tags) {
            if a.flags & (INIT_CAP | ALL_CAPS) == 0 {
                continue;
            }
            let c = counts.entry(a.lower).or_insert([0; 5]);
            c[4] = c[4].saturating_add(1);
            if let Some(l) = label(t) {
                let k = crate::tags::begin(l) as usize / 2;
                c[k] = c[k].saturating_add(1);
            }
        }
        for (f, a) in self.facts.iter_mut().zip(&self.attrs) {
            f.hint = 0;
            f.hint_strength = 0;
            if let Some(c) = counts.get(&a.lower) {
                let (k, &n) = c[..4]
                    .iter()
                    .enumerate()
                    .max_by_key(|&(k, &n)| (n, std::cmp::Reverse(k)))
                    .unwrap_or((0, &0));
                if n > 0 {
                    f.hint = k as u8 + 1;
                    f.hint_strength = if 2 * n >= c[4] { 1 } else { 2 };
                }
            }
        }
    }
}

/// Reusable buffers for tagging.
#[derive(Debug, Default)]
pub struct Work {
    rows: Vec<u32>,
    starts: Vec<u32>,
    emissions: Vec<[f32; N_TAGS]>,
    decoder: Decoder,
    sent_tags: Vec<Tag>,
}

/// Tags every sentence of `view` with one table; tokens outside sentences stay `O`.
pub fn tag_pass(
    table: &Table,
    bits: u32,
    view: &DocView,
    use_hints: bool,
    work: &mut Work,
    out: &mut Vec<Tag>,
) {
    out.clear();
    out.resize(view.attrs.len(), 0);
    for (s, r) in view.sentences.iter().enumerate() {
        if r.is_empty() {
            continue;
        }
        extract(
            &view.attrs[r.clone()],
            &view.facts[r.clone()],
            view.styles[s],
            use_hints,
            bits,
            &mut work.rows,
            &mut work.starts,
        );
        work.emissions.clear();
        for i in 0..r.len() {
            let rows = &work.rows[work.starts[i] as usize..work.starts[i + 1] as usize];
            let mut e = [0f32; N_TAGS];
            table.score(rows, &mut e);
            work.emissions.push(e);
        }
        work.decoder
            .viterbi(&work.emissions, &table.trans, &mut work.sent_tags);
        out[r.clone()].copy_from_slice(&work.sent_tags);
    }
}

/// Tags a document with both passes (the second when the model has one).
pub fn tag_doc(model: &Model, view: &mut DocView, work: &mut Work) -> Vec<Tag> {
    view.set_gazetteer(&model.gazetteer);
    let mut tags = Vec::new();
    tag_pass(&model.pass1, model.bits, view, false, work, &mut tags);
    if let Some(p2) = &model.pass2 {
        view.set_hints(&tags);
        let mut second = Vec::new();
        tag_pass(p2, model.bits, view, true, work, &mut second);
        return second;
    }
    tags
}
