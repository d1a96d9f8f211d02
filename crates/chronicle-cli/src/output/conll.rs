//! Placeholder: `--to conll` output.

use std::path::Path;
use std::process::ExitCode;

use crate::cli::InputArgs;

/// Reads the inputs, annotates them and writes `conll` output.
pub fn run(input: &InputArgs, out: Option<&Path>) -> anyhow::Result<ExitCode> {
    let _ = (input, out);
    anyhow::bail!("--to conll is not implemented yet")
}
