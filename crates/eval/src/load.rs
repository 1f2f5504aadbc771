//! Reading JSON Lines files of claims and documents.

use crate::python::{get, is_space};
use serde_json::Value;
use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// Why a gold, claims or documents file could not be read.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum EvalError {
    #[error("{}: {source}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// A line that is not JSON; `line` counts from 1.
    #[error("{}:{line}: not JSON: {message}", path.display())]
    NotJson {
        path: PathBuf,
        line: usize,
        message: String,
    },
    /// A document record without a string `id` (for `--docs`).
    #[error("{}:{line}: document has no string \"id\"", path.display())]
    NoDocId { path: PathBuf, line: usize },
}

/// One JSON value per non-blank line, as score.py's `load` reads them
/// (`\n`, `\r\n` and `\r` end lines; blank lines are skipped).
pub fn load_jsonl(path: &Path) -> Result<Vec<serde_json::Value>, EvalError> {
    Ok(numbered_jsonl(path)?.into_iter().map(|(_, v)| v).collect())
}

/// The ids of the documents in a documents JSON Lines file, for scoring only
/// those documents.
pub fn load_doc_ids(path: &Path) -> Result<HashSet<String>, EvalError> {
    numbered_jsonl(path)?
        .into_iter()
        .map(|(line, d)| match get(&d, "id") {
            Value::String(id) => Ok(id.clone()),
            _ => Err(EvalError::NoDocId {
                path: path.to_path_buf(),
                line,
            }),
        })
        .collect()
}

fn numbered_jsonl(path: &Path) -> Result<Vec<(usize, Value)>, EvalError> {
    let io = |source| EvalError::Io {
        path: path.to_path_buf(),
        source,
    };
    let bytes = std::fs::read(path).map_err(io)?;
    let text = String::from_utf8(bytes)
        .map_err(|e| io(std::io::Error::new(std::io::ErrorKind::InvalidData, e)))?;
    parse_lines(&text, path)
}

fn parse_lines(text: &str, path: &Path) -> Result<Vec<(usize, Value)>, EvalError> {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let mut out = Vec::new();
    for (i, line) in text.split_terminator('\n').enumerate() {
        let line = line.trim_matches(is_space);
        if line.is_empty() {
            continue;
        }
        let v = serde_json::from_str(line).map_err(|e| EvalError::NotJson {
            path: path.to_path_buf(),
            line: i + 1,
            message: e.to_string(),
        })?;
        out.push((i + 1, v));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_blank_lines_and_errors() {
        let p = Path::new("x.jsonl");
        let got = parse_lines("{\"a\": 1}\r\n\n  \r[2]\n", p).unwrap();
        assert_eq!(got.iter().map(|(n, _)| *n).collect::<Vec<_>>(), [1, 4]);
        let err = parse_lines("{}\n{oops\n", p).unwrap_err();
        assert!(
            err.to_string().starts_with("x.jsonl:2: not JSON: "),
            "{err}"
        );
    }

    #[test]
    fn missing_file_names_its_path() {
        let err = load_jsonl(Path::new("/nonexistent/gold.jsonl")).unwrap_err();
        assert!(
            err.to_string().starts_with("/nonexistent/gold.jsonl: "),
            "{err}"
        );
    }
}
