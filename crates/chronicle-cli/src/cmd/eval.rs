use std::process::ExitCode;

use anyhow::Context;

use crate::cli::EvalCommand;

pub fn run(command: EvalCommand) -> anyhow::Result<ExitCode> {
    let report = match &command {
        EvalCommand::Timeml {
            gold_dir,
            system,
            audit,
        } => chronicle_eval::timeml::run(gold_dir, system.as_deref(), *audit),
        EvalCommand::Meantime { dir, timeml_out } => {
            chronicle_eval::meantime::run(dir, timeml_out.as_deref())
        }
        EvalCommand::Conll { file } => chronicle_eval::conll::run(file),
        EvalCommand::Polnear { dir } => chronicle_eval::polnear::run(dir),
        EvalCommand::Tls { data_dir } => chronicle_eval::tls::run(data_dir),
    }
    .with_context(|| format!("{command:?}"))?;
    print!("{report}");
    Ok(ExitCode::SUCCESS)
}
