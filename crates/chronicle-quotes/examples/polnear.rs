//! Runs the PolNeAR scorer on a compartment without building the CLI:
//! `cargo run --release -p chronicle-quotes --example polnear -- DIR [LOG]`.
//! With `NO_NER=1` the entity stage is replaced by an empty one (to measure
//! the fallback, or while the model is being rebuilt).

use chronicle_model::{Doc, Layer, Pipeline, Stage};

struct NoEntities;

impl Stage for NoEntities {
    fn name(&self) -> &'static str {
        "no-ner"
    }
    fn requires(&self) -> &'static [Layer] {
        &[]
    }
    fn provides(&self) -> &'static [Layer] {
        &[Layer::Entities]
    }
    fn annotate(&self, _doc: &mut Doc) {}
}

fn main() {
    let mut args = std::env::args().skip(1);
    let dir = args
        .next()
        .unwrap_or_else(|| "../shared/data/polnear/dev".into());
    let log_path = args.next();
    let mut log = String::new();
    let pipe = if std::env::var_os("NO_NER").is_some() {
        Pipeline::new(vec![
            Box::new(chronicle_text::Segmenter),
            Box::new(chronicle_timex::TimexTagger::new()),
            Box::new(NoEntities),
            Box::new(chronicle_quotes::AttributionStage),
        ])
        .map_err(|e| e.to_string())
    } else {
        chronicle_annotate::pipeline(chronicle_annotate::Layers::ALL).map_err(|e| e.to_string())
    };
    let pipe = match pipe {
        Ok(p) => p,
        Err(e) => {
            eprintln!("error: {e}");
            std::process::exit(1);
        }
    };
    match chronicle_eval::polnear::run_with(
        std::path::Path::new(&dir),
        &pipe,
        log_path.as_ref().map(|_| &mut log),
    ) {
        Ok(report) => print!("{report}"),
        Err(e) => {
            eprintln!("error: {e}");
            std::process::exit(1);
        }
    }
    if let Some(p) = log_path {
        if let Err(e) = std::fs::write(&p, log) {
            eprintln!("error writing {p}: {e}");
        }
    }
}
