//! The CoNLL-2003 scorer, with conlleval's semantics: a chunk is correct
//! when its type and both boundaries match; precision, recall and F1 are
//! micro-averaged over chunks, and per type. Gold files use IOB1 (`B-`
//! only between adjacent chunks of one type), our output IOB2: both are
//! read as chunks, so the encodings do not matter. The annotator sees only
//! the first column (the words), never the gold tags.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

use chronicle_model::{EntityLabel, Stage};
use chronicle_ner::{tags, NerTagger};

/// Chunk counts for one type (or all).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub gold: usize,
    pub found: usize,
    pub correct: usize,
}

impl Counts {
    pub fn precision(&self) -> f64 {
        ratio(self.correct, self.found)
    }
    pub fn recall(&self) -> f64 {
        ratio(self.correct, self.gold)
    }
    pub fn f1(&self) -> f64 {
        crate::f1(self.precision(), self.recall())
    }
    fn add(&mut self, o: Counts) {
        self.gold += o.gold;
        self.found += o.found;
        self.correct += o.correct;
    }
}

/// A percentage.
fn ratio(a: usize, b: usize) -> f64 {
    100.0 * crate::ratio(a, b)
}

/// Scores the chunks of one sentence (gold and predicted tags, IOB1 or IOB2 strings).
pub fn score_sentence(gold: &[&str], pred: &[&str], by_type: &mut BTreeMap<EntityLabel, Counts>) {
    let g = tags::chunks(&tags::from_iob1(gold.iter().copied()));
    let p = tags::chunks(&tags::from_iob1(pred.iter().copied()));
    for c in &g {
        by_type.entry(c.2).or_default().gold += 1;
    }
    for c in &p {
        let e = by_type.entry(c.2).or_default();
        e.found += 1;
        if g.binary_search(c).is_ok() {
            e.correct += 1;
        }
    }
}

/// Scores the annotator on the gold data at `path`; returns the report to print.
///
/// # Errors
/// When the gold data cannot be read or the model cannot be loaded.
pub fn run(path: &Path) -> crate::Result<String> {
    let content =
        chronicle_ingest::conll::read_conll_file(path).map_err(|e| crate::EvalError::Data {
            path: path.display().to_string(),
            message: e.to_string(),
        })?;
    let tagger = NerTagger::load_default().map_err(chronicle_annotate::AnnotateError::from)?;
    let origin = path.display().to_string();
    let mut by_type: BTreeMap<EntityLabel, Counts> = BTreeMap::new();
    let (mut tokens, mut same) = (0usize, 0usize);
    for mut cd in chronicle_ingest::conll::split_docs(&origin, &content) {
        tagger.annotate(&mut cd.doc);
        let pred = chronicle_ner::iob2_tags(&cd.doc);
        let mut gold = vec!["O"; cd.doc.tokens.len()];
        for l in &cd.lines {
            if let (Some(i), Some(tag)) = (l.token, l.last_column()) {
                gold[i] = tag;
            }
        }
        for &s in &cd.doc.sentences {
            let r = cd.doc.token_range(s);
            score_sentence(&gold[r.clone()], &pred[r.clone()], &mut by_type);
        }
        let gold2 = tags::from_iob1(gold.iter().copied());
        tokens += gold.len();
        same += gold2
            .iter()
            .zip(&pred)
            .filter(|(&g, &p)| tags::name(g) == p)
            .count();
    }
    if tokens == 0 {
        return Err(crate::EvalError::Data {
            path: origin,
            message: "no token lines".into(),
        });
    }
    let mut all = Counts::default();
    for c in by_type.values() {
        all.add(*c);
    }
    let mut out = String::new();
    let _ = writeln!(
        out,
        "processed {tokens} tokens with {} phrases; found: {} phrases; correct: {}.",
        all.gold, all.found, all.correct
    );
    let _ = writeln!(
        out,
        "accuracy: {:6.2}%; precision: {:6.2}%; recall: {:6.2}%; FB1: {:6.2}",
        ratio(same, tokens),
        all.precision(),
        all.recall(),
        all.f1()
    );
    for (label, c) in &by_type {
        let _ = writeln!(
            out,
            "{:>17}: precision: {:6.2}%; recall: {:6.2}%; FB1: {:6.2}  {}",
            label.as_str(),
            c.precision(),
            c.recall(),
            c.f1(),
            c.found
        );
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chunk_semantics() {
        let mut m = BTreeMap::new();
        // IOB1 gold: two adjacent PER chunks; prediction merges them.
        score_sentence(
            &["I-PER", "B-PER", "O", "I-LOC", "I-LOC"],
            &["B-PER", "I-PER", "O", "B-LOC", "I-LOC"],
            &mut m,
        );
        assert_eq!(
            m[&EntityLabel::Per],
            Counts {
                gold: 2,
                found: 1,
                correct: 0
            }
        );
        assert_eq!(
            m[&EntityLabel::Loc],
            Counts {
                gold: 1,
                found: 1,
                correct: 1
            }
        );
        assert!((m[&EntityLabel::Loc].f1() - 100.0).abs() < 1e-9);
    }
}
