//! The temporal tagger scored on MEANTIME (NewsReader CAT XML, English
//! Wikinews): the same TempEval-3 measures as [`crate::timeml`], on text the
//! tagger was never developed on, annotated under NewsReader's own TIMEX3
//! guidelines. Parts are the sub-corpora (`corpus_apple`, …).

use std::path::{Path, PathBuf};

use chronicle_ingest::cat::read_cat;
use chronicle_ingest::timeml::{timeml_shell, write_timeml};
use chronicle_ingest::IngestError;
use chronicle_model::{Doc, Timex};

use crate::timeml::{collect, load, render, score_tree, Scores, Tagger};

/// Scores the tagger on MEANTIME at `path`; returns the report to print.
/// Given `timeml_out`, also writes every document with its gold TIMEX3s
/// there as TimeML (`<sub-corpus>/<name>.tml`).
///
/// # Errors
/// When the data cannot be read, a file is malformed, or an output file
/// cannot be written.
pub fn run(path: &Path, timeml_out: Option<&Path>) -> crate::Result<String> {
    if let Some(out) = timeml_out {
        write_timeml_dir(path, out)?;
    }
    Ok(render(&score_dir(path)?))
}

/// Scores every `.xml` document under the document-level annotation of the
/// MEANTIME folder at `path` (or under `path` itself when it is already that
/// level or a sub-corpus).
///
/// # Errors
/// When the data cannot be read or a file is malformed.
pub fn score_dir(path: &Path) -> crate::Result<Scores> {
    score_tree(&annotation_root(path), "xml", read_gold, Tagger::Chronicle)
}

fn read_gold(name: &str, content: &str) -> Result<(Doc, Vec<Timex>), IngestError> {
    read_cat(name, content).map(|f| (f.doc, f.timexes))
}

/// Writes the gold documents as TimeML under `out`, mirroring the folders.
///
/// # Errors
/// When a file cannot be read, parsed or written.
pub fn write_timeml_dir(path: &Path, out: &Path) -> crate::Result<()> {
    let root = annotation_root(path);
    let mut files = Vec::new();
    collect(&root, "xml", &mut files)?;
    for file in files {
        let (doc, timexes) = load(&file, read_gold)?;
        let rel = file
            .strip_prefix(&root)
            .unwrap_or(&file)
            .with_extension("tml");
        let target = out.join(rel);
        let io = |source| crate::EvalError::Io {
            path: target.display().to_string(),
            source,
        };
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent).map_err(io)?;
        }
        let xml = write_timeml(&timeml_shell(&doc), &doc.text, &timexes);
        std::fs::write(&target, xml).map_err(io)?;
    }
    Ok(())
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

        // Written out as TimeML, the documents score exactly the same
        // through the TimeML reader, and as a system output they score
        // perfectly against themselves.
        let out = std::env::temp_dir().join(format!("chronicle-meantime-{}", std::process::id()));
        write_timeml_dir(Path::new(dir), &out).unwrap();
        let again = crate::timeml::score_dir(&out).unwrap();
        assert_eq!(again.total, scores.total);
        let read = crate::timeml::read_gold_timeml;
        let itself = score_tree(&out, "tml", read, Tagger::Files(&out)).unwrap();
        assert_eq!(itself.total.value_ok, 81);
        assert_eq!(itself.total.strict, 81);
        let _ = std::fs::remove_dir_all(&out);
    }
}
