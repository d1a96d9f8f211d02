//! The annotation JSON contract. The serialiser lives in
//! `chronicle_annotate::json` so that the CLI and the Python package print
//! the same bytes; this module only names it for the commands.

pub use chronicle_annotate::json::{doc_line, error_line};
