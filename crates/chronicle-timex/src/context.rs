//! What resolution needs besides the expression itself: the document date,
//! the reference time the narrative has moved to, and the tense around a
//! mention. Tense is read from cue words (auxiliaries, modals, past forms,
//! deadlines such as "by" and "until"); the nearest cue on the left governs,
//! because English puts the verb before its time adjunct, and the right side
//! is consulted only for fronted adjuncts ("On Friday, he will …").

use chronicle_model::Date;

use crate::lexicon::{Lex, W};
use crate::stream::Tk;
use crate::value::Point;

/// Resolution state for one document, updated as timexes are emitted.
#[derive(Debug, Clone, Copy)]
pub struct Ctx {
    pub dct: Option<Date>,
    /// The last date emitted, with its sentence.
    pub last: Option<(Point, u32)>,
    /// The last quarter named, derived ones included: what "that quarter" means.
    pub last_quarter: Option<(i32, u8)>,
    /// The last year the narrative named, with its sentence.
    pub year: Option<(i32, u32)>,
    /// The token that named `year`.
    pub year_tok: usize,
    /// The quarters named directly ("the third quarter"), the base of
    /// year-on-year comparisons ("a year ago", "the year-earlier quarter").
    pub quarters: Quarters,
    /// A year-to-date period ("the first nine months") was named after the
    /// last quarter: year-on-year comparisons now compare years.
    pub ytd: bool,
    /// The last quarter named, with its sentence: a comparison in the same
    /// sentence ("third-quarter profit rose from a year earlier") compares
    /// that quarter, whatever the document mostly reports on.
    pub sent_quarter: Option<(i32, u8, u32)>,
    /// The sentence of the token being parsed.
    pub cur_sent: u32,
}

/// The completed quarters a document reports on, with how often each was
/// named. Earnings news names its reporting quarter again and again, first
/// in the lead, and mentions others in passing ("after a flat second
/// quarter") or as forecasts ("into the fourth quarter"), so the quarter
/// under discussion is the most often named one (the first named on ties),
/// and quarters not yet over at the document date never count.
#[derive(Debug, Clone, Copy, Default)]
pub struct Quarters {
    /// (year, quarter, times named, order of last mention, order of first).
    slots: [(i32, u8, u16, u32, u32); 4],
    len: usize,
    clock: u32,
}

impl Quarters {
    /// Records a mention of `y`-Q`q`, unless it is a forecast: a quarter
    /// after `dct`'s, or `dct`'s own in future wording (fiscal quarters end
    /// off the calendar, so a reported "fourth quarter" may be the current one).
    /// Returns whether the mention counted.
    pub fn note(&mut self, y: i32, q: u8, dct: Option<Date>, tense: Tense) -> bool {
        if let Some(d) = dct {
            let cur = (d.year() as i32, crate::value::quarter_of(d));
            if (y, q) > cur || ((y, q) == cur && tense == Tense::Future) {
                return false;
            }
            // A quarter more than a year back is history, not a report.
            let age = (cur.0 - y) * 4 + i32::from(cur.1) - i32::from(q);
            if age > 4 {
                return false;
            }
        }
        self.clock = self.clock.saturating_add(1);
        let clock = self.clock;
        if let Some(s) = self.slots[..self.len]
            .iter_mut()
            .find(|s| (s.0, s.1) == (y, q))
        {
            s.2 = s.2.saturating_add(1);
            s.3 = clock;
            return true;
        }
        // Full: the least recently named quarter makes room.
        let at = if self.len < self.slots.len() {
            self.len += 1;
            self.len - 1
        } else {
            (0..self.slots.len())
                .min_by_key(|&k| self.slots[k].3)
                .unwrap_or(0)
        };
        self.slots[at] = (y, q, 1, clock, clock);
        true
    }

    /// The quarter under discussion.
    pub fn current(&self) -> Option<(i32, u8)> {
        self.slots[..self.len]
            .iter()
            .max_by_key(|s| (s.2, std::cmp::Reverse(s.4)))
            .map(|s| (s.0, s.1))
    }
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
    "might",
    "supposed",
    "soon",
    "next",
    "await",
    "awaits",
    "hopes",
    "tomorrow",
    "intends",
    "aims",
    // "payable Dec. 15": a dividend is paid after it is declared.
    "payable",
];

const PAST_CUES: &[&str] = &[
    "was", "were", "had", "did", "said", "told", "ago", "last", "since", "earlier", "been",
    // Common irregular past forms (regular ones end in "-ed").
    "met", "went", "came", "took", "made", "gave", "found", "began", "fell", "rose", "won", "lost",
    "held", "led", "sent", "spent", "saw", "got", "became", "brought", "bought", "sold", "thought",
    "kept", "paid", "ran", "struck", "fought", "flew", "wrote", "spoke", "knew", "grew", "drew",
    "broke", "chose", "stood", "sought", "caught", "felt", "heard", "built", "meant", "left",
    "hit", "quit", "shot",
];

/// Short or irregular past forms common in news: "died" is too short for
/// the "-ed" test, the rest are irregular.
const MORE_PAST_CUES: &[&str] = &[
    "died",
    "fled",
    "threw",
    "drove",
    "rode",
    "wore",
    "sank",
    "shook",
    "stole",
    "swore",
    "tore",
    "woke",
    "withdrew",
    "oversaw",
    "upheld",
    "understood",
    "taught",
    "dealt",
    "slept",
    "swept",
    "hung",
    "stuck",
    "forgot",
    "arose",
    "overcame",
    "undertook",
    "froze",
    "hid",
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
    // The nearest cue on the left (the scan meets them in order).
    let mut left: Option<(usize, Tense)> = None;
    let mut past_aux = false;
    let lo = i.saturating_sub(FAR_LEFT);
    let hi = (i + RIGHT_REACH).min(toks.len());
    // The mention opens its sentence ("On Monday, …", "Late on Friday, …").
    let fronted = (lo..i)
        .rev()
        .take_while(|&k| toks[k].sent == sent)
        .all(|k| {
            let w = word_at(text, toks, k);
            [
                "on", "in", "at", "late", "early", "earlier", "later", "also", "and", "but", "then",
            ]
            .iter()
            .any(|f| w.eq_ignore_ascii_case(f))
        });
    for j in lo..hi {
        if toks[j].sent != sent || j == i {
            continue;
        }
        let word = word_at(text, toks, j);
        // A reporting clause after the mention ("…, Castro said") frames
        // it; it does not date it. A fronted adjunct ("On Monday, the court
        // said it will …") is the reporting verb's own time.
        if j > i && is_reporting(word) && !fronted {
            continue;
        }
        let t = if is_deadline(text, toks, j, i) {
            // "by May", "until Tuesday" point ahead, unless a past perfect
            // came first ("had filed reports by Wednesday").
            if past_aux {
                continue;
            }
            Tense::Future
        } else {
            if j < i && i - j <= LEFT_REACH && matches!(word, "had" | "was" | "were" | "did") {
                past_aux = true;
            }
            match word_cue(text, toks, j) {
                Some(t) => t,
                None => continue,
            }
        };
        let dist = if j < i { 2 * (i - j) } else { 2 * (j - i) + 1 };
        if best.is_none_or(|(d, _)| dist < d) {
            best = Some((dist, t));
        }
        if j < i {
            left = Some((dist, t));
        }
    }
    // English puts the verb before its time adjunct ("met them on Friday
    // and will meet again"): a cue on the left within the clause's reach
    // governs; only fronted adjuncts ("On Friday, he will …") look right.
    if let Some((d, t)) = left.filter(|(d, _)| *d <= 2 * LEFT_REACH) {
        // Sequence of tenses: "would buy as soon as trading opened Monday"
        // backshifts "will buy as soon as trading opens Monday"; the
        // temporal clause's past verb takes the time of the verb it hangs on.
        if t == Tense::Past && d >= 2 && future_above_clause(text, toks, i - d / 2) {
            return Some((Tense::Future, d));
        }
        return Some((t, d));
    }
    best.map(|(d, t)| (t, d))
}

/// Token `j` is a past main verb just after a temporal subordinator
/// ("when", "once", "as soon as", "after", "before" and up to two words of
/// subject), and the nearest tense cue before that subordinator in the
/// sentence points ahead.
fn future_above_clause(text: &str, toks: &[Tk], j: usize) -> bool {
    if matches!(word_at(text, toks, j), "was" | "were" | "had" | "did") {
        return false;
    }
    let sent = toks[j].sent;
    let Some(k) = (j.saturating_sub(3)..j).rev().find(|&k| {
        toks[k].sent == sent
            && match word_at(text, toks, k) {
                "when" | "once" | "after" | "before" => true,
                "as" => k >= 2 && word_at(text, toks, k - 2) == "as",
                _ => false,
            }
    }) else {
        return false;
    };
    // "as soon as": the clause opens at the first "as".
    let k = if word_at(text, toks, k) == "as" {
        k - 2
    } else {
        k
    };
    // "would not say when the board voted Tuesday": a question, whose
    // past verb keeps its own time.
    if k >= 1
        && matches!(
            word_at(text, toks, k - 1),
            "say"
                | "know"
                | "ask"
                | "disclose"
                | "explain"
                | "specify"
                | "reveal"
                | "confirm"
                | "tell"
                | "comment"
                | "determine"
                | "unclear"
                | "clear"
                | "sure"
        )
    {
        return false;
    }
    (k.saturating_sub(LEFT_REACH)..k)
        .rev()
        .filter(|&m| toks[m].sent == sent)
        .find_map(|m| word_cue(text, toks, m))
        == Some(Tense::Future)
}

fn word_at<'t>(text: &'t str, toks: &[Tk], j: usize) -> &'t str {
    toks.get(j)
        .and_then(|t| text.get(t.span.range()))
        .unwrap_or("")
}

/// The tense token `j` signals in its context, if any.
fn word_cue(text: &str, toks: &[Tk], j: usize) -> Option<Tense> {
    let word = word_at(text, toks, j);
    let prev = if j > 0 {
        word_at(text, toks, j - 1)
    } else {
        ""
    };
    // "is to resume", "set to resume", "likely to buy": a plan or a forecast.
    if word == "to" {
        return matches!(prev, "is" | "are" | "set" | "likely").then_some(Tense::Future);
    }
    // A passive infinitive names what is still to happen ("a show to be
    // aired on Sunday", "due to be released in December"), unless it
    // reports a state ("said to be", "found to be").
    if word == "be" && prev == "to" {
        let next = word_at(text, toks, j + 1);
        let participle = regular_past(next) || PAST_CUES.contains(&next);
        let stative = j >= 2
            && matches!(
                word_at(text, toks, j - 2),
                "said"
                    | "believed"
                    | "thought"
                    | "found"
                    | "seemed"
                    | "appeared"
                    | "reported"
                    | "alleged"
                    | "known"
                    | "used"
                    | "seem"
                    | "seems"
                    | "appear"
                    | "appears"
            );
        return (participle && !stative).then_some(Tense::Future);
    }
    // A scheduling verb in the simple present ("Arafat meets Albright
    // Monday", "talks resume Tuesday") announces a plan: news narrates the
    // past in the past tense. After a determiner it is a noun ("a track
    // meet"), after "to"/"did"/a modal an infinitive whose time another verb sets.
    if is_schedule_present(word) {
        const NOT_FINITE: &[&str] = &[
            "a", "an", "the", "its", "his", "her", "their", "this", "that", "whose", "to", "did",
            "didn't", "n't", "not", "could", "can", "would", "might",
        ];
        let not_finite = NOT_FINITE.iter().any(|w| prev.eq_ignore_ascii_case(w));
        return (!not_finite).then_some(Tense::Future);
    }
    // "to hit", "will quit": a bare infinitive spelled like its past.
    if matches!(word, "hit" | "quit")
        && matches!(
            prev,
            "to" | "will"
                | "would"
                | "could"
                | "can"
                | "may"
                | "might"
                | "must"
                | "should"
                | "did"
                | "does"
                | "do"
                | "not"
                | "n't"
        )
    {
        return None;
    }
    let mut t = cue(word)?;
    // "plans to", "is planned for", "planned a rally" are plans; "vacation
    // plans for the trip" and "a service planned at the university" are a
    // noun and a modifier.
    if is_plan_word(word) {
        let next = word_at(text, toks, j + 1);
        let aux = matches!(
            prev,
            "is" | "are" | "be" | "was" | "were" | "been" | "'s" | "'re"
        );
        let verb_of = match word {
            "planned" | "planning" => matches!(next, "to" | "for" | "a" | "an" | "the"),
            _ => next == "to",
        };
        if !verb_of && !aux {
            return None;
        }
    }
    // "next to" is a place, not a time.
    if word.eq_ignore_ascii_case("next") && word_at(text, toks, j + 1) == "to" {
        return None;
    }
    if t == Tense::Past && !matches!(word, "was" | "were" | "had" | "did") {
        // A participle after a present or future "be" ("will be paid", "is
        // heard") takes that auxiliary's time, not the past.
        if matches!(prev, "is" | "are" | "be" | "being" | "am" | "'s" | "'re") {
            return None;
        }
        // "the planned trip", "a revised estimate": an adjective.
        if matches!(prev, "a" | "an" | "the" | "A" | "An" | "The") && regular_past(word) {
            return None;
        }
    }
    // "better than expected", "as expected": a comparison, no plan.
    if word == "expected" && matches!(prev, "than" | "as" | "As") {
        return None;
    }
    // "had been scheduled to", "was supposed to": a past plan, overtaken
    // or missed. "was scheduled to meet Friday", "were expected to vote"
    // report a plan still ahead (future in the past); "was due" is as
    // often a cause ("was closed due to problems") or a plan gone by.
    if t == Tense::Future && is_participle(word) {
        let back = j.saturating_sub(3);
        if (back..j).any(|k| {
            let w = word_at(text, toks, k);
            matches!(w, "had" | "previously")
                || (matches!(word, "supposed" | "due") && matches!(w, "was" | "were"))
        }) {
            t = Tense::Past;
        }
    }
    Some(t)
}

/// How far left (in tokens) a tense cue is taken to govern a mention.
const LEFT_REACH: usize = 10;

/// How far left (in tokens) a cue still counts when none is nearer on
/// either side: a long clause keeps its tense ("said two new flights would
/// leave … from March 30, with the third departing … from August 6").
const FAR_LEFT: usize = 40;

/// How far right (in tokens) a fronted adjunct looks for its verb: past a
/// long subject ("In January, a week after the anniversary of …, a bombing
/// killed …").
const RIGHT_REACH: usize = 30;

fn is_reporting(word: &str) -> bool {
    matches!(
        word,
        "said" | "says" | "say" | "told" | "added" | "according" | "reported"
    )
}

/// Verbs of scheduled events whose simple present reads as future in news.
fn is_schedule_present(word: &str) -> bool {
    // Only verbs that are rarely nouns or adjectives ("returns", "votes",
    // "open" and "visit" often are).
    matches!(
        word,
        "meet"
            | "meets"
            | "begin"
            | "begins"
            | "resume"
            | "resumes"
            | "convene"
            | "convenes"
            | "arrive"
            | "arrives"
    )
}

fn is_plan_word(word: &str) -> bool {
    matches!(
        word,
        "plan" | "plans" | "planned" | "planning" | "intends" | "aims" | "hopes"
    )
}

fn is_participle(word: &str) -> bool {
    matches!(
        word,
        "scheduled" | "expected" | "due" | "planned" | "set" | "supposed"
    )
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
    if PAST_CUES.contains(&w) || MORE_PAST_CUES.contains(&w) || regular_past(word) {
        return Some(Tense::Past);
    }
    None
}

/// A word that looks like a regular past verb: "-ed", lower case ("United"
/// is a name), not a verb in "-eed" ("succeed", "proceed") and not an
/// "un-" adjective ("unexpected", "unconfirmed").
fn regular_past(word: &str) -> bool {
    let lower = word.as_bytes().first().is_some_and(u8::is_ascii_lowercase);
    lower
        && word.len() > 4
        && word.ends_with("ed")
        && !word.starts_with("un")
        && !matches!(
            word,
            "succeed" | "proceed" | "exceed" | "indeed" | "need" | "speed" | "feed" | "breed"
            // Adjectives of news prose, never the clause's verb ("is set to
            // meet embattled leader Gadhafi on Monday").
            | "embattled" | "beleaguered" | "alleged" | "renowned" | "talented" | "skilled"
            | "sophisticated"
        )
}

/// Token `j` opens a deadline for the mention at `i`: "by May", "until
/// Tuesday", "effective Feb. 1", "as soon as Tuesday", "until 9 a.m.
/// Tuesday" (only clock words between).
fn is_deadline(text: &str, toks: &[Tk], j: usize, i: usize) -> bool {
    if j >= i || i - j > 5 {
        return false;
    }
    let clockish = toks[j + 1..i].iter().all(|t| {
        matches!(
            t.lex,
            Lex::Int(..)
                | Lex::Clock(..)
                | Lex::AmPm(_)
                | Lex::Word(W::Zone | W::Noon | W::Midnight)
        ) || t.lex == Lex::Punct(b'.')
    });
    if !clockish {
        return false;
    }
    let word = |k: usize| text.get(toks[k].span.range()).unwrap_or("");
    match word(j) {
        "by" | "until" | "effective" => true,
        // "as soon as", "as early as"
        "as" => j >= 2 && matches!(word(j - 1), "soon" | "early") && word(j - 2) == "as",
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_most_named_completed_quarter_is_under_discussion() {
        let dct = Some(Date::constant(1989, 10, 26));
        let mut q = Quarters::default();
        assert_eq!(q.current(), None);
        assert!(q.note(1989, 3, dct, Tense::Past));
        assert!(q.note(1989, 3, dct, Tense::Past));
        assert!(q.note(1989, 2, dct, Tense::Past));
        assert_eq!(q.current(), Some((1989, 3)));
        // Forecasts never count: a later quarter, or the current one ahead.
        assert!(!q.note(1990, 1, dct, Tense::Past));
        assert!(!q.note(1989, 4, dct, Tense::Future));
        let _ = q.note(1989, 4, dct, Tense::Future);
        let _ = q.note(1989, 4, dct, Tense::Future);
        assert_eq!(q.current(), Some((1989, 3)));
        // A fiscal quarter reported in the current calendar quarter counts.
        for _ in 0..3 {
            let _ = q.note(1989, 4, dct, Tense::Past);
        }
        assert_eq!(q.current(), Some((1989, 4)));
        // Ties go to the first named; old quarters make room for new ones.
        let mut q = Quarters::default();
        for (y, n) in [(1988, 4), (1989, 1), (1989, 2), (1989, 3), (1989, 4)] {
            let _ = q.note(y, n, dct, Tense::Past);
        }
        assert_eq!(q.current(), Some((1989, 1)));
        // Quarters more than a year back are history, never the report.
        let mut q = Quarters::default();
        assert!(!q.note(1984, 3, dct, Tense::Past));
        assert_eq!(q.current(), None);
        let _ = q.note(1989, 3, dct, Tense::Past);
        assert_eq!(q.current(), Some((1989, 3)));
    }
}
