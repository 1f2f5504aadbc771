//! Python's `json.dumps(v, ensure_ascii=False)` (and with `indent=1`), so that
//! the verbose and JSON reports are byte-identical to score.py's.

use crate::python::float_repr;
use serde_json::{Number, Value};

/// `json.dumps(v, ensure_ascii=False)`: `", "` and `": "` separators, keys in
/// the value's order, floats as Python prints them (`120.0`, `1e+16`).
pub fn dumps(v: &Value) -> String {
    let mut out = String::new();
    write(&mut out, v, None, 0);
    out
}

/// `json.dumps(v, ensure_ascii=False, indent=1)`.
pub fn dumps_indented(v: &Value) -> String {
    let mut out = String::new();
    write(&mut out, v, Some(1), 0);
    out
}

fn write(out: &mut String, v: &Value, indent: Option<usize>, depth: usize) {
    match v {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) => out.push_str(&number(n)),
        Value::String(s) => string(out, s),
        Value::Array(a) if a.is_empty() => out.push_str("[]"),
        Value::Object(m) if m.is_empty() => out.push_str("{}"),
        Value::Array(a) => {
            out.push('[');
            for (i, item) in a.iter().enumerate() {
                separator(out, i, indent, depth + 1);
                write(out, item, indent, depth + 1);
            }
            close(out, indent, depth);
            out.push(']');
        }
        Value::Object(m) => {
            out.push('{');
            for (i, (k, item)) in m.iter().enumerate() {
                separator(out, i, indent, depth + 1);
                string(out, k);
                out.push_str(": ");
                write(out, item, indent, depth + 1);
            }
            close(out, indent, depth);
            out.push('}');
        }
    }
}

fn separator(out: &mut String, i: usize, indent: Option<usize>, depth: usize) {
    match indent {
        None if i > 0 => out.push_str(", "),
        None => {}
        Some(n) => {
            if i > 0 {
                out.push(',');
            }
            out.push('\n');
            out.push_str(&" ".repeat(n * depth));
        }
    }
}

fn close(out: &mut String, indent: Option<usize>, depth: usize) {
    if let Some(n) = indent {
        out.push('\n');
        out.push_str(&" ".repeat(n * depth));
    }
}

/// An int literal prints as Python's int; anything with a fraction or an
/// exponent was a Python float.
fn number(n: &Number) -> String {
    if n.is_f64() {
        float_repr(n.as_f64().unwrap_or(f64::NAN), "Infinity", "NaN")
    } else {
        n.to_string()
    }
}

/// A JSON string with only `"`, `\` and control characters escaped, as
/// `ensure_ascii=False` writes it.
fn string(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compact_form_matches_python() {
        let v: Value = serde_json::from_str(
            r#"{"b": 1, "a": [1.0, 2.5e3, null, true], "é": "x\"\u0001\n", "e": {}}"#,
        )
        .unwrap();
        assert_eq!(
            dumps(&v),
            r#"{"b": 1, "a": [1.0, 2500.0, null, true], "é": "x\"\u0001\n", "e": {}}"#
        );
    }

    #[test]
    fn indented_form_matches_python() {
        let v: Value = serde_json::from_str(r#"{"a": [1, {"b": []}], "c": 0.5}"#).unwrap();
        assert_eq!(
            dumps_indented(&v),
            "{\n \"a\": [\n  1,\n  {\n   \"b\": []\n  }\n ],\n \"c\": 0.5\n}"
        );
    }
}
