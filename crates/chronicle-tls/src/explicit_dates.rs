//! FALLBACK ONLY: a tiny recogniser of fully written-out calendar dates
//! ("March 5, 2011", "5 March 2011", "2011-03-05", and "March 5" / "5 March"
//! resolved to the year nearest the article date). It exists so the
//! mention-based part of the method works while the temporal tagger
//! (`chronicle-timex`) returns nothing; `annotate` uses it only for articles
//! in which the tagger found no timex at all.

use chronicle_model::Date;

use crate::days::day_number;

fn month_of(word: &str) -> Option<i8> {
    let w = word.strip_suffix('.').unwrap_or(word);
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    for (i, m) in MONTHS.iter().enumerate() {
        // Full names, or the usual abbreviations (not "May"/"March" as other words: a
        // day number must follow or precede, which the callers check).
        let abbrev_ok = w.len() >= 3 && m.starts_with(w) && (w.len() <= 4 || w == *m);
        if w == *m || (abbrev_ok && word.ends_with('.')) || (w == "Sept" && i == 8) {
            return Some(i as i8 + 1);
        }
    }
    None
}

fn day_of(word: &str) -> Option<i8> {
    let digits = word
        .strip_suffix("st")
        .or_else(|| word.strip_suffix("nd"))
        .or_else(|| word.strip_suffix("rd"))
        .or_else(|| word.strip_suffix("th"))
        .unwrap_or(word);
    if digits.is_empty() || digits.len() > 2 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let d: i8 = digits.parse().ok()?;
    (1..=31).contains(&d).then_some(d)
}

fn year_of(word: &str) -> Option<i16> {
    if word.len() != 4 || !word.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let y: i16 = word.parse().ok()?;
    (1900..=2100).contains(&y).then_some(y)
}

/// Month and day without a year: the year that puts the date nearest `dct`.
fn nearest(month: i8, day: i8, dct: Date) -> Option<Date> {
    let target = day_number(dct);
    (dct.year() - 1..=dct.year() + 1)
        .filter_map(|y| Date::new(y, month, day).ok())
        .min_by_key(|d| (day_number(*d) - target).abs())
}

fn iso(word: &str) -> Option<Date> {
    if word.len() == 10 && word.as_bytes()[4] == b'-' && word.as_bytes()[7] == b'-' {
        word.parse().ok()
    } else {
        None
    }
}

/// Dates written out in `words` (the tokens of one sentence), resolved against `dct`.
pub fn find(words: &[&str], dct: Date) -> Vec<Date> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        if let Some(d) = iso(words[i]) {
            out.push(d);
            i += 1;
            continue;
        }
        let next = |k: usize| words.get(k).copied().unwrap_or("");
        // The year may follow after an optional comma.
        let year_at = |k: usize| -> (Option<i16>, usize) {
            let k = if next(k) == "," { k + 1 } else { k };
            match year_of(next(k)) {
                Some(y) => (Some(y), k + 1),
                None => (None, 0),
            }
        };
        let found = if let (Some(m), Some(d)) = (month_of(words[i]), day_of(next(i + 1))) {
            Some((m, d, year_at(i + 2)))
        } else if let (Some(d), Some(m)) = (day_of(words[i]), month_of(next(i + 1))) {
            Some((m, d, year_at(i + 2)))
        } else {
            None
        };
        match found {
            Some((m, d, (Some(y), end))) => {
                if let Ok(date) = Date::new(y, m, d) {
                    out.push(date);
                }
                i = end;
            }
            Some((m, d, (None, _))) => {
                if let Some(date) = nearest(m, d, dct) {
                    out.push(date);
                }
                i += 2;
            }
            None => i += 1,
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str) -> Vec<String> {
        let words: Vec<&str> = text.split_whitespace().collect();
        find(&words, "2011-03-10".parse().unwrap())
            .iter()
            .map(|d| d.to_string())
            .collect()
    }

    #[test]
    fn written_out_dates() {
        assert_eq!(
            run("On March 5 , 2011 , and on 7 March 2011"),
            ["2011-03-05", "2011-03-07"]
        );
        assert_eq!(run("filed 2010-12-31 ."), ["2010-12-31"]);
        assert_eq!(run("since Jan. 25 protests"), ["2011-01-25"]);
        assert_eq!(run("on 20 December"), ["2010-12-20"]);
        assert_eq!(run("the Sept 11th attacks"), ["2010-09-11"]);
    }

    #[test]
    fn ignores_non_dates() {
        assert!(run("He may 5 times try , March 40 , May .").is_empty());
        assert!(run("Marching 5 bands").is_empty());
    }
}
