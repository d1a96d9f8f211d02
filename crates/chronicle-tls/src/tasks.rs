//! Timeline17-style evaluation folders: `articles.jsonl.gz` plus
//! `timelines/<collection>/<name>.txt`; one task per gold timeline, with the
//! news-tls conventions (the topic's articles inside the gold's first–last
//! date, L = gold dates, K = mean sentences per gold date, rounded half to
//! even as Python does).

use std::collections::HashMap;
use std::path::Path;
use std::time::Instant;

use crate::metrics::{self, TaskScores};
use crate::{read_articles, summarize, Article, Config, Params, Result, Stats, Timeline, TlsError};

/// One evaluation task.
#[derive(Debug, Clone)]
pub struct Task {
    /// `<collection>/<file stem>`.
    pub name: String,
    pub topic: String,
    pub gold: Timeline,
    pub params: Params,
}

/// A folder's tasks and articles, with warnings about what was skipped.
#[derive(Debug, Default)]
pub struct Dataset {
    pub tasks: Vec<Task>,
    pub articles: Vec<Article>,
    pub warnings: Vec<String>,
}

/// Python's `round`: half to even.
fn round_half_even(x: f64) -> usize {
    let r = x.round();
    let r = if (x - x.trunc()).abs() == 0.5 && r % 2.0 != 0.0 {
        r - 1.0
    } else {
        r
    };
    r.max(0.0) as usize
}

/// Reads a Timeline17-style folder.
///
/// # Errors
/// When the articles file or the timelines folder cannot be read.
pub fn load(dir: &Path) -> Result<Dataset> {
    let io = |p: &Path| {
        let path = p.display().to_string();
        move |source| TlsError::Io { path, source }
    };
    let (articles, bad) = read_articles(&dir.join("articles.jsonl.gz"))?;
    let mut warnings: Vec<String> = bad.iter().map(ToString::to_string).collect();
    // collection directory -> topic, as the articles declare it.
    let mut topic_of: HashMap<&str, &str> = HashMap::new();
    for a in &articles {
        if let (Some(c), Some(t)) = (a.collection.as_deref(), a.topic.as_deref()) {
            topic_of.entry(c).or_insert(t);
        }
    }
    let tl_dir = dir.join("timelines");
    let mut collections: Vec<_> = std::fs::read_dir(&tl_dir)
        .map_err(io(&tl_dir))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_dir())
        .collect();
    collections.sort();
    let mut tasks = Vec::new();
    for cdir in collections {
        let collection = cdir
            .file_name()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let topic = match topic_of.get(collection.as_str()) {
            Some(t) => (*t).to_string(),
            None => {
                warnings.push(format!(
                    "{}: no article names this collection; skipped",
                    cdir.display()
                ));
                continue;
            }
        };
        let mut files: Vec<_> = std::fs::read_dir(&cdir)
            .map_err(io(&cdir))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            .collect();
        files.sort();
        for file in files {
            let bytes = std::fs::read(&file).map_err(io(&file))?;
            let (gold, w) = Timeline::parse(&String::from_utf8_lossy(&bytes));
            warnings.extend(w.into_iter().map(|w| format!("{}: {w}", file.display())));
            let (Some(start), Some(end)) = (gold.dates().next(), gold.dates().last()) else {
                warnings.push(format!("{}: no dated block; skipped", file.display()));
                continue;
            };
            let stem = file
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            tasks.push(Task {
                name: format!("{collection}/{stem}"),
                topic: topic.clone(),
                params: Params {
                    start,
                    end,
                    dates: gold.len(),
                    sentences: round_half_even(gold.mean_sentences()).max(1),
                },
                gold,
            });
        }
    }
    Ok(Dataset {
        tasks,
        articles,
        warnings,
    })
}

/// The outcome of one task.
#[derive(Debug, Clone)]
pub struct Outcome {
    pub name: String,
    pub params: Params,
    pub stats: Stats,
    pub predicted: Timeline,
    pub scores: TaskScores,
    /// Wall time of summarisation, annotation included.
    pub seconds: f64,
}

/// Runs one task: the topic's articles, summarised and scored.
pub fn run(task: &Task, articles: &[Article], config: &Config) -> Outcome {
    let started = Instant::now();
    let topic: Vec<Article> = articles
        .iter()
        .filter(|a| a.topic.as_deref() == Some(task.topic.as_str()))
        .cloned()
        .collect();
    let (predicted, stats) = summarize(&topic, &task.params, config);
    let seconds = started.elapsed().as_secs_f64();
    let scores = metrics::evaluate(&predicted, &task.gold);
    Outcome {
        name: task.name.clone(),
        params: task.params,
        stats,
        predicted,
        scores,
        seconds,
    }
}

/// The printable report: one line per task, then the averages.
pub fn report(outcomes: &[Outcome]) -> String {
    use std::fmt::Write as _;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{:<44} {:>4} {:>2} {:>5} {:>7} {:>7} {:>7} {:>7} {:>7}",
        "task", "L", "K", "docs", "AR1-F", "AR2-F", "R1-F", "Date-F", "secs"
    );
    for o in outcomes {
        let _ = writeln!(
            out,
            "{:<44} {:>4} {:>2} {:>5} {:>7.4} {:>7.4} {:>7.4} {:>7.4} {:>7.2}",
            o.name,
            o.params.dates,
            o.params.sentences,
            o.stats.used,
            o.scores.ar1.f1,
            o.scores.ar2.f1,
            o.scores.concat_r1.f1,
            o.scores.date.f1,
            o.seconds
        );
    }
    let avg = TaskScores::average(&outcomes.iter().map(|o| o.scores).collect::<Vec<_>>());
    let mut times: Vec<f64> = outcomes.iter().map(|o| o.seconds).collect();
    times.sort_by(f64::total_cmp);
    let median = times.get(times.len() / 2).copied().unwrap_or(0.0);
    let max = times.last().copied().unwrap_or(0.0);
    let _ = writeln!(
        out,
        "{:<44} {:>4} {:>2} {:>5} {:>7.4} {:>7.4} {:>7.4} {:>7.4} {:>7.2}",
        format!(
            "AVERAGE ({} tasks; P/R averaged, F of averages)",
            outcomes.len()
        ),
        "",
        "",
        "",
        avg.ar1.f1,
        avg.ar2.f1,
        avg.concat_r1.f1,
        avg.date.f1,
        median
    );
    let _ = writeln!(
        out,
        "AR1 P/R {:.4}/{:.4}  AR2 P/R {:.4}/{:.4}  Date P/R {:.4}/{:.4}  time median {median:.2}s max {max:.2}s",
        avg.ar1.precision, avg.ar1.recall, avg.ar2.precision, avg.ar2.recall, avg.date.precision, avg.date.recall
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounds_like_python() {
        assert_eq!(round_half_even(2.5), 2);
        assert_eq!(round_half_even(3.5), 4);
        assert_eq!(round_half_even(2.04), 2);
        assert_eq!(round_half_even(2.8), 3);
    }
}
