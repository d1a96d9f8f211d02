//! First-order Viterbi over the IOB2 tags, with the transitions that IOB2
//! forbids (`O` → `I-X`, `B-X` → `I-Y`) removed: output is always well formed.

use crate::tags::{allowed, Tag, N_TAGS};

/// Transition scores: `trans[prev][next]`, with `prev == N_TAGS` the sentence start.
pub type Transitions = [[f32; N_TAGS]; N_TAGS + 1];

/// Reusable decoding buffers.
#[derive(Debug, Default)]
pub struct Decoder {
    back: Vec<[u8; N_TAGS]>,
}

impl Decoder {
    /// The best tag sequence for `emissions` (one score per tag per token), into `out`.
    pub fn viterbi(
        &mut self,
        emissions: &[[f32; N_TAGS]],
        trans: &Transitions,
        out: &mut Vec<Tag>,
    ) {
        out.clear();
        let n = emissions.len();
        if n == 0 {
            return;
        }
        // Forbidden transitions become -inf once, so the inner loop is a plain max.
        let mut t = *trans;
        for (p, row) in t.iter_mut().enumerate() {
            let prev = (p < N_TAGS).then_some(p as Tag);
            for (q, v) in row.iter_mut().enumerate() {
                if !allowed(prev, q as Tag) {
                    *v = f32::NEG_INFINITY;
                }
            }
        }
        let trans = &t;
        self.back.clear();
        self.back.resize(n, [0; N_TAGS]);
        let mut score = [f32::NEG_INFINITY; N_TAGS];
        for (t, s) in score.iter_mut().enumerate() {
            *s = trans[N_TAGS][t] + emissions[0][t];
        }
        for (i, em) in emissions.iter().enumerate().skip(1) {
            let mut next = [f32::NEG_INFINITY; N_TAGS];
            let back = &mut self.back[i];
            for t in 0..N_TAGS {
                let mut best = f32::NEG_INFINITY;
                let mut arg = 0u8;
                for p in 0..N_TAGS {
                    let s = score[p] + trans[p][t];
                    if s > best {
                        best = s;
                        arg = p as u8;
                    }
                }
                next[t] = best + em[t];
                back[t] = arg;
            }
            score = next;
        }
        let mut best = 0usize;
        for t in 1..N_TAGS {
            if score[t] > score[best] {
                best = t;
            }
        }
        out.resize(n, 0);
        let mut t = best as u8;
        for i in (0..n).rev() {
            out[i] = t;
            t = self.back[i][t as usize];
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tags::{self, O};
    use chronicle_model::EntityLabel;

    #[test]
    fn never_emits_a_stray_inside_tag() {
        // Emissions prefer I-PER everywhere; the constraint forces B-PER first.
        let mut e = [[0.0f32; N_TAGS]; 3];
        for row in &mut e {
            row[tags::inside(EntityLabel::Per) as usize] = 5.0;
        }
        let trans = [[0.0; N_TAGS]; N_TAGS + 1];
        let mut out = Vec::new();
        Decoder::default().viterbi(&e, &trans, &mut out);
        assert_eq!(out[0], tags::begin(EntityLabel::Per));
        assert_eq!(out[1], tags::inside(EntityLabel::Per));
        assert_ne!(out[0], O);
    }

    #[test]
    fn empty_input() {
        let mut out = vec![1];
        Decoder::default().viterbi(&[], &[[0.0; N_TAGS]; N_TAGS + 1], &mut out);
        assert!(out.is_empty());
    }
}
