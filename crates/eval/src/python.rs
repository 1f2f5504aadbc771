//! What score.py's Python does with a parsed JSON value: truthiness, `==`,
//! `str()`, `dict.get`, `int()` and `str.split()`, so that partial or odd
//! claim records score exactly as the reference scorer scores them.

use serde_json::{Map, Number, Value};
use std::cmp::Ordering;

static NULL: Value = Value::Null;

/// `(d or {}).get(key)` on a value that should be a dict; anything else
/// behaves as an empty dict. A missing key and JSON `null` are both Python `None`.
pub(crate) fn get<'a>(v: &'a Value, key: &str) -> &'a Value {
    match v {
        Value::Object(m) => m.get(key).unwrap_or(&NULL),
        _ => &NULL,
    }
}

/// Python truthiness.
pub(crate) fn truthy(v: &Value) -> bool {
    match v {
        Value::Null => false,
        Value::Bool(b) => *b,
        Value::Number(n) => n.as_f64().is_some_and(|x| x != 0.0),
        Value::String(s) => !s.is_empty(),
        Value::Array(a) => !a.is_empty(),
        Value::Object(m) => !m.is_empty(),
    }
}

/// `v or None`.
pub(crate) fn or_none(v: &Value) -> &Value {
    if truthy(v) {
        v
    } else {
        &NULL
    }
}

/// A number as Python sees it: an int when the JSON literal had no fraction
/// or exponent, else a float. `true`/`false` are the ints 1 and 0.
#[derive(Clone, Copy, Debug)]
enum Num {
    Int(i128),
    Float(f64),
}

fn num(v: &Value) -> Option<Num> {
    match v {
        Value::Bool(b) => Some(Num::Int(i128::from(*b))),
        Value::Number(n) => Some(number(n)),
        _ => None,
    }
}

fn number(n: &Number) -> Num {
    if let Some(i) = n.as_i64() {
        Num::Int(i128::from(i))
    } else if let Some(u) = n.as_u64() {
        Num::Int(i128::from(u))
    } else {
        Num::Float(n.as_f64().unwrap_or(f64::NAN))
    }
}

fn num_eq(a: Num, b: Num) -> bool {
    match (a, b) {
        (Num::Int(x), Num::Int(y)) => x == y,
        (Num::Int(i), Num::Float(f)) | (Num::Float(f), Num::Int(i)) => {
            f.fract() == 0.0 && f.is_finite() && f == i as f64 && (f as i128) == i
        }
        (Num::Float(x), Num::Float(y)) => x == y,
    }
}

/// Python `==` between two JSON values (`1 == 1.0 == True`; dicts compare
/// regardless of key order).
pub(crate) fn eq(a: &Value, b: &Value) -> bool {
    if let (Some(x), Some(y)) = (num(a), num(b)) {
        return num_eq(x, y);
    }
    match (a, b) {
        (Value::Null, Value::Null) => true,
        (Value::String(x), Value::String(y)) => x == y,
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(p, q)| eq(p, q))
        }
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len() && x.iter().all(|(k, v)| y.get(k).is_some_and(|w| eq(v, w)))
        }
        _ => false,
    }
}

/// A string that is equal for values Python would hash to the same dict key
/// (`1`, `1.0` and `true` share one).
pub(crate) fn hash_key(v: &Value) -> String {
    match num(v) {
        Some(Num::Int(i)) => format!("n{i}"),
        Some(Num::Float(f)) if f.fract() == 0.0 && f.is_finite() && f.abs() < 1e30 => {
            format!("n{}", f as i128)
        }
        Some(Num::Float(f)) => format!("f{}", f.to_bits()),
        None => match v {
            Value::String(s) => format!("s{s}"),
            other => format!("j{other}"),
        },
    }
}

/// A total order that sorts strings as Python does (by code point) and
/// numbers by value; values of different types (which make Python's
/// `sorted` fail) are grouped by type.
pub(crate) fn cmp(a: &Value, b: &Value) -> Ordering {
    fn rank(v: &Value) -> u8 {
        match v {
            Value::Null => 0,
            Value::Bool(_) | Value::Number(_) => 1,
            Value::String(_) => 2,
            Value::Array(_) => 3,
            Value::Object(_) => 4,
        }
    }
    match (a, b) {
        (Value::String(x), Value::String(y)) => x.cmp(y),
        _ => match (num(a), num(b)) {
            (Some(x), Some(y)) => to_f64(x).total_cmp(&to_f64(y)),
            _ => rank(a)
                .cmp(&rank(b))
                .then_with(|| a.to_string().cmp(&b.to_string())),
        },
    }
}

fn to_f64(n: Num) -> f64 {
    match n {
        Num::Int(i) => i as f64,
        Num::Float(f) => f,
    }
}

/// Python `float(v)` for the values a claim's number fields can hold; `None`
/// where Python would raise.
pub(crate) fn float(v: &Value) -> Option<f64> {
    match v {
        Value::String(s) => {
            let t = s.trim_matches(is_space).replace('_', "");
            let lower = t.to_ascii_lowercase();
            let body = lower.trim_start_matches(['+', '-']);
            if matches!(body, "inf" | "infinity" | "nan")
                || body.starts_with(|c: char| c.is_ascii_digit() || c == '.')
            {
                t.parse::<f64>().ok()
            } else {
                None
            }
        }
        other => num(other).map(to_f64),
    }
}

/// Python `int(s)` for a string: surrounding whitespace, an optional sign,
/// ASCII digits with single underscores between them.
pub(crate) fn int(s: &str) -> Option<i64> {
    let t = s.trim_matches(is_space);
    let (neg, digits) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let bytes = digits.as_bytes();
    if bytes.is_empty() || !bytes[0].is_ascii_digit() || !bytes[bytes.len() - 1].is_ascii_digit() {
        return None;
    }
    let mut n: i64 = 0;
    let mut prev_underscore = false;
    for &b in bytes {
        if b == b'_' {
            if prev_underscore {
                return None;
            }
            prev_underscore = true;
            continue;
        }
        if !b.is_ascii_digit() {
            return None;
        }
        prev_underscore = false;
        n = n.checked_mul(10)?.checked_add(i64::from(b - b'0'))?;
    }
    Some(if neg { -n } else { n })
}

/// Python's `str.isspace` for one character (as `str.split()` and
/// `str.strip()` use it).
pub(crate) fn is_space(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

/// Python `str(v)` for a parsed JSON value.
pub(crate) fn to_str(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        other => repr(other),
    }
}

/// Python `repr(v)` for a parsed JSON value.
fn repr(v: &Value) -> String {
    match v {
        Value::Null => "None".into(),
        Value::Bool(true) => "True".into(),
        Value::Bool(false) => "False".into(),
        Value::Number(n) => match number(n) {
            Num::Int(i) => i.to_string(),
            Num::Float(f) => float_repr(f, "inf", "nan"),
        },
        Value::String(s) => string_repr(s),
        Value::Array(a) => {
            let items: Vec<String> = a.iter().map(repr).collect();
            format!("[{}]", items.join(", "))
        }
        Value::Object(m) => dict_repr(m),
    }
}

fn dict_repr(m: &Map<String, Value>) -> String {
    let items: Vec<String> = m
        .iter()
        .map(|(k, v)| format!("{}: {}", string_repr(k), repr(v)))
        .collect();
    format!("{{{}}}", items.join(", "))
}

fn string_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                out.push_str(&format!("\\x{:02x}", c as u32))
            }
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}

/// Python `repr(float)`: the shortest digits that round-trip, in fixed
/// notation for exponents -4..16 (always with a fraction, `120.0`), else
/// `1e+16` / `1.5e-05`. `inf` and `nan` are spelt as given.
pub(crate) fn float_repr(x: f64, inf: &str, nan: &str) -> String {
    if x.is_nan() {
        return nan.to_string();
    }
    if x.is_infinite() {
        return if x > 0.0 {
            inf.to_string()
        } else {
            format!("-{inf}")
        };
    }
    let sci = format!("{:e}", x.abs());
    let (mantissa, exp) = sci.split_once('e').unwrap_or((&sci, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
    let sign = if x.is_sign_negative() { "-" } else { "" };
    let body = if (-4..16).contains(&exp) {
        let point = exp + 1; // digits before the decimal point
        if point <= 0 {
            format!("0.{}{}", "0".repeat((-point) as usize), digits)
        } else if (point as usize) >= digits.len() {
            format!("{}{}.0", digits, "0".repeat(point as usize - digits.len()))
        } else {
            let (int_part, frac) = digits.split_at(point as usize);
            format!("{int_part}.{frac}")
        }
    } else {
        let (first, rest) = digits.split_at(1);
        let mant = if rest.is_empty() {
            first.to_string()
        } else {
            format!("{first}.{rest}")
        };
        let esign = if exp < 0 { '-' } else { '+' };
        format!("{mant}e{esign}{:02}", exp.abs())
    };
    format!("{sign}{body}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn truthiness_and_equality_follow_python() {
        assert!(!truthy(&json!(0)));
        assert!(!truthy(&json!("")));
        assert!(!truthy(&json!({})));
        assert!(truthy(&json!([0])));
        assert!(eq(&json!(1), &json!(1.0)));
        assert!(eq(&json!(true), &json!(1)));
        assert!(!eq(&json!("1"), &json!(1)));
        assert!(eq(
            &json!({"a": 1, "b": [2]}),
            &json!({"b": [2.0], "a": true})
        ));
        assert_eq!(hash_key(&json!(1)), hash_key(&json!(1.0)));
        assert_ne!(hash_key(&json!(1)), hash_key(&json!("1")));
    }

    #[test]
    fn str_and_repr_follow_python() {
        assert_eq!(to_str(&json!(null)), "None");
        assert_eq!(to_str(&json!(true)), "True");
        assert_eq!(to_str(&json!(120)), "120");
        assert_eq!(to_str(&json!(120.0)), "120.0");
        assert_eq!(
            to_str(&json!({"a": "it's", "b": null})),
            "{'a': \"it's\", 'b': None}"
        );
        assert_eq!(to_str(&json!(["x\ny"])), "['x\\ny']");
    }

    #[test]
    fn float_repr_matches_python() {
        let cases = [
            (120.0, "120.0"),
            (0.5, "0.5"),
            (100.30000000000001, "100.30000000000001"),
            (1e16, "1e+16"),
            (1.5e-5, "1.5e-05"),
            (0.0001, "0.0001"),
            (123456789012345.6, "123456789012345.6"),
            (-0.0, "-0.0"),
            (2.0 / 3.0, "0.6666666666666666"),
            (1e22, "1e+22"),
            (1.25e300, "1.25e+300"),
        ];
        for (x, want) in cases {
            assert_eq!(float_repr(x, "inf", "nan"), want, "{x}");
        }
        assert_eq!(
            float_repr(f64::NEG_INFINITY, "Infinity", "NaN"),
            "-Infinity"
        );
    }

    #[test]
    fn int_and_float_parse_like_python() {
        assert_eq!(int(" 2024 "), Some(2024));
        assert_eq!(int("+07"), Some(7));
        assert_eq!(int("1_000"), Some(1000));
        assert_eq!(int("1__0"), None);
        assert_eq!(int(""), None);
        assert_eq!(int("12a"), None);
        assert_eq!(float(&json!(" 1.5 ")), Some(1.5));
        assert_eq!(float(&json!("abc")), None);
        assert_eq!(float(&json!(true)), Some(1.0));
        assert_eq!(float(&json!(null)), None);
    }
}
