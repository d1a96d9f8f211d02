//! `chronicle`: the command-line front of the engine. Thin on purpose: it
//! parses arguments, wires readers, the pipeline and the store together, and
//! reports errors with context. Output formats (JSON, TimeML, CoNLL) live in
//! `output/`, one module each; commands live in `cmd/`, one module each.

mod cli;
mod cmd;
mod output;
mod progress;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let args = cli::Cli::parse();
    match cmd::run(args) {
        Ok(code) => code,
        Err(err) => {
            eprintln!("error: {err:#}");
            ExitCode::from(2)
        }
    }
}
