//! `--to timeml`: one TimeML file per input, the text unchanged, the
//! system's `<TIMEX3>` tags inside `<TEXT>` (any annotation already in the
//! input is dropped). Only segmentation and the timex stage run. Other
//! inputs (news, text, JSON Lines) give one TimeML file per document, named
//! after its id, with the document date as the DCT.

use std::collections::HashSet;
use std::ops::ControlFlow;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{bail, Context};
use chronicle_annotate::Layers;
use chronicle_ingest::timeml::{read_timeml, timeml_shell, write_timeml};

use crate::cli::{InputArgs, InputFormat};

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
    // TimeML in: `--from timeml`, or no `--from` and TimeML files among the inputs.
    let timeml = match input.from {
        Some(InputFormat::Timeml) => true,
        Some(_) => false,
        None => files.iter().any(|(f, _)| is_timeml_name(f)),
    };
    if !timeml {
        return from_documents(input, out_dir, &pipeline);
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

fn is_timeml_name(path: &Path) -> bool {
    path.extension().is_some_and(|e| e == "tml" || e == "xml")
}

/// Any other input: each document read, tagged and written as
/// `OUT/<id>.tml` (characters unsafe in a file name become `_`; a repeated
/// id gets `-2`, `-3`, …).
fn from_documents(
    input: &InputArgs,
    out_dir: &Path,
    pipeline: &chronicle_model::Pipeline,
) -> anyhow::Result<ExitCode> {
    let options = crate::cmd::annotate::read_options(input)?;
    let (mut written, mut bad) = (0u64, 0u64);
    let mut names: HashSet<String> = HashSet::new();
    let mut failure: Option<anyhow::Error> = None;
    let _ = chronicle_ingest::read_paths(&input.paths, &options, &mut |record| {
        match record {
            Ok(mut doc) => {
                doc.timexes.clear();
                pipeline.annotate(&mut doc);
                let xml = write_timeml(&timeml_shell(&doc), &doc.text, &doc.timexes);
                let target = out_dir.join(unique_name(&doc.id, &mut names));
                if let Err(e) = std::fs::write(&target, xml) {
                    failure = Some(
                        anyhow::Error::new(e).context(format!("writing {}", target.display())),
                    );
                    return ControlFlow::Break(());
                }
                written += 1;
            }
            Err(err) => {
                bad += 1;
                eprintln!("error: {err}");
                if input.strict {
                    return ControlFlow::Break(());
                }
            }
        }
        ControlFlow::Continue(())
    });
    if let Some(e) = failure {
        return Err(e);
    }
    if written == 0 && bad == 0 {
        bail!(
            "no documents found in {}",
            input
                .paths
                .iter()
                .map(|p| p.display().to_string())
                .collect::<Vec<_>>()
                .join(", ")
        );
    }
    eprintln!("wrote {written} TimeML files to {}", out_dir.display());
    Ok(if bad > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// `<id>.tml` with characters unsafe in a file name replaced, unique in this run.
fn unique_name(id: &str, taken: &mut HashSet<String>) -> String {
    let safe: String = id
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || matches!(c, '.' | '-' | '_') {
                c
            } else {
                '_'
            }
        })
        .collect();
    let stem = if safe.is_empty() || safe.starts_with('.') {
        format!("doc{safe}")
    } else {
        safe
    };
    let mut name = format!("{stem}.tml");
    let mut n = 2;
    while !taken.insert(name.clone()) {
        name = format!("{stem}-{n}.tml");
        n += 1;
    }
    name
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
        } else if is_timeml_name(&p) {
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
