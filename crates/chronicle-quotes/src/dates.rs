//! Picks the dates of an event from the timexes of its clause.
//!
//! A clause can hold a coarse anchor and finer dates inside it ("last year
//! … in July and September"): the finer dates win, one event each, and take
//! the anchor's year when the tagger gave them another or none. Values that
//! are not calendar dates (durations, `PRESENT_REF`) are ignored.

use chronicle_model::{Timex, TimexType};

/// Calendar values of the timexes in `timexes` (those of one clause), finest first kept.
pub fn event_dates(timexes: &[&Timex]) -> Vec<String> {
    let mut vals: Vec<String> = timexes
        .iter()
        .filter(|t| matches!(t.kind, TimexType::Date | TimexType::Time))
        .map(|t| t.value.split('T').next().unwrap_or("").to_string())
        .filter(|v| is_calendar(v))
        .collect();
    if vals.is_empty() {
        return vals;
    }
    // The coarsest fully known year anchors the others.
    let anchor_year: Option<String> = vals
        .iter()
        .filter(|v| v.len() == 4 && v.bytes().all(|b| b.is_ascii_digit()))
        .map(|v| v[..4].to_string())
        .next();
    if let Some(y) = &anchor_year {
        let year: i32 = y.parse().unwrap_or(0);
        for v in vals.iter_mut() {
            // A finer date without a year, or one year off the anchor (a
            // month resolved to the wrong side of the document date), joins it.
            let off_by_one = v[..4].parse::<i32>().is_ok_and(|x| (x - year).abs() == 1);
            if v.len() > 4 && (v.starts_with("XXXX") || off_by_one) {
                v.replace_range(..4, y);
            }
        }
    }
    let finest = vals.iter().map(|v| v.len()).max().unwrap_or(0);
    let mut out: Vec<String> = Vec::new();
    for v in vals {
        // Keep a value unless a finer one lies inside it.
        if v.len() < finest && out.iter().any(|o: &String| o.starts_with(&v)) {
            continue;
        }
        if !out.contains(&v) {
            out.push(v);
        }
    }
    let snapshot = out.clone();
    out.retain(|v| {
        !snapshot
            .iter()
            .any(|o| o.len() > v.len() && o.starts_with(v.as_str()))
    });
    out
}

/// `YYYY`, `YYYY-MM`, `YYYY-MM-DD`, `YYYY-Wnn`, `YYYY-Qn`, `YYYY-SU`… with a known or `XXXX` year.
fn is_calendar(v: &str) -> bool {
    let b = v.as_bytes();
    b.len() >= 4
        && (b[..4].iter().all(|c| c.is_ascii_digit()) || &b[..4] == b"XXXX")
        && (b.len() == 4 || b[4] == b'-')
}

#[cfg(test)]
mod tests {
    use super::*;
    use chronicle_model::Span;

    fn t(v: &str) -> Timex {
        Timex {
            span: Span::default(),
            kind: TimexType::Date,
            value: v.into(),
            modifier: None,
        }
    }

    #[test]
    fn months_inside_a_year() {
        let a = t("2016");
        let b = t("2017-07");
        let c = t("XXXX-09");
        assert_eq!(event_dates(&[&a, &b, &c]), ["2016-07", "2016-09"]);
    }

    #[test]
    fn single_and_none() {
        let a = t("2016-03-04");
        assert_eq!(event_dates(&[&a]), ["2016-03-04"]);
        let d = Timex {
            kind: TimexType::Duration,
            ..t("P2Y")
        };
        assert!(event_dates(&[&d]).is_empty());
        let p = t("PRESENT_REF");
        assert!(event_dates(&[&p]).is_empty());
    }
}
