//! Pairs double quotation marks into quoted regions, in one forward pass.
//!
//! Curly marks say which way they face; straight marks are read from the
//! spacing around them. An unclosed quote ends at its paragraph's end unless
//! the next paragraph opens with a quote mark (the newspaper convention for a
//! quotation running over paragraphs). A stray mark only affects its own
//! paragraph, so odd input never costs more than a local mistake.

use crate::view::{Mark, View};
use chronicle_model::Span;

/// One quoted region, marks excluded.
#[derive(Debug, Clone, PartialEq)]
pub struct Region {
    /// Token index of the opening mark.
    pub open: usize,
    /// Token index of the closing mark, or one past the last token when unclosed.
    pub close: usize,
    /// Whether a closing mark was found.
    pub closed: bool,
    /// Content from its first to its last character.
    pub span: Span,
    /// First and last content tokens (`first..last`, exclusive end).
    pub toks: (usize, usize),
}

pub fn find(v: &View) -> Vec<Region> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    let n = v.len();
    let mut i = 0;
    while i < n {
        if let Some(o) = open {
            if v.para_start(i) {
                // A paragraph ended inside the quote: it continues only if this
                // paragraph opens with a mark.
                if matches!(v.mark(i), Some(Mark::Open | Mark::Either)) {
                    i += 1;
                    continue;
                }
                emit(v, o, i, false, &mut out);
                open = None;
            }
        }
        // A curly mark whose spacing contradicts its glyph (`here,“ said`) is read by its spacing.
        let mark = match v.mark(i) {
            Some(Mark::Open) if !v.space_before(i) && (i + 1 >= n || v.space_before(i + 1)) => {
                Some(Mark::Either)
            }
            Some(Mark::Close)
                if v.space_before(i) && i + 1 < n && !v.space_before(i + 1) && open.is_none() =>
            {
                Some(Mark::Either)
            }
            m => m,
        };
        match mark {
            Some(Mark::Open) => {
                if let Some(o) = open {
                    // Two opening marks: the first was never closed.
                    emit(v, o, i, false, &mut out);
                }
                open = Some(i);
            }
            Some(Mark::Close) => {
                if let Some(o) = open.take() {
                    emit(v, o, i, true, &mut out);
                }
            }
            Some(Mark::Either) => match open {
                Some(o) => {
                    let opens = v.space_before(i) && !v.space_before(i + 1) && i + 1 < n;
                    let closes = !v.space_before(i) || v.space_before(i + 1) || i + 1 >= n;
                    if opens && !closes {
                        emit(v, o, i, false, &mut out);
                        open = Some(i);
                    } else {
                        emit(v, o, i, true, &mut out);
                        open = None;
                    }
                }
                None => {
                    let closes_only = !v.space_before(i) && (i + 1 >= n || v.space_before(i + 1));
                    if !closes_only && i + 1 < n {
                        open = Some(i);
                    }
                }
            },
            None => {}
        }
        i += 1;
    }
    if let Some(o) = open {
        emit(v, o, n, false, &mut out);
    }
    out
}

fn emit(v: &View, open: usize, close: usize, closed: bool, out: &mut Vec<Region>) {
    let first = open + 1;
    // Continuation marks at paragraph starts are inside the region; trim only the ends.
    let mut last = close;
    while last > first && v.mark(last - 1).is_some() && !closed {
        last -= 1;
    }
    if last <= first {
        return;
    }
    out.push(Region {
        open,
        close,
        closed,
        span: v.cover(first, last),
        toks: (first, last),
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use chronicle_model::Span;

    fn regions(text: &str) -> Vec<String> {
        let toks = chronicle_text::tokenize(text);
        let sents: Vec<Span> = chronicle_text::split_sentences(text, &toks);
        let v = View::new(text, &toks, &sents);
        find(&v)
            .iter()
            .map(|r| format!("{}{}", &text[r.span], if r.closed { "" } else { " (open)" }))
            .collect()
    }

    #[test]
    fn curly_and_straight() {
        assert_eq!(
            regions("He said “no way” and \"yes\" then."),
            ["no way", "yes"]
        );
    }

    #[test]
    fn runs_over_paragraphs() {
        let text = "“First part.\n\n“Second part,” he said.";
        assert_eq!(regions(text), ["First part.\n\n“Second part,"]);
    }

    #[test]
    fn unclosed_ends_at_paragraph() {
        let text = "She said “never mind.\n\nNext paragraph “ok” here.";
        assert_eq!(regions(text), ["never mind. (open)", "ok"]);
    }

    #[test]
    fn split_by_attribution() {
        let text = "\"I never met,\" he said, \"with anyone.\"";
        assert_eq!(regions(text), ["I never met,", "with anyone."]);
    }

    #[test]
    fn stray_close_is_ignored() {
        assert_eq!(regions("odd” text “real”"), ["real"]);
    }
}
