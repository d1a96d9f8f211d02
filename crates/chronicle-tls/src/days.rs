//! Calendar arithmetic on day numbers: the method and the metrics compare
//! dates by whole days only.

use chronicle_model::Date;

/// Days since 1970-01-01 (negative before), exact for any proleptic Gregorian date.
pub fn day_number(d: Date) -> i64 {
    let (y, m, day) = (
        i64::from(d.year()),
        i64::from(d.month()),
        i64::from(d.day()),
    );
    // Howard Hinnant's days-from-civil.
    let y = if m <= 2 { y - 1 } else { y };
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The date of a day number, when it is inside jiff's range.
pub fn from_day_number(n: i64) -> Option<Date> {
    let z = n + 719_468;
    let era = if z >= 0 { z } else { z - 146_096 } / 146_097;
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = if m <= 2 { y + 1 } else { y };
    Date::new(i16::try_from(y).ok()?, m as i8, d as i8).ok()
}

/// Whole days between two dates, ignoring order.
pub fn days_apart(a: Date, b: Date) -> i64 {
    (day_number(a) - day_number(b)).abs()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn known_days() {
        assert_eq!(day_number("1970-01-01".parse().unwrap()), 0);
        assert_eq!(day_number("2000-03-01".parse().unwrap()), 11_017);
        assert_eq!(
            days_apart("2010-02-27".parse().unwrap(), "2010-03-02".parse().unwrap()),
            3
        );
    }

    proptest! {
        #[test]
        fn round_trips(n in -700_000i64..2_900_000) {
            let d = from_day_number(n).unwrap();
            prop_assert_eq!(day_number(d), n);
            if let Some(next) = from_day_number(n + 1) {
                prop_assert_eq!(d.tomorrow().unwrap(), next);
            }
        }
    }
}
