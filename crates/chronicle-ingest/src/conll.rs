//! Placeholder: the CoNLL-2003 reader.

use std::ops::ControlFlow;

use chronicle_model::Doc;

/// Reads CoNLL-2003 columns: one `Doc` per `-DOCSTART-` document (the whole
/// file when there is none), tokens joined by spaces, one sentence a line.
pub fn parse_conll(
    origin: &str,
    content: &str,
    sink: &mut dyn FnMut(crate::Result<Doc>) -> ControlFlow<()>,
) -> ControlFlow<()> {
    let _ = content;
    sink(Err(crate::IngestError::File {
        path: origin.to_string(),
        message: "the CoNLL reader is not implemented yet".into(),
    }))
}
