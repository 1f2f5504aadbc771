//! Full-text search over document titles and texts (SQLite FTS5).
//!
//! User input is never passed to FTS5 as query syntax. Each whitespace
//! separated word becomes a quoted term, and every term must occur (AND), so
//! plain words such as `North Korea` or `KN-23` always work; words inside
//! double quotes (`"North Korea"`) must occur together as a phrase; a word
//! ending in `*` matches as a prefix (`howitz*`). FTS5 operators (`OR`, `NOT`,
//! `NEAR`, column filters) are therefore just words. Matching ignores case
//! and diacritics and uses Porter stemming (`howitzers` finds `howitzer`).

use crate::error::{Context, ErrorKind, StoreError};
use crate::model::SearchHit;
use crate::Store;
use rusqlite::params;

/// How much more a match in the title weighs than one in the text.
const TITLE_WEIGHT: f64 = 5.0;
/// Tokens around the matches in a snippet.
const SNIPPET_TOKENS: u32 = 16;
/// Most distinct words and phrases in one query (FTS5's matching and
/// snippets grow with the product of terms and matches).
pub const MAX_QUERY_TERMS: usize = 32;
/// Longest query, in bytes, once repeated words are collapsed.
pub const MAX_QUERY_BYTES: usize = 1024;

impl Store {
    /// Documents matching `query`, best first (FTS5 bm25 over title and
    /// text), at most `limit`. See the module documentation for the query
    /// language; a query with no words is an error.
    pub fn search(&self, query: &str, limit: usize) -> Result<Vec<SearchHit>, StoreError> {
        let what = || {
            let head: String = query.chars().take(60).collect();
            let more = if head.len() < query.len() { "…" } else { "" };
            format!("searching for {head:?}{more}")
        };
        let fts = fts_query(query).map_err(|m| StoreError::new(what(), ErrorKind::Query(m)))?;
        let sql = format!(
            "SELECT d.id, d.title, \
             snippet(documents_fts, -1, '[', ']', '…', {SNIPPET_TOKENS}), \
             -bm25(documents_fts, {TITLE_WEIGHT:.1}, 1.0) AS score \
             FROM documents_fts JOIN documents d ON d.rowid = documents_fts.rowid \
             WHERE documents_fts MATCH ?1 \
             ORDER BY score DESC, d.id LIMIT ?2"
        );
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        let mut st = self.conn.prepare_cached(&sql).context(what)?;
        let rows = st
            .query_map(params![fts, limit], |r| {
                Ok(SearchHit {
                    id: r.get(0)?,
                    title: r.get(1)?,
                    snippet: r.get(2)?,
                    rank: r.get(3)?,
                })
            })
            .context(what)?;
        rows.collect::<Result<Vec<_>, _>>().context(what)
    }

    /// Rebuild the full-text index from the documents table. The index is
    /// kept in sync by triggers (and keyed by an explicit rowid alias that
    /// `VACUUM` keeps); this is only needed if the database was changed
    /// behind tally's back.
    pub fn rebuild_search_index(&mut self) -> Result<(), StoreError> {
        self.conn
            .execute(
                "INSERT INTO documents_fts (documents_fts) VALUES ('rebuild')",
                [],
            )
            .context(|| "rebuilding the search index".into())?;
        Ok(())
    }
}

/// Translate user words into an FTS5 query of quoted terms and phrases,
/// each once; an error when there is nothing to search for or too much.
fn fts_query(input: &str) -> Result<String, String> {
    let parts = terms(input);
    if parts.is_empty() {
        return Err("the query has no words to search for".into());
    }
    if parts.len() > MAX_QUERY_TERMS {
        return Err(format!(
            "the query has {} different words or phrases; at most {MAX_QUERY_TERMS} are searched \
             at once, so shorten it",
            parts.len()
        ));
    }
    let query = parts.join(" ");
    if query.len() > MAX_QUERY_BYTES {
        return Err(format!(
            "the query is {} bytes long; at most {MAX_QUERY_BYTES} are searched, so shorten it",
            query.len()
        ));
    }
    Ok(query)
}

/// The quoted terms of `input`, in order, repeats dropped.
fn terms(input: &str) -> Vec<String> {
    let mut parts: Vec<String> = Vec::new();
    let mut rest = input;
    while let Some(c) = rest.chars().next() {
        if c.is_whitespace() {
            rest = &rest[c.len_utf8()..];
        } else if c == '"' {
            let body = &rest[1..];
            let end = body.find('"').unwrap_or(body.len());
            push_term(&mut parts, &body[..end], false);
            rest = body.get(end + 1..).unwrap_or("");
        } else {
            let end = rest
                .find(|ch: char| ch.is_whitespace() || ch == '"')
                .unwrap_or(rest.len());
            let word = &rest[..end];
            let stem = word.trim_end_matches('*');
            push_term(&mut parts, stem, stem.len() < word.len());
            rest = &rest[end..];
        }
    }
    let mut seen = std::collections::HashSet::new();
    parts.retain(|p| seen.insert(p.to_lowercase()));
    parts
}

/// Quote `words` as one FTS5 string (a term, or a phrase when the tokenizer
/// splits it); skip it when it holds no letter or digit.
fn push_term(parts: &mut Vec<String>, words: &str, prefix: bool) {
    if !words.chars().any(char::is_alphanumeric) {
        return;
    }
    let star = if prefix { "*" } else { "" };
    parts.push(format!("\"{}\"{star}", words.replace('"', "\"\"")));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fts_query_opt(input: &str) -> Option<String> {
        fts_query(input).ok()
    }

    #[test]
    fn repeated_words_collapse_and_long_queries_are_refused() {
        assert_eq!(
            fts_query("tank Tank tank \"tank\"").as_deref(),
            Ok(r#""tank""#)
        );
        assert_eq!(
            fts_query(&"tank ".repeat(21_000)).as_deref(),
            Ok(r#""tank""#)
        );
        let many: String = (0..40).map(|i| format!("w{i} ")).collect();
        let err = fts_query(&many).unwrap_err();
        assert!(err.contains("40 different words"), "{err}");
        let long = format!("\"{}\"", "word ".repeat(300));
        let err = fts_query(&long).unwrap_err();
        assert!(err.contains("bytes long"), "{err}");
    }

    #[test]
    fn plain_words_become_quoted_terms() {
        assert_eq!(
            fts_query_opt("North Korea").as_deref(),
            Some(r#""North" "Korea""#)
        );
        assert_eq!(fts_query_opt("  KN-23 ").as_deref(), Some(r#""KN-23""#));
    }

    #[test]
    fn operators_and_syntax_are_just_words() {
        assert_eq!(
            fts_query_opt("tanks OR title:x NEAR(").as_deref(),
            Some(r#""tanks" "OR" "title:x" "NEAR(""#)
        );
        assert_eq!(fts_query_opt("(((").as_deref(), None);
        assert_eq!(fts_query_opt("- * \"\"").as_deref(), None);
        assert_eq!(fts_query_opt("").as_deref(), None);
    }

    #[test]
    fn quotes_make_phrases_and_stars_prefixes() {
        assert_eq!(
            fts_query_opt(r#"shells "North Korea" howitz*"#).as_deref(),
            Some(r#""shells" "North Korea" "howitz"*"#)
        );
        // An unclosed quote runs to the end.
        assert_eq!(fts_query_opt(r#"a "b c"#).as_deref(), Some(r#""a" "b c""#));
    }

    #[test]
    fn handles_non_ascii_input() {
        assert_eq!(
            fts_query_opt("Київ «танки»").as_deref(),
            Some(r#""Київ" "«танки»""#)
        );
    }
}
