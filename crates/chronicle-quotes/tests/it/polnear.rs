//! Golden checks on real PolNeAR train articles (skipped when the corpus is
//! absent): the direct quotes at the given character offsets get the given
//! speakers. Offsets are those of the gold `Content` spans in the `.ann` files.

use chronicle_model::{Doc, Stage};

const TRAIN: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../../shared/data/polnear/train/text"
);

fn annotate(file: &str) -> Option<Doc> {
    let path = format!("{TRAIN}/{file}");
    let Ok(text) = std::fs::read_to_string(&path) else {
        println!("SKIP: {path} not found");
        return None;
    };
    let mut doc = Doc::new(file, None, text);
    chronicle_text::Segmenter.annotate(&mut doc);
    chronicle_quotes::AttributionStage.annotate(&mut doc);
    Some(doc)
}

/// The speaker of the quote overlapping character range `start..end`.
fn speaker_at(doc: &Doc, start: usize, end: usize) -> Option<String> {
    let offsets = chronicle_model::CharOffsets::new(&doc.text);
    doc.quotes
        .iter()
        .find(|q| {
            let (a, b) = offsets.span(q.span);
            (a as usize) < end && start < b as usize
        })
        .map(|q| q.speaker.clone().unwrap_or_else(|| "-".into()))
}

fn check(file: &str, cases: &[(usize, usize, &str)]) {
    let Some(doc) = annotate(file) else { return };
    for &(start, end, want) in cases {
        assert_eq!(
            speaker_at(&doc, start, end).as_deref(),
            Some(want),
            "{file} {start}..{end}"
        );
    }
}

#[test]
fn wash_post_caught_fibbing() {
    check(
        "wash-post_2015-11-10_caught-fibbing-these-gop-candida.txt",
        &[
            (133, 310, "Donald Trump"),
            (601, 660, "Ben Carson"),
            (2994, 3033, "Donald Trump"),
            (3220, 3246, "Becky Quick"),
            (3821, 3888, "Ben Carson"),
            (4806, 4990, "Carly Fiorina"),
        ],
    );
}

#[test]
fn politico_paul_ryan_not_ready() {
    check(
        "politico_2016-05-05_paul-ryan-says-he-s-not-ready-to.txt",
        &[
            (395, 611, "Paul Ryan"),
            (4609, 4672, "Sean Spicer"),
            (4757, 4802, "Sean Spicer"),
            (4842, 5228, "Reince Priebus"),
            (5511, 5996, "Tom Rath"),
            (6792, 7110, "Bruce Hough"),
        ],
    );
}
