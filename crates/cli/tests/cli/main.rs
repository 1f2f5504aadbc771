//! CLI-level integration tests: one binary, a module per area. Every test
//! runs `tally` in its own temporary directory with its own database.

mod bad_input;
mod eval;
mod extract;
mod ingest;
mod ledger;
mod query;
mod reconcile;

use assert_cmd::Command;
use std::path::{Path, PathBuf};
use tempfile::TempDir;

/// A scratch directory with a database and a `tally` command bound to it.
pub struct Env {
    pub dir: TempDir,
}

impl Default for Env {
    fn default() -> Env {
        Env {
            dir: tempfile::tempdir().expect("a temp dir"),
        }
    }
}

impl Env {
    pub fn new() -> Env {
        Env::default()
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// Write a file into the scratch dir (creating parent dirs).
    pub fn write(&self, name: &str, content: impl AsRef<[u8]>) -> PathBuf {
        let p = self.path(name);
        if let Some(parent) = p.parent() {
            std::fs::create_dir_all(parent).expect("mkdir");
        }
        std::fs::write(&p, content).expect("write");
        p
    }

    /// `tally` with the database in the scratch dir and no user lexicon.
    pub fn tally(&self) -> Command {
        let mut c = Command::cargo_bin("tally").expect("the tally binary");
        c.env("TALLY_DB", self.path("tally.db"))
            .env("XDG_CONFIG_HOME", self.path("config"))
            .env("XDG_DATA_HOME", self.path("data"))
            .env_remove("TALLY_LEXICON_DIR")
            .env_remove("TALLY_LOG");
        c
    }

    /// The same, as a plain `std::process::Command` (for pipes).
    pub fn std_tally(&self) -> std::process::Command {
        let mut c = std::process::Command::new(assert_cmd::cargo::cargo_bin("tally"));
        c.env("TALLY_DB", self.path("tally.db"))
            .env("XDG_CONFIG_HOME", self.path("config"))
            .env("XDG_DATA_HOME", self.path("data"))
            .env_remove("TALLY_LEXICON_DIR")
            .env_remove("TALLY_LOG");
        c
    }

    /// Run `tally ARGS`, returning (exit code, stdout, stderr).
    pub fn run(&self, args: &[&str]) -> (i32, String, String) {
        let out = self.tally().args(args).output().expect("run tally");
        (
            out.status.code().unwrap_or(-1),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    }
}

/// The repository's example reports.
pub fn examples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/reports")
}

/// `../shared` beside the repository, when this checkout has it.
pub fn shared() -> Option<PathBuf> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared");
    if p.join("eval/dev/docs.jsonl").exists() {
        Some(p)
    } else {
        eprintln!("skipping: ../shared not found beside the repository");
        None
    }
}

/// Parse JSON Lines output.
pub fn jsonl(s: &str) -> Vec<serde_json::Value> {
    s.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON: {e}: {l}")))
        .collect()
}

/// A short report of our own with two unambiguous figures.
pub const REPORT: &str = "Northland has sent 120 howitzers to Southland over the past three months, the defence ministry said.\n";

/// The same facts in our own words, as a sentence every extractor version
/// should handle: a state, a transfer verb, a count and a weapon class.
pub const TRANSFER: &str = "North Korea has supplied Russia with 120 artillery systems, Ukraine's defence ministry said on Monday.\nRussia also received 40 tanks from Belarus last month.\n";
