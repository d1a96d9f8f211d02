//! Feature templates. Each token gets a few dozen hashed features built
//! from the precomputed [`Attrs`] of a ±2 window, the sentence's style
//! (headline capitals, lowercase text, sentence start) and, in the second
//! pass, what the first pass said about the same word elsewhere in the
//! document. Features are rows of the weight table; nothing is stored
//! per feature but its row.

use crate::hash::{mix, row};
use crate::lexical::{
    Attrs, ALL_CAPS, CLUSTER_LEVELS, HAS_DIGIT, HAS_HYPHEN, HAS_LETTER, HAS_LOWER, HAS_PERIOD,
    INIT_CAP, MAX_AFFIX, NO_ALNUM,
};

/// Document-level facts about one token, from outside its sentence.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DocFacts {
    /// How the same word is cased elsewhere in the document, mid-sentence
    /// in mixed-case text: bit 1 = capitalised, bit 2 = lowercase.
    pub case_elsewhere: u8,
    /// The class the first pass gave this word elsewhere in the document
    /// (1 + class index; 0 = none) ...
    pub hint: u8,
    /// ... and how often: 1 = in most of its capitalised occurrences, 2 = in some.
    pub hint_strength: u8,
    /// Name-list hits covering the token (see `Gazetteer::matches`).
    pub gaz: u16,
}

/// The style of a sentence, which changes what capitals mean.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SentenceStyle {
    pub all_caps: bool,
    pub lowercase: bool,
}

// Template ids: arbitrary distinct constants mixed into every key.
const T_BIAS: u64 = 1;
const T_FORM: u64 = 2;
const T_LOWER: u64 = 3;
const T_LOWER_M1: u64 = 4;
const T_LOWER_P1: u64 = 5;
const T_LOWER_M2: u64 = 6;
const T_LOWER_P2: u64 = 7;
const T_FORM_M1: u64 = 8;
const T_FORM_P1: u64 = 9;
const T_BI_L: u64 = 10;
const T_BI_R: u64 = 11;
const T_SHAPE: u64 = 12;
const T_SHAPE_M1: u64 = 13;
const T_SHAPE_P1: u64 = 14;
const T_SHAPE_L: u64 = 15;
const T_SHAPE_R: u64 = 16;
const T_SHAPE_3: u64 = 17;
const T_PREFIX: u64 = 20;
const T_SUFFIX: u64 = 30;
const T_CLUSTER: u64 = 40;
const T_CLUSTER_M1: u64 = 50;
const T_CLUSTER_P1: u64 = 60;
const T_LEN: u64 = 70;
const T_FLAGS: u64 = 71;
const T_STYLE_SHAPE: u64 = 72;
const T_STYLE_FLAGS: u64 = 73;
const T_FIRST_LOWER: u64 = 74;
const T_CAPS_LOWER: u64 = 75;
const T_CASE_ELSEWHERE: u64 = 76;
const T_CASE_ELSEWHERE_STYLE: u64 = 77;
const T_SHAPE_M1_LOWER: u64 = 78;
const T_LOWER_M1_SHAPE: u64 = 79;
const T_FLAGS_M1_P1: u64 = 80;
const T_HINT: u64 = 90;
const T_HINT_SHAPE: u64 = 91;
const T_HINT_M1: u64 = 92;
const T_HINT_P1: u64 = 93;
const T_HINT_LOWER: u64 = 94;
const T_CLUSTER_BI: u64 = 95;
const T_GAZ: u64 = 96;
const T_GAZ_ALL: u64 = 97;
const T_GAZ_M1: u64 = 98;
const T_GAZ_P1: u64 = 99;
const T_GAZ_CAPS: u64 = 100;

const BOS: u64 = 0xB0B0_0001;
const EOS: u64 = 0xE0E0_0002;

/// Flags that describe case and character classes (not length).
const CASE_FLAGS: u16 =
    INIT_CAP | ALL_CAPS | HAS_DIGIT | HAS_LOWER | NO_ALNUM | HAS_HYPHEN | HAS_PERIOD | HAS_LETTER;

/// Writes the feature rows of every token of one sentence into `rows`,
/// token `i`'s rows being `rows[starts[i]..starts[i + 1]]`.
pub fn extract(
    attrs: &[Attrs],
    facts: &[DocFacts],
    style: SentenceStyle,
    use_hints: bool,
    bits: u32,
    rows: &mut Vec<u32>,
    starts: &mut Vec<u32>,
) {
    rows.clear();
    starts.clear();
    let n = attrs.len();
    let style_code = u64::from(style.all_caps) | u64::from(style.lowercase) << 1;
    let lower_at = |j: isize| -> u64 {
        if j < 0 {
            BOS
        } else if j as usize >= n {
            EOS
        } else {
            attrs[j as usize].lower
        }
    };
    let form_at = |j: isize| -> u64 {
        if j < 0 {
            BOS
        } else if j as usize >= n {
            EOS
        } else {
            attrs[j as usize].form
        }
    };
    let shape_at = |j: isize| -> u64 {
        if j < 0 {
            BOS
        } else if j as usize >= n {
            EOS
        } else {
            attrs[j as usize].shape
        }
    };
    let flags_at = |j: isize| -> u64 {
        if j < 0 || j as usize >= n {
            0xFFFF
        } else {
            u64::from(attrs[j as usize].flags & CASE_FLAGS)
        }
    };
    let hint_at = |j: isize| -> u64 {
        if j < 0 || j as usize >= n {
            0xF
        } else {
            let f = facts.get(j as usize).copied().unwrap_or_default();
            u64::from(f.hint) | u64::from(f.hint_strength) << 4
        }
    };
    for i in 0..n {
        starts.push(rows.len() as u32);
        let a = &attrs[i];
        let ii = i as isize;
        let mut push = |key: u64| rows.push(row(key, bits));
        push(T_BIAS);
        push(mix(T_FORM, a.form));
        push(mix(T_LOWER, a.lower));
        push(mix(T_LOWER_M1, lower_at(ii - 1)));
        push(mix(T_LOWER_P1, lower_at(ii + 1)));
        push(mix(T_LOWER_M2, lower_at(ii - 2)));
        push(mix(T_LOWER_P2, lower_at(ii + 2)));
        push(mix(T_FORM_M1, form_at(ii - 1)));
        push(mix(T_FORM_P1, form_at(ii + 1)));
        push(mix(mix(T_BI_L, lower_at(ii - 1)), a.lower));
        push(mix(mix(T_BI_R, a.lower), lower_at(ii + 1)));
        push(mix(T_SHAPE, a.shape));
        push(mix(T_SHAPE_M1, shape_at(ii - 1)));
        push(mix(T_SHAPE_P1, shape_at(ii + 1)));
        push(mix(mix(T_SHAPE_L, shape_at(ii - 1)), a.shape));
        push(mix(mix(T_SHAPE_R, a.shape), shape_at(ii + 1)));
        push(mix(
            mix(mix(T_SHAPE_3, shape_at(ii - 1)), a.shape),
            shape_at(ii + 1),
        ));
        push(mix(mix(T_SHAPE_M1_LOWER, shape_at(ii - 1)), a.lower));
        push(mix(mix(T_LOWER_M1_SHAPE, lower_at(ii - 1)), a.shape));
        push(mix(
            mix(
                mix(T_FLAGS_M1_P1, flags_at(ii - 1)),
                u64::from(a.flags & CASE_FLAGS),
            ),
            flags_at(ii + 1),
        ));
        if a.flags & HAS_LETTER != 0 {
            let k_max = MAX_AFFIX.min(a.len as usize);
            for k in 0..k_max {
                push(mix(T_PREFIX + k as u64, a.prefix[k]));
                push(mix(T_SUFFIX + k as u64, a.suffix[k]));
            }
        }
        if a.cluster[0] != 0 {
            for (k, &c) in a.cluster.iter().enumerate() {
                push(mix(T_CLUSTER + k as u64, c));
            }
        } else {
            push(T_CLUSTER + 9);
        }
        if i > 0 {
            let p = &attrs[i - 1];
            for k in [1usize, CLUSTER_LEVELS - 1] {
                push(mix(T_CLUSTER_M1 + k as u64, p.cluster[k]));
            }
            push(mix(mix(T_CLUSTER_BI, p.cluster[1]), a.cluster[1]));
        }
        if i + 1 < n {
            let q = &attrs[i + 1];
            for k in [1usize, CLUSTER_LEVELS - 1] {
                push(mix(T_CLUSTER_P1 + k as u64, q.cluster[k]));
            }
        }
        push(mix(T_LEN, u64::from(a.len.min(12))));
        push(mix(T_FLAGS, u64::from(a.flags)));
        let first = u64::from(i == 0);
        let ctx = style_code | first << 2;
        push(mix(mix(T_STYLE_SHAPE, ctx), a.shape));
        push(mix(
            mix(T_STYLE_FLAGS, ctx),
            u64::from(a.flags & CASE_FLAGS),
        ));
        if i == 0 {
            push(mix(T_FIRST_LOWER, a.lower));
        }
        if style.all_caps {
            push(mix(T_CAPS_LOWER, a.lower));
        }
        let f = facts.get(i).copied().unwrap_or_default();
        push(mix(T_CASE_ELSEWHERE, u64::from(f.case_elsewhere)));
        push(mix(
            mix(
                T_CASE_ELSEWHERE_STYLE,
                u64::from(f.case_elsewhere) | ctx << 4,
            ),
            u64::from(a.flags & (INIT_CAP | ALL_CAPS | HAS_LOWER)),
        ));
        if f.gaz != 0 {
            let mut bits_left = f.gaz;
            while bits_left != 0 {
                let b = bits_left.trailing_zeros();
                bits_left &= bits_left - 1;
                push(mix(T_GAZ, u64::from(b)));
            }
            push(mix(T_GAZ_ALL, u64::from(f.gaz)));
            push(mix(mix(T_GAZ_CAPS, u64::from(f.gaz)), ctx));
        }
        let gaz_at = |j: isize| -> u64 {
            if j < 0 || j as usize >= n {
                0xFFFF_0000
            } else {
                u64::from(facts.get(j as usize).map(|f| f.gaz).unwrap_or(0))
            }
        };
        push(mix(mix(T_GAZ_M1, gaz_at(ii - 1)), u64::from(f.gaz)));
        push(mix(mix(T_GAZ_P1, gaz_at(ii + 1)), u64::from(f.gaz)));
        if use_hints {
            let h = hint_at(ii);
            push(mix(T_HINT, h));
            push(mix(mix(T_HINT_SHAPE, h), a.shape));
            push(mix(T_HINT_M1, hint_at(ii - 1)));
            push(mix(T_HINT_P1, hint_at(ii + 1)));
            if f.hint != 0 {
                push(mix(mix(T_HINT_LOWER, h), a.lower));
            }
        }
    }
    starts.push(rows.len() as u32);
}
