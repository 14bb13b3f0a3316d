"""Minimal PEP 517 backend for the packaged pipeline (pure Python, no setuptools or wheel).

`pip install --no-deps --no-build-isolation models/en_readout_core-*` must work in a fresh venv
whose setuptools has no bdist_wheel, so the wheel is zipped here directly.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import tarfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent
META = json.loads((ROOT / "meta.json").read_text(encoding="utf-8"))
NAME = f"{META['lang']}_{META['name']}"
VERSION = META["version"]
DIST = f"{NAME}-{VERSION}"
TAG = "py3-none-any"


def _metadata() -> str:
    lines = [
        "Metadata-Version: 2.1",
        f"Name: {NAME}",
        f"Version: {VERSION}",
        f"Summary: {META.get('description', '')}",
        f"License: {META.get('license', '')}",
        f"Requires-Dist: spacy{META.get('spacy_version', '')}",
    ]
    return "\n".join(lines) + "\n"


def _files() -> list[tuple[str, bytes]]:
    out = []
    for path in sorted((ROOT / NAME).rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            out.append((path.relative_to(ROOT).as_posix(), path.read_bytes()))
    # The module's __init__.py reads meta.json next to itself (spaCy's setup.py copies it there).
    if f"{NAME}/meta.json" not in {name for name, _ in out}:
        out.append((f"{NAME}/meta.json", (ROOT / "meta.json").read_bytes()))
    info = f"{DIST}.dist-info"
    out.append((f"{info}/METADATA", _metadata().encode()))
    wheel = f"Wheel-Version: 1.0\nGenerator: readout\nRoot-Is-Purelib: true\nTag: {TAG}\n"
    out.append((f"{info}/WHEEL", wheel.encode()))
    out.append((f"{info}/top_level.txt", f"{NAME}\n".encode()))
    out.append((f"{info}/entry_points.txt", f"[spacy_models]\n{NAME} = {NAME}\n".encode()))
    return out


def _record_line(name: str, data: bytes) -> str:
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    return f"{name},sha256={digest},{len(data)}"


def get_requires_for_build_wheel(config_settings: object = None) -> list[str]:
    return []


def get_requires_for_build_sdist(config_settings: object = None) -> list[str]:
    return []


def build_wheel(
    wheel_directory: str, config_settings: object = None, metadata_directory: object = None
) -> str:
    filename = f"{DIST}-{TAG}.whl"
    files = _files()
    record_name = f"{DIST}.dist-info/RECORD"
    record = "\n".join([*(_record_line(n, d) for n, d in files), f"{record_name},,"]) + "\n"
    with zipfile.ZipFile(Path(wheel_directory) / filename, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in files:
            zf.writestr(name, data)
        zf.writestr(record_name, record)
    return filename


def build_sdist(sdist_directory: str, config_settings: object = None) -> str:
    filename = f"{DIST}.tar.gz"
    with tarfile.open(Path(sdist_directory) / filename, "w:gz") as tar:
        for path in sorted(ROOT.rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                tar.add(path, arcname=f"{DIST}/{path.relative_to(ROOT).as_posix()}")
        pkg_info = _metadata().encode()
        ti = tarfile.TarInfo(f"{DIST}/PKG-INFO")
        ti.size = len(pkg_info)
        tar.addfile(ti, io.BytesIO(pkg_info))
    return filename
