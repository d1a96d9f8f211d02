//! Calendar points at their own granularity, their arithmetic and their
//! TIMEX3 spelling. Everything here is total: out-of-range arithmetic gives
//! `None`, never a panic, and only valid calendar dates are ever built.

use chronicle_model::Date;

use crate::lexicon::{Pod, Season, Unit};

/// A resolved calendar expression at the granularity it was written with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Point {
    /// First two digits of the years (`19` for the 1900s).
    Century(i32),
    /// First three digits (`199` for the 1990s).
    Decade(i32),
    Year(i32),
    Half(i32, u8),
    Quarter(i32, u8),
    Season(i32, Season),
    Month(i32, u8),
    /// ISO week-numbering year and week.
    Week(i32, u8),
    Weekend(i32, u8),
    Day(Date),
    DayPart(Date, Pod),
    /// Date, hour (0..=24), minute.
    Clock(Date, u8, u8),
}

/// A valid calendar date, or `None` ("February 30").
pub fn valid_ymd(y: i32, m: u32, d: u32) -> Option<Date> {
    if !(1..=9999).contains(&y) || !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    Date::new(y as i16, m as i8, d as i8).ok()
}

pub fn add_days(d: Date, n: i64) -> Option<Date> {
    if n.abs() > 3_000_000 {
        return None;
    }
    d.checked_add(jiff::Span::new().try_days(n).ok()?).ok()
}

/// Adds `n` months to (year, month).
pub fn add_months(y: i32, m: u8, n: i64) -> Option<(i32, u8)> {
    let total = (y as i64) * 12 + (m as i64 - 1) + n;
    let y = total.div_euclid(12);
    if !(1..=9999).contains(&y) {
        return None;
    }
    Some((y as i32, (total.rem_euclid(12) + 1) as u8))
}

pub fn add_years(y: i32, n: i64) -> Option<i32> {
    let y = y as i64 + n;
    (1..=9999).contains(&y).then_some(y as i32)
}

pub fn iso_week(d: Date) -> (i32, u8) {
    let w = d.iso_week_date();
    (w.year() as i32, w.week() as u8)
}

/// ISO weekday 1 (Monday) ..= 7.
pub fn weekday(d: Date) -> u8 {
    d.weekday().to_monday_one_offset() as u8
}

pub fn quarter_of(d: Date) -> u8 {
    (d.month() as u8 - 1) / 3 + 1
}

/// The year a date's point lies in (for the narrative reference).
pub fn year_of(p: Point) -> Option<i32> {
    Some(match p {
        Point::Century(_) | Point::Decade(_) => return None,
        Point::Year(y)
        | Point::Half(y, _)
        | Point::Quarter(y, _)
        | Point::Season(y, _)
        | Point::Month(y, _)
        | Point::Week(y, _)
        | Point::Weekend(y, _) => y,
        Point::Day(d) | Point::DayPart(d, _) | Point::Clock(d, _, _) => d.year() as i32,
    })
}

/// Moves `p` by `n` of `unit`, keeping (where it can) the point's own
/// granularity: "a year earlier" than 1989-Q3 is 1988-Q3.
pub fn shift(p: Point, unit: Unit, n: i64) -> Option<Point> {
    let months = match unit {
        Unit::Month => Some(n),
        Unit::Quarter => Some(n * 3),
        Unit::Year => Some(n * 12),
        Unit::Decade => Some(n * 120),
        Unit::Century => Some(n * 1200),
        _ => None,
    };
    let days = match unit {
        Unit::Day => Some(n),
        Unit::Week | Unit::Weekend => Some(n * 7),
        _ => None,
    };
    if n.abs() > 100_000 {
        return None;
    }
    Some(match p {
        Point::Century(c) => Point::Century(non_negative(c as i64 + months? / 1200)?),
        Point::Decade(d) => Point::Decade(non_negative(d as i64 + months? / 120)?),
        Point::Year(y) => Point::Year(add_years(y, months? / 12)?),
        Point::Half(y, h) => {
            let (y2, m2) = add_months(y, (h - 1) * 6 + 1, months?)?;
            Point::Half(y2, (m2 - 1) / 6 + 1)
        }
        Point::Quarter(y, q) => {
            let (y2, m2) = add_months(y, (q - 1) * 3 + 1, months?)?;
            Point::Quarter(y2, (m2 - 1) / 3 + 1)
        }
        Point::Season(y, s) => Point::Season(add_years(y, months? / 12)?, s),
        Point::Month(y, m) => {
            let (y2, m2) = add_months(y, m, months?)?;
            Point::Month(y2, m2)
        }
        Point::Week(y, w) | Point::Weekend(y, w) => {
            let monday = week_monday(y, w)?;
            let d = match (days, months) {
                (Some(n), _) => add_days(monday, n)?,
                (_, Some(n)) => add_date_months(monday, n)?,
                _ => return None,
            };
            let (y2, w2) = iso_week(d);
            if matches!(p, Point::Weekend(..)) {
                Point::Weekend(y2, w2)
            } else {
                Point::Week(y2, w2)
            }
        }
        Point::Day(d) => Point::Day(shift_date(d, unit, n)?),
        Point::DayPart(d, pod) => Point::DayPart(shift_date(d, unit, n)?, pod),
        Point::Clock(d, h, m) => Point::Clock(shift_date(d, unit, n)?, h, m),
    })
}

fn non_negative(n: i64) -> Option<i32> {
    (0..=999).contains(&n).then_some(n as i32)
}

fn shift_date(d: Date, unit: Unit, n: i64) -> Option<Date> {
    match unit {
        Unit::Day => add_days(d, n),
        Unit::Week | Unit::Weekend => add_days(d, n * 7),
        Unit::Month => add_date_months(d, n),
        Unit::Quarter => add_date_months(d, n * 3),
        Unit::Year => add_date_months(d, n * 12),
        Unit::Decade => add_date_months(d, n * 120),
        Unit::Century => add_date_months(d, n * 1200),
        Unit::Hour | Unit::Minute | Unit::Second => Some(d),
    }
}

fn add_date_months(d: Date, n: i64) -> Option<Date> {
    let (y, m) = add_months(d.year() as i32, d.month() as u8, n)?;
    let last = Date::new(y as i16, m as i8, 1).ok()?.days_in_month();
    Date::new(y as i16, m as i8, d.day().min(last)).ok()
}

pub fn week_monday(y: i32, w: u8) -> Option<Date> {
    let wd = jiff::civil::ISOWeekDate::new(y as i16, w as i8, jiff::civil::Weekday::Monday).ok()?;
    Some(wd.date())
}

/// The point of `unit` granularity that contains `d`.
pub fn point_of(d: Date, unit: Unit) -> Point {
    let y = d.year() as i32;
    match unit {
        Unit::Second | Unit::Minute | Unit::Hour | Unit::Day => Point::Day(d),
        Unit::Week => {
            let (wy, w) = iso_week(d);
            Point::Week(wy, w)
        }
        Unit::Weekend => {
            let (wy, w) = iso_week(d);
            Point::Weekend(wy, w)
        }
        Unit::Month => Point::Month(y, d.month() as u8),
        Unit::Quarter => Point::Quarter(y, quarter_of(d)),
        Unit::Year => Point::Year(y),
        Unit::Decade => Point::Decade(y.div_euclid(10)),
        Unit::Century => Point::Century(y.div_euclid(100)),
    }
}

impl Point {
    /// The TIMEX3 value.
    pub fn value(self) -> String {
        match self {
            Point::Century(c) => format!("{c:02}"),
            Point::Decade(d) => format!("{d:03}"),
            Point::Year(y) => format!("{y:04}"),
            Point::Half(y, h) => format!("{y:04}-H{h}"),
            Point::Quarter(y, q) => format!("{y:04}-Q{q}"),
            Point::Season(y, s) => format!("{y:04}-{}", s.code()),
            Point::Month(y, m) => format!("{y:04}-{m:02}"),
            Point::Week(y, w) => format!("{y:04}-W{w:02}"),
            Point::Weekend(y, w) => format!("{y:04}-W{w:02}-WE"),
            Point::Day(d) => fmt_date(d),
            Point::DayPart(d, p) => format!("{}T{}", fmt_date(d), p.code()),
            Point::Clock(d, h, m) => format!("{}T{h:02}:{m:02}", fmt_date(d)),
        }
    }

    /// Coarse granularity rank: bigger is coarser.
    pub fn is_day_or_finer(self) -> bool {
        self.day().is_some()
    }

    /// The calendar day of a day, a part of one or a clock time.
    pub fn day(self) -> Option<Date> {
        match self {
            Point::Day(d) | Point::DayPart(d, _) | Point::Clock(d, _, _) => Some(d),
            _ => None,
        }
    }
}

pub fn fmt_date(d: Date) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
}

/// Easter Sunday (Gregorian, anonymous computus).
pub fn easter(y: i32) -> Option<Date> {
    let a = y % 19;
    let b = y / 100;
    let c = y % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    valid_ymd(y, month as u32, day as u32)
}

/// The `nth` (1-based; -1 for last) `weekday` (1 = Monday) of a month.
pub fn nth_weekday(y: i32, m: u8, nth: i8, wd: u8) -> Option<Date> {
    let first = valid_ymd(y, m as u32, 1)?;
    let weekday = jiff::civil::Weekday::from_monday_one_offset(wd as i8).ok()?;
    first.nth_weekday_of_month(nth, weekday).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i16, m: i8, day: i8) -> Date {
        Date::new(y, m, day).unwrap()
    }

    #[test]
    fn shifting_keeps_granularity() {
        assert_eq!(
            shift(Point::Quarter(1989, 3), Unit::Year, -1),
            Some(Point::Quarter(1988, 3))
        );
        assert_eq!(
            shift(Point::Quarter(1989, 1), Unit::Quarter, -1),
            Some(Point::Quarter(1988, 4))
        );
        assert_eq!(
            shift(Point::Month(2017, 1), Unit::Month, -1),
            Some(Point::Month(2016, 12))
        );
        assert_eq!(
            shift(Point::Day(d(2017, 3, 31)), Unit::Month, -1),
            Some(Point::Day(d(2017, 2, 28)))
        );
        assert_eq!(
            shift(Point::Week(2017, 1), Unit::Week, -1),
            Some(Point::Week(2016, 52))
        );
        assert_eq!(shift(Point::Year(1), Unit::Year, -5), None);
    }

    #[test]
    fn values() {
        assert_eq!(Point::Week(2015, 3).value(), "2015-W03");
        assert_eq!(Point::Decade(199).value(), "199");
        assert_eq!(
            Point::DayPart(d(2017, 3, 1), Pod::Night).value(),
            "2017-03-01TNI"
        );
        assert_eq!(
            Point::Clock(d(2017, 3, 1), 14, 30).value(),
            "2017-03-01T14:30"
        );
        assert!(valid_ymd(2017, 2, 30).is_none());
        assert_eq!(easter(2017), Some(d(2017, 4, 16)));
        assert_eq!(nth_weekday(2016, 11, 4, 4), Some(d(2016, 11, 24)));
    }
}
