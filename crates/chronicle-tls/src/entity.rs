//! Key dates of one entity: the summariser applied to the dated sentences a
//! knowledge base holds about it, instead of to whole articles.
//!
//! Each item is one sentence of one document with the date it is about (if
//! it names one) and its publication date. Items are regrouped into
//! per-document "articles" of their sentences, so the same signals rank the
//! dates (publications about the entity, references from later reports,
//! bursts) and the same centrality picks the sentences. Month-only dates
//! count toward every day of their month at the weight of a day reference,
//! spread over the month; the answer lists days only.

use std::collections::{BTreeMap, HashMap};

use chronicle_model::{Date, Doc, Stage};
use chronicle_text::Segmenter;

use crate::annotate::{parse_value, terms_of, Annotated, Sentence};
use crate::summarize::{select, Config, Params};

/// One document's sentences about the entity, keyed by (position, text).
type DocSentences = BTreeMap<(usize, String), Sentence>;

/// One dated sentence about the entity.
#[derive(Debug, Clone, PartialEq)]
pub struct DatedItem {
    /// TIMEX3 value the sentence is about, if it names one (`YYYY-MM-DD` or
    /// `YYYY-MM`; other values are ignored).
    pub date: Option<String>,
    pub published: Date,
    pub doc: String,
    /// Sentence index in the document, when known; the leading sentences of a
    /// report may stand for its publication day.
    pub position: Option<usize>,
    pub text: String,
}

/// One of the most important dates.
#[derive(Debug, Clone, PartialEq)]
pub struct KeyDate {
    pub date: Date,
    /// Importance (comparable only within one call).
    pub score: f64,
    /// Most central first.
    pub sentences: Vec<KeySentence>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct KeySentence {
    pub text: String,
    /// Every document with this sentence among the items.
    pub docs: Vec<String>,
}

/// The summariser's constants, except that month references count: an
/// entity's history is often told as "in March 2016".
pub fn entity_config() -> Config {
    Config {
        w_month: Config::default().w_mention,
        ..Config::default()
    }
}

/// The `dates` most important days of `items`, with at most `sentences`
/// sentences each, ordered by date.
pub fn key_dates(items: &[DatedItem], dates: usize, sentences: usize) -> Vec<KeyDate> {
    // Documents in first-seen order; within one, a sentence once (an event
    // and a mention of the same sentence are one voice).
    let mut doc_index: HashMap<&str, usize> = HashMap::new();
    let mut docs: Vec<(Date, DocSentences)> = Vec::new();
    let mut names: Vec<&str> = Vec::new();
    for (n, item) in items.iter().enumerate() {
        let di = *doc_index.entry(item.doc.as_str()).or_insert_with(|| {
            docs.push((item.published, BTreeMap::new()));
            names.push(item.doc.as_str());
            docs.len() - 1
        });
        let text = collapse(&item.text);
        // Unknown positions sort after every known one, in item order, and
        // are too late in the report to stand for its publication day.
        let position = item.position.unwrap_or(usize::MAX / 2 + n);
        let s = docs[di]
            .1
            .entry((position, text.clone()))
            .or_insert_with(|| {
                let (terms, words) = terms_of_text(&text);
                Sentence {
                    text,
                    terms,
                    words,
                    days: Vec::new(),
                    months: Vec::new(),
                    position,
                }
            });
        match item.date.as_deref().and_then(parse_value) {
            Some(Ok(d)) if !s.days.contains(&d) => s.days.push(d),
            Some(Err(m)) if !s.months.contains(&m) => s.months.push(m),
            _ => {}
        }
    }
    let articles: Vec<Annotated> = docs
        .into_iter()
        .map(|(date, map)| Annotated {
            date,
            sentences: map.into_values().collect(),
        })
        .collect();
    let all_days = articles.iter().flat_map(|a| {
        std::iter::once(a.date).chain(a.sentences.iter().flat_map(|s| s.days.iter().copied()))
    });
    let (Some(start), Some(end)) = (all_days.clone().min(), all_days.max()) else {
        return Vec::new();
    };
    let params = Params {
        start,
        end,
        dates,
        sentences,
    };
    let mut out: Vec<KeyDate> = select(&articles, &params, &entity_config())
        .into_iter()
        .map(|(date, score, picked)| KeyDate {
            date,
            score,
            sentences: picked
                .into_iter()
                .map(|(a, s)| {
                    let text = articles[a].sentences[s].text.clone();
                    // Other reports carrying the same sentence are sources too.
                    let mut docs = vec![names[a].to_string()];
                    for (b, other) in articles.iter().enumerate() {
                        if b != a
                            && other.sentences.iter().any(|o| o.text == text)
                            && !docs.iter().any(|d| d == names[b])
                        {
                            docs.push(names[b].to_string());
                        }
                    }
                    KeySentence { text, docs }
                })
                .collect(),
        })
        .collect();
    out.sort_by_key(|a| a.date);
    out
}

fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn terms_of_text(text: &str) -> (Vec<String>, usize) {
    let mut doc = Doc::new("", None, text);
    Segmenter.annotate(&mut doc);
    terms_of(&doc, &doc.tokens)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(doc: &str, published: &str, date: Option<&str>, pos: usize, text: &str) -> DatedItem {
        DatedItem {
            date: date.map(str::to_string),
            published: published.parse().unwrap(),
            doc: doc.into(),
            position: Some(pos),
            text: text.into(),
        }
    }

    fn items() -> Vec<DatedItem> {
        vec![
            item(
                "a",
                "2011-08-25",
                None,
                0,
                "Steve Jobs resigned as chief executive of Apple on Wednesday evening .",
            ),
            item(
                "b",
                "2011-08-25",
                None,
                1,
                "Jobs stepped down as Apple chief executive , handing the job to Tim Cook .",
            ),
            item(
                "c",
                "2011-10-06",
                Some("2011-08-24"),
                7,
                "Jobs had resigned as chief executive of Apple in late August this year .",
            ),
            item(
                "c",
                "2011-10-06",
                None,
                0,
                "Steve Jobs , the co-founder of Apple , died on Wednesday at the age of 56 .",
            ),
            item(
                "d",
                "2011-10-07",
                Some("2011-10-05"),
                2,
                "Jobs died on October 5 at his home in Palo Alto , his family said .",
            ),
            item(
                "e",
                "2011-06-01",
                None,
                30,
                "Jobs spoke briefly at the developer conference about the new cloud service .",
            ),
            item(
                "f",
                "2011-06-01",
                Some("2011-03"),
                12,
                "In March Jobs introduced the second iPad tablet at an event in San Francisco .",
            ),
        ]
    }

    #[test]
    fn most_reported_days_with_their_sources() {
        let k = key_dates(&items(), 2, 1);
        assert_eq!(k.len(), 2, "{k:#?}");
        // Ordered by date, each with one sentence from an item about it.
        assert!(k[0].date < k[1].date);
        let days: Vec<String> = k.iter().map(|d| d.date.to_string()).collect();
        assert!(
            days.iter().any(|d| d == "2011-08-24" || d == "2011-08-25"),
            "{days:?}"
        );
        assert!(
            days.iter().any(|d| d == "2011-10-05" || d == "2011-10-06"),
            "{days:?}"
        );
        for d in &k {
            assert_eq!(d.sentences.len(), 1);
            assert!(!d.sentences[0].docs.is_empty());
        }
    }

    #[test]
    fn limits_and_empty_input() {
        assert!(key_dates(&[], 3, 2).is_empty());
        assert!(key_dates(&items(), 0, 2).is_empty());
        let k = key_dates(&items(), 100, 2);
        assert!(k
            .iter()
            .all(|d| !d.sentences.is_empty() && d.sentences.len() <= 2));
        // Month-only items never become a date of their own.
        assert!(k.iter().all(|d| d.date.to_string().len() == 10));
        // No sentence is chosen twice.
        let mut texts: Vec<&str> = k
            .iter()
            .flat_map(|d| d.sentences.iter().map(|s| s.text.as_str()))
            .collect();
        let n = texts.len();
        texts.sort_unstable();
        texts.dedup();
        assert_eq!(n, texts.len());
    }

    #[test]
    fn same_sentence_in_two_reports_lists_both() {
        let mut v = items();
        v.push(item(
            "g",
            "2011-10-07",
            Some("2011-10-05"),
            3,
            "Jobs died on October 5 at his home in Palo Alto , his family said .",
        ));
        let k = key_dates(&v, 5, 2);
        let s = k
            .iter()
            .flat_map(|d| &d.sentences)
            .find(|s| s.text.starts_with("Jobs died on October 5"))
            .expect("the death sentence is chosen");
        assert_eq!(s.docs, vec!["d".to_string(), "g".to_string()]);
    }
}
