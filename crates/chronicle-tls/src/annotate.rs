//! Per-article preparation: segment, tag timexes, and turn each sentence
//! into what the summariser needs (its text, its stemmed content words, the
//! days and months it mentions). Runs once per article, in parallel.

use chronicle_model::{Date, Doc, Stage, TimexType, TokenKind};
use chronicle_text::{ptb_norm, Segmenter};
use chronicle_timex::TimexTagger;

use crate::explicit_dates;
use crate::metrics::{porter, rouge};

/// One sentence, ready for scoring.
#[derive(Debug, Clone)]
pub struct Sentence {
    /// As written, whitespace collapsed to single spaces.
    pub text: String,
    /// Lowercased, stemmed content words (stopwords and punctuation dropped).
    pub terms: Vec<String>,
    /// Number of word and number tokens.
    pub words: usize,
    /// Days the sentence mentions (`YYYY-MM-DD` timexes).
    pub days: Vec<Date>,
    /// Months the sentence mentions (`YYYY-MM` timexes), as (year, month).
    pub months: Vec<(i16, i8)>,
    /// Index of the sentence in its article.
    pub position: usize,
}

/// One article's sentences and publication date.
#[derive(Debug, Clone)]
pub struct Annotated {
    pub date: Date,
    pub sentences: Vec<Sentence>,
}

/// Parses a TIMEX3 DATE value at day or month granularity.
pub(crate) fn parse_value(value: &str) -> Option<Result<Date, (i16, i8)>> {
    match value.len() {
        10 => value.parse::<Date>().ok().map(Ok),
        7 if value.as_bytes()[4] == b'-' => {
            let y = value[..4].parse::<i16>().ok()?;
            let m = value[5..].parse::<i8>().ok()?;
            (1..=12).contains(&m).then_some(Err((y, m)))
        }
        _ => None,
    }
}

/// The stemmed content words of some tokens, and how many word and number
/// tokens there are: what a sentence is compared and length-checked by.
pub(crate) fn terms_of(doc: &Doc, tokens: &[chronicle_model::Token]) -> (Vec<String>, usize) {
    let mut terms = Vec::new();
    let mut words = 0;
    for tok in tokens {
        if !matches!(tok.kind, TokenKind::Word | TokenKind::Number) {
            continue;
        }
        words += 1;
        let lower = ptb_norm(doc.slice(tok.span)).to_lowercase();
        if rouge::is_stopword(&lower) || !lower.chars().any(char::is_alphanumeric) {
            continue;
        }
        terms.push(if lower.len() > 3 {
            porter::stem(&lower)
        } else {
            lower
        });
    }
    (terms, words)
}

/// Prepares one article.
pub fn annotate(id: &str, date: Date, text: &str, tagger: &TimexTagger) -> Annotated {
    let mut doc = Doc::new(id, Some(date), text);
    Segmenter.annotate(&mut doc);
    let timexes = tagger.tag(&doc, Some(date));
    let mut sentences: Vec<Sentence> = doc
        .sentences
        .iter()
        .enumerate()
        .map(|(position, &span)| {
            let (terms, words) = terms_of(&doc, &doc.tokens[doc.token_range(span)]);
            Sentence {
                text: doc
                    .slice(span)
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" "),
                terms,
                words,
                days: Vec::new(),
                months: Vec::new(),
                position,
            }
        })
        .collect();
    let tagged = timexes.iter().any(|t| t.kind == TimexType::Date);
    for t in timexes.iter().filter(|t| t.kind == TimexType::Date) {
        let Some(i) = doc.sentence_at(t.span.start) else {
            continue;
        };
        match parse_value(&t.value) {
            Some(Ok(d)) => sentences[i].days.push(d),
            Some(Err(m)) => sentences[i].months.push(m),
            None => {}
        }
    }
    if !tagged {
        // Fallback while the tagger finds nothing: fully written-out dates only.
        for (s, &span) in sentences.iter_mut().zip(&doc.sentences) {
            let words: Vec<&str> = doc.tokens[doc.token_range(span)]
                .iter()
                .map(|t| doc.slice(t.span))
                .collect();
            s.days = explicit_dates::find(&words, date);
        }
    }
    Annotated { date, sentences }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_terms_and_dates() {
        let a = annotate(
            "x",
            "2010-05-02".parse().unwrap(),
            "BP 's oil well exploded on April 20 , 2010 . \nShares fell . \n",
            &TimexTagger::new(),
        );
        assert_eq!(a.sentences.len(), 2);
        assert_eq!(
            a.sentences[0].text,
            "BP 's oil well exploded on April 20 , 2010 ."
        );
        assert_eq!(
            a.sentences[0].days,
            vec!["2010-04-20".parse::<Date>().unwrap()]
        );
        assert!(a.sentences[0].terms.contains(&"explod".to_string()));
        assert_eq!(a.sentences[1].terms, vec!["share", "fell"]);
    }

    #[test]
    fn empty_text() {
        let a = annotate("x", "2010-05-02".parse().unwrap(), "", &TimexTagger::new());
        assert!(a.sentences.is_empty());
    }

    #[test]
    fn timex_values() {
        assert_eq!(
            parse_value("2010-04-20"),
            Some(Ok("2010-04-20".parse().unwrap()))
        );
        assert_eq!(parse_value("2010-04"), Some(Err((2010, 4))));
        assert_eq!(parse_value("2010-W04"), None);
        assert_eq!(parse_value("PRESENT_REF"), None);
    }
}
