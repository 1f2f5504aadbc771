//! Counts over the whole store.

use crate::error::{Context, StoreError};
use crate::model::Stats;
use crate::rows::{date, word, RowError};
use crate::{schema, Store};
use std::collections::BTreeMap;
use tally_core::Kind;

impl Store {
    /// How many documents and claims are stored, and what they cover.
    pub fn stats(&self) -> Result<Stats, StoreError> {
        let what = || "computing statistics".to_string();
        let corrupt = |e: RowError| e.into_store(what());
        let (documents, claims, earliest, latest) = self
            .conn
            .query_row(
                "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM claims), \
                 (SELECT min(published) FROM documents), (SELECT max(published) FROM documents)",
                [],
                |r| {
                    Ok((
                        r.get::<_, usize>(0)?,
                        r.get::<_, usize>(1)?,
                        r.get::<_, Option<String>>(2)?,
                        r.get::<_, Option<String>>(3)?,
                    ))
                },
            )
            .context(what)?;
        let mut claims_per_kind: BTreeMap<Kind, usize> =
            Kind::ALL.iter().map(|k| (*k, 0)).collect();
        for (k, n) in self.counts("SELECT kind, count(*) FROM claims GROUP BY kind")? {
            claims_per_kind.insert(word(&k).map_err(corrupt)?, n);
        }
        Ok(Stats {
            documents,
            claims,
            claims_per_kind,
            publishers: self.counts(
                "SELECT publisher, count(*) AS n FROM documents WHERE publisher IS NOT NULL \
                 GROUP BY publisher ORDER BY n DESC, publisher",
            )?,
            earliest_published: date(earliest).map_err(corrupt)?,
            latest_published: date(latest).map_err(corrupt)?,
            schema_version: schema::version(&self.conn)?,
            extractor_versions: self.counts(
                "SELECT extractor_version, count(*) AS n FROM documents \
                 GROUP BY extractor_version ORDER BY n DESC, extractor_version",
            )?,
        })
    }

    fn counts(&self, sql: &str) -> Result<Vec<(String, usize)>, StoreError> {
        let what = || "computing statistics".to_string();
        let mut st = self.conn.prepare_cached(sql).context(what)?;
        let rows = st
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .context(what)?;
        rows.collect::<Result<Vec<_>, _>>().context(what)
    }
}
