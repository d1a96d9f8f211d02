//! Code-point offsets back to byte spans: the inverse of
//! `chronicle_model::CharOffsets`, for rows read from Arrow or Parquet.

use chronicle_model::Span;

/// Maps code-point offsets of one text to byte offsets. ASCII text maps
/// one to one; otherwise the byte position of every char is kept (4 bytes
/// a char, freed with the converter).
pub(crate) struct ByteOffsets {
    /// Byte offset of each char, then the text length; empty for ASCII.
    starts: Vec<u32>,
    len: u32,
}

impl ByteOffsets {
    pub(crate) fn new(text: &str) -> ByteOffsets {
        let len = text.len() as u32;
        if text.is_ascii() {
            return ByteOffsets {
                starts: Vec::new(),
                len,
            };
        }
        let mut starts: Vec<u32> = text.char_indices().map(|(i, _)| i as u32).collect();
        starts.push(len);
        ByteOffsets { starts, len }
    }

    /// The byte offset of code point `ch`, when it is inside the text (the
    /// text's end included).
    pub(crate) fn byte_of(&self, ch: i64) -> Option<u32> {
        let ch = u32::try_from(ch).ok()?;
        if self.starts.is_empty() {
            return (ch <= self.len).then_some(ch);
        }
        self.starts.get(ch as usize).copied()
    }

    /// The byte span of code points `start..end`, when valid.
    pub(crate) fn span(&self, start: i64, end: i64) -> Option<Span> {
        if start > end {
            return None;
        }
        let (a, b) = (self.byte_of(start)?, self.byte_of(end)?);
        Some(Span { start: a, end: b })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chronicle_model::CharOffsets;
    use proptest::prelude::*;

    #[test]
    fn euro_sign() {
        let text = "a €5 b";
        let map = ByteOffsets::new(text);
        assert_eq!(map.byte_of(3), Some(5));
        assert_eq!(map.span(5, 6), Some(Span { start: 7, end: 8 }));
        assert_eq!(map.byte_of(6), Some(8));
        assert_eq!(map.byte_of(7), None);
        assert_eq!(map.span(2, 1), None);
        assert_eq!(map.byte_of(-1), None);
        assert_eq!(ByteOffsets::new("abc").byte_of(4), None);
    }

    proptest! {
        #[test]
        fn inverts_char_offsets(text in "\\PC{0,64}") {
            let chars = CharOffsets::new(&text);
            let bytes = ByteOffsets::new(&text);
            for (i, _) in text.char_indices().chain(std::iter::once((text.len(), ' '))) {
                let ch = chars.char_of(i as u32);
                prop_assert_eq!(bytes.byte_of(i64::from(ch)), Some(i as u32));
            }
        }
    }
}
