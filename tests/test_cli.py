"""The command line: help for every command, exit codes, error rows, resume."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import click
import pytest
import typer.main
from typer.testing import CliRunner

from readout.cli import EXIT_OK, EXIT_SOME_ERRORS, EXIT_USAGE, app

runner = CliRunner()
EXAMPLES = Path(__file__).parent.parent / "examples"


def _all_commands() -> list[tuple[str, click.Command]]:
    root = typer.main.get_command(app)
    out = []

    def walk(cmd: click.Command, path: str) -> None:
        out.append((path, cmd))
        if isinstance(cmd, click.Group):
            for name, sub in cmd.commands.items():
                walk(sub, f"{path} {name}".strip())

    walk(root, "")
    return out


@pytest.mark.parametrize("path,cmd", _all_commands(), ids=lambda x: str(x) or "readout")
def test_every_command_has_help_text(path: str, cmd: click.Command) -> None:
    assert (cmd.help or "").strip(), f"`readout {path}` has no help text"
    result = runner.invoke(app, [*path.split(), "--help"])
    assert result.exit_code == 0
    assert "Usage" in result.output


def test_extract_help_documents_exit_status() -> None:
    result = runner.invoke(app, ["extract", "--help"])
    assert "Exit status" in result.output and "3" in result.output


def test_schema_prints_json_schema() -> None:
    result = runner.invoke(app, ["schema"])
    assert result.exit_code == 0
    schema = json.loads(result.output)
    assert "Statement" in schema["$defs"]


def _records(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_extract_examples_gives_one_record_per_document(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["extract", str(EXAMPLES), "-o", str(out)])
    assert result.exit_code == EXIT_OK, result.output
    records = _records(out)
    assert len(records) >= 4
    for rec in records:
        assert rec["schema"] == "readout/1"
        text = rec["document"]["text"]
        assert (
            rec["document"]["body"]["text"]
            == text[rec["document"]["body"]["start"] : rec["document"]["body"]["end"]]
        )
    kinds = {r["document"]["kind"] for r in records}
    assert kinds == {"article", "transcript"}
    assert "documents" in result.stderr if hasattr(result, "stderr") else True
    assert not (tmp_path / "out.errors.jsonl").exists()


def _bad_inputs(folder: Path) -> int:
    """One file of every bad kind; returns how many error rows they should give."""
    folder.mkdir()
    (folder / "good.txt").write_text("Peskov told reporters the talks went well.\n")
    (folder / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (folder / "empty.txt").write_bytes(b"")
    (folder / "latin.txt").write_bytes(b"Caf\xe9 na\xefve \x81\x8d\x8f\x90\x9d text")
    (folder / "huge.txt").write_text("word " * 300_000)
    (folder / "hostile.html").write_text(
        "<html><head><script>alert(1)</script><style>p{}</style></head><body>"
        + "<div>" * 5000
        + "</div>" * 5000
        + "<script>document.write('x')</script></body></html>"
    )
    lines = [
        json.dumps({"id": "ok-1", "text": "Lukashenko met Putin in Sochi on Friday."}),
        "{not json",
        json.dumps({"id": "no-text"}),
        json.dumps({"id": "ok-2", "text": "Zakharova said Moscow would respond."}),
    ]
    (folder / "docs.jsonl").write_text("\n".join(lines) + "\n")
    with gzip.open(folder / "more.jsonl.gz", "wt") as f:
        f.write(json.dumps({"id": "ok-3", "text": "TASS reported the meeting."}) + "\n")
    return 7  # binary, empty, undecodable, huge, hostile html, malformed line, no text


def test_bad_inputs_give_one_error_row_each_and_exit_3(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    expected_errors = _bad_inputs(folder)
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["extract", str(folder), "-o", str(out), "--max-bytes", "1000000"])
    assert result.exit_code == EXIT_SOME_ERRORS, result.output
    errors = _records(tmp_path / "out.errors.jsonl")
    assert len(errors) == expected_errors
    codes = {e["error"]["code"] for e in errors}
    assert {"E001", "E002", "E003", "E004", "E005", "E006", "E007"} == codes
    for e in errors:
        assert e["error"]["message"] and e["error"]["source"]
    assert "Traceback" not in result.output
    ids = [r["document"]["id"] for r in _records(out)]
    assert {"ok-1", "ok-2", "ok-3"} <= set(ids)
    assert len(ids) == 4  # the three JSON lines and good.txt


def test_resume_continues_without_duplicates(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    lines = [
        json.dumps({"id": f"d{i}", "text": f"Minister {i} said talks went well."})
        for i in range(12)
    ]
    (folder / "docs.jsonl").write_text("\n".join(lines) + "\n")
    out = tmp_path / "out.jsonl"
    assert runner.invoke(app, ["extract", str(folder), "-o", str(out)]).exit_code == 0
    full = out.read_text(encoding="utf-8").splitlines()
    # as if killed mid-write: five whole lines and half of the sixth
    out.write_text("\n".join(full[:5]) + "\n" + full[5][: len(full[5]) // 2], encoding="utf-8")
    result = runner.invoke(app, ["extract", str(folder), "-o", str(out), "--resume"])
    assert result.exit_code == 0, result.output
    ids = [r["document"]["id"] for r in _records(out)]
    assert ids == [f"d{i}" for i in range(12)]


def test_resume_needs_an_output_file() -> None:
    result = runner.invoke(app, ["extract", str(EXAMPLES), "--resume"])
    assert result.exit_code == EXIT_USAGE


def test_missing_model_is_a_usage_error_with_advice(tmp_path: Path) -> None:
    result = runner.invoke(
        app, ["extract", str(EXAMPLES), "-o", str(tmp_path / "o.jsonl"), "--model", "en_nope_xx"]
    )
    assert result.exit_code == EXIT_USAGE
    assert "en_nope_xx" in result.output and "Traceback" not in result.output


def test_stdin_text(tmp_path: Path) -> None:
    result = runner.invoke(
        app,
        ["extract", "-", "-q", "--errors", str(tmp_path / "e.jsonl")],
        input="Peskov told reporters that Putin would attend.\n",
    )
    assert result.exit_code == 0, result.output
    rec = json.loads(result.stdout.splitlines()[0])
    assert rec["document"]["text"].startswith("Peskov told")


def test_empty_folder_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    result = runner.invoke(app, ["extract", str(tmp_path / "empty"), "-o", str(tmp_path / "o")])
    assert result.exit_code == EXIT_USAGE
    assert "no input documents" in result.output
