//! The timeline value and its text format (Timeline17's gold files): a date
//! line `YYYY-MM-DD`, one sentence a line, blocks separated by a line of 32 `-`.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use chronicle_model::Date;

/// The separator line between blocks.
pub const SEPARATOR: &str = "--------------------------------";

/// Dated daily summaries, in date order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Timeline {
    pub days: BTreeMap<Date, Vec<String>>,
}

impl Timeline {
    pub fn dates(&self) -> impl Iterator<Item = Date> + '_ {
        self.days.keys().copied()
    }

    pub fn len(&self) -> usize {
        self.days.len()
    }

    pub fn is_empty(&self) -> bool {
        self.days.is_empty()
    }

    /// Mean number of sentences per date (0 for an empty timeline).
    pub fn mean_sentences(&self) -> f64 {
        if self.days.is_empty() {
            return 0.0;
        }
        let n: usize = self.days.values().map(Vec::len).sum();
        n as f64 / self.days.len() as f64
    }

    /// The gold text format, oldest date first.
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        for (i, (date, sentences)) in self.days.iter().enumerate() {
            if i > 0 {
                out.push_str(SEPARATOR);
                out.push('\n');
            }
            let _ = writeln!(out, "{date}");
            for s in sentences {
                // One sentence a line: a sentence never carries its own line breaks.
                out.push_str(&s.split_whitespace().collect::<Vec<_>>().join(" "));
                out.push('\n');
            }
        }
        out
    }

    /// Parses the text format. Blocks whose date line is not a date are
    /// skipped and reported; a date given twice keeps its last block (as
    /// tilse reads such files).
    pub fn parse(text: &str) -> (Timeline, Vec<String>) {
        let mut days = BTreeMap::new();
        let mut warnings = Vec::new();
        let mut block: Vec<&str> = Vec::new();
        let mut flush = |block: &mut Vec<&str>, line_no: usize| {
            let mut lines = block.iter().map(|l| l.trim()).filter(|l| !l.is_empty());
            if let Some(head) = lines.next() {
                match head.parse::<Date>() {
                    Ok(date) => {
                        days.insert(date, lines.map(str::to_string).collect());
                    }
                    Err(_) => warnings.push(format!(
                        "block ending at line {line_no}: date line {head:?} is not YYYY-MM-DD; block skipped"
                    )),
                }
            }
            block.clear();
        };
        let mut n = 0;
        for (i, line) in text.lines().enumerate() {
            n = i + 1;
            if line.trim_end() == SEPARATOR {
                flush(&mut block, i);
            } else {
                block.push(line);
            }
        }
        flush(&mut block, n);
        (Timeline { days }, warnings)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_bad_block() {
        let text = "2011-04-02\nA b .\nC d .\n--------------------------------\n2011-04-0\nBad .\n--------------------------------\n2011-03-01\nFirst .\n";
        let (tl, warnings) = Timeline::parse(text);
        assert_eq!(tl.len(), 2);
        assert_eq!(warnings.len(), 1);
        assert!(warnings[0].contains("2011-04-0"));
        let out = tl.to_text();
        assert_eq!(
            out,
            "2011-03-01\nFirst .\n--------------------------------\n2011-04-02\nA b .\nC d .\n"
        );
        assert_eq!(Timeline::parse(&out).0, tl);
    }

    #[test]
    fn repeated_date_keeps_last_block() {
        let (tl, _) =
            Timeline::parse("2010-01-01\nx\n--------------------------------\n2010-01-01\ny\n");
        assert_eq!(tl.days.values().next().unwrap(), &vec!["y".to_string()]);
    }
}
