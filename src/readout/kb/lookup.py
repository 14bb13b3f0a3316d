"""Reading readout's knowledge base: who a name can refer to, and what office they held when.

The index is one SQLite file written by :func:`readout.kb.build.build_kb`. Opening it costs a
connection and one small table read (the first words of every scannable alias), so a process
pays well under a second for it; every other answer is an indexed query, cached per name.
"""

from __future__ import annotations

import functools
import os
import re
import sqlite3
import unicodedata
import warnings
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

KB_FILENAME = "kb.sqlite"
SCHEMA_VERSION = "1"

# src/readout/kb/lookup.py -> the project root is three folders up
_PACKAGE_DIR = Path(__file__).resolve().parent
_PROJECT_ROOT = _PACKAGE_DIR.parents[2]


def default_kb_path() -> Path:
    """``$READOUT_KB`` if set, else ``kb/data/kb.sqlite`` inside the installed package."""
    env = os.environ.get("READOUT_KB")
    if env:
        return Path(env)
    return _PACKAGE_DIR / "data" / KB_FILENAME


def default_shared_dir() -> Path:
    """``$READOUT_SHARED`` if set, else ``../shared`` next to the project root."""
    env = os.environ.get("READOUT_SHARED")
    if env:
        return Path(env)
    beside_project = _PROJECT_ROOT.parent / "shared"
    if beside_project.is_dir():
        return beside_project
    return Path.cwd().resolve().parent / "shared"


# --- name keys -------------------------------------------------------------------------

_SPACE = re.compile(r"\s+")
_APOS = str.maketrans({"’": "'", "‘": "'", "`": "'", "‐": "-", "‑": "-", "–": "-", "—": "-"})


def fold(text: str) -> str:
    """Accents off: "Élysée" -> "Elysee", "Grímsson" -> "Grimsson"."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def name_key(text: str) -> str:
    """The lookup key of a name: folded, lower-cased, without dots and a leading "the".

    "the U.S." and "US" share a key, as do "Elysée" and "Elysee"; capitalisation is checked
    separately (:func:`case_ok`) so that "US" never matches the pronoun "us".
    """
    key = fold(text.translate(_APOS)).casefold().replace(".", "")
    key = re.sub(r"\s*-\s*", "-", key)
    key = _SPACE.sub(" ", key).strip(" ,;:")
    if key.startswith("the "):
        key = key[4:]
    return key


# Common variant spellings of transliterated (mostly East Slavic) names, so that "Sergei Lavrov"
# finds "Sergey Lavrov" and "Aleksandr" finds "Alexander". Applied to both sides of a lookup.
_LOOSE_RULES: tuple[tuple[str, str], ...] = (
    (r"kh", "h"),
    (r"ks", "x"),
    (r"(?<=[aeiou])j\b", "y"),
    (r"(?:iy|yy|ij|ii|y)\b", "i"),
    (r"yu|iu", "u"),
    (r"ya|ia", "a"),
    (r"yo|io|ye|ie", "e"),
    (r"y", "i"),
    (r"ck", "k"),
    (r"([a-z])\1", r"\1"),
)


def loose_key(text: str) -> str:
    """A deliberately lossy key for person names across transliterations."""
    key = name_key(text).replace("'", "").replace("-", " ")
    for pattern, repl in _LOOSE_RULES:
        key = re.sub(pattern, repl, key)
    return key


def case_ok(surface: str, alias: str) -> bool:
    """Whether text as written may stand for an alias: an all-capitals abbreviation ("UN",
    "TASS") must be written in capitals; any other alias must start with a capital."""
    letters = [c for c in alias if c.isalpha()]
    if letters and all(c.isupper() for c in letters) and len(letters) <= 6:
        return fold(surface).replace(".", "").upper() == fold(surface).replace(".", "")
    return surface[:1].isupper() or not surface[:1].isalpha()


# --- entries ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Role:
    """One office held: a role category ("head of state"), its title, country and dates."""

    role: str
    title: str
    country: str | None
    start: str | None
    end: str | None

    def active_on(self, date: str | None) -> bool:
        """Held on ``date`` (ISO); with no date, whether the office is held as of the data."""
        if date is None:
            return not self.end
        day = date[:10]
        if self.start and _date_floor(self.start) > day:
            return False
        return not (self.end and _date_ceil(self.end) < day)


def _date_floor(value: str) -> str:
    """ "2012" -> "2012-01-01", "1999-08" -> "1999-08-01": the earliest day it may mean."""
    return value[:10] if len(value) >= 10 else (value + "-01-01")[:10]


def _date_ceil(value: str) -> str:
    """ "2012" -> "2012-12-31", "1999-08" -> "1999-08-31": the latest day it may mean."""
    if len(value) >= 10:
        return value[:10]
    return value + ("-12-31" if len(value) == 4 else "-31")


@dataclass(frozen=True, slots=True)
class Entry:
    """One thing the knowledge base knows: a person, organisation, country or place."""

    id: str  # the QID where there is one, else a local id such as "x:ria-novosti"
    qid: str | None
    name: str
    type: str  # person | organization | country | place | group
    country: str | None  # ISO 3166-1 alpha-3
    gender: str | None = None
    given: str | None = None
    patronymic: str | None = None
    of: str | None = None  # for a capital: the id of its country (metonymy target)
    roles: tuple[Role, ...] = field(default_factory=tuple)

    def roles_on(self, date: str | None) -> list[Role]:
        return [r for r in self.roles if r.active_on(date)]

    def role_names_on(self, date: str | None) -> list[str]:
        seen: list[str] = []
        for r in self.roles_on(date):
            if r.role not in seen:
                seen.append(r.role)
        return seen


@dataclass(frozen=True, slots=True)
class Match:
    """An alias found by :meth:`KB.lookup`: which entry, by which kind of alias."""

    entry: Entry
    kind: str  # name | alt | abbr | demonym | capital | surname | patronymic | loose
    alias: str


class KB:
    """The loaded knowledge base. Use :meth:`load`; every query is cached."""

    def __init__(self, conn: sqlite3.Connection, path: Path) -> None:
        self.path = path
        self._conn = conn
        self.meta: dict[str, str] = dict(conn.execute("SELECT k, v FROM meta").fetchall())
        rows = conn.execute("SELECT first, maxlen FROM scan").fetchall()
        self._scan_first: dict[str, int] = {first: maxlen for first, maxlen in rows}
        self._entries: dict[str, Entry | None] = {}
        self._given_genders: dict[str, str] | None = None

    @classmethod
    def load(cls, path: str | Path) -> KB:
        p = Path(path)
        if not p.is_file():
            raise FileNotFoundError(f"no knowledge base at {p}; build it with `readout kb build`")
        # read-only and shareable across threads: the index is never written after build
        conn = sqlite3.connect(f"file:{p}?mode=ro&immutable=1", uri=True, check_same_thread=False)
        kb = cls(conn, p)
        if kb.meta.get("schema") != SCHEMA_VERSION:
            raise ValueError(f"{p} was built for another readout version; rebuild it")
        return kb

    @property
    def build_id(self) -> str:
        """``kb<schema>-<digest of its data>`` (the build time for older builds)."""
        data = self.meta.get("digest") or self.meta.get("built", "?")
        return f"kb{self.meta.get('schema', '?')}-{data}"

    # entries ---------------------------------------------------------------------------

    def entry(self, id_or_qid: str) -> Entry | None:
        if id_or_qid in self._entries:
            return self._entries[id_or_qid]
        row = self._conn.execute(
            # an entry with a QID has it as its id, so one key finds both kinds
            "SELECT id, qid, name, type, country, gender, given, patronymic, of FROM entity "
            "WHERE id = ?",
            (id_or_qid,),
        ).fetchone()
        found = None
        if row is not None:
            id_, qid, name, type_, country, gender, given, patronymic, of = row
            roles = tuple(
                Role(*r)
                for r in self._conn.execute(
                    "SELECT o.role, o.title, r.country, r.start, r.end FROM role r "
                    "JOIN office o ON o.oid = r.oid WHERE r.id = ? ORDER BY r.start",
                    (id_,),
                )
            )
            found = Entry(
                id_, qid, name, type_, country, gender, given, patronymic, of, roles=roles
            )
        self._entries[id_or_qid] = found
        return found

    def given_name_gender(self, given: str) -> str | None:
        """The gender most people with this first name in the knowledge base have ("Dianne"
        -> "female"), when at least four in five of them share it; None for names it does
        not hold or that both carry ("Jean", "Andrea")."""
        if self._given_genders is None:
            counts: dict[str, Counter[str]] = {}
            for first, name, gender in self._conn.execute(
                "SELECT given, name, gender FROM entity "
                "WHERE type = 'person' AND gender IN ('male', 'female')"
            ):
                words = (first or name).split()
                if words:
                    counts.setdefault(fold(words[0]).casefold(), Counter())[gender] += 1
            self._given_genders = {
                k: c.most_common(1)[0][0]
                for k, c in counts.items()
                if c.most_common(1)[0][1] >= 0.8 * sum(c.values())
            }
        return self._given_genders.get(fold(given).casefold())

    def lookup(self, name: str, kinds: Iterable[str] | None = None) -> list[Match]:
        """Every entry whose alias has the key of ``name`` (optionally of some kinds only)."""
        wanted = set(kinds) if kinds is not None else None
        out: list[Match] = []
        for id_, kind, alias in self._alias_rows(name_key(name)):
            if wanted is not None and kind not in wanted:
                continue
            entry = self.entry(id_)
            if entry is not None:
                out.append(Match(entry, kind, alias))
        return out

    def candidates(self, name: str, type: str | None = None) -> list[Entry]:
        """Entries a name may refer to: exact aliases first, then loose person-name matches."""
        seen: dict[str, Entry] = {}
        for m in self.lookup(name, kinds=("name", "alt", "abbr", "patronymic")):
            if type is None or m.entry.type == type:
                seen.setdefault(m.entry.id, m.entry)
        if not seen and (type in (None, "person")):
            for id_, kind, _alias in self._alias_rows("~" + loose_key(name)):
                entry = self.entry(id_)
                if kind == "loose" and entry is not None and entry.type == "person":
                    seen.setdefault(entry.id, entry)
        return list(seen.values())

    def by_surname(self, surname: str) -> list[Entry]:
        """People whose surname is (loosely) this word: "Lavrov" -> Sergey Lavrov, ..."""
        out: dict[str, Entry] = {}
        for id_, kind, _alias in self._alias_rows("~" + loose_key(surname)):
            entry = self.entry(id_)
            if kind == "surname" and entry is not None:
                out.setdefault(entry.id, entry)
        return list(out.values())

    def roles_on(self, qid: str, date: str | None) -> list[Role]:
        """The offices ``qid`` (or a local id) held on ``date`` (ISO; None: as of the data)."""
        entry = self.entry(qid)
        return entry.roles_on(date) if entry else []

    def holders(self, role: str, country: str | None, date: str | None) -> list[tuple[Entry, Role]]:
        """Who held a role category in a country on a date, with the office that made it so."""
        rows = self._conn.execute(
            "SELECT DISTINCT r.id FROM role r JOIN office o ON o.oid = r.oid "
            "WHERE o.role = ? AND (? IS NULL OR r.country = ?)",
            (role, country, country),
        ).fetchall()
        out: list[tuple[Entry, Role]] = []
        for (id_,) in rows:
            entry = self.entry(id_)
            if entry is None:
                continue
            for r in entry.roles:
                if (
                    r.role == role
                    and (country is None or r.country == country)
                    and r.active_on(date)
                ):
                    out.append((entry, r))
                    break
        return out

    # scanning text ---------------------------------------------------------------------

    def scan_length(self, first_word: str) -> int:
        """How many words an alias starting with this word may have (0: none starts so)."""
        return self._scan_first.get(name_key(first_word), 0)

    def scan(self, text: str) -> list[Match]:
        """Aliases that may be matched in running text (not surnames or loose keys)."""
        return [m for m in self.lookup(text) if m.kind in _SCANNABLE]

    @functools.lru_cache(maxsize=65536)  # noqa: B019 - one KB per process, the cache is the point
    def _alias_rows(self, key: str) -> tuple[tuple[str, str, str], ...]:
        return tuple(
            self._conn.execute("SELECT id, kind, text FROM alias WHERE key = ?", (key,)).fetchall()
        )


_SCANNABLE = frozenset({"name", "alt", "abbr", "demonym", "capital", "patronymic"})


# --- the process-wide default ----------------------------------------------------------

_DEFAULT: dict[str, KB | None] = {}
_WARNED: list[bool] = []


def default_kb() -> KB | None:
    """The knowledge base at :func:`default_kb_path`, loaded once; None (and one warning)
    when it has not been built, so that actors still come out, unlinked."""
    path = default_kb_path()
    key = str(path)
    if key not in _DEFAULT:
        try:
            _DEFAULT[key] = KB.load(path)
        except (FileNotFoundError, ValueError, sqlite3.Error) as exc:
            _DEFAULT[key] = None
            if not _WARNED:
                _WARNED.append(True)
                warnings.warn(
                    f"readout knowledge base not available ({exc}); actors will have no "
                    "Wikidata links",
                    RuntimeWarning,
                    stacklevel=2,
                )
    return _DEFAULT[key]
