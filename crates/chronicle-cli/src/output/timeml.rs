//! `--to timeml`: one TimeML file per input, the text unchanged, the
//! system's `<TIMEX3>` tags inside `<TEXT>` (any annotation already in the
//! input is dropped). Only segmentation and the timex stage run.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{bail, Context};
use chronicle_annotate::Layers;
use chronicle_ingest::timeml::{escape_attr, escape_text, read_timeml, TimemlFile};
use chronicle_model::Timex;

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
    Ok(write(&parsed, &doc.text, &doc.timexes))
}

/// The file with the system's timexes in place of the input annotations.
pub fn write(file: &TimemlFile, text: &str, timexes: &[Timex]) -> String {
    let mut out = String::with_capacity(file.head.len() + file.tail.len() + text.len() * 11 / 10);
    out.push_str(&file.head);
    let mut at = 0usize;
    for (n, t) in timexes.iter().enumerate() {
        let (s, e) = (t.span.start as usize, t.span.end as usize);
        if s < at || e > text.len() || !text.is_char_boundary(s) || !text.is_char_boundary(e) {
            continue;
        }
        escape_text(&text[at..s], &mut out);
        out.push_str(&format!(
            "<TIMEX3 tid=\"t{}\" type=\"{}\" value=\"",
            n + 1,
            t.kind.as_str()
        ));
        escape_attr(&t.value, &mut out);
        out.push('"');
        if let Some(m) = t.modifier {
            out.push_str(&format!(" mod=\"{}\"", m.as_str()));
        }
        out.push('>');
        escape_text(&text[s..e], &mut out);
        out.push_str("</TIMEX3>");
        at = e;
    }
    escape_text(&text[at..], &mut out);
    out.push_str(&file.tail);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use chronicle_model::{Span, TimexMod, TimexType};

    #[test]
    fn writes_tags_and_keeps_text() {
        let input = "<TimeML>\n<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"2017-03-02\">x</TIMEX3></DCT>\n\
                     <TEXT>Old <TIMEX3 tid=\"t9\" type=\"DATE\" value=\"X\">Friday</TIMEX3> &amp; mid-2015.</TEXT>\n</TimeML>\n";
        let parsed = read_timeml("a.tml", input).unwrap();
        let text = parsed.doc.text.clone();
        assert_eq!(text, "Old Friday & mid-2015.");
        let timexes = vec![
            Timex {
                span: Span::new(4, 10),
                kind: TimexType::Date,
                value: "2017-02-24".into(),
                modifier: None,
            },
            Timex {
                span: Span::new(13, 21),
                kind: TimexType::Date,
                value: "2015".into(),
                modifier: Some(TimexMod::Mid),
            },
        ];
        let out = write(&parsed, &text, &timexes);
        assert!(out.contains(
            "<TEXT>Old <TIMEX3 tid=\"t1\" type=\"DATE\" value=\"2017-02-24\">Friday</TIMEX3> &amp; \
             <TIMEX3 tid=\"t2\" type=\"DATE\" value=\"2015\" mod=\"MID\">mid-2015</TIMEX3>.</TEXT>"
        ));
        // Reading the output back gives the same text and our annotations.
        let again = read_timeml("b.tml", &out).unwrap();
        assert_eq!(again.doc.text, text);
        assert_eq!(again.timexes, timexes);
    }
}
