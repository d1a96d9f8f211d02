use std::io::Write;
use std::ops::ControlFlow;
use std::path::Path;
use std::process::ExitCode;

use anyhow::{bail, Context};
use chronicle_annotate::Layers;
use chronicle_ingest::{Format, ReadOptions};

use crate::cli::{InputArgs, InputFormat, OutputFormat};
use crate::output;

pub fn read_options(input: &InputArgs) -> anyhow::Result<ReadOptions> {
    let format = input.from.map(|f| match f {
        InputFormat::News => Format::News,
        InputFormat::Text => Format::Text,
        InputFormat::Jsonl => Format::Jsonl,
        InputFormat::Timeml => Format::Timeml,
        InputFormat::Conll => Format::Conll,
    });
    let dct = input
        .dct
        .as_deref()
        .map(|d| super::parse_date("--dct", d))
        .transpose()?;
    Ok(ReadOptions { format, dct })
}

pub fn run(input: &InputArgs, to: OutputFormat, out: Option<&Path>) -> anyhow::Result<ExitCode> {
    let options = read_options(input)?;
    match to {
        OutputFormat::Json => {}
        OutputFormat::Timeml => return output::timeml::run(input, out),
        OutputFormat::Conll => return output::conll::run(input, out),
    }
    if out.is_some() {
        bail!("--out goes with --to timeml; JSON goes to stdout");
    }
    let pipeline = chronicle_annotate::pipeline(Layers::ALL).context("building the pipeline")?;
    let stdout = std::io::stdout();
    let mut writer = std::io::BufWriter::new(stdout.lock());
    let mut bad = 0u64;
    let mut io_error: Option<std::io::Error> = None;
    let strict = input.strict;
    let flow = chronicle_ingest::read_paths(&input.paths, &options, &mut |record| match record {
        Ok(mut doc) => {
            pipeline.annotate(&mut doc);
            let line = output::json::doc_line(&doc);
            if let Err(e) = writer
                .write_all(line.as_bytes())
                .and_then(|_| writer.flush())
            {
                io_error = Some(e);
                return ControlFlow::Break(());
            }
            ControlFlow::Continue(())
        }
        Err(err) => {
            bad += 1;
            eprintln!("error: {err}");
            if strict {
                ControlFlow::Break(())
            } else {
                ControlFlow::Continue(())
            }
        }
    });
    if let Some(e) = io_error {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            return Ok(ExitCode::SUCCESS);
        }
        return Err(e).context("writing output");
    }
    let _ = flow;
    Ok(if bad > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
