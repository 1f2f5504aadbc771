//! Reading documents and claims back.

use crate::error::{Context, StoreError};
use crate::model::{ClaimFilter, DocQuery, DocSummary, StoredDocument};
use crate::rows::{claim_from_row, date, RowError, CLAIM_COLUMNS};
use crate::Store;
use rusqlite::types::Value;
use rusqlite::{params_from_iter, OptionalExtension};
use tally_core::{Claim, DocId, Document};

/// SQLite's "no limit".
fn sql_limit(limit: Option<usize>) -> i64 {
    limit.and_then(|l| i64::try_from(l).ok()).unwrap_or(-1)
}

impl Store {
    /// The document stored under `id`, if any.
    pub fn document(&self, id: &str) -> Result<Option<StoredDocument>, StoreError> {
        let what = || format!("reading document {id:?}");
        let mut st = self
            .conn
            .prepare_cached(
                "SELECT id, url, title, publisher, published, author, text, \
                 extractor_version, ingested_at FROM documents WHERE id = ?1",
            )
            .context(what)?;
        let row = st
            .query_row([id], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get(1)?,
                    r.get(2)?,
                    r.get(3)?,
                    r.get::<_, Option<String>>(4)?,
                    r.get(5)?,
                    r.get(6)?,
                    r.get(7)?,
                    r.get(8)?,
                ))
            })
            .optional()
            .context(what)?;
        let Some((id, url, title, publisher, published, author, text, version, at)) = row else {
            return Ok(None);
        };
        let published = date(published).map_err(|e| e.into_store(what()))?;
        Ok(Some(StoredDocument {
            doc: Document {
                id: DocId::given(&id),
                url,
                title,
                publisher,
                published,
                author,
                text,
            },
            extractor_version: version,
            ingested_at: at,
        }))
    }

    /// Stored documents, newest publication first (undated last), then by id.
    pub fn documents(&self, q: &DocQuery) -> Result<Vec<DocSummary>, StoreError> {
        let what = || "listing documents".to_string();
        let mut st = self
            .conn
            .prepare_cached(
                "SELECT d.id, d.title, d.publisher, d.published, d.url, \
                 (SELECT count(*) FROM claims c WHERE c.doc = d.id), octet_length(d.text) \
                 FROM documents d \
                 WHERE ?1 IS NULL OR d.publisher = ?1 COLLATE NOCASE \
                 ORDER BY d.published IS NULL, d.published DESC, d.id \
                 LIMIT ?2",
            )
            .context(what)?;
        let rows = st
            .query_map(rusqlite::params![q.publisher, sql_limit(q.limit)], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get(1)?,
                    r.get(2)?,
                    r.get::<_, Option<String>>(3)?,
                    r.get(4)?,
                    r.get(5)?,
                    r.get(6)?,
                ))
            })
            .context(what)?;
        let mut out = Vec::new();
        for row in rows {
            let (id, title, publisher, published, url, claims, bytes) = row.context(what)?;
            out.push(DocSummary {
                id,
                title,
                publisher,
                published: date(published).map_err(|e| e.into_store(what()))?,
                url,
                claims,
                bytes,
            });
        }
        Ok(out)
    }

    /// The claims `f` selects, ordered by document id, then span, then the
    /// order they were written in.
    pub fn claims(&self, f: &ClaimFilter) -> Result<Vec<Claim>, StoreError> {
        let what = || "listing claims".to_string();
        let (sql, args) = claim_query(f);
        let mut st = self.conn.prepare_cached(&sql).context(what)?;
        let mut rows = st.query(params_from_iter(args)).context(what)?;
        let item = f.item.as_deref().map(str::to_lowercase);
        let speaker = f.speaker.as_deref().map(str::to_lowercase);
        let limit = f.limit.unwrap_or(usize::MAX);
        let mut out = Vec::new();
        while out.len() < limit {
            let Some(r) = rows.next().context(what)? else {
                break;
            };
            let c = claim_from_row(r).map_err(|e: RowError| e.into_store(what()))?;
            if matches_text(&c, item.as_deref(), speaker.as_deref()) {
                out.push(c);
            }
        }
        Ok(out)
    }
}

/// The filters SQLite applies (exact and ASCII-case ones, and the period);
/// the Unicode case-insensitive substring filters are applied in Rust.
fn claim_query(f: &ClaimFilter) -> (String, Vec<Value>) {
    let mut sql = format!("SELECT {CLAIM_COLUMNS} FROM claims WHERE 1");
    let mut args: Vec<Value> = Vec::new();
    let mut push = |sql: &mut String, cond: &str, v: Value| {
        args.push(v);
        sql.push_str(&cond.replace('?', &format!("?{}", args.len())));
    };
    if let Some(k) = f.kind {
        push(&mut sql, " AND kind = ?", Value::Text(k.as_str().into()));
    }
    if let Some(d) = &f.doc {
        push(&mut sql, " AND doc = ?", Value::Text(d.clone()));
    }
    if let Some(p) = &f.from {
        push(
            &mut sql,
            " AND from_party = ? COLLATE NOCASE",
            Value::Text(p.clone()),
        );
    }
    if let Some(p) = &f.to {
        push(
            &mut sql,
            " AND to_party = ? COLLATE NOCASE",
            Value::Text(p.clone()),
        );
    }
    if let Some((from, to)) = &f.period {
        sql.push_str(" AND (when_from IS NOT NULL OR when_to IS NOT NULL)");
        if let Some(to) = to {
            let cond = " AND (when_from IS NULL OR when_from <= ?)";
            push(&mut sql, cond, Value::Text(to.to_string()));
        }
        if let Some(from) = from {
            let cond = " AND (when_to IS NULL OR when_to >= ?)";
            push(&mut sql, cond, Value::Text(from.to_string()));
        }
    }
    sql.push_str(" ORDER BY doc, span_start, span_end, ordinal");
    if f.item.is_none() && f.speaker.is_none() {
        push(&mut sql, " LIMIT ?", Value::Integer(sql_limit(f.limit)));
    }
    (sql, args)
}

fn contains(hay: &str, needle: &str) -> bool {
    hay.to_lowercase().contains(needle)
}

/// `item` and `speaker` are already lower case.
fn matches_text(c: &Claim, item: Option<&str>, speaker: Option<&str>) -> bool {
    let item_ok = item.is_none_or(|i| contains(&c.item.name, i) || contains(&c.item.text, i));
    let speaker_ok = speaker.is_none_or(|s| {
        c.source
            .as_ref()
            .and_then(|src| src.speaker.as_deref())
            .is_some_and(|sp| contains(sp, s))
    });
    item_ok && speaker_ok
}

#[cfg(test)]
mod tests {
    use super::*;
    use tally_core::{Date, Kind};

    #[test]
    fn query_numbers_its_parameters_and_orders_before_limiting() {
        let f = ClaimFilter {
            kind: Some(Kind::Loss),
            from: Some("ru".into()),
            period: Some((Date::new(2024, 1, 1).ok(), None)),
            limit: Some(5),
            ..ClaimFilter::default()
        };
        let (sql, args) = claim_query(&f);
        assert!(sql.contains("kind = ?1"), "{sql}");
        assert!(sql.contains("from_party = ?2 COLLATE NOCASE"), "{sql}");
        assert!(sql.contains("when_to >= ?3"), "{sql}");
        assert!(
            sql.ends_with("ORDER BY doc, span_start, span_end, ordinal LIMIT ?4"),
            "{sql}"
        );
        assert_eq!(args.len(), 4);
        assert_eq!(args[3], Value::Integer(5));
    }

    #[test]
    fn text_filters_limit_in_rust_not_sql() {
        let f = ClaimFilter {
            item: Some("Tank".into()),
            limit: Some(1),
            ..ClaimFilter::default()
        };
        let (sql, args) = claim_query(&f);
        assert!(!sql.contains("LIMIT"), "{sql}");
        assert!(args.is_empty());
    }

    #[test]
    fn no_limit_is_minus_one() {
        assert_eq!(sql_limit(None), -1);
        assert_eq!(sql_limit(Some(3)), 3);
    }
}
