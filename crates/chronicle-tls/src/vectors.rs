//! Sparse TF-IDF sentence vectors over one collection, unit length, so a dot
//! product is a cosine.

use std::collections::HashMap;

/// A sparse unit vector: (term id, weight), sorted by term id.
pub type SparseVec = Vec<(u32, f32)>;

/// Builds one vector per term list; document frequency is counted over the lists themselves.
pub fn tfidf(docs: &[&[String]]) -> Vec<SparseVec> {
    let mut ids: HashMap<&str, u32> = HashMap::new();
    let mut df: Vec<u32> = Vec::new();
    let mut encoded: Vec<Vec<u32>> = Vec::with_capacity(docs.len());
    for terms in docs {
        let mut row: Vec<u32> = terms
            .iter()
            .map(|t| {
                let next = ids.len() as u32;
                *ids.entry(t.as_str()).or_insert(next)
            })
            .collect();
        row.sort_unstable();
        let mut last = None;
        for &id in &row {
            if last != Some(id) {
                if id as usize >= df.len() {
                    df.resize(id as usize + 1, 0);
                }
                df[id as usize] += 1;
                last = Some(id);
            }
        }
        encoded.push(row);
    }
    let n = docs.len().max(1) as f32;
    encoded
        .into_iter()
        .map(|row| {
            let mut v: SparseVec = Vec::new();
            for id in row {
                match v.last_mut() {
                    Some((last, w)) if *last == id => *w += 1.0,
                    _ => v.push((id, 1.0)),
                }
            }
            for (id, w) in &mut v {
                let idf = (n / df[*id as usize] as f32).ln() + 1.0;
                *w = (1.0 + w.ln()) * idf;
            }
            normalise(&mut v);
            v
        })
        .collect()
}

pub fn normalise(v: &mut SparseVec) {
    let norm = v.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
    if norm > 0.0 {
        for (_, w) in v.iter_mut() {
            *w /= norm;
        }
    }
}

/// Dot product of two sorted sparse vectors.
pub fn dot(a: &SparseVec, b: &SparseVec) -> f32 {
    let (mut i, mut j, mut s) = (0, 0, 0.0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                s += a[i].1 * b[j].1;
                i += 1;
                j += 1;
            }
        }
    }
    s
}

/// The (unit) sum of several vectors.
pub fn centroid<'a>(vs: impl Iterator<Item = &'a SparseVec>) -> SparseVec {
    let mut acc: HashMap<u32, f32> = HashMap::new();
    for v in vs {
        for &(id, w) in v {
            *acc.entry(id).or_default() += w;
        }
    }
    let mut c: SparseVec = acc.into_iter().collect();
    c.sort_unstable_by_key(|&(id, _)| id);
    normalise(&mut c);
    c
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(words: &str) -> Vec<String> {
        words.split_whitespace().map(str::to_string).collect()
    }

    #[test]
    fn cosines() {
        let docs = [s("oil spill gulf"), s("oil spill gulf"), s("election vote")];
        let refs: Vec<&[String]> = docs.iter().map(Vec::as_slice).collect();
        let v = tfidf(&refs);
        assert!((dot(&v[0], &v[1]) - 1.0).abs() < 1e-5);
        assert_eq!(dot(&v[0], &v[2]), 0.0);
        let c = centroid(v.iter());
        assert!(dot(&c, &v[0]) > dot(&c, &v[2]));
    }

    #[test]
    fn empty_docs() {
        let docs: [Vec<String>; 1] = [vec![]];
        let refs: Vec<&[String]> = docs.iter().map(Vec::as_slice).collect();
        assert_eq!(tfidf(&refs), vec![vec![]]);
    }
}
