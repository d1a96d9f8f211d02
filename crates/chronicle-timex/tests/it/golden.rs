//! Golden tests: one timex a line, `start..end TYPE value [MOD] "text"`.
//! Refresh with `UPDATE_EXPECT=1 cargo test -p chronicle-timex`.

use chronicle_model::Date;
use chronicle_timex::tag_text;
use expect_test::{expect, Expect};

fn render(text: &str, dct: Option<Date>) -> String {
    let mut out = String::new();
    for t in tag_text(text, dct) {
        let m = t
            .modifier
            .map(|m| format!(" {}", m.as_str()))
            .unwrap_or_default();
        out.push_str(&format!(
            "{}..{} {} {}{} {:?}\n",
            t.span.start,
            t.span.end,
            t.kind.as_str(),
            t.value,
            m,
            &text[t.span.range()]
        ));
    }
    out
}

/// The article date of the examples in issue 3 (a Thursday).
fn dct() -> Option<Date> {
    Some(Date::constant(2017, 3, 2))
}

fn check(text: &str, expect: Expect) {
    expect.assert_eq(&render(text, dct()));
}

#[test]
fn relative_days_and_weekdays() {
    check(
        "The minister resigned late on Wednesday. He met them on Friday and will meet them again on Friday. \
         Yesterday afternoon it rained; tomorrow it will not; the day before it snowed.",
        expect![[r#"
            30..39 DATE 2017-03-01 "Wednesday"
            56..62 DATE 2017-02-24 "Friday"
            91..97 DATE 2017-03-03 "Friday"
            99..118 TIME 2017-03-01TAF "Yesterday afternoon"
            130..138 DATE 2017-03-03 "tomorrow"
            152..159 DATE 2017-03-02 "the day"
        "#]],
    );
}

#[test]
fn narrative_year_carries_to_bare_months() {
    check(
        "Sales fell last year in July and September, and rose last month. In 2010 they peaked in May.",
        expect![[r#"
            11..20 DATE 2016 "last year"
            24..28 DATE 2016-07 "July"
            33..42 DATE 2016-09 "September"
            53..63 DATE 2017-02 "last month"
            68..72 DATE 2010 "2010"
            88..91 DATE 2010-05 "May"
        "#]],
    );
}

#[test]
fn ago_and_anchored_offsets() {
    check(
        "Two weeks ago he left; a decade ago he arrived; three days later he called. Six months from now.",
        expect![[r#"
            0..13 DATE 2017-W07 "Two weeks ago"
            23..35 DATE 2007 "a decade ago"
            48..58 DURATION P3D "three days"
            76..95 DATE 2017-09 "Six months from now"
        "#]],
    );
}

#[test]
fn durations() {
    check(
        "Over the next three years, for five hours, a two-year contract, 2 1/2 years, about a decade, \
         at least 30 days, the first nine months, for years, a few minutes, the past two weeks, \
         eight trading days, over the past decade, in the past century, in the last decade, \
         a day-long meeting, a decades-long battle, a year-long strike. It will sell bonds at a later \
         date and had hoped for an earlier date. It will sell as soon as possible.",
        expect![[r#"
            5..25 DURATION P3Y "the next three years"
            31..41 DURATION PT5H "five hours"
            45..53 DURATION P2Y "two-year"
            64..75 DURATION P2Y6M "2 1/2 years"
            83..91 DURATION P10Y APPROX "a decade"
            93..109 DURATION P30D EQUAL_OR_MORE "at least 30 days"
            111..132 DURATION P9M "the first nine months"
            138..143 DURATION PXY "years"
            145..158 DURATION PTXM "a few minutes"
            160..178 DURATION P2W "the past two weeks"
            180..198 DURATION P8D "eight trading days"
            205..220 DURATION P10Y "the past decade"
            225..241 DURATION P100Y "the past century"
            246..261 DATE 200 "the last decade"
            265..273 DURATION P1D "day-long"
            285..297 DURATION PXY "decades-long"
            308..317 DURATION P1Y "year-long"
            348..360 DATE FUTURE_REF "a later date"
            379..394 DATE PAST_REF "an earlier date"
            409..428 DATE FUTURE_REF "as soon as possible"
        "#]],
    );
}

#[test]
fn sets() {
    check(
        "We meet every Monday, twice a week, daily, each July, on Tuesday nights, $5 a year, \
         24 hours a day, and save $5 million in a year.",
        expect![[r#"
            8..20 SET XXXX-WXX-1 "every Monday"
            22..34 SET P1W "twice a week"
            36..41 SET P1D "daily"
            43..52 SET XXXX-07 "each July"
            57..71 SET XXXX-WXX-2TNI "Tuesday nights"
            84..92 DURATION PT24H "24 hours"
            93..98 SET P1D "a day"
            123..129 DURATION P1Y "a year"
        "#]],
    );
}

#[test]
fn positions_decades_centuries() {
    check(
        "In mid-2015, the 1990s, the early 1980s, the '90s, the 20th century, earlier this month, \
         late November, the end of 1990, the first half of 2016, year-end. Stocks are up since year-end. \
         In the last half of the '80s the then-current chairman left; the first half of the 1990s.",
        expect![[r#"
            3..11 DATE 2015 MID "mid-2015"
            13..22 DATE 199 "the 1990s"
            24..39 DATE 198 START "the early 1980s"
            41..49 DATE 199 "the '90s"
            51..67 DATE 19 "the 20th century"
            69..87 DATE 2017-03 START "earlier this month"
            89..102 DATE 2016-11 END "late November"
            104..119 DATE 1990 END "the end of 1990"
            121..143 DATE 2016-H1 "the first half of 2016"
            145..153 DATE 2017 END "year-end"
            175..183 DATE 2016 END "year-end"
            188..213 DATE 198 END "the last half of the '80s"
            218..230 DATE PAST_REF "then-current"
            246..273 DATE 199 START "the first half of the 1990s"
        "#]],
    );
}

#[test]
fn holidays_and_fiscal_periods() {
    check(
        "On Christmas Eve, Thanksgiving, New Year's Day and Easter; in fiscal 2016, the third quarter, \
         third-quarter profit, the first quarter of 2015, Q-less the fourth quarter.",
        expect![[r#"
            3..16 DATE 2016-12-24 "Christmas Eve"
            18..30 DATE 2016-11-24 "Thanksgiving"
            32..46 DATE 2017-01-01 "New Year's Day"
            51..57 DATE 2016-03-27 "Easter"
            62..73 DATE 2016 "fiscal 2016"
            75..92 DATE 2016-Q3 "the third quarter"
            94..107 DATE 2016-Q3 "third-quarter"
            116..141 DATE 2015-Q1 "the first quarter of 2015"
            150..168 DATE 2016-Q4 "the fourth quarter"
        "#]],
    );
}

#[test]
fn seasons_and_weeks() {
    check(
        "Last summer, this spring, the winter of 2014, last week, this week, next month, the weekend.",
        expect![[r#"
            0..11 DATE 2016-SU "Last summer"
            13..24 DATE 2017-SP "this spring"
            26..44 DATE 2014-WI "the winter of 2014"
            46..55 DATE 2017-W08 "last week"
            57..66 DATE 2017-W09 "this week"
            68..78 DATE 2017-04 "next month"
            80..91 DATE 2017-W09-WE "the weekend"
        "#]],
    );
}

#[test]
fn times_of_day() {
    check(
        "At 10:30 a.m., at 3 p.m. Tuesday, Friday night, this morning, tonight, last night, at noon, \
         at 4 a.m. EDT Thursday.",
        expect![[r#"
            3..13 TIME 2017-03-02T10:30 "10:30 a.m."
            18..32 TIME 2017-02-28T15:00 "3 p.m. Tuesday"
            34..46 DATE 2017-02-24TNI "Friday night"
            48..60 TIME 2017-03-02TMO "this morning"
            62..69 TIME 2017-03-02TNI "tonight"
            71..81 TIME 2017-03-01TNI "last night"
            86..90 TIME 2017-03-01T12:00 "noon"
            95..114 TIME 2017-03-02T04:00 "4 a.m. EDT Thursday"
        "#]],
    );
}

#[test]
fn references() {
    check(
        "It is now raining and currently cold; recently things changed; in the future, in the past, \
         current prices, these days.",
        expect![[r#"
            6..9 DATE PRESENT_REF "now"
            22..31 DATE PRESENT_REF "currently"
            38..46 DATE PAST_REF "recently"
            66..76 DATE FUTURE_REF "the future"
            81..89 DATE PAST_REF "the past"
            91..98 DATE PRESENT_REF "current"
            107..117 DATE PRESENT_REF "these days"
        "#]],
    );
}

#[test]
fn absolute_dates() {
    check(
        "On 2017-03-02, Jan. 5, 2016, 5 August 2015, July 1997, March 3/4/2017, Friday, Oct. 23, \
         nineteen ninety-six and in 1990.",
        expect![[r#"
            3..13 DATE 2017-03-02 "2017-03-02"
            15..27 DATE 2016-01-05 "Jan. 5, 2016"
            29..42 DATE 2015-08-05 "5 August 2015"
            44..53 DATE 1997-07 "July 1997"
            61..69 DATE 2017-03-04 "3/4/2017"
            71..86 DATE 1998-10-23 "Friday, Oct. 23"
            88..107 DATE 1996 "nineteen ninety-six"
            115..119 DATE 1990 "1990"
        "#]],
    );
}

#[test]
fn year_on_year_comparisons() {
    check(
        "Profit in the third quarter rose from a year earlier; the year-ago quarter was weak, and \
         year-earlier results were worse than in the quarter a year ago.",
        expect![[r#"
            10..27 DATE 2016-Q3 "the third quarter"
            38..52 DATE 2015-Q3 "a year earlier"
            54..74 DATE 2015-Q3 "the year-ago quarter"
            89..101 DATE 2015-Q3 "year-earlier"
            129..151 DATE 2015-Q3 "the quarter a year ago"
        "#]],
    );
}

#[test]
fn impossible_dates_are_never_values() {
    check(
        "It happened on February 30, 2016 and on April 31.",
        expect![[r#"
        28..32 DATE 2016 "2016"
    "#]],
    );
}

#[test]
fn no_document_date_gives_underspecified_values() {
    let text = "Yesterday, last year, in July, on Friday and on March 5, 2016, for two years.";
    expect![[r#"
        0..9 DATE XXXX-XX-XX "Yesterday"
        11..20 DATE XXXX "last year"
        25..29 DATE XXXX-07 "July"
        34..40 DATE XXXX-WXX-5 "Friday"
        48..61 DATE 2016-03-05 "March 5, 2016"
        67..76 DURATION P2Y "two years"
    "#]]
    .assert_eq(&render(text, None));
}

#[test]
fn ptb_tokenized_input() {
    check(
        "`` We met on Jan. 5 , 2016 , '' he said -LRB- last week -RRB- .",
        expect![[r#"
            13..26 DATE 2016-01-05 "Jan. 5 , 2016"
            46..55 DATE 2017-W08 "last week"
        "#]],
    );
}

#[test]
fn numbers_that_are_not_years_or_ages() {
    check(
        "About 2000 people, a 6-year-old boy, Mr. Smith, 52 years old, $1990 and 1,200 jobs.",
        expect![[r#""#]],
    );
}

#[test]
fn stage_reports_missing_date() {
    use chronicle_model::{Doc, Stage};
    let mut doc = Doc::new("d", None, "He left yesterday.");
    chronicle_text::Segmenter.annotate(&mut doc);
    chronicle_timex::TimexTagger::new().annotate(&mut doc);
    assert_eq!(doc.timexes.len(), 1);
    assert_eq!(doc.timexes[0].value, "XXXX-XX-XX");
    assert!(doc.diagnostics.iter().any(|d| d.stage == "timex"));
}

#[test]
fn spelled_out_years() {
    check(
        "By the year two thousand, and in January nineteen ninety-seven, as in the winter of \
         nineteen ninety-four.",
        expect![[r#"
            3..24 DATE 2000 "the year two thousand"
            33..62 DATE 1997-01 "January nineteen ninety-seven"
            70..104 DATE 1994-WI "the winter of nineteen ninety-four"
        "#]],
    );
}

#[test]
fn the_year_alone_is_the_current_one() {
    check(
        "For the year, volume was flat. Profit for the year ended Sept. 30 rose.",
        expect![[r#"
            4..12 DATE 2017 "the year"
            42..50 DURATION P1Y "the year"
            57..65 DATE 2016-09-30 "Sept. 30"
        "#]],
    );
}

#[test]
fn tense_cues_pick_past_or_future() {
    check(
        "The father would be traveling to the United States Thursday. \
         Mr. Schwarz will succeed Mr. Davison Oct. 1. \
         Reports had been filed by Wednesday. \
         The loan must be repaid by May. \
         The case is heard in May. \
         Members invited in July 2015 will officially join on March 12. \
         He met them Tuesday. \
         The group might come to the U.S. as soon as Tuesday.",
        expect![[r#"
            51..59 DATE 2017-03-02 "Thursday"
            98..104 DATE 2017-10-01 "Oct. 1"
            132..141 DATE 2017-03-01 "Wednesday"
            170..173 DATE 2017-05 "May"
            196..199 DATE 2017-05 "May"
            220..229 DATE 2015-07 "July 2015"
            254..262 DATE 2017-03-12 "March 12"
            276..283 DATE 2017-02-28 "Tuesday"
            329..336 DATE 2017-03-07 "Tuesday"
        "#]],
    );
}

#[test]
fn a_named_year_carries_only_nearby() {
    check(
        "Under a program approved by the company in 1987 that did not specify a share amount or \
         a price, Nashua had purchased 481,000 shares through Sept. 29. In 2010 they met in May.",
        expect![[r#"
            43..47 DATE 1987 "1987"
            140..148 DATE 2016-09-29 "Sept. 29"
            153..157 DATE 2010 "2010"
            170..173 DATE 2010-05 "May"
        "#]],
    );
}

/// Regression (proptest, issue 3): a clock time before "Friday night" with
/// no usable date produced `XXXX-WXX-5TNIT10:30`.
#[test]
fn clock_time_before_a_part_of_day() {
    check(
        "He called at 10:30 Friday night.",
        expect![[r#"
            13..31 TIME 2017-02-24T22:30 "10:30 Friday night"
        "#]],
    );
    expect![[r#"
        13..31 TIME XXXX-WXX-5T22:30 "10:30 Friday night"
    "#]]
    .assert_eq(&render("He called at 10:30 Friday night.", None));
}

#[test]
fn fiscal_years_comparisons_and_discourse_now() {
    check(
        "Earnings will be lower for the fiscal year. In the fiscal year ended Jan. 31 it lost \
         money. The quarter-to-quarter comparison was hurt. Now, he said, sales are now rising. \
         A few days later it was over, after a minute and a half. Aqaba is the only outlet now \
         that a noose has tightened.",
        expect![[r#"
            27..42 DATE 2017 "the fiscal year"
            47..62 DURATION P1Y "the fiscal year"
            69..76 DATE 2017-01-31 "Jan. 31"
            160..163 DATE PRESENT_REF "now"
            172..182 DURATION PXD "A few days"
            208..227 DURATION PT1M30S "a minute and a half"
            254..257 DATE PRESENT_REF "now"
        "#]],
    );
}

#[test]
fn the_day_before_or_after_an_anchor() {
    check(
        "He was shot on Oct. 23. The men came the day after his death. \
         The day before last Tuesday's hearing he called. \
         Shares fell after Oct. 12, the day before the plunge.",
        expect![[r#"
            15..22 DATE 2016-10-23 "Oct. 23"
            37..44 DATE 2016-10-24 "the day"
            62..89 DATE 2017-02-27 "The day before last Tuesday"
            129..136 DATE 2016-10-12 "Oct. 12"
            138..145 DATE 2016-10-12 "the day"
        "#]],
    );
}

#[test]
fn previous_weekday_and_last_month_day() {
    check(
        "Shares closed Friday, down from the previous Friday. He was shot last Oct. 23 and \
         will appear next March 5.",
        expect![[r#"
            14..20 DATE 2017-02-24 "Friday"
            32..51 DATE 2017-02-17 "the previous Friday"
            65..77 DATE 2016-10-23 "last Oct. 23"
            94..106 DATE 2017-03-05 "next March 5"
        "#]],
    );
}

#[test]
fn names_and_ages_are_not_timexes() {
    check(
        "A man in his 30s told CBS 60 Minutes and VOA Today that this march was peaceful. \
         In the 1930s it rained for 60 minutes today.",
        expect![[r#"
            84..93 DATE 193 "the 1930s"
            108..118 DURATION PT60M "60 minutes"
            119..124 DATE 2017-03-02 "today"
        "#]],
    );
}

#[test]
fn no_more_than() {
    check(
        "It will take no more than sixty days, and no less than a week.",
        expect![[r#"
            13..36 DURATION P60D EQUAL_OR_LESS "no more than sixty days"
            42..61 DURATION P1W EQUAL_OR_MORE "no less than a week"
        "#]],
    );
}

#[test]
fn year_to_date_periods_compare_years() {
    check(
        "Fourth-quarter net rose from a year earlier. For the nine months, net rose from \
         a year earlier, and the year-earlier nine months included a gain. In the 2015 period \
         sales fell. Fourth-quarter sales rose from a year ago.",
        expect![[r#"
            0..14 DATE 2016-Q4 "Fourth-quarter"
            29..43 DATE 2015-Q4 "a year earlier"
            49..64 DURATION P9M "the nine months"
            80..94 DATE 2016 "a year earlier"
            100..128 DURATION P9M "the year-earlier nine months"
            149..164 DATE 2015 "the 2015 period"
            177..191 DATE 2016-Q4 "Fourth-quarter"
            208..218 DATE 2015-Q4 "a year ago"
        "#]],
    );
}

#[test]
fn reporting_quarter_is_the_most_named_completed_one() {
    check(
        "The company posted a gain in fourth-quarter net. Fourth-quarter sales rose. After a flat \
         third quarter, charges taken in the year-earlier period helped. Analysts expect the trend \
         to continue into the second quarter; profit was lower than a year ago.",
        expect![[r#"
            29..43 DATE 2016-Q4 "fourth-quarter"
            49..63 DATE 2016-Q4 "Fourth-quarter"
            89..102 DATE 2016-Q3 "third quarter"
            121..144 DATE 2015-Q4 "the year-earlier period"
            196..214 DATE 2017-Q2 "the second quarter"
            238..248 DATE 2015-Q4 "a year ago"
        "#]],
    );
}

#[test]
fn week_of_a_date_and_approximate_ago() {
    check(
        "Hearings are set for the week of March 6. The offensive began a week or so ago. \
         The company will call for the redemption on Dec. 7 of all the remaining shares.",
        expect![[r#"
            21..40 DATE 2017-W10 "the week of March 6"
            62..78 DATE 2017-W08 APPROX "a week or so ago"
            124..130 DATE 2017-12-07 "Dec. 7"
        "#]],
    );
}

#[test]
fn governing_verb_decides_bare_months() {
    // A past verb anywhere in the clause sends a month that is a season
    // ahead back a year; a fronted adjunct ("In January, …") looks past a
    // long subject for its verb; "payable" points ahead.
    check(
        "The operator changed from a fiscal year to a calendar year in May. \
         In June, a week after the anniversary of the decision by the court in the capital, \
         a bombing in the city killed a guard. It declared a dividend payable May 15.",
        expect![[r#"
            62..65 DATE 2016-05 "May"
            70..74 DATE 2016-06 "June"
            76..82 DURATION P1W "a week"
            219..225 DATE 2017-05-15 "May 15"
        "#]],
    );
}

#[test]
fn plans_as_nouns_do_not_point_ahead() {
    // "plans to" and "planned a rally" are plans; "vacation plans" and "a
    // service planned at the university" are a noun and a modifier.
    check(
        "On Tuesday, when she set aside vacation plans for the trip, nobody knew. \
         A service planned at the university for Wednesday was canceled. \
         Protesters planned a rally on Saturday.",
        expect![[r#"
            3..10 DATE 2017-02-28 "Tuesday"
            113..122 DATE 2017-03-01 "Wednesday"
            167..175 DATE 2017-03-04 "Saturday"
        "#]],
    );
}

#[test]
fn quarters_named_by_their_end_date_and_by_halves() {
    check(
        "In the quarter ended July 31, sales rose. Results for the first two quarters of 2016 \
         and the fiscal 2016 third quarter were flat.",
        expect![[r#"
            3..14 DATE 2016-Q2 "the quarter"
            21..28 DATE 2016-07-31 "July 31"
            54..84 DATE 2016-H1 "the first two quarters of 2016"
            89..118 DATE 2016-Q3 "the fiscal 2016 third quarter"
        "#]],
    );
}

#[test]
fn a_named_quarter_keeps_its_apposition() {
    // Once the text has named its (fiscal) quarter, "the quarter ended …"
    // refers back to it rather than to the calendar.
    check(
        "Profit rose in the fiscal first quarter. Sales for the quarter ended Sept. 29 rose.",
        expect![[r#"
            15..39 DATE 2017-Q1 "the fiscal first quarter"
            51..62 DATE 2017-Q1 "the quarter"
            69..77 DATE 2016-09-29 "Sept. 29"
        "#]],
    );
}

#[test]
fn month_ranges_close_on_ambiguous_months() {
    check(
        "Prices will rise between March and May. Theresa May spoke.",
        expect![[r#"
            25..30 DATE 2017-03 "March"
            35..38 DATE 2017-05 "May"
        "#]],
    );
}

#[test]
fn last_year_in_a_quarterly_comparison_is_the_year_ago_quarter() {
    // Outside a comparison "last year" stays the year.
    check(
        "Third-quarter earnings were $24 million, compared with a loss of $3 million last year. \
         The company was founded last year.",
        expect![[r#"
            0..13 DATE 2016-Q3 "Third-quarter"
            76..85 DATE 2015-Q3 "last year"
            111..120 DATE 2016 "last year"
        "#]],
    );
}

#[test]
fn a_plural_part_of_day_distributes_over_coordinated_weekdays() {
    check(
        "Flights leave on Monday and Tuesday nights. They met Monday and Tuesday night.",
        expect![[r#"
            17..23 SET XXXX-WXX-1TNI "Monday"
            28..42 SET XXXX-WXX-2TNI "Tuesday nights"
            53..59 DATE 2017-02-27 "Monday"
            64..77 DATE 2017-02-28TNI "Tuesday night"
        "#]],
    );
}

#[test]
fn a_holiday_week_is_the_week_that_holds_the_day() {
    // Easter 2017 is April 16; a week not yet over is this year's.
    check(
        "Crowds gathered as Easter week began. Christmas week was quiet.",
        expect![[r#"
            19..30 DATE 2016-W12 "Easter week"
            38..52 DATE 2016-W51 "Christmas week"
        "#]],
    );
}

#[test]
fn a_long_clause_keeps_its_tense() {
    check(
        "It said two new flights would leave Bombay on Monday and Tuesday from March 30, \
         with the third departing each Thursday from the city airport from August 6.",
        expect![[r#"
            46..52 DATE 2017-03-06 "Monday"
            57..64 DATE 2017-03-07 "Tuesday"
            70..78 DATE 2017-03-30 "March 30"
            105..118 SET XXXX-WXX-4 "each Thursday"
            146..154 DATE 2017-08-06 "August 6"
        "#]],
    );
}

#[test]
fn the_lead_quarter_wins_ties_and_history_never_reports() {
    check(
        "The company posted a gain in third-quarter net, its best since the third quarter of 2012. \
         After a flat second quarter, charges taken in the year-earlier period helped.",
        expect![[r#"
            29..42 DATE 2016-Q3 "third-quarter"
            63..88 DATE 2012-Q3 "the third quarter of 2012"
            103..117 DATE 2016-Q2 "second quarter"
            136..159 DATE 2015-Q3 "the year-earlier period"
        "#]],
    );
}

#[test]
fn day_ranges_and_month_modifiers() {
    // The second day of a range takes the first one's month; a count after
    // "to" is not a day; "the March accession" is a month, "the March for
    // Life" a name.
    check(
        "The summit will be held on April 24 and 25. Prices rose on May 3 to 5 percent. \
         The March accession will follow. The March for Life began.",
        expect![[r#"
            27..35 DATE 2017-04-24 "April 24"
            40..42 DATE 2017-04-25 "25"
            59..64 DATE 2016-05-03 "May 3"
            83..88 DATE 2017-03 "March"
        "#]],
    );
}

#[test]
fn scheduling_verbs_in_the_present_point_ahead() {
    // News narrates the past in the past tense: "meets", "resume" in the
    // simple present announce a plan; "the start" and "agreed to meet" do not.
    check(
        "Arafat and Netanyahu meet separately Monday with Albright. Talks resume Tuesday. \
         The two sides agreed to meet Wednesday.",
        expect![[r#"
            37..43 DATE 2017-03-06 "Monday"
            72..79 DATE 2017-03-07 "Tuesday"
            110..119 DATE 2017-03-01 "Wednesday"
        "#]],
    );
}

#[test]
fn a_comparison_compares_the_quarter_its_sentence_reports() {
    // The document mostly reports a fiscal first quarter; a sentence about
    // another company's third-quarter profit compares with that quarter's
    // year-ago one. A quarter named in passing ("after a flat second
    // quarter") does not redirect the comparison.
    check(
        "Delta posted fiscal first-quarter net. First-quarter sales rose. The fiscal first quarter \
         was strong. Comair reported third-quarter profit jumped from $4 million a year earlier. \
         After a flat second quarter, sales rose from a year earlier.",
        expect![[r#"
            13..33 DATE 2017-Q1 "fiscal first-quarter"
            39..52 DATE 2017-Q1 "First-quarter"
            65..89 DATE 2017-Q1 "The fiscal first quarter"
            118..131 DATE 2016-Q3 "third-quarter"
            162..176 DATE 2015-Q3 "a year earlier"
            191..205 DATE 2016-Q2 "second quarter"
            223..237 DATE 2016-Q1 "a year earlier"
        "#]],
    );
}

#[test]
fn part_of_day_of_the_narrated_day() {
    // "in the morning" after a named day is that day's morning; "three in
    // the morning" is a clock time, and without a day nothing is tagged.
    check(
        "Shares fell Friday. Dealers placed buy orders in the morning. \
         He stayed until three in the morning.",
        expect![[r#"
            12..18 DATE 2017-02-24 "Friday"
            49..60 TIME 2017-02-24TMO "the morning"
        "#]],
    );
    expect![[r#""#]].assert_eq(&render("People walk in the morning.", dct()));
}

#[test]
fn determiner_of_a_modified_noun_stays_outside() {
    // A timex used as a prenominal modifier leaves "the" to the noun
    // phrase it modifies; a timex heading its own phrase keeps it.
    check(
        "The 30-day rate rose. The two day rally ended. The third-quarter GNP growth slowed. \
         Sales fell in the third quarter.",
        expect![[r#"
            4..10 DURATION P30D "30-day"
            26..33 DURATION P2D "two day"
            51..64 DATE 2016-Q3 "third-quarter"
            98..115 DATE 2016-Q3 "the third quarter"
        "#]],
    );
}

#[test]
fn approximating_tails_belong_to_the_expression() {
    check(
        "Prices may fall in the next year or so. It could take a year or two, \
         or last for weeks or months. In recent weeks and months they rose. On Monday and Tuesday it rained.",
        expect![[r#"
            19..38 DATE 2018 "the next year or so"
            54..67 DURATION P1Y "a year or two"
            81..96 DURATION PXW "weeks or months"
            101..124 DURATION PXW "recent weeks and months"
            139..145 DATE 2017-02-27 "Monday"
            150..157 DATE 2017-02-28 "Tuesday"
        "#]],
    );
}

#[test]
fn possessive_weekday_ignores_the_clause_tense() {
    // "would" governs "look", not the day of the ruling.
    check(
        "They would look for ways around Wednesday's ruling. He will speak on Friday.",
        expect![[r#"
            32..41 DATE 2017-03-01 "Wednesday"
            69..75 DATE 2017-03-03 "Friday"
        "#]],
    );
}

#[test]
fn last_month_name_after_that_month_ended() {
    // Said on March 1, "last February" is not the month just ended (that is
    // "last month"), but the February a year before.
    let dct = Some(Date::constant(1998, 3, 1));
    expect![[r#"
        11..24 DATE 1997-02 "last February"
        29..37 DATE 1997-05 "last May"
        49..59 DATE 1998-02 "last month"
    "#]]
    .assert_eq(&render(
        "Sales fell last February and last May. They rose last month.",
        dct,
    ));
}

#[test]
fn annually_is_a_set_unless_it_divides_an_amount() {
    check(
        "The rally is held here annually. Sales should rise 8.5% annually. \
         It makes 10,000 units annually. Yearly fees rose.",
        expect![[r#"
            23..31 SET P1Y "annually"
        "#]],
    );
}

#[test]
fn bare_plural_units_ago_are_past_references() {
    check(
        "The company, which just months ago was losing money, and years ago was larger, \
         recovered two months ago.",
        expect![[r#"
            24..34 DATE PAST_REF "months ago"
            57..66 DATE PAST_REF "years ago"
            89..103 DATE 2017-01 "two months ago"
        "#]],
    );
}

/// Issue 3, extent and idiom rules: "about" stays outside an amount or a
/// clock time (TBAQ: 5 of 6) but opens an "ago" date; "one day" after a
/// modal is a time ahead; "for centuries" uses the TIMEX3 century unit;
/// "high noon" is no clock time; "the second day of …" is a date (the
/// document date when stated in the present); "for a while" is a length
/// of no stated unit.
#[test]
fn approximations_idioms_and_centuries() {
    check(
        "It blew up at about 10:35 a.m. after about five hours. He quit about two years ago \
         and nearly two months later. Islam will one day be larger; it took one day. \
         Moscow ruled for centuries. High noon comes today; the vote is at noon. \
         It's the second day of the offensive. On his first day in office, a day-long meeting. \
         They will live without power for a while, a while ago.",
        expect![[r#"
            20..30 TIME 2017-03-02T10:35 APPROX "10:35 a.m."
            43..53 DURATION PT5H APPROX "five hours"
            63..82 DATE 2015 APPROX "about two years ago"
            87..104 DURATION P2M LESS_THAN "nearly two months"
            123..130 DATE FUTURE_REF "one day"
            150..157 DURATION P1D "one day"
            176..185 DURATION PXC "centuries"
            203..208 DATE 2017-03-02 "today"
            225..229 TIME 2017-03-02T12:00 "noon"
            236..250 DATE 2017-03-02 "the second day"
            276..285 DATE XXXX-XX-XX "first day"
            299..307 DURATION P1D "day-long"
            350..357 DURATION PXX "a while"
        "#]],
    );
}

/// Issue 3, round 8: "since"/"as of" a bare month or day runs up to the
/// document date, so it is the latest one, not in the year the sentence
/// named for another event; a past perfect keeps the narrative year, and a
/// plain "in February" after a named year still takes that year.
#[test]
fn since_and_as_of_a_month_reach_the_present() {
    check(
        "It has sold 5 million songs since its launch in 2003, and as of February the store \
         accounts for 70%. It opened in 2003 and had grown since June. It opened in 2003 in \
         February. Sales have risen since November. Shares have fallen since March 20.",
        expect![[r#"
            48..52 DATE 2003 "2003"
            64..72 DATE 2017-02 "February"
            114..118 DATE 2003 "2003"
            139..143 DATE 2003-06 "June"
            158..162 DATE 2003 "2003"
            166..174 DATE 2003-02 "February"
            199..207 DATE 2016-11 "November"
            234..242 DATE 2016-03-20 "March 20"
        "#]],
    );
}

/// Issue 3, round 8: future in the past. A temporal clause's past verb
/// under a future cue is backshifted ("would resign after the board met
/// Tuesday" reports "will resign after the board meets Tuesday"), and
/// "likely to" looks ahead; a past main clause keeps the clause past, and
/// so does a question ("would not say when …").
#[test]
fn future_in_the_past_through_temporal_clauses() {
    check(
        "Analysts said investors were likely to buy as soon as trading opened Monday. \
         He said he would resign after the board met Tuesday. \
         Shares fell after the company reported earnings Tuesday. \
         A spokesman would not say when the company learned of it Tuesday.",
        expect![[r#"
            69..75 DATE 2017-03-06 "Monday"
            121..128 DATE 2017-03-07 "Tuesday"
            178..185 DATE 2017-02-28 "Tuesday"
            244..251 DATE 2017-02-28 "Tuesday"
        "#]],
    );
}

/// Issue 3, round 8: a plan reported in the simple past is still ahead
/// ("was scheduled to meet Friday"); a past perfect or "supposed to" tells
/// of a plan overtaken (TBAQ: "had been scheduled to expire at midnight
/// Friday" is the Friday before), and "than expected" or "was closed due
/// to" are no plans at all.
#[test]
fn plans_reported_in_the_past() {
    check(
        "He was scheduled to meet the president Friday. The board was expected to vote Tuesday. \
         The offer had been scheduled to expire Friday. He was supposed to testify Monday. \
         Sales were better than expected in June. A plant was closed due to a fire Tuesday.",
        expect![[r#"
            39..45 DATE 2017-03-03 "Friday"
            78..85 DATE 2017-03-07 "Tuesday"
            126..132 DATE 2017-02-24 "Friday"
            161..167 DATE 2017-02-27 "Monday"
            204..208 DATE 2016-06 "June"
            243..250 DATE 2017-02-28 "Tuesday"
        "#]],
    );
}

/// Issue 3, round 8: a passive infinitive looks ahead ("a festival to be
/// held in June", TBAQ: "to be released in mid-2011", "to be completed
/// around Nov. 1"), unless it reports a state ("was said to be seen").
#[test]
fn passive_infinitives_point_ahead() {
    check(
        "The festival, to be held in June, sold out. The show, to be aired on Sunday, was cut. \
         He was said to be seen in Paris on Sunday.",
        expect![[r#"
            28..32 DATE 2017-06 "June"
            69..75 DATE 2017-03-05 "Sunday"
            121..127 DATE 2017-02-26 "Sunday"
        "#]],
    );
}

/// Issue 3, round 8: "at 6pm on Saturday" dates the clock time by the day
/// after "on" (the day stays a timex of its own); a bare clock time still
/// takes the day the narrative is at.
#[test]
fn clock_time_on_a_day() {
    check(
        "The sale opened at 8am on Friday and will close at 6pm on Saturday. It ended at noon.",
        expect![[r#"
            19..22 TIME 2017-02-24T08:00 "8am"
            26..32 DATE 2017-02-24 "Friday"
            51..54 TIME 2017-03-04T18:00 "6pm"
            58..66 DATE 2017-03-04 "Saturday"
            80..84 TIME 2017-03-04T12:00 "noon"
        "#]],
    );
}

/// Issue 3, round 8: a weekday that heads a newspaper or show name is no
/// date ("the Sunday Times", "The Mail on Sunday"); "The Times on Friday"
/// and "Sunday Mass" (TBAQ) still are.
#[test]
fn newspaper_names_are_not_dates() {
    check(
        "The Sunday Telegraph reported it, the Mail on Sunday said, and he told The Times on \
         Friday. He attended Sunday Mass.",
        expect![[r#"
            84..90 DATE 2017-02-24 "Friday"
            104..110 DATE 2017-02-26 "Sunday"
        "#]],
    );
}

/// Issue 3, round 8: a fronted adjunct dates the reporting verb it opens
/// ("On Monday, the court said it will …" is last Monday), while after
/// the reported words the reporting clause still only frames them ("…
/// ready to leave as soon as Tuesday, Castro said").
#[test]
fn fronted_adjuncts_date_the_reporting_verb() {
    check(
        "On Monday, the court said it will hear the case. In June, the firm said it would \
         cut jobs. The group would leave as soon as Tuesday, Castro said.",
        expect![[r#"
            3..9 DATE 2017-02-27 "Monday"
            52..56 DATE 2016-06 "June"
            124..131 DATE 2017-03-07 "Tuesday"
        "#]],
    );
}

/// Issue 3, round 9: "the future" is a time as the object of a time
/// adjunct ("in the future") or standing alone, not as a fate ("the future
/// of our peoples", "the future looks bleak") nor before a noun ("the
/// future president"), which TimeBank leaves untagged.
#[test]
fn the_future_as_a_time_not_a_fate() {
    check(
        "Prices may rise in the future. It matters to the future of our peoples. The future \
         looks bleak for the future president. We worry about the future. He met the future \
         King.",
        expect![[r#"
            19..29 DATE FUTURE_REF "the future"
            136..146 DATE FUTURE_REF "the future"
        "#]],
    );
}

/// Issue 3, round 9: a prefix makes a four-digit number a year whatever
/// noun follows ("post-1959 politics"); a plural noun still makes it a count.
#[test]
fn prefixed_years() {
    check(
        "The post-1959 politics split families, the pre-1990 rules apply, and 1990 units sold.",
        expect![[r#"
            4..13 DATE 1959 "post-1959"
            43..51 DATE 1990 "pre-1990"
        "#]],
    );
}

/// Issue 3, round 9: "in the weeks before the shooting" is a DATE around
/// the event (TimeBank, 5 of 5), in the month of a day named just before;
/// "for weeks" is still a duration.
#[test]
fn the_weeks_before_an_event_are_a_date() {
    check(
        "He was seen on Oct. 23, 2016. In the days before the shooting his car was parked \
         outside. He had waited for weeks. Much later, in the weeks after the trial, he left.",
        expect![[r#"
            15..28 DATE 2016-10-23 "Oct. 23, 2016"
            37..41 DATE 2016-10 "days"
            108..113 DURATION PXW "weeks"
            134..139 DATE XXXX-XX "weeks"
        "#]],
    );
}

/// Issue 3, round 9: "more recently" is one expression (TBAQ and
/// MEANTIME); in a comparison with "than" only "recently" is read.
#[test]
fn more_recently() {
    check(
        "More recently it has followed other groups. It grew more recently than that.",
        expect![[r#"
            0..13 DATE PAST_REF "More recently"
            57..65 DATE PAST_REF "recently"
        "#]],
    );
}

/// Issue 3, round 10: a past verb right before a day a few days after the
/// document date ("ended Oct. 31" in an Oct. 27 story) names last year's
/// day; a deadline ("extended to"), a copula ("was") or a reporting verb
/// ("said") keeps this year's.
#[test]
fn past_verb_on_a_day_just_ahead() {
    check(
        "The period ended March 31, and he resigned on March 20. The bid was extended \
         to March 20. The deadline was March 10. Officials said March 12 would do.",
        expect![[r#"
            17..25 DATE 2016-03-31 "March 31"
            46..54 DATE 2016-03-20 "March 20"
            80..88 DATE 2017-03-20 "March 20"
            107..115 DATE 2017-03-10 "March 10"
            132..140 DATE 2017-03-12 "March 12"
        "#]],
    );
}

/// Issue 3, round 10: an ordinal quarter closed by a dated day ("the
/// second quarter ended Oct. 31, 2015") is in that day's year; without
/// the closing day the quarter keeps the document's reporting year.
#[test]
fn quarter_ended_on_a_day_takes_its_year() {
    check(
        "In the year-ago period, the second quarter ended Oct. 31, 2015, it lost money. \
         It earned more in the third quarter.",
        expect![[r#"
            3..22 DATE 2016 "the year-ago period"
            24..42 DATE 2015-Q2 "the second quarter"
            49..62 DATE 2015-10-31 "Oct. 31, 2015"
            97..114 DATE 2016-Q3 "the third quarter"
        "#]],
    );
}

/// Issue 3, narrative anchoring: "that/the same/the next + unit" counts from
/// the time the narrative last named; a unit finer than that time is
/// unknown within it ("that same day" after "last October").
#[test]
fn anaphors_count_from_the_narrative_time() {
    check(
        "On Oct. 23, 1998, Slepian was shot. That night, police came. His name was crossed out \
         the next day. The same month, a bomb exploded. The previous year was calm.",
        expect![[r#"
            3..16 DATE 1998-10-23 "Oct. 23, 1998"
            36..46 TIME 1998-10-23TNI "That night"
            86..98 DATE 1998-10-24 "the next day"
            100..114 DATE 1998-10 "The same month"
            133..150 DATE 1997 "The previous year"
        "#]],
    );
    check(
        "A doctor was killed last October. His name was crossed out that same day. \
         The day after, the site closed. In 1995 he moved. That quarter was bad.",
        expect![[r#"
            20..32 DATE 2016-10 "last October"
            59..72 DATE 2016-10-XX "that same day"
            74..81 DATE 2016-10-XX "The day"
            109..113 DATE 1995 "1995"
            124..136 DATE 1995-QX "That quarter"
        "#]],
    );
    // Must not fire: no earlier time named, so "that day" and "that night"
    // keep the document date.
    check(
        "The company said that day was a good one. That night was cold.",
        expect![[r#"
            17..25 DATE 2017-03-02 "that day"
            42..52 TIME 2017-03-02TNI "That night"
        "#]],
    );
    // "the following spring" counts from the narrative's year; "last spring"
    // (must not fire) from today.
    check(
        "In 1995, he moved. By the following spring the case was cold. It reopened last spring.",
        expect![[r#"
            3..7 DATE 1995 "1995"
            22..42 DATE 1996-SP "the following spring"
            74..85 DATE 2016-SP "last spring"
        "#]],
    );
    // "the next year" looks ahead from today in future wording, and counts
    // from the narrative's year in past wording.
    check(
        "In 1995, he moved. He married the next year. Sales will grow over the next year.",
        expect![[r#"
            3..7 DATE 1995 "1995"
            30..43 DATE 1996 "the next year"
            66..79 DATE 2018 "the next year"
        "#]],
    );
}

/// Issue 3: "that quarter" is the quarter last named, and an appositive
/// quarter names the comparison quarter ("the comparable year-ago quarter,
/// the second quarter ended Oct. 31, 2015").
#[test]
fn that_quarter_is_the_quarter_last_named() {
    check(
        "Third-quarter profit rose. In the comparable year-ago quarter, the second quarter \
         ended Oct. 31, 2015, it lost money. Results for that quarter included a charge.",
        expect![[r#"
            0..13 DATE 2016-Q3 "Third-quarter"
            30..61 DATE 2015-Q2 "the comparable year-ago quarter"
            63..81 DATE 2015-Q2 "the second quarter"
            88..101 DATE 2015-10-31 "Oct. 31, 2015"
            130..142 DATE 2015-Q2 "that quarter"
        "#]],
    );
    // Must not fire: a tournament round is no quarter.
    check(
        "Chelsea lost that quarter-final in 2000 and reached the quarter-finals again.",
        expect![[r#"
            35..39 DATE 2000 "2000"
        "#]],
    );
    // Must not fire: with no apposition the year-ago quarter is the report's.
    check(
        "Third-quarter profit rose. In the comparable year-ago quarter, it lost money.",
        expect![[r#"
            0..13 DATE 2016-Q3 "Third-quarter"
            30..61 DATE 2015-Q3 "the comparable year-ago quarter"
        "#]],
    );
}

/// Issue 3: a bare clock time is on the day the narrative is at, unless
/// that day is past and the clock time is not (future or present wording).
#[test]
fn bare_clock_times_follow_the_narrative_day() {
    check(
        "Slepian was shot on Oct. 23, 1998. He was shot at 10 p.m. in his kitchen. \
         The hearing will begin at 10 a.m. The clinic opens at 9 a.m.",
        expect![[r#"
            20..33 DATE 1998-10-23 "Oct. 23, 1998"
            50..57 TIME 1998-10-23T22:00 "10 p.m."
            100..107 TIME 2017-03-02T10:00 "10 a.m."
            128..134 TIME 2017-03-02T09:00 "9 a.m."
        "#]],
    );
}

/// Issue 3: "the year before", "the week after" closing their clause are a
/// step from the narrative's time; "the year ended Sept. 30" (must not
/// fire) stays a fiscal span, and "the previous night" is the night before
/// the narrative's day.
#[test]
fn adverbial_before_and_after_step_from_the_narrative_time() {
    check(
        "Revenues dropped to $300 million last year, down from $450 million the year before. \
         For the year ended Sept. 30, it earned more.",
        expect![[r#"
            33..42 DATE 2016 "last year"
            67..75 DATE 2015 "the year"
            88..96 DURATION P1Y "the year"
            103..111 DATE 2016-09-30 "Sept. 30"
        "#]],
    );
    check(
        "On Oct. 23, 1998, he was shot. The previous night he had jogged. The week before, he \
         had flown home. He was killed last October. The month after, police came.",
        expect![[r#"
            3..16 DATE 1998-10-23 "Oct. 23, 1998"
            31..49 TIME 1998-10-22TNI "The previous night"
            65..73 DATE 1998-W42 "The week"
            115..127 DATE 2016-10 "last October"
            129..138 DATE 2016-11 "The month"
        "#]],
    );
}

/// Out-of-domain review (2009-2011 news): "died" is too short for the "-ed"
/// test and irregular pasts ("fled") are cues too; a future keeps the month ahead.
#[test]
fn short_and_irregular_past_verbs_date_months_back() {
    check(
        "The singer died at his home in May. The family fled in May. \
         The singer will perform at his home in May.",
        expect![[r#"
            31..34 DATE 2016-05 "May"
            55..58 DATE 2016-05 "May"
            99..102 DATE 2017-05 "May"
        "#]],
    );
}

/// Wire datelines write "Mar" without its period; alone it stays a name or a verb.
#[test]
fn undotted_mar_with_a_day_or_year() {
    check(
        "WASHINGTON | Wed Mar 1, 2017 6:16 pm EST. Mar 1 - The senator spoke. \
         He played in Mar del Plata. Storms mar the view.",
        expect![[r#"
            13..28 DATE 2017-03-01 "Wed Mar 1, 2017"
            29..40 TIME 2017-03-01T18:16 "6:16 pm EST"
            42..47 DATE 2017-03-01 "Mar 1"
        "#]],
    );
}

/// A capitalised season inside a name is not a time; seasons elsewhere are.
#[test]
fn season_names_in_person_names() {
    check(
        "The chairman is Donald C. Winter, and Navy Secretary Winter spoke. \
         It snowed in winter. In Winter 2016 it snowed.",
        expect![[r#"
            80..86 DATE 2016-WI "winter"
            91..102 DATE 2016-WI "Winter 2016"
        "#]],
    );
}

/// "of next year" names the year of a half or quarter; without it the
/// document's year holds.
#[test]
fn part_of_a_relative_year() {
    check(
        "Output will rise in the first half of next year. Sales fell in the second \
         quarter of last year. In the first half, sales rose.",
        expect![[r#"
            20..47 DATE 2018-H1 "the first half of next year"
            63..94 DATE 2016-Q2 "the second quarter of last year"
            99..113 DATE 2017-H1 "the first half"
        "#]],
    );
}

/// Clocks with zones: four digits after a time preposition, dotted British
/// times, Indian time; a parenthetical conversion and plain numbers are not.
#[test]
fn zoned_clock_forms() {
    check(
        "The ship docks at 0900 GMT. Published 19.30 BST. It landed at 10:10 am IST. \
         It blew up at 10:35 a.m. (0735 GMT). The index rose 1530 points to 3.50.",
        expect![[r#"
            18..26 TIME 2017-03-02T09:00 "0900 GMT"
            38..47 TIME 2017-03-02T19:30 "19.30 BST"
            62..74 TIME 2017-03-02T10:10 "10:10 am IST"
            90..100 TIME 2017-03-02T10:35 "10:35 a.m."
        "#]],
    );
}

/// "June of that year" is in the year the narrative reached; a bare June
/// followed by "that" is not.
#[test]
fn month_of_that_year() {
    check(
        "In 2003, Asia was hit. By June of that year, it had recovered. \
         In June that was enough.",
        expect![[r#"
            3..7 DATE 2003 "2003"
            26..43 DATE 2003-06 "June of that year"
            66..70 DATE 2016-06 "June"
        "#]],
    );
}

/// "three and a half weeks", "half an hour", "half a century ago"; "half"
/// without a unit is not a time.
#[test]
fn halves_of_units() {
    check(
        "Oil gushed for three and a half weeks. He waited half an hour. \
         Half a century ago it began. Half the time he waited five and a half.",
        expect![[r#"
            15..37 DURATION P24DT12H "three and a half weeks"
            49..61 DURATION PT30M "half an hour"
            63..81 DATE 1967 "Half a century ago"
        "#]],
    );
}

/// An "-ed" adjective before a noun is no past verb: the plan still points
/// ahead; a real past verb still dates the weekday back.
#[test]
fn ed_adjectives_are_not_past_cues() {
    check(
        "Zuma is set to meet embattled leader Gadhafi on Monday. \
         Rebels battled troops on Monday.",
        expect![[r#"
            48..54 DATE 2017-03-06 "Monday"
            81..87 DATE 2017-02-27 "Monday"
        "#]],
    );
}

/// "current" as a noun or in a name is a flow, not the present.
#[test]
fn current_as_a_noun() {
    check(
        "Oil moved into the Loop Current. He was swept away by the current. \
         The current rate is high.",
        expect![[r#"
            71..78 DATE PRESENT_REF "current"
        "#]],
    );
}

/// "Resolution 1973" and "Route 1776" are numbers of a document and a road;
/// a year after "in" stays a year.
#[test]
fn numbered_resolutions_are_not_years() {
    check(
        "The strikes are within UNSCR 1973 and Resolution 1973, on Route 1776. \
         He was born in 1973.",
        expect![[r#"
            85..89 DATE 1973 "1973"
        "#]],
    );
}

/// British dotted clocks with "am"/"pm"; a dotted price is not a clock.
#[test]
fn dotted_clock_with_meridiem() {
    check(
        "Lines are open between 11.30 am and 2pm. Shares rose 3.50 percent.",
        expect![[r#"
            23..31 TIME 2017-03-02T11:30 "11.30 am"
            36..39 TIME 2017-03-02T14:00 "2pm"
        "#]],
    );
}

/// A futures delivery month is the next one, even in a past-tense market
/// report; a plain past month is not.
#[test]
fn futures_delivery_months_look_ahead() {
    check(
        "Brent futures for February closed up. U.S. February crude futures settled. \
         Gold for April delivery rose. Prices fell in February.",
        expect![[r#"
            18..26 DATE 2018-02 "February"
            43..51 DATE 2018-02 "February"
            84..89 DATE 2017-04 "April"
            120..128 DATE 2017-02 "February"
        "#]],
    );
}

/// "48 hours ago" is two days back; "five hours ago" stays on the day.
/// "local time" belongs to the clock time it follows.
#[test]
fn hours_ago_and_local_time() {
    check(
        "It left 48 hours ago. It began five hours ago. The curfew starts at \
         midnight local time. The local time was bad.",
        expect![[r#"
            8..20 TIME 2017-02-28 "48 hours ago"
            31..45 TIME 2017-03-02 "five hours ago"
            68..87 TIME 2017-03-02T24:00 "midnight local time"
        "#]],
    );
}

/// "the short term" is a time; "the short-term damage" an adjective.
#[test]
fn short_term_adjective_is_no_time() {
    check(
        "I fear the short-term damage. Prices will rise in the short term.",
        expect![[r#"
            50..64 DATE FUTURE_REF "the short term"
        "#]],
    );
}

/// Analysts' quarter and half codes; "H1N1" and other codes are not.
#[test]
fn quarter_and_half_codes() {
    check(
        "Profit rose in Q1 2016 and H2 2016, and in Q4. The H1N1 virus hit an A4 car.",
        expect![[r#"
            15..22 DATE 2016-Q1 "Q1 2016"
            27..34 DATE 2016-H2 "H2 2016"
            43..45 DATE 2016-Q4 "Q4"
        "#]],
    );
}

/// "to hit" is an infinitive, not the past "hit"; the storm still lies ahead.
#[test]
fn infinitive_spelled_like_a_past() {
    check(
        "The storm is expected to hit land on Saturday. The storm hit land on Saturday.",
        expect![[r#"
            37..45 DATE 2017-03-04 "Saturday"
            69..77 DATE 2017-02-25 "Saturday"
        "#]],
    );
}

/// "end-2017" and "start-2018" carry the mod of "the end of"; "the end of
/// the war" names no time.
#[test]
fn hyphenated_end_and_start_of_a_period() {
    check(
        "Growth returns by end-2017 and start-2018. The end of the war came.",
        expect![[r#"
            18..26 DATE 2017 END "end-2017"
            31..41 DATE 2018 START "start-2018"
        "#]],
    );
}

/// An abbreviation in capitals is an acronym ("the DEC has launched"); the
/// abbreviation in mixed case after "in" is still a month.
#[test]
fn capitalised_month_abbreviation_is_an_acronym() {
    check(
        "The DEC has launched an appeal. In Dec it rained.",
        expect![[r#"
            35..38 DATE 2016-12 "Dec"
        "#]],
    );
}

/// A capitalised "Daily" inside a sentence is a title; alone it is a SET.
#[test]
fn daily_in_a_title() {
    check(
        "The Daily Mail said so, said Matt Daily. It is published daily.",
        expect![[r#"
            57..62 SET P1D "daily"
        "#]],
    );
}

/// A dotted clock glued into a range is not read as the range's end alone.
#[test]
fn dotted_clock_range_is_left_alone() {
    check(
        "Producer 7.00-10.30 pm BBC. At 10.30 pm it ended.",
        expect![[r#"
            31..39 TIME 2017-03-02T22:30 "10.30 pm"
        "#]],
    );
}

/// "the other day" is an unnamed day a little before; "the other day of"
/// counts days of something.
#[test]
fn the_other_day() {
    check(
        "A spokesman, tweeting the other day, said so. The other day of the trial.",
        expect![[r#"
            22..35 DATE PAST_REF "the other day"
        "#]],
    );
}

/// A four-digit clock before "local time"; a four-digit number before a
/// zone is never a year ("(1410 GMT)"), though "ET" may be a title.
#[test]
fn four_digit_clock_before_local_time() {
    check(
        "Broadcasting at 0910 local time (1410 GMT). In 1990 ET was released.",
        expect![[r#"
            16..31 TIME 2017-03-02T09:10 "0910 local time"
            47..51 DATE 1990 "1990"
        "#]],
    );
}

/// Half a decade or century is counted in years; whole ones stay whole.
#[test]
fn half_centuries_and_decades() {
    check(
        "For half a century, a decade and a half, and two centuries.",
        expect![[r#"
            4..18 DURATION P50Y "half a century"
            20..39 DURATION P15Y "a decade and a half"
            45..58 DURATION P200Y "two centuries"
        "#]],
    );
}

/// A bare month right after a capitalised name is part of the name; after
/// "In", or with a day, it is a month.
#[test]
fn month_as_a_surname() {
    check(
        "The memo went to spokeswoman Hannah August. Sales Fell In August. \
         He left Cairo August 5.",
        expect![[r#"
            58..64 DATE 2016-08 "August"
            80..88 DATE 2016-08-05 "August 5"
        "#]],
    );
}

/// A dateline's abbreviated weekday joins its date when the date falls on
/// that day; "the Sun" before a date of another weekday is the newspaper.
#[test]
fn abbreviated_weekday_in_datelines() {
    check(
        "ABIDJAN | Wed Mar 1, 2017 5:29 pm IST. The Sun May 5 edition.",
        expect![[r#"
            10..25 DATE 2017-03-01 "Wed Mar 1, 2017"
            26..37 TIME 2017-03-01T17:29 "5:29 pm IST"
            47..52 DATE 2017-05-05 "May 5"
        "#]],
    );
}

/// Programme and event titles: "NBC's Today show", "Hope for Haiti Now";
/// "Today's show" and a plain "now" are times.
#[test]
fn today_and_now_in_titles() {
    check(
        "Besser told NBC's Today show. The Hope for Haiti Now telethon ran. \
         Today's show airs now.",
        expect![[r#"
            67..72 DATE 2017-03-02 "Today"
            85..88 DATE PRESENT_REF "now"
        "#]],
    );
}

/// In text written in capitals, capitals mark no names: "NOW" and "CURRENT"
/// stay times; a comma after "current" does not make it a noun.
#[test]
fn all_caps_text_keeps_its_times() {
    check(
        "THE UPRISING IS NOW SPREADING. The CURRENT administration failed. \
         The current, confirmed, death toll is 16.",
        expect![[r#"
            16..19 DATE PRESENT_REF "NOW"
            35..42 DATE PRESENT_REF "CURRENT"
            70..77 DATE PRESENT_REF "current"
        "#]],
    );
}

/// A clock time takes the day-first date after "on".
#[test]
fn clock_on_a_day_first_date() {
    check(
        "It was completed at 1930 CDT on 1 March.",
        expect![[r#"
        20..28 TIME 2017-03-01T19:30 "1930 CDT"
        32..39 DATE 2017-03-01 "1 March"
    "#]],
    );
}

/// A weekday's possessive names a past event, unless the noun phrase says
/// it is still to come ("Friday's planned protests").
#[test]
fn possessive_weekday_with_a_plan() {
    check(
        "A page devoted to Friday's planned protests had 80,000 followers. \
         Tuesday's protests were huge.",
        expect![[r#"
            18..24 DATE 2017-03-03 "Friday"
            66..73 DATE 2017-02-28 "Tuesday"
        "#]],
    );
}

/// "five year seven pupils" counts pupils of school year seven; "in their
/// early 20s and 30s" are two ages; "June, 2009" is one month; the 60s and
/// 70s of music are decades and "2000 people" is a count.
#[test]
fn school_years_age_pairs_and_comma_years() {
    check(
        "Five year seven pupils fell ill, men in their early 20s and 30s. In the 60s \
         and 70s music changed. Jackson died in June, 2009. In June, 2000 people marched.",
        expect![[r#"
            68..75 DATE 196 "the 60s"
            80..83 DATE 197 "70s"
            115..125 DATE 2009-06 "June, 2009"
            130..134 DATE 2016-06 "June"
        "#]],
    );
}

/// Near a solstice the ending season is still current: on June 19 "late
/// spring" is this spring even in future wording, while "early winter" and
/// "the start of winter", whose opening has passed, keep the tense rule.
#[test]
fn qualified_season_at_a_season_boundary() {
    let dct = Some(Date::constant(2009, 6, 19));
    expect![[r#"
        32..43 DATE 2009-SP END "late spring"
        69..81 DATE 2009-WI START "early winter"
        98..109 DATE 2008-WI END "late winter"
    "#]]
    .assert_eq(&render(
        "Talks are expected to finish in late spring. The plant will close in early winter. \
         It was shut in late winter.",
        dct,
    ));
    expect![[r#"
        32..43 DATE 2010-SP END "late spring"
    "#]]
    .assert_eq(&render(
        "Talks are expected to finish in late spring.",
        Some(Date::constant(2009, 6, 25)),
    ));
    // A bare season said as it ends is the next one in future wording.
    expect![[r#"
        24..30 DATE 2010-SU "summer"
    "#]]
    .assert_eq(&render(
        "The show will return in summer.",
        Some(Date::constant(2009, 9, 10)),
    ));
}

/// A 24-hour clock glossed with a zone's time ("1653 (2153 GMT)") or opening
/// a live page's entry ("1450:") is no year; a year mid-line before a colon,
/// a timeline's "2008:" and a year before a bracketed count stay years.
#[test]
fn hhmm_clock_is_not_a_year() {
    let dct = Some(Date::constant(2009, 6, 19));
    expect![[r#"
        70..74 DATE 2008 "2008"
        100..104 DATE 1998 "1998"
        138..142 DATE 1450 "1450"
    "#]]
    .assert_eq(&render(
        "The quake hit at 1653 (2153 GMT).\n1450: Police say the march is over.\n\
         2008: Obama elected.\nSales in 1998 (2153 units) fell. The record of 1450: none.",
        dct,
    ));
}
