//! Integration tests of the readers over real files: directories, gzip,
//! ids, every kind of bad record, and arbitrary bytes.

use std::io::Write;
use std::ops::ControlFlow;
use std::path::{Path, PathBuf};

use chronicle_ingest::{read_paths, read_reader, Format, IngestError, ReadOptions};
use chronicle_model::Doc;
use proptest::prelude::*;

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).unwrap();
    }
    std::fs::write(&path, bytes).unwrap();
    path
}

fn gz(bytes: &[u8]) -> Vec<u8> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    enc.write_all(bytes).unwrap();
    enc.finish().unwrap()
}

fn read_all(paths: &[PathBuf], options: &ReadOptions) -> (Vec<Doc>, Vec<IngestError>) {
    let mut docs = Vec::new();
    let mut errors = Vec::new();
    let _ = read_paths(paths, options, &mut |r| {
        match r {
            Ok(d) => docs.push(d),
            Err(e) => errors.push(e),
        }
        ControlFlow::Continue(())
    });
    (docs, errors)
}

#[test]
fn news_ids_and_text() {
    let dir = tempfile::tempdir().unwrap();
    let p = write(
        dir.path(),
        "wapo_2016-10-17_x.txt",
        "\u{feff} date 2017-03-02 US Attorney General Jeff Sessions met.\n".as_bytes(),
    );
    let (docs, errors) = read_all(&[p], &ReadOptions::default());
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0].id, "wapo_2016-10-17_x");
    assert_eq!(docs[0].date.unwrap().to_string(), "2017-03-02");
    assert_eq!(docs[0].text, "US Attorney General Jeff Sessions met.\n");
}

#[test]
fn directories_recursive_hidden_and_unrecognised_skipped() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a/one.txt", b"date 2017-03-02\nOne.");
    write(
        dir.path(),
        "a/b/two.txt.gz",
        &gz(b"date 2017-03-03\ntitle T\nTwo."),
    );
    write(dir.path(), "a/.hidden.txt", b"date 2017-03-04\nHidden.");
    write(dir.path(), ".git/x.txt", b"date 2017-03-04\nHidden dir.");
    write(dir.path(), "a/README", b"not recognised");
    write(dir.path(), "a/image.png", b"\x89PNG\r\n\x1a\n\0\0\0");
    write(
        dir.path(),
        "c.jsonl",
        b"{\"text\":\"J1\"}\n\n{\"id\":\"k\",\"text\":\"J2\"}\n",
    );
    let (docs, errors) = read_all(&[dir.path().to_path_buf()], &ReadOptions::default());
    assert!(errors.is_empty(), "{errors:?}");
    let ids: Vec<_> = docs.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, vec!["two", "one", "c:1", "k"]);
    assert_eq!(docs[0].title.as_deref(), Some("T"));
    assert_eq!(docs[0].text, "Two.");

    // With --from every non-hidden file is read.
    let options = ReadOptions {
        format: Some(Format::Text),
        dct: Some("2020-01-01".parse().unwrap()),
    };
    let (docs, errors) = read_all(&[dir.path().join("a")], &options);
    let ids: Vec<_> = docs.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, vec!["README", "two", "one"]);
    assert_eq!(docs[0].date.unwrap().to_string(), "2020-01-01");
    assert_eq!(
        errors.len(),
        1,
        "the binary file is invalid UTF-8: {errors:?}"
    );
}

#[test]
fn explicit_unrecognised_file_is_text_with_dct() {
    let dir = tempfile::tempdir().unwrap();
    let p = write(dir.path(), "notes", b"Just words.\n");
    let options = ReadOptions {
        format: None,
        dct: Some("2016-07-01".parse().unwrap()),
    };
    let (docs, _) = read_all(&[p], &options);
    assert_eq!(docs[0].text, "Just words.\n");
    assert_eq!(docs[0].date.unwrap().to_string(), "2016-07-01");
}

#[test]
fn every_bad_record_is_reported_and_the_rest_lands() {
    let dir = tempfile::tempdir().unwrap();
    let paths = vec![
        write(dir.path(), "bad_date.txt", b"date 2017-02-30\nBody."),
        write(
            dir.path(),
            "bad_utf8.txt",
            b"date 2017-03-02\nline two\nbad \xff here",
        ),
        write(dir.path(), "empty.txt", b""),
        write(dir.path(), "good.txt", b"date 2017-03-02\nGood."),
        write(
            dir.path(),
            "records.jsonl",
            b"{\"text\":\"ok 1\"}\n{\"text\": oops}\n{\"id\":\"x\"}\n{\"text\":\"ok 4\"}\n",
        ),
    ];
    let lines: String = (0..3000)
        .map(|i| format!("{{\"text\":\"gz {}\"}}\n", i * 7919 % 3001))
        .collect();
    let full = gz(lines.as_bytes());
    let truncated = write(dir.path(), "cut.jsonl.gz", &full[..full.len() / 2]);
    let mut all = paths.clone();
    all.push(truncated);
    let (docs, errors) = read_all(&all, &ReadOptions::default());
    let msgs: Vec<String> = errors.iter().map(ToString::to_string).collect();
    let p = |name: &str| dir.path().join(name).display().to_string();
    assert_eq!(msgs.len(), 6, "{msgs:#?}");
    assert!(
        msgs[0].starts_with(&format!(
            "{}:1: invalid date `2017-02-30`",
            p("bad_date.txt")
        )),
        "{}",
        msgs[0]
    );
    assert!(
        msgs[1].starts_with(&format!("{}:3: invalid UTF-8", p("bad_utf8.txt"))),
        "{}",
        msgs[1]
    );
    assert_eq!(msgs[2], format!("{}: empty file", p("empty.txt")));
    assert!(
        msgs[3].starts_with(&format!("{}:2: malformed JSON", p("records.jsonl"))),
        "{}",
        msgs[3]
    );
    assert_eq!(
        msgs[4],
        format!("{}:3: missing `text` field", p("records.jsonl"))
    );
    assert!(
        msgs[5].starts_with(&format!("{}: byte ", p("cut.jsonl.gz"))),
        "{}",
        msgs[5]
    );
    assert!(msgs[5].contains("truncated"), "{}", msgs[5]);
    let texts: Vec<_> = docs.iter().map(|d| d.text.as_str()).take(3).collect();
    assert_eq!(texts, vec!["Good.", "ok 1", "ok 4"]);
    // What was read from the truncated file before the cut still lands.
    let from_gz = docs.iter().filter(|d| d.text.starts_with("gz ")).count();
    assert!(from_gz > 100 && from_gz < 3000, "{from_gz}");
}

#[test]
fn sink_can_stop_the_run() {
    let dir = tempfile::tempdir().unwrap();
    let p = write(dir.path(), "r.jsonl", &b"{\"text\":\"x\"}\n".repeat(10));
    let mut n = 0;
    let flow = read_paths(&[p], &ReadOptions::default(), &mut |_| {
        n += 1;
        if n == 3 {
            ControlFlow::Break(())
        } else {
            ControlFlow::Continue(())
        }
    });
    assert_eq!(flow, ControlFlow::Break(()));
    assert_eq!(n, 3);
}

#[test]
fn records_without_id_are_named_by_file_and_line() {
    let line = br#"{"topic": "egypt", "date": "2011-01-25", "doc_id": "138", "text": "CNN Student News ."}"#;
    let mut docs = Vec::new();
    let _ = read_reader(
        "dir/articles.jsonl.gz",
        "articles.jsonl.gz",
        &gz(line)[..],
        true,
        true,
        &ReadOptions::default(),
        &mut |r| {
            docs.push(r.unwrap());
            ControlFlow::Continue(())
        },
    );
    assert_eq!(docs[0].id, "articles:1");
    assert_eq!(docs[0].date.unwrap().to_string(), "2011-01-25");
}

fn any_format() -> impl Strategy<Value = Option<Format>> {
    prop_oneof![
        Just(None),
        proptest::sample::select(Format::ALL.to_vec()).prop_map(Some)
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// No input makes a reader panic; every document it yields is non-empty.
    #[test]
    fn any_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..400),
                             format in any_format(), gzip in any::<bool>()) {
        let options = ReadOptions { format, dct: None };
        let input = if gzip { gz(&bytes) } else { bytes.clone() };
        let _ = read_reader("in", if gzip { "in.gz" } else { "in" }, &input[..], gzip, true, &options, &mut |r| {
            if let Ok(doc) = r {
                assert!(!doc.id.is_empty());
            }
            ControlFlow::Continue(())
        });
    }

    /// Text that looks like the formats, mutated.
    #[test]
    fn format_like_text_never_panics(
        head in prop_oneof![Just("date "), Just("{\"text\":"), Just("<TimeML><TEXT>"), Just("-DOCSTART- -X- O\n"), Just("")],
        body in "\\PC{0,120}",
        format in any_format()) {
        let input = format!("{head}{body}");
        let options = ReadOptions { format, dct: None };
        let _ = read_reader("in", "in", input.as_bytes(), false, true, &options, &mut |_| ControlFlow::Continue(()));
    }
}
