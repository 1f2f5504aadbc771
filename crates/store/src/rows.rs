//! Claims to and from rows of the `claims` table, one column per field.

use crate::error::{ErrorKind, StoreError};
use rusqlite::types::ToSql;
use rusqlite::{Row, Transaction};
use std::str::FromStr;
use tally_core::{Claim, Date, Item, Period, Quantity, Source, Span};

/// The claim columns, in the order [`claim_from_row`] reads them.
pub(crate) const CLAIM_COLUMNS: &str = "doc, kind, stage, negated, from_party, to_party, \
     item_name, item_text, outcome, value, max, bound, unit, quantity_text, \
     when_from, when_to, when_text, place, has_source, speaker, via, evidence, \
     span_start, span_end";

const INSERT_CLAIM: &str = "INSERT INTO claims (ordinal, doc, kind, stage, negated, from_party, \
     to_party, item_name, item_text, outcome, value, max, bound, unit, quantity_text, \
     when_from, when_to, when_text, place, has_source, speaker, via, evidence, \
     span_start, span_end) \
     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, \
     ?19, ?20, ?21, ?22, ?23, ?24, ?25)";

/// Values bound per claim.
const PER_CLAIM: usize = 25;

/// One claim as the values of its row; the parts computed from the claim
/// live here so the row can be bound by reference.
struct ClaimRow<'a> {
    ordinal: usize,
    c: &'a Claim,
    kind: &'static str,
    stage: &'static str,
    outcome: Option<&'static str>,
    bound: &'static str,
    unit: &'a str,
    when_from: Option<String>,
    when_to: Option<String>,
    when_text: Option<&'a str>,
    has_source: bool,
    speaker: Option<&'a str>,
    via: Option<&'a str>,
    evidence: Option<&'static str>,
}

impl<'a> ClaimRow<'a> {
    fn new(ordinal: usize, c: &'a Claim) -> ClaimRow<'a> {
        let when = c.when.as_ref();
        let source = c.source.as_ref();
        ClaimRow {
            ordinal,
            c,
            kind: c.kind.as_str(),
            stage: c.stage.as_str(),
            outcome: c.outcome.map(|o| o.as_str()),
            bound: c.quantity.bound.as_str(),
            unit: c.quantity.unit.as_str(),
            when_from: when.and_then(|w| w.from).map(|d| d.to_string()),
            when_to: when.and_then(|w| w.to).map(|d| d.to_string()),
            when_text: when.map(|w| w.text.as_str()),
            has_source: source.is_some(),
            speaker: source.and_then(|s| s.speaker.as_deref()),
            via: source.and_then(|s| s.via.as_deref()),
            evidence: c.evidence.map(|e| e.as_str()),
        }
    }

    /// The row's values, in [`INSERT_CLAIM`] order.
    fn values(&self) -> [&dyn ToSql; PER_CLAIM] {
        let c = self.c;
        [
            &self.ordinal,
            &c.doc,
            &self.kind,
            &self.stage,
            &c.negated,
            &c.from,
            &c.to,
            &c.item.name,
            &c.item.text,
            &self.outcome,
            &c.quantity.value,
            &c.quantity.max,
            &self.bound,
            &self.unit,
            &c.quantity.text,
            &self.when_from,
            &self.when_to,
            &self.when_text,
            &c.place,
            &self.has_source,
            &self.speaker,
            &self.via,
            &self.evidence,
            &c.span.start,
            &c.span.end,
        ]
    }
}

/// Insert `claim` as the `ordinal`-th claim of its document.
pub(crate) fn insert_claim(
    tx: &Transaction<'_>,
    ordinal: usize,
    c: &Claim,
) -> rusqlite::Result<()> {
    let row = ClaimRow::new(ordinal, c);
    let mut st = tx.prepare_cached(INSERT_CLAIM)?;
    st.execute(row.values().as_slice())?;
    Ok(())
}

/// A failure to read a stored row: SQLite's, or a value this code does not
/// understand.
pub(crate) enum RowError {
    Sqlite(rusqlite::Error),
    Corrupt(String),
}

impl From<rusqlite::Error> for RowError {
    fn from(e: rusqlite::Error) -> RowError {
        RowError::Sqlite(e)
    }
}

impl RowError {
    pub(crate) fn into_store(self, context: impl Into<String>) -> StoreError {
        match self {
            RowError::Sqlite(e) => StoreError::new(context, ErrorKind::Sqlite(e)),
            RowError::Corrupt(m) => StoreError::new(context, ErrorKind::Corrupt(m)),
        }
    }
}

/// Parse a stored word (kind, stage, unit ...) back into its type.
pub(crate) fn word<T: FromStr<Err = String>>(s: &str) -> Result<T, RowError> {
    s.parse().map_err(RowError::Corrupt)
}

fn opt_word<T: FromStr<Err = String>>(s: Option<String>) -> Result<Option<T>, RowError> {
    s.as_deref().map(word).transpose()
}

/// Parse a stored ISO date.
pub(crate) fn date(s: Option<String>) -> Result<Option<Date>, RowError> {
    s.map(|s| {
        s.parse::<Date>()
            .map_err(|e| RowError::Corrupt(format!("stored date {s:?} is not a date: {e}")))
    })
    .transpose()
}

/// Read a claim from a row selected with [`CLAIM_COLUMNS`] first.
pub(crate) fn claim_from_row(r: &Row<'_>) -> Result<Claim, RowError> {
    let when_text: Option<String> = r.get(16)?;
    let when = match when_text {
        Some(text) => Some(Period {
            from: date(r.get(14)?)?,
            to: date(r.get(15)?)?,
            text,
        }),
        None => None,
    };
    let source = if r.get::<_, bool>(18)? {
        Some(Source {
            speaker: r.get(19)?,
            via: r.get(20)?,
        })
    } else {
        None
    };
    Ok(Claim {
        doc: r.get(0)?,
        kind: word(&r.get::<_, String>(1)?)?,
        stage: word(&r.get::<_, String>(2)?)?,
        negated: r.get(3)?,
        from: r.get(4)?,
        to: r.get(5)?,
        item: Item {
            name: r.get(6)?,
            text: r.get(7)?,
        },
        outcome: opt_word(r.get(8)?)?,
        quantity: Quantity {
            value: r.get(9)?,
            max: r.get(10)?,
            bound: word(&r.get::<_, String>(11)?)?,
            unit: word(&r.get::<_, String>(12)?)?,
            text: r.get(13)?,
        },
        when,
        place: r.get(17)?,
        source,
        evidence: opt_word(r.get(21)?)?,
        span: Span {
            start: r.get(22)?,
            end: r.get(23)?,
        },
    })
}
