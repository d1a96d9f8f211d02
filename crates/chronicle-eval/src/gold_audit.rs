//! A consistency audit of TimeML gold data, so that a score can be read
//! against what the gold itself allows.
//!
//! The audit looks only at the gold (never at a system's output) and sets
//! aside the parts that contradict either themselves or the rest of the
//! corpus:
//!
//! - a **malformed** value (a one-digit week `2000-W7`, month 13, 30 February);
//! - a value that **contradicts its own text** (`1998` for "1988", a
//!   November value for "Sept. 27");
//! - a **minority reading**: the gold reads one form (the text lower-cased,
//!   with weekdays, months, numbers and number words abstracted) more than
//!   one way, and this timex is not read the commonest way. A reading is the
//!   type plus the value's shape: for deictic forms ("last week", "a year
//!   ago", "this quarter") its offset from the document date in the value's
//!   own unit (`week-1`, `quarter-5`), for the rest the value with digits
//!   blanked (`9999-99-99TNI`, `P9Y`);
//! - **tagged or untagged against the majority**: one of a fixed list of
//!   unambiguous time words ("now", "recently", "last year", …) that the gold
//!   tags in some places and leaves untagged in others; the minority side is
//!   set aside.
//!
//! From that follow the best value F1 a tagger can reach that reads each form
//! one way and is right everywhere else ([`GoldAudit::ceiling`]), and, with
//! [`GoldAudit::keep`], scores on the consistent part of the gold.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::sync::LazyLock;

use chronicle_model::{Date, Doc, Span, Timex};
use regex::Regex;

/// Why a gold timex was set aside.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Finding {
    Malformed,
    ContradictsText,
    MinorityReading,
    /// A listed word the gold mostly leaves untagged, tagged here.
    TaggedAgainstMajority,
}

impl Finding {
    pub fn as_str(self) -> &'static str {
        match self {
            Finding::Malformed => "malformed value",
            Finding::ContradictsText => "value contradicts its own text",
            Finding::MinorityReading => "minority reading of its form",
            Finding::TaggedAgainstMajority => "tagged where the gold mostly does not",
        }
    }
}

/// How the gold reads one form, commonest reading first.
#[derive(Debug, Clone, PartialEq)]
pub struct FormReadings {
    pub form: String,
    pub readings: Vec<(String, usize)>,
}

impl FormReadings {
    pub fn total(&self) -> usize {
        self.readings.iter().map(|r| r.1).sum()
    }

    /// Instances not read the commonest way.
    pub fn minority(&self) -> usize {
        self.total() - self.readings.first().map_or(0, |r| r.1)
    }
}

/// How often the gold tags one listed word and how often it leaves it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WordTagging {
    pub word: &'static str,
    pub tagged: usize,
    pub untagged: usize,
}

/// The audit of one gold corpus; documents are indexed as given to [`GoldAudit::of`].
#[derive(Debug, Clone, Default)]
pub struct GoldAudit {
    /// Per document: gold timexes set aside (index into its gold) and why.
    pub set_aside: Vec<Vec<(usize, Finding)>>,
    /// Per document: occurrences of listed words the gold leaves untagged
    /// where it mostly tags them.
    pub untagged: Vec<Vec<Span>>,
    /// Forms read more than one way, most minority instances first.
    pub forms: Vec<FormReadings>,
    pub words: Vec<WordTagging>,
    pub gold: usize,
}

/// Time words whose tagging does not depend on context: each occurrence is a
/// timex under the TimeML guidelines, or none is. (Adjectives such as
/// "current" or "future" are left out: "future plans" is not a time.)
const LISTED_WORDS: &[&str] = &[
    "now",
    "currently",
    "recently",
    "today",
    "yesterday",
    "tomorrow",
    "tonight",
    "daily",
    "annually",
    "soon",
    "previously",
    "presently",
    "formerly",
    "last year",
    "this year",
    "next year",
    "last week",
    "this week",
    "next week",
    "last month",
    "this month",
    "next month",
];

/// Words that make a form deictic: its value is an offset from the document
/// date. Words anchored to the narrative instead ("earlier", "later",
/// "previous", "latest") are not here: their offset from the document date
/// rightly varies.
const DEICTIC: &[&str] = &[
    "last",
    "this",
    "next",
    "past",
    "coming",
    "ago",
    "current",
    "today",
    "yesterday",
    "tomorrow",
    "tonight",
    "now",
    "year-ago",
];

impl GoldAudit {
    /// Audits documents with their gold timexes.
    pub fn of(docs: &[(&Doc, &[Timex])]) -> GoldAudit {
        let mut audit = GoldAudit {
            set_aside: vec![Vec::new(); docs.len()],
            untagged: vec![Vec::new(); docs.len()],
            gold: docs.iter().map(|d| d.1.len()).sum(),
            ..GoldAudit::default()
        };
        let mut by_form: BTreeMap<String, Vec<(String, usize, usize)>> = BTreeMap::new();
        for (di, (doc, gold)) in docs.iter().enumerate() {
            for (gi, t) in gold.iter().enumerate() {
                let text = doc.text[t.span.range()].trim();
                if is_malformed(&t.value) {
                    audit.set_aside[di].push((gi, Finding::Malformed));
                } else if contradicts_text(text, &t.value) {
                    audit.set_aside[di].push((gi, Finding::ContradictsText));
                }
                let form = abstract_form(text);
                let reading = reading(&form, t, doc.date);
                by_form.entry(form).or_default().push((reading, di, gi));
            }
        }
        for (form, instances) in by_form {
            let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
            for (r, _, _) in &instances {
                *counts.entry(r.as_str()).or_default() += 1;
            }
            if counts.len() < 2 {
                continue;
            }
            let mut readings: Vec<(String, usize)> = counts
                .into_iter()
                .map(|(r, n)| (r.to_string(), n))
                .collect();
            // Commonest first; ties by name so the result does not depend on order.
            readings.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
            let commonest = readings[0].0.clone();
            for (r, di, gi) in &instances {
                if *r != commonest {
                    audit.mark(*di, *gi, Finding::MinorityReading);
                }
            }
            audit.forms.push(FormReadings { form, readings });
        }
        audit
            .forms
            .sort_by(|a, b| b.minority().cmp(&a.minority()).then(a.form.cmp(&b.form)));
        audit.audit_words(docs);
        for marks in &mut audit.set_aside {
            marks.sort();
        }
        audit
    }

    /// Sets a gold timex aside unless it already is.
    fn mark(&mut self, doc: usize, gold: usize, why: Finding) {
        if !self.set_aside[doc].iter().any(|m| m.0 == gold) {
            self.set_aside[doc].push((gold, why));
        }
    }

    fn audit_words(&mut self, docs: &[(&Doc, &[Timex])]) {
        let lowered: Vec<String> = docs.iter().map(|d| d.0.text.to_ascii_lowercase()).collect();
        for &word in LISTED_WORDS {
            // (document, occurrence, covering gold timex)
            let mut seen: Vec<(usize, Span, Option<usize>)> = Vec::new();
            for (di, text) in lowered.iter().enumerate() {
                for (at, _) in text.match_indices(word) {
                    let end = at + word.len();
                    if !whole_word(text, at, end) || in_a_name(&docs[di].0.text, at, end) {
                        continue;
                    }
                    let cover = docs[di].1.iter().position(|t| t.span.range().contains(&at));
                    seen.push((di, Span::new(at, at + word.len()), cover));
                }
            }
            let tagged = seen.iter().filter(|s| s.2.is_some()).count();
            let untagged = seen.len() - tagged;
            for (di, span, cover) in seen {
                match cover {
                    None if tagged >= untagged => self.untagged[di].push(span),
                    Some(gi) if tagged < untagged => {
                        self.mark(di, gi, Finding::TaggedAgainstMajority)
                    }
                    _ => {}
                }
            }
            if tagged > 0 && untagged > 0 {
                self.words.push(WordTagging {
                    word,
                    tagged,
                    untagged,
                });
            }
        }
    }

    /// Gold timexes set aside for one reason.
    pub fn count(&self, why: Finding) -> usize {
        self.set_aside
            .iter()
            .flatten()
            .filter(|m| m.1 == why)
            .count()
    }

    /// Listed-word occurrences the gold leaves untagged against its majority.
    pub fn untagged_count(&self) -> usize {
        self.untagged.iter().map(Vec::len).sum()
    }

    /// The value F1 (0–1) of a tagger that reads each form its commonest way,
    /// tags each listed word everywhere or nowhere as the gold mostly does,
    /// and is right on everything else: the ceiling the gold's own
    /// inconsistency puts on any such tagger.
    pub fn ceiling(&self) -> f64 {
        let missed = self.count(Finding::TaggedAgainstMajority);
        let wrong = self.set_aside.iter().map(Vec::len).sum::<usize>() - missed;
        let spurious = self.untagged_count();
        let right = self.gold - missed - wrong;
        let system = self.gold - missed + spurious;
        crate::ratio(2 * right, self.gold + system)
    }

    /// Document `doc`'s gold and system timexes outside what the audit set
    /// aside: the gold timexes set aside go, and so do system timexes that
    /// overlap them (or an untagged listed word) and no kept gold timex.
    pub fn keep(&self, doc: usize, gold: &[Timex], sys: &[Timex]) -> (Vec<Timex>, Vec<Timex>) {
        let aside = self.set_aside.get(doc).map_or(&[][..], Vec::as_slice);
        let is_aside = |i: usize| aside.iter().any(|m| m.0 == i);
        let kept: Vec<Timex> = (0..gold.len())
            .filter(|&i| !is_aside(i))
            .map(|i| gold[i].clone())
            .collect();
        let mut regions: Vec<Span> = aside.iter().map(|m| gold[m.0].span).collect();
        regions.extend(self.untagged.get(doc).into_iter().flatten().copied());
        let sys = sys
            .iter()
            .filter(|s| {
                kept.iter().any(|g| g.span.overlaps(s.span))
                    || !regions.iter().any(|r| r.overlaps(s.span))
            })
            .cloned()
            .collect();
        (kept, sys)
    }

    /// The printable summary: counts, the forms read most ways, the words
    /// tagged unevenly, and the ceiling.
    pub fn report(&self, max_rows: usize) -> String {
        let mut out = String::new();
        let aside: usize = self.set_aside.iter().map(Vec::len).sum();
        let _ = writeln!(
            out,
            "gold audit: {} gold timexes; {aside} set aside, and {} untagged occurrences of listed words",
            self.gold,
            self.untagged_count()
        );
        for why in [
            Finding::Malformed,
            Finding::ContradictsText,
            Finding::MinorityReading,
            Finding::TaggedAgainstMajority,
        ] {
            let _ = writeln!(out, "  {:<40} {:>5}", why.as_str(), self.count(why));
        }
        let _ = writeln!(
            out,
            "  {:<40} {:>5}",
            "untagged where the gold mostly tags",
            self.untagged_count()
        );
        let _ = writeln!(
            out,
            "forms the gold reads more than one way (form: readings)"
        );
        for f in self.forms.iter().take(max_rows) {
            let readings: Vec<String> =
                f.readings.iter().map(|(r, n)| format!("{r} {n}")).collect();
            let _ = writeln!(out, "  {:<22} {}", f.form, readings.join(", "));
        }
        if self.forms.len() > max_rows {
            let _ = writeln!(out, "  … {} more forms", self.forms.len() - max_rows);
        }
        let _ = writeln!(out, "listed words the gold tags in some places only");
        for w in &self.words {
            let _ = writeln!(
                out,
                "  {:<12} tagged {:>3}, untagged {:>3}",
                w.word, w.tagged, w.untagged
            );
        }
        let _ = writeln!(
            out,
            "best value F1 of a tagger that reads each form one way and is right elsewhere: {:.2}",
            100.0 * self.ceiling()
        );
        out
    }
}

/// Is `text[start..end]` a whole word (not inside a longer word or hyphenation)?
fn whole_word(text: &str, start: usize, end: usize) -> bool {
    let joins = |c: char| c.is_alphanumeric() || c == '-';
    !text[..start].chars().next_back().is_some_and(joins)
        && !text[end..].chars().next().is_some_and(joins)
}

/// Is the word at `start..end` part of a name or title rather than a time:
/// capitalised inside a sentence ("VOA Today"), quoted on its own ("ABC's
/// "This Week,""), or followed by a capitalised word ("the party daily
/// Granma", ""This Week With David Brinkley"")?
fn in_a_name(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].trim_end_matches([' ', '\t']);
    let prev = before.chars().next_back();
    let after = &text[end..];
    let capitalised = text[start..].starts_with(|c: char| c.is_uppercase());
    let sentence_start = prev.is_none_or(|c| {
        matches!(
            c,
            '.' | '!' | '?' | '"' | '\'' | '`' | '(' | '\n' | ':' | '_'
        )
    });
    if capitalised && !sentence_start {
        return true;
    }
    if prev == Some('"') && (after.starts_with('"') || after.starts_with(",\"")) {
        return true;
    }
    let next_word_capitalised = after
        .strip_prefix(' ')
        .is_some_and(|rest| rest.starts_with(|c: char| c.is_uppercase()));
    // "Granma" after "daily"; "With David Brinkley" after "This Week".
    next_word_capitalised
}

/// The form of a timex text: lower-cased, whitespace collapsed, weekdays
/// `WD`, months `MON`, four-digit numbers `Y`, one- or two-digit numbers `D`,
/// other numbers `9`. Number words stay: "a year ago" and "two years ago"
/// are different forms.
pub fn abstract_form(text: &str) -> String {
    static WEEKDAY: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b").unwrap()
    });
    static MONTH: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"\b(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\b\.?",
        )
        .unwrap()
    });
    static YEAR: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\b\d{4}\b").unwrap());
    static DAY: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\b\d{1,2}\b").unwrap());
    static DIGITS: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\d+").unwrap());
    let lowered = text.to_lowercase();
    let mut form = lowered
        .trim_matches(|c: char| c.is_whitespace() || matches!(c, '.' | ',' | ';' | ':'))
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    for (re, to) in [
        (&WEEKDAY, "WD"),
        (&MONTH, "MON"),
        (&YEAR, "Y"),
        (&DAY, "D"),
        (&DIGITS, "9"),
    ] {
        form = re.replace_all(&form, to).into_owned();
    }
    form
}

/// How a gold timex reads its form: the type, then for deictic forms the
/// value's offset from the document date, otherwise the value's pattern. A
/// form with a placeholder is never read by offset: "last MON" is a
/// different offset for each month.
fn reading(form: &str, t: &Timex, dct: Option<Date>) -> String {
    let words = || form.split(|c: char| c.is_whitespace() || c == ',');
    let placeholder = words().any(|w| matches!(w, "WD" | "MON" | "Y" | "D" | "9"));
    let deictic = !placeholder && words().any(|w| DEICTIC.contains(&w));
    let shape = match dct {
        Some(dct) if deictic => offset_shape(&t.value, dct),
        _ => None,
    };
    let shape = shape.unwrap_or_else(|| {
        t.value
            .chars()
            .map(|c| if c.is_ascii_digit() { '9' } else { c })
            .collect()
    });
    format!("{}:{shape}", t.kind.as_str())
}

/// `day-1`, `week+0`, `month-3`, `quarter-5`, `year-1` for a calendar value
/// of that unit, relative to `dct`; `None` for anything else.
fn offset_shape(value: &str, dct: Date) -> Option<String> {
    let b = value.as_bytes();
    let num = |r: std::ops::Range<usize>| -> Option<i64> {
        let s = value.get(r)?;
        (!s.is_empty() && s.bytes().all(|c| c.is_ascii_digit()))
            .then(|| s.parse().ok())
            .flatten()
    };
    let year = num(0..4)?;
    let dy = year - i64::from(dct.year());
    match b.len() {
        4 => Some(format!("year{dy:+}")),
        7 if b[4] == b'-' && b[5] == b'Q' => {
            let q = num(6..7)?;
            let dq = dy * 4 + q - (i64::from(dct.month()) - 1) / 3 - 1;
            Some(format!("quarter{dq:+}"))
        }
        7 if b[4] == b'-' => {
            let m = num(5..7)?;
            Some(format!("month{:+}", dy * 12 + m - i64::from(dct.month())))
        }
        8 if b[4] == b'-' && b[5] == b'W' => {
            let w = num(6..8)?;
            let iso = dct.iso_week_date();
            let dw = (year - i64::from(iso.year())) * 52 + w - i64::from(iso.week());
            Some(format!("week{dw:+}"))
        }
        10 if b[4] == b'-' && b[7] == b'-' => {
            let date = Date::new(
                i16::try_from(year).ok()?,
                i8::try_from(num(5..7)?).ok()?,
                i8::try_from(num(8..10)?).ok()?,
            )
            .ok()?;
            let days = (date - dct).get_days();
            Some(format!("day{days:+}"))
        }
        _ => None,
    }
}

/// A value no TIMEX3 reading can produce: a one-digit week, a month outside
/// 1–12, a day outside its month.
pub fn is_malformed(value: &str) -> bool {
    let b = value.as_bytes();
    let digits = |r: std::ops::Range<usize>| {
        value
            .get(r)
            .is_some_and(|s| !s.is_empty() && s.bytes().all(|c| c.is_ascii_digit()))
    };
    if !digits(0..4) || b.get(4) != Some(&b'-') {
        return false;
    }
    if b.get(5) == Some(&b'W') {
        // A week needs two digits (`2000-W07`) or `XX`.
        return digits(6..7) && !digits(6..8) && !value[6..].starts_with("XX");
    }
    if !digits(5..7) {
        return false;
    }
    let month: i8 = value[5..7].parse().unwrap_or(0);
    if !(1..=12).contains(&month) {
        return true;
    }
    if b.get(7) == Some(&b'-') && digits(8..10) {
        let year: i16 = value[0..4].parse().unwrap_or(0);
        let day: i8 = value[8..10].parse().unwrap_or(0);
        return Date::new(year, month, day).is_err();
    }
    false
}

/// Does a calendar value contradict the year or month written in its own
/// text? ("1988" valued `1998`; "Sept. 27" valued `1989-11-27`.) Fiscal
/// years are left alone: their calendar year may differ.
pub fn contradicts_text(text: &str, value: &str) -> bool {
    static YEAR: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(?:^|[^\d])(1\d{3}|20\d{2})(?:$|[^\d's])").unwrap());
    static MONTH: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b").unwrap()
    });
    let lowered = text.to_lowercase();
    let value_year = value
        .get(0..4)
        .filter(|y| y.bytes().all(|c| c.is_ascii_digit()));
    let Some(value_year) = value_year else {
        return false;
    };
    if lowered.contains("fiscal") {
        return false;
    }
    let years: Vec<&str> = YEAR
        .captures_iter(&lowered)
        .filter_map(|c| c.get(1).map(|m| m.as_str()))
        .collect();
    if !years.is_empty() && !years.contains(&value_year) {
        return true;
    }
    let months: Vec<usize> = MONTH
        .captures_iter(&lowered)
        .filter_map(|c| c.get(1))
        .filter_map(|m| {
            [
                "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
            ]
            .iter()
            .position(|&n| n == m.as_str())
        })
        .collect();
    let value_month = value
        .get(5..7)
        .and_then(|m| m.parse::<usize>().ok())
        .filter(|_| value.as_bytes().get(4) == Some(&b'-'));
    match (months.as_slice(), value_month) {
        ([first, rest @ ..], Some(m)) if rest.iter().all(|r| r == first) => first + 1 != m,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chronicle_model::TimexType;

    fn tx(text: &str, find: &str, kind: TimexType, value: &str) -> Timex {
        let at = text.find(find).unwrap();
        Timex {
            span: Span::new(at, at + find.len()),
            kind,
            value: value.into(),
            modifier: None,
        }
    }

    #[test]
    fn forms_abstract_names_and_numbers() {
        assert_eq!(abstract_form("Sept. 27, 1989"), "MON D, Y");
        assert_eq!(abstract_form(" Friday  night."), "WD night");
        assert_eq!(abstract_form("a year ago"), "a year ago");
        assert_eq!(abstract_form("last Sept."), "last MON");
        assert_eq!(abstract_form("the 1980s"), "the 9s");
    }

    #[test]
    fn malformed_values() {
        assert!(is_malformed("2000-W7"));
        assert!(is_malformed("1998-13"));
        assert!(is_malformed("1999-02-30"));
        for ok in [
            "2000-W07",
            "1998-WXX",
            "1998-12",
            "2000-02-29",
            "P3Y",
            "PRESENT_REF",
            "199X",
        ] {
            assert!(!is_malformed(ok), "{ok}");
        }
    }

    #[test]
    fn values_against_their_own_text() {
        assert!(contradicts_text("1988", "1998"));
        assert!(contradicts_text("Sept. 27, 1989", "1989-11-27"));
        assert!(!contradicts_text("Sept. 27, 1989", "1989-09-27"));
        assert!(!contradicts_text("fiscal 1988", "1989"));
        assert!(!contradicts_text("the 1980s", "198X"));
        assert!(!contradicts_text("last year", "1988"));
        assert!(!contradicts_text("May 5", "2001-05-05"));
    }

    #[test]
    fn names_are_not_time_words() {
        let at = |text: &str, word: &str| {
            let start = text.find(word).unwrap();
            in_a_name(text, start, start + word.len())
        };
        assert!(at("This is VOA Today.", "Today"));
        assert!(at("said on ABC's \"This Week,\" that", "This Week"));
        assert!(at("the Communist Party daily Granma said", "daily"));
        assert!(at(
            "said on \"This Week With David Brinkley\" that",
            "This Week"
        ));
        assert!(!at("He is now the second.", "now"));
        assert!(!at("Sales rose. Now they fall.", "Now"));
        assert!(!at("\"Now we see that edge eroded.", "Now"));
        assert!(!at("Currently, Avon is based", "Currently"));
    }

    #[test]
    fn offsets_in_the_values_own_unit() {
        let dct = Date::new(1989, 10, 26).unwrap();
        assert_eq!(offset_shape("1989-W42", dct).as_deref(), Some("week-1"));
        assert_eq!(offset_shape("1988-Q3", dct).as_deref(), Some("quarter-5"));
        assert_eq!(offset_shape("1989-10-25", dct).as_deref(), Some("day-1"));
        assert_eq!(offset_shape("1988", dct).as_deref(), Some("year-1"));
        assert_eq!(offset_shape("1989-09", dct).as_deref(), Some("month-1"));
        assert_eq!(offset_shape("1989-WXX", dct), None);
    }

    #[test]
    fn sets_aside_minority_readings_and_uneven_tagging() {
        use TimexType::Date as D;
        let date = Some(Date::new(1989, 10, 26).unwrap());
        let a = Doc::new("a", date, "Sales rose last week. Now they fall. Now.");
        let b = Doc::new("b", date, "Sales fell last week, and now rise.");
        let c = Doc::new("c", date, "Prices fell last week in 1988.");
        let ga = vec![
            tx(&a.text, "last week", D, "1989-W42"),
            tx(&a.text, "Now", D, "PRESENT_REF"),
        ];
        let gb = vec![tx(&b.text, "last week", D, "1989-W42")];
        let gc = vec![
            tx(&c.text, "last week", D, "1989-WXX"),
            tx(&c.text, "1988", D, "1998"),
        ];
        let audit = GoldAudit::of(&[(&a, &ga), (&b, &gb), (&c, &gc)]);
        assert_eq!(audit.count(Finding::ContradictsText), 1);
        assert_eq!(
            audit.set_aside[2],
            vec![(0, Finding::MinorityReading), (1, Finding::ContradictsText)]
        );
        // "now" is tagged once and left twice: the tagged one goes.
        assert_eq!(
            audit.set_aside[0],
            vec![(1, Finding::TaggedAgainstMajority)]
        );
        assert_eq!(audit.untagged_count(), 0);
        let f = &audit.forms[0];
        assert_eq!((f.form.as_str(), f.minority()), ("last week", 1));
        // 5 gold: 1 missed, 2 wrong, 0 spurious → right 2 of 5 gold and 4 system.
        assert!((audit.ceiling() - 4.0 / 9.0).abs() < 1e-9);

        let sys = vec![
            tx(&c.text, "last week", D, "1989-W42"),
            tx(&c.text, "Prices", D, "X"),
        ];
        let (g, s) = audit.keep(2, &gc, &sys);
        assert!(g.is_empty());
        assert_eq!(
            s.len(),
            1,
            "the system timex over set-aside gold goes, the other stays"
        );
    }

    proptest::proptest! {
        /// The value and text readers take whatever a gold file holds.
        #[test]
        fn readers_never_panic(text in "\\PC{0,40}", value in "[0-9WQXTP:-]{0,14}|\\PC{0,14}") {
            let dct = Date::new(1999, 12, 31).unwrap();
            let _ = abstract_form(&text);
            let _ = is_malformed(&value);
            let _ = contradicts_text(&text, &value);
            let _ = offset_shape(&value, dct);
            let t = Timex { span: Span::new(0, 0), kind: TimexType::Date, value, modifier: None };
            let _ = reading(&abstract_form(&text), &t, Some(dct));
        }
    }
}
