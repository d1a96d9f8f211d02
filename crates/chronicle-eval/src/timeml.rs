//! Placeholder: the timeml scorer.

use std::path::Path;

/// Scores the annotator on the gold data at `path`; returns the report to print.
///
/// # Errors
/// When the gold data cannot be read.
pub fn run(path: &Path) -> crate::Result<String> {
    Err(crate::EvalError::Data {
        path: path.display().to_string(),
        message: "the timeml scorer is not implemented yet".into(),
    })
}
