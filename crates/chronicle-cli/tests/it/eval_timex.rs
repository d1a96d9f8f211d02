//! `chronicle eval timeml` with `--system` and `--audit`, and `chronicle eval
//! meantime`, end to end.

use std::path::Path;

use crate::common::{chronicle, stderr, stdout};

const GOLD: &str = r#"<?xml version="1.0" ?>
<TimeML>
<DOCID>a</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2017-03-02" functionInDocument="CREATION_TIME">2017-03-02</TIMEX3></DCT>
<TEXT>
Sessions met the ambassador <TIMEX3 tid="t1" type="DATE" value="2016-07">in July</TIMEX3> and <TIMEX3 tid="t2" type="DATE" value="2016-09">September</TIMEX3> <TIMEX3 tid="t3" type="DATE" value="2016">last year</TIMEX3>, and resigned <TIMEX3 tid="t4" type="DATE" value="2017-03-01">late on Wednesday</TIMEX3> &amp; left.
</TEXT>
</TimeML>
"#;

fn write(path: &Path, content: &str) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, content).unwrap();
}

/// Runs `chronicle ARGS` (paths as arguments), asserts it succeeded and
/// returns its stdout.
fn ok(cwd: &Path, args: &[&dyn AsRef<std::ffi::OsStr>]) -> String {
    let args: Vec<&str> = args.iter().map(|a| a.as_ref().to_str().unwrap()).collect();
    let o = chronicle(cwd, &args);
    assert!(o.status.success(), "{args:?}: {}", stderr(&o));
    stdout(&o)
}

#[test]
fn our_timeml_output_scored_as_a_system_matches_the_direct_score() {
    let dir = tempfile::tempdir().unwrap();
    let cwd = dir.path();
    let (gold, ours) = (cwd.join("gold"), cwd.join("ours"));
    write(&gold.join("news/a.tml"), GOLD);
    ok(
        cwd,
        &[
            &"annotate",
            &"--from",
            &"timeml",
            &"--to",
            &"timeml",
            &"--out",
            &ours,
            &gold,
        ],
    );

    let direct = ok(cwd, &[&"eval", &"timeml", &gold]);
    let as_system = ok(cwd, &[&"eval", &"timeml", &gold, &"--system", &ours]);
    assert_eq!(direct, as_system);
    assert!(direct.lines().any(|l| l.starts_with("news ")), "{direct}");

    // A system file over another text is refused, naming the file.
    write(&ours.join("news/a.tml"), &GOLD.replace("resigned", "quit"));
    let args = [
        "eval",
        "timeml",
        gold.to_str().unwrap(),
        "--system",
        ours.to_str().unwrap(),
    ];
    let refused = chronicle(cwd, &args);
    assert!(!refused.status.success());
    let err = stderr(&refused);
    assert!(
        err.contains("a.tml") && err.contains("differs from the gold text"),
        "{err}"
    );
}

const CAT: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<Document doc_id="9" doc_name="x" url="http://example.org">
<token number="0" sentence="0" t_id="1">Apple</token>
<token number="1" sentence="0" t_id="2">sues</token>
<token number="0" sentence="1" t_id="3">May</token>
<token number="1" sentence="1" t_id="4">7</token>
<token number="2" sentence="1" t_id="5">,</token>
<token number="3" sentence="1" t_id="6">2005</token>
<token number="0" sentence="2" t_id="7">It</token>
<token number="1" sentence="2" t_id="8">sued</token>
<token number="2" sentence="2" t_id="9">on</token>
<token number="3" sentence="2" t_id="10">Friday</token>
<token number="4" sentence="2" t_id="11">.</token>
<Markables>
<TIMEX3 m_id="1" type="DATE" value="2005-05-07" functionInDocument="CREATION_TIME">
<token_anchor t_id="3"/><token_anchor t_id="4"/><token_anchor t_id="5"/><token_anchor t_id="6"/>
</TIMEX3>
<TIMEX3 m_id="2" type="DATE" value="2005-05-06">
<token_anchor t_id="10"/>
</TIMEX3>
</Markables>
</Document>
"#;

#[test]
fn meantime_scores_and_writes_its_gold_as_timeml() {
    let dir = tempfile::tempdir().unwrap();
    let cwd = dir.path();
    let (data, tml) = (cwd.join("meantime"), cwd.join("tml"));
    write(&data.join("intra-doc_annotation/corpus_x/9.xml"), CAT);
    let report = ok(cwd, &[&"eval", &"meantime", &data, &"--timeml-out", &tml]);
    // One document, one gold timex, found with its value: F1 100 throughout.
    let perfect = |report: &str| {
        report.lines().any(|l| {
            l.starts_with("corpus_x ")
                && l.split_whitespace().nth(1) == Some("1")
                && l.ends_with("100.00  100.00")
        })
    };
    assert!(perfect(&report), "{report}");

    let written = std::fs::read_to_string(tml.join("corpus_x/9.tml")).unwrap();
    assert!(written.contains(r#"value="2005-05-07""#), "{written}");
    let friday = r#"<TIMEX3 tid="t1" type="DATE" value="2005-05-06">Friday</TIMEX3>"#;
    assert!(written.contains(friday), "{written}");
    let again = ok(cwd, &[&"eval", &"timeml", &tml]);
    assert!(perfect(&again), "{again}");

    let nowhere = cwd.join("nowhere");
    let missing = chronicle(cwd, &["eval", "meantime", nowhere.to_str().unwrap()]);
    assert!(!missing.status.success());
    assert!(stderr(&missing).contains("nowhere"), "{}", stderr(&missing));
}

/// A TimeML file dated 2017-03-02 whose one timex is "last week" with `value`.
fn last_week(value: &str) -> String {
    format!(
        r#"<TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="2017-03-02" functionInDocument="CREATION_TIME">2017-03-02</TIMEX3></DCT>
<TEXT>Prices fell <TIMEX3 tid="t1" type="DATE" value="{value}">last week</TIMEX3>.</TEXT></TimeML>"#
    )
}

#[test]
fn audit_sets_aside_what_the_gold_contradicts_and_scores_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    let cwd = dir.path();
    let gold = cwd.join("gold");
    write(&gold.join("news/a.tml"), &last_week("2017-W08"));
    write(&gold.join("news/b.tml"), &last_week("2017-W08"));
    // A one-digit week: malformed, and a minority reading of "last week".
    write(&gold.join("news/c.tml"), &last_week("2017-W8"));
    let report = ok(cwd, &[&"eval", &"timeml", &gold, &"--audit"]);
    let count = |label: &str| {
        report
            .lines()
            .find(|l| l.trim_start().starts_with(label))
            .and_then(|l| l.split_whitespace().last())
            .map(str::to_string)
    };
    assert_eq!(count("malformed value").as_deref(), Some("1"), "{report}");
    assert_eq!(count("minority reading").as_deref(), Some("0"), "{report}");
    assert!(report.contains("last week"), "{report}");
    // All gold: 3 timexes, 2 values right. Consistent gold: 2 of 2.
    let overall: Vec<&str> = report
        .lines()
        .filter(|l| l.starts_with("overall"))
        .collect();
    assert_eq!(overall.len(), 2, "{report}");
    assert_eq!(overall[0].split_whitespace().nth(2), Some("3"), "{report}");
    assert!(!overall[0].ends_with("100.00  100.00"), "{report}");
    assert_eq!(overall[1].split_whitespace().nth(2), Some("2"), "{report}");
    assert!(overall[1].ends_with("100.00  100.00"), "{report}");
}

#[test]
fn news_text_to_timeml_writes_one_file_per_document() {
    let dir = tempfile::tempdir().unwrap();
    let cwd = dir.path();
    let article = "date 2017-03-02 Sessions met the ambassador in July and September last year.\n";
    write(&cwd.join("in/sessions.txt"), article);
    write(&cwd.join("in/again/sessions.txt"), article);
    let out = cwd.join("out");
    let o = chronicle(
        cwd,
        &[
            "annotate",
            "--to",
            "timeml",
            "--out",
            out.to_str().unwrap(),
            cwd.join("in").to_str().unwrap(),
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let mut names: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["sessions-2.tml", "sessions.tml"]);
    let xml = std::fs::read_to_string(out.join("sessions.tml")).unwrap();
    assert!(xml.contains(r#"value="2017-03-02""#), "{xml}");
    assert!(xml.contains(r#"value="2016-07">July</TIMEX3>"#), "{xml}");
    // What was written reads back as TimeML and scores against itself.
    let report = ok(cwd, &[&"eval", &"timeml", &out]);
    assert!(
        report
            .lines()
            .any(|l| l.starts_with("overall") && l.ends_with("100.00  100.00")),
        "{report}"
    );

    // A folder with nothing to read is an error, not an empty success.
    std::fs::create_dir_all(cwd.join("empty")).unwrap();
    let args = ["annotate", "--to", "timeml", "--out", "o2", "empty"];
    let nothing = chronicle(cwd, &args);
    assert!(!nothing.status.success());
    assert!(
        stderr(&nothing).contains("no documents found in empty"),
        "{}",
        stderr(&nothing)
    );
}
