//! The normalised-text hash that finds the same article under another id.

use sha2::{Digest, Sha256};

/// The text with case folded and every run of whitespace made one space,
/// trimmed: reflowed or re-cased copies of an article compare equal.
pub fn normalise_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(word.chars().flat_map(char::to_lowercase));
    }
    out
}

/// SHA-256 of [`normalise_text`].
pub fn text_hash(text: &str) -> [u8; 32] {
    Sha256::digest(normalise_text(text).as_bytes()).into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reflowed_text_hashes_equal() {
        assert_eq!(
            text_hash("Jeff  Sessions\nmet him. "),
            text_hash("jeff sessions met him.")
        );
        assert_ne!(
            text_hash("Jeff Sessions met him."),
            text_hash("Jeff Sessions met her.")
        );
    }
}
