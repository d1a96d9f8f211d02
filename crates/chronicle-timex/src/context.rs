//! What resolution needs besides the expression itself: the document date,
//! the reference time the narrative has moved to, and the tense around a
//! mention.

use chronicle_model::Date;

use crate::stream::Tk;
use crate::value::Point;

/// Resolution state for one document, updated as timexes are emitted.
#[derive(Debug, Clone, Copy)]
pub struct Ctx {
    pub dct: Option<Date>,
    /// The last date emitted, with its sentence.
    pub last: Option<(Point, u32)>,
    /// The last year the narrative named, with its sentence.
    pub year: Option<(i32, u32)>,
    /// The last quarter named directly ("the third quarter"), the base of
    /// year-on-year comparisons ("a year ago", "the year-earlier quarter").
    pub quarter: Option<Point>,
}

/// Which way a bare "Friday" or "July" points.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tense {
    Past,
    Future,
}

const FUTURE_CUES: &[&str] = &[
    "will",
    "'ll",
    "’ll",
    "shall",
    "wo",
    "going",
    "gonna",
    "plans",
    "plan",
    "planned",
    "planning",
    "scheduled",
    "expected",
    "expects",
    "expect",
    "due",
    "upcoming",
    "would",
    "could",
    "might",
    "next",
    "await",
    "awaits",
    "hopes",
    "tomorrow",
    "intends",
    "aims",
];

const PAST_CUES: &[&str] = &[
    "was", "were", "had", "did", "said", "told", "ago", "last", "since", "earlier", "been",
];

/// The tense around token `i`: the nearest tense cue in its sentence (left
/// side wins ties). News narrates the past, so no cue means past.
pub fn tense_at(text: &str, toks: &[Tk], i: usize) -> Tense {
    cue_at(text, toks, i).map_or(Tense::Past, |(t, _)| t)
}

/// The nearest tense cue around token `i` and its distance (in half-tokens:
/// left-side cues count `2 * d`, right-side ones `2 * d + 1`).
pub fn cue_at(text: &str, toks: &[Tk], i: usize) -> Option<(Tense, usize)> {
    let sent = toks.get(i).map_or(0, |t| t.sent);
    let mut best: Option<(usize, Tense)> = None;
    let lo = i.saturating_sub(14);
    let hi = (i + 12).min(toks.len());
    for (j, tk) in toks.iter().enumerate().take(hi).skip(lo) {
        if tk.sent != sent || j == i {
            continue;
        }
        let Some(word) = text.get(tk.span.range()) else {
            continue;
        };
        // A reporting clause after the mention ("…, Castro said") frames
        // it; it does not date it.
        if j > i && is_reporting(word) {
            continue;
        }
        let Some(mut t) = cue(word) else { continue };
        // "had been scheduled to", "was expected to": a past plan.
        if t == Tense::Future && is_participle(word) {
            let back = j.saturating_sub(3);
            if toks[back..j].iter().any(|p| {
                text.get(p.span.range())
                    .is_some_and(|w| matches!(w, "had" | "was" | "were" | "previously"))
            }) {
                t = Tense::Past;
            }
        }
        let dist = if j < i { 2 * (i - j) } else { 2 * (j - i) + 1 };
        if best.is_none_or(|(d, _)| dist < d) {
            best = Some((dist, t));
        }
    }
    best.map(|(d, t)| (t, d))
}

fn is_reporting(word: &str) -> bool {
    matches!(
        word,
        "said" | "says" | "say" | "told" | "added" | "according" | "reported"
    )
}

fn is_participle(word: &str) -> bool {
    matches!(word, "scheduled" | "expected" | "due" | "planned" | "set")
}

fn cue(word: &str) -> Option<Tense> {
    if word.len() > 12 || !word.is_ascii() {
        return None;
    }
    let mut buf = [0u8; 12];
    let w = &mut buf[..word.len()];
    w.copy_from_slice(word.as_bytes());
    w.make_ascii_lowercase();
    let w = std::str::from_utf8(w).ok()?;
    if FUTURE_CUES.contains(&w) {
        return Some(Tense::Future);
    }
    if PAST_CUES.contains(&w) || (w.len() > 4 && w.ends_with("ed")) {
        return Some(Tense::Past);
    }
    None
}
