"""The stage protocol: one ordered declaration, each stage reading only what is there."""

from __future__ import annotations

from readout.model import Document, Record, Span
from readout.stages import STAGES, Context, keep_valid_spans, run_stage, stage_named


def test_no_stage_reads_what_no_earlier_stage_writes() -> None:
    available = {"document.text"}
    for stage in STAGES:
        for part in stage.reads:
            assert part in available or part == "context.pipeline", (stage.name, part)
        available |= set(stage.writes)


def test_stage_names_are_unique_and_give_component_and_config_names() -> None:
    names = [stage.name for stage in STAGES]
    assert len(names) == len(set(names))
    assert stage_named("statements").factory == "readout_statements"
    assert stage_named("statements").function == "readout.statements.v1"


def test_a_failing_stage_gives_an_error_row_naming_it() -> None:
    record = Record(document=Document(id="d", source="s", text="x", meta={"line": 4}))

    def broken(doc, record, context):
        raise ValueError("bad")

    stage = stage_named("times")
    error = run_stage(type(stage)("times", broken, (), (), "t"), None, record, Context())
    assert error is not None and error.code == "E100" and error.line == 4
    assert "times stage" in error.message and "ValueError: bad" in error.message


def test_the_span_guard_drops_a_wrong_span_after_each_stage() -> None:
    text = "Putin met Lukashenko."
    record = Record(document=Document(id="d", source="s", text=text))

    def sloppy(doc, record, context):
        from readout.model import Time

        record.times = [
            Time("t1", Span(0, 5, "Putin"), "DATE", "2023", "absolute"),
            Time("t2", Span(0, 5, "Minsk"), "DATE", "2023", "absolute"),
        ]

    assert run_stage(type(STAGES[0])("x", sloppy, (), (), "x"), None, record, Context()) is None
    assert [t.id for t in record.times] == ["t1"]
    assert keep_valid_spans(record) is record


def test_the_context_round_trips_through_json_data() -> None:
    from readout.read.turns import Turn

    text = "Putin: Hello."
    turn = Turn(label=Span.of(text, 0, 5), name="Vladimir Putin", content=Span.of(text, 7, 13))
    context = Context(turns=[turn], pipeline="en_x-1")
    assert Context.from_dict(context.to_dict()) == context
