//! The `when` field: ISO dates, partial ones (`YYYY`, `YYYY-MM`) widened to
//! their first or last day, compared by the Jaccard overlap of their days.

use crate::python::{get, int, to_str, truthy};
use serde_json::Value;

/// Days since 0001-01-01 of a valid proleptic Gregorian date in the range
/// Python's `datetime.date` accepts (years 1 to 9999).
fn day_number(y: i64, m: i64, d: i64) -> Option<i64> {
    if !(1..=9999).contains(&y) || !(1..=12).contains(&m) || d < 1 || d > month_len(y, m) {
        return None;
    }
    // days_from_civil (H. Hinnant), shifted so that 0001-01-01 is day 0.
    let (y, m) = if m <= 2 { (y - 1, m + 9) } else { (y, m - 3) };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * m + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 306)
}

fn month_len(y: i64, m: i64) -> i64 {
    match m {
        2 if y % 4 == 0 && (y % 100 != 0 || y % 400 == 0) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// score.py's `parse_day`: `Ok(None)` for a falsy value, `Err(())` where
/// Python raises `ValueError`.
fn parse_day(v: &Value, end: bool) -> Result<Option<i64>, ()> {
    if !truthy(v) {
        return Ok(None);
    }
    let parts = to_str(v)
        .split('-')
        .map(int)
        .collect::<Option<Vec<i64>>>()
        .ok_or(())?;
    let day = match parts[..] {
        [y] if end => day_number(y, 12, 31),
        [y] => day_number(y, 1, 1),
        [y, m] if !end => day_number(y, m, 1),
        [y, m] => {
            let year = y.checked_add(i64::from(m == 12)).ok_or(())?;
            day_number(year, m.rem_euclid(12) + 1, 1).and_then(|d| (d > 0).then_some(d - 1))
        }
        [y, m, d, ..] => day_number(y, m, d),
        [] => None,
    };
    day.map(Some).ok_or(())
}

/// The first and last day of a `when` record: `(from or to, to or from)`.
fn interval(w: &Value) -> Result<Option<(i64, i64)>, ()> {
    let (from, to) = (get(w, "from"), get(w, "to"));
    let start = parse_day(if truthy(from) { from } else { to }, false)?;
    let end = parse_day(if truthy(to) { to } else { from }, true)?;
    Ok(start.zip(end))
}

/// Equal when both are unresolved (`from` and `to` null), or when both are
/// resolved and overlap with a Jaccard index of at least 0.5 by days.
pub(crate) fn when_eq(a: &Value, b: &Value) -> bool {
    let unresolved = |w: &Value| get(w, "from").is_null() && get(w, "to").is_null();
    if unresolved(a) && unresolved(b) {
        return true;
    }
    let (Ok(Some((a0, a1))), Ok(Some((b0, b1)))) = (interval(a), interval(b)) else {
        return false;
    };
    let inter = a1.min(b1) - a0.max(b0) + 1;
    let union = a1.max(b1) - a0.min(b0) + 1;
    inter > 0 && inter as f64 / union as f64 >= 0.5
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn when(from: Value, to: Value) -> Value {
        json!({"from": from, "to": to, "text": "t"})
    }

    #[test]
    fn day_numbers() {
        assert_eq!(day_number(1, 1, 1), Some(0));
        assert_eq!(
            day_number(2024, 3, 1)
                .zip(day_number(2024, 2, 28))
                .map(|(a, b)| a - b),
            Some(2)
        );
        assert_eq!(day_number(2023, 2, 29), None);
        assert_eq!(day_number(10000, 1, 1), None);
    }

    #[test]
    fn partial_dates_widen_to_the_whole_period() {
        assert_eq!(parse_day(&json!("2024"), false), Ok(day_number(2024, 1, 1)));
        assert_eq!(
            parse_day(&json!("2024"), true),
            Ok(day_number(2024, 12, 31))
        );
        assert_eq!(
            parse_day(&json!("2024-02"), true),
            Ok(day_number(2024, 2, 29))
        );
        assert_eq!(
            parse_day(&json!("2024-12"), true),
            Ok(day_number(2024, 12, 31))
        );
        assert_eq!(parse_day(&json!(2024), false), Ok(day_number(2024, 1, 1)));
        assert_eq!(parse_day(&json!(""), false), Ok(None));
        assert_eq!(parse_day(&json!("2024-13-01"), false), Err(()));
        assert_eq!(parse_day(&json!("soon"), false), Err(()));
    }

    #[test]
    fn jaccard_of_days() {
        let null = Value::Null;
        assert!(when_eq(&null, &when(Value::Null, Value::Null)));
        assert!(!when_eq(&null, &when(json!("2024-01-01"), Value::Null)));
        // A month against its first half: 15 of 31 days.
        assert!(!when_eq(
            &when(json!("2024-01"), Value::Null),
            &when(json!("2024-01-01"), json!("2024-01-15"))
        ));
        assert!(when_eq(
            &when(json!("2024-01"), Value::Null),
            &when(json!("2024-01-01"), json!("2024-01-16"))
        ));
        // A year against its second half; an open end takes the other end.
        assert!(when_eq(
            &when(json!("2024"), Value::Null),
            &when(json!("2024-07"), json!("2024-12-31"))
        ));
        assert!(when_eq(
            &when(Value::Null, json!("2024-03-31")),
            &when(json!("2024-03-31"), Value::Null)
        ));
        assert!(!when_eq(
            &when(Value::Null, json!("2024-03-31")),
            &when(json!("2024-03"), Value::Null)
        ));
        assert!(when_eq(
            &when(json!("2024-03"), Value::Null),
            &when(json!("2024-03-01"), json!("2024-03-31"))
        ));
        assert!(!when_eq(
            &when(json!("2024-03-01"), Value::Null),
            &when(json!("2024-03-02"), Value::Null)
        ));
        assert!(!when_eq(
            &when(json!("bad"), Value::Null),
            &when(json!("bad"), Value::Null)
        ));
    }
}
