//! TIMEX3 calendar values and date filters at mixed granularity.

/// When an event happened, for placing it on a time axis: its own date when
/// that is a calendar value, else its article's publication date, with which
/// of the two it is (`"event"` or `"published"`). `None` when neither exists.
pub fn event_date(ev: &chronicle_store::EventRow) -> Option<(String, &'static str)> {
    match ev.date.as_deref().filter(|d| is_calendar_date(d)) {
        Some(d) => Some((d.to_string(), "event")),
        None => ev.prov.doc_date.clone().map(|d| (d, "published")),
    }
}

/// A TIMEX3 value naming a calendar year, month or day (`2016`,
/// `2016-07`, `2016-07-15`), the only values a timeline places on its axis.
pub fn is_calendar_date(v: &str) -> bool {
    let b = v.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    match b.len() {
        4 => digits(0..4),
        7 => digits(0..4) && b[4] == b'-' && digits(5..7),
        10 => digits(0..4) && b[4] == b'-' && digits(5..7) && b[7] == b'-' && digits(8..10),
        _ => false,
    }
}

/// Inclusive date bounds (`YYYY[-MM[-DD]]`), compared at the coarser of
/// the two granularities: `2016-07` is inside a range from `2016-07-15`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DateFilter {
    pub from: Option<String>,
    pub to: Option<String>,
}

impl DateFilter {
    pub fn contains(&self, date: &str) -> bool {
        let n = |a: &str, b: &str| a.len().min(b.len());
        if let Some(from) = &self.from {
            let k = n(date, from);
            if date[..k] < from[..k] {
                return false;
            }
        }
        if let Some(to) = &self.to {
            let k = n(date, to);
            if date[..k] > to[..k] {
                return false;
            }
        }
        true
    }

    pub fn is_open(&self) -> bool {
        self.from.is_none() && self.to.is_none()
    }
}

/// `a` happened no later than `b`, compared at the coarser granularity.
pub(crate) fn not_after(a: &str, b: &str) -> bool {
    let k = a.len().min(b.len());
    a.get(..k) <= b.get(..k)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn calendar_values() {
        assert!(is_calendar_date("2016"));
        assert!(is_calendar_date("2016-07"));
        assert!(is_calendar_date("2016-07-15"));
        assert!(!is_calendar_date("PAST_REF"));
        assert!(!is_calendar_date("2016-W07"));
        assert!(!is_calendar_date("XXXX-07"));
    }

    #[test]
    fn mixed_granularity_filter() {
        let f = DateFilter {
            from: Some("2016-07-15".into()),
            to: Some("2017-03".into()),
        };
        assert!(f.contains("2016-07"));
        assert!(f.contains("2017-03-31"));
        assert!(!f.contains("2016-06-30"));
        assert!(!f.contains("2017-04-01"));
        assert!(not_after("2016-07", "2017-01-10"));
        assert!(!not_after("2017-02", "2017-01-10"));
    }
}
