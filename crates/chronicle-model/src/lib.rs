//! The document model shared by every stage of Chronicle.
//!
//! One [`Doc`] owns the text of an article. Annotation stages never copy or
//! rewrite that text: each adds a *layer* of [`Span`]s (byte ranges into
//! `Doc::text`) — tokens, sentences, entities, timexes, quotes, events.
//! Byte offsets are the only offsets inside the engine; the code-point
//! offsets of the JSON contract are computed once, at the output boundary,
//! by [`CharOffsets`].
//!
//! The crate does no I/O and knows no serialisation format, so it can be
//! used by every other crate (and compiled anywhere) at no cost.

mod doc;
mod fingerprint;
mod layers;
mod offsets;
mod pipeline;
mod span;

pub use doc::{Diagnostic, Doc, DocMeta};
pub use fingerprint::Fingerprinter;
pub use layers::{
    Entity, EntityLabel, Event, Quote, QuoteKind, Timex, TimexMod, TimexType, Token, TokenKind,
};
pub use offsets::CharOffsets;
pub use pipeline::{Layer, Pipeline, PipelineError, Stage};
pub use span::Span;

/// A calendar date (the document creation time and resolved dates).
pub type Date = jiff::civil::Date;
