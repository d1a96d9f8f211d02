//! Reading training data: CoNLL-2003 columns (labelled) and the unlabelled
//! news texts the clusters are derived from.

use std::io::Read;
use std::ops::Range;
use std::path::Path;

use crate::tags::{from_iob1, Tag};
use crate::NerError;

/// One labelled document.
#[derive(Debug, Clone, Default)]
pub struct LabelledDoc {
    pub words: Vec<String>,
    pub sentences: Vec<Range<usize>>,
    /// IOB2 tags, one per word.
    pub tags: Vec<Tag>,
}

/// Parses CoNLL-2003 columns (token first, tag last; IOB1 or IOB2) into
/// documents split at `-DOCSTART-`.
pub fn parse_conll(content: &str) -> Vec<LabelledDoc> {
    let mut docs = Vec::new();
    let mut doc = LabelledDoc::default();
    let mut sent_tags: Vec<&str> = Vec::new();
    let mut sent_start = 0usize;
    let flush_sentence =
        |doc: &mut LabelledDoc, sent_tags: &mut Vec<&str>, sent_start: &mut usize| {
            if !sent_tags.is_empty() {
                doc.tags.extend(from_iob1(sent_tags.iter().copied()));
                doc.sentences.push(*sent_start..doc.words.len());
                sent_tags.clear();
            }
            *sent_start = doc.words.len();
        };
    for line in content.lines() {
        let line = line.trim_end_matches('\r');
        if line.starts_with("-DOCSTART-") {
            flush_sentence(&mut doc, &mut sent_tags, &mut sent_start);
            if !doc.words.is_empty() {
                docs.push(std::mem::take(&mut doc));
            }
            sent_start = 0;
            continue;
        }
        let mut cols = line.split_whitespace();
        let Some(word) = cols.next() else {
            flush_sentence(&mut doc, &mut sent_tags, &mut sent_start);
            continue;
        };
        let tag = cols.last().unwrap_or("O");
        doc.words.push(chronicle_text::ptb_norm(word).to_string());
        sent_tags.push(tag);
    }
    flush_sentence(&mut doc, &mut sent_tags, &mut sent_start);
    if !doc.words.is_empty() {
        docs.push(doc);
    }
    docs
}

/// Reads a file, gunzipping `.gz`.
pub fn read_text(path: &Path) -> Result<String, NerError> {
    let bytes = std::fs::read(path).map_err(|e| NerError::Io {
        path: path.display().to_string(),
        message: e.to_string(),
    })?;
    if path.extension().is_some_and(|e| e == "gz") {
        let mut s = String::new();
        flate2::read::GzDecoder::new(&bytes[..])
            .read_to_string(&mut s)
            .map_err(|e| NerError::Io {
                path: path.display().to_string(),
                message: e.to_string(),
            })?;
        Ok(s)
    } else {
        String::from_utf8(bytes).map_err(|e| NerError::Io {
            path: path.display().to_string(),
            message: e.to_string(),
        })
    }
}

/// The `text` fields of a JSON Lines file (bad lines are skipped: this is
/// unlabelled material for clusters, not data to validate).
pub fn jsonl_texts(content: &str) -> Vec<String> {
    content
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v.get("text").and_then(|t| t.as_str()).map(str::to_string))
        .collect()
}

/// The files under `dir`, recursively, sorted (for reproducibility).
pub fn files_under(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(rd) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in rd.flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_documents_and_sentences() {
        let text = "-DOCSTART- -X- O O\n\nEU NNP I-NP I-ORG\nrejects VBZ I-VP O\n\nPeter NNP I-NP I-PER\nBlackburn NNP I-NP I-PER\n\n-DOCSTART- -X- O O\n\n-LRB- ( O O\n";
        let docs = parse_conll(text);
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0].sentences, vec![0..2, 2..4]);
        assert_eq!(docs[0].tags, vec![3, 0, 1, 2]);
        assert_eq!(docs[1].words, vec!["("]);
    }
}
