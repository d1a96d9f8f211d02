#!/usr/bin/env python3
"""Converts the MEANTIME (NewsReader) English Wikinews articles (CAT XML) into
Chronicle's `news` text format, for the bundled sample corpus.

Usage: scripts/convert_meantime.py ../shared/data/meantime sample/meantime

Sentence 0 of each document is the headline (-> `title`), sentence 1 the
dateline (dropped: its date is the creation-time TIMEX3, -> `date`); the rest
is the body, one sentence a line, detokenized.
"""
import os
import re
import sys
import xml.etree.ElementTree as ET

NO_SPACE_BEFORE = {",", ".", ";", ":", "!", "?", ")", "]", "}", "%", "'s", "'re", "'ve",
                   "'ll", "'d", "'m", "n't", "'"}
NO_SPACE_AFTER = {"(", "[", "{", "$", "#"}


def detokenize(tokens):
    out = []
    in_quote = False
    glue_next = False
    for tok in tokens:
        # PTB quote escapes become curly quotes, as a news site prints them.
        if tok in ("``", "\u201c"):
            out.append((" " if out else "") + "\u201c")
            glue_next = True
            continue
        if tok in ("''", "\u201d"):
            out.append("\u201d")
            glue_next = False
            continue
        if tok == '"':
            if in_quote:
                out.append(tok)
            else:
                out.append((" " if out else "") + tok)
                glue_next = True
            in_quote = not in_quote
            continue
        if tok in NO_SPACE_BEFORE or tok.lower() in NO_SPACE_BEFORE or not out or glue_next:
            out.append(tok)
        else:
            out.append(" " + tok)
        glue_next = tok in NO_SPACE_AFTER
    return "".join(out).strip()


def convert(path):
    root = ET.parse(path).getroot()
    sentences = {}
    for tok in root.iter("token"):
        sentences.setdefault(int(tok.get("sentence")), []).append(tok.text or "")
    dct = None
    for timex in root.iter("TIMEX3"):
        if timex.get("functionInDocument") == "CREATION_TIME":
            dct = timex.get("value")
    if not dct or not re.match(r"^\d{4}-\d{2}-\d{2}$", dct):
        raise ValueError(f"{path}: no creation date")
    order = sorted(sentences)
    title = detokenize(sentences[order[0]])
    body = [detokenize(sentences[s]) for s in order[2:]]
    return root.get("doc_name"), root.get("url"), dct, title, body


def main():
    src, dst = sys.argv[1], sys.argv[2]
    folder = os.path.join(src, "meantime_newsreader_english_oct15", "intra-doc_annotation",
                          "corpus_apple")
    os.makedirs(dst, exist_ok=True)
    sources = []
    for name in sorted(os.listdir(folder)):
        if not name.endswith(".xml"):
            continue
        doc_name, url, dct, title, body = convert(os.path.join(folder, name))
        stem = re.sub(r"[^A-Za-z0-9_-]+", "_", doc_name).strip("_")
        with open(os.path.join(dst, stem + ".txt"), "w", encoding="utf-8") as f:
            f.write(f"date {dct}\ntitle {title}\n\n" + "\n".join(body) + "\n")
        sources.append((stem, url))
    with open(os.path.join(dst, "SOURCES.tsv"), "w", encoding="utf-8") as f:
        f.write("file\turl\n")
        for stem, url in sources:
            f.write(f"{stem}.txt\t{url}\n")
    print(f"wrote {len(sources)} articles to {dst}")


if __name__ == "__main__":
    main()
