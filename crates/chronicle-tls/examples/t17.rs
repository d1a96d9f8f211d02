//! Development harness: runs every task of a Timeline17-style folder, prints
//! the report, and with `--out DIR` writes each predicted timeline (and our
//! scores as JSON Lines) for `bench/tilse_check.sh`.
//!
//! `cargo run --release -p chronicle-tls --example t17 -- DATA_DIR [--out DIR]`

use std::io::Write as _;
use std::path::PathBuf;

use chronicle_tls::{tasks, Config};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let mut data: Option<PathBuf> = None;
    let mut out: Option<PathBuf> = None;
    while let Some(a) = args.next() {
        match a.as_str() {
            "--out" => out = args.next().map(PathBuf::from),
            _ => data = Some(PathBuf::from(a)),
        }
    }
    let data = data.ok_or("usage: t17 DATA_DIR [--out DIR]")?;
    let ds = tasks::load(&data)?;
    for w in &ds.warnings {
        eprintln!("warning: {w}");
    }
    let mut config = Config::default();
    // Development only: `TLS_SET="lead=3,w_pub=0.5"` overrides constants.
    if let Ok(set) = std::env::var("TLS_SET") {
        for kv in set.split(',').filter(|s| !s.is_empty()) {
            let (k, v) = kv.split_once('=').ok_or("TLS_SET: key=value")?;
            let f: f64 = v.parse()?;
            match k {
                "w_pub" => config.w_pub = f,
                "w_pub_next" => config.w_pub_next = f,
                "w_mention" => config.w_mention = f,
                "w_month" => config.w_month = f,
                "same_day" => config.same_day = f,
                "forward" => config.forward = f,
                "lead" => config.lead = f as usize,
                "lead_next" => config.lead_next = f as usize,
                "min_words" => config.min_words = f as usize,
                "max_words" => config.max_words = f as usize,
                "redundancy" => config.redundancy = f as f32,
                "position_decay" => config.position_decay = f as f32,
                "w_burst" => config.w_burst = f,
                "burst_window" => config.burst_window = f as i64,
                "skip_quotes" => config.skip_quotes = f > 0.0,
                _ => return Err(format!("TLS_SET: unknown key {k}").into()),
            }
        }
    }
    let outcomes: Vec<_> = ds
        .tasks
        .iter()
        .map(|t| tasks::run(t, &ds.articles, &config))
        .collect();
    print!("{}", tasks::report(&outcomes));
    if let Some(dir) = out {
        std::fs::create_dir_all(&dir)?;
        let mut scores = std::fs::File::create(dir.join("rust_scores.jsonl"))?;
        for (task, o) in ds.tasks.iter().zip(&outcomes) {
            let file = format!("{}.txt", o.name.replace('/', "__"));
            std::fs::write(dir.join(&file), o.predicted.to_text())?;
            let s = &o.scores;
            writeln!(
                scores,
                "{{\"task\": \"{}\", \"pred\": \"{file}\", \"gold\": \"timelines/{}.txt\", \"ar1\": [{}, {}], \"ar2\": [{}, {}], \"concat_r1\": [{}, {}], \"date\": [{}, {}]}}",
                o.name, task.name, s.ar1.precision, s.ar1.recall, s.ar2.precision, s.ar2.recall,
                s.concat_r1.precision, s.concat_r1.recall, s.date.precision, s.date.recall
            )?;
        }
    }
    Ok(())
}
