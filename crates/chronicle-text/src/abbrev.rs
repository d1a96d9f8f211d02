//! Abbreviations that keep their period. Our own list, from news style guides'
//! common forms.

/// Titles and name prefixes: a period after them never ends a sentence.
const TITLES: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Prof", "Sen", "Rep", "Gov", "Gen", "Lt", "Col", "Capt", "Cpt", "Sgt",
    "Maj", "Adm", "Cmdr", "Pres", "Rev", "Hon", "St", "Mt", "Ft", "Supt", "Insp", "Det", "Amb",
    "Atty", "Sens", "Reps", "Messrs", "Mme", "Mlle", "Fr", "Sr", "Jr", "No", "Nos", "Vol", "Ave",
    "vs", "v", "cf", "Cpl", "Pvt", "Brig", "Gens", "Govs", "Lieut", "Cdr", "Sec", "Secs", "Asst",
    "Assoc", "Dept", "Univ", "approx", "Figs", "Fig", "ca", "pp", "Op",
];

/// Abbreviations that may end a sentence (months, company suffixes, units, Latin).
const OTHERS: &[&str] = &[
    "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Mon",
    "Tue", "Tues", "Wed", "Thu", "Thur", "Thurs", "Fri", "Sat", "Sun", "Corp", "Inc", "Ltd", "Co",
    "Cos", "Bros", "Plc", "plc", "LLC", "Intl", "Assn", "Ariz", "Calif", "Colo", "Conn", "Del",
    "Fla", "Ga", "Ill", "Ind", "Kan", "Ky", "La", "Md", "Mass", "Mich", "Minn", "Miss", "Mo",
    "Mont", "Neb", "Nev", "Okla", "Ore", "Pa", "Tenn", "Tex", "Va", "Vt", "Wash", "Wis", "Wyo",
    "Ala", "Ark", "etc", "al", "est", "min", "max", "mln", "bln", "yr", "yrs", "hr", "hrs", "mph",
    "ft", "oz", "lb", "lbs", "km", "kg", "Nasdaq", "p", "pct",
];

fn strip(word: &str) -> &str {
    word.strip_suffix('.').unwrap_or(word)
}

/// `word` (with or without its final period) is a title that never ends a sentence.
pub fn is_title_abbreviation(word: &str) -> bool {
    let w = strip(word);
    TITLES.contains(&w)
}

/// `word` is an abbreviation that takes a period: a listed one, a single
/// letter (an initial), or letters separated by periods (`U.S`, `a.m`).
pub fn is_abbreviation(word: &str) -> bool {
    let w = strip(word);
    if w.is_empty() {
        return false;
    }
    if TITLES.contains(&w) || OTHERS.contains(&w) {
        return true;
    }
    let bytes = w.as_bytes();
    if bytes.len() == 1 && bytes[0].is_ascii_alphabetic() {
        return true;
    }
    // Dotted acronyms: every other byte a period.
    bytes.len() >= 3
        && bytes.iter().enumerate().all(|(i, b)| {
            if i % 2 == 0 {
                b.is_ascii_alphabetic()
            } else {
                *b == b'.'
            }
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises() {
        for w in [
            "U.S.", "U.S", "a.m.", "Sen.", "Gov", "Jan.", "Corp.", "Inc.", "J.",
        ] {
            assert!(is_abbreviation(w), "{w}");
        }
        for w in ["the", "Sessions", "US", ""] {
            assert!(!is_abbreviation(w), "{w}");
        }
        assert!(is_title_abbreviation("Mr."));
        assert!(!is_title_abbreviation("Inc."));
    }
}
