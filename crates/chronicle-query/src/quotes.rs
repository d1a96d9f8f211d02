//! Statements by speaker, merged across the articles that repeat them.

use std::collections::HashMap;

use chronicle_store::{DateRange, Store};
use serde::Serialize;

use crate::dates::DateFilter;
use crate::merge::{jaccard, words, SAME_TEXT};
use crate::{canonical_name, resolve, Result, Source};

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuoteItem {
    /// Canonical name of the speaker.
    pub speaker: String,
    /// Publication date of the first report.
    pub date: String,
    pub text: String,
    /// `direct` or `indirect`.
    pub kind: String,
    pub cue: String,
    pub sources: Vec<String>,
    pub provenance: Vec<Source>,
}

/// Attributed quotes, by `speaker` (any alias) or all, within `dates`
/// (publication dates), at most `limit`, oldest first.
///
/// # Errors
/// Unknown speaker (with suggestions) and store errors.
pub fn quotes(
    store: &Store,
    speaker: Option<&str>,
    dates: &DateFilter,
    limit: usize,
) -> Result<Vec<QuoteItem>> {
    let id = match speaker {
        Some(name) => Some(resolve(store, name)?.id),
        None => {
            store.kb_refresh()?;
            None
        }
    };
    let range = DateRange {
        from: dates.from.clone(),
        to: dates.to.clone(),
    };
    let rows = store.quotes_of(id, &range, limit.saturating_mul(4).max(100))?;
    let mut names: HashMap<String, String> = HashMap::new();
    let mut out: Vec<(QuoteItem, std::collections::HashSet<String>)> = Vec::new();
    for q in rows {
        let (Some(raw), Some(date)) = (q.speaker.clone(), q.prov.doc_date.clone()) else {
            continue;
        };
        if !dates.contains(&date) || q.text.trim().is_empty() {
            continue;
        }
        if !names.contains_key(&raw) {
            names.insert(raw.clone(), canonical_name(store, &raw)?);
        }
        let speaker = names[&raw].clone();
        let ws = words(&q.text);
        if let Some((o, _)) = out
            .iter_mut()
            .find(|(o, ows)| o.speaker == speaker && jaccard(&ws, ows) >= SAME_TEXT)
        {
            if !o.sources.contains(&q.prov.doc) {
                o.sources.push(q.prov.doc.clone());
                o.provenance.push(Source::from(&q.prov));
            }
            continue;
        }
        if out.len() == limit {
            break;
        }
        out.push((
            QuoteItem {
                speaker,
                date,
                text: q.text.clone(),
                kind: q.kind.clone(),
                cue: q.cue.clone(),
                sources: vec![q.prov.doc.clone()],
                provenance: vec![Source::from(&q.prov)],
            },
            ws,
        ));
    }
    Ok(out.into_iter().map(|(q, _)| q).collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testutil::*;

    #[test]
    fn quotes_by_any_alias() {
        let (_d, store) = sessions_store();
        let q = quotes(&store, Some("Sen. Sessions"), &DateFilter::default(), 10);
        // "Sen. Sessions" strips to "Sessions", an alias of Jeff Sessions.
        let q = q.unwrap();
        assert_eq!(q.len(), 1);
        assert_eq!(q[0].speaker, "Jeff Sessions");
        assert_eq!(q[0].date, "2017-01-10");
        assert_eq!(
            q[0].provenance[0].url.as_deref(),
            Some("https://example.org/hearing-1")
        );
        let none = quotes(
            &store,
            None,
            &DateFilter {
                from: Some("2017-02".into()),
                to: None,
            },
            10,
        )
        .unwrap();
        assert!(none.is_empty());
    }
}
