//! PolNeAR attribution scorer (`chronicle eval polnear DIR`).
//!
//! DIR is a compartment (`text/*.txt`, `attributions/*_<annotator>.ann`, brat
//! standoff with code-point offsets). Each article is scored against one
//! annotator (the first `.ann` by name), as the corpus README counts
//! "one annotator per article". The document date comes from the file name.
//!
//! - **Content** (overlap match): a predicted quote matches a gold
//!   attribution when their content spans (all parts) share a character;
//!   matching is one-to-one, each gold taking the unmatched prediction with
//!   the largest overlap, in text order.
//! - **Speaker** on a matched pair is right when the predicted source
//!   mention (`speaker_span`) overlaps the gold Source span, or when the
//!   predicted canonical speaker and the gold source text share a name word
//!   (the last word of either, case-insensitive, found as a word in the
//!   other) — PolNeAR sources are local mentions ("he", "the senator")
//!   while Chronicle names the resolved entity. A gold attribution without
//!   a source is right when nothing is predicted as speaker.
//! - **End-to-end**: a match with the right speaker.
//! - **Direct quotes**: gold contents whose first character is a double
//!   quotation mark or that directly follow an opening one (a curly `“`, or
//!   a straight `"` after whitespace); recall and
//!   speaker accuracy match them against every prediction, precision counts
//!   predictions of kind `direct`.

use crate::{f1, ratio, EvalError, Result};
use chronicle_annotate::{pipeline, Layers};
use chronicle_model::{Doc, Pipeline, QuoteKind};
use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::Path;

#[derive(Debug, Clone)]
struct Gold {
    content: Vec<(usize, usize)>,
    source: Vec<(usize, usize)>,
    source_text: String,
    direct: bool,
}

#[derive(Debug, Clone)]
struct Pred {
    content: Vec<(usize, usize)>,
    speaker_span: Option<(usize, usize)>,
    speaker: Option<String>,
    direct: bool,
}

#[derive(Debug, Default, Clone, Copy)]
struct Counts {
    gold: usize,
    pred: usize,
    matched_gold: usize,
    matched_pred: usize,
    speaker_right: usize,
}

impl Counts {
    fn add(&mut self, o: Counts) {
        self.gold += o.gold;
        self.pred += o.pred;
        self.matched_gold += o.matched_gold;
        self.matched_pred += o.matched_pred;
        self.speaker_right += o.speaker_right;
    }
}

/// Scores the annotator on the gold data at `path`; returns the report to print.
///
/// # Errors
/// When the gold data cannot be read.
pub fn run(path: &Path) -> Result<String> {
    run_with_log(path, None)
}

/// As [`run`], and appends every missed or wrongly attributed gold
/// attribution to `log` (for development).
///
/// # Errors
/// When the gold data cannot be read.
pub fn run_with_log(path: &Path, log: Option<&mut String>) -> Result<String> {
    let pipe = pipeline(Layers::ALL)?;
    run_with(path, &pipe, log)
}

/// As [`run_with_log`] with a given pipeline (which must provide quotes).
///
/// # Errors
/// When the gold data cannot be read.
pub fn run_with(path: &Path, pipe: &Pipeline, mut log: Option<&mut String>) -> Result<String> {
    let text_dir = path.join("text");
    let ann_dir = path.join("attributions");
    let mut texts = list(&text_dir, "txt")?;
    texts.sort();
    let mut anns = list(&ann_dir, "ann")?;
    anns.sort();
    let mut all = Counts::default();
    let mut direct = Counts::default();
    let mut docs = 0usize;
    let mut tokens = 0usize;
    let (mut live_entities, mut live_timexes) = (false, false);
    for t in &texts {
        let stem = t.trim_end_matches(".txt");
        let Some(ann) = anns.iter().find(|a| {
            a.strip_prefix(stem)
                .is_some_and(|r| r.starts_with('_') && !r[1..].contains('_'))
        }) else {
            continue;
        };
        let text = read(&text_dir.join(t))?;
        let ann_text = read(&ann_dir.join(ann))?;
        let golds = parse_ann(&ann_text, &text);
        let mut doc = Doc::new(stem, date_of(stem), text.clone());
        pipe.annotate(&mut doc);
        docs += 1;
        live_entities |= !doc.entities.is_empty();
        live_timexes |= !doc.timexes.is_empty();
        tokens += doc.tokens.len();
        let cmap = CharMap::new(&text);
        let preds: Vec<Pred> = doc
            .quotes
            .iter()
            .map(|q| Pred {
                content: q
                    .parts
                    .iter()
                    .map(|s| (cmap.char_of(s.start as usize), cmap.char_of(s.end as usize)))
                    .collect(),
                speaker_span: q
                    .speaker_span
                    .map(|s| (cmap.char_of(s.start as usize), cmap.char_of(s.end as usize))),
                speaker: q.speaker.clone(),
                direct: q.kind == QuoteKind::Direct,
            })
            .collect();
        let (c, d) = score_doc(&golds, &preds, stem, &text, log.as_deref_mut());
        all.add(c);
        direct.add(d);
    }
    if docs == 0 {
        return Err(EvalError::Data {
            path: path.display().to_string(),
            message: "no text/*.txt with a matching attributions/*.ann".into(),
        });
    }
    let mut out = String::new();
    let _ = writeln!(
        out,
        "PolNeAR {}: {docs} articles, {tokens} tokens",
        path.display()
    );
    let _ = writeln!(
        out,
        "stages: {} (entities {}, timexes {})",
        pipe.stage_names().join(" → "),
        if live_entities { "live" } else { "empty" },
        if live_timexes { "live" } else { "empty" }
    );
    let _ = writeln!(out, "speaker judged right when its mention overlaps the gold source or its canonical name shares a name word with it");
    report(&mut out, "all attributions", all);
    report(&mut out, "direct quotes", direct);
    Ok(out)
}

fn report(out: &mut String, name: &str, c: Counts) {
    let p = ratio(c.matched_pred, c.pred);
    let r = ratio(c.matched_gold, c.gold);
    let f = f1(p, r);
    let acc = ratio(c.speaker_right, c.matched_gold);
    let ep = ratio(c.speaker_right, c.pred);
    let er = ratio(c.speaker_right, c.gold);
    let _ = writeln!(
        out,
        "{name}: gold {} predicted {} matched {}",
        c.gold, c.pred, c.matched_gold
    );
    let _ = writeln!(
        out,
        "  content     P {:5.1}  R {:5.1}  F1 {:5.1}",
        100.0 * p,
        100.0 * r,
        100.0 * f
    );
    let _ = writeln!(out, "  speaker accuracy on matched {:5.1}", 100.0 * acc);
    let _ = writeln!(
        out,
        "  end-to-end  P {:5.1}  R {:5.1}  F1 {:5.1}",
        100.0 * ep,
        100.0 * er,
        100.0 * f1(ep, er)
    );
}

fn overlap(a: &[(usize, usize)], b: &[(usize, usize)]) -> usize {
    let mut n = 0;
    for &(x0, x1) in a {
        for &(y0, y1) in b {
            let lo = x0.max(y0);
            let hi = x1.min(y1);
            if hi > lo {
                n += hi - lo;
            }
        }
    }
    n
}

fn score_doc(
    golds: &[Gold],
    preds: &[Pred],
    stem: &str,
    text: &str,
    mut log: Option<&mut String>,
) -> (Counts, Counts) {
    let mut all = Counts {
        gold: golds.len(),
        pred: preds.len(),
        ..Counts::default()
    };
    let mut direct = Counts {
        gold: golds.iter().filter(|g| g.direct).count(),
        pred: preds.iter().filter(|p| p.direct).count(),
        ..Counts::default()
    };
    let mut taken = vec![false; preds.len()];
    for g in golds {
        let best = preds
            .iter()
            .enumerate()
            .filter(|(i, _)| !taken[*i])
            .map(|(i, p)| (i, overlap(&g.content, &p.content)))
            .filter(|&(_, o)| o > 0)
            .max_by_key(|&(i, o)| (o, std::cmp::Reverse(i)));
        let Some((pi, _)) = best else {
            if let Some(l) = log.as_deref_mut() {
                let _ = writeln!(
                    l,
                    "MISS {stem} {}{} {:?}",
                    if g.direct { "direct " } else { "" },
                    g.content[0].0,
                    snippet(text, &g.content)
                );
            }
            continue;
        };
        taken[pi] = true;
        let p = &preds[pi];
        let right = speaker_right(g, p);
        all.matched_gold += 1;
        all.matched_pred += 1;
        if right {
            all.speaker_right += 1;
        }
        if g.direct {
            direct.matched_gold += 1;
            if p.direct {
                direct.matched_pred += 1;
            }
            if right {
                direct.speaker_right += 1;
            }
        }
        if !right {
            if let Some(l) = log.as_deref_mut() {
                let _ = writeln!(
                    l,
                    "SPKR {stem} {}{} gold {:?} pred {:?} {:?}",
                    if g.direct { "direct " } else { "" },
                    g.content[0].0,
                    g.source_text,
                    p.speaker,
                    snippet(text, &g.content)
                );
            }
        }
    }
    // Direct precision counts a direct prediction as right when it matched any gold.
    direct.matched_pred = preds
        .iter()
        .enumerate()
        .filter(|(i, p)| p.direct && taken[*i])
        .count();
    if let Some(l) = log {
        for (i, p) in preds.iter().enumerate() {
            if !taken[i] {
                let _ = writeln!(
                    l,
                    "FP   {stem} {} {:?} {:?}",
                    p.content[0].0,
                    p.speaker,
                    snippet(text, &p.content)
                );
            }
        }
    }
    (all, direct)
}

fn snippet(text: &str, spans: &[(usize, usize)]) -> String {
    let (a, b) = (spans[0].0, spans[spans.len() - 1].1);
    let s: String = text.chars().skip(a).take((b - a).min(90)).collect();
    s.replace('\n', " ")
}

fn name_words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| w.len() > 1)
        .map(|w| w.to_lowercase())
        .collect()
}

fn speaker_right(g: &Gold, p: &Pred) -> bool {
    if g.source.is_empty() {
        return p.speaker.is_none() && p.speaker_span.is_none();
    }
    if let Some(s) = p.speaker_span {
        if overlap(&g.source, &[s]) > 0 {
            return true;
        }
    }
    let Some(sp) = &p.speaker else { return false };
    let gw = name_words(&g.source_text);
    let pw = name_words(sp);
    let skip = [
        "the", "a", "an", "of", "for", "he", "she", "they", "it", "his", "her",
    ];
    match (gw.last(), pw.last()) {
        (Some(gl), Some(pl)) => {
            (!skip.contains(&pl.as_str()) && gw.contains(pl))
                || (!skip.contains(&gl.as_str()) && pw.contains(gl))
        }
        _ => false,
    }
}

/// Attributions of one `.ann` file, offsets in code points.
fn parse_ann(ann: &str, text: &str) -> Vec<Gold> {
    let mut spans: HashMap<&str, Vec<(usize, usize)>> = HashMap::new();
    let mut events: Vec<HashMap<&str, &str>> = Vec::new();
    for line in ann.lines() {
        let mut cols = line.split('\t');
        let Some(id) = cols.next() else { continue };
        let Some(body) = cols.next() else { continue };
        if id.starts_with('T') {
            let mut head = body.splitn(2, ' ');
            let _label = head.next();
            let Some(offs) = head.next() else { continue };
            let mut v = Vec::new();
            for piece in offs.split(';') {
                let mut it = piece.split_whitespace();
                if let (Some(a), Some(b)) = (
                    it.next().and_then(|x| x.parse().ok()),
                    it.next().and_then(|x| x.parse().ok()),
                ) {
                    v.push((a, b));
                }
            }
            if !v.is_empty() {
                spans.insert(id, v);
            }
        } else if id.starts_with('E') {
            let mut roles = HashMap::new();
            for part in body.split_whitespace() {
                if let Some((role, t)) = part.split_once(':') {
                    roles.insert(role, t);
                }
            }
            events.push(roles);
        }
    }
    let chars: Vec<char> = text.chars().collect();
    let sub = |v: &[(usize, usize)]| -> String {
        let mut s = String::new();
        for &(a, b) in v {
            if !s.is_empty() {
                s.push(' ');
            }
            s.extend(
                chars
                    .get(a.min(chars.len())..b.min(chars.len()))
                    .unwrap_or(&[])
                    .iter(),
            );
        }
        s
    };
    let mut out = Vec::new();
    for e in &events {
        let Some(content) = e.get("Content").and_then(|t| spans.get(t)) else {
            continue;
        };
        let mut content = content.clone();
        content.sort();
        let source = e
            .get("Source")
            .and_then(|t| spans.get(t))
            .cloned()
            .unwrap_or_default();
        let source_text = sub(&source);
        let first = content[0].0;
        let is_dq = |c: char| matches!(c, '"' | '\u{201c}' | '\u{201d}');
        let mut direct = chars.get(first).copied().is_some_and(is_dq);
        if !direct {
            let mut k = first;
            while k > 0 && chars[k - 1] == ' ' {
                k -= 1;
            }
            // Only an opening mark counts: a straight one must follow a space or a line start.
            direct = k > 0
                && (chars[k - 1] == '\u{201c}'
                    || (chars[k - 1] == '"' && (k == 1 || chars[k - 2].is_whitespace())));
        }
        out.push(Gold {
            content,
            source,
            source_text,
            direct,
        });
    }
    out.sort_by_key(|g| g.content[0]);
    out
}

/// Byte offset → code-point offset.
struct CharMap {
    starts: Vec<usize>,
}

impl CharMap {
    fn new(text: &str) -> CharMap {
        CharMap {
            starts: text.char_indices().map(|(i, _)| i).collect(),
        }
    }
    fn char_of(&self, byte: usize) -> usize {
        self.starts.partition_point(|&s| s < byte)
    }
}

fn date_of(stem: &str) -> Option<chronicle_model::Date> {
    let d = stem.split('_').nth(1)?;
    d.parse().ok()
}

fn list(dir: &Path, ext: &str) -> Result<Vec<String>> {
    let rd = std::fs::read_dir(dir).map_err(|e| EvalError::Io {
        path: dir.display().to_string(),
        source: e,
    })?;
    let mut out = Vec::new();
    for e in rd.flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        if name.ends_with(&format!(".{ext}")) {
            out.push(name);
        }
    }
    Ok(out)
}

fn read(p: &Path) -> Result<String> {
    std::fs::read_to_string(p).map_err(|e| EvalError::Io {
        path: p.display().to_string(),
        source: e,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_brat_and_marks_direct() {
        let text = "He said “I left.” Then more.";
        let ann = "T1\tSource 0 2\tHe\nT2\tCue 3 7\tsaid\nT3\tContent 8 17\t“I left.”\nT4\tAttribution 3 7\tsaid\nE1\tAttribution:T4 Source:T1 Cue:T2 Content:T3\n";
        let g = parse_ann(ann, text);
        assert_eq!(g.len(), 1);
        assert!(g[0].direct);
        assert_eq!(g[0].source_text, "He");
    }

    #[test]
    fn speaker_by_name_word() {
        let g = Gold {
            content: vec![(0, 5)],
            source: vec![(10, 12)],
            source_text: "Sen. Jeff Sessions".into(),
            direct: true,
        };
        let p = Pred {
            content: vec![(0, 5)],
            speaker_span: None,
            speaker: Some("Jeff Sessions".into()),
            direct: true,
        };
        assert!(speaker_right(&g, &p));
        let p2 = Pred {
            speaker: Some("Nancy Pelosi".into()),
            ..p
        };
        assert!(!speaker_right(&g, &p2));
    }
}
