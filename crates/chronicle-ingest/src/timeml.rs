//! Placeholder: the TimeML reader (DCT + TEXT, as in TempEval-3).

use chronicle_model::Doc;

/// Reads one TimeML document: the DCT becomes the date, the TEXT content
/// (tags removed, entities decoded) the text.
///
/// # Errors
/// When the file has no `<TEXT>` element or a malformed DCT.
pub fn parse_timeml(origin: &str, content: &str) -> crate::Result<Doc> {
    let _ = content;
    Err(crate::IngestError::File {
        path: origin.to_string(),
        message: "the TimeML reader is not implemented yet".into(),
    })
}
