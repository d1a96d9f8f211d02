use std::ops::{Index, Range};

/// A half-open byte range `start..end` into a document's text.
///
/// Spans are small and `Copy`; they index the text directly
/// (`&text[span]`). Constructors check `start <= end`; callers that build
/// spans from arbitrary arithmetic must keep them on char boundaries, which
/// [`Span::is_valid_in`] verifies (every stage's tests assert it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Span {
    pub start: u32,
    pub end: u32,
}

impl Span {
    /// A span from `start` to `end` (bytes).
    ///
    /// # Panics
    /// When `start > end`: that is a bug in the caller, never a property of input.
    #[inline]
    pub fn new(start: usize, end: usize) -> Span {
        assert!(start <= end, "span start {start} > end {end}");
        Span {
            start: start as u32,
            end: end as u32,
        }
    }

    #[inline]
    pub fn len(self) -> usize {
        (self.end - self.start) as usize
    }

    #[inline]
    pub fn is_empty(self) -> bool {
        self.start == self.end
    }

    #[inline]
    pub fn range(self) -> Range<usize> {
        self.start as usize..self.end as usize
    }

    /// The smallest span covering both.
    #[inline]
    pub fn cover(self, other: Span) -> Span {
        Span {
            start: self.start.min(other.start),
            end: self.end.max(other.end),
        }
    }

    #[inline]
    pub fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    #[inline]
    pub fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// True when the span lies inside `text` on char boundaries.
    pub fn is_valid_in(self, text: &str) -> bool {
        self.start <= self.end
            && (self.end as usize) <= text.len()
            && text.is_char_boundary(self.start as usize)
            && text.is_char_boundary(self.end as usize)
    }

    /// The text under the span.
    #[inline]
    pub fn of(self, text: &str) -> &str {
        &text[self.range()]
    }
}

impl Index<Span> for str {
    type Output = str;
    #[inline]
    fn index(&self, span: Span) -> &str {
        &self[span.range()]
    }
}

impl Index<Span> for String {
    type Output = str;
    #[inline]
    fn index(&self, span: Span) -> &str {
        &self.as_str()[span.range()]
    }
}

impl From<Range<usize>> for Span {
    fn from(r: Range<usize>) -> Span {
        Span::new(r.start, r.end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn indexes_text() {
        let text = "Jeff Sessions met €5 people";
        let span = Span::new(5, 13);
        assert_eq!(&text[span], "Sessions");
        let euro = text.find('€').unwrap();
        assert!(Span::new(euro, euro + 3).is_valid_in(text));
        assert!(!Span::new(euro, euro + 1).is_valid_in(text));
        assert!(!Span::new(0, text.len() + 1).is_valid_in(text));
    }

    #[test]
    fn cover_and_overlap() {
        let a = Span::new(0, 4);
        let b = Span::new(3, 9);
        assert_eq!(a.cover(b), Span::new(0, 9));
        assert!(a.overlaps(b));
        assert!(!a.overlaps(Span::new(4, 5)));
        assert!(Span::new(0, 9).contains(b));
    }

    #[test]
    #[should_panic]
    fn rejects_inverted() {
        let _ = Span::new(4, 3);
    }
}
