//! The extraction pipeline, with the user's lexicon files merged in.

use anyhow::{Context, Result};
use tally_extract::Pipeline;
use tally_lexicon::Lexicon;

/// The built-in lexicon plus `$TALLY_LEXICON_DIR` (or
/// `~/.config/tally/lexicon`) when that directory exists. A malformed user
/// file is an error naming the file, not something silently skipped.
pub fn build() -> Result<Pipeline> {
    let dirs: Vec<_> = Lexicon::user_dir()
        .into_iter()
        .filter(|d| d.is_dir())
        .collect();
    let lexicon = Lexicon::load(&dirs).context("cannot load the lexicon")?;
    Ok(Pipeline::new(lexicon))
}
