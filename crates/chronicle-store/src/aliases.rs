//! The user's alias file, `<store>/aliases.txt`: corrections to entity
//! resolution that the knowledge base applies at every refresh.
//!
//! One rule a line; `#` starts a comment. Names are matched the way user
//! queries are (case, periods and, for persons, titles ignored):
//!
//! ```text
//! # one entity, shown under the first name
//! merge: Jeff Sessions = Sen. Sessions = Jefferson Beauregard Sessions
//! same: BP | British Petroleum          # the same as merge: BP = British Petroleum
//! # a surname that must stay on its own
//! split: Bush
//! # never join these two automatically
//! different: Trump | Ivanka Trump
//! ```
//!
//! A line that cannot be read is reported as `FILE:LINE: reason` and
//! skipped; the other rules still apply.

use std::path::Path;

use crate::kb::{clean, normalise_name};
use crate::{Result, StoreError};

/// The alias file inside a store directory.
pub const ALIASES_FILE: &str = "aliases.txt";

/// A name in a rule, in the two lookup forms a group may have.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleName {
    /// As written (trimmed).
    pub written: String,
    /// Lookup form for persons (titles stripped).
    pub person: String,
    /// Lookup form for other entities.
    pub other: String,
}

impl RuleName {
    fn new(written: &str) -> Option<RuleName> {
        let written = written.split_whitespace().collect::<Vec<_>>().join(" ");
        let person = normalise_name(&clean(&written, true));
        let other = normalise_name(&clean(&written, false));
        (!person.is_empty() && !other.is_empty()).then_some(RuleName {
            written,
            person,
            other,
        })
    }

    /// Whether the name group `(per, norm)` is this name.
    pub fn matches(&self, per: bool, norm: &str) -> bool {
        if per {
            self.person == norm
        } else {
            self.other == norm
        }
    }
}

/// The rules of one alias file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AliasRules {
    /// Each merge lists its names; the first names the entity.
    pub merges: Vec<Vec<RuleName>>,
    /// Names that no surname joins and that join no full name.
    pub splits: Vec<RuleName>,
    /// Pairs never joined by surname resolution.
    pub different: Vec<(RuleName, RuleName)>,
}

impl AliasRules {
    pub fn is_empty(&self) -> bool {
        self.merges.is_empty() && self.splits.is_empty() && self.different.is_empty()
    }

    /// The merge rule naming group `(per, norm)`, if any.
    pub fn merge_of(&self, per: bool, norm: &str) -> Option<usize> {
        self.merges
            .iter()
            .position(|m| m.iter().any(|n| n.matches(per, norm)))
    }

    pub fn is_split(&self, per: bool, norm: &str) -> bool {
        self.splits.iter().any(|n| n.matches(per, norm))
    }

    pub fn are_different(&self, a: (bool, &str), b: (bool, &str)) -> bool {
        self.different.iter().any(|(x, y)| {
            (x.matches(a.0, a.1) && y.matches(b.0, b.1))
                || (x.matches(b.0, b.1) && y.matches(a.0, a.1))
        })
    }

    /// Every lookup form any rule names (both forms of each name).
    pub fn norms(&self) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        let names = self
            .merges
            .iter()
            .flatten()
            .chain(&self.splits)
            .chain(self.different.iter().flat_map(|(a, b)| [a, b]));
        for n in names {
            for v in [&n.person, &n.other] {
                if !out.contains(v) {
                    out.push(v.clone());
                }
            }
        }
        out
    }
}

/// Reads the rules in `text`; `origin` names the file in warnings.
/// Returns the rules and one `origin:line: reason` per skipped line.
pub fn parse(text: &str, origin: &str) -> (AliasRules, Vec<String>) {
    let mut rules = AliasRules::default();
    let mut warnings = Vec::new();
    // Lookup forms already merged, with the line that merged them.
    let mut merged: Vec<(String, usize)> = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let line_no = i + 1;
        let line = raw.split('#').next().unwrap_or("").trim();
        if line.is_empty() {
            continue;
        }
        let mut warn = |msg: String| warnings.push(format!("{origin}:{line_no}: {msg}"));
        let Some((kind, rest)) = line.split_once(':') else {
            warn(format!(
                "expected `merge:`, `same:`, `split:` or `different:`, found `{line}`"
            ));
            continue;
        };
        let kind = kind.trim().to_lowercase();
        let (sep, min, max) = match kind.as_str() {
            "merge" => ('=', 2, usize::MAX),
            "same" => ('|', 2, usize::MAX),
            "split" => ('|', 1, 1),
            "different" => ('|', 2, 2),
            _ => {
                warn(format!(
                    "unknown rule `{kind}` (expected merge, same, split or different)"
                ));
                continue;
            }
        };
        let parts: Vec<&str> = rest.split(sep).map(str::trim).collect();
        let names: Vec<RuleName> = parts.iter().filter_map(|p| RuleName::new(p)).collect();
        if names.len() != parts.len() {
            warn("an empty name".into());
            continue;
        }
        if names.len() < min || names.len() > max {
            let expected = match kind.as_str() {
                "split" => "one name".to_string(),
                "different" => "two names separated by `|`".to_string(),
                _ => format!("at least two names separated by `{sep}`"),
            };
            warn(format!("`{kind}` takes {expected}"));
            continue;
        }
        match kind.as_str() {
            "merge" | "same" => {
                let clash = names.iter().find_map(|n| {
                    merged
                        .iter()
                        .find(|(m, _)| *m == n.person || *m == n.other)
                        .map(|(_, at)| (n.written.clone(), *at))
                });
                if let Some((name, at)) = clash {
                    warn(format!("`{name}` is already merged on line {at}"));
                    continue;
                }
                for n in &names {
                    merged.push((n.person.clone(), line_no));
                    merged.push((n.other.clone(), line_no));
                }
                rules.merges.push(names);
            }
            "split" => rules.splits.extend(names),
            _ => {
                let mut it = names.into_iter();
                if let (Some(a), Some(b)) = (it.next(), it.next()) {
                    rules.different.push((a, b));
                }
            }
        }
    }
    (rules, warnings)
}

/// The rules of the store in `dir` (none when it has no alias file), the
/// warnings for skipped lines, and a digest of the file that changes
/// whenever its content does (empty without a file).
///
/// # Errors
/// The file exists but cannot be read.
pub fn load(dir: &Path) -> Result<(AliasRules, Vec<String>, String)> {
    let path = dir.join(ALIASES_FILE);
    let text = match std::fs::read(&path) {
        Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Ok((AliasRules::default(), Vec::new(), String::new()))
        }
        Err(source) => return Err(StoreError::Io { path, source }),
    };
    // Raw bytes: a change of case in a display name matters too.
    let digest = <sha2::Sha256 as sha2::Digest>::digest(text.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect::<String>();
    let (rules, warnings) = parse(&text, &path.display().to_string());
    Ok((rules, warnings, digest))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules_are_read_and_bad_lines_reported_with_their_line() {
        let text = "# corrections\n\
                    merge: Jeff Sessions = Sen. Sessions\n\
                    same: BP | British Petroleum  # company\n\
                    split: Bush\n\
                    different: Trump | Ivanka Trump\n\
                    \n\
                    merge: Sessions\n\
                    bogus: X\n\
                    no colon here\n\
                    merge: Jeff Sessions = Jefferson Sessions\n\
                    different: A | | B\n";
        let (rules, warnings) = parse(text, "aliases.txt");
        assert_eq!(rules.merges.len(), 2);
        assert_eq!(rules.merges[0][0].written, "Jeff Sessions");
        assert_eq!(rules.merges[0][1].person, "sessions");
        assert_eq!(rules.merges[0][1].other, "sen sessions");
        assert_eq!(rules.splits.len(), 1);
        assert_eq!(rules.different.len(), 1);
        assert_eq!(warnings.len(), 5, "{warnings:#?}");
        assert!(warnings[0].starts_with("aliases.txt:7: `merge` takes"));
        assert!(warnings[1].starts_with("aliases.txt:8: unknown rule"));
        assert!(warnings[2].starts_with("aliases.txt:9: expected"));
        assert_eq!(
            warnings[3],
            "aliases.txt:10: `Jeff Sessions` is already merged on line 2"
        );
        assert!(warnings[4].starts_with("aliases.txt:11:"));
        assert_eq!(rules.merge_of(true, "sessions"), Some(0));
        assert_eq!(rules.merge_of(false, "british petroleum"), Some(1));
        assert!(rules.is_split(true, "bush"));
        assert!(rules.are_different((true, "ivanka trump"), (true, "trump")));
        assert!(!rules.are_different((true, "donald trump"), (true, "trump")));
    }

    #[test]
    fn a_missing_file_means_no_rules() {
        let dir = tempfile::tempdir().unwrap();
        let (rules, warnings, digest) = load(dir.path()).unwrap();
        assert!(rules.is_empty() && warnings.is_empty() && digest.is_empty());
        std::fs::write(dir.path().join(ALIASES_FILE), "split: Bush\n").unwrap();
        let (rules, _, digest) = load(dir.path()).unwrap();
        assert_eq!(rules.splits.len(), 1);
        assert_eq!(digest.len(), 64);
    }

    proptest::proptest! {
        #[test]
        fn any_text_parses_without_panic(text in "\\PC{0,200}") {
            let (_, warnings) = parse(&text, "f");
            for w in warnings {
                proptest::prop_assert!(w.starts_with("f:"));
            }
        }
    }
}
