//! What the features know about one token: hashed forms, shape, affixes,
//! case flags and word-cluster paths, computed once per token so that the
//! feature templates only combine precomputed keys.

use crate::clusters::Clusters;
use crate::hash::hash_bytes;

pub const INIT_CAP: u16 = 1;
pub const ALL_CAPS: u16 = 2;
pub const HAS_DIGIT: u16 = 4;
pub const HAS_LOWER: u16 = 8;
pub const NO_ALNUM: u16 = 16;
pub const HAS_HYPHEN: u16 = 32;
pub const HAS_PERIOD: u16 = 64;
pub const ALL_DIGITS: u16 = 128;
pub const HAS_LETTER: u16 = 256;

/// Cluster granularities used as features (coarse to fine).
pub const CLUSTER_LEVELS: usize = 3;

/// Longest affix used as a feature, in chars.
pub const MAX_AFFIX: usize = 4;

/// Precomputed keys of one token.
#[derive(Debug, Clone, Copy, Default)]
pub struct Attrs {
    /// The token as written (PTB escapes undone).
    pub form: u64,
    /// Lowercased, digits folded to `0`.
    pub lower: u64,
    /// Character classes with runs collapsed (`Xx`, `X.X.`, `d-d`).
    pub shape: u64,
    pub prefix: [u64; MAX_AFFIX],
    pub suffix: [u64; MAX_AFFIX],
    /// Cluster path prefixes (0 when the word has no cluster).
    pub cluster: [u64; CLUSTER_LEVELS],
    pub flags: u16,
    /// Length in chars, capped.
    pub len: u8,
}

/// Reusable buffers, so that featurising allocates nothing per token.
#[derive(Debug, Default)]
pub struct Scratch {
    lower: String,
    shape: String,
    alt: String,
}

/// Computes the attributes of `word` (already PTB-normalised).
pub fn attrs(word: &str, clusters: &Clusters, s: &mut Scratch) -> Attrs {
    let mut flags = 0u16;
    s.lower.clear();
    s.shape.clear();
    let mut last_class = '\0';
    let mut run = 0;
    let mut n_chars = 0usize;
    let mut all_digits = true;
    let mut any_upper = false;
    for (i, c) in word.chars().enumerate() {
        n_chars += 1;
        let class = if c.is_uppercase() {
            any_upper = true;
            if i == 0 {
                flags |= INIT_CAP;
            }
            flags |= HAS_LETTER;
            'X'
        } else if c.is_lowercase() {
            flags |= HAS_LOWER | HAS_LETTER;
            'x'
        } else if c.is_ascii_digit() {
            flags |= HAS_DIGIT;
            'd'
        } else if c.is_alphabetic() {
            flags |= HAS_LETTER;
            'a'
        } else if c.is_numeric() {
            flags |= HAS_DIGIT;
            'd'
        } else {
            if c == '-' {
                flags |= HAS_HYPHEN;
            } else if c == '.' {
                flags |= HAS_PERIOD;
            }
            c
        };
        if !class.is_ascii_digit() && class != 'd' {
            all_digits = false;
        }
        if class == last_class {
            run += 1;
        } else {
            run = 0;
            last_class = class;
        }
        // Keep up to two of a run so `Xx` (capitalised) and `Xxx` (longer) differ a little.
        if run < 2 && s.shape.len() < 24 {
            s.shape.push(class);
        }
        if c.is_ascii_digit() {
            s.lower.push('0');
        } else if c.is_ascii() {
            s.lower.push(c.to_ascii_lowercase());
        } else {
            s.lower.extend(c.to_lowercase());
        }
    }
    if flags & (HAS_LETTER | HAS_DIGIT) == 0 {
        flags |= NO_ALNUM;
    }
    if any_upper && flags & HAS_LOWER == 0 {
        flags |= ALL_CAPS;
    }
    if all_digits && n_chars > 0 {
        flags |= ALL_DIGITS;
    }
    let mut prefix = [0u64; MAX_AFFIX];
    let mut suffix = [0u64; MAX_AFFIX];
    let lower = s.lower.as_str();
    let lb = lower.as_bytes();
    if lower.is_ascii() {
        for k in 1..=MAX_AFFIX.min(lb.len()) {
            prefix[k - 1] = hash_bytes(&lb[..k]);
            suffix[k - 1] = hash_bytes(&lb[lb.len() - k..]);
        }
    } else {
        // Char boundaries of the first and last MAX_AFFIX chars.
        let starts: Vec<usize> = lower.char_indices().map(|(i, _)| i).collect();
        let n = starts.len();
        for k in 1..=MAX_AFFIX.min(n) {
            let p_end = starts.get(k).copied().unwrap_or(lb.len());
            prefix[k - 1] = hash_bytes(&lb[..p_end]);
            suffix[k - 1] = hash_bytes(&lb[starts[n - k]..]);
        }
    }
    let cluster = cluster_keys(word, flags, clusters, &mut s.alt);
    Attrs {
        form: hash_bytes(word.as_bytes()),
        lower: hash_bytes(lower.as_bytes()),
        shape: hash_bytes(s.shape.as_bytes()),
        prefix,
        suffix,
        cluster,
        flags,
        len: n_chars.min(255) as u8,
    }
}

/// The cluster of the word as written; for an all-caps word (headlines) its
/// title-case form; then its lowercase form.
fn cluster_keys(
    word: &str,
    flags: u16,
    clusters: &Clusters,
    alt: &mut String,
) -> [u64; CLUSTER_LEVELS] {
    let mut path = clusters.get(word);
    if path.is_none() && flags & ALL_CAPS != 0 && word.len() > 1 {
        alt.clear();
        for (i, c) in word.chars().enumerate() {
            if i == 0 {
                alt.push(c);
            } else {
                alt.extend(c.to_lowercase());
            }
        }
        path = clusters.get(alt);
    }
    if path.is_none() && flags & INIT_CAP != 0 {
        alt.clear();
        alt.extend(word.chars().flat_map(char::to_lowercase));
        path = clusters.get(alt);
    }
    let mut out = [0u64; CLUSTER_LEVELS];
    if let Some((code, _)) = path {
        for (k, id) in crate::cluster_build::code_ids(code).into_iter().enumerate() {
            out[k] = crate::hash::mix(0x00c1_0000 + k as u64, u64::from(id));
        }
    }
    out
}

/// Whether a sentence is set in capitals (a headline or a dateline): at
/// least two words with letters, none with a lowercase letter.
pub fn all_caps_sentence(attrs: &[Attrs]) -> bool {
    let mut words = 0;
    for a in attrs {
        if a.flags & HAS_LETTER != 0 {
            if a.flags & HAS_LOWER != 0 {
                return false;
            }
            words += 1;
        }
    }
    words >= 2
}

/// Whether a sentence is all lowercase (social-media style text).
pub fn lowercase_sentence(attrs: &[Attrs]) -> bool {
    let mut words = 0;
    for a in attrs {
        if a.flags & HAS_LETTER != 0 {
            if a.flags & (INIT_CAP | ALL_CAPS) != 0 {
                return false;
            }
            words += 1;
        }
    }
    words >= 3
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_and_flags() {
        let c = Clusters::default();
        let mut s = Scratch::default();
        let a = attrs("Peter", &c, &mut s);
        assert_eq!(a.shape, hash_bytes(b"Xxx"));
        assert!(a.flags & INIT_CAP != 0 && a.flags & ALL_CAPS == 0);
        let b = attrs("U.S.", &c, &mut s);
        assert_eq!(b.shape, hash_bytes(b"X.X."));
        assert!(b.flags & ALL_CAPS != 0 && b.flags & HAS_PERIOD != 0);
        let d = attrs("1996-08-22", &c, &mut s);
        assert_eq!(d.lower, hash_bytes(b"0000-00-00"));
        assert!(d.flags & HAS_DIGIT != 0 && d.flags & HAS_HYPHEN != 0);
        let e = attrs("Zürich", &c, &mut s);
        assert_eq!(e.prefix[1], hash_bytes("zü".as_bytes()));
        assert_eq!(e.suffix[0], hash_bytes(b"h"));
        let empty = attrs("", &c, &mut s);
        assert_eq!(empty.len, 0);
    }
}
