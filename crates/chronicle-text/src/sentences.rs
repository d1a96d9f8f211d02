use chronicle_model::{Span, Token, TokenKind};

use crate::abbrev::{is_abbreviation, is_title_abbreviation};

/// Splits tokenized text into sentences.
///
/// A sentence ends at terminal punctuation (`.`, `!`, `?`, `…`) followed by a
/// token that can start a sentence, after absorbing closing quotes and
/// brackets (so a sentence that ends inside a quote ends after the closing
/// mark); at a blank line; and at a line break after a line that reads as a
/// headline or a complete line of one-sentence-a-line text.
pub fn split_sentences(text: &str, tokens: &[Token]) -> Vec<Span> {
    let mut out = Vec::new();
    if tokens.is_empty() {
        return out;
    }
    let mut start = 0usize; // token index
    let mut open_straight = false; // inside a straight-quote span in this paragraph
    let mut i = 0usize;
    while i < tokens.len() {
        let tok = tokens[i];
        let word = &text[tok.span];
        if tok.kind == TokenKind::Quote && (word == "\"") {
            open_straight = !open_straight;
        }
        if tok.has(Token::PARAGRAPH_START) {
            open_straight = tok.kind == TokenKind::Quote && word == "\"";
        }
        let next = tokens.get(i + 1);
        let mut end_here = false;
        let mut last = i;
        if is_terminal(word, tok.kind) {
            // Absorb closers: quotes and brackets that close what the sentence opened.
            let mut j = i + 1;
            while j < tokens.len() {
                let t = tokens[j];
                let w = &text[t.span];
                if t.has(Token::PARAGRAPH_START) {
                    break;
                }
                let closer = match w {
                    "”" | "’" | "''" | "»" | ")" | "]" | "-RRB-" | "-RSB-" => true,
                    "\"" => open_straight,
                    "'" => !t.has(Token::SPACE_BEFORE),
                    _ => false,
                };
                if !closer {
                    break;
                }
                if w == "\"" {
                    open_straight = false;
                }
                j += 1;
            }
            last = j - 1;
            end_here = match tokens.get(j) {
                None => true,
                Some(n) => can_start_after(text, word, tok.kind, *n),
            };
        } else if tok.kind == TokenKind::Word && word.ends_with('.') && is_abbreviation(word) {
            // "… in the U.S. The next day": the abbreviation's period ends the sentence too.
            end_here = !is_title_abbreviation(word)
                && next.is_some_and(|n| {
                    n.has(Token::PARAGRAPH_START) || starts_sentence_strongly(&text[n.span])
                });
        }
        if !end_here {
            if let Some(n) = next {
                if n.has(Token::PARAGRAPH_START) {
                    end_here = true;
                } else if n.has(Token::LINE_START) {
                    end_here = line_break_ends_sentence(text, &tokens[start..=i], *n);
                }
            }
        }
        if end_here || last + 1 >= tokens.len() {
            let span = Span::new(
                tokens[start].span.start as usize,
                tokens[last].span.end as usize,
            );
            out.push(span);
            start = last + 1;
            i = last + 1;
            continue;
        }
        i += 1;
    }
    out
}

fn is_terminal(word: &str, kind: TokenKind) -> bool {
    kind == TokenKind::Punct
        && (word == "."
            || word.starts_with('!')
            || word.starts_with('?')
            || word == "…"
            || (word.len() >= 3 && word.bytes().all(|b| b == b'.')))
}

/// After terminal punctuation: does the next token open a new sentence?
fn can_start_after(text: &str, terminal: &str, _kind: TokenKind, next: Token) -> bool {
    if next.has(Token::PARAGRAPH_START) || next.has(Token::LINE_START) {
        return true;
    }
    let w = &text[next.span];
    let first = w.chars().next().unwrap_or(' ');
    // Ellipses inside a sentence are followed by lowercase words.
    if terminal.starts_with("..") || terminal == "…" {
        return first.is_uppercase() && starts_sentence_strongly(w);
    }
    if first.is_uppercase() || first.is_numeric() {
        return true;
    }
    match next.kind {
        TokenKind::Quote => true,
        TokenKind::Punct => matches!(w, "(" | "[" | "-LRB-" | "-LSB-" | "—" | "-" | "--"),
        TokenKind::Symbol => matches!(w, "$" | "€" | "£"),
        TokenKind::Tag | TokenKind::Url => true,
        _ => false,
    }
}

/// Closed-class words that begin most sentences; used where a capital letter
/// alone is weak evidence (after "U.S." or an ellipsis).
fn starts_sentence_strongly(word: &str) -> bool {
    const STARTERS: &[&str] = &[
        "The",
        "A",
        "An",
        "He",
        "She",
        "It",
        "They",
        "We",
        "I",
        "You",
        "But",
        "And",
        "In",
        "On",
        "At",
        "This",
        "That",
        "These",
        "Those",
        "His",
        "Her",
        "Its",
        "Their",
        "Our",
        "There",
        "As",
        "After",
        "Before",
        "When",
        "While",
        "If",
        "Since",
        "For",
        "So",
        "Yet",
        "However",
        "Meanwhile",
        "Still",
        "Now",
        "Then",
        "Some",
        "Many",
        "Most",
        "No",
        "Not",
        "What",
        "Who",
        "Why",
        "How",
        "Where",
        "Mr.",
        "Mrs.",
        "Ms.",
        "Dr.",
        "Last",
        "Next",
        "Earlier",
        "Later",
        "According",
        "Officials",
        "Police",
        "Analysts",
    ];
    STARTERS.contains(&word) || word.starts_with(['"', '“', '`'])
}

/// A single line break ends a sentence when the line before it is complete on
/// its own (headline, one-sentence-a-line text): the next line starts like a
/// sentence and the line did not stop mid-clause.
fn line_break_ends_sentence(text: &str, line: &[Token], next: Token) -> bool {
    let Some(prev) = line.last() else {
        return false;
    };
    let pw = &text[prev.span];
    if matches!(pw, "," | ";" | ":" | "-" | "–" | "(" | "&") {
        return false;
    }
    let nw = &text[next.span];
    let first = nw.chars().next().unwrap_or(' ');
    if !(first.is_uppercase()
        || first.is_numeric()
        || next.kind == TokenKind::Quote
        || next.kind == TokenKind::Punct)
    {
        return false;
    }
    // A line ending in a lowercase function word was wrapped mid-sentence.
    const CONTINUATIONS: &[&str] = &[
        "the", "a", "an", "of", "to", "in", "and", "or", "but", "for", "with", "on", "at", "by",
        "from", "that", "said", "says", "as", "his", "her", "their", "its", "is", "was", "are",
        "were", "be", "has", "have", "had", "will", "would",
    ];
    !CONTINUATIONS.contains(&pw)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokenize;

    fn sents(text: &str) -> Vec<&str> {
        let tokens = tokenize(text);
        split_sentences(text, &tokens)
            .iter()
            .map(|s| &text[*s])
            .collect()
    }

    #[test]
    fn abbreviations_do_not_split() {
        assert_eq!(
            sents("Sen. Jeff Sessions met Mr. Kislyak at 10 a.m. on Jan. 5. He denied it."),
            vec![
                "Sen. Jeff Sessions met Mr. Kislyak at 10 a.m. on Jan. 5.",
                "He denied it."
            ]
        );
    }

    #[test]
    fn sentence_ends_after_closing_quote() {
        assert_eq!(
            sents("He said, “I did not meet them.” Pelosi disagreed. \"Resign!\" she said."),
            vec![
                "He said, “I did not meet them.”",
                "Pelosi disagreed.",
                "\"Resign!\" she said."
            ]
        );
    }

    #[test]
    fn acronym_at_sentence_end() {
        assert_eq!(
            sents("He moved to the U.S. The move was quiet. The U.S. Senate voted."),
            vec![
                "He moved to the U.S.",
                "The move was quiet.",
                "The U.S. Senate voted."
            ]
        );
    }

    #[test]
    fn headline_and_paragraphs() {
        assert_eq!(
            sents("Sessions under fire over Russia talks\n\nWASHINGTON (Reuters) - The attorney general said no.\nNew line here."),
            vec![
                "Sessions under fire over Russia talks",
                "WASHINGTON (Reuters) - The attorney general said no.",
                "New line here."
            ]
        );
    }

    #[test]
    fn ptb_lines() {
        assert_eq!(
            sents("`` We are done . '' he said . \nBP 's shares fell 5 % \nThe end"),
            vec![
                "`` We are done . '' he said .",
                "BP 's shares fell 5 %",
                "The end"
            ]
        );
    }

    #[test]
    fn decimals_and_ellipsis() {
        assert_eq!(
            sents("Shares rose 3.5 percent... and then fell. Done"),
            vec!["Shares rose 3.5 percent... and then fell.", "Done"]
        );
    }
}
