use std::process::ExitCode;

use anyhow::bail;

use crate::cli::TrainCommand;

pub fn run(command: TrainCommand) -> anyhow::Result<ExitCode> {
    match command {
        TrainCommand::Ner { .. } => bail!("training is not implemented yet"),
    }
}
