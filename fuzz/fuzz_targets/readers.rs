//! Any bytes through every format reader (forced or detected, plain or
//! gzip) and the MEANTIME gold reader: readers may reject input, never panic.
//!
//! Run: `cargo +nightly fuzz run readers` from the repository root.
#![no_main]

use std::ops::ControlFlow;

use chronicle_ingest::{read_reader, Format, ReadOptions};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&selector, bytes)) = data.split_first() else {
        return;
    };
    let format = match selector % 6 {
        0 => None,
        n => Some(Format::ALL[usize::from(n - 1)]),
    };
    let gz = selector & 0x80 != 0;
    let name = if gz { "input.gz" } else { "input" };
    let options = ReadOptions { format, dct: None };
    let _ = read_reader("input", name, bytes, gz, true, &options, &mut |record| {
        if let Ok(doc) = record {
            assert!(!doc.id.is_empty());
        }
        ControlFlow::Continue(())
    });
    if let Ok(text) = std::str::from_utf8(bytes) {
        if let Ok(file) = chronicle_ingest::cat::read_cat("input", text) {
            for t in &file.timexes {
                assert!(file.doc.text.get(t.span.range()).is_some());
            }
        }
    }
});
