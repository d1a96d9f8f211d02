//! From tags to entities: chunking, trimming what is not part of a name
//! (leading titles and roles, a trailing possessive), and the canonical
//! name of each mention, the fullest form the same person has in the
//! document ("Sessions" → "Jeff Sessions"). A lone surname the model calls
//! an organisation becomes the person when that person is named in full
//! elsewhere in the document.

use chronicle_model::{Entity, EntityLabel, Span};

use crate::tags::{chunks, Tag};

/// Words that name a role rather than a person when they precede a name.
/// Our own list of common English news titles (lowercase, no period).
const ROLE_WORDS: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "miss",
    "dr",
    "prof",
    "professor",
    "sir",
    "dame",
    "lord",
    "lady",
    "president",
    "vice",
    "sen",
    "senator",
    "rep",
    "representative",
    "congressman",
    "congresswoman",
    "gov",
    "governor",
    "mayor",
    "judge",
    "justice",
    "gen",
    "general",
    "col",
    "colonel",
    "capt",
    "captain",
    "lt",
    "sgt",
    "adm",
    "admiral",
    "secretary",
    "minister",
    "premier",
    "chancellor",
    "king",
    "queen",
    "prince",
    "princess",
    "pope",
    "rev",
    "reverend",
    "chairman",
    "chairwoman",
    "ceo",
    "spokesman",
    "spokeswoman",
    "attorney",
    "coach",
    "leader",
    "speaker",
    "former",
    "late",
    "ambassador",
    "director",
    "chief",
    "commissioner",
    "sheriff",
    "officer",
    "deputy",
    "assistant",
    "acting",
    "prime",
    "foreign",
    "defense",
    "defence",
    "interior",
    "finance",
    "state",
    "house",
    "senate",
    "democratic",
    "republican",
    "majority",
    "minority",
    "white",
    "press",
    "national",
    "security",
    "adviser",
    "advisor",
    "counsel",
    "special",
    "first",
    "candidate",
    "nominee",
    "pres",
];

/// One token as the entity builder sees it.
#[derive(Debug, Clone, Copy)]
pub struct TokenRef<'a> {
    pub span: Span,
    /// PTB-normalised form.
    pub word: &'a str,
}

fn is_role(word: &str) -> bool {
    let w = word.strip_suffix('.').unwrap_or(word);
    if w.len() > 16 || !w.is_ascii() {
        return false;
    }
    let lower = w.to_ascii_lowercase();
    ROLE_WORDS.contains(&lower.as_str())
}

fn is_possessive(word: &str) -> bool {
    matches!(word, "'s" | "'" | "’s" | "’" | "'S")
}

/// A mention before naming: token range, label.
#[derive(Debug, Clone)]
struct Mention {
    start: usize,
    end: usize,
    label: EntityLabel,
}

/// Builds the entities of a document from its tokens and IOB2 tags.
pub fn entities(text: &str, tokens: &[TokenRef<'_>], tags: &[Tag]) -> Vec<Entity> {
    let mut mentions: Vec<Mention> = Vec::new();
    for (s, e, label) in chunks(tags) {
        let (mut s, mut e) = (s, e.min(tokens.len()));
        while e > s + 1 && is_possessive(tokens[e - 1].word) {
            e -= 1;
        }
        if label == EntityLabel::Per {
            // Titles are not part of the name, nor a lowercase word the model swept in.
            while e > s + 1
                && (is_role(tokens[s].word) || tokens[s].word.starts_with(char::is_lowercase))
            {
                s += 1;
            }
        }
        if s < e {
            mentions.push(Mention {
                start: s,
                end: e,
                label,
            });
        }
    }
    let words_of =
        |m: &Mention| -> Vec<&str> { tokens[m.start..m.end].iter().map(|t| t.word).collect() };
    // Full person names of the document, longest first (first mention wins ties).
    let mut people: Vec<(usize, Vec<&str>)> = mentions
        .iter()
        .enumerate()
        .filter(|(_, m)| m.label == EntityLabel::Per)
        .map(|(i, m)| (i, words_of(m)))
        .collect();
    people.sort_by(|a, b| b.1.len().cmp(&a.1.len()).then(a.0.cmp(&b.0)));
    let mut out = Vec::with_capacity(mentions.len());
    for m in &mentions {
        let words = words_of(m);
        let mut label = m.label;
        let mut canonical_of: Option<usize> = None;
        let relabel = matches!(m.label, EntityLabel::Per | EntityLabel::Org) && words.len() <= 2;
        if relabel {
            // The fullest person name that ends with this mention ("Sessions" in
            // "Jeff Sessions"). An organisation only when it is a lone surname.
            for (i, p) in &people {
                let fits = p.len() > words.len() && p.ends_with(&words);
                let surname_only =
                    m.label == EntityLabel::Per || (words.len() == 1 && p.len() >= 2);
                if fits && surname_only {
                    canonical_of = Some(*i);
                    label = EntityLabel::Per;
                    break;
                }
            }
        }
        let span = Span::new(
            tokens[m.start].span.start as usize,
            tokens[m.end - 1].span.end as usize,
        );
        let canonical = match canonical_of {
            Some(i) => name_text(text, tokens, &mentions[i]),
            None => name_text(text, tokens, m),
        };
        out.push(Entity {
            span,
            label,
            canonical,
        });
    }
    out
}

/// The mention's text with PTB escapes undone and whitespace collapsed.
fn name_text(text: &str, tokens: &[TokenRef<'_>], m: &Mention) -> String {
    let mut s = String::new();
    for (k, t) in tokens[m.start..m.end].iter().enumerate() {
        if k > 0 {
            let prev_end = tokens[m.start + k - 1].span.end as usize;
            let gap = text.get(prev_end..t.span.start as usize).unwrap_or("");
            if !gap.is_empty() {
                s.push(' ');
            }
        }
        s.push_str(t.word);
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tags::{begin, inside, O};

    fn toks(text: &str) -> Vec<TokenRef<'_>> {
        let mut out = Vec::new();
        let mut pos = 0;
        for w in text.split(' ') {
            out.push(TokenRef {
                span: Span::new(pos, pos + w.len()),
                word: w,
            });
            pos += w.len() + 1;
        }
        out
    }

    #[test]
    fn surname_and_title() {
        let text = "Attorney General Jeff Sessions said Sessions 's aide met Sessions";
        let t = toks(text);
        let per_b = begin(EntityLabel::Per);
        let per_i = inside(EntityLabel::Per);
        let org_b = begin(EntityLabel::Org);
        let tags = [per_b, per_i, per_i, per_i, O, per_b, O, O, O, org_b];
        let e = entities(text, &t, &tags);
        let got: Vec<(String, &str, String)> = e
            .iter()
            .map(|e| {
                (
                    text[e.span.range()].to_string(),
                    e.label.as_str(),
                    e.canonical.clone(),
                )
            })
            .collect();
        assert_eq!(
            got,
            vec![
                ("Jeff Sessions".into(), "PER", "Jeff Sessions".into()),
                ("Sessions".into(), "PER", "Jeff Sessions".into()),
                ("Sessions".into(), "PER", "Jeff Sessions".into()),
            ]
        );
    }

    #[test]
    fn possessive_trimmed() {
        let text = "Trump 's plan";
        let t = toks(text);
        let tags = [begin(EntityLabel::Per), inside(EntityLabel::Per), O];
        let e = entities(text, &t, &tags);
        assert_eq!(e.len(), 1);
        assert_eq!(&text[e[0].span.range()], "Trump");
    }
}
