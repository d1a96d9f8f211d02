//! Scorers for Chronicle's benchmarks. Each module reads gold data, runs the
//! annotator on the gold text, and returns a printable report. Nothing here
//! is used at annotation time.

pub mod conll;
pub mod polnear;
pub mod timeml;
pub mod tls;

#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    #[error("{path}: {source}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}: {message}")]
    Data { path: String, message: String },
    #[error(transparent)]
    Annotate(#[from] chronicle_annotate::AnnotateError),
}

pub type Result<T> = std::result::Result<T, EvalError>;
