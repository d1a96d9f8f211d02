"""The Python API against the CLI: same documents in, identical JSON out."""

import datetime

import pytest

import chronicle
from conftest import SAMPLE, cli_json, t17_records, write_jsonl


def test_sample_meantime_matches_cli():
    # The CLI parses the news-format header; the API gets the resulting fields.
    expected = cli_json("--from", "news", SAMPLE)
    assert len(expected) >= 30
    for doc in expected:
        got = chronicle.annotate(doc["text"], date=doc["date"], id=doc["id"], title=doc["title"])
        assert got == doc, doc["id"]


def test_batch_matches_cli_on_timeline17(tmp_path):
    records = t17_records(every=7)
    path = write_jsonl(tmp_path / "t17.jsonl", records)
    expected = {d["id"]: d for d in cli_json("--from", "jsonl", path)}
    got = chronicle.annotate_batch(records)
    assert [d["id"] for d in got] == [r["id"] for r in records]
    good = [d for d in got if "error" not in d]
    # Empty articles are the only rejects, on both sides.
    assert {d["id"] for d in good} == set(expected)
    assert len(good) > 400
    for doc in good:
        assert doc == expected[doc["id"]], doc["id"]
    assert any(d["entities"] for d in good) and any(d["quotes"] for d in good)


def test_threads_do_not_change_results():
    records = t17_records(every=50)
    one = chronicle.annotate_batch(records, threads=1)
    assert chronicle.annotate_batch(records) == one
    assert chronicle.annotate_batch(records, threads=3) == one


def test_unicode_offsets_are_code_points():
    text = "Le 3 mars 2017, Jeff Sessions a dit « non » à Zürich — €5 pour “Sergey Kislyak”."
    doc = chronicle.annotate(text, date="2017-03-05")
    for layer in ("entities", "timexes"):
        for item in doc[layer]:
            assert text[item["start"]:item["end"]] == item["text"]
    for s in doc["sentences"]:
        assert 0 <= s["start"] <= s["end"] <= len(text)


def test_dates_from_python_objects():
    text = "The minister resigned on Wednesday."
    by_str = chronicle.annotate(text, date="2017-03-02")
    assert chronicle.annotate(text, date=datetime.date(2017, 3, 2)) == by_str
    assert chronicle.annotate(text, date=datetime.datetime(2017, 3, 2, 18, 30)) == by_str
    assert by_str["timexes"][0]["value"] == "2017-03-01"
    # A batch-wide date applies to items without one.
    [doc] = chronicle.annotate_batch([text], date="2017-03-02")
    assert doc["timexes"] == by_str["timexes"] and doc["id"] == "0"


def test_bad_rows_become_error_records():
    huge = "word " * 100
    items = [
        None,
        "",
        "   \n",
        {"id": "d", "text": "Hello there.", "date": "2017-02-30"},
        {"id": "t", "text": 42},
        {"id": "x", "date": 3.5, "text": "Fine text."},
        {"id": "h", "text": huge},
        {"id": 7, "text": "Angela Merkel visited Paris on Monday.", "date": "2017-03-02"},
    ]
    out = chronicle.annotate_batch(items, max_bytes=200)
    assert len(out) == len(items)
    errors = [d.get("error") for d in out]
    assert errors[0] == "missing `text` field"
    assert errors[1] == errors[2] == "`text` is empty"
    assert "2017-02-30" in errors[3] and out[3]["date"] == "2017-02-30"
    assert errors[4] == "`text` is not a string"
    assert errors[5] == "`date` is not a string or a date"
    assert "the limit is 200" in errors[6] and out[6]["text"] == ""
    assert errors[7] is None and out[7]["id"] == "7"
    assert out[7]["entities"] and out[7]["timexes"][0]["value"] == "2017-02-27"
    for doc in out[:7]:
        assert all(doc[k] == [] for k in ("sentences", "entities", "timexes", "quotes", "events"))


def test_single_annotate_raises_on_bad_input():
    with pytest.raises(ValueError, match="empty"):
        chronicle.annotate("  ")
    with pytest.raises(ValueError, match="not an ISO date"):
        chronicle.annotate("Hello.", date="March 2")
    with pytest.raises(TypeError):
        chronicle.annotate(b"bytes")
    with pytest.raises(TypeError):
        chronicle.annotate_batch([object()])


def test_batch_accepts_any_iterable():
    gen = ({"id": f"g{i}", "text": f"Barack Obama spoke in Ohio {i} times."} for i in range(5))
    out = chronicle.annotate_batch(gen)
    assert [d["id"] for d in out] == [f"g{i}" for i in range(5)]


def test_batch_streams_a_long_generator_in_order():
    # More rows than the batch keeps in flight, so reading, annotating and
    # building the dicts interleave; the output must still be in input order.
    records = t17_records(every=5)
    expected = chronicle.annotate_batch(list(records), threads=1)
    out = chronicle.annotate_batch(iter(records), threads=2)
    assert [d["id"] for d in out] == [r["id"] for r in records]
    assert out == expected


def test_batch_error_midway_propagates_and_leaves_gc_as_it_was():
    import gc

    def items():
        for i in range(300):
            yield f"Angela Merkel met Emmanuel Macron on day {i}."
        raise RuntimeError("source broke")

    assert gc.isenabled()
    with pytest.raises(RuntimeError, match="source broke"):
        chronicle.annotate_batch(items())
    assert gc.isenabled()
    gc.disable()
    try:
        chronicle.annotate_batch(["Barack Obama spoke."])
        assert not gc.isenabled()
    finally:
        gc.enable()
    # The engine is still usable after a batch that failed.
    assert chronicle.annotate_batch(["Barack Obama spoke in Ohio."])[0]["entities"]


def test_generator_may_call_the_engine_itself():
    # A generator that annotates as it yields (annotate_arrow runs on rayon's
    # pool, annotate_batch starts a batch of its own) while the outer batch
    # waits for its rows. Run in a child process so that a deadlock fails by
    # timeout instead of hanging the suite.
    import subprocess
    import sys

    code = """
import chronicle, pyarrow as pa
def items():
    for i in range(40):
        b = pa.record_batch({"id": [str(i)], "date": ["2017-03-02"],
                             "text": [f"Angela Merkel met Emmanuel Macron on day {i}."]})
        assert chronicle.annotate_arrow(b).num_rows == 1
        yield chronicle.annotate_batch([f"Barack Obama spoke {i} times."])[0]["text"]
out = chronicle.annotate_batch(items())
assert [d["text"] for d in out] == [f"Barack Obama spoke {i} times." for i in range(40)]
print("ok")
"""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok"


def test_results_share_the_callers_text_objects():
    # Annotation never changes the text, so a result's `text` is the caller's
    # own str, not a copy; a str that had to be repaired is not shared.
    records = [{"id": "a", "text": "Angela Merkel met Jeff Sessions."}, "Jeff Sessions spoke.",
               "Caf\ud800 owner Jeff Sessions spoke."]
    out = chronicle.annotate_batch(records)
    assert out[0]["text"] is records[0]["text"]
    assert out[1]["text"] is records[1]
    assert out[2]["text"] is not records[2] and "error" not in out[2]
    assert out[2]["text"].startswith("Caf\ufffd") and "\ud800" not in out[2]["text"]
    assert chronicle.annotate(records[1])["text"] is records[1]
    # Labels are shared too; the values are unchanged.
    [merkel, sessions] = out[0]["entities"]
    assert merkel["label"] == "PER" and merkel["label"] is sessions["label"]
