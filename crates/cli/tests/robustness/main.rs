//! Robustness of `tally ingest`: crash safety under SIGKILL (`crash`) and a
//! catalogue of hostile or broken inputs (`catalogue`). Every test runs
//! `tally` in its own temporary directory with its own database.

mod catalogue;
mod check;
mod corpus;
mod crash;
mod hardening;
mod rng;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use tempfile::TempDir;

/// A scratch directory with a database and a `tally` command bound to it.
pub struct Env {
    pub dir: TempDir,
}

impl Default for Env {
    fn default() -> Env {
        Env::new()
    }
}

impl Env {
    pub fn new() -> Env {
        Env {
            dir: tempfile::tempdir().expect("a temp dir"),
        }
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// The default database of this scratch dir.
    pub fn db(&self) -> PathBuf {
        self.path("tally.db")
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

    /// `tally` on the database `db`, with no user lexicon or config.
    pub fn tally_on(&self, db: &Path) -> Command {
        self.tally_via(None, db)
    }

    /// `tally` on the default database.
    pub fn tally(&self) -> Command {
        self.tally_on(&self.db())
    }

    /// `tally` run by `wrapper` (a program that takes the command after its
    /// own arguments, such as `/usr/bin/time -v -o FILE`).
    pub fn tally_via(&self, wrapper: Option<&[&str]>, db: &Path) -> Command {
        let bin = assert_cmd::cargo::cargo_bin("tally");
        let mut c = match wrapper {
            Some([prog, args @ ..]) => {
                let mut c = Command::new(prog);
                c.args(args).arg(bin);
                c
            }
            _ => Command::new(bin),
        };
        c.env("TALLY_DB", db)
            .env("XDG_CONFIG_HOME", self.path("config"))
            .env("XDG_DATA_HOME", self.path("data"))
            .env_remove("TALLY_LEXICON_DIR")
            .env_remove("TALLY_LOG");
        c
    }

    /// Run `tally ARGS` on the default database.
    pub fn run(&self, args: &[&str]) -> Run {
        Run::of(self.tally().args(args).output().expect("run tally"))
    }
}

/// What a finished `tally` printed, and how it ended.
#[derive(Debug)]
pub struct Run {
    /// The exit code; `None` when a signal ended it.
    pub code: Option<i32>,
    pub out: String,
    pub err: String,
}

impl Run {
    pub fn of(out: Output) -> Run {
        Run {
            code: out.status.code(),
            out: String::from_utf8_lossy(&out.stdout).into_owned(),
            err: String::from_utf8_lossy(&out.stderr).into_owned(),
        }
    }

    /// Stderr lines that mention `needle`.
    pub fn err_lines(&self, needle: &str) -> Vec<&str> {
        self.err.lines().filter(|l| l.contains(needle)).collect()
    }

    /// Nothing panicked and no signal (a stack overflow, say) ended it.
    pub fn assert_no_crash(&self) {
        assert!(self.code.is_some(), "ended by a signal: {self:?}");
        assert!(!self.err.contains("panicked"), "{}", self.err);
        assert!(!self.err.contains("overflow"), "{}", self.err);
    }
}

/// Sorted non-blank lines, for comparing exports.
pub fn sorted_lines(s: &str) -> Vec<String> {
    let mut v: Vec<String> = s
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(str::to_string)
        .collect();
    v.sort();
    v
}

/// A short made-up report with figures, stored cleanly beside bad inputs.
pub const GOOD: &str = "Eastmark handed 75 armoured personnel carriers to Westvale in March, the \
ministry in Westvale said.\nWestvale also lost 12 helicopters during the winter offensive.\n";
