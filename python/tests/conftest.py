"""Shared fixtures: the CLI binary (the reference the package must match) and
the evaluation data, which lives outside the repository and may be absent."""

import gzip
import json
import os
import pathlib
import subprocess

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
DATA = ROOT.parent / "shared" / "data"
T17 = DATA / "timeline17" / "articles.jsonl.gz"
SAMPLE = ROOT / "sample" / "meantime"


def chronicle_bin() -> pathlib.Path:
    path = pathlib.Path(os.environ.get("CHRONICLE_BIN", ROOT / "target" / "release" / "chronicle"))
    if not path.exists():
        pytest.fail(f"the CLI is not built at {path}: run `cargo build --release -p chronicle-cli` or set CHRONICLE_BIN")
    return path


def run_cli(*args, stdin=None, check=True):
    """Runs `chronicle ARGS` and returns the completed process (text mode)."""
    proc = subprocess.run(
        [str(chronicle_bin()), *map(str, args)],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=900,
    )
    if check and proc.returncode != 0:
        raise AssertionError(f"chronicle {' '.join(map(str, args))} exited {proc.returncode}: {proc.stderr[-2000:]}")
    return proc


def cli_json(*args, stdin=None):
    """The CLI's JSON Lines output as a list of dicts (bad records are on stderr)."""
    proc = run_cli("annotate", "--to", "json", *args, stdin=stdin, check=False)
    if proc.returncode not in (0, 1):
        raise AssertionError(f"annotate exited {proc.returncode}: {proc.stderr[-2000:]}")
    return [json.loads(line) for line in proc.stdout.splitlines() if line.strip()]


def t17_records(every: int = 1, limit: int | None = None):
    """Timeline17 articles as the CLI names them (`articles:<line>`), every
    `every`-th line; skips the test when the data is absent."""
    if not T17.exists():
        pytest.skip(f"Timeline17 data not found at {T17} (../shared/data beside the repository)")
    out = []
    with gzip.open(T17, "rt", encoding="utf-8") as f:
        for line_no, line in enumerate(f, 1):
            if (line_no - 1) % every:
                continue
            rec = json.loads(line)
            out.append({"id": f"articles:{line_no}", "date": rec["date"], "text": rec["text"]})
            if limit is not None and len(out) >= limit:
                break
    return out


def write_jsonl(path, records):
    with open(path, "w", encoding="utf-8") as f:
        for rec in records:
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    return path
