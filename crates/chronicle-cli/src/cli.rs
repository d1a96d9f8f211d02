//! Argument definitions (clap derive). Names and flags follow
//! `shared/contract/cli.md`.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

#[derive(Debug, Parser)]
#[command(
    name = "chronicle",
    version,
    about = "A time-anchored knowledge base from dated news articles"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum InputFormat {
    News,
    Text,
    Jsonl,
    Timeml,
    Conll,
    /// Annotated Parquet (ours or Spark's): `ingest` loads it without annotating.
    Parquet,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    Json,
    Timeml,
    Conll,
    /// The annotation contract as Parquet (needs `--out FILE`).
    Parquet,
}

/// A table `chronicle export` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportTable {
    Entities,
    Quotes,
    Events,
    Timeline,
    Contacts,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    Csv,
    Parquet,
}

/// Where documents come from and how to read them.
#[derive(Debug, Args)]
pub struct InputArgs {
    /// Input format; detected per file when omitted.
    #[arg(long = "from", value_enum)]
    pub from: Option<InputFormat>,
    /// Document creation time for inputs that carry none (YYYY-MM-DD).
    #[arg(long)]
    pub dct: Option<String>,
    /// Stop at the first bad record instead of reporting and skipping it.
    #[arg(long)]
    pub strict: bool,
    /// Files, directories (read recursively), `-` for stdin, or `.gz` files.
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
}

#[derive(Debug, Args)]
pub struct StoreArgs {
    /// Store directory (created on first use).
    #[arg(long, env = "CHRONICLE_STORE", default_value = "chronicle-store")]
    pub store: PathBuf,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Annotate documents without a store and print the annotations.
    Annotate {
        #[command(flatten)]
        input: InputArgs,
        /// Output format.
        #[arg(long = "to", value_enum, default_value = "json")]
        to: OutputFormat,
        /// Output directory (for `--to timeml`) or file (for `--to parquet`).
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// Annotate documents and add them to the store.
    Ingest {
        #[command(flatten)]
        store: StoreArgs,
        #[command(flatten)]
        input: InputArgs,
        /// Replace stored documents whose id matches but whose text differs.
        #[arg(long)]
        replace: bool,
        /// Leave entity timelines and conflicts to be computed by the first
        /// query that needs them (faster bulk loads).
        #[arg(long)]
        no_precompute: bool,
    },
    /// Full-text search over the store (BM25; "quoted phrases" supported).
    Search {
        #[command(flatten)]
        store: StoreArgs,
        query: String,
        #[arg(long)]
        from: Option<String>,
        #[arg(long)]
        to: Option<String>,
        #[arg(long, default_value_t = 10)]
        limit: usize,
        #[arg(long)]
        json: bool,
    },
    /// Show one stored document with its annotations.
    Show {
        #[command(flatten)]
        store: StoreArgs,
        doc_id: String,
        #[arg(long)]
        json: bool,
    },
    /// Counts of documents and annotations in the store.
    Stats {
        #[command(flatten)]
        store: StoreArgs,
        #[arg(long)]
        json: bool,
    },
    /// An entity's dated events, statements and mentions across the store.
    Timeline {
        #[command(flatten)]
        store: StoreArgs,
        /// The entity: any of its names ("Sessions", "Sen. Jeff Sessions").
        entity: String,
        /// Only items dated on or after this date (YYYY[-MM[-DD]]).
        #[arg(long)]
        from: Option<String>,
        /// Only items dated on or before this date (YYYY[-MM[-DD]]).
        #[arg(long)]
        to: Option<String>,
        #[arg(long, default_value_t = 200)]
        limit: usize,
        /// Only the L most important dates, each with its most
        /// representative sentences (the `tls` method).
        #[arg(long, value_name = "L")]
        summary: Option<usize>,
        #[arg(long)]
        json: bool,
    },
    /// Attributed quotes, by speaker or all.
    Quotes {
        #[command(flatten)]
        store: StoreArgs,
        /// The speaker: any of their names.
        #[arg(long)]
        speaker: Option<String>,
        #[arg(long)]
        from: Option<String>,
        #[arg(long)]
        to: Option<String>,
        #[arg(long, default_value_t = 100)]
        limit: usize,
        #[arg(long)]
        json: bool,
    },
    /// Entities of the knowledge base, most mentioned first.
    Entities {
        #[command(flatten)]
        store: StoreArgs,
        /// PER, ORG, LOC or MISC.
        #[arg(long = "type")]
        label: Option<String>,
        #[arg(long, default_value_t = 50)]
        limit: usize,
        #[arg(long)]
        json: bool,
    },
    /// Who met whom, when, with sources (CSV edges or GraphML for graphs).
    Contacts {
        #[command(flatten)]
        store: StoreArgs,
        /// Only the contacts of this entity.
        entity: Option<String>,
        #[arg(long)]
        csv: bool,
        #[arg(long)]
        graphml: bool,
        #[arg(long)]
        json: bool,
        #[arg(long, default_value_t = 10_000)]
        limit: usize,
    },
    /// Denials contradicted by reported contacts.
    Conflicts {
        #[command(flatten)]
        store: StoreArgs,
        /// Only conflicts involving this entity (as speaker or counterpart).
        #[arg(long)]
        entity: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// HTTP API and web page over the store (localhost by default).
    Serve {
        #[command(flatten)]
        store: StoreArgs,
        #[arg(long, default_value = "127.0.0.1:8080")]
        addr: String,
        /// Refuse ingestion over HTTP.
        #[arg(long)]
        read_only: bool,
    },
    /// Flat tables with provenance: entities, quotes, events, an entity's
    /// timeline or the contacts, as CSV or Parquet.
    Export {
        #[command(flatten)]
        store: StoreArgs,
        /// Which table.
        #[arg(value_enum)]
        table: ExportTable,
        /// The entity (required for `timeline`, optional for `contacts`).
        entity: Option<String>,
        /// File format; by default from the extension of --out (.parquet), else CSV.
        #[arg(long, value_enum)]
        format: Option<ExportFormat>,
        /// Output file (`-` writes CSV to stdout).
        #[arg(long)]
        out: PathBuf,
        /// Timeline only: items dated on or after this date.
        #[arg(long)]
        from: Option<String>,
        /// Timeline only: items dated on or before this date.
        #[arg(long)]
        to: Option<String>,
    },
    /// Delete documents (their layers and index entries) from the store.
    Delete {
        #[command(flatten)]
        store: StoreArgs,
        /// Document ids.
        #[arg(required = true)]
        ids: Vec<String>,
    },
    /// Annotate stored documents again with the current annotators: those
    /// annotated by another version, or all with --all.
    Reannotate {
        #[command(flatten)]
        store: StoreArgs,
        #[arg(long)]
        all: bool,
    },
    /// Score the annotators against gold data.
    #[command(subcommand)]
    Eval(EvalCommand),
    /// Train a model from the data in ../shared/data.
    #[command(subcommand)]
    Train(TrainCommand),
    /// Timeline summarization of one article collection.
    Tls {
        #[arg(long)]
        articles: PathBuf,
        #[arg(long)]
        start: String,
        #[arg(long)]
        end: String,
        /// Number of dates.
        #[arg(long)]
        dates: usize,
        /// Sentences per date.
        #[arg(long)]
        sentences: usize,
        #[arg(long)]
        out: Option<PathBuf>,
    },
}

#[derive(Debug, Subcommand)]
pub enum EvalCommand {
    /// TempEval-3 timex scores over a folder of gold TimeML files.
    Timeml {
        gold_dir: PathBuf,
        /// Score another tagger's TimeML output found here (the gold files'
        /// relative paths, the same text) instead of running Chronicle.
        #[arg(long)]
        system: Option<PathBuf>,
        /// First audit the gold for self-contradictions (malformed values,
        /// values against their own text, one form read several ways, time
        /// words tagged in some places only), then score on all of it and on
        /// the consistent part.
        #[arg(long)]
        audit: bool,
    },
    /// The same timex scores on MEANTIME (NewsReader CAT XML), per sub-corpus.
    Meantime {
        dir: PathBuf,
        /// Also write each document with its gold TIMEX3s as a TimeML file
        /// here, for `eval timeml` and for other taggers.
        #[arg(long)]
        timeml_out: Option<PathBuf>,
    },
    /// CoNLL-2003 NER scores (conlleval semantics) on a gold file.
    Conll { file: PathBuf },
    /// PolNeAR attribution scores over a compartment folder.
    Polnear { dir: PathBuf },
    /// Timeline summarization scores over a Timeline17-style folder.
    Tls { data_dir: PathBuf },
}

#[derive(Debug, Subcommand)]
pub enum TrainCommand {
    /// Train the entity model from CoNLL-2003 (and unlabelled news for clusters).
    Ner {
        /// Folder holding the corpora (conll2003/, timeline17/, bbc-news/, …).
        #[arg(long, default_value = "../shared/data")]
        data: PathBuf,
        /// Where to write the compressed model.
        #[arg(long, default_value = "crates/chronicle-ner/model/ner.bin.gz")]
        out: PathBuf,
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
}
