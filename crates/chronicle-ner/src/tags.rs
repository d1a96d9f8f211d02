//! The IOB2 tag set and its constraints: `I-X` may only follow `B-X` or `I-X`.

use chronicle_model::EntityLabel;

/// Number of tags: `O` and `B-`/`I-` for each of the four classes.
pub const N_TAGS: usize = 9;

/// Tag ids: 0 = `O`, `1 + 2k` = `B-` of class k, `2 + 2k` = `I-` of class k,
/// classes in [`EntityLabel::ALL`] order.
pub type Tag = u8;

pub const O: Tag = 0;

#[inline]
pub fn begin(label: EntityLabel) -> Tag {
    1 + 2 * class_index(label) as u8
}

#[inline]
pub fn inside(label: EntityLabel) -> Tag {
    2 + 2 * class_index(label) as u8
}

#[inline]
fn class_index(label: EntityLabel) -> usize {
    match label {
        EntityLabel::Per => 0,
        EntityLabel::Org => 1,
        EntityLabel::Loc => 2,
        EntityLabel::Misc => 3,
    }
}

/// The class of a tag (`None` for `O`).
#[inline]
pub fn label(tag: Tag) -> Option<EntityLabel> {
    if tag == O || tag as usize >= N_TAGS {
        None
    } else {
        Some(EntityLabel::ALL[(tag as usize - 1) / 2])
    }
}

#[inline]
pub fn is_inside(tag: Tag) -> bool {
    tag != O && tag.is_multiple_of(2)
}

/// Whether `next` may follow `prev` (`None` = sentence start) in IOB2.
#[inline]
pub fn allowed(prev: Option<Tag>, next: Tag) -> bool {
    if !is_inside(next) {
        return true;
    }
    match prev {
        Some(p) => p != O && label(p) == label(next),
        None => false,
    }
}

/// The IOB2 name of a tag (`B-PER`, `O`).
pub fn name(tag: Tag) -> &'static str {
    const NAMES: [&str; N_TAGS] = [
        "O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC",
    ];
    NAMES.get(tag as usize).copied().unwrap_or("O")
}

/// Parses an IOB1 or IOB2 tag into (is `B-`, class); `O` and unknown tags give `None`.
pub fn parse(s: &str) -> Option<(bool, EntityLabel)> {
    let (b, rest) = if let Some(r) = s.strip_prefix("B-") {
        (true, r)
    } else if let Some(r) = s.strip_prefix("I-") {
        (false, r)
    } else {
        return None;
    };
    EntityLabel::parse(rest).map(|l| (b, l))
}

/// Converts a sentence's IOB1 (or IOB2) tags to IOB2 tag ids.
pub fn from_iob1<'a>(tags: impl IntoIterator<Item = &'a str>) -> Vec<Tag> {
    let mut out: Vec<Tag> = Vec::new();
    let mut prev: Option<EntityLabel> = None;
    for t in tags {
        match parse(t) {
            None => {
                out.push(O);
                prev = None;
            }
            Some((b, l)) => {
                if b || prev != Some(l) {
                    out.push(begin(l));
                } else {
                    out.push(inside(l));
                }
                prev = Some(l);
            }
        }
    }
    out
}

/// Entity chunks `(start, end, class)` (token indices, end exclusive) of an
/// IOB2 tag sequence; a stray `I-` opens a chunk, as conlleval reads it.
pub fn chunks(tags: &[Tag]) -> Vec<(usize, usize, EntityLabel)> {
    let mut out = Vec::new();
    let mut open: Option<(usize, EntityLabel)> = None;
    for (i, &t) in tags.iter().enumerate() {
        let l = label(t);
        let continues = is_inside(t) && open.map(|(_, ol)| Some(ol) == l).unwrap_or(false);
        if !continues {
            if let Some((s, ol)) = open.take() {
                out.push((s, i, ol));
            }
            if let Some(l) = l {
                open = Some((i, l));
            }
        }
    }
    if let Some((s, ol)) = open {
        out.push((s, tags.len(), ol));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iob1_to_iob2() {
        let t = from_iob1(["I-PER", "I-PER", "B-PER", "O", "I-LOC", "I-ORG"]);
        let names: Vec<&str> = t.iter().map(|&x| name(x)).collect();
        assert_eq!(names, ["B-PER", "I-PER", "B-PER", "O", "B-LOC", "B-ORG"]);
        assert_eq!(
            chunks(&t),
            vec![
                (0, 2, EntityLabel::Per),
                (2, 3, EntityLabel::Per),
                (4, 5, EntityLabel::Loc),
                (5, 6, EntityLabel::Org)
            ]
        );
    }

    #[test]
    fn constraints() {
        assert!(!allowed(None, inside(EntityLabel::Per)));
        assert!(!allowed(Some(O), inside(EntityLabel::Per)));
        assert!(!allowed(
            Some(begin(EntityLabel::Org)),
            inside(EntityLabel::Per)
        ));
        assert!(allowed(
            Some(begin(EntityLabel::Per)),
            inside(EntityLabel::Per)
        ));
        assert!(allowed(Some(O), begin(EntityLabel::Misc)));
    }
}
