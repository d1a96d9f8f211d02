//! The summariser: pick the dates the collection talks about most, then for
//! each date the sentences most central among those about that date.
//!
//! Dates are scored without supervision from signals each normalised by its
//! total over the range: how many articles were published that day and the
//! day after (news of an event appears the next day), and how many *later*
//! articles refer back to the day (a reference from a later article is the
//! strongest sign that a day mattered; forward references count less,
//! same-day ones not at all, since "today" is only the publication date
//! again). Sentences about a date are those that name it, and the leading
//! sentences that name no day of articles published that day or the day
//! after. Among them a sentence scores by TF-IDF cosine with their centroid,
//! damped for late positions in the article; a sentence too close to one
//! already chosen anywhere in the timeline is skipped. The constants were
//! set once on the Timeline17 development tasks, for all collections.

use std::collections::{HashMap, HashSet};

use chronicle_model::Date;
use chronicle_timex::TimexTagger;
use rayon::prelude::*;

use crate::annotate::{annotate, Annotated};
use crate::days::{day_number, from_day_number};
use crate::vectors::{centroid, dot, tfidf, SparseVec};
use crate::{Article, Timeline};

/// What to produce.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Params {
    pub start: Date,
    pub end: Date,
    /// At most this many dates.
    pub dates: usize,
    /// At most this many sentences per date.
    pub sentences: usize,
}

/// The method's constants: one configuration for every collection.
#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    /// Weight of the day's publication count.
    pub w_pub: f64,
    /// Weight of the next day's publication count.
    pub w_pub_next: f64,
    /// Weight of day mentions.
    pub w_mention: f64,
    /// Weight of month mentions (spread over the month's days).
    pub w_month: f64,
    /// Weight of a mention from an article published the same day, relative to a later one.
    pub same_day: f64,
    /// Weight of a mention of a day after the article's publication.
    pub forward: f64,
    /// Leading sentences of an article that may stand for its publication date.
    pub lead: usize,
    /// Leading sentences of an article that may stand for the day before its
    /// publication (news of an event often appears the next day).
    pub lead_next: usize,
    /// Sentence length bounds, in word tokens.
    pub min_words: usize,
    pub max_words: usize,
    /// Cosine above which a sentence repeats one already chosen.
    pub redundancy: f32,
    /// Score multiplier per position in the article: score / (1 + position_decay * position).
    pub position_decay: f32,
    /// Weight of burstiness (a day's share of its surrounding window).
    pub w_burst: f64,
    /// Half-width of that window, in days.
    pub burst_window: i64,
    /// Sentences opening with a quotation mark are not candidates.
    pub skip_quotes: bool,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            w_pub: 1.0,
            w_pub_next: 0.5,
            w_mention: 1.0,
            w_month: 0.0,
            same_day: 0.0,
            forward: 0.25,
            lead: 5,
            lead_next: 5,
            min_words: 6,
            max_words: 40,
            redundancy: 0.5,
            position_decay: 0.02,
            w_burst: 0.25,
            burst_window: 7,
            skip_quotes: true,
        }
    }
}

/// What happened to the input, for reporting.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Stats {
    pub articles: usize,
    pub outside: usize,
    pub empty: usize,
    pub duplicates: usize,
    pub used: usize,
}

/// Normalised text: the key under which two articles are the same.
fn dedup_key(text: &str) -> String {
    text.split_whitespace()
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

/// Keeps the articles inside the range, non-empty and not repeated.
pub fn filter<'a>(articles: &'a [Article], params: &Params) -> (Vec<&'a Article>, Stats) {
    let mut stats = Stats {
        articles: articles.len(),
        ..Stats::default()
    };
    let mut seen = HashSet::new();
    let mut kept = Vec::new();
    for a in articles {
        if a.date < params.start || a.date > params.end {
            stats.outside += 1;
        } else if a.text.trim().is_empty() {
            stats.empty += 1;
        } else if !seen.insert(dedup_key(&a.text)) {
            stats.duplicates += 1;
        } else {
            kept.push(a);
        }
    }
    stats.used = kept.len();
    (kept, stats)
}

/// Summarises `articles` into a timeline of at most `params.dates` dates
/// within `[params.start, params.end]` and `params.sentences` sentences each.
pub fn summarize(articles: &[Article], params: &Params, config: &Config) -> (Timeline, Stats) {
    let (kept, stats) = filter(articles, params);
    let tagger = TimexTagger::new();
    let annotated: Vec<Annotated> = kept
        .par_iter()
        .map(|a| annotate(&a.id, a.date, &a.text, &tagger))
        .collect();
    (build(&annotated, params, config), stats)
}

/// A sentence's place: article index, sentence index.
pub(crate) type At = (usize, usize);

/// The timeline from annotated articles.
pub fn build(articles: &[Annotated], params: &Params, config: &Config) -> Timeline {
    let mut timeline = Timeline::default();
    for (date, _, picked) in select(articles, params, config) {
        let texts = picked
            .iter()
            .map(|&(a, s)| articles[a].sentences[s].text.clone())
            .collect();
        timeline.days.insert(date, texts);
    }
    timeline
}

/// The chosen dates in order of importance, each with its score and the
/// places of its chosen sentences (most central first).
pub(crate) fn select(
    articles: &[Annotated],
    params: &Params,
    config: &Config,
) -> Vec<(Date, f64, Vec<At>)> {
    let mut selected: Vec<(Date, f64, Vec<At>)> = Vec::new();
    if params.dates == 0 || params.sentences == 0 || params.start > params.end {
        return selected;
    }
    let (lo, hi) = (day_number(params.start), day_number(params.end));
    let ranked = rank_dates(articles, lo, hi, config);

    // Candidate sentences per day.
    let mut candidates: HashMap<i64, Vec<At>> = HashMap::new();
    for (ai, a) in articles.iter().enumerate() {
        let pub_day = day_number(a.date);
        for (si, s) in a.sentences.iter().enumerate() {
            if s.words < config.min_words
                || s.words > config.max_words
                || !reads_as_report(&s.text, config)
            {
                continue;
            }
            let mut days: Vec<i64> = s.days.iter().map(|d| day_number(*d)).collect();
            days.sort_unstable();
            days.dedup();
            for d in &days {
                candidates.entry(*d).or_default().push((ai, si));
            }
            if days.is_empty() && s.position < config.lead {
                candidates.entry(pub_day).or_default().push((ai, si));
            }
            if days.is_empty() && s.position < config.lead_next {
                candidates.entry(pub_day - 1).or_default().push((ai, si));
            }
        }
    }

    // Vectors only for sentences that are candidates somewhere.
    let mut index: HashMap<At, usize> = HashMap::new();
    let mut order: Vec<At> = Vec::new();
    for list in candidates.values() {
        for at in list {
            index.entry(*at).or_insert_with(|| {
                order.push(*at);
                order.len() - 1
            });
        }
    }
    let terms: Vec<&[String]> = order
        .iter()
        .map(|&(a, s)| articles[a].sentences[s].terms.as_slice())
        .collect();
    let vectors = tfidf(&terms);

    let mut chosen: Vec<usize> = Vec::new();
    let mut chosen_text: HashSet<&str> = HashSet::new();
    for (day, day_score) in ranked {
        if selected.len() >= params.dates {
            break;
        }
        let Some(list) = candidates.get(&day) else {
            continue;
        };
        let members: Vec<usize> = list.iter().map(|at| index[at]).collect();
        let c = centroid(members.iter().map(|&i| &vectors[i]));
        let mut scored: Vec<(f32, usize)> = members
            .iter()
            .map(|&i| {
                let (a, s) = order[i];
                let pos = articles[a].sentences[s].position as f32;
                (
                    dot(&vectors[i], &c) / (1.0 + config.position_decay * pos),
                    i,
                )
            })
            .collect();
        scored.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)));
        let mut picked: Vec<At> = Vec::new();
        for (score, i) in scored {
            if picked.len() >= params.sentences {
                break;
            }
            if score <= 0.0 {
                break;
            }
            let (a, s) = order[i];
            let text = articles[a].sentences[s].text.as_str();
            if chosen_text.contains(text) || is_redundant(&vectors, &chosen, i, config.redundancy) {
                continue;
            }
            chosen.push(i);
            chosen_text.insert(text);
            picked.push((a, s));
        }
        if let (false, Some(date)) = (picked.is_empty(), from_day_number(day)) {
            selected.push((date, day_score, picked));
        }
    }
    selected
}

/// A timeline states what happened: questions and, optionally, quoted
/// speech are not candidates.
fn reads_as_report(text: &str, config: &Config) -> bool {
    let t = text.trim_end();
    if t.ends_with('?') || t.ends_with("? ''") || t.ends_with("?\"") {
        return false;
    }
    !(config.skip_quotes && (t.starts_with("``") || t.starts_with('"') || t.starts_with('“')))
}

fn is_redundant(vectors: &[SparseVec], chosen: &[usize], i: usize, threshold: f32) -> bool {
    chosen
        .iter()
        .any(|&j| dot(&vectors[i], &vectors[j]) > threshold)
}

/// Days in `[lo, hi]` by descending importance (ties: earlier first).
fn rank_dates(articles: &[Annotated], lo: i64, hi: i64, config: &Config) -> Vec<(i64, f64)> {
    let mut publ: HashMap<i64, f64> = HashMap::new();
    let mut mention: HashMap<i64, f64> = HashMap::new();
    let mut month: HashMap<(i16, i8), f64> = HashMap::new();
    for a in articles {
        let p = day_number(a.date);
        *publ.entry(p).or_default() += 1.0;
        // Each article counts a day once: one article repeating a date is not many voices.
        let mut days: Vec<i64> = a
            .sentences
            .iter()
            .flat_map(|s| s.days.iter().map(|d| day_number(*d)))
            .filter(|d| (lo..=hi).contains(d))
            .collect();
        days.sort_unstable();
        days.dedup();
        for d in days {
            let w = match d.cmp(&p) {
                std::cmp::Ordering::Less => 1.0,
                std::cmp::Ordering::Equal => config.same_day,
                std::cmp::Ordering::Greater => config.forward,
            };
            *mention.entry(d).or_default() += w;
        }
        let mut months: Vec<(i16, i8)> = a
            .sentences
            .iter()
            .flat_map(|s| s.months.iter().copied())
            .collect();
        months.sort_unstable();
        months.dedup();
        for m in months {
            *month.entry(m).or_default() += 1.0;
        }
    }
    let total = |m: &HashMap<i64, f64>| m.values().sum::<f64>().max(1.0);
    let (tp, tm) = (total(&publ), total(&mention));
    let tmo = month.values().sum::<f64>().max(1.0);
    // Burstiness: a day's share of the references and publications of the
    // weeks around it, so quieter periods of a long story still get dates.
    let window = |m: &HashMap<i64, f64>, d: i64| -> f64 {
        (d - config.burst_window..=d + config.burst_window)
            .map(|e| m.get(&e).copied().unwrap_or(0.0))
            .sum()
    };
    let mut burst: HashMap<i64, f64> = HashMap::new();
    if config.w_burst > 0.0 {
        for d in lo..=hi {
            let own =
                publ.get(&d).copied().unwrap_or(0.0) + mention.get(&d).copied().unwrap_or(0.0);
            if own > 0.0 {
                burst.insert(d, own / (window(&publ, d) + window(&mention, d)));
            }
        }
    }
    let tb = burst.values().sum::<f64>().max(1e-9);
    let mut scores: Vec<(i64, f64)> = (lo..=hi)
        .map(|d| {
            let get = |m: &HashMap<i64, f64>, k: i64| m.get(&k).copied().unwrap_or(0.0);
            let mut s = config.w_pub * get(&publ, d) / tp
                + config.w_pub_next * get(&publ, d + 1) / tp
                + config.w_mention * get(&mention, d) / tm
                + config.w_burst * get(&burst, d) / tb;
            if config.w_month > 0.0 {
                if let Some(date) = from_day_number(d) {
                    let days_in = f64::from(date.days_in_month());
                    s += config.w_month
                        * month
                            .get(&(date.year(), date.month()))
                            .copied()
                            .unwrap_or(0.0)
                        / tmo
                        / days_in;
                }
            }
            (d, s)
        })
        .filter(|&(_, s)| s > 0.0)
        .collect();
    scores.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    scores
}

#[cfg(test)]
mod tests {
    use super::*;

    fn art(id: &str, date: &str, text: &str) -> Article {
        Article {
            id: id.into(),
            date: date.parse().unwrap(),
            text: text.into(),
            topic: None,
            collection: None,
        }
    }

    fn params(l: usize, k: usize) -> Params {
        Params {
            start: "2010-04-01".parse().unwrap(),
            end: "2010-04-30".parse().unwrap(),
            dates: l,
            sentences: k,
        }
    }

    fn corpus() -> Vec<Article> {
        vec![
            art("1", "2010-04-21", "The Deepwater Horizon oil rig exploded in the Gulf of Mexico on April 20 , killing eleven workers .\nOther news follows here today in brief form .\n"),
            art("2", "2010-04-22", "The oil rig explosion on April 20 killed eleven workers in the Gulf of Mexico .\n"),
            art("3", "2010-04-25", "Oil from the sunken rig spread across the Gulf of Mexico coast on Sunday morning .\n"),
            art("dup", "2010-04-25", "oil from the sunken  rig spread across the Gulf of Mexico coast on Sunday morning .\n"),
            art("empty", "2010-04-26", "   "),
            art("outside", "2010-05-26", "The well was finally capped by engineers from BP after months of work .\n"),
        ]
    }

    #[test]
    fn filters_range_empty_and_duplicates() {
        let c = corpus();
        let (kept, stats) = filter(&c, &params(3, 1));
        assert_eq!(kept.len(), 3);
        assert_eq!(
            (stats.outside, stats.empty, stats.duplicates, stats.used),
            (1, 1, 1, 3)
        );
    }

    #[test]
    fn most_mentioned_day_comes_first_and_limits_hold() {
        let (tl, _) = summarize(&corpus(), &params(2, 1), &Config::default());
        assert!(tl.len() <= 2);
        assert!(tl.days.values().all(|s| s.len() == 1));
        let first: Date = "2010-04-20".parse().unwrap();
        assert!(tl.days.contains_key(&first), "{tl:?}");
        for d in tl.dates() {
            assert!(d >= params(1, 1).start && d <= params(1, 1).end);
        }
    }

    #[test]
    fn more_dates_asked_than_exist() {
        let (tl, _) = summarize(&corpus(), &params(100, 5), &Config::default());
        assert!(!tl.is_empty());
        assert!(tl.len() <= 4);
        // No sentence appears twice.
        let all: Vec<&String> = tl.days.values().flatten().collect();
        let set: HashSet<&String> = all.iter().copied().collect();
        assert_eq!(all.len(), set.len());
    }

    #[test]
    fn nothing_in_range() {
        let mut p = params(3, 2);
        p.start = "2001-01-01".parse().unwrap();
        p.end = "2001-01-05".parse().unwrap();
        let (tl, stats) = summarize(&corpus(), &p, &Config::default());
        assert!(tl.is_empty());
        assert_eq!(stats.used, 0);
        assert!(summarize(&[], &params(3, 2), &Config::default())
            .0
            .is_empty());
    }

    proptest::proptest! {
        #[test]
        fn any_input_respects_the_limits(
            texts in proptest::collection::vec("[A-Za-z0-9 ,.\n]{0,200}", 0..8),
            offsets in proptest::collection::vec(0i64..60, 8),
            l in 0usize..6,
            k in 0usize..4,
        ) {
            let p = params(l, k);
            let articles: Vec<Article> = texts
                .iter()
                .zip(&offsets)
                .enumerate()
                .map(|(i, (t, &o))| Article {
                    id: i.to_string(),
                    date: from_day_number(day_number(p.start) + o - 10).unwrap(),
                    text: t.clone(),
                    topic: None,
                    collection: None,
                })
                .collect();
            let (tl, _) = summarize(&articles, &p, &Config::default());
            proptest::prop_assert!(tl.len() <= l);
            for (d, s) in &tl.days {
                proptest::prop_assert!(*d >= p.start && *d <= p.end);
                proptest::prop_assert!(!s.is_empty() && s.len() <= k);
            }
        }
    }
}
