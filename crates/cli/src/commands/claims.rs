//! `tally claims`: stored claims, filtered.

use crate::args::{ClaimFilterArgs, ClaimsArgs};
use crate::{db, output, Status};
use anyhow::{bail, Context, Result};
use std::io::Write;
use std::path::PathBuf;
use tally_core::{Date, Kind};
use tally_store::ClaimFilter;

pub fn run(args: ClaimsArgs, db_flag: Option<PathBuf>) -> Result<Status> {
    let filter = filter(&args.filter)?;
    let store = db::open_read(db_flag)?;
    let claims = store.claims(&filter).context("cannot read claims")?;
    let mut out = super::stdout();
    if claims.is_empty() {
        return Ok(Status::NothingFound);
    }
    output::claims(&mut out, &claims, args.format)?;
    out.flush()?;
    Ok(Status::Success)
}

pub fn filter(a: &ClaimFilterArgs) -> Result<ClaimFilter> {
    let kind = match &a.kind {
        None => None,
        Some(k) => Some(
            k.parse::<Kind>()
                .map_err(anyhow::Error::msg)
                .context("--kind")?,
        ),
    };
    let period = match &a.period {
        None => None,
        Some(p) => Some(period(p)?),
    };
    Ok(ClaimFilter {
        kind,
        from: a.from.clone(),
        to: a.to.clone(),
        item: a.item.clone(),
        speaker: a.speaker.clone(),
        period,
        doc: a.doc.clone(),
        limit: a.limit,
    })
}

/// `FROM..TO`, either end a year, a month or a day, either end optional; a
/// single date is the period it names (`2024-10` is all of October).
fn period(s: &str) -> Result<(Option<Date>, Option<Date>)> {
    let (a, b) = match s.split_once("..") {
        Some((a, b)) => (a.trim(), b.trim()),
        None => (s.trim(), s.trim()),
    };
    if a.is_empty() && b.is_empty() {
        bail!("--period {s:?} names no date (expected FROM..TO, e.g. 2024-10..2025-01)");
    }
    let start = if a.is_empty() {
        None
    } else {
        Some(partial_date(a, false)?)
    };
    let end = if b.is_empty() {
        None
    } else {
        Some(partial_date(b, true)?)
    };
    if let (Some(x), Some(y)) = (start, end) {
        if x > y {
            bail!("--period {s:?} ends before it starts");
        }
    }
    Ok((start, end))
}

/// `2024` / `2024-10` / `2024-10-07`, as the first or last day it covers.
fn partial_date(s: &str, end: bool) -> Result<Date> {
    let bad = || anyhow::anyhow!("{s:?} is not a date (expected YYYY, YYYY-MM or YYYY-MM-DD)");
    let parts: Vec<&str> = s.split('-').collect();
    let num = |p: &str| p.parse::<i16>().map_err(|_| bad());
    let year = num(parts.first().ok_or_else(bad)?)?;
    match parts.len() {
        1 if end => Date::new(year, 12, 31).map_err(|_| bad()),
        1 => Date::new(year, 1, 1).map_err(|_| bad()),
        2 => {
            let month = parts[1].parse::<i8>().map_err(|_| bad())?;
            let first = Date::new(year, month, 1).map_err(|_| bad())?;
            Ok(if end { first.last_of_month() } else { first })
        }
        3 => s.parse::<Date>().map_err(|_| bad()),
        _ => Err(bad()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i16, m: i8, day: i8) -> Date {
        Date::new(y, m, day).unwrap()
    }

    #[test]
    fn periods() {
        assert_eq!(
            period("2024-10..2025-01").unwrap(),
            (Some(d(2024, 10, 1)), Some(d(2025, 1, 31)))
        );
        assert_eq!(
            period("2024").unwrap(),
            (Some(d(2024, 1, 1)), Some(d(2024, 12, 31)))
        );
        assert_eq!(period("..2024-02").unwrap(), (None, Some(d(2024, 2, 29))));
        assert_eq!(
            period("2024-10-07..").unwrap(),
            (Some(d(2024, 10, 7)), None)
        );
        assert!(period("..").is_err());
        assert!(period("2025..2024").is_err());
        assert!(period("2024-13").is_err());
        assert!(period("soon").is_err());
    }
}
