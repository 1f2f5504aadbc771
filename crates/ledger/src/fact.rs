//! The ledger's records: a fact, its value groups and its timeline.

use crate::id::ClaimId;
use tally_core::Date;

/// One real-world figure, as every report gives it.
#[derive(Clone, Debug, PartialEq)]
pub struct Fact {
    /// `f-` and the smallest id of its claims: stable while its claims are.
    pub id: String,
    /// Positions of its claims in [`crate::Ledger::claims`], by
    /// publication date.
    pub claims: Vec<usize>,
    /// Groups of compatible values, most independent origins first.
    pub values: Vec<ValueGroup>,
    /// Distinct origins (independent sources), sorted.
    pub origins: Vec<String>,
    /// Reports minus independent origins: how much of the fact is echo.
    pub echo: usize,
    pub first: Option<Date>,
    pub last: Option<Date>,
    /// The value group with the lowest floor ("at least this many").
    pub conservative: usize,
    /// The value group with the most independent origins.
    pub most_cited: usize,
    /// Values by publication date; revisions marked.
    pub timeline: Vec<Revision>,
    pub flags: Vec<Flag>,
}

/// Claims of one fact whose values are compatible.
#[derive(Clone, Debug, PartialEq)]
pub struct ValueGroup {
    /// "~11,000", "up to 12,000" ...: the most precise value of the group.
    pub label: String,
    pub claims: Vec<usize>,
    pub speakers: Vec<String>,
    pub origins: Vec<String>,
    pub echo: usize,
    pub first: Option<Date>,
    pub last: Option<Date>,
    /// Every claim of the group was revised later by its own origin.
    pub superseded: bool,
}

/// One claim of a fact on its timeline.
#[derive(Clone, Debug, PartialEq)]
pub struct Revision {
    pub date: Option<Date>,
    pub claim: usize,
    pub label: String,
    pub origin: String,
    /// A later claim of the same origin with another value replaces it.
    pub superseded_by: Option<usize>,
}

/// Something a monitor should look at twice.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Flag {
    /// Three or more outlets carry one origin's figure as if separately.
    Echoed { origin: String, outlets: usize },
    /// The fact's reports give incompatible values.
    Conflicting,
    /// Outlets cite each other in a loop for this figure (A gives it via B
    /// and B via A), so neither is a source: sorted outlet names.
    CitationLoop { outlets: Vec<String> },
}

/// One input claim placed in the ledger.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Placed {
    pub id: ClaimId,
    /// Position in the input claims.
    pub input: usize,
    /// Position of its fact in [`crate::Ledger::facts`].
    pub fact: usize,
    pub origin: String,
    pub published: Option<Date>,
    /// The outlet: publisher of its document, or the document id.
    pub outlet: String,
}
