"""The Arrow entry point: the same annotations as the JSON API, in columns."""

import pyarrow as pa
import pytest

import chronicle
from conftest import t17_records

# The JSON contract's keys per layer; the Arrow schema has a few more columns
# (paragraphs, cue spans, diagnostics) that the JSON does not print.
JSON_LAYERS = ("sentences", "entities", "timexes", "quotes", "events")


def as_json(row, template):
    """`row` (an Arrow row as a dict) restricted to the keys of `template`."""
    if isinstance(template, dict):
        return {k: as_json(row.get(k), v) for k, v in template.items()}
    if isinstance(template, list):
        if not template:
            return row
        return [as_json(r, template[0]) for r in row]
    return row


def compare(arrow_rows, json_docs):
    for row, doc in zip(arrow_rows, json_docs, strict=True):
        assert row["id"] == doc["id"]
        assert row["error"] == doc.get("error")
        for key in ("date", "title", "text"):
            assert row[key] == doc[key], (doc["id"], key)
        for layer in JSON_LAYERS:
            got = row[layer]
            if doc[layer]:
                got = [{k: as_json(item[k], v) for k, v in tmpl.items()} for item, tmpl in zip(got, doc[layer], strict=True)]
            assert got == doc[layer], (doc["id"], layer)


def test_schema():
    schema = chronicle.arrow_schema()
    assert isinstance(schema, pa.Schema)
    for name in ("id", "date", "text", "error", *JSON_LAYERS):
        assert name in schema.names
    ent = schema.field("entities").type.value_type
    assert [ent.field(i).name for i in range(ent.num_fields)][:5] == ["start", "end", "text", "label", "canonical"]


def test_arrow_equals_json_on_timeline17():
    records = t17_records(every=11)
    batch = pa.RecordBatch.from_pylist(records)
    out = chronicle.annotate_arrow(batch)
    assert isinstance(out, pa.RecordBatch)
    assert out.schema.equals(chronicle.arrow_schema())
    assert out.num_rows == len(records)
    compare(out.to_pylist(), chronicle.annotate_batch(records))


def test_arrow_bad_rows_and_column_names():
    batch = pa.RecordBatch.from_pydict(
        {
            "doc": ["a", "b", "c", None, "e"],
            "day": ["2017-03-02", "2017-03-02", "not a date", "2017-03-02", None],
            "body": ["Angela Merkel met Emmanuel Macron on Friday.", None, "Some text.", "Text.", "   "],
        }
    )
    out = chronicle.annotate_arrow(batch, id_col="doc", date_col="day", text_col="body", threads=1).to_pylist()
    assert [r["id"] for r in out] == ["a", "b", "c", "", "e"]
    assert out[0]["error"] is None and out[0]["entities"] and out[0]["events"]
    assert out[0]["timexes"][0]["value"] == "2017-02-24"
    assert out[1]["error"] == "missing `text` field"
    assert "not a date" in out[2]["error"]
    assert out[3]["error"] == "missing `id`"
    assert out[4]["error"] == "`text` is empty"
    for row in out[1:]:
        assert all(row[layer] == [] for layer in JSON_LAYERS)


def test_arrow_date_types_and_missing_column():
    import datetime

    text = "The minister resigned on Wednesday."
    batch = pa.RecordBatch.from_pydict({"id": ["x"], "date": pa.array([datetime.date(2017, 3, 2)]), "text": [text]})
    [row] = chronicle.annotate_arrow(batch).to_pylist()
    assert row["date"] == "2017-03-02" and row["timexes"][0]["value"] == "2017-03-01"
    with pytest.raises(ValueError, match="missing"):
        chronicle.annotate_arrow(batch, text_col="body")
