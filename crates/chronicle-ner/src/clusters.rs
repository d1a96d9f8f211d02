//! Word clusters: each known word has a path in a binary tree of words that
//! occur in similar contexts (as Brown clusters do), so path prefixes give
//! features at several granularities. The tree is derived by `train` from
//! unlabelled news text; only hashed words and their paths are stored.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use crate::hash::hash_bytes;

/// Keys are already hashes: pass them through.
#[derive(Debug, Default, Clone, Copy)]
pub struct IdentityHasher(u64);

impl Hasher for IdentityHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        self.0 = hash_bytes(bytes);
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

pub type KeyMap<V> = HashMap<u64, V, BuildHasherDefault<IdentityHasher>>;

/// Word → (path bits, path length). The path's first step is its highest bit.
#[derive(Debug, Default, Clone)]
pub struct Clusters {
    map: KeyMap<(u32, u8)>,
}

impl Clusters {
    pub fn len(&self) -> usize {
        self.map.len()
    }

    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }

    pub fn insert(&mut self, word: &str, bits: u32, depth: u8) {
        self.map
            .insert(hash_bytes(word.as_bytes()), (bits, depth.min(32)));
    }

    #[inline]
    pub fn get(&self, word: &str) -> Option<(u32, u8)> {
        self.map.get(&hash_bytes(word.as_bytes())).copied()
    }

    /// Entries sorted by key, so that the model file is reproducible.
    pub(crate) fn entries(&self) -> Vec<(u64, u32, u8)> {
        let mut v: Vec<(u64, u32, u8)> = self.map.iter().map(|(&k, &(b, d))| (k, b, d)).collect();
        v.sort_unstable();
        v
    }

    pub(crate) fn from_entries(entries: impl Iterator<Item = (u64, u32, u8)>) -> Clusters {
        let mut map = KeyMap::default();
        for (k, b, d) in entries {
            map.insert(k, (b, d));
        }
        Clusters { map }
    }
}
