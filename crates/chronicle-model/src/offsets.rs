use crate::Span;

/// Converts byte offsets of one text into code-point offsets (as Python
/// indexes a `str`), the unit of the JSON contract.
///
/// Built once per document at the output boundary; each lookup is a binary
/// search over the positions of multi-byte characters, so ASCII text costs
/// nothing but one scan.
#[derive(Debug, Clone)]
pub struct CharOffsets {
    /// Byte offsets at which a multi-byte char starts, with the number of
    /// extra bytes seen up to and including that char.
    wide: Vec<(u32, u32)>,
}

impl CharOffsets {
    pub fn new(text: &str) -> CharOffsets {
        let mut wide = Vec::new();
        if !text.is_ascii() {
            let mut extra = 0u32;
            for (i, c) in text.char_indices() {
                let n = c.len_utf8() as u32;
                if n > 1 {
                    extra += n - 1;
                    wide.push((i as u32, extra));
                }
            }
        }
        CharOffsets { wide }
    }

    /// The code-point offset of byte offset `byte` (a char boundary).
    pub fn char_of(&self, byte: u32) -> u32 {
        // Number of extra bytes contributed by wide chars starting before `byte`.
        let idx = self.wide.partition_point(|&(start, _)| start < byte);
        let extra = if idx == 0 { 0 } else { self.wide[idx - 1].1 };
        byte - extra
    }

    /// `span` in code points.
    pub fn span(&self, span: Span) -> (u32, u32) {
        (self.char_of(span.start), self.char_of(span.end))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn euro_sign() {
        let text = "a €5 b — “c”";
        let offsets = CharOffsets::new(text);
        let b = text.find('b').unwrap();
        assert_eq!(offsets.char_of(b as u32), 5);
        let c = text.find('c').unwrap();
        assert_eq!(offsets.char_of(c as u32), 10);
        assert_eq!(
            offsets.char_of(text.len() as u32),
            text.chars().count() as u32
        );
    }

    proptest! {
        #[test]
        fn matches_char_indices(text in "\\PC{0,64}") {
            let offsets = CharOffsets::new(&text);
            for (n, (i, _)) in text.char_indices().enumerate() {
                prop_assert_eq!(offsets.char_of(i as u32), n as u32);
            }
            prop_assert_eq!(offsets.char_of(text.len() as u32), text.chars().count() as u32);
        }
    }
}
