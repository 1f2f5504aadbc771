//! Where the database lives.

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

pub fn open(flag: Option<PathBuf>) -> Result<Store> {
    let path = path(flag)?;
    Store::open(&path).with_context(|| format!("cannot open the database {}", path.display()))
}
