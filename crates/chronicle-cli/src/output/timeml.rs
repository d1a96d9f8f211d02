//! `--to timeml`: one TimeML file per input, the text unchanged, the
//! system's `<TIMEX3>` tags inside `<TEXT>` (any annotation already in the
//! input is dropped). Only segmentation and the timex stage run.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{bail, Context};
use chronicle_annotate::Layers;
use chronicle_ingest::timeml::{read_timeml, write_timeml};

use crate::cli::InputArgs;

/// Reads the inputs, annotates them and writes `timeml` output.
pub fn run(input: &InputArgs, out: Option<&Path>) -> anyhow::Result<ExitCode> {
    let Some(out_dir) = out else {
        bail!("--to timeml needs --out DIR");
    };
    std::fs::create_dir_all(out_dir).with_context(|| format!("creating {}", out_dir.display()))?;
    let pipeline =
        chronicle_annotate::pipeline(Layers::TIMEXES).context("building the pipeline")?;
    // (file, path relative to the output directory)
    let mut files: Vec<(PathBuf, PathBuf)> = Vec::new();
    for path in &input.paths {
        if path.is_dir() {
            let mut found = Vec::new();
            collect(path, &mut found);
            found.sort();
            for f in found {
                let rel = f
                    .strip_prefix(path)
                    .map(Path::to_path_buf)
                    .unwrap_or_else(|_| file_name(&f));
                files.push((f, rel));
            }
        } else {
            let rel = file_name(path);
            files.push((path.clone(), rel));
        }
    }
    let mut bad = 0u64;
    for (file, rel) in files {
        match convert(&file, &pipeline) {
            Ok(xml) => {
                let target = out_dir.join(&rel);
                if let Some(parent) = target.parent() {
                    std::fs::create_dir_all(parent)
                        .with_context(|| format!("creating {}", parent.display()))?;
                }
                std::fs::write(&target, xml)
                    .with_context(|| format!("writing {}", target.display()))?;
            }
            Err(err) => {
                bad += 1;
                // Every error names its file (the reader's errors carry the path).
                eprintln!("error: {err:#}");
                if input.strict {
                    break;
                }
            }
        }
    }
    Ok(if bad > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn file_name(path: &Path) -> PathBuf {
    path.file_name()
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("out.tml"))
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        eprintln!("error: cannot read directory {}", dir.display());
        return;
    };
    for entry in entries.flatten() {
        let p = entry.path();
        if p.is_dir() {
            collect(&p, out);
        } else if p.extension().is_some_and(|e| e == "tml" || e == "xml") {
            out.push(p);
        }
    }
}

fn convert(file: &Path, pipeline: &chronicle_model::Pipeline) -> anyhow::Result<String> {
    let content =
        std::fs::read_to_string(file).with_context(|| format!("reading {}", file.display()))?;
    let parsed = read_timeml(&file.display().to_string(), &content)?;
    let mut doc = parsed.doc.clone();
    doc.timexes.clear();
    pipeline.annotate(&mut doc);
    Ok(write_timeml(&parsed, &doc.text, &doc.timexes))
}
