//! Feature hashing: strings and feature templates become 64-bit keys, and
//! keys become rows of the weight table. No strings are kept at run time.

const K: u64 = 0x517c_c1b7_2722_0a95;

/// Hashes a byte string (FxHash-style, eight bytes at a time).
#[inline]
pub fn hash_bytes(bytes: &[u8]) -> u64 {
    let mut h: u64 = bytes.len() as u64;
    let mut chunks = bytes.chunks_exact(8);
    for c in &mut chunks {
        let mut w = [0u8; 8];
        w.copy_from_slice(c);
        h = (h.rotate_left(5) ^ u64::from_le_bytes(w)).wrapping_mul(K);
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let mut w = [0u8; 8];
        w[..rest.len()].copy_from_slice(rest);
        h = (h.rotate_left(5) ^ u64::from_le_bytes(w)).wrapping_mul(K);
    }
    h
}

/// Combines two keys (order matters).
#[inline]
pub fn mix(a: u64, b: u64) -> u64 {
    (a.rotate_left(5) ^ b).wrapping_mul(K)
}

/// A row index in a table of `2^bits` rows, from the high bits of a
/// finalised key (the high bits of a multiplicative hash are the good ones).
#[inline]
pub fn row(key: u64, bits: u32) -> u32 {
    let mut x = key;
    x ^= x >> 33;
    x = x.wrapping_mul(0xff51_afd7_ed55_8ccd);
    x ^= x >> 29;
    (x >> (64 - bits)) as u32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distinct_strings_differ() {
        assert_ne!(hash_bytes(b"Peter"), hash_bytes(b"peter"));
        assert_ne!(hash_bytes(b"abcdefgh1"), hash_bytes(b"abcdefgh2"));
        assert_ne!(mix(1, 2), mix(2, 1));
        assert!(row(hash_bytes(b"x"), 20) < (1 << 20));
    }
}
