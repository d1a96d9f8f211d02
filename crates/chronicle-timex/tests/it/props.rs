//! Properties: any document date gives well-formed TIMEX3 values; any text
//! (including random bytes-as-text and random temporal word salad) tags
//! without panicking into sorted, disjoint, in-bounds spans on char boundaries.

use std::sync::LazyLock;

use chronicle_model::{Date, Timex, TimexType};
use chronicle_timex::tag_text;
use proptest::prelude::*;
use regex::Regex;

static DATE_VALUE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:PRESENT_REF|PAST_REF|FUTURE_REF|\d{2}|\d{3}|XXX?|(?:\d{4}|XXXX)(?:-(?:\d{2}|XX|W\d{2}|WXX|Q[1-4X]|H[12]|SP|SU|FA|WI)(?:-(?:\d{2}|XX|WE|[1-7]))?)?(?:T(?:\d{2}:\d{2}|MO|AF|EV|NI))?)$",
    )
    .unwrap()
});
static DURATION_VALUE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^P(?:(?:\d+|X)[YMWDQ])*(?:T(?:(?:\d+|X)[HMS])+)?$").unwrap());
static SET_VALUE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:P(?:\d+[YMWDQ])*(?:T(?:\d+[HMS])+)?|XXXX(?:-(?:\d{2}|XX|WXX|Q[1-4]|SP|SU|FA|WI))?(?:-(?:XX|[1-7]|WE))?(?:T(?:MO|AF|EV|NI))?)$").unwrap()
});

/// Checks the TIMEX3 value grammar and that full dates are real calendar dates.
fn valid(t: &Timex) -> bool {
    let v = t.value.as_str();
    let shape = match t.kind {
        TimexType::Date | TimexType::Time => DATE_VALUE.is_match(v),
        TimexType::Duration => DURATION_VALUE.is_match(v) && v.len() > 1,
        // "every 31 1/2 years" is `P31Y6M`: a period may have several units.
        TimexType::Set => SET_VALUE.is_match(v) && v != "P",
    };
    if !shape {
        return false;
    }
    // Any YYYY-MM-DD prefix must be a real date.
    let b = v.as_bytes();
    if b.len() >= 10 && b[..4].iter().all(u8::is_ascii_digit) && b[4] == b'-' && b[7] == b'-' {
        if let (Ok(y), Ok(m), Ok(d)) = (
            v[..4].parse::<i16>(),
            v[5..7].parse::<i8>(),
            v[8..10].parse::<i8>(),
        ) {
            return Date::new(y, m, d).is_ok();
        }
    }
    true
}

fn check_layer(text: &str, timexes: &[Timex]) -> Result<(), TestCaseError> {
    let mut prev_end = 0u32;
    for t in timexes {
        prop_assert!(
            t.span.is_valid_in(text),
            "span {:?} invalid in {:?}",
            t.span,
            text
        );
        prop_assert!(!t.span.is_empty());
        prop_assert!(
            t.span.start >= prev_end,
            "unsorted or overlapping: {:?}",
            timexes
        );
        prev_end = t.span.end;
        prop_assert!(
            valid(t),
            "bad value {:?} {} for {:?}",
            t.kind,
            t.value,
            &text[t.span.range()]
        );
    }
    Ok(())
}

const SAMPLE: &str = "On Friday, last year, in July and September, two weeks ago, the next three years, \
    every Monday, mid-2015, the 1990s, earlier this month, Christmas Eve, fiscal 2016, the third quarter, \
    last summer, 10:30 a.m. Tuesday, Friday night, now, recently, the future, Feb. 29, March 31, \
    a year earlier, the year-ago quarter, next week, the weekend, tonight, Thanksgiving, Easter, \
    the first half, 3 days later, six months from now, the '90s, the 20th century, year-end.";

const WORDS: &[&str] = &[
    "the",
    "a",
    "last",
    "next",
    "this",
    "past",
    "coming",
    "early",
    "late",
    "mid",
    "earlier",
    "later",
    "year",
    "years",
    "month",
    "week",
    "weekend",
    "day",
    "quarter",
    "decade",
    "century",
    "hour",
    "Friday",
    "Fridays",
    "night",
    "morning",
    "May",
    "March",
    "Jan.",
    "Sept.",
    "31",
    "30",
    "29",
    "1",
    "2017",
    "1999",
    "9999",
    "0",
    "1990s",
    "'90s",
    "ago",
    "from",
    "now",
    "of",
    "fiscal",
    "third",
    "first",
    "half",
    "Christmas",
    "Eve",
    "New",
    "Year",
    "'s",
    "every",
    "each",
    "twice",
    "about",
    "at",
    "least",
    "more",
    "than",
    "10:30",
    "a.m.",
    "p.m.",
    "EDT",
    ",",
    ".",
    "-",
    "year-earlier",
    "two",
    "twenty",
    "nineteen",
    "ninety-six",
    "1/2",
    "recent",
    "the",
    "end",
    "2017-02-29",
    "3/4/2017",
];

fn salad() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(WORDS), 0..40).prop_map(|w| w.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn any_date_gives_valid_values(y in 1i16..=9999, m in 1i8..=12, d in 1i8..=28) {
        let dct = Date::new(y, m, d).unwrap();
        let t = tag_text(SAMPLE, Some(dct));
        prop_assert!(t.len() > 20);
        check_layer(SAMPLE, &t)?;
    }

    #[test]
    fn word_salad_never_panics(text in salad(), y in 1i16..=9999) {
        let dct = Date::new(y, 6, 15).ok();
        check_layer(&text, &tag_text(&text, dct))?;
        check_layer(&text, &tag_text(&text, None))?;
    }

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,200}") {
        check_layer(&text, &tag_text(&text, Some(Date::constant(2017, 3, 2))))?;
    }

    #[test]
    fn arbitrary_chars_never_panic(text in any::<String>()) {
        check_layer(&text, &tag_text(&text, Some(Date::constant(2000, 1, 1))))?;
    }
}

#[test]
fn huge_and_binary_looking_text() {
    // Linear time: a megabyte of mixed text and control bytes goes through in one pass.
    let mut text = String::new();
    for i in 0..20_000u32 {
        text.push_str("x\u{0}\u{1}\u{fffd} 19");
        text.push(char::from_u32(0x41 + i % 26).unwrap_or('a'));
        text.push_str(" last week---  2017-02-29 ");
    }
    let t = tag_text(&text, Some(Date::constant(2017, 3, 2)));
    assert!(!t.is_empty());
    for x in &t {
        assert!(x.span.is_valid_in(&text));
    }
    // Nesting phrases cannot recurse without bound.
    for unit in [
        "the end of ",
        "early ",
        "earlier in the ",
        "about the ",
        "the beginning of the middle of ",
        "the day before ",
        "no more than ",
    ] {
        let nested = unit.repeat(50_000) + "1990";
        let t = tag_text(&nested, Some(Date::constant(2017, 3, 2)));
        assert!(t.iter().all(|x| x.span.is_valid_in(&nested)));
    }
    let long_word = "a".repeat(1 << 20);
    assert!(tag_text(&long_word, None).is_empty());
}

#[test]
fn sets_with_fractional_counts_are_valid() {
    // Found by `word_salad_never_panics`: a half count gives a period of two units.
    let text = "It happens every 31 1/2 years and every 2 1/2 hours.";
    let timexes = tag_text(text, Some(Date::constant(2017, 3, 2)));
    let values: Vec<&str> = timexes.iter().map(|t| t.value.as_str()).collect();
    assert_eq!(values, ["P31Y6M", "PT2H30M"]);
    assert!(timexes.iter().all(valid), "{timexes:?}");
}
