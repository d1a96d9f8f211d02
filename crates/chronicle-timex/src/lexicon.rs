//! The word classes the grammar works on. Every token (or hyphen-separated
//! part of one) is looked up once, lower-cased into a stack buffer, so the
//! grammar compares small enums instead of strings.

/// Calendar units.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Second,
    Minute,
    Hour,
    Day,
    Weekend,
    Week,
    Month,
    Quarter,
    Year,
    Decade,
    Century,
}

/// Function and cue words the grammar needs by name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum W {
    The,
    A,
    This,
    That,
    These,
    Last,
    Next,
    Past,
    Coming,
    Previous,
    Following,
    Ago,
    Earlier,
    Later,
    Early,
    Late,
    Mid,
    End,
    Beginning,
    Start,
    Middle,
    Of,
    In,
    At,
    Fiscal,
    Every,
    Each,
    Per,
    About,
    Around,
    Approximately,
    Nearly,
    Almost,
    Some,
    More,
    Less,
    Than,
    Least,
    Most,
    Up,
    To,
    Few,
    Several,
    Couple,
    Recent,
    Recently,
    Current,
    Currently,
    Now,
    Today,
    Yesterday,
    Tomorrow,
    Tonight,
    Future,
    Present,
    Soon,
    Previously,
    Daily,
    Weekly,
    Monthly,
    Yearly,
    Quarterly,
    Hourly,
    Nightly,
    Once,
    Twice,
    Times,
    Or,
    And,
    Between,
    So,
    Beyond,
    Right,
    Noon,
    Midnight,
    Half,
    Latest,
    Same,
    Comparable,
    Corresponding,
    Then,
    Period,
    Term,
    Near,
    Short,
    Long,
    From,
    Hence,
    Ahead,
    Before,
    After,
    Full,
    Eve,
    New,
    Christmas,
    Thanksgiving,
    Easter,
    Halloween,
    Independence,
    Valentine,
    Labor,
    Memorial,
    Election,
    Boxing,
    Good,
    Veterans,
    Lately,
    Nowadays,
    Other2,
    Over,
    Under,
    Within,
    Moment,
    While,
    Time,
    Upcoming,
    Former,
    Zone,
    Hundred,
    Thousand,
    Since,
    Until,
    By,
    During,
    Through,
    For,
}

/// Parts of the day (TIMEX3 `TMO`, `TAF`, `TEV`, `TNI`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pod {
    Morning,
    Afternoon,
    Evening,
    Night,
}

impl Pod {
    pub fn code(self) -> &'static str {
        match self {
            Pod::Morning => "MO",
            Pod::Afternoon => "AF",
            Pod::Evening => "EV",
            Pod::Night => "NI",
        }
    }
}

/// Seasons (TIMEX3 `SP`, `SU`, `FA`, `WI`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Season {
    Spring,
    Summer,
    Fall,
    Winter,
}

impl Season {
    pub fn code(self) -> &'static str {
        match self {
            Season::Spring => "SP",
            Season::Summer => "SU",
            Season::Fall => "FA",
            Season::Winter => "WI",
        }
    }
}

/// The class of one token (or hyphen part).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lex {
    Other,
    /// A punctuation byte (`,` `.` `(` …).
    Punct(u8),
    /// The possessive clitic `'s`.
    Poss,
    /// Month 1..=12; `ambiguous` when the word is also a common verb (`May`, `March`).
    Month(u8, bool),
    /// ISO weekday 1 (Monday) ..= 7; `plural` for "Mondays".
    Weekday(u8, bool),
    Unit(Unit, bool),
    /// A number written in digits, with its digit count.
    Int(u32, u8),
    /// A cardinal number word (`two`, `twenty`).
    Card(u32),
    Ordinal(u32),
    /// The first year of a decade written as a decade (`1990s`, `'90s` → 1990, `nineties` → 90).
    Decade(i32),
    /// A clock time (hour 0..=24, minute), with a glued am/pm when written `10am`.
    Clock(u8, u8, Option<bool>),
    /// `a.m.` (false) or `p.m.` (true).
    AmPm(bool),
    /// `1/2`.
    HalfFrac,
    Season(Season),
    Pod(Pod),
    /// `2017-03-02`, `03/02/2017`.
    IsoDate(i32, u8, u8),
    Word(W),
}

/// Lower-cases `word` into `buf` when it fits; `None` for long words (never temporal).
#[inline]
fn lower<'b>(word: &str, buf: &'b mut [u8; 24]) -> Option<&'b str> {
    let bytes = word.as_bytes();
    if bytes.len() > buf.len() || !word.is_ascii() {
        return None;
    }
    for (d, s) in buf.iter_mut().zip(bytes) {
        *d = s.to_ascii_lowercase();
    }
    std::str::from_utf8(&buf[..bytes.len()]).ok()
}

/// Classifies one word or number (no hyphens inside; a final period is allowed).
pub fn classify(word: &str) -> Lex {
    let Some(&first) = word.as_bytes().first() else {
        return Lex::Other;
    };
    if first.is_ascii_digit() || first == b'\'' {
        return classify_number(word);
    }
    if !first.is_ascii_alphabetic() {
        return match word.as_bytes() {
            [b] if b.is_ascii_punctuation() => Lex::Punct(*b),
            _ if word == "’s" => Lex::Poss,
            _ => Lex::Other,
        };
    }
    let mut buf = [0u8; 24];
    let Some(w) = lower(word, &mut buf) else {
        return Lex::Other;
    };
    classify_word(w)
}

/// The month of an abbreviation as if it were written with its period.
fn classify_word_dotted(w: &str) -> Lex {
    let mut buf = [0u8; 24];
    let n = w.len().min(22);
    buf[..n].copy_from_slice(&w.as_bytes()[..n]);
    buf[n] = b'.';
    std::str::from_utf8(&buf[..n + 1]).map_or(Lex::Other, classify_word)
}

fn classify_word(w: &str) -> Lex {
    use Lex::*;
    use W::*;
    // Dotted forms are the abbreviations that take a period.
    let (w, dotted) = match w.strip_suffix('.') {
        Option::Some(s) => (s, true),
        Option::None => (w, false),
    };
    match w {
        "january" => Month(1, false),
        "jan" | "feb" | "apr" | "jun" | "jul" | "aug" | "sep" | "sept" | "oct" | "nov" | "dec"
            if !dotted =>
        {
            match classify_word_dotted(w) {
                Month(m, _) => Month(m, true),
                other => other,
            }
        }
        "jan" => Month(1, false),
        "february" | "feb" => Month(2, false),
        "march" => Month(3, true),
        "mar" if dotted => Month(3, false),
        // Undotted "Mar" (wire datelines: "Wed Mar 30, 2011") is ambiguous
        // like "Jan"; the grammar takes it only with a day or a year.
        "mar" => Month(3, true),
        "april" | "apr" => Month(4, false),
        "may" => Month(5, true),
        "june" | "jun" => Month(6, false),
        "july" | "jul" => Month(7, false),
        "august" | "aug" => Month(8, false),
        "september" | "sept" | "sep" => Month(9, false),
        "october" | "oct" => Month(10, false),
        "november" | "nov" => Month(11, false),
        "december" | "dec" => Month(12, false),
        "monday" => Weekday(1, false),
        "tuesday" => Weekday(2, false),
        "wednesday" => Weekday(3, false),
        "thursday" => Weekday(4, false),
        "friday" => Weekday(5, false),
        "saturday" => Weekday(6, false),
        "sunday" => Weekday(7, false),
        "mondays" => Weekday(1, true),
        "tuesdays" => Weekday(2, true),
        "wednesdays" => Weekday(3, true),
        "thursdays" => Weekday(4, true),
        "fridays" => Weekday(5, true),
        "saturdays" => Weekday(6, true),
        "sundays" => Weekday(7, true),
        "mon" if dotted => Weekday(1, false),
        "tue" | "tues" if dotted => Weekday(2, false),
        "wed" if dotted => Weekday(3, false),
        "thu" | "thur" | "thurs" if dotted => Weekday(4, false),
        "fri" if dotted => Weekday(5, false),
        "sat" if dotted => Weekday(6, false),
        "sun" if dotted => Weekday(7, false),
        "second" => Ordinal(2),
        "seconds" | "secs" => Unit(self::Unit::Second, true),
        "minute" | "min" => Unit(self::Unit::Minute, false),
        "minutes" | "mins" => Unit(self::Unit::Minute, true),
        "hour" | "hr" => Unit(self::Unit::Hour, false),
        "hours" | "hrs" => Unit(self::Unit::Hour, true),
        "day" => Unit(self::Unit::Day, false),
        "days" => Unit(self::Unit::Day, true),
        "weekend" => Unit(self::Unit::Weekend, false),
        "weekends" => Unit(self::Unit::Weekend, true),
        "week" => Unit(self::Unit::Week, false),
        "weeks" => Unit(self::Unit::Week, true),
        "month" => Unit(self::Unit::Month, false),
        "months" => Unit(self::Unit::Month, true),
        "quarter" => Unit(self::Unit::Quarter, false),
        "quarters" => Unit(self::Unit::Quarter, true),
        "year" | "yr" => Unit(self::Unit::Year, false),
        "years" | "yrs" => Unit(self::Unit::Year, true),
        "decade" => Unit(self::Unit::Decade, false),
        "decades" => Unit(self::Unit::Decade, true),
        "century" => Unit(self::Unit::Century, false),
        "centuries" => Unit(self::Unit::Century, true),
        "spring" => Season(self::Season::Spring),
        "summer" => Season(self::Season::Summer),
        "fall" | "autumn" => Season(self::Season::Fall),
        "winter" => Season(self::Season::Winter),
        "morning" => Pod(self::Pod::Morning),
        "afternoon" => Pod(self::Pod::Afternoon),
        "evening" => Pod(self::Pod::Evening),
        "night" | "overnight" | "nights" => Pod(self::Pod::Night),
        "mornings" => Pod(self::Pod::Morning),
        "afternoons" => Pod(self::Pod::Afternoon),
        "evenings" => Pod(self::Pod::Evening),
        "a" | "an" => Word(A),
        "the" => Word(The),
        "this" => Word(This),
        "that" => Word(That),
        "these" => Word(These),
        "last" => Word(Last),
        "next" => Word(Next),
        "past" => Word(Past),
        "coming" => Word(Coming),
        "previous" | "prior" | "preceding" => Word(Previous),
        "following" | "succeeding" => Word(Following),
        "ago" => Word(Ago),
        "earlier" => Word(Earlier),
        "later" => Word(Later),
        "early" => Word(Early),
        "late" => Word(Late),
        "mid" => Word(Mid),
        "end" => Word(End),
        "beginning" => Word(Beginning),
        "start" => Word(Start),
        "middle" => Word(Middle),
        "of" => Word(Of),
        "in" => Word(In),
        "at" => Word(At),
        "fiscal" => Word(Fiscal),
        "every" => Word(Every),
        "each" => Word(Each),
        "per" => Word(Per),
        "about" => Word(About),
        "around" => Word(Around),
        "approximately" | "roughly" => Word(Approximately),
        "nearly" => Word(Nearly),
        "almost" => Word(Almost),
        "some" => Word(Some),
        "more" => Word(More),
        "less" | "fewer" => Word(Less),
        "than" => Word(Than),
        "least" => Word(Least),
        "most" => Word(Most),
        "up" => Word(Up),
        "to" => Word(To),
        "few" => Word(Few),
        "several" | "many" => Word(Several),
        "couple" => Word(Couple),
        "recent" => Word(Recent),
        "recently" => Word(Recently),
        "current" => Word(Current),
        "currently" | "presently" => Word(Currently),
        "now" => Word(Now),
        "today" => Word(Today),
        "yesterday" => Word(Yesterday),
        "tomorrow" => Word(Tomorrow),
        "tonight" => Word(Tonight),
        "future" => Word(Future),
        "present" => Word(Present),
        "soon" => Word(Soon),
        "previously" | "formerly" => Word(Previously),
        "daily" => Word(Daily),
        "weekly" => Word(Weekly),
        "monthly" => Word(Monthly),
        "yearly" | "annually" => Word(Yearly),
        "quarterly" => Word(Quarterly),
        "hourly" => Word(Hourly),
        "nightly" => Word(Nightly),
        "once" => Word(Once),
        "twice" => Word(Twice),
        "times" => Word(Times),
        "or" => Word(Or),
        "and" => Word(And),
        "between" => Word(Between),
        "so" => Word(So),
        "beyond" => Word(Beyond),
        "right" => Word(Right),
        "noon" | "midday" => Word(Noon),
        "midnight" => Word(Midnight),
        "half" => Word(Half),
        "latest" | "most-recent" => Word(Latest),
        "same" => Word(Same),
        "comparable" => Word(Comparable),
        "corresponding" => Word(Corresponding),
        "then" => Word(Then),
        "period" => Word(Period),
        "term" => Word(Term),
        "near" => Word(Near),
        "short" => Word(Short),
        "long" => Word(Long),
        "from" => Word(From),
        "hence" => Word(Hence),
        "ahead" => Word(Ahead),
        "before" => Word(Before),
        "after" => Word(After),
        "full" => Word(Full),
        "eve" => Word(Eve),
        "new" => Word(New),
        "christmas" | "xmas" => Word(Christmas),
        "thanksgiving" => Word(Thanksgiving),
        "easter" => Word(Easter),
        "halloween" => Word(Halloween),
        "independence" => Word(Independence),
        "valentine" => Word(Valentine),
        "labor" | "labour" => Word(Labor),
        "memorial" => Word(Memorial),
        "election" => Word(Election),
        "boxing" => Word(Boxing),
        "good" => Word(Good),
        "veterans" => Word(Veterans),
        "lately" => Word(Lately),
        "nowadays" => Word(Nowadays),
        "over" => Word(Over),
        "since" => Word(Since),
        "until" | "till" => Word(Until),
        "by" => Word(By),
        "for" => Word(For),
        "during" => Word(During),
        "through" | "throughout" => Word(Through),
        "under" => Word(Under),
        "within" => Word(Within),
        "moment" => Word(Moment),
        "while" => Word(While),
        "time" => Word(Time),
        "upcoming" => Word(Upcoming),
        "former" => Word(Former),
        "hundred" => Word(Hundred),
        "thousand" => Word(Thousand),
        "edt" | "est" | "cst" | "cdt" | "pst" | "pdt" | "mst" | "mdt" | "gmt" | "utc" | "bst"
        | "cet" | "et" | "pt" => Word(Zone),
        // Zones of international wire datelines ("10:10 am IST").
        "ist" | "jst" | "cest" | "eet" | "eest" | "aest" | "aedt" | "hkt" | "sgt" | "msk"
        | "hst" | "akst" | "akdt" => Word(Zone),
        "a.m" | "am" => AmPm(false),
        "p.m" | "pm" => AmPm(true),
        "o'clock" => Word(Other2),
        _ => number_word(w).or_else(|| decade_word(w)).unwrap_or(Other),
    }
}

/// Cardinal and ordinal number words up to the nineties.
fn number_word(w: &str) -> Option<Lex> {
    let n = match w {
        "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "thirteen" => 13,
        "fourteen" => 14,
        "fifteen" => 15,
        "sixteen" => 16,
        "seventeen" => 17,
        "eighteen" => 18,
        "nineteen" => 19,
        "twenty" => 20,
        "thirty" => 30,
        "forty" => 40,
        "fifty" => 50,
        "sixty" => 60,
        "seventy" => 70,
        "eighty" => 80,
        "ninety" => 90,
        "dozen" => 12,
        _ => {
            let o = match w {
                "first" => 1,
                "third" => 3,
                "fourth" => 4,
                "fifth" => 5,
                "sixth" => 6,
                "seventh" => 7,
                "eighth" => 8,
                "ninth" => 9,
                "tenth" => 10,
                "eleventh" => 11,
                "twelfth" => 12,
                "thirteenth" => 13,
                "fourteenth" => 14,
                "fifteenth" => 15,
                "sixteenth" => 16,
                "seventeenth" => 17,
                "eighteenth" => 18,
                "nineteenth" => 19,
                "twentieth" => 20,
                "thirtieth" => 30,
                "twenty-first" => 21,
                _ => return None,
            };
            return Some(Lex::Ordinal(o));
        }
    };
    Some(Lex::Card(n))
}

/// Decades written as words: "nineties" → 90 (century left to the resolver).
fn decade_word(w: &str) -> Option<Lex> {
    let d = match w {
        "twenties" => 20,
        "thirties" => 30,
        "forties" => 40,
        "fifties" => 50,
        "sixties" => 60,
        "seventies" => 70,
        "eighties" => 80,
        "nineties" => 90,
        _ => return None,
    };
    Some(Lex::Decade(d))
}

/// Digits: integers, clock times, ordinals (`3rd`), decades (`1990s`, `'90s`),
/// glued am/pm (`10am`), ISO and slashed dates, `1/2`.
fn classify_number(word: &str) -> Lex {
    let b = word.as_bytes();
    if b[0] == b'\'' {
        // '90s
        if b.len() == 4 && b[1].is_ascii_digit() && b[2].is_ascii_digit() && b[3] == b's' {
            return Lex::Decade(((b[1] - b'0') * 10 + (b[2] - b'0')) as i32);
        }
        return Lex::Other;
    }
    let digits = b.iter().take_while(|c| c.is_ascii_digit()).count();
    let rest = &word[digits..];
    let n: u32 = match word[..digits].parse() {
        Ok(n) if digits <= 9 => n,
        _ => return Lex::Other,
    };
    if rest.is_empty() {
        return Lex::Int(n, digits as u8);
    }
    let mut buf = [0u8; 24];
    let lower_rest = lower(rest, &mut buf).unwrap_or("");
    match lower_rest {
        "s" if digits == 4 && n.is_multiple_of(10) => return Lex::Decade(n as i32),
        "s" if digits == 2 && n.is_multiple_of(10) => return Lex::Decade(n as i32),
        "st" | "nd" | "rd" | "th" if digits <= 2 => return Lex::Ordinal(n),
        "am" | "a.m." | "a.m" if (1..=12).contains(&n) => {
            return Lex::Clock(n as u8, 0, Some(false))
        }
        "pm" | "p.m." | "p.m" if (1..=12).contains(&n) => {
            return Lex::Clock(n as u8, 0, Some(true))
        }
        _ => {}
    }
    match rest.as_bytes() {
        [b':', m1, m2, tail @ ..] if digits <= 2 && m1.is_ascii_digit() && m2.is_ascii_digit() => {
            let m = (m1 - b'0') * 10 + (m2 - b'0');
            if n > 24 || m > 59 {
                return Lex::Other;
            }
            let ampm = match tail {
                [] => None,
                t if t.eq_ignore_ascii_case(b"am") || t.eq_ignore_ascii_case(b"a.m.") => {
                    Some(false)
                }
                t if t.eq_ignore_ascii_case(b"pm") || t.eq_ignore_ascii_case(b"p.m.") => Some(true),
                _ => return Lex::Other,
            };
            Lex::Clock(n as u8, m, ampm)
        }
        [b'/', b'2'] if n == 1 => Lex::HalfFrac,
        _ => iso_or_slash_date(word).unwrap_or(Lex::Other),
    }
}

/// `2017-03-02`, `2017/03/02`, or US `3/2/2017`; only valid calendar dates.
fn iso_or_slash_date(word: &str) -> Option<Lex> {
    let sep = if word.contains('-') { '-' } else { '/' };
    let mut it = word.split(sep);
    let a = it.next()?;
    let b = it.next()?;
    let c = it.next()?;
    if it.next().is_some() {
        return None;
    }
    let num = |s: &str| -> Option<u32> {
        if s.is_empty() || s.len() > 4 || !s.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        s.parse().ok()
    };
    let (y, m, d) = if a.len() == 4 {
        (num(a)?, num(b)?, num(c)?)
    } else if c.len() == 4 && sep == '/' {
        (num(c)?, num(a)?, num(b)?)
    } else {
        return None;
    };
    let y = y as i32;
    if !(1000..=2999).contains(&y) || crate::value::valid_ymd(y, m, d).is_none() {
        return None;
    }
    Some(Lex::IsoDate(y, m as u8, d as u8))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words() {
        assert_eq!(classify("Sept."), Lex::Month(9, false));
        assert_eq!(classify("May"), Lex::Month(5, true));
        assert_eq!(classify("Fridays"), Lex::Weekday(5, true));
        assert_eq!(classify("Sun"), Lex::Other);
        assert_eq!(classify("Sun."), Lex::Weekday(7, false));
        assert_eq!(classify("twenty"), Lex::Card(20));
        assert_eq!(classify("third"), Lex::Ordinal(3));
        assert_eq!(classify("nineties"), Lex::Decade(90));
        assert_eq!(classify("annual"), Lex::Other);
        assert_eq!(classify("annually"), Lex::Word(W::Yearly));
    }

    #[test]
    fn numbers() {
        assert_eq!(classify("1990"), Lex::Int(1990, 4));
        assert_eq!(classify("1990s"), Lex::Decade(1990));
        assert_eq!(classify("'90s"), Lex::Decade(90));
        assert_eq!(classify("10:35"), Lex::Clock(10, 35, None));
        assert_eq!(classify("10pm"), Lex::Clock(10, 0, Some(true)));
        assert_eq!(classify("21st"), Lex::Ordinal(21));
        assert_eq!(classify("2017-03-02"), Lex::IsoDate(2017, 3, 2));
        assert_eq!(classify("3/2/2017"), Lex::IsoDate(2017, 3, 2));
        assert_eq!(classify("2017-02-30"), Lex::Other);
        assert_eq!(classify("1/2"), Lex::HalfFrac);
        assert_eq!(classify("99:99"), Lex::Other);
        assert_eq!(classify("12345678901234"), Lex::Other);
    }
}
