//! Command-line arguments, as clap parses them.

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

#[derive(Parser, Debug)]
#[command(
    name = "tally",
    version,
    about = "A sourced ledger of figures from conflict reporting",
    long_about = "tally reads reports (text, HTML, feeds, JSON Lines), extracts every figure about \
arms transfers, deployments, casualties, losses and production as a claim with its source and the \
exact span it came from, and keeps documents and claims in a local SQLite database.",
    after_help = "Examples:\n  tally ingest examples/reports\n  tally claims --kind transfer --from KP\n  \
tally extract report.html --format jsonl\n  tally search \"Koksan howitzers\"\n\n\
Exit codes: 0 success, 1 nothing found, 2 error."
)]
pub struct Cli {
    /// The database file [default: the per-user data dir, e.g. ~/.local/share/tally/tally.db]
    #[arg(long, global = true, env = "TALLY_DB", value_name = "PATH")]
    pub db: Option<PathBuf>,

    /// Print no progress and no summary; errors still go to stderr
    #[arg(long, short, global = true)]
    pub quiet: bool,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Read reports into the database and extract their claims
    #[command(
        after_help = "Examples:\n  tally ingest examples/reports --claims\n  tally ingest page.html --published 2025-01-14\n  \
curl -s https://example.org/feed.xml | tally ingest -\n\n\
Inputs: .txt/.md (optional --- front matter), .html/.htm, .jsonl/.ndjson (spec documents), \
.xml/.rss/.atom/.json feeds, folders (recursive), - for standard input.\n\
Re-ingesting a document changes nothing; a document whose text changed, or whose claims came from an \
older extractor, is updated. Exit code 2 when any input failed (the others are still stored)."
    )]
    Ingest(IngestArgs),

    /// Extract claims from reports without touching the database
    #[command(
        after_help = "Examples:\n  tally extract ../shared/eval/dev/docs.jsonl --format jsonl > claims.jsonl\n  \
tally extract report.txt --published 2025-01-14\n  cat page.html | tally extract -\n\n\
Each claim's doc is the input's own id when it has one (JSON Lines), so the output scores directly \
against a gold file with `tally eval`."
    )]
    Extract(ExtractArgs),

    /// List stored claims, filtered
    #[command(
        after_help = "Examples:\n  tally claims --kind transfer --from KP --to RU\n  \
tally claims --item koksan --format csv\n  tally claims --period 2024-10..2025-01 --speaker budanov\n\n\
Exit code 1 when no claim matches."
    )]
    Claims(ClaimsArgs),

    /// List stored documents
    #[command(
        after_help = "Examples:\n  tally docs\n  tally docs --publisher \"Tally Example Desk\" --format jsonl"
    )]
    Docs(DocsArgs),

    /// Show one document with its claims' spans highlighted, and the claims under it
    #[command(
        after_help = "Examples:\n  tally show example-kn23\n  tally show u-3f2a9c0d1e2b4a5f --color never"
    )]
    Show(ShowArgs),

    /// Full-text search over stored documents' titles and text
    #[command(
        after_help = "Examples:\n  tally search koksan\n  tally search \"North Korean troops\" --limit 5\n\n\
Plain words are searched as words (all must occur); exit code 1 when nothing matches."
    )]
    Search(SearchArgs),

    /// Export every stored claim (or document)
    #[command(
        after_help = "Examples:\n  tally export --format csv > claims.csv\n  tally export --what docs --format jsonl -o docs.jsonl"
    )]
    Export(ExportArgs),

    /// Counts of what the database holds
    #[command(after_help = "Examples:\n  tally stats\n  tally stats --format json")]
    Stats(StatsArgs),

    /// Check the database file: SQLite's full integrity check, foreign keys, the search index
    #[command(
        after_help = "Examples:\n  tally check\n  tally check --db archive.db\n\n\
Changes nothing unless --rebuild-search-index is given. Exit code 0 when the database is sound, \
2 when it is damaged (with what to do)."
    )]
    Check(CheckArgs),

    /// Score extracted claims against gold claims (shared/spec/claims.md section 4)
    #[command(
        after_help = "Examples:\n  tally eval --gold ../shared/eval/dev/gold.jsonl --docs ../shared/eval/dev/docs.jsonl\n  \
tally eval --gold gold.jsonl --claims extracted.jsonl --verbose\n\n\
With --docs and no --claims, the documents are extracted first. Prints the same figures as \
shared/eval/score.py."
    )]
    Eval(EvalArgs),

    /// Reconcile claims across reports into facts, origins and copies (no database)
    #[command(
        after_help = "Examples:\n  tally reconcile ../shared/eval/dev/docs.jsonl --format jsonl > ledger.jsonl\n  \
tally reconcile --claims claims.jsonl --docs docs.jsonl --copies copies.jsonl --format jsonl\n  \
tally reconcile docs.jsonl --as-of 2024-12-31\n\n\
Without --claims, the claims are extracted from the documents first. JSON Lines output is every \
claim with its `fact` and `origin` labels (and `claim_id`); the table is one line per fact."
    )]
    Reconcile(ReconcileArgs),

    /// Facts across stored reports: one line per real-world figure
    #[command(
        after_help = "Examples:\n  tally facts --min-sources 2\n  tally facts --conflicting --kind deployment --from KP\n  \
tally facts --as-of 2024-12-31 --format jsonl\n\n\
The ledger is stored and kept up to date by `tally ingest`; with --as-of it is built from the \
stored documents and claims for that call."
    )]
    Facts(FactsArgs),

    /// One fact: its values, sources and timeline
    #[command(
        after_help = "Examples:\n  tally fact f-3fa2c1d0e9b84a77\n  tally fact f-3fa2c1d0e9b84a77 --format jsonl"
    )]
    Fact(FactArgs),

    /// Bring the stored ledger up to date, or rebuild it from the documents and claims
    #[command(
        after_help = "Examples:\n  tally ledger update\n  tally ledger rebuild\n\n\
`tally ingest` updates the ledger itself; `update` finishes one an interrupted ingest left \
behind, `rebuild` recomputes every fact from the stored documents and claims."
    )]
    Ledger(LedgerArgs),
}

#[derive(Args, Debug)]
pub struct LedgerArgs {
    #[command(subcommand)]
    pub action: LedgerAction,
}

#[derive(Subcommand, Debug, Clone, Copy, PartialEq, Eq)]
pub enum LedgerAction {
    /// Place the documents and claims written since the last update
    Update,
    /// Forget the stored ledger and build it again from every document
    Rebuild,
}

/// Metadata that overrides what the inputs say.
#[derive(Args, Debug, Default, Clone)]
pub struct MetaArgs {
    /// Publication date (YYYY-MM-DD) for every input; relative times resolve against it
    #[arg(long, value_name = "DATE")]
    pub published: Option<String>,
    /// Publisher for every input
    #[arg(long, value_name = "NAME")]
    pub publisher: Option<String>,
    /// Title for every input
    #[arg(long, value_name = "TEXT")]
    pub title: Option<String>,
    /// URL for every input (also decides the document id when the input has none)
    #[arg(long, value_name = "URL")]
    pub url: Option<String>,
}

/// Limits on extracting one document.
#[derive(Args, Debug, Clone, Copy)]
pub struct GuardArgs {
    /// Longest document text extracted, in MB; a longer one fails alone with a message
    #[arg(long, value_name = "MB", default_value_t = 8.0)]
    pub max_doc_mb: f64,
    /// Longest time one document's extraction may take, in seconds; it then fails alone
    #[arg(long, value_name = "SECS", default_value_t = 60.0)]
    pub extract_timeout: f64,
}

impl GuardArgs {
    pub fn guard(&self) -> crate::guard::Guard {
        let max_bytes = (self.max_doc_mb.max(0.0) * 1024.0 * 1024.0) as usize;
        let secs = self.extract_timeout.clamp(0.0, 1e9);
        crate::guard::Guard {
            max_bytes,
            timeout: std::time::Duration::from_secs_f64(secs),
        }
    }
}

#[derive(Args, Debug)]
pub struct IngestArgs {
    /// Files, folders, or - for standard input
    #[arg(required = true, value_name = "PATH")]
    pub inputs: Vec<PathBuf>,
    #[command(flatten)]
    pub meta: MetaArgs,
    /// Then print the claims of the documents this run read, as a table
    #[arg(long)]
    pub claims: bool,
    #[command(flatten)]
    pub guard: GuardArgs,
    /// Documents written per transaction
    #[arg(long, default_value_t = 256, value_parser = clap::value_parser!(u32).range(1..=100_000))]
    pub batch: u32,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Table,
    Jsonl,
    Csv,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum DataFormat {
    Jsonl,
    Csv,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum StatsFormat {
    Table,
    Json,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Color {
    Auto,
    Always,
    Never,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum What {
    Claims,
    Docs,
}

#[derive(Args, Debug)]
pub struct ExtractArgs {
    /// Files, folders, or - for standard input
    #[arg(required = true, value_name = "PATH")]
    pub inputs: Vec<PathBuf>,
    #[arg(long, value_enum, default_value_t = Format::Jsonl)]
    pub format: Format,
    #[command(flatten)]
    pub meta: MetaArgs,
    #[command(flatten)]
    pub guard: GuardArgs,
}

#[derive(Args, Debug, Default)]
pub struct ClaimFilterArgs {
    /// transfer, deployment, casualties, loss or production
    #[arg(long)]
    pub kind: Option<String>,
    /// The giving side (ISO code such as KP, or an actor's name)
    #[arg(long)]
    pub from: Option<String>,
    /// The receiving side
    #[arg(long)]
    pub to: Option<String>,
    /// Words in the item's name or text ("koksan", "shells")
    #[arg(long)]
    pub item: Option<String>,
    /// Words in the speaker's name ("budanov")
    #[arg(long)]
    pub speaker: Option<String>,
    /// Claims whose period overlaps FROM..TO (YYYY, YYYY-MM or YYYY-MM-DD; either end may be empty)
    #[arg(long, value_name = "FROM..TO")]
    pub period: Option<String>,
    /// Only claims of this document
    #[arg(long, value_name = "ID")]
    pub doc: Option<String>,
    /// At most this many claims
    #[arg(long)]
    pub limit: Option<usize>,
}

#[derive(Args, Debug)]
pub struct ClaimsArgs {
    #[command(flatten)]
    pub filter: ClaimFilterArgs,
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
}

#[derive(Args, Debug)]
pub struct DocsArgs {
    /// Only documents of this publisher
    #[arg(long)]
    pub publisher: Option<String>,
    /// At most this many documents
    #[arg(long)]
    pub limit: Option<usize>,
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
}

#[derive(Args, Debug)]
pub struct ShowArgs {
    /// The document's id (see `tally docs`)
    pub doc: String,
    /// Highlight claim spans with terminal colours
    #[arg(long, value_enum, default_value_t = Color::Auto)]
    pub color: Color,
}

#[derive(Args, Debug)]
pub struct SearchArgs {
    /// Words to search for
    #[arg(required = true)]
    pub query: Vec<String>,
    #[arg(long, default_value_t = 20)]
    pub limit: usize,
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
}

#[derive(Args, Debug)]
pub struct ExportArgs {
    #[arg(long, value_enum, default_value_t = DataFormat::Jsonl)]
    pub format: DataFormat,
    /// What to export
    #[arg(long, value_enum, default_value_t = What::Claims)]
    pub what: What,
    /// Write to this file instead of standard output
    #[arg(long, short)]
    pub output: Option<PathBuf>,
}

#[derive(Args, Debug)]
pub struct StatsArgs {
    #[arg(long, value_enum, default_value_t = StatsFormat::Table)]
    pub format: StatsFormat,
}

#[derive(Args, Debug)]
pub struct CheckArgs {
    /// Rebuild the full-text index from the documents (when only it is out of step)
    #[arg(long)]
    pub rebuild_search_index: bool,
}

#[derive(Args, Debug)]
pub struct EvalArgs {
    /// Gold claims (JSON Lines)
    #[arg(long, value_name = "FILE")]
    pub gold: PathBuf,
    /// Documents (JSON Lines): extracted now unless --claims is given; with --claims, limits scoring to them
    #[arg(long, value_name = "FILE")]
    pub docs: Option<PathBuf>,
    /// Already-extracted claims (JSON Lines)
    #[arg(long, value_name = "FILE")]
    pub claims: Option<PathBuf>,
    /// List missed and spurious claims
    #[arg(long)]
    pub verbose: bool,
    /// Print the full result as JSON
    #[arg(long)]
    pub json: bool,
}

#[derive(Args, Debug)]
pub struct ReconcileArgs {
    /// Documents (JSON Lines, files, folders, or - for standard input); their claims are extracted unless --claims is given
    #[arg(value_name = "DOCS")]
    pub inputs: Vec<PathBuf>,
    /// Claims to reconcile (JSON Lines, one claim per line) instead of extracting them
    #[arg(long, value_name = "FILE")]
    pub claims: Option<PathBuf>,
    /// The documents of the claims given with --claims (for dates, publishers and copies)
    #[arg(long = "docs", value_name = "DOCS")]
    pub docs: Vec<PathBuf>,
    /// Also write one {"doc","copy_of"} line per syndicated copy to FILE
    #[arg(long, value_name = "FILE")]
    pub copies: Option<PathBuf>,
    /// Only reports published on or before DATE (YYYY-MM-DD)
    #[arg(long, value_name = "DATE")]
    pub as_of: Option<String>,
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
}

#[derive(Args, Debug)]
pub struct FactsArgs {
    /// Only facts with at least this many independent sources
    #[arg(long, default_value_t = 0)]
    pub min_sources: usize,
    /// Only facts whose reports give incompatible values
    #[arg(long)]
    pub conflicting: bool,
    /// Only reports published on or before DATE (YYYY-MM-DD)
    #[arg(long, value_name = "DATE")]
    pub as_of: Option<String>,
    /// transfer, deployment, casualties, loss or production
    #[arg(long)]
    pub kind: Option<String>,
    /// The giving side (ISO code such as KP, or an actor's name)
    #[arg(long)]
    pub from: Option<String>,
    /// The receiving side
    #[arg(long)]
    pub to: Option<String>,
    /// Words in an item's name or text
    #[arg(long)]
    pub item: Option<String>,
    /// At most this many facts
    #[arg(long)]
    pub limit: Option<usize>,
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
}

#[derive(Args, Debug)]
pub struct FactArgs {
    /// The fact's id, as `tally facts` prints it
    pub id: String,
    /// Only reports published on or before DATE (YYYY-MM-DD)
    #[arg(long, value_name = "DATE")]
    pub as_of: Option<String>,
    /// table (readable) or jsonl (one JSON object)
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
}
