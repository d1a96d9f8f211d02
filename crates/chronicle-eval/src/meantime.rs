//! The temporal tagger scored on MEANTIME (NewsReader CAT XML, English
//! Wikinews): the same TempEval-3 measures as [`crate::timeml`], on text the
//! tagger was never developed on, annotated under NewsReader's own TIMEX3
//! guidelines. Parts are the sub-corpora (`corpus_apple`, …).

use std::path::{Path, PathBuf};

use chronicle_ingest::cat::read_cat;

use crate::timeml::{render, score_tree, Scores};

/// Scores the tagger on MEANTIME at `path`; returns the report to print.
///
/// # Errors
/// When the data cannot be read or a file is malformed.
pub fn run(path: &Path) -> crate::Result<String> {
    Ok(render(&score_dir(path)?))
}

/// Scores every `.xml` document under the document-level annotation of the
/// MEANTIME folder at `path` (or under `path` itself when it is already that
/// level or a sub-corpus).
///
/// # Errors
/// When the data cannot be read or a file is malformed.
pub fn score_dir(path: &Path) -> crate::Result<Scores> {
    score_tree(&annotation_root(path), "xml", |name, content| {
        read_cat(name, content).map(|f| (f.doc, f.timexes))
    })
}

/// The document-level annotation folder: the cross-document level holds the
/// same documents again and would count each twice.
fn annotation_root(path: &Path) -> PathBuf {
    [
        "meantime_newsreader_english_oct15/intra-doc_annotation",
        "intra-doc_annotation",
    ]
    .iter()
    .map(|sub| path.join(sub))
    .find(|p| p.is_dir())
    .unwrap_or_else(|| path.to_path_buf())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn real_data_if_present() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/data/meantime");
        if !Path::new(dir).exists() {
            println!("skipping: {dir} not found");
            return;
        }
        let scores = score_dir(Path::new(dir)).unwrap();
        assert_eq!(scores.total.docs, 30);
        assert_eq!(scores.parts.keys().collect::<Vec<_>>(), ["corpus_apple"]);
        assert_eq!(scores.total.gold, 81);
        // Most gold timexes are found; a reader that lost the alignment of
        // tokens and text would find next to none.
        assert!(scores.total.gold_relaxed > 60, "{:?}", scores.total);
    }
}
