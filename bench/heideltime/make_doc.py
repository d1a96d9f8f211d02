"""Joins the first N BBC News articles into one TimeML document (and a plain
text copy for HeidelTime), DCT given on the command line.

usage: make_doc.py ARTICLES_JSONL_GZ N DCT OUT_TML OUT_TXT
"""
import gzip
import json
import sys
from xml.sax.saxutils import escape


def main():
    src, n, dct, out_tml, out_txt = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5]
    texts = []
    with gzip.open(src, "rt", encoding="utf-8") as f:
        for line in f:
            if len(texts) >= n:
                break
            texts.append(json.loads(line)["text"].strip())
    text = "\n\n".join(texts) + "\n"
    with open(out_txt, "w", encoding="utf-8") as f:
        f.write(text)
    with open(out_tml, "w", encoding="utf-8") as f:
        f.write('<?xml version="1.0" ?>\n<TimeML>\n<DOCID>bbc60</DOCID>\n')
        f.write(f'<DCT><TIMEX3 tid="t0" type="DATE" value="{dct}" temporalFunction="false" '
                f'functionInDocument="CREATION_TIME">{dct}</TIMEX3></DCT>\n')
        f.write("<TEXT>\n" + escape(text) + "</TEXT>\n</TimeML>\n")
    print(f"{len(texts)} articles, {len(text.split())} words")


if __name__ == "__main__":
    main()
