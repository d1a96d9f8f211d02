//! Timeline summarisation: from a dated article collection to the dates
//! that mattered, each with a few sentences saying what happened.
//!
//! The method is unsupervised and has one configuration for every
//! collection, because held-out topics are scored separately and nothing
//! may be tuned per topic. Each article is segmented and tagged with the
//! temporal tagger (in parallel); each sentence is then dated by the days it
//! mentions and, for leading sentences that mention none, by publication.
//! Dates are ranked by publication bursts and by references from later
//! articles; per date, sentences are ranked by centrality (TF-IDF cosine with
//! the centroid of the sentences about that date) with a redundancy check
//! across the whole timeline. See `summarize` for the details.
//!
//! The TLS metrics live here too (`metrics`): tilse's alignment-based ROUGE
//! ("align+ m:1"), concatenated ROUGE-1 and date F1, so the CLI, the scorer
//! and the benchmarks share one implementation.

mod annotate;
mod article;
pub mod days;
mod entity;
mod error;
mod explicit_dates;
pub mod metrics;
mod summarize;
pub mod tasks;
mod timeline;
mod vectors;

pub use article::{parse_articles, read_articles, Article};
pub use entity::{entity_config, key_dates, DatedItem, KeyDate, KeySentence};
pub use error::{Result, TlsError};
pub use summarize::{filter, summarize, Config, Params, Stats};
pub use timeline::{Timeline, SEPARATOR};
