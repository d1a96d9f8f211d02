//! The grammar: at each token, every rule family tries to read a temporal
//! expression and resolve it; the longest reading wins and scanning resumes
//! after it. Rules are small functions over word classes, so the whole pass
//! is linear in the number of tokens with a small constant.

use chronicle_model::{Date, Span, Timex, TimexMod, TimexType};

use crate::context::{cue_at, tense_at, Ctx, Tense};
use crate::lexicon::{Lex, Pod, Season, Unit, W};
use crate::stream::Tk;
use crate::value::{self, add_days, point_of, shift, valid_ymd, weekday, Point};

/// A resolved value: a calendar point (tracked as the narrative reference)
/// or a literal (durations, sets, `PRESENT_REF`, underspecified forms).
#[derive(Debug, Clone, PartialEq)]
pub enum Val {
    P(Point),
    S(String),
}

#[derive(Debug, Clone)]
pub struct Cand {
    pub end: usize,
    pub kind: TimexType,
    pub val: Val,
    pub modifier: Option<TimexMod>,
    /// A leading "the" belongs to the expression ("the third quarter"), not
    /// to a noun phrase the expression modifies ("the year-earlier results").
    pub takes_the: bool,
    /// The expression names its year (explicitly or as "last year"): later
    /// bare months and days of the narrative take that year.
    pub year_ref: bool,
    /// The value was computed from another quarter ("a year ago"), so it
    /// does not become the quarter under discussion.
    pub derived: bool,
    /// Leading tokens read for the value but left out of the extent: the
    /// "about" of "about five hours" (TBAQ keeps it outside, 5 to 1, while
    /// "nearly", "almost" and "at least" are inside most often).
    pub lead: usize,
}

fn cand(end: usize, kind: TimexType, val: Val) -> Option<Cand> {
    Some(Cand {
        end,
        kind,
        val,
        modifier: None,
        takes_the: true,
        year_ref: false,
        derived: false,
        lead: 0,
    })
}

fn year_ref(c: Option<Cand>) -> Option<Cand> {
    c.map(|mut c| {
        c.year_ref = true;
        c
    })
}

fn with_mod(mut c: Cand, m: Option<TimexMod>) -> Cand {
    if m.is_some() {
        c.modifier = m;
    }
    c
}

pub struct Parser<'a> {
    pub toks: &'a [Tk],
    pub text: &'a str,
    pub ctx: Ctx,
    /// Nesting of the recursive rules ("the end of the beginning of …"):
    /// bounded so that pathological input stays linear and off the stack.
    pub depth: std::cell::Cell<u8>,
}

/// How many tokens a named year carries over to a bare month in its sentence.
const NEAR_YEAR_REACH: usize = 12;

/// How deep phrases may nest; real expressions need three at most.
const MAX_DEPTH: u8 = 4;

/// How far back (in tokens) "compared with" governs a "last year": across
/// an amount ("compared with a loss of $3 million, or 5 cents a share").
const COMPARISON_REACH: usize = 14;

/// Underspecified value of a relative expression when there is no document date.
fn under(unit: Unit) -> String {
    match unit {
        Unit::Second | Unit::Minute | Unit::Hour | Unit::Day => "XXXX-XX-XX",
        Unit::Week => "XXXX-WXX",
        Unit::Weekend => "XXXX-WXX-WE",
        Unit::Month => "XXXX-XX",
        Unit::Quarter => "XXXX-QX",
        Unit::Year => "XXXX",
        Unit::Decade => "XXX",
        Unit::Century => "XX",
    }
    .to_string()
}

/// A duration value: `n` units (`None` = unknown, `X`), plus half a unit.
pub fn duration(n: Option<u32>, half: bool, unit: Unit) -> String {
    let Some(n) = n else {
        return match unit {
            Unit::Second => "PTXS",
            Unit::Minute => "PTXM",
            Unit::Hour => "PTXH",
            Unit::Day | Unit::Weekend => "PXD",
            Unit::Week => "PXW",
            Unit::Month => "PXM",
            Unit::Quarter => "PXQ",
            Unit::Year | Unit::Decade => "PXY",
            // TIMEX3 has a century unit; TBAQ writes "for centuries" PXC.
            Unit::Century => "PXC",
        }
        .to_string();
    };
    let n = n as u64;
    match (unit, half) {
        (Unit::Second, _) => format!("PT{n}S"),
        (Unit::Minute, false) => format!("PT{n}M"),
        (Unit::Minute, true) => format!("PT{n}M30S"),
        (Unit::Hour, false) => format!("PT{n}H"),
        (Unit::Hour, true) if n == 0 => "PT30M".to_string(),
        (Unit::Hour, true) => format!("PT{n}H30M"),
        (Unit::Day, false) => format!("P{n}D"),
        (Unit::Day, true) if n == 0 => "PT12H".to_string(),
        (Unit::Day, true) => format!("P{n}DT12H"),
        (Unit::Weekend, _) => format!("P{}D", 2 * n),
        (Unit::Week, false) => format!("P{n}W"),
        // Half a week is three and a half days ("three and a half weeks").
        (Unit::Week, true) => format!("P{}DT12H", 7 * n + 3),
        (Unit::Month, false) => format!("P{n}M"),
        (Unit::Month, true) if n == 0 => "P15D".to_string(),
        (Unit::Month, true) => format!("P{n}M15D"),
        (Unit::Quarter, _) => format!("P{n}Q"),
        (Unit::Year, false) => format!("P{n}Y"),
        (Unit::Year, true) if n == 0 => "P6M".to_string(),
        (Unit::Year, true) => format!("P{n}Y6M"),
        (Unit::Decade, false) => format!("P{}Y", 10 * n),
        (Unit::Decade, true) => format!("P{}Y", 10 * n + 5),
        (Unit::Century, false) => format!("P{}Y", 100 * n),
        // "half a century", "a century and a half"
        (Unit::Century, true) => format!("P{}Y", 100 * n + 50),
    }
}

fn set_value(unit: Unit) -> &'static str {
    match unit {
        Unit::Second => "PT1S",
        Unit::Minute => "PT1M",
        Unit::Hour => "PT1H",
        Unit::Day => "P1D",
        Unit::Weekend => "XXXX-WXX-WE",
        Unit::Week => "P1W",
        Unit::Month => "P1M",
        Unit::Quarter => "P1Q",
        Unit::Year => "P1Y",
        Unit::Decade => "P10Y",
        Unit::Century => "P100Y",
    }
}

/// A number phrase: value (None = unknown amount), half, end.
struct Num {
    n: Option<u32>,
    half: bool,
    end: usize,
    approx: bool,
}

impl<'a> Parser<'a> {
    #[inline]
    fn lex(&self, i: usize) -> Lex {
        self.toks.get(i).map_or(Lex::Other, |t| t.lex)
    }

    #[inline]
    fn is(&self, i: usize, w: W) -> bool {
        self.lex(i) == Lex::Word(w)
    }

    fn unit(&self, i: usize) -> Option<(Unit, bool)> {
        match self.lex(i) {
            Lex::Unit(u, p) => Some((u, p)),
            _ => None,
        }
    }

    fn word(&self, i: usize) -> &str {
        self.toks
            .get(i)
            .and_then(|t| self.text.get(t.span.range()))
            .unwrap_or("")
    }

    fn cap(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.cap)
    }

    /// Token `i` is capitalised after a capitalised word of the same
    /// sentence: part of a name ("USA Today", "60 Minutes" after "CBS").
    fn mid_name(&self, i: usize) -> bool {
        self.cap(i) && i > 0 && self.sent(i - 1) == self.sent(i) && {
            let prev = self.word(i - 1);
            prev.as_bytes()
                .first()
                .is_some_and(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
                && !matches!(self.lex(i - 1), Lex::Punct(_))
        }
    }

    /// The decade at `i` follows a possessive ("his 30s", "their early
    /// forties"): an age.
    fn age_decade(&self, i: usize) -> bool {
        let k = if i > 0 && matches!(self.lex(i - 1), Lex::Word(W::Early | W::Late | W::Mid)) {
            i - 1
        } else {
            i
        };
        k > 0
            && matches!(
                self.word(k - 1),
                "his" | "her" | "their" | "my" | "your" | "our" | "its"
            )
    }

    /// Token `i` is a word in capitals ("NOW" of text written all in capitals,
    /// where capitals say nothing about names).
    fn all_caps(&self, i: usize) -> bool {
        let w = self.word(i);
        w.len() > 1 && w.bytes().all(|b| b.is_ascii_uppercase())
    }

    /// Token `i` follows a name initial ("C." of "Donald C. Winter").
    fn after_initial(&self, i: usize) -> bool {
        let w = |k: usize| self.word(k).as_bytes();
        match i {
            0 => false,
            1 => false,
            _ if w(i - 1) == b"." => {
                matches!(w(i - 2), [b] if b.is_ascii_uppercase())
            }
            _ => matches!(w(i - 1), [b, b'.'] if b.is_ascii_uppercase()),
        }
    }

    /// Token `i` is a hyphen part glued to token `i - 1`.
    fn glued(&self, i: usize) -> bool {
        i > 0 && i < self.toks.len() && self.toks[i].outer == self.toks[i - 1].outer
    }

    /// The noun at `i` follows "in the" or "into the": the object of a
    /// time adjunct ("in the future is yet to be seen").
    fn time_object(&self, i: usize) -> bool {
        i >= 2
            && self.is(i - 1, W::The)
            && ["in", "into"]
                .iter()
                .any(|w| self.word(i - 2).eq_ignore_ascii_case(w))
    }

    fn tense(&self, i: usize) -> Tense {
        tense_at(self.text, self.toks, i)
    }

    fn sent(&self, i: usize) -> u32 {
        self.toks.get(i).map_or(0, |t| t.sent)
    }

    /// The reference for anaphoric expressions ("the following day").
    fn reference(&self) -> Option<Point> {
        self.ctx.last.map(|(p, _)| p)
    }

    /// The year the narrative named a few words earlier in this sentence,
    /// unless future wording sends a mention ahead of a past year ("joined
    /// in July 1997, will join on March 12").
    fn near_year(&self, i: usize) -> Option<i32> {
        let (y, s) = self.ctx.year?;
        if self.sent(i) != s || i.saturating_sub(self.ctx.year_tok) > NEAR_YEAR_REACH {
            return None;
        }
        if let Some(d) = self.ctx.dct {
            if y < d.year() as i32 && self.tense(i) == Tense::Future {
                return None;
            }
        }
        Some(y)
    }

    /// The quarter under discussion ("the quarter", "a year ago").
    fn ref_quarter(&self) -> Option<(i32, u8)> {
        self.ctx.quarters.current()
    }

    /// The quarter year-on-year comparisons ("a year ago") start from:
    /// none once a year-to-date period has been named since.
    fn cmp_quarter(&self) -> Option<(i32, u8)> {
        if self.ctx.ytd {
            return None;
        }
        match self.ctx.sent_quarter {
            Some((y, q, s)) if s == self.ctx.cur_sent => Some((y, q)),
            _ => self.ref_quarter(),
        }
    }

    // ---- entry point ----------------------------------------------------

    /// The longest timex starting at token `i`, with its first token
    /// (a leading "the" may be included).
    pub fn parse(&self, i: usize) -> Option<Cand> {
        match self.lex(i) {
            // "no" may open "no more than …"; other unclassified words open nothing.
            Lex::Other if self.word(i).eq_ignore_ascii_case("no") => return self.prefixed(i),
            // "as soon as possible": an unnamed time ahead.
            Lex::Other if self.is(i + 1, W::Soon) => {
                let asap = self.word(i).eq_ignore_ascii_case("as")
                    && self.word(i + 2) == "as"
                    && self.word(i + 3) == "possible";
                return asap
                    .then(|| cand(i + 4, TimexType::Date, Val::S("FUTURE_REF".into())))
                    .flatten();
            }
            // "Tue Mar 1, 2011": a wire dateline's abbreviated weekday opens
            // the date it precedes when that date falls on it (alone, "Sun"
            // and "Sat" are other words: "the Sun May 5 edition").
            Lex::Other if short_weekday(self.word(i)).is_some() => {
                let wd = short_weekday(self.word(i))?;
                let j = if matches!(self.lex(i + 1), Lex::Punct(b'.' | b',')) {
                    i + 2
                } else {
                    i + 1
                };
                let Lex::Month(m, amb) = self.lex(j) else {
                    return None;
                };
                return self
                    .month_phrase(j, m, amb)
                    .filter(|c| matches!(c.val, Val::P(Point::Day(d)) if weekday(d) == wd));
            }
            // "Q3", "Q1 2010", "H1 2010": the analysts' codes for quarters and halves.
            Lex::Other
                if matches!(
                    self.word(i).as_bytes(),
                    [b'Q', b'1'..=b'4'] | [b'H', b'1'..=b'2']
                ) =>
            {
                let b = self.word(i).as_bytes();
                let n = b[1] - b'0';
                if b[0] == b'Q' {
                    return self.quarter(i, n, i + 1);
                }
                let (y, end) = match self.year_at(i + 1) {
                    Some((y, e)) => (y, e),
                    None => (self.ctx.dct?.year() as i32, i + 1),
                };
                return cand(end, TimexType::Date, Val::P(Point::Half(y, n)));
            }
            // "19.30 BST", "11.30 am": a dotted clock before its zone or meridiem.
            Lex::Other if self.is(i + 1, W::Zone) || matches!(self.lex(i + 1), Lex::AmPm(_)) => {
                return self.clock(i)
            }
            Lex::Other | Lex::Punct(_) | Lex::Poss => return None,
            _ => {}
        }
        let mut best = self.prefixed(i);
        if self.is(i, W::The) {
            if let Some(c) = self.the_phrase(i + 1).filter(|c| c.takes_the) {
                best = longer(best, Some(c));
            }
        } else {
            best = longer(best, self.core(i));
        }
        best.map(|c| self.approximated(c))
    }

    /// Widens a reading over an approximating tail that belongs to it:
    /// "the next year or so", "a year or two", "weeks or months".
    fn approximated(&self, mut c: Cand) -> Cand {
        let e = c.end;
        if !(self.is(e, W::Or) || self.is(e, W::And)) || self.glued(e) {
            return c;
        }
        let or = self.is(e, W::Or);
        if or && self.is(e + 1, W::So) {
            c.end = e + 2;
            return c;
        }
        if c.kind != TimexType::Duration && !matches!(&c.val, Val::S(v) if v.ends_with("_REF")) {
            return c;
        }
        match (self.lex(e - 1), self.lex(e + 1)) {
            // "a year or two": the count alone, its unit shared.
            (Lex::Unit(_, false), Lex::Card(_) | Lex::Int(_, 1..=2))
                if or && !matches!(self.lex(e + 2), Lex::Unit(..)) && !self.glued(e + 2) =>
            {
                c.end = e + 2;
            }
            // "weeks or months", "recent weeks and months": bare plural units.
            (Lex::Unit(_, true), Lex::Unit(_, true)) if !self.glued(e + 2) => c.end = e + 2,
            _ => {}
        }
        c
    }

    /// Approximation and comparison prefixes: "about two years", "nearly a
    /// decade ago", "at least 30 days", "more than four hours".
    fn prefixed(&self, i: usize) -> Option<Cand> {
        if self.depth.get() >= MAX_DEPTH {
            return None;
        }
        self.depth.set(self.depth.get() + 1);
        let c = self.prefixed_inner(i);
        self.depth.set(self.depth.get() - 1);
        c
    }

    fn prefixed_inner(&self, i: usize) -> Option<Cand> {
        let no = self.word(i).eq_ignore_ascii_case("no") && self.is(i + 2, W::Than);
        let (m, j) = match self.lex(i) {
            // "no more than sixty days", "no less than a year"
            _ if no && self.is(i + 1, W::More) => (TimexMod::EqualOrLess, i + 3),
            _ if no && self.is(i + 1, W::Less) => (TimexMod::EqualOrMore, i + 3),
            Lex::Word(W::About | W::Around | W::Approximately) => (TimexMod::Approx, i + 1),
            Lex::Word(W::Nearly | W::Almost) => (TimexMod::LessThan, i + 1),
            Lex::Word(W::More | W::Over) if self.is(i + 1, W::Than) => (TimexMod::MoreThan, i + 2),
            Lex::Word(W::Less) if self.is(i + 1, W::Than) => (TimexMod::LessThan, i + 2),
            Lex::Word(W::At) if self.is(i + 1, W::Least) => (TimexMod::EqualOrMore, i + 2),
            Lex::Word(W::At) if self.is(i + 1, W::Most) => (TimexMod::EqualOrLess, i + 2),
            Lex::Word(W::Up) if self.is(i + 1, W::To) => (TimexMod::EqualOrLess, i + 2),
            _ => return None,
        };
        let inner = if self.is(j, W::The) {
            self.the_phrase(j + 1)
        } else {
            self.core(j)
        }?;
        // Only quantities take these prefixes: durations, "ago" dates, clock times.
        let quantity = matches!(inner.kind, TimexType::Duration | TimexType::Time)
            || matches!(self.lex(j), Lex::Int(..) | Lex::Card(_) | Lex::Word(W::A));
        let mut c = with_mod(inner, Some(m));
        // "about" stays outside an amount or a clock time ("at about 10:35
        // a.m.") but opens an "ago" date ("about two years ago").
        if self.is(i, W::About)
            && c.end > 0
            && !matches!(self.lex(c.end - 1), Lex::Word(W::Ago | W::Earlier))
        {
            c.lead = j - i;
        }
        quantity.then_some(c)
    }

    /// "in the morning" at `i` (the part of day) refers to the day the
    /// narrative is at: a day named in this sentence or the one before, and
    /// no "of" naming another ("the morning of May 3").
    fn pod_of_reference_day(&self, i: usize) -> bool {
        let Some((_, s)) = self.ctx.last else {
            return false;
        };
        i >= 2
            && ["in", "during"]
                .iter()
                .any(|w| self.word(i - 2).eq_ignore_ascii_case(w))
            && !self.is(i + 1, W::Of)
            // "three in the morning" is a clock time
            && !(i >= 3 && matches!(self.lex(i - 3), Lex::Int(..) | Lex::Card(_)))
            && self.ctx.cur_sent.saturating_sub(s) <= 1
    }

    /// Phrases that take their "the" into the extent; `i` is after "the".
    fn the_phrase(&self, i: usize) -> Option<Cand> {
        if self.depth.get() >= MAX_DEPTH {
            return None;
        }
        self.depth.set(self.depth.get() + 1);
        let c = self.the_phrase_inner(i);
        self.depth.set(self.depth.get() - 1);
        c
    }

    fn the_phrase_inner(&self, i: usize) -> Option<Cand> {
        let mut best = None;
        match self.lex(i) {
            // "in the morning" after a day was named: that day's morning.
            Lex::Pod(p) if self.pod_of_reference_day(i) => {
                if let Some((Point::Day(d) | Point::DayPart(d, _) | Point::Clock(d, _, _), _)) =
                    self.ctx.last
                {
                    best = cand(i + 1, TimexType::Time, Val::P(Point::DayPart(d, p)));
                }
            }
            // "tweeting the other day": an unnamed day a little before.
            Lex::Other
                if self.word(i).eq_ignore_ascii_case("other")
                    && self.unit(i + 1) == Some((Unit::Day, false))
                    && !self.is(i + 2, W::Of) =>
            {
                best = cand(i + 2, TimexType::Date, Val::S("PAST_REF".into()));
            }
            // "the end of 1990", "the beginning of October"
            Lex::Word(W::End | W::Beginning | W::Start | W::Middle) if self.is(i + 1, W::Of) => {
                let m = match self.lex(i) {
                    Lex::Word(W::End) => TimexMod::End,
                    Lex::Word(W::Middle) => TimexMod::Mid,
                    _ => TimexMod::Start,
                };
                let inner = if self.is(i + 2, W::The) {
                    match (self.unit(i + 3), self.ctx.dct) {
                        // "the end of the year": the current one
                        (
                            Some((
                                u @ (Unit::Year | Unit::Month | Unit::Week | Unit::Quarter),
                                false,
                            )),
                            Some(d),
                        ) => {
                            let base = match (u, self.ref_quarter()) {
                                (Unit::Quarter, Some((y, q))) => Point::Quarter(y, q),
                                _ => point_of(d, u),
                            };
                            cand(i + 4, TimexType::Date, Val::P(base))
                        }
                        _ => self.the_phrase(i + 3),
                    }
                } else {
                    self.core(i + 2)
                };
                if let Some(c) = inner {
                    if c.kind != TimexType::Duration {
                        best = Some(with_mod(c, Some(m)));
                    }
                }
            }
            // "the first half of the '80s": the decade, at its start or end.
            Lex::Ordinal(n @ 1..=2)
                if self.is(i + 1, W::Half) && self.half_decade(i + 2, n as u8).is_some() =>
            {
                best = self.half_decade(i + 2, n as u8);
            }
            // "the first half of 1990"
            Lex::Ordinal(n @ 1..=2) if self.is(i + 1, W::Half) => {
                let (y, end) = self.of_year(i + 2);
                let y = y.or_else(|| self.ctx.dct.map(|d| d.year() as i32));
                best = match y {
                    Some(y) => cand(end, TimexType::Date, Val::P(Point::Half(y, n as u8))),
                    None => cand(end, TimexType::Date, Val::S(format!("XXXX-H{n}"))),
                };
            }
            // "in the future" is a time. Elsewhere "the future of our
            // peoples" and "the future looks bleak" name a fate, and "the
            // future president" uses "future" as an adjective: TimeBank tags
            // neither, so "the future" counts when it is an adjunct's object
            // or stands alone.
            Lex::Word(W::Future)
                if self.time_object(i)
                    || !(self.is(i + 1, W::Of) || matches!(self.lex(i + 1), Lex::Other)) =>
            {
                best = cand(i + 1, TimexType::Date, Val::S("FUTURE_REF".into()))
            }
            // "the short term"; "the short-term symptoms" is an adjective
            // on its noun, no time.
            Lex::Word(W::Near | W::Short)
                if self.is(i + 1, W::Future)
                    || self.is(i + 1, W::Term)
                        && !(self.glued(i + 1) && matches!(self.lex(i + 2), Lex::Other)) =>
            {
                best = cand(i + 2, TimexType::Date, Val::S("FUTURE_REF".into()))
            }
            Lex::Word(W::Present) => {
                best = cand(i + 1, TimexType::Date, Val::S("PRESENT_REF".into()))
            }
            // "the full year"
            Lex::Word(W::Full) if self.unit(i + 1) == Some((Unit::Year, false)) => {
                if let Some(d) = self.ctx.dct {
                    best = cand(i + 2, TimexType::Date, Val::P(Point::Year(d.year() as i32)));
                }
            }
            // "the past" alone; "the past two months" is a relative phrase.
            Lex::Word(W::Past)
                if !matches!(
                    self.lex(i + 1),
                    Lex::Unit(..)
                        | Lex::Int(..)
                        | Lex::Card(_)
                        | Lex::Word(W::Few | W::Several | W::Couple)
                ) =>
            {
                best = cand(i + 1, TimexType::Date, Val::S("PAST_REF".into()));
            }
            Lex::Season(s) if !self.is(i + 1, W::Of) || self.year_at(i + 2).is_some() => {
                best = self.season_phrase(i, s, 0, false);
            }
            Lex::Unit(u, false) => best = self.the_unit(i, u),
            _ => {}
        }
        let core = match self.lex(i) {
            // Phrases headed by a unit, a count or a position take "the";
            // dates used as modifiers keep it outside ("the Aug. 7 bombings").
            Lex::Word(
                W::Past
                | W::Last
                | W::Next
                | W::Coming
                | W::Following
                | W::Previous
                | W::Latest
                | W::Current
                | W::Same
                | W::Early
                | W::Late
                | W::Mid
                | W::Fiscal
                | W::Few
                | W::Several
                | W::Couple
                | W::Comparable
                | W::Corresponding
                | W::Full,
            )
            | Lex::Ordinal(_)
            | Lex::Card(_)
            | Lex::Decade(_)
            | Lex::Season(_)
            | Lex::Unit(..)
            | Lex::Pod(_) => self.core(i).map(|mut c| {
                if self.modifies_noun(i, &c) {
                    c.takes_the = false;
                }
                c
            }),
            Lex::Int(_, 1..=3) => self.core(i).map(|mut c| {
                if self.modifies_noun(i, &c) {
                    c.takes_the = false;
                }
                c
            }),
            _ => None,
        };
        let best = longer(best, core);
        // "the first nine months", "the first two years"
        let best = match (self.lex(i), self.number(i + 1)) {
            // "the first two quarters [of 1990]" is the first half.
            (Lex::Ordinal(1), Some(num))
                if num.n == Some(2) && self.unit(num.end) == Some((Unit::Quarter, true)) =>
            {
                longer(best, self.first_half(num.end + 1))
            }
            (Lex::Ordinal(1) | Lex::Word(W::Last | W::Next | W::Past | W::Latest), Some(num)) => {
                match self.unit(num.end) {
                    Some((u, _)) => longer(
                        best,
                        cand(
                            num.end + 1,
                            TimexType::Duration,
                            Val::S(duration(num.n, num.half, u)),
                        ),
                    ),
                    None => best,
                }
            }
            _ => best,
        };
        // "the last half of 1989"
        let best = match (self.lex(i), self.lex(i + 1)) {
            (Lex::Word(W::Last), Lex::Word(W::Half)) if self.half_decade(i + 2, 2).is_some() => {
                longer(best, self.half_decade(i + 2, 2))
            }
            (Lex::Word(W::Last), Lex::Word(W::Half)) => {
                let (y, end) = self.of_year(i + 2);
                match y.or_else(|| self.ctx.dct.map(|d| d.year() as i32)) {
                    Some(y) => longer(best, cand(end, TimexType::Date, Val::P(Point::Half(y, 2)))),
                    None => best,
                }
            }
            _ => best,
        };
        // "the 1988 quarter", "the 1989 period"
        longer(best, self.year_period(i))
    }

    /// The expression read at `i` is a prenominal modifier, so a "the"
    /// before it belongs to the noun phrase it modifies: a `_REF` adjective
    /// ("the current weakness"), a hyphenated compound ("the 30-day rate",
    /// "the third-quarter GNP growth") or a count with a singular unit
    /// ("the two day rally").
    fn modifies_noun(&self, i: usize, c: &Cand) -> bool {
        if matches!(&c.val, Val::S(v) if v.ends_with("_REF")) {
            return true;
        }
        let noun_next = matches!(self.lex(c.end), Lex::Other)
            && self
                .word(c.end)
                .as_bytes()
                .first()
                .is_some_and(u8::is_ascii_alphabetic);
        if !noun_next || self.glued(c.end) || c.end < i + 2 {
            return false;
        }
        let compound = self.glued(c.end - 1);
        let singular_count = matches!(self.lex(c.end - 1), Lex::Unit(_, false))
            && matches!(self.number(c.end - 2), Some(n) if n.n.is_some_and(|n| n > 1));
        compound || singular_count
    }

    /// "the day", "the week", "the quarter", "the year", "the weekend".
    fn the_unit(&self, i: usize, u: Unit) -> Option<Cand> {
        let reference = self.reference();
        // "the week of March 6": the week that holds the date.
        if matches!(u, Unit::Week | Unit::Month) && self.is(i + 1, W::Of) {
            if let Some(c) = self.core(i + 2) {
                if let Val::P(Point::Day(d)) = c.val {
                    return cand(c.end, TimexType::Date, Val::P(point_of(d, u)));
                }
            }
        }
        match u {
            Unit::Quarter => {
                // "the quarter ended Sept. 30" with no quarter named yet
                // names its own: the calendar quarter that holds most of
                // the three months before that day. Once the text has named
                // its quarter ("the fiscal first quarter"), the date is an
                // apposition to that one.
                if self.ref_quarter().is_none() {
                    if let Some(p) = self.quarter_ended(i + 1) {
                        return cand(i + 1, TimexType::Date, Val::P(p));
                    }
                }
                let p = match self.ref_quarter() {
                    Some((y, q)) => Point::Quarter(y, q),
                    _ => {
                        let d = self.ctx.dct?;
                        shift(point_of(d, Unit::Quarter), Unit::Quarter, -1)?
                    }
                };
                // An anaphor: it names no quarter of its own.
                cand(i + 1, TimexType::Date, Val::P(p)).map(|mut c| {
                    c.derived = true;
                    c
                })
            }
            Unit::Year => {
                // "down from $450 million the year before.": the year
                // before the one the narrative is at.
                if let Some(step) = self.adverbial_step(i + 1) {
                    let y = match self.reference().and_then(inside) {
                        Some(d) => d.year() as i32,
                        None => self.ctx.dct?.year() as i32,
                    };
                    return cand(i + 1, TimexType::Date, Val::P(Point::Year(y + step)));
                }
                // "the year ended Sept. 30" is a span of time (a fiscal
                // year); "the year" alone is the current one.
                if matches!(
                    self.word(i + 1),
                    "ended" | "ending" | "ends" | "to" | "through" | "before" | "after"
                ) {
                    return cand(i + 1, TimexType::Duration, Val::S("P1Y".into()));
                }
                // "the year two thousand", "the year 2000"
                if let Some((y, end)) = self.year_at(i + 1) {
                    return cand(end, TimexType::Date, Val::P(Point::Year(y)));
                }
                let y = match self.ctx.year {
                    Some((y, s)) if self.sent(i) <= s + 1 => y,
                    _ => self.ctx.dct?.year() as i32,
                };
                cand(i + 1, TimexType::Date, Val::P(Point::Year(y)))
            }
            Unit::Weekend => {
                let d = self.ctx.dct?;
                let p = match self.tense(i) {
                    Tense::Past => {
                        let back = (weekday(d) as i64) % 7;
                        let sat = add_days(d, -(back + 1))?;
                        if weekday(d) >= 6 {
                            point_of(d, Unit::Weekend)
                        } else {
                            point_of(sat, Unit::Weekend)
                        }
                    }
                    Tense::Future => point_of(d, Unit::Weekend),
                };
                cand(i + 1, TimexType::Date, Val::P(p))
            }
            // "the day" alone is mostly "the day belonged to ...".
            Unit::Day if !matches!(self.lex(i + 1), Lex::Word(W::Before | W::After)) => None,
            // "the week before," "the month after.": a step from the
            // narrative's time, or unknown within a coarser one.
            Unit::Week | Unit::Month if self.adverbial_step(i + 1).is_some() => {
                let step = self.adverbial_step(i + 1)?;
                if let Some(v) = reference.and_then(|r| unknown_within(r, u)) {
                    return cand(i + 1, TimexType::Date, Val::S(v));
                }
                let d = reference.and_then(inside).or(self.ctx.dct)?;
                let p = shift(point_of(d, u), u, i64::from(step))?;
                cand(i + 1, TimexType::Date, Val::P(p))
            }
            Unit::Day | Unit::Week | Unit::Month => {
                let p = match reference {
                    Some(p) if p.is_day_or_finer() || u != Unit::Day => {
                        let d = match p {
                            Point::Day(d) | Point::DayPart(d, _) | Point::Clock(d, _, _) => d,
                            _ => self.ctx.dct?,
                        };
                        point_of(d, u)
                    }
                    _ => point_of(self.ctx.dct?, u),
                };
                // "the day after (his death)" is the day after the event the
                // narrative is at, "the day before Christmas" the one before
                // the named date; "Oct. 12, the day before the plunge" is
                // Oct. 12 itself.
                let step = match (u, self.lex(i + 1)) {
                    (Unit::Day, Lex::Word(W::After)) => 1,
                    (Unit::Day, Lex::Word(W::Before)) => -1,
                    _ => 0,
                };
                if step != 0 {
                    if let Some(c) = self.parse(i + 2) {
                        if let Val::P(Point::Day(d)) = c.val {
                            let p = shift(Point::Day(d), Unit::Day, step)?;
                            return cand(c.end, TimexType::Date, Val::P(p));
                        }
                    }
                }
                let apposition = i >= 2 && self.lex(i - 2) == Lex::Punct(b',');
                // "the day after" when the narrative is at a month or a
                // year: a day in it, which the text does not name.
                if step != 0 && !apposition && u == Unit::Day {
                    if let Some(v) = reference.and_then(|r| unknown_within(r, u)) {
                        return cand(i + 1, TimexType::Date, Val::S(v));
                    }
                }
                let p = if step != 0 && !apposition {
                    shift(p, Unit::Day, step)?
                } else {
                    p
                };
                cand(i + 1, TimexType::Date, Val::P(p))
            }
            _ => None,
        }
    }

    /// "before" or "after" at `j` used as an adverb, closing its clause
    /// ("the year before.", "the week after, he left"): -1 or 1.
    fn adverbial_step(&self, j: usize) -> Option<i32> {
        let step = match self.lex(j) {
            Lex::Word(W::Before) => -1,
            Lex::Word(W::After) => 1,
            _ => return None,
        };
        let closes = j + 1 >= self.toks.len()
            || self.sent(j + 1) != self.sent(j)
            || matches!(self.lex(j + 1), Lex::Punct(b',' | b'.' | b';'));
        closes.then_some(step)
    }

    /// The quarter closed by "ended Sept. 30" / "ending July 31" at `j`.
    fn quarter_ended(&self, j: usize) -> Option<Point> {
        let mid = add_days(self.day_ended(j)?, -45)?;
        Some(Point::Quarter(mid.year() as i32, value::quarter_of(mid)))
    }

    /// The day in "ended Sept. 30" / "ending July 31" at `j`.
    fn day_ended(&self, j: usize) -> Option<Date> {
        if !matches!(self.word(j), "ended" | "ending") {
            return None;
        }
        match self.core(j + 1)?.val {
            Val::P(Point::Day(d)) => Some(d),
            _ => None,
        }
    }

    /// "the 1988 quarter", "the 1988 third quarter", "the 1989 period".
    fn year_period(&self, i: usize) -> Option<Cand> {
        let Lex::Int(y, 4) = self.lex(i) else {
            return None;
        };
        let y = y as i32;
        match (self.lex(i + 1), self.lex(i + 2)) {
            (Lex::Ordinal(q @ 1..=4), Lex::Unit(Unit::Quarter, false)) => {
                cand(i + 3, TimexType::Date, Val::P(Point::Quarter(y, q as u8)))
            }
            (Lex::Unit(Unit::Quarter, false), _) | (Lex::Word(W::Period), _) => {
                let p = match self.cmp_quarter() {
                    Some((_, q)) => Point::Quarter(y, q),
                    _ => Point::Year(y),
                };
                // A comparison period; the quarter under discussion stays.
                cand(i + 2, TimexType::Date, Val::P(p)).map(|mut c| {
                    c.derived = true;
                    c
                })
            }
            _ => None,
        }
    }

    /// "of 1990" after a part of a year: (year, end).
    fn of_year(&self, i: usize) -> (Option<i32>, usize) {
        if self.is(i, W::Of) {
            if let Some((y, end)) = self.year_at(i + 1) {
                return (Some(y), end);
            }
            // "of next year", "of last year": the part belongs to that year,
            // not to the document's.
            if let (Some(off), Some(d)) = (self.rel_word(i + 1), self.ctx.dct) {
                if self.unit(i + 2) == Some((Unit::Year, false)) {
                    return (Some(d.year() as i32 + off), i + 3);
                }
            }
        }
        (None, i)
    }

    /// Everything that does not start with "the".
    fn core(&self, i: usize) -> Option<Cand> {
        let l = self.lex(i);
        let mut best = match l {
            Lex::IsoDate(y, m, d) => {
                let date = valid_ymd(y, m as u32, d as u32)?;
                cand(i + 1, TimexType::Date, Val::P(Point::Day(date)))
            }
            Lex::Month(m, amb) => self.month_phrase(i, m, amb),
            Lex::Weekday(wd, plural) => self.weekday_phrase(i, wd, plural),
            Lex::Int(..) | Lex::Ordinal(_) => {
                let mut b = self.day_month(i);
                b = longer(b, self.range_day(i));
                b = longer(b, self.year_phrase(i));
                b = longer(b, self.clock(i));
                b
            }
            Lex::Clock(..) => self.clock(i),
            Lex::Decade(_) => self.decade(i, None),
            Lex::Season(s) => self.season_phrase(i, s, 0, true),
            Lex::Word(w) => self.word_phrase(i, w),
            _ => None,
        };
        if matches!(
            l,
            Lex::Int(..)
                | Lex::Card(_)
                | Lex::Word(W::A | W::Few | W::Several | W::Couple | W::Some | W::Half)
        ) {
            best = longer(best, self.quantity(i));
        }
        if let Lex::Ordinal(n) = l {
            best = longer(best, self.ordinal_phrase(i, n));
        }
        // "for a while": a length of no stated unit, which TBAQ writes PXX.
        if l == Lex::Word(W::A)
            && self.is(i + 1, W::While)
            && i > 0
            && matches!(self.lex(i - 1), Lex::Word(W::For | W::In | W::After))
        {
            best = longer(best, cand(i + 2, TimexType::Duration, Val::S("PXX".into())));
        }
        if matches!(
            l,
            Lex::Unit(Unit::Year | Unit::Quarter, false)
                | Lex::Word(W::Comparable | W::Corresponding | W::Same | W::Period)
        ) {
            best = longer(best, self.year_ago(i));
        }
        // "at a later date", "an earlier date": a time left unnamed.
        if self.is(i, W::A) && self.word(i + 2).eq_ignore_ascii_case("date") {
            let r = match self.lex(i + 1) {
                Lex::Word(W::Later | W::Future) => Some("FUTURE_REF"),
                Lex::Word(W::Earlier) => Some("PAST_REF"),
                _ => None,
            };
            if let Some(r) = r {
                best = longer(best, cand(i + 3, TimexType::Date, Val::S(r.into())));
            }
        }
        // "day-long", "decades-long": a duration used as an adjective.
        if let Lex::Unit(u, plural) = l {
            if !self.glued(i)
                && self.glued(i + 1)
                && self.word(i + 1).eq_ignore_ascii_case("long")
                && !matches!(u, Unit::Weekend | Unit::Quarter)
            {
                let n = if plural { None } else { Some(1) };
                best = longer(
                    best,
                    cand(i + 2, TimexType::Duration, Val::S(duration(n, false, u))),
                );
            }
        }
        match l {
            // "just months ago": an unnamed time before now, like "some weeks ago".
            Lex::Unit(Unit::Day | Unit::Week | Unit::Month | Unit::Year | Unit::Decade, true)
                if self.is(i + 1, W::Ago) && !self.glued(i + 1) =>
            {
                best = longer(
                    best,
                    cand(i + 2, TimexType::Date, Val::S("PAST_REF".into())),
                );
            }
            // "for years", "in the weeks before": an unknown number of units
            Lex::Unit(u, true)
                if i > 0
                    && !matches!(u, Unit::Weekend | Unit::Quarter | Unit::Second)
                    && matches!(
                        self.lex(i - 1),
                        Lex::Word(
                            W::For | W::In | W::Over | W::Within | W::After | W::The | W::Through
                        )
                    ) =>
            {
                // "in the weeks before the shooting": not a length but the
                // stretch of time around an event, a DATE (TimeBank's
                // reading) in the month of a day named just before, if any.
                // A string value: it moves no reference.
                let around = self.is(i - 1, W::The)
                    && matches!(
                        self.lex(i + 1),
                        Lex::Word(W::Before | W::After | W::Following)
                    )
                    && matches!(u, Unit::Day | Unit::Week);
                let mut c = if around {
                    let month = match self.ctx.last {
                        Some((Point::Day(d) | Point::DayPart(d, _) | Point::Clock(d, _, _), s))
                            if self.sent(i).saturating_sub(s) <= 1 =>
                        {
                            point_of(d, Unit::Month).value()
                        }
                        _ => "XXXX-XX".into(),
                    };
                    cand(i + 1, TimexType::Date, Val::S(month))
                } else {
                    cand(i + 1, TimexType::Duration, Val::S(duration(None, false, u)))
                };
                if let Some(c) = c.as_mut() {
                    // "in the weeks before": the bare plural alone is the timex
                    c.takes_the = false;
                }
                best = longer(best, c);
            }
            // "year-end", "year end", "year's end"
            Lex::Unit(Unit::Year, false) => {
                let k = if self.lex(i + 1) == Lex::Poss {
                    i + 2
                } else {
                    i + 1
                };
                if self.is(k, W::End) {
                    if let Some(d) = self.ctx.dct {
                        // "since year-end" counts from the last one, which
                        // closed the previous year.
                        let since = i > 0 && self.word(i - 1).eq_ignore_ascii_case("since");
                        let y = d.year() as i32 - i32::from(since);
                        let c = cand(k + 1, TimexType::Date, Val::P(Point::Year(y)));
                        best = longer(best, c.map(|c| with_mod(c, Some(TimexMod::End))));
                    }
                }
            }
            // "nineteen ninety-six"
            Lex::Card(c @ (19 | 20)) => {
                if let Lex::Card(t @ 10..=99) = self.lex(i + 1) {
                    let (n, end) = match self.lex(i + 2) {
                        Lex::Card(u @ 1..=9) if t >= 20 && t % 10 == 0 => (t + u, i + 3),
                        _ => (t, i + 2),
                    };
                    let y = (c * 100 + n) as i32;
                    best = longer(
                        best,
                        year_ref(cand(end, TimexType::Date, Val::P(Point::Year(y)))),
                    );
                }
            }
            _ => {}
        }
        best
    }

    /// Year-on-year comparisons of earnings news: "year-earlier", "the
    /// year-ago quarter", "the year-earlier nine months", "the corresponding
    /// period last year", "the quarter a year ago".
    fn year_ago(&self, i: usize) -> Option<Cand> {
        let mut j = i;
        if matches!(
            self.lex(j),
            Lex::Word(W::Comparable | W::Corresponding | W::Same)
        ) {
            j += 1;
        }
        let base = || -> Option<Point> {
            match self.cmp_quarter() {
                Some((y, q)) => shift(Point::Quarter(y, q), Unit::Year, -1),
                None => Some(Point::Year(self.ctx.dct?.year() as i32 - 1)),
            }
        };
        let derived = |c: Option<Cand>| {
            c.map(|mut c| {
                c.derived = true;
                c
            })
        };
        if self.unit(j) == Some((Unit::Year, false))
            && self.glued(j + 1)
            && matches!(self.lex(j + 1), Lex::Word(W::Earlier | W::Ago))
        {
            let k = j + 2;
            if let Some(num) = self.number(k) {
                if let Some((u, true)) = self.unit(num.end) {
                    return cand(
                        num.end + 1,
                        TimexType::Duration,
                        Val::S(duration(num.n, num.half, u)),
                    );
                }
            }
            if let (Lex::Ordinal(q @ 1..=4), Some((Unit::Quarter, false))) =
                (self.lex(k), self.unit(k + 1))
            {
                let y = match self.ref_quarter() {
                    Some((y, _)) => y - 1,
                    None => self.ctx.dct?.year() as i32 - 1,
                };
                return derived(cand(
                    k + 2,
                    TimexType::Date,
                    Val::P(Point::Quarter(y, q as u8)),
                ));
            }
            let headed = matches!(
                self.lex(k),
                Lex::Unit(Unit::Quarter, false) | Lex::Word(W::Period)
            );
            let end = if headed { k + 1 } else { k };
            let mut c = derived(cand(end, TimexType::Date, Val::P(base()?)))?;
            c.takes_the = headed;
            return Some(if headed {
                self.quarter_apposition(c)
            } else {
                c
            });
        }
        // "the same period last year", "the quarter a year ago"
        if matches!(
            self.lex(j),
            Lex::Unit(Unit::Quarter, false) | Lex::Word(W::Period)
        ) {
            let k = j + 1;
            let end = if self.is(k, W::Last) && self.unit(k + 1) == Some((Unit::Year, false)) {
                k + 2
            } else if self.is(k, W::A)
                && self.unit(k + 1) == Some((Unit::Year, false))
                && matches!(self.lex(k + 2), Lex::Word(W::Ago | W::Earlier))
            {
                k + 3
            } else {
                return None;
            };
            return derived(cand(end, TimexType::Date, Val::P(base()?)));
        }
        None
    }

    /// "the comparable year-ago quarter, the second quarter ended Oct. 31":
    /// an appositive quarter names the one meant (fiscal quarters need not
    /// be the report's calendar quarter a year back).
    fn quarter_apposition(&self, c: Cand) -> Cand {
        if !matches!(c.val, Val::P(Point::Quarter(..))) || self.lex(c.end) != Lex::Punct(b',') {
            return c;
        }
        match self.parse(c.end + 1).map(|a| a.val) {
            Some(Val::P(q @ Point::Quarter(..))) => Cand {
                val: Val::P(q),
                ..c
            },
            _ => c,
        }
    }

    // ---- calendar dates ---------------------------------------------------

    fn day_num(&self, i: usize) -> Option<u32> {
        match self.lex(i) {
            Lex::Int(d, 1..=2) | Lex::Ordinal(d) if (1..=31).contains(&d) => Some(d),
            _ => None,
        }
    }

    fn year_num(&self, i: usize) -> Option<i32> {
        match self.lex(i) {
            Lex::Int(y, 4) if (1000..=2999).contains(&y) => Some(y as i32),
            _ => None,
        }
    }

    /// A year in digits or spelled out as speech transcripts write it
    /// ("nineteen ninety-four", "two thousand", "two thousand and one"):
    /// (year, end).
    fn year_at(&self, i: usize) -> Option<(i32, usize)> {
        if let Some(y) = self.year_num(i) {
            return Some((y, i + 1));
        }
        match (self.lex(i), self.lex(i + 1)) {
            // "nineteen ninety[-four]": a century count and a two-digit number.
            (Lex::Card(c @ 11..=20), Lex::Card(t @ 10..=99)) => {
                let mut y = t;
                let mut end = i + 2;
                if t >= 20 && t % 10 == 0 {
                    if let Lex::Card(u @ 1..=9) = self.lex(end) {
                        y += u;
                        end += 1;
                    }
                }
                Some(((c * 100 + y) as i32, end))
            }
            // "two thousand [and] [one]"
            (Lex::Card(2), Lex::Word(W::Thousand)) => {
                let k = if self.is(i + 2, W::And) { i + 3 } else { i + 2 };
                match self.lex(k) {
                    Lex::Card(u @ 1..=19) => Some((2000 + u as i32, k + 1)),
                    _ => Some((2000, i + 2)),
                }
            }
            _ => None,
        }
    }

    /// A year after a comma or directly: (year, end).
    fn trailing_year(&self, i: usize) -> Option<(i32, usize)> {
        if let Some(y) = self.year_at(i) {
            return Some(y);
        }
        if self.lex(i) == Lex::Punct(b',') {
            if let Some(y) = self.year_num(i + 1) {
                return Some((y, i + 2));
            }
        }
        None
    }

    /// "Aug. 7", "Aug. 7, 1998", "July 1997", "July last year", bare "July".
    fn month_phrase(&self, i: usize, m: u8, ambiguous: bool) -> Option<Cand> {
        // Month Day [, Year]
        if let Some(d) = self.day_num(i + 1) {
            // "May 7 of 1990" is a date, "March 3 of the 5" a count; an
            // unambiguous month makes "Dec. 7 of all the shares" a date too.
            if !self.is(i + 2, W::Of) || !ambiguous {
                let (year, end) = match self.trailing_year(i + 2) {
                    Some((y, e)) => (Some(y), e),
                    None => (None, i + 2),
                };
                if ambiguous && !self.cap(i) {
                    return None;
                }
                return self.emit_day(i, year, m, d, end);
            }
        }
        if ambiguous && !self.cap(i) {
            return None;
        }
        // Month [of] Year
        let (j, of) = if self.is(i + 1, W::Of) {
            (i + 2, true)
        } else {
            (i + 1, false)
        };
        if let Some((y, end)) = self.year_at(j) {
            return year_ref(cand(end, TimexType::Date, Val::P(Point::Month(y, m))));
        }
        // "died in June, 2009": the year after a comma, when it reads as one.
        if !of && self.lex(i + 1) == Lex::Punct(b',') {
            if let Some(y) = self
                .year_num(i + 2)
                .filter(|&y| self.plausible_year(i + 2, y))
            {
                return year_ref(cand(i + 3, TimexType::Date, Val::P(Point::Month(y, m))));
            }
        }
        // "June of that year", "June that same year": the year the narrative
        // is in (the last date named), not the document's.
        if matches!(self.lex(j), Lex::Word(W::That)) {
            let k = if self.is(j + 1, W::Same) {
                j + 2
            } else {
                j + 1
            };
            if self.unit(k) == Some((Unit::Year, false)) {
                if let Some(y) = self.reference().and_then(value::year_of) {
                    return cand(k + 1, TimexType::Date, Val::P(Point::Month(y, m)));
                }
            }
        }
        // "January this year", "July last year"
        if !of {
            if let Some(off) = self.rel_word(i + 1) {
                if self.unit(i + 2) == Some((Unit::Year, false)) {
                    let val = match self.ctx.dct {
                        Some(d) => Val::P(Point::Month(d.year() as i32 + off, m)),
                        None => Val::S(format!("XXXX-{m:02}")),
                    };
                    return cand(i + 3, TimexType::Date, val);
                }
            }
        }
        // After a capitalised name, a bare month is a surname or part of a
        // name ("spokeswoman Hannah August", "Black September").
        if i > 0
            && self.lex(i - 1) == Lex::Other
            && self.mid_name(i)
            && !(i >= 2 && self.sent(i - 2) != self.sent(i) || i == 1)
        {
            return None;
        }
        // Alone, "Mar" is a name ("Mar del Plata"), not a month, and an
        // abbreviation in capitals is an acronym ("the DEC has launched").
        let w = self.word(i);
        let acronym = w.len() == 3 && w.bytes().all(|b| b.is_ascii_uppercase());
        if ambiguous && (!self.month_context(i) || w.eq_ignore_ascii_case("mar") || acronym) {
            return None;
        }
        let val = self.bare_month(i, m);
        cand(i + 1, TimexType::Date, val)
    }

    /// "this" → 0, "last" → -1, "next" → 1.
    fn rel_word(&self, i: usize) -> Option<i32> {
        match self.lex(i) {
            Lex::Word(W::This | W::Current) => Some(0),
            Lex::Word(W::Last | W::Past | W::Previous) => Some(-1),
            Lex::Word(W::Next | W::Coming | W::Following) => Some(1),
            _ => None,
        }
    }

    /// "May" and "March" need a preposition or modifier to be months, or
    /// to close a range that opened on a month ("between March and May").
    fn month_context(&self, i: usize) -> bool {
        let range_end = i >= 2
            && matches!(self.lex(i - 1), Lex::Word(W::And | W::To | W::Or))
            && matches!(self.lex(i - 2), Lex::Month(..));
        // "the March accession": a month modifying a common noun.
        let modifier = i > 0
            && self.is(i - 1, W::The)
            && self.lex(i + 1) == Lex::Other
            && self
                .word(i + 1)
                .as_bytes()
                .first()
                .is_some_and(u8::is_ascii_lowercase);
        range_end
            || modifier
            || i > 0
                && matches!(
                    self.lex(i - 1),
                    Lex::Word(
                        W::In
                            | W::Of
                            | W::Early
                            | W::Late
                            | W::Mid
                            | W::Last
                            | W::Next
                            | W::This
                            | W::Since
                            | W::Until
                            | W::Before
                            | W::After
                            | W::From
                            | W::To
                            | W::By
                            | W::During
                            | W::Through
                            | W::Between
                    )
                )
    }

    fn bare_month(&self, i: usize, m: u8) -> Val {
        // "since March", "as of February" run up to the document date: the
        // latest such month, whatever year the sentence named for another
        // event ("since its launch in 2003 and as of February …"), unless a
        // past perfect keeps the clause in the past ("had risen since March").
        if let Some(y) = self
            .year_up_to_now(i, m, None)
            .or_else(|| self.near_year(i))
        {
            return Val::P(Point::Month(y, m));
        }
        let Some(d) = self.ctx.dct else {
            return Val::S(format!("XXXX-{m:02}"));
        };
        // "April crude futures", "futures for April", "the March contract":
        // a delivery month is the next one, whatever tense the market
        // report is in.
        if self.delivery_month(i) {
            let y = d.year() as i32 + i32::from(m < d.month() as u8);
            return Val::P(Point::Month(y, m));
        }
        Val::P(Point::Month(self.year_for(i, d, m, None), m))
    }

    /// The month at `i` names a delivery of futures: "futures", "contract"
    /// or "delivery" one or two words after it, or "futures for" before it.
    fn delivery_month(&self, i: usize) -> bool {
        let market = |k: usize| {
            self.sent(k) == self.sent(i)
                && ["futures", "contract", "contracts", "delivery"]
                    .iter()
                    .any(|w| self.word(k).eq_ignore_ascii_case(w))
        };
        let after = (i + 1..(i + 3).min(self.toks.len())).any(market);
        let before = i >= 2 && self.is(i - 1, W::For) && market(i - 2);
        after || before
    }

    /// The year of the latest month `m` (day `day`, if given) on or before
    /// the document date, when token `i` follows "since" or "as of" with no
    /// "had" earlier in its clause.
    fn year_up_to_now(&self, i: usize, m: u8, day: Option<u32>) -> Option<i32> {
        let opens = (i >= 1 && self.is(i - 1, W::Since))
            || (i >= 2 && self.is(i - 1, W::Of) && self.word(i - 2).eq_ignore_ascii_case("as"));
        let past_perfect = (i.saturating_sub(10)..i)
            .any(|k| self.sent(k) == self.sent(i) && self.word(k) == "had");
        let dct = self.ctx.dct.filter(|_| opens && !past_perfect)?;
        let later = match day {
            Some(d) => (m, d) > (dct.month() as u8, dct.day() as u32),
            None => m > dct.month() as u8,
        };
        Some(dct.year() as i32 - i32::from(later))
    }

    /// The year of a month (and day) written without one: the occurrence
    /// nearest the document date, the next one in future narration, the
    /// previous one when a past-tense verb is right next to it. A bare
    /// month (`day` None) counts from its middle.
    fn year_for(&self, i: usize, dct: Date, m: u8, day: Option<u32>) -> i32 {
        let y = dct.year() as i32;
        let (exact, day) = (day.is_some(), day.unwrap_or(15));
        // Days (roughly) from the document date to the mention in the same year.
        let ahead = (m as i32 - dct.month() as i32) * 31 + (day as i32 - dct.day() as i32);
        // The next occurrence, on or after the document date.
        let (next_y, next_gap) = if ahead >= 0 {
            (y, ahead)
        } else {
            (y + 1, ahead + 372)
        };
        let prev_y = if ahead <= 0 { y } else { y - 1 };
        match cue_at(self.text, self.toks, i) {
            // Dates most of a year ahead are rarely named without the year.
            Some((Tense::Future, _)) if next_gap <= 300 => next_y,
            // A past cue counts within ten tokens on the left, or anywhere
            // on the right (odd half-token distances are right-hand cues).
            Some((Tense::Past, dist)) if (dist <= 20 || dist % 2 == 1) && next_gap > 45 => prev_y,
            // A past verb right before the day ("the quarter ended Oct. 31",
            // "resigned on Nov. 3") dates something already over, however
            // close ahead of the document date the day falls this year.
            Some((Tense::Past, dist))
                if exact && next_gap > 0 && self.verb_just_before(i, dist) =>
            {
                prev_y
            }
            // News looks back, except to dates coming up within a season.
            _ if next_gap <= 92 => next_y,
            _ => prev_y,
        }
    }

    /// The tense cue `dist` half-tokens left of `i` is a full verb next to
    /// the mention, or separated by "on" only. A deadline ("extended to
    /// Nov. 20") keeps its day ahead; a copula ("the deadline was Nov. 3")
    /// or a reporting verb ("said Nov. 3 would be the date") may introduce
    /// a day still to come.
    fn verb_just_before(&self, i: usize, dist: usize) -> bool {
        let j = match dist {
            2 => i.checked_sub(1),
            4 if i >= 1 && self.word(i - 1).eq_ignore_ascii_case("on") => i.checked_sub(2),
            _ => None,
        };
        j.is_some_and(|j| {
            let w = self.word(j);
            ![
                "was",
                "were",
                "been",
                "had",
                "did",
                "said",
                "told",
                "announced",
            ]
            .iter()
            .any(|a| w.eq_ignore_ascii_case(a))
        })
    }

    fn emit_day(&self, i: usize, year: Option<i32>, m: u8, d: u32, end: usize) -> Option<Cand> {
        let y = match year {
            Some(y) => y,
            // "since Jan. 13", "as of Sept. 30": the latest such day.
            None => match self
                .year_up_to_now(i, m, Some(d))
                .or_else(|| self.near_year(i))
            {
                Some(y) => y,
                None => match self.ctx.dct {
                    Some(dct) => self.year_for(i, dct, m, Some(d)),
                    None => {
                        // Impossible dates never become values, even underspecified.
                        valid_ymd(2000, m as u32, d)?;
                        return cand(end, TimexType::Date, Val::S(format!("XXXX-{m:02}-{d:02}")));
                    }
                },
            },
        };
        let date = valid_ymd(y, m as u32, d)?;
        let c = cand(end, TimexType::Date, Val::P(Point::Day(date)));
        if year.is_some() {
            year_ref(c)
        } else {
            c
        }
    }

    /// The second day of "April 24 and 25" / "May 3 to 5": it takes the
    /// month (and year) of the day just read.
    fn range_day(&self, i: usize) -> Option<Cand> {
        let d = self.day_num(i)?;
        if i < 3
            || !matches!(
                self.lex(i - 1),
                Lex::Word(W::And | W::To | W::Or | W::Through)
            )
        {
            return None;
        }
        self.day_num(i - 2)?;
        let Lex::Month(m, _) = self.lex(i - 3) else {
            return None;
        };
        // "May 3 and 5 others", "March 2 to 3 percent": a count, not a day.
        let count_follows = i + 1 < self.toks.len()
            && !matches!(
                self.lex(i + 1),
                Lex::Punct(_) | Lex::Word(_) | Lex::Month(..)
            );
        if count_follows || self.unit(i + 1).is_some() {
            return None;
        }
        let year = match (self.trailing_year(i + 1), self.reference()) {
            (Some((y, e)), _) => Some((y, e)),
            (None, Some(Point::Day(first))) if first.month() as u8 == m => {
                Some((first.year() as i32, i + 1))
            }
            _ => None,
        };
        match year {
            Some((y, end)) => self.emit_day(i, Some(y), m, d, end),
            None => self.emit_day(i, None, m, d, i + 1),
        }
    }

    /// "7 August 2017", "the 7th of August".
    fn day_month(&self, i: usize) -> Option<Cand> {
        let d = self.day_num(i)?;
        let j = if self.is(i + 1, W::Of) { i + 2 } else { i + 1 };
        let Lex::Month(m, amb) = self.lex(j) else {
            return None;
        };
        if amb && !self.cap(j) {
            return None;
        }
        let (year, end) = match self.trailing_year(j + 1) {
            Some((y, e)) => (Some(y), e),
            None => (None, j + 1),
        };
        self.emit_day(i, year, m, d, end)
    }

    /// "Friday", "Friday morning", "Friday, Oct. 23", "Fridays".
    fn weekday_phrase(&self, i: usize, wd: u8, plural: bool) -> Option<Cand> {
        // Newspapers and shows: "the Sunday Times reported", "The Mail on
        // Sunday", "Sunday Programme".
        let paper = |k: usize| {
            self.cap(k)
                && matches!(
                    self.word(k),
                    "Times"
                        | "Telegraph"
                        | "Mirror"
                        | "Express"
                        | "Independent"
                        | "Herald"
                        | "Post"
                        | "Mail"
                        | "Tribune"
                        | "Business"
                        | "Sport"
                        | "People"
                        | "Star"
                        | "Standard"
                        | "Journal"
                        | "Programme"
                        | "Live"
                )
        };
        let on_sunday = wd == 7
            && i >= 2
            && self.word(i - 1) == "on"
            && matches!(self.word(i - 2), "Mail" | "Independent");
        if paper(i + 1) || on_sunday {
            return None;
        }
        // "Tuesday nights" recurs like "Tuesdays", and so does the first
        // day of "Monday and Tuesday nights" (the plural distributes).
        let plural_pod =
            |k: usize| matches!(self.lex(k), Lex::Pod(_)) && self.word(k).ends_with('s');
        let shared = self.is(i + 1, W::And)
            && matches!(self.lex(i + 2), Lex::Weekday(..))
            && plural_pod(i + 3);
        let plural = plural || plural_pod(i + 1) || shared;
        if plural {
            let (pod, end) = match (self.lex(i + 1), self.lex(i + 3)) {
                (Lex::Pod(p), _) => (Some(p), i + 2),
                (_, Lex::Pod(p)) if shared => (Some(p), i + 1),
                _ => (None, i + 1),
            };
            let v = match pod {
                Some(p) => format!("XXXX-WXX-{wd}T{}", p.code()),
                None => format!("XXXX-WXX-{wd}"),
            };
            return cand(end, TimexType::Set, Val::S(v));
        }
        // Weekday, Month Day [, Year]
        let j = if self.lex(i + 1) == Lex::Punct(b',') {
            i + 2
        } else {
            i + 1
        };
        if let Lex::Month(m, _) = self.lex(j) {
            if let Some(mut c) = self.month_phrase(j, m, false) {
                if let Val::P(Point::Day(d)) = c.val {
                    // The weekday picks the year when none is written.
                    if weekday(d) != wd && !c.year_ref {
                        let (mo, da) = (d.month() as u32, d.day() as u32);
                        let y = d.year() as i32;
                        if let Some(fit) = [y - 1, y + 1]
                            .into_iter()
                            .filter_map(|y| valid_ymd(y, mo, da))
                            .find(|x| weekday(*x) == wd)
                        {
                            c.val = Val::P(Point::Day(fit));
                        }
                    }
                    return Some(c);
                }
            }
        }
        if let Some(c) = self.day_month(j) {
            return Some(c);
        }
        // "Wednesday's ruling" names its day inside a noun phrase: the
        // clause's tense ("would look for ways around …") does not date it.
        // News reports such a day's event once it has happened.
        // Unless the noun phrase says it is still to come ("Friday's planned
        // protests", "Sunday's scheduled vote").
        let tense = (self.lex(i + 1) == Lex::Poss).then(|| {
            let plan = ["planned", "scheduled", "upcoming", "expected", "proposed"]
                .iter()
                .any(|w| self.word(i + 2).eq_ignore_ascii_case(w));
            if plan {
                Tense::Future
            } else {
                Tense::Past
            }
        });
        let val = match self.ctx.dct {
            Some(d) => Val::P(Point::Day(self.weekday_date(
                i,
                d,
                wd,
                tense.unwrap_or_else(|| self.tense(i)),
            )?)),
            None => Val::S(format!("XXXX-WXX-{wd}")),
        };
        let mut c = self.day_part_after(i + 1, val, TimexType::Date)?;
        // "Friday night" is annotated as a date in TimeBank practice.
        c.kind = TimexType::Date;
        Some(c)
    }

    /// The date of a bare weekday: the latest one on or before the document
    /// date in past narration, the next one on or after it in future.
    fn weekday_date(&self, _i: usize, d: Date, wd: u8, tense: Tense) -> Option<Date> {
        let cur = weekday(d) as i64;
        let wd = wd as i64;
        match tense {
            Tense::Past => add_days(d, -((cur - wd).rem_euclid(7))),
            Tense::Future => add_days(d, (wd - cur).rem_euclid(7)),
        }
    }

    /// A day value optionally followed by a part of the day ("morning").
    fn day_part_after(&self, j: usize, val: Val, kind: TimexType) -> Option<Cand> {
        if let Lex::Pod(p) = self.lex(j) {
            let v = match val {
                Val::P(Point::Day(d)) => Val::P(Point::DayPart(d, p)),
                Val::S(s) => Val::S(format!("{s}T{}", p.code())),
                v => v,
            };
            return cand(j + 1, TimexType::Time, v);
        }
        cand(j, kind, val)
    }

    /// A four-digit year and what can follow it.
    fn year_phrase(&self, i: usize) -> Option<Cand> {
        let y = self.year_num(i)?;
        if !self.plausible_year(i, y) {
            return None;
        }
        // "1990 and beyond", "1994 or later"
        if (self.is(i + 1, W::And) && self.is(i + 2, W::Beyond))
            || (self.is(i + 1, W::Or) && self.is(i + 2, W::Later))
        {
            let c = cand(i + 3, TimexType::Date, Val::P(Point::Year(y)))?;
            return Some(with_mod(c, Some(TimexMod::OnOrAfter)));
        }
        // "1989's third quarter"
        if self.lex(i + 1) == Lex::Poss {
            if let Some(c) = self.quarter_of_year(i + 2, y) {
                return Some(c);
            }
        }
        year_ref(cand(i + 1, TimexType::Date, Val::P(Point::Year(y))))
    }

    /// Four digits are a year unless the context says amount ("$1990",
    /// "1990 people", "about 2000").
    fn plausible_year(&self, i: usize, y: i32) -> bool {
        if !(1000..=2100).contains(&y) {
            return false;
        }
        // "post-1959 politics", "pre-1990 rules": a prefix makes a year an
        // era, whatever noun follows.
        if self.glued(i) && {
            let k = if matches!(self.lex(i - 1), Lex::Punct(b'-')) && self.glued(i - 1) {
                i - 2
            } else {
                i - 1
            };
            ["pre", "post"]
                .iter()
                .any(|w| self.word(k).eq_ignore_ascii_case(w))
        } {
            return true;
        }
        if i > 0 {
            match self.lex(i - 1) {
                Lex::Punct(b'$' | b'#') => return false,
                Lex::Word(
                    W::About
                    | W::Around
                    | W::Nearly
                    | W::Almost
                    | W::Some
                    | W::Than
                    | W::Approximately,
                ) => return false,
                _ => {}
            }
            let prev = self.word(i - 1);
            if matches!(
                prev,
                "No." | "no." | "Nos." | "Flight" | "flight" | "Room" | "room"
            ) {
                return false;
            }
            // "Resolution 1973", "UNSCR 1973", "Route 1776": a number naming
            // a document or a road.
            if [
                "resolution",
                "resolutions",
                "unscr",
                "route",
                "highway",
                "interstate",
            ]
            .iter()
            .any(|w| prev.eq_ignore_ascii_case(w))
            {
                return false;
            }
        }
        if self.hhmm_clock(i, y) {
            return false;
        }
        match self.lex(i + 1) {
            Lex::Punct(b'%') => false,
            Lex::Unit(..) => false,
            // "(1410 GMT)": a clock time, never a year ("1982 ET" may be the film).
            Lex::Word(W::Zone) if self.word(i + 1).len() >= 3 => false,
            Lex::Other => {
                let next = self.word(i + 1);
                let b = next.as_bytes();
                // A plural noun after the number reads as a count.
                (b.len() <= 3
                    || !b[0].is_ascii_lowercase()
                    || b[b.len() - 1] != b's'
                    || next.ends_with("ss"))
                    && !matches!(
                        next,
                        "percent" | "million" | "billion" | "people" | "feet" | "metres" | "meters"
                    )
            }
            _ => true,
        }
    }

    /// Four digits that read as a 24-hour clock where the context says so:
    /// "hit at 1653 (2153 GMT)" glosses a local time with the zone's, and a
    /// live page opens each entry with its time ("1450: Police say ...").
    fn hhmm_clock(&self, i: usize, y: i32) -> bool {
        let is_hhmm = |v: i32| (0..=23).contains(&(v / 100)) && v % 100 <= 59;
        if !is_hhmm(y) {
            return false;
        }
        if self.lex(i + 1) == Lex::Punct(b'(') {
            return matches!(self.lex(i + 2), Lex::Int(v, 4) if is_hhmm(v as i32))
                && self.is(i + 3, W::Zone);
        }
        if self.lex(i + 1) != Lex::Punct(b':') || !self.line_start(i) {
            return false;
        }
        // A timeline's "2008: Obama elected" names a year near the
        // document's; a live page's entry time rarely falls in that band.
        match self.ctx.dct {
            Some(d) => (y - d.year() as i32).abs() > 25,
            None => true,
        }
    }

    /// The token at `i` opens a line: only blanks lie between it and the
    /// previous line break (or the start of the text).
    fn line_start(&self, i: usize) -> bool {
        let Some(t) = self.toks.get(i) else {
            return false;
        };
        let before = self.text.get(..t.span.start as usize).unwrap_or("");
        let rest = before.trim_end_matches([' ', '\t']);
        rest.is_empty() || rest.ends_with(['\n', '\r'])
    }

    fn decade(&self, i: usize, m: Option<TimexMod>) -> Option<Cand> {
        let Lex::Decade(d) = self.lex(i) else {
            return None;
        };
        // "in his 30s", "their early forties": an age, not a decade; so is
        // the second of a pair ("in their early 20s and 30s").
        let pair = d < 100
            && i >= 2
            && matches!(self.lex(i - 1), Lex::Word(W::And | W::Or | W::To))
            && matches!(self.lex(i - 2), Lex::Decade(e) if e < 100)
            && self.age_decade(i - 2);
        if self.age_decade(i) || pair {
            return None;
        }
        let p = if d >= 100 {
            Point::Decade(d / 10)
        } else {
            let century = match self.ctx.dct {
                Some(dct) => {
                    let y = dct.year() as i32;
                    if d > y % 100 {
                        y / 100 - 1
                    } else {
                        y / 100
                    }
                }
                None => 19,
            };
            if century < 0 {
                return None;
            }
            Point::Decade(century * 10 + d / 10)
        };
        let c = cand(i + 1, TimexType::Date, Val::P(p))?;
        Some(with_mod(c, m))
    }

    /// "of the '80s" at `j` after "first/second/last half": the decade
    /// itself (TIMEX3 has no half-decade), marked START or END.
    fn half_decade(&self, j: usize, n: u8) -> Option<Cand> {
        if !self.is(j, W::Of) {
            return None;
        }
        let k = if self.is(j + 1, W::The) { j + 2 } else { j + 1 };
        let m = if n == 1 {
            TimexMod::Start
        } else {
            TimexMod::End
        };
        self.decade(k, Some(m))
    }

    /// The first half of the year named by "of 1990" at `i`, else of the
    /// document's year.
    fn first_half(&self, i: usize) -> Option<Cand> {
        let (y, end) = self.of_year(i);
        match y.or_else(|| self.ctx.dct.map(|d| d.year() as i32)) {
            Some(y) => cand(end, TimexType::Date, Val::P(Point::Half(y, 1))),
            None => cand(end, TimexType::Date, Val::S("XXXX-H1".into())),
        }
    }

    /// "the 20th century", "third quarter", "third-quarter", "first half",
    /// "first two quarters".
    fn ordinal_phrase(&self, i: usize, n: u32) -> Option<Cand> {
        if n == 1 {
            if let Some(num) = self.number(i + 1) {
                if num.n == Some(2) && self.unit(num.end) == Some((Unit::Quarter, true)) {
                    return self.first_half(num.end + 1);
                }
            }
        }
        match self.lex(i + 1) {
            Lex::Unit(Unit::Century, false) if (1..=99).contains(&n) => {
                cand(i + 2, TimexType::Date, Val::P(Point::Century(n as i32 - 1)))
            }
            Lex::Unit(Unit::Quarter, _) if (1..=4).contains(&n) => self.quarter(i, n as u8, i + 2),
            // "today is the eighth day of Desert Shield", "on his first day
            // in office": a day counted from an event. Stated in the present
            // ("it's the second day of …") it is the document date; otherwise
            // the event's date is unknown here.
            Lex::Unit(Unit::Day, false) if (1..=366).contains(&n) && !self.glued(i + 2) => {
                let present = (1..=3).any(|k| {
                    i >= k
                        && ["is", "'s", "’s", "It's", "it's"]
                            .iter()
                            .any(|w| self.word(i - k) == *w)
                });
                let val = match self.ctx.dct {
                    Some(d) if present => Val::P(Point::Day(d)),
                    _ => Val::S("XXXX-XX-XX".into()),
                };
                cand(i + 2, TimexType::Date, val)
            }
            Lex::Word(W::Half) if (1..=2).contains(&n) => {
                let (y, end) = self.of_year(i + 2);
                let y = y.or_else(|| self.ctx.dct.map(|d| d.year() as i32))?;
                cand(end, TimexType::Date, Val::P(Point::Half(y, n as u8)))
            }
            _ => None,
        }
    }

    /// A quarter: explicit year ("of 1990"), else the reference's or the
    /// document's (last year's when it has not begun yet).
    fn quarter(&self, i: usize, q: u8, after: usize) -> Option<Cand> {
        let (y, end) = self.of_year(after);
        let (y, end) = match (y, self.trailing_year(after)) {
            (Some(y), _) => (y, end),
            (None, Some((y, e))) if self.lex(after) != Lex::Punct(b',') => (y, e),
            _ => {
                // "the second quarter ended Oct. 31" is in the year of the
                // day that closes it (a fiscal quarter keeps its number).
                // Only a year named in the same sentence: quarters are
                // otherwise the reporting quarters of the document's year.
                let y = match (self.day_ended(after), self.ctx.year) {
                    (Some(d), _) => Some(d.year() as i32),
                    (None, Some((y, s))) if s == self.sent(i) => Some(y),
                    _ => None,
                };
                let y = match (y, self.ctx.dct) {
                    (Some(y), _) => y,
                    (None, Some(d)) => {
                        let cur = value::quarter_of(d);
                        if q > cur && self.tense(i) == Tense::Past {
                            d.year() as i32 - 1
                        } else {
                            d.year() as i32
                        }
                    }
                    (None, None) => {
                        return cand(end, TimexType::Date, Val::S(format!("XXXX-Q{q}")))
                    }
                };
                (y, end)
            }
        };
        cand(end, TimexType::Date, Val::P(Point::Quarter(y, q)))
    }

    fn quarter_of_year(&self, i: usize, y: i32) -> Option<Cand> {
        let j = if self.is(i, W::Fiscal) { i + 1 } else { i };
        match (self.lex(j), self.lex(j + 1)) {
            (Lex::Ordinal(q @ 1..=4), Lex::Unit(Unit::Quarter, false)) => {
                cand(j + 2, TimexType::Date, Val::P(Point::Quarter(y, q as u8)))
            }
            (Lex::Unit(Unit::Quarter, false), _) => {
                let (_, q) = self.ref_quarter()?;
                cand(j + 1, TimexType::Date, Val::P(Point::Quarter(y, q)))
            }
            _ => None,
        }
    }

    /// "summer", "summer 2015", "summer of 2015", with a year offset from "last"/"next".
    fn season_phrase(&self, i: usize, s: Season, offset: i32, bare: bool) -> Option<Cand> {
        self.season_phrase_at(i, s, offset, bare, self.ctx.dct)
    }

    /// A season counted from `anchor` (the document date, or the time the
    /// narrative is at for "the following spring").
    fn season_phrase_at(
        &self,
        i: usize,
        s: Season,
        offset: i32,
        bare: bool,
        anchor: Option<Date>,
    ) -> Option<Cand> {
        // A capitalised season inside a name is a surname or a title
        // ("Donald C. Winter", "Gary Summer"), not a time.
        let opener = i == 1 || i >= 2 && self.sent(i - 2) != self.sent(i);
        if bare && (self.mid_name(i) && !opener || self.cap(i) && self.after_initial(i)) {
            return None;
        }
        // "spring" and "fall" alone are too often verbs or nouns.
        if bare && matches!(s, Season::Spring | Season::Fall) {
            let prev_ok =
                i > 0 && matches!(self.lex(i - 1), Lex::Word(W::Early | W::Late | W::Mid));
            let next_year = self.year_at(i + 1).is_some()
                || (self.is(i + 1, W::Of) && self.year_at(i + 2).is_some());
            if !prev_ok && !next_year {
                return None;
            }
        }
        let j = if self.is(i + 1, W::Of) { i + 2 } else { i + 1 };
        if let Some((y, end)) = self.year_at(j) {
            return cand(end, TimexType::Date, Val::P(Point::Season(y, s)));
        }
        let val = match anchor {
            Some(d) => {
                let (cy, cs) = season_of(d);
                let si = s as i32;
                let ci = cs as i32;
                let y = match offset {
                    -1 => {
                        if si < ci {
                            cy
                        } else {
                            cy - 1
                        }
                    }
                    1 => {
                        if si > ci {
                            cy
                        } else {
                            cy + 1
                        }
                    }
                    _ => match self.near_year(i) {
                        Some(y) if bare => y,
                        // In the three weeks before a solstice or equinox the
                        // season that is ending is still the current one: on
                        // June 19 "late spring" is this spring, whatever the
                        // tense. Only "late"/"mid": a bare "summer" said in
                        // September ("will return in summer") is the next one.
                        _ if bare
                            && i > 0
                            && matches!(self.lex(i - 1), Lex::Word(W::Late | W::Mid))
                            && d.day() < 21
                            && d.month() % 3 == 0
                            && add_days(d, -25)
                                .map(season_of)
                                .is_some_and(|(_, ps)| ps == s) =>
                        {
                            add_days(d, -25).map_or(cy, |p| season_of(p).0)
                        }
                        _ => {
                            if bare && self.tense(i) == Tense::Past && si > ci {
                                cy - 1
                            } else if bare && self.tense(i) == Tense::Future && si < ci {
                                cy + 1
                            } else {
                                cy
                            }
                        }
                    },
                };
                Val::P(Point::Season(y, s))
            }
            None => Val::S(format!("XXXX-{}", s.code())),
        };
        cand(i + 1, TimexType::Date, val)
    }

    // ---- words ------------------------------------------------------------

    fn word_phrase(&self, i: usize, w: W) -> Option<Cand> {
        let lit = |end: usize, v: &str| cand(end, TimexType::Date, Val::S(v.to_string()));
        match w {
            // "Hope for Haiti Now": the last word of a title.
            W::Now if self.mid_name(i) && !self.all_caps(i) && self.lex(i - 1) == Lex::Other => {
                None
            }
            W::Now => {
                // "now that ..." still says "at present" (TimeBank tags it).
                // "Now, he says, ...": a discourse marker opening a sentence.
                let opens = i == 0
                    || self.sent(i - 1) != self.sent(i)
                    || matches!(self.lex(i - 1), Lex::Punct(b'"'));
                if opens && self.lex(i + 1) == Lex::Punct(b',') {
                    return None;
                }
                lit(i + 1, "PRESENT_REF")
            }
            W::Currently | W::Nowadays => lit(i + 1, "PRESENT_REF"),
            // "then-current", "the then current chairman": current back then.
            W::Then if self.is(i + 1, W::Current) => lit(i + 2, "PAST_REF"),
            W::Current if i > 0 && self.is(i - 1, W::Then) => None,
            W::Current => {
                // "current" alone; "the current quarter" is relative.
                if let Some(c) = self.relative(i, 0) {
                    return Some(c);
                }
                // "the Loop Current", "swept away by the current": a flow of
                // water or power (a name, or a noun with no noun after it).
                let noun_end = matches!(self.lex(i + 1), Lex::Punct(b'.' | b'!' | b'?' | b';'))
                    || i + 1 >= self.toks.len()
                    || self.sent(i + 1) != self.sent(i);
                if self.mid_name(i) && !self.all_caps(i) || noun_end {
                    return None;
                }
                match self.word(i + 1) {
                    "account" | "accounts" | "affairs" | "events" | "flows" | "flow" => None,
                    _ => lit(i + 1, "PRESENT_REF"),
                }
            }
            W::These if self.unit(i + 1) == Some((Unit::Day, true)) => lit(i + 2, "PRESENT_REF"),
            W::At if self.is(i + 1, W::Present) => lit(i + 2, "PRESENT_REF"),
            W::Recently | W::Lately => lit(i + 1, "PAST_REF"),
            // "More recently it has followed ...": the comparative is part of
            // the expression (TBAQ and MEANTIME both take it in).
            W::More if self.is(i + 1, W::Recently) && !self.is(i + 2, W::Than) => {
                lit(i + 2, "PAST_REF")
            }
            W::Recent => {
                if let Some((u, true)) = self.unit(i + 1) {
                    return cand(i + 2, TimexType::Duration, Val::S(duration(None, false, u)));
                }
                // "the recent bombing": an adjective, not a time
                None
            }
            W::Today | W::Yesterday | W::Tomorrow | W::Tonight => {
                // "VOA Today", "USA Today": a title-case name; so is a
                // programme after its network's possessive ("NBC's Today show").
                let after_owner = self.cap(i)
                    && i >= 2
                    && self.lex(i - 1) == Lex::Poss
                    && self.cap(i - 2)
                    && self.sent(i - 2) == self.sent(i);
                if self.mid_name(i) || after_owner {
                    return None;
                }
                let off = match w {
                    W::Yesterday => -1,
                    W::Tomorrow => 1,
                    _ => 0,
                };
                let val = match self.ctx.dct {
                    Some(d) => Val::P(Point::Day(add_days(d, off)?)),
                    None => Val::S("XXXX-XX-XX".into()),
                };
                if w == W::Tonight {
                    return self.day_part_tonight(i, val);
                }
                self.day_part_after(i + 1, val, TimexType::Date)
            }
            // "the Daily Mail", "Business Daily", "Matt Daily": a capitalised
            // "Daily" inside a sentence or before a name is a title.
            W::Daily
                if self.cap(i)
                    && (i > 0 && self.sent(i - 1) == self.sent(i) || self.cap(i + 1)) =>
            {
                None
            }
            W::Daily => cand(i + 1, TimexType::Set, Val::S("P1D".into())),
            W::Weekly => cand(i + 1, TimexType::Set, Val::S("P1W".into())),
            W::Monthly => cand(i + 1, TimexType::Set, Val::S("P1M".into())),
            W::Hourly => cand(i + 1, TimexType::Set, Val::S("PT1H".into())),
            // "held here annually": a set. "yearly" before a noun is an
            // adjective ("yearly fees"), and after an amount ("20% annually")
            // it is a rate's denominator, left untagged like "$5 a year".
            W::Yearly
                if !self.amount_before(i)
                    && (self.word(i).eq_ignore_ascii_case("annually")
                        || !matches!(self.lex(i + 1), Lex::Other)
                        || self.cap(i + 1)) =>
            {
                cand(i + 1, TimexType::Set, Val::S("P1Y".into()))
            }
            W::Nightly => cand(i + 1, TimexType::Set, Val::S("XXXX-XX-XXTNI".into())),
            W::Every | W::Each => self.every(i),
            W::Once | W::Twice => self.times_per(i + 1, i),
            W::Early | W::Late | W::Mid | W::Earlier | W::Later => self.positional(i, w),
            // "end-2011", "start-June": the hyphenated form of "the end of".
            W::End | W::Start
                if self.glued(i + 1)
                    && matches!(self.lex(i + 1), Lex::Int(..) | Lex::Month(..)) =>
            {
                self.positional(i, w)
            }
            W::This
            | W::Last
            | W::Next
            | W::Past
            | W::Coming
            | W::Previous
            | W::Following
            | W::Latest
            | W::That
            | W::Same
            | W::Upcoming => {
                let off = match w {
                    W::This | W::That | W::Same | W::Latest => 0,
                    W::Last | W::Past | W::Previous => -1,
                    _ => 1,
                };
                self.relative(i, off)
            }
            W::Fiscal => {
                let j = i + 1;
                if let Some(y) = self.year_num(j) {
                    // "fiscal 1990's second quarter", "fiscal 1998 third quarter"
                    let k = if self.lex(j + 1) == Lex::Poss {
                        j + 2
                    } else {
                        j + 1
                    };
                    if let Some(c) = self.quarter_of_year(k, y) {
                        return Some(c);
                    }
                    return year_ref(cand(j + 1, TimexType::Date, Val::P(Point::Year(y))));
                }
                if self.unit(j) == Some((Unit::Year, false)) {
                    if let Some(y) = self.year_num(j + 1) {
                        return cand(j + 2, TimexType::Date, Val::P(Point::Year(y)));
                    }
                    // "the fiscal year [ended June 30]" reads like "the year".
                    if i > 0 && self.is(i - 1, W::The) {
                        return self.the_unit(j, Unit::Year);
                    }
                }
                if let Lex::Ordinal(q @ 1..=4) = self.lex(j) {
                    if self.unit(j + 1) == Some((Unit::Quarter, false)) {
                        return self.quarter(j, q as u8, j + 2);
                    }
                }
                None
            }
            // "high noon" is an idiom (and a film), not a clock time.
            W::Noon if i > 0 && self.word(i - 1).eq_ignore_ascii_case("high") => None,
            W::Noon | W::Midnight => {
                let h = if w == W::Noon { 12 } else { 24 };
                self.clock_tail(i, h, 0, i + 1)
            }
            W::Christmas
            | W::Thanksgiving
            | W::Easter
            | W::Halloween
            | W::Independence
            | W::Valentine
            | W::Labor
            | W::Memorial
            | W::Election
            | W::Boxing
            | W::Good
            | W::Veterans
            | W::New => self.holiday(i, w),
            _ => None,
        }
    }

    fn day_part_tonight(&self, i: usize, val: Val) -> Option<Cand> {
        let v = match val {
            Val::P(Point::Day(d)) => Val::P(Point::DayPart(d, Pod::Night)),
            Val::S(s) => Val::S(format!("{s}TNI")),
            v => v,
        };
        cand(i + 1, TimexType::Time, v)
    }

    /// "every Monday", "each year", "every other week".
    fn every(&self, i: usize) -> Option<Cand> {
        let j = i + 1;
        let set = |end: usize, v: String| cand(end, TimexType::Set, Val::S(v));
        match self.lex(j) {
            Lex::Unit(u, false) => set(j + 1, set_value(u).to_string()),
            Lex::Weekday(wd, _) => match self.lex(j + 1) {
                Lex::Pod(p) => set(j + 2, format!("XXXX-WXX-{wd}T{}", p.code())),
                _ => set(j + 1, format!("XXXX-WXX-{wd}")),
            },
            Lex::Month(m, _) => set(j + 1, format!("XXXX-{m:02}")),
            Lex::Season(s) => set(j + 1, format!("XXXX-{}", s.code())),
            Lex::Pod(p) => set(j + 1, format!("XXXX-XX-XXT{}", p.code())),
            Lex::Int(..) | Lex::Card(_) => {
                let num = self.number(j)?;
                let (u, _) = self.unit(num.end)?;
                set(num.end + 1, duration(num.n, num.half, u))
            }
            _ => None,
        }
    }

    /// "once a week", "twice a year", "three times a day": `j` at "a"/"per".
    fn times_per(&self, j: usize, start: usize) -> Option<Cand> {
        let _ = start;
        if !matches!(self.lex(j), Lex::Word(W::A | W::Per)) {
            return None;
        }
        let (u, false) = self.unit(j + 1)? else {
            return None;
        };
        cand(j + 2, TimexType::Set, Val::S(set_value(u).to_string()))
    }

    /// "early 1990", "late November", "mid-1996", "earlier this month", "late yesterday".
    fn positional(&self, i: usize, w: W) -> Option<Cand> {
        if self.depth.get() >= MAX_DEPTH {
            return None;
        }
        self.depth.set(self.depth.get() + 1);
        let c = self.positional_inner(i, w);
        self.depth.set(self.depth.get() - 1);
        c
    }

    fn positional_inner(&self, i: usize, w: W) -> Option<Cand> {
        let m = match w {
            W::Early | W::Earlier | W::Start => TimexMod::Start,
            W::Late | W::Later | W::End => TimexMod::End,
            _ => TimexMod::Mid,
        };
        let j = i + 1;
        // "later that year", "earlier that day"
        let inner = match self.lex(j) {
            Lex::Decade(_) => self.decade(j, None),
            Lex::Int(..) => self.year_phrase(j),
            Lex::Month(mm, _) => self.month_phrase(j, mm, false),
            Lex::Word(W::The) if matches!(w, W::Early | W::Late | W::Mid) => None,
            // "earlier Friday", "later today": the day alone is the timex.
            Lex::Weekday(..) | Lex::Word(W::Today | W::Yesterday | W::Tomorrow | W::Tonight)
                if matches!(w, W::Earlier | W::Later) =>
            {
                None
            }
            Lex::Word(W::In) if matches!(w, W::Earlier | W::Later) && self.is(j + 1, W::The) => {
                // "earlier in the year", "later in the day": the current one
                if let Some((u @ (Unit::Day | Unit::Week | Unit::Month | Unit::Year), false)) =
                    self.unit(j + 2)
                {
                    let d = match self.reference() {
                        Some(Point::Day(d) | Point::DayPart(d, _) | Point::Clock(d, _, _))
                            if u == Unit::Day =>
                        {
                            d
                        }
                        _ => self.ctx.dct?,
                    };
                    return Some(with_mod(
                        cand(j + 3, TimexType::Date, Val::P(point_of(d, u)))?,
                        Some(m),
                    ));
                }
                let c = self.the_phrase(j + 2)?;
                (c.kind == TimexType::Date).then_some(c)
            }
            Lex::Pod(p) => {
                // "mid afternoon", "early morning": today's part of day unless a day follows.
                let day = match self.core(j + 1) {
                    Some(c) => match c.val {
                        Val::P(Point::Day(d)) => Some((d, c.end)),
                        _ => None,
                    },
                    None => None,
                };
                let (d, end) = match day {
                    Some(x) => x,
                    None => (self.ctx.dct?, j + 1),
                };
                cand(end, TimexType::Time, Val::P(Point::DayPart(d, p)))
            }
            _ => self.core(j),
        }?;
        if inner.kind == TimexType::Duration || inner.kind == TimexType::Set {
            return None;
        }
        if let Val::S(s) = &inner.val {
            if s.ends_with("_REF") {
                return None;
            }
        }
        Some(with_mod(inner, Some(m)))
    }

    /// "this week", "last year", "next Friday", "last fall", "the past two
    /// months", "the next few years", "last night", "the following day".
    fn relative(&self, i: usize, off: i32) -> Option<Cand> {
        // "that same day" is "the same day", its extent from "that".
        if self.is(i, W::That) && self.is(i + 1, W::Same) {
            return self.relative(i + 1, off);
        }
        // "this past spring", "this coming Sunday"
        if self.is(i, W::This) {
            match self.lex(i + 1) {
                Lex::Word(W::Past) => {
                    return self.relative(i + 1, -1).map(|c| self.month_day_after(c))
                }
                Lex::Word(W::Coming) => {
                    return self.relative(i + 1, 1).map(|c| self.month_day_after(c))
                }
                _ => {}
            }
        }
        let w = self.lex(i);
        let mut j = i + 1;
        if self.is(j, W::Fiscal) {
            j += 1;
        }
        // A count makes a duration: "the past two months", "the next few days".
        if matches!(
            self.lex(j),
            Lex::Int(..) | Lex::Card(_) | Lex::Word(W::Few | W::Several | W::Couple)
        ) && !matches!(w, Lex::Word(W::This | W::That | W::Same))
        {
            let num = self.number(j)?;
            let (u, _) = self.unit(num.end)?;
            let mut c = cand(
                num.end + 1,
                TimexType::Duration,
                Val::S(duration(num.n, num.half, u)),
            )?;
            if num.approx {
                c.modifier = Some(TimexMod::Approx);
            }
            return Some(self.or_so(c));
        }
        match self.lex(j) {
            Lex::Unit(u, true) if !matches!(w, Lex::Word(W::This | W::That | W::Same)) => {
                // "coming years", "past decades": an unknown number of units.
                cand(j + 1, TimexType::Duration, Val::S(duration(None, false, u)))
            }
            // Title case mid-sentence is a name ("ABC's This Week").
            Lex::Unit(..) if self.cap(j) && i > 0 && self.sent(i - 1) == self.sent(i) => None,
            // "the past decade" is the ten years up to now, like "the past
            // ten years", not the 1980s; "the last decade" stays a decade.
            Lex::Unit(u @ (Unit::Decade | Unit::Century), false)
                if matches!(w, Lex::Word(W::Past)) =>
            {
                cand(
                    j + 1,
                    TimexType::Duration,
                    Val::S(duration(Some(1), false, u)),
                )
            }
            Lex::Unit(u, false) => self.relative_unit(i, j, u, off),
            Lex::Word(W::Period) if matches!(w, Lex::Word(W::Latest)) => {
                self.relative_unit(i, j, Unit::Quarter, 0)
            }
            Lex::Weekday(wd, false) => {
                // "the previous Friday", "the following Monday" count from
                // the day the narrative is at; "last Friday" from today.
                let anchor = match (w, self.reference()) {
                    (
                        Lex::Word(W::Previous | W::Following),
                        Some(Point::Day(d) | Point::DayPart(d, _) | Point::Clock(d, _, _)),
                    ) => Some(d),
                    _ => self.ctx.dct,
                };
                let d = match anchor {
                    Some(d) => d,
                    None => {
                        return self.day_part_after(
                            j + 1,
                            Val::S(format!("XXXX-WXX-{wd}")),
                            TimexType::Date,
                        )
                    }
                };
                let cur = weekday(d) as i64;
                let wd64 = wd as i64;
                let date = match self.lex(i) {
                    Lex::Word(W::Last | W::Past | W::Previous) => {
                        let back = (cur - wd64).rem_euclid(7);
                        add_days(d, -(if back == 0 { 7 } else { back }))?
                    }
                    Lex::Word(W::Next | W::Coming | W::Following | W::Upcoming) => {
                        let fwd = (wd64 - cur).rem_euclid(7);
                        add_days(d, if fwd == 0 { 7 } else { fwd })?
                    }
                    _ => add_days(d, wd64 - cur)?,
                };
                self.day_part_after(j + 1, Val::P(Point::Day(date)), TimexType::Date)
            }
            // "this march" in lower case is a protest march, not March.
            Lex::Month(_, true) if !self.cap(j) => None,
            Lex::Month(m, _) => {
                let Some(d) = self.ctx.dct else {
                    return cand(j + 1, TimexType::Date, Val::S(format!("XXXX-{m:02}")));
                };
                let y = d.year() as i32;
                let cur = d.month() as u8;
                // "last Oct. 23": the most recent Oct. 23 before today.
                if let Some(day) = self.day_num(j + 1).filter(|_| !self.is(j + 2, W::Of)) {
                    let later = (m, day) > (cur, d.day() as u32);
                    let y = match off {
                        -1 if later || (m, day) == (cur, d.day() as u32) => y - 1,
                        1 if !later => y + 1,
                        _ => y,
                    };
                    let date = valid_ymd(y, m as u32, day)?;
                    return cand(j + 2, TimexType::Date, Val::P(Point::Day(date)));
                }
                let y = match off {
                    // The month just ended is "last month"; "last February"
                    // said on March 1 names the February a year before.
                    -1 if m >= cur || m + 1 == cur => y - 1,
                    1 if m <= cur => y + 1,
                    _ => y,
                };
                cand(j + 1, TimexType::Date, Val::P(Point::Month(y, m)))
            }
            // "the following spring" counts from the narrative's time.
            Lex::Season(s) if matches!(w, Lex::Word(W::Following | W::Previous)) => {
                let anchor = self.reference().and_then(inside).or(self.ctx.dct);
                self.season_phrase_at(j, s, off, false, anchor)
            }
            Lex::Season(s) => self.season_phrase(j, s, off, false),
            Lex::Pod(p) if matches!(w, Lex::Word(W::This | W::Last)) => {
                let d = self.ctx.dct?;
                let d = if off < 0 { add_days(d, -1)? } else { d };
                let p = if off < 0 { Pod::Night } else { p };
                if off < 0 && self.lex(j) != Lex::Pod(Pod::Night) {
                    return None;
                }
                cand(j + 1, TimexType::Time, Val::P(Point::DayPart(d, p)))
            }
            // "that night", "the same morning": the part of the day the
            // narrative is at; with no day named, nothing to resolve it to.
            Lex::Pod(p) if matches!(w, Lex::Word(W::That | W::Same)) => {
                let d = self.reference().and_then(Point::day)?;
                cand(j + 1, TimexType::Time, Val::P(Point::DayPart(d, p)))
            }
            // "the previous night", "the next morning", "the following
            // evening": the day before or after the reference
            Lex::Pod(p) if matches!(w, Lex::Word(W::Previous | W::Next | W::Following)) => {
                let step = if matches!(w, Lex::Word(W::Previous)) {
                    -1
                } else {
                    1
                };
                let base = match self.reference().and_then(Point::day) {
                    Some(d) => d,
                    None => self.ctx.dct?,
                };
                cand(
                    j + 1,
                    TimexType::Time,
                    Val::P(Point::DayPart(add_days(base, step)?, p)),
                )
            }
            _ => None,
        }
    }

    /// "this coming Sunday, March 8th": an appositive date restates the day.
    fn month_day_after(&self, c: Cand) -> Cand {
        if self.lex(c.end) == Lex::Punct(b',') {
            if let Lex::Month(m, _) = self.lex(c.end + 1) {
                if let Some(d) = self.month_phrase(c.end + 1, m, false) {
                    if matches!(d.val, Val::P(Point::Day(_))) {
                        return Cand {
                            val: d.val,
                            end: d.end,
                            ..c
                        };
                    }
                }
            }
        }
        c
    }

    /// "last week", "this year", "next quarter", "the previous day".
    fn relative_unit(&self, i: usize, j: usize, u: Unit, off: i32) -> Option<Cand> {
        // "the next day" counts from the day the narrative is at, like "the
        // following day"; "the next year" does in a past narrative ("moved
        // in 1995 and married the next year"), and from today ahead of it
        // ("will grow over the next year"). "next year" alone is deictic.
        let the_next = self.is(i, W::Next)
            && i > 0
            && self.is(i - 1, W::The)
            && (u == Unit::Day || self.tense(i) == Tense::Past);
        let anaphoric = the_next
            || matches!(
                self.lex(i),
                Lex::Word(W::Following | W::Previous | W::That | W::Same)
            );
        // "that same day" after "last October": the text names no day, so
        // the day is unknown within the month it did name (1998-10-XX),
        // not a made-up mid-month date. A quarter the text named ("that
        // quarter" in an earnings report) comes first.
        let quarter_named = self.ctx.last_quarter.is_some() || self.ref_quarter().is_some();
        if anaphoric && !(u == Unit::Quarter && quarter_named) {
            if let Some(v) = self.reference().and_then(|p| unknown_within(p, u)) {
                return cand(j + 1, TimexType::Date, Val::S(v));
            }
        }
        let base = if anaphoric {
            match (self.reference(), u) {
                // "that quarter" is the quarter last named, which need not
                // be the one the report is about ("the year-ago quarter").
                (_, Unit::Quarter)
                    if matches!(self.lex(i), Lex::Word(W::That | W::Same))
                        && self.ctx.last_quarter.is_some() =>
                {
                    self.ctx.last_quarter.map(|(y, q)| Point::Quarter(y, q))
                }
                (_, Unit::Quarter) if self.ref_quarter().is_some() => {
                    self.ref_quarter().map(|(y, q)| Point::Quarter(y, q))
                }
                (Some(p), _) => inside(p).or(self.ctx.dct).map(|d| point_of(d, u)),
                (None, _) => self.ctx.dct.map(|d| point_of(d, u)),
            }
        } else if matches!(self.lex(i), Lex::Word(W::Latest)) && u == Unit::Quarter {
            // The latest quarter is the last one completed before the document.
            self.ctx
                .dct
                .and_then(|d| shift(point_of(d, Unit::Quarter), Unit::Quarter, -1))
        } else {
            self.ctx.dct.map(|d| point_of(d, u))
        };
        let Some(base) = base else {
            return cand(j + 1, TimexType::Date, Val::S(under(u)));
        };
        let p = if off == 0 {
            base
        } else {
            shift(base, u, off as i64)?
        };
        let p = match (u, p) {
            (Unit::Weekend, _) => p,
            (Unit::Hour | Unit::Minute | Unit::Second, _) => return None,
            _ => p,
        };
        // "earnings of $33 million, compared with a loss last year" in a
        // quarterly report compares the quarter with its year-ago quarter.
        if u == Unit::Year && off == -1 && self.is(i, W::Last) && self.comparison_before(i) {
            if let Some((y, q)) = self.cmp_quarter() {
                let mut c = cand(j + 1, TimexType::Date, Val::P(Point::Quarter(y - 1, q)))?;
                c.derived = true;
                return Some(c);
            }
        }
        let mut c = cand(j + 1, TimexType::Date, Val::P(p))?;
        c.year_ref = u == Unit::Year;
        // "next year's first quarter"
        if u == Unit::Year && self.lex(j + 1) == Lex::Poss {
            if let Point::Year(y) = p {
                if let Some(q) = self.quarter_of_year(j + 2, y) {
                    return Some(q);
                }
            }
        }
        // "the day before", "the next morning"
        if u == Unit::Day {
            if let Lex::Pod(pod) = self.lex(j + 1) {
                if let Point::Day(d) = p {
                    return cand(j + 2, TimexType::Time, Val::P(Point::DayPart(d, pod)));
                }
            }
        }
        Some(c)
    }

    /// "compared with" / "compared to" opens the clause of token `i`
    /// (within a few words, in the same sentence).
    fn comparison_before(&self, i: usize) -> bool {
        let lo = i.saturating_sub(COMPARISON_REACH);
        (lo..i).any(|k| {
            self.sent(k) == self.sent(i)
                && self.word(k) == "compared"
                && matches!(self.word(k + 1), "with" | "to")
        })
    }

    // ---- quantities -------------------------------------------------------

    /// A count: digits, number words ("twenty four"), "a", "a few", "several",
    /// "a couple of", with "1/2" or "and a half".
    fn number(&self, i: usize) -> Option<Num> {
        let mk = |n: Option<u32>, end: usize, approx: bool| Num {
            n,
            half: false,
            end,
            approx,
        };
        let mut num = match self.lex(i) {
            Lex::Int(n, d) if d <= 6 => mk(Some(n), i + 1, false),
            Lex::Card(t) => {
                let mut n = t;
                let mut end = i + 1;
                if t >= 20 && t % 10 == 0 {
                    if let Lex::Card(u @ 1..=9) = self.lex(end) {
                        n += u;
                        end += 1;
                    }
                }
                if self.is(end, W::Hundred) {
                    n *= 100;
                    end += 1;
                } else if self.is(end, W::Thousand) {
                    n *= 1000;
                    end += 1;
                }
                mk(Some(n), end, false)
            }
            Lex::Word(W::A) => match self.lex(i + 1) {
                Lex::Word(W::Few) => mk(None, i + 2, false),
                Lex::Word(W::Couple) if self.is(i + 2, W::Of) => mk(Some(2), i + 3, true),
                Lex::Word(W::Hundred) => mk(Some(100), i + 2, false),
                Lex::Word(W::Thousand) => mk(Some(1000), i + 2, false),
                Lex::Word(W::Half) => {
                    let mut n = mk(Some(0), i + 2, false);
                    n.half = true;
                    n
                }
                _ => mk(Some(1), i + 1, false),
            },
            // "half an hour", "half a day": half of one unit.
            Lex::Word(W::Half) if self.is(i + 1, W::A) => {
                let mut n = mk(Some(0), i + 2, false);
                n.half = true;
                n
            }
            Lex::Word(W::Few | W::Several) => mk(None, i + 1, false),
            Lex::Word(W::Couple) if self.is(i + 1, W::Of) => mk(Some(2), i + 2, true),
            Lex::Word(W::Some) => mk(None, i + 1, false),
            _ => return None,
        };
        if self.lex(num.end) == Lex::HalfFrac {
            num.half = true;
            num.end += 1;
        } else if num.n.is_some_and(|n| n > 0)
            && self.is(num.end, W::And)
            && self.is(num.end + 1, W::A)
            && self.is(num.end + 2, W::Half)
            && matches!(self.lex(num.end + 3), Lex::Unit(..))
        {
            // "three and a half weeks": the half belongs to the count.
            num.half = true;
            num.end += 3;
        }
        // "two to three weeks", "12 to 18 months": the range is unknown.
        if matches!(self.lex(num.end), Lex::Word(W::To | W::Or))
            && matches!(self.lex(num.end + 1), Lex::Int(..) | Lex::Card(_))
            && matches!(self.lex(num.end + 2), Lex::Unit(..))
        {
            num.n = None;
            num.end += 2;
        }
        Some(num)
    }

    /// Durations and "ago"/"earlier"/"later" dates: "two years", "a
    /// two-year", "five months ago", "a year earlier", "five-hour", "90 days".
    fn quantity(&self, i: usize) -> Option<Cand> {
        let num = self.number(i)?;
        let mut k = num.end;
        // "two more weeks", "an additional year"
        if matches!(self.lex(k), Lex::Word(W::More)) || self.word(k) == "additional" {
            k += 1;
        }
        // "eight trading days", "ten business days": still a count of days.
        if matches!(self.lex(k + 1), Lex::Unit(Unit::Day, _))
            && ["trading", "business", "working", "calendar"]
                .iter()
                .any(|w| self.word(k).eq_ignore_ascii_case(w))
        {
            k += 1;
        }
        let (u, plural) = match self.lex(k) {
            Lex::Unit(u, p) => (u, p),
            // "a second" is a unit here
            Lex::Ordinal(2)
                if self.word(k).eq_ignore_ascii_case("second")
                    && num.n == Some(1)
                    && !self.is(i, W::A) =>
            {
                (Unit::Second, false)
            }
            _ => return None,
        };
        // "60 Minutes": a title-case unit mid-sentence is a name.
        if self.mid_name(k) && !self.glued(k) {
            return None;
        }
        // "Islam will one day be …": after a modal, "one day" is an
        // unnamed time ahead, not a length of one day.
        if u == Unit::Day
            && !plural
            && self.word(i).eq_ignore_ascii_case("one")
            && i > 0
            && is_modal(self.word(i - 1))
        {
            return cand(k + 1, TimexType::Date, Val::S("FUTURE_REF".into()));
        }
        // "a day-long meeting": the article belongs to the noun, and the
        // "-long" compound is read on its own.
        if self.is(i, W::A) && self.glued(k + 1) && self.word(k + 1).eq_ignore_ascii_case("long") {
            return None;
        }
        // Ages are not timexes: "a 6-year-old", "52 years old".
        if self.word(k + 1).eq_ignore_ascii_case("old") {
            return None;
        }
        // Fractions: "three-quarters of", "a quarter of".
        if u == Unit::Quarter
            && (self.glued(k) || self.is(k + 1, W::Of))
            && !matches!(self.lex(i), Lex::Ordinal(_))
        {
            return None;
        }
        // "some" and "several" need a plural unit.
        if matches!(self.lex(i), Lex::Word(W::Some)) && !plural {
            return None;
        }
        if let Some(n) = num.n {
            // "five year seven pupils": a count of pupils of school year seven.
            if n > 1
                && !plural
                && !self.glued(k)
                && u == Unit::Year
                && matches!(self.lex(k + 1), Lex::Int(..) | Lex::Card(_))
            {
                return None;
            }
            if n > 100_000 {
                return None;
            }
        }
        let end = k + 1;
        // "a year-earlier quarter": the compound is a year-on-year phrase
        if self.glued(end) && matches!(self.lex(end), Lex::Word(W::Earlier | W::Ago)) {
            return None;
        }
        // Times a period: "three times a day"
        if self.is(end, W::Times) {
            return None;
        }
        // "a week or so ago": the approximation sits inside the "ago" phrase.
        if self.is(end, W::Or) && self.is(end + 1, W::So) && self.is(end + 2, W::Ago) {
            return self
                .ago(end + 3, num.n, u, -1, true)
                .map(|c| with_mod(c, Some(TimexMod::Approx)));
        }
        // "half a century ago": half of one unit counts in the next smaller
        // unit (the shift is whole units).
        let (n_ago, u_ago) = match (num.half && num.n == Some(0), u) {
            (true, Unit::Century) => (Some(50), Unit::Year),
            (true, Unit::Decade) => (Some(5), Unit::Year),
            (true, Unit::Year) => (Some(6), Unit::Month),
            (true, Unit::Day) => (Some(12), Unit::Hour),
            (true, Unit::Hour) => (Some(30), Unit::Minute),
            _ => (num.n, u),
        };
        // "N units ago", "N units earlier/later", "N units from now"
        match self.lex(end) {
            Lex::Word(W::Ago) => return self.ago(end + 1, n_ago, u_ago, -1, true),
            Lex::Word(W::Earlier) if !self.adjectival(k) && !self.glued(end) => {
                return self.ago(end + 1, n_ago, u_ago, -1, false)
            }
            // "three days later": TimeML marks the duration and leaves
            // "later" as the signal that anchors it to an event.
            Lex::Word(W::From) if self.is(end + 1, W::Now) => {
                return self.ago(end + 2, n_ago, u_ago, 1, true)
            }
            Lex::Word(W::Hence) => return self.ago(end + 1, n_ago, u_ago, 1, true),
            _ => {}
        }
        // "twice a week", "24 hours a day": a frequency, so a SET.
        if self.is(i, W::A) && !plural && self.frequency_context(i) {
            return cand(k + 1, TimexType::Set, Val::S(set_value(u).to_string()));
        }
        // "$5 a year", "700 seats a week": "a year" is the denominator of a
        // rate, which TBAQ mostly leaves untagged (6 of 9 such rates), so it
        // is neither a SET nor a one-year duration.
        if self.is(i, W::A) && !plural && self.amount_before(i) {
            return None;
        }
        // A bare number before a unit word is a count only when it is small
        // enough to be one ("1990 years" is not a duration phrase in news).
        // "a minute and a half"
        let (half, end) = if !num.half
            && self.is(end, W::And)
            && self.is(end + 1, W::A)
            && self.is(end + 2, W::Half)
        {
            (true, end + 3)
        } else {
            (num.half, end)
        };
        let mut c = cand(end, TimexType::Duration, Val::S(duration(num.n, half, u)))?;
        if num.approx {
            c.modifier = Some(TimexMod::Approx);
        }
        // "8-month-old", "day-long": keep the whole token
        Some(self.or_so(c))
    }

    /// "or so" / "or more" after a quantity.
    fn or_so(&self, mut c: Cand) -> Cand {
        if self.is(c.end, W::Or) {
            if self.is(c.end + 1, W::So) {
                c.end += 2;
                c.modifier = Some(TimexMod::Approx);
            } else if self.is(c.end + 1, W::More) {
                c.end += 2;
                c.modifier = Some(TimexMod::EqualOrMore);
            }
        }
        c
    }

    /// The unit at `k` is used as an adjective ("a two-year contract").
    fn adjectival(&self, k: usize) -> bool {
        self.glued(k)
    }

    /// "a week" after a count of occurrences or of time: "twice a week",
    /// "three times a year", "24 hours a day".
    fn frequency_context(&self, i: usize) -> bool {
        i > 0
            && matches!(
                self.lex(i - 1),
                Lex::Word(W::Once | W::Twice | W::Times) | Lex::Unit(_, true)
            )
    }

    /// An amount shortly before `i`: "$1.76 a year", "700 seats a week",
    /// but not across a preposition ("$5 million in a year" is a duration).
    fn amount_before(&self, i: usize) -> bool {
        let prep = [
            "in", "for", "within", "of", "over", "after", "than", "about",
        ];
        if i == 0
            || prep
                .iter()
                .any(|p| self.word(i - 1).eq_ignore_ascii_case(p))
        {
            return false;
        }
        (i.saturating_sub(3)..i).any(|k| {
            matches!(
                self.lex(k),
                Lex::Int(..) | Lex::Card(_) | Lex::Punct(b'%' | b'$')
            ) || self
                .word(k)
                .as_bytes()
                .first()
                .is_some_and(u8::is_ascii_digit)
                || matches!(self.word(k), "million" | "billion" | "percent" | "trillion")
        })
    }

    /// An "ago" (document-anchored) or "earlier/later" (reference-anchored) date.
    fn ago(&self, end: usize, n: Option<u32>, u: Unit, dir: i64, from_dct: bool) -> Option<Cand> {
        let Some(n) = n else {
            let v = match dir {
                -1 => "PAST_REF",
                _ => "FUTURE_REF",
            };
            return cand(end, TimexType::Date, Val::S(v.into()));
        };
        if n > 10_000 {
            return None;
        }
        let steps = dir * n as i64;
        // A year before a quarter is that quarter a year before ("a year ago"
        // in earnings news compares quarters).
        if let (Unit::Year, Some((y, q))) = (u, self.cmp_quarter()) {
            if n == 1 {
                let c = cand(
                    end,
                    TimexType::Date,
                    Val::P(shift(Point::Quarter(y, q), u, steps)?),
                );
                return c.map(|mut c| {
                    c.derived = true;
                    c
                });
            }
        }
        let anchor = if from_dct {
            self.ctx.dct
        } else {
            match self.reference() {
                Some(Point::Day(d) | Point::DayPart(d, _) | Point::Clock(d, _, _)) => Some(d),
                _ => self.ctx.dct,
            }
        };
        let Some(d) = anchor else {
            return cand(end, TimexType::Date, Val::S(under(u)));
        };
        let unit = match u {
            Unit::Decade | Unit::Century => Unit::Year,
            // "48 hours ago" is two days back; fewer hours stay on the anchor's day.
            Unit::Hour if n >= 24 => {
                let d = add_days(d, dir * i64::from(n / 24))?;
                return cand(end, TimexType::Time, Val::P(Point::Day(d)));
            }
            Unit::Hour | Unit::Minute | Unit::Second => {
                return cand(end, TimexType::Time, Val::P(Point::Day(d)));
            }
            u => u,
        };
        let p = shift(point_of(d, unit), u, steps)?;
        cand(end, TimexType::Date, Val::P(p))
    }

    // ---- clock times ------------------------------------------------------

    /// "10:35 a.m.", "10 p.m. Wednesday", "4 a.m. EDT Thursday", "10pm".
    fn clock(&self, i: usize) -> Option<Cand> {
        let (h, m, mut end, ampm) = match self.lex(i) {
            Lex::Clock(h, m, ap) => (h, m, i + 1, ap),
            Lex::Int(h, 1..=2) if (1..=12).contains(&h) => match self.lex(i + 1) {
                Lex::AmPm(pm) => (h as u8, 0, i + 2, Some(pm)),
                Lex::Word(W::Other2) => (h as u8, 0, i + 2, None),
                // "4 in the morning"
                Lex::Word(W::In)
                    if self.is(i + 2, W::The) && matches!(self.lex(i + 3), Lex::Pod(_)) =>
                {
                    (h as u8, 0, i + 1, None)
                }
                _ => return None,
            },
            // "at 0900 GMT", "by 1530 GMT": a four-digit clock needs its zone
            // and a time preposition; a bare "(0735 GMT)" restating a clock
            // just given is left alone, as the TimeBank annotators did.
            Lex::Int(n, 4)
                if n % 100 < 60
                    && n / 100 < 24
                    && (self.is(i + 1, W::Zone)
                        || self.word(i + 1).eq_ignore_ascii_case("local")
                            && self.word(i + 2).eq_ignore_ascii_case("time"))
                    && i > 0
                    && [
                        "at", "by", "until", "till", "from", "around", "about", "before", "after",
                        "since", "to",
                    ]
                    .iter()
                    .any(|p| self.word(i - 1).eq_ignore_ascii_case(p)) =>
            {
                return self.clock_tail(i, (n / 100) as u8, (n % 100) as u8, i + 1);
            }
            // "19.30 BST": a dotted clock, likewise only with its zone (not the
            // glued end of a range, "7.00-10.30 pm").
            Lex::Other if self.glued(i) => return None,
            Lex::Other if self.is(i + 1, W::Zone) => {
                let (h, m) = dot_clock(self.word(i))?;
                return self.clock_tail(i, h, m, i + 1);
            }
            // "11.30 am": a dotted clock with its meridiem.
            Lex::Other => {
                let (h, m) = dot_clock(self.word(i)).filter(|&(h, _)| (1..=12).contains(&h))?;
                (h, m, i + 1, None)
            }
            _ => return None,
        };
        let mut pm = ampm;
        if pm.is_none() {
            if let Lex::AmPm(p) = self.lex(end) {
                pm = Some(p);
                end += 1;
            }
        }
        // "4 in the morning"
        if pm.is_none() && self.is(end, W::In) && self.is(end + 1, W::The) {
            if let Lex::Pod(p) = self.lex(end + 2) {
                pm = Some(p != Pod::Morning);
                end += 3;
            }
        }
        let h = match pm {
            Some(true) if h < 12 => h + 12,
            Some(false) if h == 12 => 0,
            _ => h,
        };
        if pm.is_none() && !matches!(self.lex(i), Lex::Clock(..)) && !self.is(i + 1, W::Other2) {
            return None;
        }
        self.clock_tail(i, h, m, end)
    }

    /// Time zone and date after a clock time.
    fn clock_tail(&self, i: usize, h: u8, m: u8, mut end: usize) -> Option<Cand> {
        if self.is(end, W::Zone) {
            end += 1;
        } else if self.word(end).eq_ignore_ascii_case("local")
            && self.word(end + 1).eq_ignore_ascii_case("time")
        {
            // "at midnight local time": the zone, said in words.
            end += 2;
        }
        let date_start = if self.lex(end) == Lex::Punct(b',') {
            end + 1
        } else {
            end
        };
        let day = match self.lex(date_start) {
            Lex::Weekday(_, false)
            | Lex::Month(..)
            | Lex::Word(W::Today | W::Yesterday | W::Tomorrow) => {
                self.core(date_start).and_then(|c| match c.val {
                    // "10:30 Friday night": the clock time is finer than
                    // the part of the day, so the day alone anchors it.
                    Val::P(Point::Day(d)) => Some((Val::P(Point::Day(d)), c.end, None)),
                    Val::P(Point::DayPart(d, p)) => Some((Val::P(Point::Day(d)), c.end, Some(p))),
                    Val::S(s) if s.starts_with("XXXX") => {
                        let day = s.split('T').next().unwrap_or("XXXX-XX-XX");
                        let pod = match self.lex(c.end.saturating_sub(1)) {
                            Lex::Pod(p) => Some(p),
                            _ => None,
                        };
                        Some((Val::S(day.to_string()), c.end, pod))
                    }
                    _ => None,
                })
            }
            _ => None,
        };
        // "10:30 Friday night" is 22:30.
        let h = match day.as_ref().and_then(|x| x.2) {
            Some(Pod::Afternoon | Pod::Evening) if h < 12 => h + 12,
            Some(Pod::Night) if (6..12).contains(&h) => h + 12,
            _ => h,
        };
        let day = day.map(|(v, e, _)| (v, e));
        // "at 6pm on Saturday": the day after "on" dates the clock time,
        // and stays a timex of its own.
        let day = day.or_else(|| {
            if !self.word(date_start).eq_ignore_ascii_case("on")
                || !matches!(
                    self.lex(date_start + 1),
                    // "at 1930 CDT on 1 June": a day written day-first too.
                    Lex::Weekday(_, false) | Lex::Month(..) | Lex::Int(..)
                )
            {
                return None;
            }
            match self.core(date_start + 1)?.val {
                Val::P(Point::Day(d) | Point::DayPart(d, _)) => Some((Val::P(Point::Day(d)), end)),
                _ => None,
            }
        });
        let (day, end) = match day {
            Some(x) => x,
            // A bare clock time belongs to the day the narrative is at. A
            // past day named in an earlier sentence holds only past-tense
            // clock times: "The hearing will open at 10 a.m." and "The
            // clinic opens at 9 a.m." (no tense cue: present) stay on the
            // document date; a dateline's "Wed Mar 1, 2017 5:29 pm" keeps
            // its day.
            None => match self
                .reference()
                .filter(|p| p.is_day_or_finer())
                .filter(|p| {
                    !self.before_dct(*p)
                        || self.ctx.last.is_some_and(|(_, s)| s == self.sent(i))
                        || matches!(cue_at(self.text, self.toks, i), Some((Tense::Past, _)))
                }) {
                Some(Point::Day(d) | Point::DayPart(d, _) | Point::Clock(d, _, _)) => {
                    (Val::P(Point::Day(d)), end)
                }
                _ => match self.ctx.dct {
                    Some(d) => (Val::P(Point::Day(d)), end),
                    None => (Val::S("XXXX-XX-XX".into()), end),
                },
            },
        };
        let val = match day {
            Val::P(Point::Day(d)) => Val::P(Point::Clock(d, h, m)),
            Val::S(s) => Val::S(format!("{s}T{h:02}:{m:02}")),
            v => v,
        };
        cand(end, TimexType::Time, val)
    }

    /// `p` is a day before the document date.
    fn before_dct(&self, p: Point) -> bool {
        matches!((p.day(), self.ctx.dct), (Some(d), Some(dct)) if d < dct)
    }

    // ---- holidays ---------------------------------------------------------

    fn holiday(&self, i: usize, w: W) -> Option<Cand> {
        if !self.cap(i) {
            return None;
        }
        let word_is = |k: usize, s: &str| self.word(k).eq_ignore_ascii_case(s);
        let poss = |k: usize| self.lex(k) == Lex::Poss;
        // (fixed month/day or rule, end)
        type Rule = fn(i32) -> Option<Date>;
        let (rule, end): (Rule, usize) = match w {
            W::Christmas => {
                if self.is(i + 1, W::Eve) {
                    (|y| valid_ymd(y, 12, 24), i + 2)
                } else if self.unit(i + 1) == Some((Unit::Day, false)) {
                    (|y| valid_ymd(y, 12, 25), i + 2)
                } else {
                    (|y| valid_ymd(y, 12, 25), i + 1)
                }
            }
            W::New if self.unit(i + 1) == Some((Unit::Year, false)) && poss(i + 2) => {
                if self.is(i + 3, W::Eve) {
                    (|y| valid_ymd(y, 12, 31), i + 4)
                } else if self.unit(i + 3) == Some((Unit::Day, false)) {
                    (|y| valid_ymd(y, 1, 1), i + 4)
                } else {
                    (|y| valid_ymd(y, 1, 1), i + 3)
                }
            }
            W::Thanksgiving => {
                let end = if self.unit(i + 1) == Some((Unit::Day, false)) {
                    i + 2
                } else {
                    i + 1
                };
                (|y| value::nth_weekday(y, 11, 4, 4), end)
            }
            W::Easter => {
                let end =
                    if self.unit(i + 1) == Some((Unit::Day, false)) || word_is(i + 1, "Sunday") {
                        i + 2
                    } else {
                        i + 1
                    };
                (value::easter, end)
            }
            W::Good if word_is(i + 1, "Friday") => {
                (|y| value::easter(y).and_then(|d| add_days(d, -2)), i + 2)
            }
            W::Halloween => (|y| valid_ymd(y, 10, 31), i + 1),
            W::Independence if self.unit(i + 1) == Some((Unit::Day, false)) => {
                (|y| valid_ymd(y, 7, 4), i + 2)
            }
            W::Valentine if poss(i + 1) && self.unit(i + 2) == Some((Unit::Day, false)) => {
                (|y| valid_ymd(y, 2, 14), i + 3)
            }
            W::Labor if self.unit(i + 1) == Some((Unit::Day, false)) => {
                (|y| value::nth_weekday(y, 9, 1, 1), i + 2)
            }
            W::Memorial if self.unit(i + 1) == Some((Unit::Day, false)) => {
                (|y| value::nth_weekday(y, 5, -1, 1), i + 2)
            }
            W::Election if self.unit(i + 1) == Some((Unit::Day, false)) && self.cap(i + 1) => (
                |y| value::nth_weekday(y, 11, 1, 1).and_then(|d| add_days(d, 1)),
                i + 2,
            ),
            W::Boxing if self.unit(i + 1) == Some((Unit::Day, false)) => {
                (|y| valid_ymd(y, 12, 26), i + 2)
            }
            W::Veterans if self.unit(i + 1) == Some((Unit::Day, false)) => {
                (|y| valid_ymd(y, 11, 11), i + 2)
            }
            _ => return None,
        };
        // Explicit year: "Christmas 2015"
        if let Some(y) = self.year_num(end) {
            return cand(end + 1, TimexType::Date, Val::P(Point::Day(rule(y)?)));
        }
        let Some(d) = self.ctx.dct else {
            return cand(end, TimexType::Date, Val::S("XXXX-XX-XX".into()));
        };
        let y = d.year() as i32;
        let this = rule(y)?;
        // "Easter week", "Christmas week": the week that holds the day; it
        // is this year's while any of it is not yet past.
        let week = self.unit(end) == Some((Unit::Week, false)) && !self.glued(end);
        let (first, last) = if week {
            (point_of(this, Unit::Week), point_of(d, Unit::Week))
        } else {
            (Point::Day(this), Point::Day(d))
        };
        let date = match self.tense(i) {
            Tense::Past if this > d && first != last => rule(y - 1)?,
            Tense::Future if this < d && first != last => rule(y + 1)?,
            _ => this,
        };
        if week {
            return cand(end + 1, TimexType::Date, Val::P(point_of(date, Unit::Week)));
        }
        cand(end, TimexType::Date, Val::P(Point::Day(date)))
    }
}

fn is_modal(word: &str) -> bool {
    [
        "will", "would", "could", "can", "may", "might", "shall", "should", "must",
    ]
    .iter()
    .any(|m| word.eq_ignore_ascii_case(m))
}

/// A day inside `p` that every coarser unit containing it shares with `p`:
/// the base for "the following year" or "the same month" when the
/// narrative is at `p`.
fn inside(p: Point) -> Option<Date> {
    match p {
        Point::Day(d) | Point::DayPart(d, _) | Point::Clock(d, _, _) => Some(d),
        Point::Year(y) => valid_ymd(y, 7, 1),
        Point::Half(y, h) => valid_ymd(y, (h as u32 - 1) * 6 + 3, 15),
        Point::Month(y, m) => valid_ymd(y, m as u32, 15),
        Point::Quarter(y, q) => valid_ymd(y, (q as u32 - 1) * 3 + 2, 15),
        // The middle month of the season (winter runs into the next year).
        Point::Season(y, s) => match s {
            Season::Spring => valid_ymd(y, 4, 15),
            Season::Summer => valid_ymd(y, 7, 15),
            Season::Fall => valid_ymd(y, 10, 15),
            Season::Winter => valid_ymd(y + 1, 1, 15),
        },
        // "that week ... the same month": the week's Thursday holds its
        // month and year (ISO).
        Point::Week(y, w) | Point::Weekend(y, w) => {
            value::week_monday(y, w).and_then(|d| add_days(d, 3))
        }
        Point::Decade(_) | Point::Century(_) => None,
    }
}

/// The value of a `u` inside the coarser point `p` the narrative named
/// ("that day" after "October" is 1998-10-XX), or `None` when `p` is as fine
/// as `u` or the two do not nest.
fn unknown_within(p: Point, u: Unit) -> Option<String> {
    match (p, u) {
        (Point::Month(y, m), Unit::Day) => Some(format!("{y:04}-{m:02}-XX")),
        (Point::Year(y) | Point::Half(y, _) | Point::Quarter(y, _), Unit::Day) => {
            Some(format!("{y:04}-XX-XX"))
        }
        (Point::Year(y) | Point::Half(y, _) | Point::Quarter(y, _), Unit::Month) => {
            Some(format!("{y:04}-XX"))
        }
        (
            Point::Year(y) | Point::Half(y, _) | Point::Quarter(y, _) | Point::Month(y, _),
            Unit::Week,
        ) => Some(format!("{y:04}-WXX")),
        (Point::Year(y) | Point::Half(y, _), Unit::Quarter) => Some(format!("{y:04}-QX")),
        _ => None,
    }
}

/// The weekday (Monday = 1) of a capitalised dateline abbreviation ("Tue").
fn short_weekday(w: &str) -> Option<u8> {
    Some(match w {
        "Mon" => 1,
        "Tue" | "Tues" => 2,
        "Wed" => 3,
        "Thu" | "Thur" | "Thurs" => 4,
        "Fri" => 5,
        "Sat" => 6,
        "Sun" => 7,
        _ => return None,
    })
}

/// "19.30" → (19, 30): hours and two-digit minutes around a dot.
fn dot_clock(w: &str) -> Option<(u8, u8)> {
    let (h, m) = w.split_once('.')?;
    let all_digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if h.len() > 2 || m.len() != 2 || !all_digits(h) || !all_digits(m) {
        return None;
    }
    let (h, m) = (h.parse::<u8>().ok()?, m.parse::<u8>().ok()?);
    (h < 24 && m < 60).then_some((h, m))
}

fn longer(a: Option<Cand>, b: Option<Cand>) -> Option<Cand> {
    match (a, b) {
        (Some(a), Some(b)) => Some(if b.end > a.end { b } else { a }),
        (a, None) => a,
        (None, b) => b,
    }
}

/// The season a date falls in, with its season-year (January's winter is the previous year's).
fn season_of(d: Date) -> (i32, Season) {
    let y = d.year() as i32;
    match d.month() {
        3..=5 => (y, Season::Spring),
        6..=8 => (y, Season::Summer),
        9..=11 => (y, Season::Fall),
        12 => (y, Season::Winter),
        _ => (y - 1, Season::Winter),
    }
}

/// A noun of reported results, as in "third-quarter profit".
fn reports_results(word: &str) -> bool {
    [
        "profit",
        "profits",
        "net",
        "earnings",
        "sales",
        "revenue",
        "revenues",
        "results",
        "loss",
        "income",
        "operating",
    ]
    .iter()
    .any(|w| word.eq_ignore_ascii_case(w))
}

/// Runs the grammar over the whole stream.
pub fn scan(toks: &[Tk], text: &str, dct: Option<Date>, out: &mut Vec<Timex>) {
    let mut p = Parser {
        toks,
        text,
        ctx: Ctx {
            dct,
            last: None,
            last_quarter: None,
            year: None,
            year_tok: 0,
            quarters: Default::default(),
            ytd: false,
            sent_quarter: None,
            cur_sent: 0,
        },
        depth: std::cell::Cell::new(0),
    };
    let mut i = 0;
    while i < toks.len() {
        p.ctx.cur_sent = toks[i].sent;
        let Some(c) = p.parse(i) else {
            i += 1;
            continue;
        };
        let end = c.end.clamp(i + 1, toks.len());
        let first = (i + c.lead).min(end - 1);
        // Timexes never split a token: widen to the original tokens.
        let span = Span {
            start: toks[first].outer.start,
            end: toks[end - 1].outer.end,
        };
        // Skip the rest of a token that was split on hyphens.
        let mut next = end;
        while next < toks.len() && toks[next].outer == toks[end - 1].outer {
            next += 1;
        }
        let sent = toks[i].sent;
        let value = match &c.val {
            Val::P(pt) => {
                if c.kind != TimexType::Duration {
                    p.ctx.last = Some((*pt, sent));
                    if c.year_ref {
                        p.ctx.year = value::year_of(*pt).map(|y| (y, sent));
                        p.ctx.year_tok = i;
                    }
                    if let Point::Quarter(y, q) = pt {
                        p.ctx.last_quarter = Some((*y, *q));
                    }
                    if let (Point::Quarter(y, q), false) = (pt, c.derived) {
                        let counted = p.ctx.quarters.note(*y, *q, dct, tense_at(text, toks, i));
                        // Only a quarter whose results the sentence reports
                        // ("third-quarter profit"), not one named in passing
                        // ("after a flat second quarter").
                        if counted && reports_results(p.word(end)) {
                            p.ctx.sent_quarter = Some((*y, *q, sent));
                        }
                        p.ctx.ytd = false;
                    }
                }
                pt.value()
            }
            Val::S(s) => {
                // "the first nine months": the year so far is now the period
                // under comparison.
                if c.kind == TimexType::Duration && matches!(s.as_str(), "P9M" | "P6M") {
                    p.ctx.ytd = true;
                }
                s.clone()
            }
        };
        if out.last().is_none_or(|t: &Timex| t.span.end <= span.start) {
            out.push(Timex {
                span,
                kind: c.kind,
                value,
                modifier: c.modifier,
            });
        }
        i = next;
    }
}
