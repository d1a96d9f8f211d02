//! The trained model: word clusters and one or two quantised weight tables
//! (first pass; second pass with document hints). Stored as a small binary
//! format inside gzip; weights are 16-bit with one scale per table, and
//! only non-zero rows are written (a bitmap says which), so the file is
//! small and loads in one pass.

use std::io::{Read, Write};

use crate::clusters::Clusters;
use crate::decode::Transitions;
use crate::gazetteer::Gazetteer;
use crate::tags::N_TAGS;
use crate::NerError;

const MAGIC: &[u8; 8] = b"CHRNER03";

/// Lanes per stored row: one per tag but `O`. Only differences between
/// tags at a token matter to Viterbi, so each feature's `O` weight is
/// subtracted from its other weights and `O` scores 0: a row is then 16
/// bytes, four to a cache line, and scoring is memory-bound on rows.
pub const LANES: usize = N_TAGS - 1;

/// One quantised weight table.
#[derive(Debug, Clone)]
pub struct Table {
    /// One row per hashed feature; lanes past `N_TAGS` are zero.
    pub weights: Vec<[i16; LANES]>,
    /// Transitions, already divided by the scale.
    pub trans: Transitions,
    /// Real weight = quantised / scale.
    pub scale: f32,
}

impl Table {
    /// Quantises real-valued weights.
    pub fn quantise(weights: &[f32], trans: &Transitions) -> Table {
        let diff = |w: &[f32], k: usize| w[k + 1] - w[0];
        let max = weights
            .chunks_exact(N_TAGS)
            .flat_map(|w| (0..LANES).map(move |k| diff(w, k).abs()))
            .fold(0f32, f32::max)
            .max(1e-6);
        let scale = 32000.0 / max;
        let q = weights
            .chunks_exact(N_TAGS)
            .map(|w| {
                let mut row = [0i16; LANES];
                for (k, r) in row.iter_mut().enumerate() {
                    *r = (diff(w, k) * scale).round().clamp(-32767.0, 32767.0) as i16;
                }
                row
            })
            .collect();
        let mut t = *trans;
        for row in &mut t {
            for v in row.iter_mut() {
                // Keep transitions on the same integer grid as the emissions.
                *v = (*v * scale).round() / scale;
            }
        }
        Table {
            weights: q,
            trans: t,
            scale,
        }
    }

    /// Adds the rows' weights into `out` (one score per tag).
    #[inline]
    pub fn score(&self, rows: &[u32], out: &mut [f32; N_TAGS]) {
        let mut acc = [0i32; LANES];
        for &r in rows {
            if let Some(w) = self.weights.get(r as usize) {
                for k in 0..LANES {
                    acc[k] += i32::from(w[k]);
                }
            }
        }
        let inv = 1.0 / self.scale;
        out[0] = 0.0;
        for k in 0..LANES {
            out[k + 1] = acc[k] as f32 * inv;
        }
    }
}

/// Everything the tagger needs.
#[derive(Debug, Clone)]
pub struct Model {
    /// log2 of the number of rows in each table.
    pub bits: u32,
    pub clusters: Clusters,
    pub gazetteer: Gazetteer,
    pub pass1: Table,
    pub pass2: Option<Table>,
}

impl Model {
    /// Writes the model, gzip-compressed.
    ///
    /// # Errors
    /// When writing fails.
    pub fn write_gz(&self, w: impl Write) -> std::io::Result<()> {
        let mut gz = flate2::write::GzEncoder::new(w, flate2::Compression::best());
        let mut buf: Vec<u8> = Vec::new();
        buf.extend_from_slice(MAGIC);
        buf.extend_from_slice(&self.bits.to_le_bytes());
        let entries = self.clusters.entries();
        buf.extend_from_slice(&(entries.len() as u32).to_le_bytes());
        for (k, b, d) in entries {
            buf.extend_from_slice(&k.to_le_bytes());
            buf.extend_from_slice(&b.to_le_bytes());
            buf.push(d);
        }
        let gaz = self.gazetteer.entries();
        buf.extend_from_slice(&(gaz.len() as u32).to_le_bytes());
        for (k, m) in gaz {
            buf.extend_from_slice(&k.to_le_bytes());
            buf.push(m);
        }
        let tables: Vec<&Table> = std::iter::once(&self.pass1)
            .chain(self.pass2.as_ref())
            .collect();
        buf.push(tables.len() as u8);
        for t in tables {
            buf.extend_from_slice(&t.scale.to_le_bytes());
            for row in &t.trans {
                for v in row {
                    buf.extend_from_slice(&v.to_le_bytes());
                }
            }
            let rows = t.weights.len();
            let mut bitmap = vec![0u8; rows.div_ceil(8)];
            for r in 0..rows {
                if t.weights[r].iter().any(|&x| x != 0) {
                    bitmap[r / 8] |= 1 << (r % 8);
                }
            }
            buf.extend_from_slice(&bitmap);
            // Column-major within the kept rows: values of one tag compress together.
            let kept: Vec<usize> = (0..rows)
                .filter(|r| bitmap[r / 8] & (1 << (r % 8)) != 0)
                .collect();
            for k in 0..LANES {
                for &r in &kept {
                    buf.extend_from_slice(&t.weights[r][k].to_le_bytes());
                }
            }
        }
        gz.write_all(&buf)?;
        gz.finish()?;
        Ok(())
    }

    /// Reads a gzip-compressed model.
    ///
    /// # Errors
    /// When the bytes are not a model this version can read.
    pub fn read_gz(bytes: &[u8]) -> Result<Model, NerError> {
        let mut raw = Vec::with_capacity(bytes.len() * 3);
        flate2::read::GzDecoder::new(bytes)
            .read_to_end(&mut raw)
            .map_err(|e| NerError::Model(format!("decompressing: {e}")))?;
        let mut r = Reader { buf: &raw, pos: 0 };
        if r.take(8)? != MAGIC {
            return Err(NerError::Model("not a chronicle NER model".into()));
        }
        let bits = r.u32()?;
        if !(8..=26).contains(&bits) {
            return Err(NerError::Model(format!("bad table size 2^{bits}")));
        }
        let n_clusters = r.u32()? as usize;
        let mut entries = Vec::with_capacity(n_clusters.min(1 << 24));
        for _ in 0..n_clusters {
            let k = r.u64()?;
            let b = r.u32()?;
            let d = r.take(1)?[0];
            entries.push((k, b, d));
        }
        let clusters = Clusters::from_entries(entries.into_iter());
        let n_gaz = r.u32()? as usize;
        let mut gaz = Vec::with_capacity(n_gaz.min(1 << 24));
        for _ in 0..n_gaz {
            let k = r.u64()?;
            let m = r.take(1)?[0];
            gaz.push((k, m));
        }
        let gazetteer = Gazetteer::from_entries(gaz.into_iter());
        let n_tables = r.take(1)?[0];
        if !(1..=2).contains(&n_tables) {
            return Err(NerError::Model(format!("bad table count {n_tables}")));
        }
        let rows = 1usize << bits;
        let mut tables = Vec::new();
        for _ in 0..n_tables {
            let scale = r.f32()?;
            let mut trans = [[0f32; N_TAGS]; N_TAGS + 1];
            for row in &mut trans {
                for v in row.iter_mut() {
                    *v = r.f32()?;
                }
            }
            let bitmap = r.take(rows.div_ceil(8))?;
            let kept: Vec<usize> = (0..rows)
                .filter(|r| bitmap[r / 8] & (1 << (r % 8)) != 0)
                .collect();
            let mut weights = vec![[0i16; LANES]; rows];
            let data = r.take(kept.len() * LANES * 2)?;
            // Column k holds lane k of every kept row, in row order.
            for (k, column) in data
                .chunks_exact(kept.len().max(1) * 2)
                .enumerate()
                .take(LANES)
            {
                for (&row, c) in kept.iter().zip(column.chunks_exact(2)) {
                    weights[row][k] = i16::from_le_bytes([c[0], c[1]]);
                }
            }
            if !(scale.is_finite() && scale > 0.0) {
                return Err(NerError::Model("bad scale".into()));
            }
            tables.push(Table {
                weights,
                trans,
                scale,
            });
        }
        let mut tables = tables.into_iter();
        let pass1 = tables
            .next()
            .ok_or_else(|| NerError::Model("no weight table".into()))?;
        Ok(Model {
            bits,
            clusters,
            gazetteer,
            pass1,
            pass2: tables.next(),
        })
    }
}

struct Reader<'a> {
    buf: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], NerError> {
        let end = self.pos.checked_add(n).filter(|&e| e <= self.buf.len());
        match end {
            Some(e) => {
                let s = &self.buf[self.pos..e];
                self.pos = e;
                Ok(s)
            }
            None => Err(NerError::Model("truncated model".into())),
        }
    }
    fn u32(&mut self) -> Result<u32, NerError> {
        let b = self.take(4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }
    fn f32(&mut self) -> Result<f32, NerError> {
        Ok(f32::from_bits(self.u32()?))
    }
    fn u64(&mut self) -> Result<u64, NerError> {
        let lo = u64::from(self.u32()?);
        let hi = u64::from(self.u32()?);
        Ok(lo | hi << 32)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip() {
        let bits = 8;
        let mut w = vec![0f32; (1 << bits) * N_TAGS];
        w[5 * N_TAGS + 2] = 1.5;
        w[200 * N_TAGS + 8] = -0.25;
        let mut trans = [[0f32; N_TAGS]; N_TAGS + 1];
        trans[N_TAGS][1] = 0.5;
        let mut clusters = Clusters::default();
        clusters.insert("Paris", 0b1011, 4);
        let m = Model {
            bits,
            clusters,
            gazetteer: Gazetteer::default(),
            pass1: Table::quantise(&w, &trans),
            pass2: None,
        };
        let mut out = Vec::new();
        m.write_gz(&mut out).unwrap();
        let back = Model::read_gz(&out).unwrap();
        assert_eq!(back.pass1.weights, m.pass1.weights);
        assert_eq!(back.clusters.get("Paris"), Some((0b1011, 4)));
        assert!(back.pass2.is_none());
        let mut s = [0f32; N_TAGS];
        back.pass1.score(&[5, 200], &mut s);
        assert!((s[2] - 1.5).abs() < 1e-3 && (s[8] + 0.25).abs() < 1e-3);
        assert!(Model::read_gz(b"garbage").is_err());
        assert!(Model::read_gz(&out[..out.len() / 2]).is_err());
    }
}
