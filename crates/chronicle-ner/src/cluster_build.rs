//! Deriving word clusters from unlabelled text: each frequent word gets a
//! vector of its (positive PMI-weighted) neighbours at ±1 and ±2, randomly
//! projected to a small dense vector; the words are then clustered by
//! spherical k-means at three granularities (64, 256, 1024 clusters).
//! Top-down bisection was tried first and split near-synonyms at the root.

use std::collections::HashMap;

use crate::clusters::Clusters;
use crate::rng::Rng;

/// Cluster-building settings.
#[derive(Debug, Clone, Copy)]
pub struct ClusterOptions {
    pub min_count: u32,
    pub max_vocab: usize,
    pub context_words: usize,
    pub dims: usize,
    pub kmeans_iters: usize,
    pub seed: u64,
}

impl Default for ClusterOptions {
    fn default() -> Self {
        ClusterOptions {
            min_count: 3,
            max_vocab: 80_000,
            context_words: 1000,
            dims: 96,
            kmeans_iters: 8,
            seed: 1,
        }
    }
}

/// Builds clusters from texts given as token streams (one per document).
pub fn build(streams: &[Vec<String>], opts: ClusterOptions) -> Clusters {
    // Intern words; u32::MAX separates documents.
    let mut ids: HashMap<&str, u32> = HashMap::new();
    let mut words: Vec<&str> = Vec::new();
    let mut seq: Vec<u32> = Vec::new();
    for s in streams {
        for w in s {
            let id = *ids.entry(w.as_str()).or_insert_with(|| {
                words.push(w.as_str());
                (words.len() - 1) as u32
            });
            seq.push(id);
        }
        seq.push(u32::MAX);
    }
    let mut counts = vec![0u32; words.len()];
    for &id in &seq {
        if id != u32::MAX {
            counts[id as usize] += 1;
        }
    }
    let mut by_freq: Vec<u32> = (0..words.len() as u32).collect();
    by_freq.sort_by(|&a, &b| {
        counts[b as usize]
            .cmp(&counts[a as usize])
            .then(words[a as usize].cmp(words[b as usize]))
    });
    let vocab: Vec<u32> = by_freq
        .iter()
        .copied()
        .filter(|&i| counts[i as usize] >= opts.min_count)
        .take(opts.max_vocab)
        .collect();
    let mut vocab_index = vec![u32::MAX; words.len()];
    for (k, &i) in vocab.iter().enumerate() {
        vocab_index[i as usize] = k as u32;
    }
    // Context classes: the most frequent words, then "rare capitalised",
    // "rare other" and "boundary".
    let c = opts.context_words;
    let per_pos = c + 3;
    let mut ctx_of = vec![u32::MAX; words.len()];
    for (k, &i) in by_freq.iter().take(c).enumerate() {
        ctx_of[i as usize] = k as u32;
    }
    let ctx = |id: u32| -> u32 {
        if id == u32::MAX {
            (c + 2) as u32
        } else if ctx_of[id as usize] != u32::MAX {
            ctx_of[id as usize]
        } else if words[id as usize].starts_with(char::is_uppercase) {
            c as u32
        } else {
            (c + 1) as u32
        }
    };
    let mut pairs: Vec<u64> = Vec::with_capacity(seq.len() * 4);
    for (p, &id) in seq.iter().enumerate() {
        if id == u32::MAX || vocab_index[id as usize] == u32::MAX {
            continue;
        }
        let v = u64::from(vocab_index[id as usize]) << 32;
        for (slot, off) in [-2isize, -1, 1, 2].into_iter().enumerate() {
            let q = p as isize + off;
            let nid = if q < 0 || q as usize >= seq.len() {
                u32::MAX
            } else {
                seq[q as usize]
            };
            pairs.push(v | ((slot * per_pos) as u64 + u64::from(ctx(nid))));
        }
    }
    pairs.sort_unstable();
    let dim_ctx = 4 * per_pos;
    let mut ctx_total = vec![0f64; dim_ctx];
    let mut word_total = vec![0f64; vocab.len()];
    let mut runs: Vec<(u32, u32, f64)> = Vec::new();
    let mut i = 0;
    while i < pairs.len() {
        let mut j = i;
        while j < pairs.len() && pairs[j] == pairs[i] {
            j += 1;
        }
        let w = (pairs[i] >> 32) as u32;
        let cx = (pairs[i] & 0xFFFF_FFFF) as u32;
        let n = (j - i) as f64;
        ctx_total[cx as usize] += n;
        word_total[w as usize] += n;
        runs.push((w, cx, n));
        i = j;
    }
    drop(pairs);
    let smoothed: Vec<f64> = ctx_total.iter().map(|&n| n.powf(0.75)).collect();
    let smoothed_sum: f64 = smoothed.iter().sum::<f64>().max(1.0);
    let mut rng = Rng::new(opts.seed);
    let d = opts.dims;
    let proj: Vec<f32> = (0..dim_ctx * d)
        .map(|_| rng.next_f32() * 2.0 - 1.0)
        .collect();
    let mut emb = vec![0f32; vocab.len() * d];
    for &(w, cx, n) in &runs {
        let pc = smoothed[cx as usize] / smoothed_sum;
        let pmi = (n / (word_total[w as usize] * pc)).ln();
        if pmi <= 0.0 {
            continue;
        }
        let e = &mut emb[w as usize * d..(w as usize + 1) * d];
        let r = &proj[cx as usize * d..(cx as usize + 1) * d];
        for k in 0..d {
            e[k] += pmi as f32 * r[k];
        }
    }
    for row in emb.chunks_exact_mut(d) {
        let norm = row.iter().map(|x| x * x).sum::<f32>().sqrt().max(1e-9);
        row.iter_mut().for_each(|x| *x /= norm);
    }
    if std::env::var_os("NER_CLUSTER_DEBUG").is_some() {
        let find = |w: &str| vocab.iter().position(|&i| words[i as usize] == w);
        let v = |k: usize| &emb[k * d..(k + 1) * d];
        let cos = |a: usize, b: usize| v(a).iter().zip(v(b)).map(|(x, y)| x * y).sum::<f32>();
        for (a, b) in [
            ("Monday", "Tuesday"),
            ("Monday", "the"),
            ("Paris", "London"),
            ("Paris", "said"),
            ("the", "a"),
        ] {
            if let (Some(x), Some(y)) = (find(a), find(b)) {
                eprintln!("cos({a},{b}) = {}", cos(x, y));
            }
        }
    }
    // Flat spherical k-means at three granularities; a word's code packs
    // the three cluster ids (coarse, middle, fine).
    let mut ids = vec![0u32; vocab.len()];
    for (shift, k) in [(18u32, 64usize), (10, 256), (0, 1024)] {
        let assign = kmeans(&emb, d, k, opts.kmeans_iters, &mut rng);
        for (w, a) in ids.iter_mut().zip(assign) {
            *w |= a << shift;
        }
    }
    let mut out = Clusters::default();
    for (k, &i) in vocab.iter().enumerate() {
        out.insert(words[i as usize], ids[k], CODE_BITS);
    }
    out
}

/// Bits of a packed cluster code: ids of 6, 8 and 10 bits.
pub const CODE_BITS: u8 = 24;

/// The three cluster ids of a packed code.
pub fn code_ids(code: u32) -> [u32; 3] {
    [code >> 18, (code >> 10) & 0xFF, code & 0x3FF]
}

/// Spherical k-means (dot product on unit vectors), centroids seeded with
/// randomly chosen words.
fn kmeans(emb: &[f32], d: usize, k: usize, iters: usize, rng: &mut Rng) -> Vec<u32> {
    let n = emb.len() / d;
    if n == 0 {
        return Vec::new();
    }
    let k = k.min(n);
    let mut cent = vec![0f32; k * d];
    for c in 0..k {
        let w = (rng.next_u64() % n as u64) as usize;
        cent[c * d..(c + 1) * d].copy_from_slice(&emb[w * d..(w + 1) * d]);
    }
    let mut assign = vec![0u32; n];
    for _ in 0..iters {
        for (w, a) in assign.iter_mut().enumerate() {
            let v = &emb[w * d..(w + 1) * d];
            let mut best = f32::NEG_INFINITY;
            for c in 0..k {
                let s: f32 = cent[c * d..(c + 1) * d]
                    .iter()
                    .zip(v)
                    .map(|(x, y)| x * y)
                    .sum();
                if s > best {
                    best = s;
                    *a = c as u32;
                }
            }
        }
        cent.iter_mut().for_each(|x| *x = 0.0);
        for (w, &a) in assign.iter().enumerate() {
            let c = &mut cent[a as usize * d..(a as usize + 1) * d];
            for (x, y) in c.iter_mut().zip(&emb[w * d..(w + 1) * d]) {
                *x += y;
            }
        }
        for c in cent.chunks_exact_mut(d) {
            let norm = c.iter().map(|x| x * x).sum::<f32>().sqrt();
            if norm > 0.0 {
                c.iter_mut().for_each(|x| *x /= norm);
            }
        }
    }
    assign
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn similar_contexts_share_clusters() {
        let mut streams = Vec::new();
        for i in 0..60 {
            let city = ["Paris", "London", "Berlin"][i % 3];
            let name = ["Smith", "Jones", "Brown"][i % 3];
            streams.push(
                format!("he flew to {city} on monday . mr {name} said it was fine .")
                    .split(' ')
                    .map(str::to_string)
                    .collect(),
            );
        }
        let c = build(
            &streams,
            ClusterOptions {
                min_count: 1,
                ..ClusterOptions::default()
            },
        );
        let id = |w: &str| code_ids(c.get(w).unwrap().0)[0];
        assert_eq!(id("Paris"), id("London"));
        assert_ne!(id("Paris"), id("Smith"));
    }
}
