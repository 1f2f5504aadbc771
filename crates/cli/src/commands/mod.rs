//! One module per subcommand; `run` dispatches.

mod check;
mod claims;
mod docs;
mod eval;
mod export;
mod extract;
mod facts;
mod ingest;
mod inputs;
mod ledger;
mod reconcile;
mod search;
mod show;
mod stats;

use crate::args::{Cli, Command};
use crate::Status;
use anyhow::Result;

pub fn run(cli: Cli) -> Result<Status> {
    let quiet = cli.quiet;
    match cli.command {
        Command::Ingest(a) => ingest::run(a, cli.db, quiet),
        Command::Extract(a) => extract::run(a, quiet),
        Command::Claims(a) => claims::run(a, cli.db),
        Command::Docs(a) => docs::run(a, cli.db),
        Command::Show(a) => show::run(a, cli.db),
        Command::Search(a) => search::run(a, cli.db),
        Command::Export(a) => export::run(a, cli.db),
        Command::Stats(a) => stats::run(a, cli.db),
        Command::Check(a) => check::run(a, cli.db, quiet),
        Command::Eval(a) => eval::run(a, quiet),
        Command::Reconcile(a) => reconcile::run(a, quiet),
        Command::Facts(a) => facts::run_facts(a, cli.db),
        Command::Fact(a) => facts::run_fact(a, cli.db),
        Command::Ledger(a) => ledger::run(a, cli.db, quiet),
    }
}

/// Standard output, buffered; flushed by the caller so a closed pipe shows
/// up as an error there.
fn stdout() -> std::io::BufWriter<std::io::StdoutLock<'static>> {
    std::io::BufWriter::new(std::io::stdout().lock())
}
