//! Near-duplicate detection: the same event or statement reported by
//! several articles in slightly different words.

use std::collections::HashSet;

/// Lower-cased word set of a text, ignoring short (mostly function) words.
pub(crate) fn words(text: &str) -> HashSet<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() > 3)
        .map(str::to_lowercase)
        .collect()
}

/// Jaccard similarity of two word sets.
pub(crate) fn jaccard(a: &HashSet<String>, b: &HashSet<String>) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    let inter = a.intersection(b).count() as f64;
    inter / ((a.len() + b.len()) as f64 - inter)
}

/// Texts this similar (Jaccard over word sets) report the same thing.
pub(crate) const SAME_TEXT: f64 = 0.6;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jaccard_is_intersection_over_union() {
        let a = words("Sessions met the Russian ambassador in July");
        let b = words("Sessions met the Russian ambassador in July");
        assert!((jaccard(&a, &b) - 1.0).abs() < 1e-9);
        let c = words("Apple released the iPhone");
        assert!(jaccard(&a, &c) < 0.1);
        let x = words("aaaa bbbb cccc dddd");
        let y = words("aaaa bbbb cccc eeee");
        assert!((jaccard(&x, &y) - 3.0 / 5.0).abs() < 1e-9);
    }
}
