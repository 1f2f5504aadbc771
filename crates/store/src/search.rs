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

impl Store {
    /// Documents matching `query`, best first (FTS5 bm25 over title and
    /// text), at most `limit`. See the module documentation for the query
    /// language; a query with no words is an error.
    pub fn search(&self, query: &str, limit: usize) -> Result<Vec<SearchHit>, StoreError> {
        let what = || format!("searching for {query:?}");
        let Some(fts) = fts_query(query) else {
            return Err(StoreError::new(
                what(),
                ErrorKind::Query("the query has no words to search for".into()),
            ));
        };
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

/// Translate user words into an FTS5 query of quoted terms and phrases, or
/// `None` when there is nothing to search for.
fn fts_query(input: &str) -> Option<String> {
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
    (!parts.is_empty()).then(|| parts.join(" "))
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

    #[test]
    fn plain_words_become_quoted_terms() {
        assert_eq!(
            fts_query("North Korea").as_deref(),
            Some(r#""North" "Korea""#)
        );
        assert_eq!(fts_query("  KN-23 ").as_deref(), Some(r#""KN-23""#));
    }

    #[test]
    fn operators_and_syntax_are_just_words() {
        assert_eq!(
            fts_query("tanks OR title:x NEAR(").as_deref(),
            Some(r#""tanks" "OR" "title:x" "NEAR(""#)
        );
        assert_eq!(fts_query("(((").as_deref(), None);
        assert_eq!(fts_query("- * \"\"").as_deref(), None);
        assert_eq!(fts_query("").as_deref(), None);
    }

    #[test]
    fn quotes_make_phrases_and_stars_prefixes() {
        assert_eq!(
            fts_query(r#"shells "North Korea" howitz*"#).as_deref(),
            Some(r#""shells" "North Korea" "howitz"*"#)
        );
        // An unclosed quote runs to the end.
        assert_eq!(fts_query(r#"a "b c"#).as_deref(), Some(r#""a" "b c""#));
    }

    #[test]
    fn handles_non_ascii_input() {
        assert_eq!(
            fts_query("Київ «танки»").as_deref(),
            Some(r#""Київ" "«танки»""#)
        );
    }
}
