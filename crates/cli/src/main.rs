//! The `tally` binary: argument parsing, wiring of the library crates,
//! output, and exit codes (0 success, 1 nothing found, 2 error). All logic
//! that is not about the command line lives in the library crates.

mod args;
mod commands;
mod db;
mod guard;
mod output;
mod pipeline;
mod progress;

use clap::Parser;
use std::process::ExitCode;

/// How a command ended, when it did not fail outright.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    /// It did what was asked and found something.
    Success,
    /// It ran cleanly but found nothing (no claim, no hit, no document).
    NothingFound,
    /// Some inputs failed (each reported on stderr); the rest was done.
    PartialFailure,
}

fn main() -> ExitCode {
    let cli = args::Cli::parse();
    init_tracing(cli.quiet);
    match commands::run(cli) {
        Ok(Status::Success) => ExitCode::SUCCESS,
        Ok(Status::NothingFound) => ExitCode::from(1),
        Ok(Status::PartialFailure) => ExitCode::from(2),
        Err(err) if is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("tally: {err:#}");
            ExitCode::from(2)
        }
    }
}

/// A reader that went away (`tally claims | head`) is not an error. The
/// io error may arrive wrapped by the JSON or CSV writer.
fn is_broken_pipe(err: &anyhow::Error) -> bool {
    use std::io::ErrorKind::BrokenPipe;
    err.chain().any(|cause| {
        if let Some(e) = cause.downcast_ref::<std::io::Error>() {
            return e.kind() == BrokenPipe;
        }
        if let Some(e) = cause.downcast_ref::<serde_json::Error>() {
            return e.io_error_kind() == Some(BrokenPipe);
        }
        if let Some(e) = cause.downcast_ref::<csv::Error>() {
            return matches!(e.kind(), csv::ErrorKind::Io(io) if io.kind() == BrokenPipe);
        }
        false
    })
}

fn init_tracing(quiet: bool) {
    let default = if quiet { "error" } else { "warn" };
    let filter = tracing_subscriber::EnvFilter::try_from_env("TALLY_LOG")
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new(default));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .without_time()
        .try_init();
}
