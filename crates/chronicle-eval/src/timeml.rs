//! The TempEval-3 timex scorer: runs the tagger on each gold file's text and
//! DCT and scores extents (strict and relaxed P/R/F1), value and type the way
//! the official toolkit does (counts pooled over documents; attribute F1 =
//! attribute accuracy on relaxed matches × relaxed F1), overall and per
//! subfolder (TimeBank, AQUAINT).
//!
//! Set `CHRONICLE_TIMEX_ERRORS=1` to append every error (missed, spurious,
//! extent, value, type) to the report, one a line, for error analysis.

use std::collections::BTreeMap;

use crate::gold_audit::GoldAudit;
use crate::{f1, ratio};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use chronicle_annotate::{pipeline, Layers};
use chronicle_ingest::timeml::read_timeml;
use chronicle_model::{Doc, Span, Timex};

/// Pooled counts for one group of documents.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Counts {
    pub docs: usize,
    pub gold: usize,
    pub system: usize,
    /// System timexes that overlap a gold one (relaxed precision numerator).
    pub sys_relaxed: usize,
    /// Gold timexes that overlap a system one (relaxed recall numerator).
    pub gold_relaxed: usize,
    pub strict: usize,
    /// Aligned gold/system pairs, and how many agree on value and type.
    pub pairs: usize,
    pub value_ok: usize,
    pub type_ok: usize,
}

impl Counts {
    fn add(&mut self, o: &Counts) {
        self.docs += o.docs;
        self.gold += o.gold;
        self.system += o.system;
        self.sys_relaxed += o.sys_relaxed;
        self.gold_relaxed += o.gold_relaxed;
        self.strict += o.strict;
        self.pairs += o.pairs;
        self.value_ok += o.value_ok;
        self.type_ok += o.type_ok;
    }

    /// (P, R, F1) for strict extents.
    pub fn strict_prf(&self) -> (f64, f64, f64) {
        let p = ratio(self.strict, self.system);
        let r = ratio(self.strict, self.gold);
        (p, r, f1(p, r))
    }

    /// (P, R, F1) for relaxed (overlapping) extents.
    pub fn relaxed_prf(&self) -> (f64, f64, f64) {
        let p = ratio(self.sys_relaxed, self.system);
        let r = ratio(self.gold_relaxed, self.gold);
        (p, r, f1(p, r))
    }

    pub fn value_f1(&self) -> f64 {
        ratio(self.value_ok, self.pairs) * self.relaxed_prf().2
    }

    pub fn type_f1(&self) -> f64 {
        ratio(self.type_ok, self.pairs) * self.relaxed_prf().2
    }
}

/// One scoring error, for analysis.
#[derive(Debug, Clone)]
pub struct ScoreError {
    pub file: String,
    /// `missed`, `spurious`, `extent`, `value` or `type`.
    pub kind: &'static str,
    pub detail: String,
}

/// Scores of a whole gold directory.
#[derive(Debug, Clone, Default)]
pub struct Scores {
    pub total: Counts,
    /// Per first-level subfolder ("TimeBank", "AQUAINT").
    pub parts: BTreeMap<String, Counts>,
    pub errors: Vec<ScoreError>,
}

/// Scores the annotator on the gold data at `path`, or, given `system`, the
/// TimeML files another tagger wrote there (same relative paths, same text);
/// returns the report to print. With `audit`, the report starts with the
/// gold's consistency audit and adds the scores on its consistent part.
///
/// # Errors
/// When the gold data cannot be read, a gold file is malformed, or a system
/// file is missing, malformed or holds another text.
pub fn run(path: &Path, system: Option<&Path>, audit: bool) -> crate::Result<String> {
    let tagger = system.map_or(Tagger::Chronicle, Tagger::Files);
    let files = load_tree(path, "tml", read_gold_timeml)?;
    if audit {
        return audited_report(&files, tagger);
    }
    Ok(render(&score_files(&files, tagger, None)?))
}

/// The report, with every error appended when `CHRONICLE_TIMEX_ERRORS` is set.
pub(crate) fn render(scores: &Scores) -> String {
    let mut out = report(scores);
    if errors_wanted() {
        out.push('\n');
        for e in &scores.errors {
            let _ = writeln!(out, "{}\t{}\t{}", e.kind, e.file, e.detail);
        }
    }
    out
}

/// Runs the tagger over every `.tml` file under `path` and scores it.
///
/// # Errors
/// When the gold data cannot be read or a gold file is malformed.
pub fn score_dir(path: &Path) -> crate::Result<Scores> {
    score_tree(path, "tml", read_gold_timeml, Tagger::Chronicle)
}

/// The TimeML gold reader: the document and the TIMEX3s inside `<TEXT>`.
pub(crate) fn read_gold_timeml(
    name: &str,
    content: &str,
) -> Result<(Doc, Vec<Timex>), chronicle_ingest::IngestError> {
    read_timeml(name, content).map(|f| (f.doc, f.timexes))
}

/// Where the system's timexes come from.
#[derive(Clone, Copy)]
pub(crate) enum Tagger<'a> {
    /// Chronicle's own timex stage, run on the gold text.
    Chronicle,
    /// TimeML files under this folder, at the gold files' relative paths.
    Files(&'a Path),
}

/// A gold reader: file name and content in, the document (text and date)
/// and its gold timexes out.
pub(crate) type GoldReader =
    fn(&str, &str) -> Result<(Doc, Vec<Timex>), chronicle_ingest::IngestError>;

/// Runs the tagger over every file ending in `.{ext}` under `path`, read by
/// `read`, and scores it overall and per first-level subfolder.
pub(crate) fn score_tree(
    path: &Path,
    ext: &str,
    read: GoldReader,
    tagger: Tagger<'_>,
) -> crate::Result<Scores> {
    score_files(&load_tree(path, ext, read)?, tagger, None)
}

/// One gold file, read.
pub(crate) struct GoldFile {
    pub name: String,
    /// The path below the gold folder, where another tagger's file is found.
    pub rel: PathBuf,
    /// The first folder below the gold folder ("TimeBank"), or ".".
    pub part: String,
    /// The text and date, without timexes.
    pub doc: Doc,
    pub gold: Vec<Timex>,
}

/// Reads every file ending in `.{ext}` under `path` with `read`, in path order.
pub(crate) fn load_tree(path: &Path, ext: &str, read: GoldReader) -> crate::Result<Vec<GoldFile>> {
    let mut files = Vec::new();
    collect(path, ext, &mut files)?;
    files.sort();
    if files.is_empty() {
        return Err(crate::EvalError::Data {
            path: path.display().to_string(),
            message: format!("no .{ext} files found"),
        });
    }
    files
        .into_iter()
        .map(|file| {
            let (mut doc, gold) = load(&file, read)?;
            doc.timexes.clear();
            let rel = file.strip_prefix(path).unwrap_or(&file).to_path_buf();
            let mut comps = rel.components();
            let part = match (comps.next(), comps.next()) {
                (Some(first), Some(_)) => first.as_os_str().to_string_lossy().into_owned(),
                _ => ".".to_string(),
            };
            Ok(GoldFile {
                name: file.display().to_string(),
                rel,
                part,
                doc,
                gold,
            })
        })
        .collect()
}

/// Tags (or reads the system's timexes for) each file and scores them,
/// overall and per part; with an audit, only on what it keeps.
pub(crate) fn score_files(
    files: &[GoldFile],
    tagger: Tagger<'_>,
    audit: Option<&GoldAudit>,
) -> crate::Result<Scores> {
    Ok(score_tagged(files, &system_output(files, tagger)?, audit))
}

/// The system's timexes for each file: Chronicle run on its text, or the
/// other tagger's file read.
fn system_output(files: &[GoldFile], tagger: Tagger<'_>) -> crate::Result<Vec<Vec<Timex>>> {
    let pipe = pipeline(Layers::TIMEXES)?;
    files
        .iter()
        .map(|file| match tagger {
            Tagger::Chronicle => {
                let mut doc = file.doc.clone();
                pipe.annotate(&mut doc);
                Ok(doc.timexes)
            }
            Tagger::Files(dir) => system_timexes(&dir.join(&file.rel), &file.doc.text),
        })
        .collect()
}

/// Scores each file's system timexes (`systems[i]` for `files[i]`).
fn score_tagged(files: &[GoldFile], systems: &[Vec<Timex>], audit: Option<&GoldAudit>) -> Scores {
    let mut scores = Scores::default();
    for (i, (file, sys)) in files.iter().zip(systems).enumerate() {
        let counts = match audit {
            None => score_doc(&file.doc, &file.gold, sys, &file.name, &mut scores.errors),
            Some(audit) => {
                let (gold, sys) = audit.keep(i, &file.gold, sys);
                score_doc(&file.doc, &gold, &sys, &file.name, &mut scores.errors)
            }
        };
        scores
            .parts
            .entry(file.part.clone())
            .or_default()
            .add(&counts);
        scores.total.add(&counts);
    }
    scores
}

/// The audit of the gold files, its set-aside instances listed when
/// `CHRONICLE_TIMEX_ERRORS` is set, and the scores on all gold and on the
/// consistent part.
fn audited_report(files: &[GoldFile], tagger: Tagger<'_>) -> crate::Result<String> {
    let pairs: Vec<(&Doc, &[Timex])> = files.iter().map(|f| (&f.doc, f.gold.as_slice())).collect();
    let audit = GoldAudit::of(&pairs);
    let mut out = audit.report(25);
    if errors_wanted() {
        for (i, file) in files.iter().enumerate() {
            let short = file.name.rsplit('/').next().unwrap_or(&file.name);
            for span in &audit.untagged[i] {
                let _ = writeln!(
                    out,
                    "untagged\t{short}\t{}",
                    in_context(&file.doc.text, *span)
                );
            }
            for &(gi, why) in &audit.set_aside[i] {
                let t = &file.gold[gi];
                let _ = writeln!(
                    out,
                    "aside\t{short}\t{:?} {} {}\t{}",
                    &file.doc.text[t.span.range()],
                    t.kind.as_str(),
                    t.value,
                    why.as_str()
                );
            }
        }
    }
    let systems = system_output(files, tagger)?;
    let all = score_tagged(files, &systems, None);
    let kept = score_tagged(files, &systems, Some(&audit));
    let _ = write!(
        out,
        "\nall gold\n{}\nconsistent gold (what the audit set aside left out of both sides)\n{}",
        report(&all),
        render(&kept)
    );
    Ok(out)
}

/// `…30 bytes before[the span]30 bytes after…` on one line.
fn in_context(text: &str, span: Span) -> String {
    let (start, end) = (span.start as usize, span.end as usize);
    let piece = |from: usize, to: usize| text.get(from..to).unwrap_or("").replace('\n', " ");
    format!(
        "…{}[{}]{}…",
        piece(start.saturating_sub(30), start),
        piece(start, end),
        piece(end, (end + 30).min(text.len()))
    )
}

fn errors_wanted() -> bool {
    std::env::var_os("CHRONICLE_TIMEX_ERRORS").is_some_and(|v| v != "0")
}

/// Reads and parses one file with `read`; errors name the file.
pub(crate) fn load(file: &Path, read: GoldReader) -> crate::Result<(Doc, Vec<Timex>)> {
    let name = file.display().to_string();
    let content = std::fs::read_to_string(file).map_err(|source| crate::EvalError::Io {
        path: name.clone(),
        source,
    })?;
    read(&name, &content).map_err(|e| crate::EvalError::Data {
        path: name,
        message: e.to_string(),
    })
}

/// Another tagger's timexes for a gold text, read from its TimeML file.
fn system_timexes(file: &Path, gold_text: &str) -> crate::Result<Vec<Timex>> {
    let (doc, timexes) = load(file, read_gold_timeml)?;
    if doc.text != gold_text {
        let at = doc
            .text
            .bytes()
            .zip(gold_text.bytes())
            .position(|(a, b)| a != b)
            .unwrap_or(doc.text.len().min(gold_text.len()));
        return Err(crate::EvalError::Data {
            path: file.display().to_string(),
            message: format!("its text differs from the gold text from byte {at} on"),
        });
    }
    Ok(timexes)
}

pub(crate) fn collect(path: &Path, ext: &str, out: &mut Vec<PathBuf>) -> crate::Result<()> {
    let io = |source| crate::EvalError::Io {
        path: path.display().to_string(),
        source,
    };
    if path.is_file() {
        out.push(path.to_path_buf());
        return Ok(());
    }
    for entry in std::fs::read_dir(path).map_err(io)? {
        let p = entry.map_err(io)?.path();
        if p.is_dir() {
            collect(&p, ext, out)?;
        } else if p.extension().is_some_and(|e| e == ext) {
            out.push(p);
        }
    }
    Ok(())
}

/// The span without surrounding whitespace (the toolkit compares tokens).
fn trimmed(text: &str, s: Span) -> Span {
    let t = &text[s.range()];
    let lead = t.len() - t.trim_start().len();
    let trail = t.len() - t.trim_end().len();
    Span::new(
        s.start as usize + lead,
        (s.end as usize - trail).max(s.start as usize + lead),
    )
}

/// Scores one document (spans into the same text).
pub fn score_doc(
    doc: &Doc,
    gold: &[Timex],
    sys: &[Timex],
    file: &str,
    errors: &mut Vec<ScoreError>,
) -> Counts {
    let text = doc.text.as_str();
    let g: Vec<Span> = gold.iter().map(|t| trimmed(text, t.span)).collect();
    let s: Vec<Span> = sys.iter().map(|t| trimmed(text, t.span)).collect();
    let short = file.rsplit('/').next().unwrap_or(file).to_string();
    let mut c = Counts {
        docs: 1,
        gold: g.len(),
        system: s.len(),
        ..Counts::default()
    };
    let mut err = |kind: &'static str, detail: String| {
        errors.push(ScoreError {
            file: short.clone(),
            kind,
            detail,
        })
    };
    let describe =
        |t: &Timex, sp: Span| format!("{:?} {} {}", &text[sp.range()], t.kind.as_str(), t.value);
    for (si, ss) in s.iter().enumerate() {
        if g.iter().any(|gs| gs.overlaps(*ss)) {
            c.sys_relaxed += 1;
        } else {
            err("spurious", describe(&sys[si], *ss));
        }
    }
    let mut used = vec![false; s.len()];
    for (gi, gs) in g.iter().enumerate() {
        let Some(si) = (0..s.len()).find(|&k| !used[k] && s[k].overlaps(*gs)) else {
            if s.iter().any(|ss| ss.overlaps(*gs)) {
                c.gold_relaxed += 1;
            } else {
                err("missed", describe(&gold[gi], *gs));
            }
            continue;
        };
        used[si] = true;
        c.gold_relaxed += 1;
        c.pairs += 1;
        if s[si] == *gs {
            c.strict += 1;
        } else {
            err(
                "extent",
                format!(
                    "gold {:?} sys {:?}",
                    &text[gs.range()],
                    &text[s[si].range()]
                ),
            );
        }
        if sys[si].value == gold[gi].value {
            c.value_ok += 1;
        } else {
            err(
                "value",
                format!(
                    "{:?} gold {} sys {} (dct {})",
                    &text[gs.range()],
                    gold[gi].value,
                    sys[si].value,
                    doc.date.map(|d| d.to_string()).unwrap_or_default()
                ),
            );
        }
        if sys[si].kind == gold[gi].kind {
            c.type_ok += 1;
        } else {
            err(
                "type",
                format!(
                    "{:?} gold {} sys {}",
                    &text[gs.range()],
                    gold[gi].kind.as_str(),
                    sys[si].kind.as_str()
                ),
            );
        }
    }
    c
}

/// The printable table.
pub fn report(scores: &Scores) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{:<10} {:>5} {:>5} {:>5} | {:>6} {:>6} {:>6} | {:>6} {:>6} {:>6} | {:>7} {:>7}",
        "part",
        "docs",
        "gold",
        "sys",
        "str P",
        "str R",
        "str F1",
        "rel P",
        "rel R",
        "rel F1",
        "value F1",
        "type F1"
    );
    let mut line = |name: &str, c: &Counts| {
        let (sp, sr, sf) = c.strict_prf();
        let (rp, rr, rf) = c.relaxed_prf();
        let _ = writeln!(
            out,
            "{:<10} {:>5} {:>5} {:>5} | {:>6.2} {:>6.2} {:>6.2} | {:>6.2} {:>6.2} {:>6.2} | {:>8.2} {:>7.2}",
            name,
            c.docs,
            c.gold,
            c.system,
            100.0 * sp,
            100.0 * sr,
            100.0 * sf,
            100.0 * rp,
            100.0 * rr,
            100.0 * rf,
            100.0 * c.value_f1(),
            100.0 * c.type_f1()
        );
    };
    for (name, c) in &scores.parts {
        line(name, c);
    }
    line("overall", &scores.total);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use chronicle_model::TimexType;

    fn tx(s: usize, e: usize, v: &str) -> Timex {
        Timex {
            span: Span::new(s, e),
            kind: TimexType::Date,
            value: v.into(),
            modifier: None,
        }
    }

    #[test]
    fn strict_relaxed_and_attributes() {
        let doc = Doc::new("d", None, "met last Friday and on May 5 in 2001");
        let gold = vec![tx(4, 15, "A"), tx(23, 28, "B"), tx(32, 36, "C")];
        let sys = vec![tx(9, 15, "A"), tx(23, 28, "X"), tx(0, 3, "Z")];
        let mut errs = Vec::new();
        let c = score_doc(&doc, &gold, &sys, "f", &mut errs);
        assert_eq!(
            (c.gold, c.system, c.strict, c.sys_relaxed, c.gold_relaxed),
            (3, 3, 1, 2, 2)
        );
        assert_eq!((c.pairs, c.value_ok), (2, 1));
        let (p, r, f) = c.relaxed_prf();
        assert!((p - 2.0 / 3.0).abs() < 1e-9 && (r - 2.0 / 3.0).abs() < 1e-9);
        assert!((c.value_f1() - 0.5 * f).abs() < 1e-9);
        assert_eq!(errs.iter().filter(|e| e.kind == "missed").count(), 1);
        assert_eq!(errs.iter().filter(|e| e.kind == "spurious").count(), 1);
    }

    #[test]
    fn scores_another_taggers_files_and_refuses_another_text() {
        let root = std::env::temp_dir().join(format!("chronicle-system-{}", std::process::id()));
        let (gold, system) = (root.join("gold"), root.join("system"));
        std::fs::create_dir_all(gold.join("part")).unwrap();
        std::fs::create_dir_all(system.join("part")).unwrap();
        let file = |body: &str| {
            format!(
                "<TimeML><DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"2017-03-02\">x</TIMEX3></DCT>\
                 <TEXT>{body}</TEXT></TimeML>"
            )
        };
        let g = r#"He left <TIMEX3 tid="t1" type="DATE" value="2017-03-01">on Wednesday</TIMEX3>."#;
        let s = r#"He left on <TIMEX3 tid="t1" type="DATE" value="2017-02-22">Wednesday</TIMEX3>."#;
        std::fs::write(gold.join("part/a.tml"), file(g)).unwrap();
        std::fs::write(system.join("part/a.tml"), file(s)).unwrap();
        let scores = score_tree(&gold, "tml", read_gold_timeml, Tagger::Files(&system)).unwrap();
        let c = scores.total;
        assert_eq!(
            (c.gold, c.system, c.strict, c.pairs, c.value_ok),
            (1, 1, 0, 1, 0)
        );
        assert_eq!(scores.parts.keys().collect::<Vec<_>>(), ["part"]);

        std::fs::write(system.join("part/a.tml"), file("He left on Tuesday.")).unwrap();
        let err = score_tree(&gold, "tml", read_gold_timeml, Tagger::Files(&system)).unwrap_err();
        assert!(
            err.to_string()
                .contains("differs from the gold text from byte 11"),
            "{err}"
        );
        std::fs::remove_file(system.join("part/a.tml")).unwrap();
        let err = score_tree(&gold, "tml", read_gold_timeml, Tagger::Files(&system)).unwrap_err();
        assert!(err.to_string().contains("a.tml"), "{err}");
        let _ = std::fs::remove_dir_all(&root);
    }

    #[test]
    fn real_data_if_present() {
        let dir = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../../shared/data/tempeval3/TBAQ-cleaned"
        );
        if !Path::new(dir).exists() {
            println!("skipping: {dir} not found");
            return;
        }
        let scores = score_dir(Path::new(dir)).unwrap();
        assert_eq!(scores.total.docs, 256);
        assert_eq!(scores.total.gold, 1822);
    }
}
