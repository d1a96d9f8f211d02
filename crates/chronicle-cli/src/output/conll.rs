//! `--to conll`: the CoNLL-2003 columns as read, each token line with the
//! predicted IOB2 tag appended (the conlleval convention); blank and
//! `-DOCSTART-` lines copied. The given tokens are tagged as they are:
//! CoNLL text is never re-tokenized.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::{bail, Context};
use chronicle_model::Stage;
use chronicle_ner::NerTagger;

use crate::cli::{InputArgs, InputFormat};

/// Reads the inputs, annotates them and writes `conll` output.
pub fn run(input: &InputArgs, out: Option<&Path>) -> anyhow::Result<ExitCode> {
    if let Some(f) = input.from {
        if f != InputFormat::Conll {
            bail!("--to conll needs CoNLL input (--from conll)");
        }
    }
    let tagger = NerTagger::load_default().context("loading the entity model")?;
    let mut sink: Box<dyn Write> = match out {
        Some(p) => {
            Box::new(std::fs::File::create(p).with_context(|| format!("creating {}", p.display()))?)
        }
        None => Box::new(std::io::stdout().lock()),
    };
    let mut w = std::io::BufWriter::with_capacity(1 << 16, &mut sink);
    let mut bad = 0u64;
    for path in &input.paths {
        let content = match chronicle_ingest::conll::read_conll_file(path) {
            Ok(c) => c,
            Err(e) => {
                eprintln!("error: {e}");
                bad += 1;
                if input.strict {
                    break;
                }
                continue;
            }
        };
        let origin = path.display().to_string();
        for mut cd in chronicle_ingest::conll::split_docs(&origin, &content) {
            tagger.annotate(&mut cd.doc);
            let tags = chronicle_ner::iob2_tags(&cd.doc);
            for line in &cd.lines {
                w.write_all(line.text.as_bytes())?;
                if let Some(i) = line.token {
                    w.write_all(b" ")?;
                    w.write_all(tags.get(i).copied().unwrap_or("O").as_bytes())?;
                }
                w.write_all(b"\n")?;
            }
        }
    }
    w.flush()?;
    Ok(if bad > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}
