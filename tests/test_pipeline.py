"""The driver: every span of every record obeys the span rule, on any text; stage failures
become error rows; worker processes keep input order."""

from __future__ import annotations

import dataclasses
import io
import json
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from readout.model import Document, ErrorRow, Record
from readout.pipeline import build_record, run
from readout.runner import ExtractOptions, extract
from readout.stages import STAGES, Context

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
    # the stages themselves, without run_stage's span guard
    result, context, doc = Record(document=document), Context(), nlp(text)
    for stage in STAGES:
        stage.run(doc, result, context)
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

    def broken(doc, record, context):
        if "boom" in record.document.text:
            raise RuntimeError("boom")

    stages = tuple(dataclasses.replace(s, run=broken) if s.name == "actors" else s for s in STAGES)
    monkeypatch.setattr(pipeline, "STAGES", stages)
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
    assert "actors stage" in results[1].message


def test_records_say_what_made_them(nlp) -> None:
    from readout import __version__
    from readout.nlp import pipeline_info

    (record,) = run(nlp, [Document(id="p", source="s", text="Putin met Lukashenko.")])
    assert isinstance(record, Record) and record.producer is not None
    assert record.producer.readout == __version__
    assert record.producer.pipeline == pipeline_info(nlp)
    assert record.to_dict()["producer"]["pipeline"].startswith("en_")
    # build_record alone gives the record without the stamp
    alone = build_record(Document(id="q", source="s", text="Putin spoke."), nlp("Putin spoke."))
    assert isinstance(alone, Record) and alone.producer is None


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
