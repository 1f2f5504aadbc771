//! Where the database lives, and opening it for reading or for writing.

use anyhow::{Context, Result};
use std::path::PathBuf;
use tally_store::Store;

/// `--db` / `TALLY_DB` when given, else `tally.db` in the per-user data
/// directory (`$XDG_DATA_HOME/tally`, usually `~/.local/share/tally`).
pub fn path(flag: Option<PathBuf>) -> Result<PathBuf> {
    if let Some(p) = flag {
        return Ok(p);
    }
    let dirs = directories::ProjectDirs::from("", "", "tally").context(
        "found no home directory to keep the database in; pass --db PATH or set TALLY_DB",
    )?;
    Ok(dirs.data_dir().join("tally.db"))
}

/// For writers (`ingest`): created if missing, refused if damaged, migrated
/// if older.
pub fn open(flag: Option<PathBuf>) -> Result<Store> {
    let path = path(flag)?;
    Store::open(&path).with_context(|| format!("cannot open the database {}", path.display()))
}

/// For readers: never creates a file, never waits on a writer, works on a
/// read-only file.
pub fn open_read(flag: Option<PathBuf>) -> Result<Store> {
    let path = path(flag)?;
    Store::open_read_only(&path)
        .with_context(|| format!("cannot open the database {}", path.display()))
}
