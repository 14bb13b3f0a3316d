"""New word lists go to src/readout/lexicon: a module-level set in readout.extract holds no
words of its own, only what it reads from the lexicon or code (dependency roles, marks).

Two checks: the source (no set built from string literals that hold letters), and the
loaded modules (every word in a module-level frozenset is in some lexicon list)."""

from __future__ import annotations

import ast
import importlib
import pkgutil
from pathlib import Path

import readout.extract
from readout import lexicon

EXTRACT = Path(readout.extract.__file__).parent

# Module-level sets of names that are code, not vocabulary, and why.
CODE_SETS = {
    # dependency roles (readout.labels.dep_role names)
    "readout.extract.statements.content._ARG_ROLES",
    "readout.extract.statements.content._ARG_STOP",
    "readout.extract.statements.content._TAIL_ROLES",
    "readout.extract.statements.nesting._SIBLING_ROLES",
    # classes of the cue lexicon (cues.txt)
    "readout.extract.statements.features._SPEECH_CLASSES",
    # kinds of the times stage's rules
    "readout.extract.times.detect._CLOCKISH",
    # the words of the TITLES rule table (title phrase -> role categories), less its glue
    "readout.extract.actors.titles.TITLE_WORDS",
}


def _module_name(path: Path) -> str:
    rel = path.relative_to(EXTRACT.parent.parent).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def _set_expression(node: ast.expr) -> bool:
    """A set literal, a frozenset()/set() call, or set algebra over them."""
    if isinstance(node, ast.Set):
        return True
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
        return node.func.id in ("frozenset", "set")
    if isinstance(node, ast.BinOp):
        return _set_expression(node.left) or _set_expression(node.right)
    return False


def _worded_strings(node: ast.AST) -> list[str]:
    return [
        n.value
        for n in ast.walk(node)
        if isinstance(n, ast.Constant)
        and isinstance(n.value, str)
        and any(c.isalpha() for c in n.value)
    ]


def test_no_module_level_set_is_written_out_in_the_source() -> None:
    found: dict[str, list[str]] = {}
    for path in sorted(EXTRACT.rglob("*.py")):
        for stmt in ast.parse(path.read_text(encoding="utf-8")).body:
            if isinstance(stmt, ast.Assign) and isinstance(stmt.targets[0], ast.Name):
                name, value = stmt.targets[0].id, stmt.value
            elif isinstance(stmt, ast.AnnAssign) and isinstance(stmt.target, ast.Name):
                name, value = stmt.target.id, stmt.value
            else:
                continue
            qualified = f"{_module_name(path)}.{name}"
            if value is None or qualified in CODE_SETS or not _set_expression(value):
                continue
            words = _worded_strings(value)
            if words:
                found[qualified] = words
    assert not found, f"word lists in code, move them to src/readout/lexicon: {found}"


def _resolve(qualified: str) -> object:
    module, _, name = qualified.rpartition(".")
    return getattr(importlib.import_module(module), name)


def test_every_word_in_a_module_level_set_comes_from_the_lexicon() -> None:
    known = frozenset().union(*(lexicon.words(n) for n in lexicon.available()))
    code = {id(_resolve(q)) for q in CODE_SETS}  # also where another module imports them
    found: dict[str, list[str]] = {}
    for info in pkgutil.walk_packages(readout.extract.__path__, "readout.extract."):
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            if not isinstance(value, frozenset) or id(value) in code:
                continue
            stray = sorted(
                w
                for w in value
                if isinstance(w, str) and w not in known and any(c.isalpha() for c in w)
            )
            if stray:
                found[f"{info.name}.{name}"] = stray
    assert not found, f"words that no lexicon list holds: {found}"
