"""The ``readout`` command: a thin layer over the library."""

from __future__ import annotations

import json
import signal
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from readout.errors import ReadoutError
from readout.model import RECORD_LISTS

if TYPE_CHECKING:
    from rich.progress import Progress, TaskID

    from readout.runner import Summary

EXIT_OK = 0
EXIT_USAGE = 2
EXIT_SOME_ERRORS = 3

app = typer.Typer(
    name="readout",
    help=(
        "Read political news reports and official transcripts; write a source-linked record "
        "of who met whom, who said what to whom (and through whom), and which figures they "
        "cited. Every fact points at the characters it came from."
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
kb_app = typer.Typer(help="Build and inspect readout's local knowledge base.", no_args_is_help=True)
app.add_typer(kb_app, name="kb")


def _fail(message: str, code: int = EXIT_USAGE) -> typer.Exit:
    typer.echo(f"readout: {message}", err=True)
    return typer.Exit(code)


@app.command()
def extract(
    paths: Annotated[
        list[str],
        typer.Argument(
            help="Files (.txt, .html, .htm, .jsonl, .jsonl.gz, .json), folders (read "
            "recursively) or - for standard input.",
            show_default=False,
        ),
    ],
    output: Annotated[
        str, typer.Option("-o", "--output", help="Where records go: a file, or - for stdout.")
    ] = "-",
    errors: Annotated[
        Path | None,
        typer.Option(
            "--errors",
            help="Where error rows go. Default: beside the output (OUT.errors.jsonl), or "
            "./readout.errors.jsonl when writing to stdout.",
            show_default=False,
        ),
    ] = None,
    model: Annotated[
        str | None,
        typer.Option(
            "--model",
            help="spaCy pipeline: an installed package name (en_core_web_sm, ...) or a "
            "directory. Default: readout's own en_readout_core.",
            show_default=False,
        ),
    ] = None,
    jobs: Annotated[int, typer.Option("-j", "--jobs", min=1, help="Worker processes.")] = 1,
    batch_size: Annotated[
        int, typer.Option("--batch-size", min=1, help="Documents per nlp.pipe batch.")
    ] = 16,
    max_bytes: Annotated[
        int,
        typer.Option(
            "--max-bytes", min=1, help="Largest document accepted, in bytes (larger: error row)."
        ),
    ] = 5_000_000,
    resume: Annotated[
        bool,
        typer.Option(
            "--resume",
            help="Append to an existing output, skipping documents it already holds.",
        ),
    ] = False,
    quiet: Annotated[
        bool, typer.Option("-q", "--quiet", help="No progress bar and no summary.")
    ] = False,
) -> None:
    """Extract one readout/1 record per document, as JSON Lines.

    Exit status: 0 when every document gave a record; 3 when some inputs gave error rows
    instead (see --errors); 2 on usage errors (bad options, missing pipeline, unwritable
    output).
    """
    from readout.runner import ExtractOptions, errors_path_for, extract, load_done

    to_stdout = output == "-"
    if resume and to_stdout:
        raise _fail("--resume needs an output file (-o FILE): stdout cannot be resumed.")
    errors_path = errors or errors_path_for(None if to_stdout else output)
    done = None
    if resume:
        done = load_done(Path(output), errors_path)
    elif errors_path.exists():
        errors_path.unlink()  # error rows of an earlier, unrelated run would mislead
    try:
        out = sys.stdout if to_stdout else open(output, "a" if resume else "w", encoding="utf-8")
    except OSError as exc:
        raise _fail(f"cannot write the output {output!r}: {exc.strerror}.") from None

    # A polite stop (Ctrl-C, kill) ends between lines, so the output stays complete.
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    progress = _Progress(enabled=not quiet and sys.stderr.isatty())
    options = ExtractOptions(model=model, jobs=jobs, batch_size=batch_size, max_bytes=max_bytes)
    try:
        with progress:
            summary = extract(
                paths,
                out,
                errors_path,
                options,
                done=done,
                on_progress=progress.update,
                stdin=sys.stdin,
            )
    except ReadoutError as exc:
        raise _fail(exc.message) from None
    except KeyboardInterrupt:
        out.flush()
        raise _fail(
            "interrupted; the output holds only complete records. Run the same command "
            "with --resume to continue.",
            code=130,
        ) from None
    finally:
        if not to_stdout:
            out.close()
    if summary.documents == 0 and summary.skipped == 0:
        raise _fail(
            "no input documents found in " + ", ".join(paths) + "; give .txt, .html, .jsonl, "
            ".jsonl.gz or .json files, or folders holding them."
        )
    if not quiet:
        c = summary.counts
        where = f" (see {errors_path})" if summary.errors else ""
        skipped = f", {summary.skipped} already done" if summary.skipped else ""
        found = ", ".join(f"{c[name]} {name}" for name in RECORD_LISTS)
        typer.echo(
            f"readout: {summary.documents} documents -> {summary.records} records, "
            f"{summary.errors} error rows{where}{skipped}; {found}; "
            f"{summary.seconds:.1f} s ({summary.rate:.1f} docs/s)",
            err=True,
        )
    raise typer.Exit(EXIT_SOME_ERRORS if summary.errors else EXIT_OK)


class _Progress:
    """A live documents-per-second bar on stderr, only when stderr is a terminal."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled
        self._progress: Progress | None = None
        self._task: TaskID | None = None

    def __enter__(self) -> _Progress:
        if self.enabled:
            from rich.console import Console
            from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

            self._progress = Progress(
                SpinnerColumn(),
                TextColumn("{task.completed} documents"),
                TextColumn("{task.fields[rate]:.1f} docs/s"),
                TextColumn("{task.fields[errors]} error rows"),
                TimeElapsedColumn(),
                console=Console(stderr=True),
                transient=True,
            )
            self._progress.__enter__()
            self._task = self._progress.add_task("extract", total=None, rate=0.0, errors=0)
        return self

    def update(self, summary: Summary) -> None:
        if self._progress is not None and self._task is not None:
            self._progress.update(
                self._task, completed=summary.documents, rate=summary.rate, errors=summary.errors
            )

    def __exit__(self, *exc: object) -> None:
        if self._progress is not None:
            self._progress.__exit__(None, None, None)


@app.command()
def schema() -> None:
    """Print the JSON Schema of one readout/1 record."""
    from readout.model import json_schema

    typer.echo(json.dumps(json_schema(), indent=2))


@kb_app.command("build")
def kb_build(
    shared: Annotated[
        Path | None,
        typer.Option(
            "--shared",
            help="The shared data folder holding data/gazetteer (default: $READOUT_SHARED, "
            "else ../shared beside the project).",
            show_default=False,
        ),
    ] = None,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            help="Where to write the index (default: $READOUT_KB, else the package's).",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Build the local knowledge base from the gazetteer and readout's curated additions."""
    from readout.kb.build import main_build

    try:
        main_build(str(shared) if shared else None, str(out) if out else None)
    except ReadoutError as exc:
        raise _fail(exc.message) from None


@app.command()
def version() -> None:
    """Print readout's version and the default pipeline's."""
    import readout

    typer.echo(f"readout {readout.__version__} (schema {readout.SCHEMA})")


def main() -> None:
    try:
        app()
    except BrokenPipeError:  # `readout extract ... | head` is normal use
        sys.stderr.close()
        sys.exit(EXIT_OK)
