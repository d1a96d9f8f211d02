//! Output formats. Only this crate (and serve) knows JSON.

pub mod conll;
pub mod json;
pub mod timeml;
