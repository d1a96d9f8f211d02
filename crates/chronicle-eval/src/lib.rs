//! Scorers for Chronicle's benchmarks. Each module reads gold data, runs the
//! annotator on the gold text, and returns a printable report. Nothing here
//! is used at annotation time.

pub mod conll;
pub mod gold_audit;
pub mod meantime;
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

/// `a / b`, or 0 when nothing was counted.
pub(crate) fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// Harmonic mean of precision and recall (in any scale), 0 when both are 0.
pub(crate) fn f1(p: f64, r: f64) -> f64 {
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}
