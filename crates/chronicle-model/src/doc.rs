use crate::{Date, Entity, Event, Quote, Span, Timex, Token};

/// Where a document came from, carried through to every output that cites it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DocMeta {
    pub url: Option<String>,
    pub source: Option<String>,
    /// The file (and line, for JSONL) the document was read from.
    pub origin: Option<String>,
}

/// A soft problem found while annotating: annotation never fails, it reports.
#[derive(Debug, Clone, PartialEq)]
pub struct Diagnostic {
    pub stage: &'static str,
    pub message: String,
    pub span: Option<Span>,
}

/// One article and its annotation layers.
///
/// The text is immutable once the `Doc` is built; every layer holds byte
/// spans into it, sorted by start.
#[derive(Debug, Clone, Default)]
pub struct Doc {
    pub id: String,
    /// Document creation time.
    pub date: Option<Date>,
    pub title: Option<String>,
    pub text: String,
    pub meta: DocMeta,

    pub tokens: Vec<Token>,
    pub sentences: Vec<Span>,
    pub paragraphs: Vec<Span>,
    pub entities: Vec<Entity>,
    pub timexes: Vec<Timex>,
    pub quotes: Vec<Quote>,
    pub events: Vec<Event>,
    pub diagnostics: Vec<Diagnostic>,
}

impl Doc {
    pub fn new(id: impl Into<String>, date: Option<Date>, text: impl Into<String>) -> Doc {
        Doc {
            id: id.into(),
            date,
            text: text.into(),
            ..Doc::default()
        }
    }

    /// The text under `span`.
    #[inline]
    pub fn slice(&self, span: Span) -> &str {
        &self.text[span]
    }

    /// Indices of the tokens inside `span` (by binary search on the token layer).
    pub fn token_range(&self, span: Span) -> std::ops::Range<usize> {
        let lo = self.tokens.partition_point(|t| t.span.start < span.start);
        let hi = self.tokens.partition_point(|t| t.span.start < span.end);
        lo..hi.max(lo)
    }

    /// Index of the sentence containing byte offset `at`, if any.
    pub fn sentence_at(&self, at: u32) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.end <= at);
        (i < self.sentences.len() && self.sentences[i].start <= at).then_some(i)
    }

    pub fn diagnose(
        &mut self,
        stage: &'static str,
        message: impl Into<String>,
        span: Option<Span>,
    ) {
        self.diagnostics.push(Diagnostic {
            stage,
            message: message.into(),
            span,
        });
    }
}
