//! `cargo run -p chronicle-eval --example timeml_eval -- GOLD_DIR`: the
//! `chronicle eval timeml` report without building the CLI.

fn main() {
    let Some(dir) = std::env::args().nth(1) else {
        eprintln!("usage: timeml_eval GOLD_DIR");
        std::process::exit(2);
    };
    match chronicle_eval::timeml::run(std::path::Path::new(&dir), None, false) {
        Ok(report) => print!("{report}"),
        Err(e) => {
            eprintln!("error: {e}");
            std::process::exit(1);
        }
    }
}
