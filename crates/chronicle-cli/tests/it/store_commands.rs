//! `chronicle ingest`, `search`, `show` and `stats`, run as the real
//! binary in a temporary directory.

use crate::common::{chronicle, last_line, stderr, stdout};
use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

fn write(dir: &Path, name: &str, bytes: &[u8]) {
    let path = dir.join(name);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, bytes).unwrap();
}

fn gz(bytes: &[u8]) -> Vec<u8> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    enc.write_all(bytes).unwrap();
    enc.finish().unwrap()
}

const SESSIONS: &str =
    "date 2017-03-02 US Attorney General Jeff Sessions met the Russian ambassador \
Sergey Kislyak twice last year, the Justice Department said on Wednesday.\n\n\
\"I never had meetings with Russian operatives,\" Sessions said in a statement.\n";

const FLOOD: &str = "date 2016-08-15\ntitle Floods in Louisiana\n\nHeavy rain flooded Baton Rouge \
on Saturday, the governor said. Thousands of people left their homes.\n";

#[test]
fn ingest_then_search_show_stats() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    write(d, "in/sessions_2017.txt", SESSIONS.as_bytes());
    write(d, "in/sub/flood.txt.gz", &gz(FLOOD.as_bytes()));
    let out = chronicle(d, &["ingest", "in"]);
    assert_eq!(
        last_line(&out),
        "ingested 2, duplicates 0, rejected 0",
        "{}",
        stderr(&out)
    );
    assert!(out.status.success());
    assert!(
        d.join("chronicle-store").is_dir(),
        "default store created on first use"
    );

    // Again: everything is a duplicate.
    let out = chronicle(d, &["ingest", "in"]);
    assert_eq!(last_line(&out), "ingested 0, duplicates 2, rejected 0");
    assert!(out.status.success());

    let out = chronicle(d, &["search", "\"Jeff Sessions\"", "--json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let hits: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(hits.as_array().unwrap().len(), 1);
    assert_eq!(hits[0]["id"], "sessions_2017");
    assert_eq!(hits[0]["date"], "2017-03-02");

    let out = chronicle(
        d,
        &[
            "search",
            "said",
            "--from",
            "2016-01-01",
            "--to",
            "2016-12-31",
            "--json",
        ],
    );
    let hits: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(hits.as_array().unwrap().len(), 1);
    assert_eq!(hits[0]["id"], "flood");
    assert_eq!(hits[0]["title"], "Floods in Louisiana");

    let out = chronicle(d, &["show", "sessions_2017", "--json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let doc: serde_json::Value = serde_json::from_str(stdout(&out).trim()).unwrap();
    assert_eq!(doc["id"], "sessions_2017");
    assert!(doc["text"]
        .as_str()
        .unwrap()
        .starts_with("US Attorney General"));
    assert!(!doc["sentences"].as_array().unwrap().is_empty());
    // Same object as `annotate --to json` gives for the same file.
    let annotated = chronicle(d, &["annotate", "in/sessions_2017.txt"]);
    let fresh: serde_json::Value = serde_json::from_str(stdout(&annotated).trim()).unwrap();
    for field in [
        "text",
        "date",
        "sentences",
        "entities",
        "timexes",
        "quotes",
        "events",
    ] {
        assert_eq!(doc[field], fresh[field], "{field}");
    }

    let out = chronicle(d, &["show", "no-such-doc"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("no-such-doc"));

    let out = chronicle(d, &["stats", "--json"]);
    let stats: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(stats["docs"], 2);
    assert_eq!(stats["unindexed"], 0);
    assert!(stats["sentences"].as_u64().unwrap() >= 4);
}

#[test]
fn bad_records_are_reported_and_the_rest_lands() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    write(d, "in/a_bad_date.txt", b"date 2017-02-30 Body text.\n");
    write(
        d,
        "in/b_bad_utf8.txt",
        b"date 2017-03-02\nfine\nbroken \xff byte\n",
    );
    write(d, "in/c_empty.txt", b"");
    write(d, "in/d_good.txt", FLOOD.as_bytes());
    write(
        d,
        "in/e_records.jsonl",
        b"{\"id\":\"j1\",\"date\":\"2017-03-02\",\"text\":\"Sessions spoke.\"}\n{\"id\": \n{\"id\":\"j3\"}\n{\"id\":\"j4\",\"text\":\"Kislyak left.\"}\n",
    );
    let lines: String = (0..4000)
        .map(|i| {
            format!(
                "{{\"id\":\"g{i}\",\"text\":\"Record number {i} of many, {}.\"}}\n",
                i * 7919 % 4001
            )
        })
        .collect();
    let full = gz(lines.as_bytes());
    write(d, "in/f_cut.jsonl.gz", &full[..full.len() * 2 / 3]);

    let out = chronicle(d, &["ingest", "--store", "st", "in"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("a_bad_date.txt:1: invalid date `2017-02-30`"),
        "{err}"
    );
    assert!(err.contains("b_bad_utf8.txt:3: invalid UTF-8"), "{err}");
    assert!(err.contains("c_empty.txt: empty file"), "{err}");
    assert!(err.contains("e_records.jsonl:2: malformed JSON"), "{err}");
    assert!(
        err.contains("e_records.jsonl:3: missing `text` field"),
        "{err}"
    );
    assert!(err.contains("f_cut.jsonl.gz: byte "), "{err}");
    let summary = last_line(&out);
    let n: u64 = summary
        .strip_prefix("ingested ")
        .and_then(|s| s.split(',').next())
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("summary: {summary}"));
    assert!(summary.ends_with(", duplicates 0, rejected 6"), "{summary}");
    // The good news file, two JSONL records and what preceded the gzip cut.
    assert!(n > 3 + 100 && n < 3 + 4000, "{summary}");
    let out = chronicle(d, &["show", "--store", "st", "j4", "--json"]);
    assert!(out.status.success());
    let out = chronicle(d, &["show", "--store", "st", "d_good", "--json"]);
    let doc: serde_json::Value = serde_json::from_str(stdout(&out).trim()).unwrap();
    assert_eq!(doc["title"], "Floods in Louisiana");
}

#[test]
fn strict_stops_at_the_first_bad_record() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    write(
        d,
        "r.jsonl",
        b"{\"id\":\"s1\",\"text\":\"First story.\"}\n{\"text\": 1}\n{\"id\":\"s3\",\"text\":\"Third story.\"}\n",
    );
    let out = chronicle(d, &["ingest", "--store", "st", "--strict", "r.jsonl"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("r.jsonl:2: `text` is not a string"),
        "{}",
        stderr(&out)
    );
    assert_eq!(last_line(&out), "ingested 1, duplicates 0, rejected 1");
    let out = chronicle(d, &["show", "--store", "st", "s3"]);
    assert_eq!(out.status.code(), Some(1), "nothing after the bad record");
}

#[test]
fn duplicates_and_replace() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    write(
        d,
        "v1/story.txt",
        b"date 2017-03-02\nThe first version of the story.\n",
    );
    write(
        d,
        "v2/story.txt",
        b"date 2017-03-02\nThe second version, corrected.\n",
    );
    write(
        d,
        "copy/other_name.txt",
        b"date 2017-03-02\nThe  first version of the story.\n",
    );
    let store = ["--store", "st"];
    let run = |args: &[&str]| chronicle(d, &[&["ingest"], &store[..], args].concat());
    assert_eq!(
        last_line(&run(&["v1"])),
        "ingested 1, duplicates 0, rejected 0"
    );
    // Same normalised text under another id.
    assert_eq!(
        last_line(&run(&["copy"])),
        "ingested 0, duplicates 1, rejected 0"
    );
    // Same id, other text.
    let out = run(&["v2"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("--replace"), "{}", stderr(&out));
    assert_eq!(last_line(&out), "ingested 0, duplicates 0, rejected 1");
    let out = run(&["--replace", "v2"]);
    assert!(out.status.success());
    assert_eq!(last_line(&out), "ingested 1, duplicates 0, rejected 0");
    let out = chronicle(d, &["show", "--store", "st", "story", "--json"]);
    let doc: serde_json::Value = serde_json::from_str(stdout(&out).trim()).unwrap();
    assert_eq!(doc["text"], "The second version, corrected.\n");
    let out = chronicle(d, &["search", "--store", "st", "first", "--json"]);
    assert_eq!(stdout(&out).trim(), "[]");
}

#[test]
fn stdin_and_env_store() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    let mut child = Command::new(env!("CARGO_BIN_EXE_chronicle"))
        .args(["ingest", "--dct", "2020-05-01", "-"])
        .current_dir(d)
        .env("CHRONICLE_STORE", d.join("envstore"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"Plain text from a pipe about the mayor of Paris.")
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(
        last_line(&out),
        "ingested 1, duplicates 0, rejected 0",
        "{}",
        stderr(&out)
    );
    let out = chronicle(d, &["show", "--store", "envstore", "stdin", "--json"]);
    let doc: serde_json::Value = serde_json::from_str(stdout(&out).trim()).unwrap();
    assert_eq!(doc["date"], "2020-05-01");
}
