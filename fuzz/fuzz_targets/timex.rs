//! Any bytes as text (lossy UTF-8) with any document date, or none, through
//! the temporal tagger: it may find nothing, never panic, and every timex it
//! returns lies on char boundaries inside the text, in order.
//!
//! Run: `RUSTC_BOOTSTRAP=1 cargo fuzz run timex` from the repository root.
#![no_main]

use chronicle_model::Date;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // The first four bytes pick the date (or none); the rest is the text.
    let Some((head, body)) = data.split_first_chunk::<4>() else {
        return;
    };
    let dct = if head[0] & 1 == 0 {
        None
    } else {
        let year = 1 + i16::from_le_bytes([head[1], head[2]]).rem_euclid(9999);
        let month = 1 + (head[3] % 12) as i8;
        let day = 1 + ((head[0] >> 1) % 31) as i8;
        Date::new(year, month, day).ok()
    };
    let text = String::from_utf8_lossy(body);
    let timexes = chronicle_timex::tag_text(&text, dct);
    let mut prev_end = 0;
    for t in &timexes {
        let r = t.span.range();
        assert!(r.start <= r.end && r.end <= text.len());
        assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
        assert!(r.start >= prev_end, "timexes overlap or are unsorted");
        assert!(!t.value.is_empty());
        prev_end = r.end;
    }
});
