"""The driver: every span of every record obeys the span rule, on any text; stage failures
become error rows; worker processes keep input order."""

from __future__ import annotations

import io
import json
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from readout.model import Document, ErrorRow, Record
from readout.pipeline import build_record, prepare, run
from readout.runner import ExtractOptions, extract

PIECES = [
    "Vladimir Putin: ",
    "Alexander Lukashenko: ",
    "Putin: ",
    "Dmitry Peskov told reporters that ",
    "Putin told Lukashenko that relations had improved a lot. ",
    "'It ended well past midnight,' Peskov was quoted by TASS as saying. ",
    "\u201cOf course,\u201d he said, \u201cwe will.\u201d ",
    "on Wednesday, April 5th ",
    "June 9, 2023, 14:30, Sochi\n",
    "by July 7-8 ",
    "about 80% of the 28 programmes ",
    "$45bn by our statistics, almost $50bn by yours. ",
    "Moscow and Minsk have been working. ",
    "the Kremlin said. ",
    "Mon. Jul 22nd, 2024\n",
    "Share this\n",
    "Source - The Kremlin\n",
    "This text has been translated from Russian.\n",
    "\n\n",
    "\r\n",
    "\u00e9\u00e8 \U0001f600 ",
    "Alexander Grigorievich, ",
    "According to officials, ",
    '"',
    "\u201c",
]


def _spans_hold(record: Record) -> bool:
    text = record.document.text
    return all(span.holds_in(text) for span in record.spans())


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=12)), min_size=1, max_size=25))
def test_every_span_obeys_the_span_rule(nlp, parts: list[str]) -> None:
    text = "".join(parts)
    if not text.strip():
        return
    document = Document(id="h", source="<h>", text=text, chars=len(text))
    # the stages themselves, without the driver's last-guard filter
    turns = prepare(document)
    result = build_record(document, nlp(text), turns)
    assert _spans_hold(result)
    assert result.document.body is not None


def test_fixture_records_obey_the_span_rule(nlp, fixtures: Path) -> None:
    docs = []
    for path in sorted(fixtures.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        docs.append(Document(id=path.stem, source=str(path), text=text, chars=len(text)))
    records = list(run(nlp, docs))
    assert [r.document.id for r in records] == [d.id for d in docs]
    for record in records:
        assert isinstance(record, Record)
        assert _spans_hold(record)
        assert record.actors and record.statements


def test_a_stage_failure_becomes_an_error_row(nlp, monkeypatch) -> None:
    import readout.pipeline as pipeline

    def broken(doc, document, seed):
        if "boom" in document.text:
            raise RuntimeError("boom")
        return seed

    monkeypatch.setattr(pipeline, "extract_actors", broken)
    docs = [
        Document(id=i, source="s", text=t)
        for i, t in (
            ("1", "Putin spoke."),
            ("2", "boom went the stage."),
            ("3", "Lukashenko spoke."),
        )
    ]
    results = list(run(nlp, docs))
    assert [type(r) for r in results] == [Record, ErrorRow, Record]
    assert results[1].code == "E100" and "report" in results[1].message


def test_worker_processes_keep_input_order(tmp_path: Path) -> None:
    src = tmp_path / "docs.jsonl"
    lines = [
        json.dumps({"id": f"d{i:02d}", "text": f"Minister {i} met the envoy in Minsk."})
        for i in range(30)
    ]
    lines.insert(7, "{broken")
    src.write_text("\n".join(lines) + "\n")
    out = io.StringIO()
    summary = extract([str(src)], out, tmp_path / "err.jsonl", ExtractOptions(jobs=2, batch_size=4))
    ids = [json.loads(x)["document"]["id"] for x in out.getvalue().splitlines()]
    assert ids == [f"d{i:02d}" for i in range(30)]
    assert summary.errors == 1 and summary.records == 30
