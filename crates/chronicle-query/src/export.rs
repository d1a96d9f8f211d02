//! The contact graph as CSV edges and as GraphML.

use std::collections::BTreeSet;

use crate::Contact;

fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

fn xml(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Pairs of participants of each contact (a meeting of three is three edges).
fn edges(contacts: &[Contact]) -> Vec<(&str, &str, &Contact)> {
    let mut out = Vec::new();
    for c in contacts {
        for (i, a) in c.participants.iter().enumerate() {
            for b in &c.participants[i + 1..] {
                out.push((a.as_str(), b.as_str(), c));
            }
        }
    }
    out
}

fn urls(c: &Contact) -> String {
    c.provenance
        .iter()
        .filter_map(|p| p.url.as_deref())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Distinct publishers of a contact's reports, in report order.
fn publishers(c: &Contact) -> String {
    let mut out: Vec<&str> = Vec::new();
    for p in c.provenance.iter().filter_map(|p| p.publisher.as_deref()) {
        if !out.contains(&p) {
            out.push(p);
        }
    }
    out.join("; ")
}

/// `source,target,date,docs,urls,publishers` with a header; several
/// documents are separated by spaces, publishers by `; `.
pub fn contacts_csv(contacts: &[Contact]) -> String {
    let mut out = String::from("source,target,date,docs,urls,publishers\n");
    for (a, b, c) in edges(contacts) {
        let row = [
            a.to_string(),
            b.to_string(),
            c.date.clone(),
            c.sources.join(" "),
            urls(c),
            publishers(c),
        ];
        out.push_str(
            &row.iter()
                .map(|f| csv_field(f))
                .collect::<Vec<_>>()
                .join(","),
        );
        out.push('\n');
    }
    out
}

/// An undirected GraphML graph: persons as nodes, contacts as edges with
/// `date`, `docs` and `urls` attributes.
pub fn contacts_graphml(contacts: &[Contact]) -> String {
    let nodes: BTreeSet<&str> = contacts
        .iter()
        .flat_map(|c| c.participants.iter().map(String::as_str))
        .collect();
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n\
         \x20 <key id=\"name\" for=\"node\" attr.name=\"name\" attr.type=\"string\"/>\n\
         \x20 <key id=\"date\" for=\"edge\" attr.name=\"date\" attr.type=\"string\"/>\n\
         \x20 <key id=\"docs\" for=\"edge\" attr.name=\"docs\" attr.type=\"string\"/>\n\
         \x20 <key id=\"urls\" for=\"edge\" attr.name=\"urls\" attr.type=\"string\"/>\n\
         \x20 <key id=\"publishers\" for=\"edge\" attr.name=\"publishers\" attr.type=\"string\"/>\n\
         \x20 <graph id=\"contacts\" edgedefault=\"undirected\">\n",
    );
    for n in &nodes {
        out.push_str(&format!(
            "    <node id=\"{0}\"><data key=\"name\">{0}</data></node>\n",
            xml(n)
        ));
    }
    for (i, (a, b, c)) in edges(contacts).into_iter().enumerate() {
        out.push_str(&format!(
            "    <edge id=\"e{i}\" source=\"{}\" target=\"{}\"><data key=\"date\">{}</data><data key=\"docs\">{}</data><data key=\"urls\">{}</data><data key=\"publishers\">{}</data></edge>\n",
            xml(a),
            xml(b),
            xml(&c.date),
            xml(&c.sources.join(" ")),
            xml(&urls(c)),
            xml(&publishers(c))
        ));
    }
    out.push_str("  </graph>\n</graphml>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn contact(p: &[&str]) -> Contact {
        Contact {
            participants: p.iter().map(|s| s.to_string()).collect(),
            date: "2016-07".into(),
            dated_by: "event",
            text: "t".into(),
            sources: vec!["a".into(), "b".into()],
            provenance: Vec::new(),
        }
    }

    #[test]
    fn csv_has_one_edge_per_pair_and_quotes_fields() {
        let csv = contacts_csv(&[contact(&["A, Jr.", "B", "C"])]);
        let lines: Vec<&str> = csv.lines().collect();
        assert_eq!(lines.len(), 4);
        assert_eq!(lines[1], "\"A, Jr.\",B,2016-07,a b,,");
    }

    #[test]
    fn csv_and_graphml_cite_urls_and_publishers() {
        let mut c = contact(&["A", "B"]);
        for (doc, publisher) in [("a", "AP"), ("b", "AP")] {
            c.provenance.push(crate::Source {
                doc: doc.into(),
                date: None,
                title: None,
                url: Some(format!("https://x.org/{doc}")),
                publisher: Some(publisher.into()),
                sentence: None,
                start: 0,
                end: 1,
            });
        }
        let csv = contacts_csv(std::slice::from_ref(&c));
        assert_eq!(
            csv.lines().nth(1),
            Some("A,B,2016-07,a b,https://x.org/a https://x.org/b,AP")
        );
        assert!(contacts_graphml(&[c]).contains("<data key=\"publishers\">AP</data>"));
    }

    #[test]
    fn graphml_escapes_names() {
        let g = contacts_graphml(&[contact(&["AT&T", "B"])]);
        assert!(g.contains("<node id=\"AT&amp;T\">"));
        assert_eq!(g.matches("<edge ").count(), 1);
    }
}
