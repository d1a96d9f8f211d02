"""Scores the system timelines written by the `t17` example with tilse and
compares them with the Rust scores written next to them.

usage: compare.py PRED_DIR DATA_DIR
PRED_DIR holds rust_scores.jsonl and one predicted timeline per task.
Exits 1 when any metric differs by more than 0.005 (per task or averaged).
"""
import datetime
import json
import sys
from pathlib import Path

from tilse.data import timelines
from tilse.evaluation import rouge

SEPARATOR = "-" * 32
TOLERANCE = 0.005


def read_timeline(path):
    """The gold text format, read as the Rust side reads it: a block whose
    date line is not YYYY-MM-DD is skipped, a repeated date keeps its last block."""
    days = {}
    text = path.read_bytes().decode("utf-8", errors="replace")
    for block in text.split("\n" + SEPARATOR + "\n"):
        lines = [l.strip() for l in block.strip("\n").split("\n")]
        lines = [l for l in lines if l and l != SEPARATOR]
        if not lines:
            continue
        try:
            date = datetime.datetime.strptime(lines[0], "%Y-%m-%d").date()
        except ValueError:
            print(f"warning: {path}: skipping block with date line {lines[0]!r}", file=sys.stderr)
            continue
        days[date] = lines[1:]
    return timelines.Timeline(days)


def prf(scores):
    return scores["precision"], scores["recall"]


def f1(p, r):
    return 0.0 if p + r == 0 else 2 * p * r / (p + r)


def main():
    pred_dir, data_dir = Path(sys.argv[1]), Path(sys.argv[2])
    evaluator = rouge.TimelineRougeEvaluator(measures=["rouge_1", "rouge_2"])
    worst = 0.0
    sums = {k: [0.0, 0.0, 0.0, 0.0] for k in ("ar1", "ar2", "concat_r1", "date")}
    n = 0
    print(f"{'task':<44} {'metric':<10} {'tilse F':>8} {'rust F':>8} {'diff':>8}")
    for line in (pred_dir / "rust_scores.jsonl").read_text().splitlines():
        row = json.loads(line)
        pred = read_timeline(pred_dir / row["pred"])
        gold = read_timeline(data_dir / row["gold"])
        truth = timelines.GroundTruth([gold])
        m1 = evaluator.evaluate_align_date_content_costs_many_to_one(pred, truth)
        concat = evaluator.evaluate_concat(pred, truth)
        pd, gd = set(pred.get_dates()), set(gold.get_dates())
        hit = len(pd & gd)
        date = (hit / len(pd) if pd else 0.0, hit / len(gd) if gd else 0.0)
        theirs = {
            "ar1": prf(m1["rouge_1"]),
            "ar2": prf(m1["rouge_2"]),
            "concat_r1": prf(concat["rouge_1"]),
            "date": date,
        }
        n += 1
        for key, (p, r) in theirs.items():
            rp, rr = row[key]
            sums[key][0] += p
            sums[key][1] += r
            sums[key][2] += rp
            sums[key][3] += rr
            diff = max(abs(p - rp), abs(r - rr), abs(f1(p, r) - f1(rp, rr)))
            worst = max(worst, diff)
            print(f"{row['task']:<44} {key:<10} {f1(p, r):>8.4f} {f1(rp, rr):>8.4f} {diff:>8.4f}")
    print()
    for key, (p, r, rp, rr) in sums.items():
        tf, rf = f1(p / n, r / n), f1(rp / n, rr / n)
        worst = max(worst, abs(tf - rf))
        print(f"{'AVERAGE':<44} {key:<10} {tf:>8.4f} {rf:>8.4f} {abs(tf - rf):>8.4f}")
    print(f"\nlargest difference {worst:.4f} (tolerance {TOLERANCE})")
    sys.exit(0 if worst <= TOLERANCE else 1)


if __name__ == "__main__":
    main()
