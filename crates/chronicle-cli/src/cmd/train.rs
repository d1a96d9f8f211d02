//! `chronicle train ner`: trains the entity model reproducibly and writes it
//! compressed (to be committed and compiled into the binary).

use std::process::ExitCode;
use std::time::Instant;

use anyhow::Context;
use chronicle_ner::train::{train, TrainOptions};

use crate::cli::TrainCommand;

pub fn run(command: TrainCommand) -> anyhow::Result<ExitCode> {
    match command {
        TrainCommand::Ner { data, out, seed } => {
            let opts = TrainOptions {
                seed,
                ..TrainOptions::default()
            };
            let t0 = Instant::now();
            let model = train(&data, opts, &mut |m| {
                eprintln!("[{:6.1}s] {m}", t0.elapsed().as_secs_f64());
            })
            .with_context(|| format!("training from {}", data.display()))?;
            if let Some(dir) = out.parent().filter(|d| !d.as_os_str().is_empty()) {
                std::fs::create_dir_all(dir)
                    .with_context(|| format!("creating {}", dir.display()))?;
            }
            let tmp = out.with_extension("tmp");
            let file = std::fs::File::create(&tmp)
                .with_context(|| format!("creating {}", tmp.display()))?;
            model
                .write_gz(std::io::BufWriter::new(file))
                .with_context(|| format!("writing {}", tmp.display()))?;
            std::fs::rename(&tmp, &out).with_context(|| format!("writing {}", out.display()))?;
            let size = std::fs::metadata(&out).map(|m| m.len()).unwrap_or(0);
            eprintln!(
                "wrote {} ({:.1} MB) in {:.1}s",
                out.display(),
                size as f64 / 1e6,
                t0.elapsed().as_secs_f64()
            );
            Ok(ExitCode::SUCCESS)
        }
    }
}
