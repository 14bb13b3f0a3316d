"""Building readout's knowledge base: the gazetteer plus curated additions, into one SQLite file.

Inputs (``<shared>/data/gazetteer``, described in its SOURCES.md; any file may be absent):
``countries/country-codes.csv`` (ISO codes and Wikidata ids), ``countries/mledoze_countries.json``
(names, demonyms, capitals), ``people/officeholders_21c.csv`` with ``people/positions.csv``,
``people/world_leaders_2022.csv``, ``people/foreign_ministers_2022.csv`` (who held which office
when) and ``orgs/supraverden_general_list.yaml`` (international organisations); then
``kb/curated.yaml`` from this package (press secretaries, news agencies, seats of power,
spellings).
"""

from __future__ import annotations

import csv
import hashlib
import json
import os
import re
import sqlite3
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import yaml

from readout.kb.lookup import (
    KB,
    SCHEMA_VERSION,
    default_kb_path,
    default_shared_dir,
    loose_key,
    name_key,
)
from readout.lexicon import words

CURATED_PATH = Path(__file__).resolve().parent / "curated.yaml"

# Names written surname first, so "Xi" (not "Jinping") is how the news says it again.
_SURNAME_FIRST = frozenset({"CHN", "TWN", "PRK", "KOR", "HKG", "MAC"})
_NAME_SUFFIXES = words("generation_suffixes")


# --- sorting offices into role categories ----------------------------------------------

_R = re.compile  # short alias for the table below


def classify_position(
    title: str, label: str = "", country_names: Iterable[str] | None = None
) -> str:
    """The role category of an office from its short title and full label.

    "President" / "President of Russia" -> "head of state"; "Prime Minister" ->
    "head of government"; "Minister of Foreign Affairs" -> "foreign minister"; "Press
    Secretary of the President of Russia" -> "spokesperson"; unknown offices -> "official".
    ``country_names`` (name keys of the office's country) tell a national head from a regional
    one: "President of the Sakha Republic" in Russia is a "regional leader". With None, the
    office belongs to no country (an international organisation's) and is never a head.
    """
    text = f"{title} | {label}".lower()
    for pattern, role in _ROLE_RULES:
        if pattern.search(text):
            if role in ("head of state", "head of government"):
                if country_names is None:
                    return "official"
                if _regional(label or title, country_names):
                    return "regional leader"
            return role
    return "official"


def _regional(label: str, country_names: Iterable[str]) -> bool:
    """Whether "<office> of <place>" names a place that is not the country itself."""
    _, sep, place = label.partition(" of ")
    if not sep:
        return False
    place_key = name_key(place)
    if re.match(
        r"(?:the )?(?:government|council of ministers|state council|republic|state|"
        r"presidency|union|federation|cabinet|federal council|confederation)\b",
        place_key,
    ) and not re.search(r"\bof\b", place_key):
        return False
    return not any(n and n in place_key for n in country_names)


_DEPUTY = (
    r"(?:deputy|vice|assistant|under|junior|state secretary|secretary of state (?:to|at)|"
    r"minister of state)"
)
_START = r"(?:^|\| )(?:acting |interim |federal )?"
_ROLE_RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    (_R(r"spokes|spokeperson|press secretary|press attach"), "spokesperson"),  # sic: upstream typo
    (_R(r"ambassador|permanent representative|high commissioner to|envoy"), "ambassador"),
    (_R(r"first lady|first gentleman|spouse"), "first lady"),
    (
        _R(
            r"deputy prime minister|vice[- ]premier|deputy premier|vice[- ]chancellor\b(?! of)|"
            r"vice[- ]president of the (?:council of ministers|government)|"
            r"deputy chairman of the (?:government|council of ministers)"
        ),
        "deputy head of government",
    ),
    (_R(r"vice[- ]president|deputy president"), "vice president"),
    (_R(r"central bank|national bank|reserve bank|state bank|monetary"), "central bank governor"),
    (
        _R(
            r"speaker|president of the [\w' ]*(?:senate|assembly|chamber|parliament|house|"
            r"legislat|duma|federation council|council of the republic|congress|council of states|"
            r"national council|majlis|storting|riksdag|sejm|seimas|saeima|riigikogu|knesset|"
            r"bundestag|rada|privy council)|"
            r"chairman of the (?:state duma|federation council|parliament|national assembly|"
            r"house|senate|supreme council|verkhovna rada)"
        ),
        "speaker",
    ),
    (_R(r"\bjustice of\b|chief justice|\bjudge\b|court"), "judge"),
    (_R(r"attorney[- ]general|prosecutor|procurator"), "prosecutor general"),
    (_R(r"commander-in-chief|commander in chief"), "commander-in-chief"),
    (
        _R(
            r"chief of (?:the )?(?:general |defence |defense )?staff of the "
            r"(?:army|armed|defen|military|air|navy)|chief of (?:the )?general staff|"
            r"chief of defen|military chief"
        ),
        "military chief",
    ),
    (
        _R(
            r"presidential administration|chief of staff|chief of cabinet|"
            r"presidential executive office"
        ),
        "chief of staff",
    ),
    (_R(r"security council|national security advis"), "security official"),
    (_R(r"\bmayor\b|\bakim\b|äkim"), "mayor"),
    (_R(r"governor-general|governor general"), "governor-general"),
    (_R(r"chancellor of (?:justice|the exchequer|the duchy)"), "minister"),
    (
        _R(
            _START + r"(?:prime minister|premier|chancellor|taoiseach|"
            r"president of the government|president of the council of ministers|"
            r"chairman of the council of ministers|chair of the council of ministers|"
            r"chairman of the government|head of government|minister-president|chief minister)\b"
        ),
        "head of government",
    ),
    (
        _R(
            _START + r"(?:president|monarch|king|queen|emir|sultan|supreme leader|grand duke|"
            r"sovereign prince|prince|captain regent|chairman of the presidency|"
            r"member of the presidency|head of state|leader of the islamic emirate|ruler)\b"
        ),
        "head of state",
    ),
    (_R(r"secretary[- ]general|director[- ]general"), "secretary general"),
    (_R(r"private secretary|adviser|advisor|\baide\b|counsel|^head of|\| head of"), "official"),
    (
        _R(rf"{_DEPUTY}.*(?:foreign|external)|(?:foreign|external).*{_DEPUTY}"),
        "deputy minister",
    ),
    (
        _R(
            r"foreign (?:affairs|minister|secretary|relations)|external (?:affairs|relations)|"
            r"united states secretary of state|^secretary of state \| secretary of state$"
        ),
        "foreign minister",
    ),
    (_R(_DEPUTY), "deputy minister"),
    (_R(r"defen[cs]e|armed forces"), "defence minister"),
    (_R(r"\bfinance|treasury|treasurer|exchequer"), "finance minister"),
    (_R(r"interior|internal affairs|home affairs|home secretary"), "interior minister"),
    (
        _R(r"minister|secretary of state|secretary for|cabinet secretary|\bsecretary of\b"),
        "minister",
    ),
    (_R(r"\bgovernor\b"), "governor"),
)


# --- building --------------------------------------------------------------------------


class _Builder:
    def __init__(self) -> None:
        self.entities: dict[str, dict[str, Any]] = {}
        self.aliases: set[tuple[str, str, str, str]] = set()  # key, id, kind, surface text
        self.roles: dict[str, dict[tuple[str, str, str | None], tuple]] = defaultdict(dict)
        self.country_by_iso3: dict[str, str] = {}  # ISO alpha-3 -> entity id
        self.iso3_by_qid: dict[str, str] = {}
        self.counts: Counter[str] = Counter()
        self.sources: list[str] = []
        self._names: dict[str, set[str]] = {}

    # entities and aliases ------------------------------------------------------------

    def entity(self, id_: str, **fields: Any) -> dict[str, Any]:
        ent = self.entities.get(id_)
        if ent is None:
            ent = {
                "id": id_,
                "qid": None,
                "name": "",
                "type": "organization",
                "country": None,
                "gender": None,
                "given": None,
                "patronymic": None,
                "of": None,
            }
            self.entities[id_] = ent
        for k, v in fields.items():
            if v not in (None, "") and (ent.get(k) in (None, "") or k in ("type",)):
                ent[k] = v
        return ent

    def alias(self, id_: str, text: str | None, kind: str = "name") -> None:
        if not text:
            return
        text = " ".join(str(text).split())
        key = name_key(text)
        if len(key) < 2:
            return
        self.aliases.add((key, id_, kind, text))

    def person_aliases(self, id_: str, name: str, country: str | None) -> None:
        self.alias(id_, name, "name")
        words = [w for w in re.split(r"\s+", name.strip()) if w]
        core = [w for w in words if name_key(w) not in _NAME_SUFFIXES]
        if len(core) >= 2:
            self.aliases.add(("~" + loose_key(name), id_, "loose", ""))
            surname = core[0] if country in _SURNAME_FIRST else core[-1]
            # surnames and loose forms are only ever looked up, never shown: no surface text
            self.aliases.add(("~" + loose_key(surname), id_, "surname", ""))
            ent = self.entities[id_]
            if not ent.get("given"):
                ent["given"] = core[1] if country in _SURNAME_FIRST else core[0]

    def role(
        self,
        id_: str,
        role: str,
        title: str,
        country: str | None,
        start: str | None,
        end: str | None,
        position: str | None = None,
        coarse: bool = False,
    ) -> None:
        key = (position or title, start or "", country)
        table = self.roles[id_]
        if coarse and position and any(k[0] == position and k[2] == country for k in table):
            # the same office again from a coarser source (year-only dates): keep the first
            return
        table.setdefault(key, (role, title, country, start or None, end or None))

    def names_of(self, iso3: str | None) -> set[str] | None:
        """Name keys of a country (names, official names, demonyms), for telling national
        offices from regional ones; None for an office of no country."""
        if not iso3:
            return None
        if not self._names:
            # countries are all read by now: index their names once
            country_ids = {v: k for k, v in self.country_by_iso3.items()}
            for k, i, kind, _ in self.aliases:
                if i in country_ids and kind != "capital":
                    self._names.setdefault(country_ids[i], {name_key(country_ids[i])}).add(k)
        return self._names.get(iso3) or {name_key(iso3)}

    # sources -----------------------------------------------------------------------------

    def countries(self, gaz: Path, curated: dict[str, Any]) -> None:
        names = self._country_codes(gaz / "countries" / "country-codes.csv")
        mledoze = gaz / "countries" / "mledoze_countries.json"
        data: list[dict[str, Any]] = []
        if mledoze.is_file():
            self.sources.append(str(mledoze))
            data = json.loads(mledoze.read_text(encoding="utf-8"))
        capitals: list[tuple[str, str]] = []
        for c in data:
            capitals.extend(self._country(c, names))
        for iso3, extra in (curated.get("country_aliases") or {}).items():
            country_id = self.country_by_iso3.get(iso3)
            if country_id:
                for a in extra:
                    self.alias(country_id, a, "name")
        for iso3, extra in (curated.get("country_demonyms") or {}).items():
            country_id = self.country_by_iso3.get(iso3)
            if country_id:
                for a in extra:
                    self.alias(country_id, a, "demonym")
        self._capitals(capitals, curated)

    def _country_codes(self, codes: Path) -> dict[str, list[str]]:
        """Each country's Wikidata id by ISO code, from the codes table; returns their names."""
        names: dict[str, list[str]] = defaultdict(list)
        if not codes.is_file():
            return names
        self.sources.append(str(codes))
        with codes.open(encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                iso3 = (row.get("ISO3166-1-Alpha-3") or "").strip()
                if not iso3:
                    continue
                qid = (row.get("wikidata_id") or "").rsplit("/", 1)[-1] or None
                if iso3 == "NAM" and not qid:
                    qid = "Q1030"  # the upstream blank noted in SOURCES.md
                if qid:
                    self.iso3_by_qid[qid] = iso3
                    self.country_by_iso3[iso3] = qid
                for col in ("CLDR display name", "UNTERM English Short", "official_name_en"):
                    value = (row.get(col) or "").replace("(the)", "").strip()
                    if value:
                        names[iso3].append(value)
        return names

    def _country(self, c: dict[str, Any], names: dict[str, list[str]]) -> list[tuple[str, str]]:
        """One country of mledoze's list with its names and demonyms; its (ISO code, capital)s."""
        iso3 = c.get("cca3")
        if iso3 == "UNK":
            iso3 = "XKX"  # Kosovo: the user-assigned code the office-holder data uses
        if not iso3:
            return []
        id_ = self.country_by_iso3.setdefault(iso3, f"iso:{iso3}")
        self.entity(
            id_,
            qid=id_ if id_.startswith("Q") else None,
            name=c["name"]["common"],
            type="country",
            country=iso3,
        )
        self.counts["countries"] += 1
        for n in [c["name"]["common"], c["name"]["official"], *names.get(iso3, [])]:
            self.alias(id_, n, "name")
        for alt in c.get("altSpellings") or []:
            if len(alt) > 2:
                self.alias(id_, alt, "alt")
        demonyms = (c.get("demonyms") or {}).get("eng") or {}
        for dem in {d for d in (demonyms.get("m"), demonyms.get("f")) if d}:
            self.alias(id_, dem, "demonym")
            if dem.endswith("an"):
                self.alias(id_, dem + "s", "demonym")
        return [(iso3, cap) for cap in c.get("capital") or []]

    def _capitals(self, capitals: list[tuple[str, str]], curated: dict[str, Any]) -> None:
        """The capitals as places, once every country's names are known."""
        stop = {name_key(s) for s in curated.get("capital_stoplist") or []}
        cap_extra: dict[str, dict[str, Any]] = curated.get("capitals") or {}
        country_keys = {k for k, i, kind, _ in self.aliases if kind in ("name", "alt")}
        for iso3, cap in capitals:
            extra = cap_extra.get(iso3) or {}
            qid = extra.get("qid")
            id_ = qid or f"cap:{iso3}:{name_key(cap)}"
            self.entity(
                id_,
                qid=qid,
                name=cap,
                type="place",
                country=iso3,
                of=self.country_by_iso3.get(iso3),
            )
            self.counts["capitals"] += 1
            for a in [cap, *(extra.get("aliases") or [])]:
                k = name_key(a)
                # a city-state's capital shares the country's name: the country wins
                if k in stop or k in country_keys:
                    continue
                self.alias(id_, a, "capital")

    def people(self, gaz: Path) -> None:
        ppl = gaz / "people"
        positions: dict[str, str] = {}
        pos_file = ppl / "positions.csv"
        if pos_file.is_file():
            self.sources.append(str(pos_file))
            with pos_file.open(encoding="utf-8") as fh:
                for row in csv.DictReader(fh):
                    positions[row["position_qid"]] = row.get("label") or row.get("title") or ""
        holders = ppl / "officeholders_21c.csv"
        if holders.is_file():
            self.sources.append(str(holders))
            per_person: dict[str, list[dict[str, str]]] = defaultdict(list)
            with holders.open(encoding="utf-8") as fh:
                for row in csv.DictReader(fh):
                    if row.get("person_qid"):
                        per_person[row["person_qid"]].append(row)
            for qid, rows in per_person.items():
                self._officeholder(qid, rows, positions)
        self._world_leaders(ppl / "world_leaders_2022.csv")
        self._foreign_ministers(ppl / "foreign_ministers_2022.csv")

    def _officeholder(
        self, qid: str, rows: list[dict[str, str]], positions: dict[str, str]
    ) -> None:
        """One person of the office-holder table, from all of their rows (one per office)."""
        iso = Counter(r["iso3"] for r in rows if r.get("iso3"))
        country = iso.most_common(1)[0][0] if iso else None
        gender = next((r["gender"] for r in rows if r.get("gender")), None)
        self.entity(
            qid,
            qid=qid,
            name=rows[0]["person"],
            type="person",
            country=country,
            gender=gender,
        )
        self.person_aliases(qid, rows[0]["person"], country)
        enwiki = next((r["enwiki"] for r in rows if r.get("enwiki")), "")
        enwiki = re.sub(r"\s*\(.*\)$", "", enwiki)
        if enwiki and name_key(enwiki) != name_key(rows[0]["person"]):
            self.alias(qid, enwiki, "name")
            self.aliases.add(("~" + loose_key(enwiki), qid, "loose", ""))
        for r in rows:
            label = positions.get(r.get("position_qid") or "", "")
            role = classify_position(r["position"], label, self.names_of(r.get("iso3")))
            title = label or r["position"]
            self.role(
                qid,
                role,
                title,
                r.get("iso3") or None,
                r.get("start"),
                r.get("end"),
                r.get("position_qid") or None,
            )
        self.counts["people"] += 1

    def _listed_person(self, qid: str, name: str, iso3: str | None) -> None:
        """A person a list of office holders names, added once with the name's aliases."""
        if qid in self.entities:
            return
        self.entity(qid, qid=qid, name=name, type="person", country=iso3)
        self.person_aliases(qid, name, iso3)
        self.counts["people"] += 1

    def _world_leaders(self, leaders: Path) -> None:
        if not leaders.is_file():
            return
        self.sources.append(str(leaders))
        with leaders.open(encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                leader = row.get("officeholder")
                if not leader:
                    continue
                iso3 = self.iso3_by_qid.get(row.get("countryid") or "")
                self._listed_person(leader, row["officeholderLabel"], iso3)
                label = row.get("positionLabel") or ""
                self.role(
                    leader,
                    classify_position("", label, self.names_of(iso3)),
                    label,
                    iso3,
                    row.get("start_year"),
                    row.get("end_year"),
                    row.get("position"),
                    coarse=True,
                )

    def _foreign_ministers(self, fms: Path) -> None:
        if not fms.is_file():
            return
        self.sources.append(str(fms))
        with fms.open(encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                minister = row.get("person")
                if not minister:
                    continue
                iso3 = self.iso3_by_qid.get(row.get("country") or "")
                self._listed_person(minister, row["name"], iso3)
                label = row.get("positionLabel") or "Minister of Foreign Affairs"
                self.role(
                    minister,
                    "foreign minister",
                    label,
                    iso3,
                    row.get("start"),
                    None,
                    row.get("position"),
                    coarse=True,
                )

    def orgs(self, gaz: Path) -> None:
        path = gaz / "orgs" / "supraverden_general_list.yaml"
        if not path.is_file():
            return
        self.sources.append(str(path))
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        with path.open(encoding="utf-8") as fh:
            data = yaml.load(fh, Loader=loader) or {}
        for key, org in data.items():
            if not isinstance(org, dict):
                continue
            code = str(org.get("Wikidata_code") or "").strip()
            qid = code if re.fullmatch(r"Q\d+", code) else None
            id_ = qid or f"sv:{org.get('SPRVD_id') or name_key(str(key))}"
            name = str(org.get("Name_en") or key)
            self.entity(id_, qid=qid, name=name, type="organization")
            self.counts["organizations"] += 1
            self.alias(id_, str(key), "name")
            for field_name, value in org.items():
                if not isinstance(value, str):
                    continue
                if re.fullmatch(r"Name(?:_other(?:_\d+)?)?_en", field_name):
                    self.alias(id_, value, "name")
                elif re.fullmatch(r"Abbreviation(?:_other(?:_\d+)?)?_en", field_name):
                    if len(value) >= 2 and any(c.isupper() for c in value):
                        self.alias(id_, value, "abbr")

    def curated(self, cur: dict[str, Any]) -> None:
        self._curated_persons(cur)
        self._curated_organizations(cur)
        for ent in self.entities.values():
            if ent["type"] == "person" and ent.get("patronymic") and ent.get("given"):
                self.alias(ent["id"], f"{ent['given']} {ent['patronymic']}", "patronymic")

    def _curated_persons(self, cur: dict[str, Any]) -> None:
        """The curated people, and what the curated file adds to the gazetteer's."""
        for p in cur.get("persons") or []:
            id_ = p.get("qid") or p["id"]
            self.entity(
                id_,
                qid=p.get("qid"),
                name=p["name"],
                type="person",
                country=p.get("country"),
                gender=p.get("gender"),
                patronymic=p.get("patronymic"),
            )
            self.person_aliases(id_, p["name"], p.get("country"))
            for a in p.get("aliases") or []:
                self.alias(id_, a, "name")
                self.aliases.add(("~" + loose_key(a), id_, "loose", ""))
            for r in p.get("roles") or []:
                self.role(
                    id_,
                    r["role"],
                    r.get("title") or r["role"],
                    r.get("country"),
                    _iso(r.get("start")),
                    _iso(r.get("end")),
                )
            self.counts["curated"] += 1
        for qid, extra in (cur.get("person_extras") or {}).items():
            ent = self.entities.get(qid)
            if ent is None:
                continue  # only enrich people the gazetteer has; never invent them
            for k in ("gender", "patronymic"):
                if extra.get(k):
                    ent[k] = extra[k]
            for a in extra.get("aliases") or []:
                self.alias(qid, a, "name")
                self.aliases.add(("~" + loose_key(a), qid, "loose", ""))
            self.counts["curated"] += 1

    def _curated_organizations(self, cur: dict[str, Any]) -> None:
        """The curated news agencies and outlets, seats of power and international bodies."""
        outlets = [(a, "news agency") for a in cur.get("agencies") or []]
        outlets += [(a, "news outlet") for a in cur.get("outlets") or []]
        for a, role in outlets:
            id_ = a.get("qid") or a["id"]
            self.entity(
                id_, qid=a.get("qid"), name=a["name"], type="organization", country=a.get("country")
            )
            self.role(id_, role, role, a.get("country"), None, None)
            for al in [a["name"], *(a.get("aliases") or [])]:
                self.alias(id_, al, "abbr" if al.isupper() else "name")
            self.counts["curated"] += 1
        for s in cur.get("seats") or []:
            id_ = s.get("qid") or s["id"]
            self.entity(
                id_, qid=s.get("qid"), name=s["name"], type="organization", country=s.get("country")
            )
            self.role(id_, s.get("role") or "office", s["name"], s.get("country"), None, None)
            for al in [s["name"], *(s.get("aliases") or [])]:
                self.alias(id_, al, "name")
            self.counts["curated"] += 1
        for b in cur.get("bodies") or []:
            id_ = b.get("qid") or b["id"]
            ent = self.entity(id_, qid=b.get("qid"), type="organization")
            ent["name"] = b["name"]  # the curated short form reads better than the treaty name
            for al in [b["name"], *(b.get("aliases") or [])]:
                self.alias(id_, al, "abbr" if al.replace(".", "").isupper() else "name")
            self.counts["curated"] += 1

    # writing -------------------------------------------------------------------------------

    def write(self, out_path: Path, meta: dict[str, str]) -> None:
        out_path.parent.mkdir(parents=True, exist_ok=True)
        tmp = out_path.with_name(out_path.name + f".tmp{os.getpid()}")
        if tmp.exists():
            tmp.unlink()
        conn = sqlite3.connect(tmp)
        try:
            conn.executescript(
                """
                PRAGMA journal_mode = OFF;
                PRAGMA synchronous = OFF;
                PRAGMA page_size = 4096;
                CREATE TABLE meta (k TEXT PRIMARY KEY, v TEXT) WITHOUT ROWID;
                CREATE TABLE entity (id TEXT PRIMARY KEY, qid TEXT, name TEXT, type TEXT,
                    country TEXT, gender TEXT, given TEXT, patronymic TEXT, of TEXT)
                    WITHOUT ROWID;
                CREATE TABLE alias (key TEXT, id TEXT, kind TEXT, text TEXT,
                    PRIMARY KEY (key, id, kind, text)) WITHOUT ROWID;
                CREATE TABLE office (oid INTEGER PRIMARY KEY, role TEXT, title TEXT);
                CREATE TABLE role (id TEXT, oid INTEGER, country TEXT, start TEXT, end TEXT);
                CREATE TABLE scan (first TEXT PRIMARY KEY, maxlen INTEGER) WITHOUT ROWID;
                """
            )
            self._insert(conn, meta)
            conn.executescript(
                """
                CREATE INDEX role_id ON role (id);
                CREATE INDEX office_role ON office (role);
                """
            )
            conn.commit()
            conn.execute("VACUUM")
        finally:
            conn.close()
        os.replace(tmp, out_path)

    def _insert(self, conn: sqlite3.Connection, meta: dict[str, str]) -> None:
        columns = ("id", "qid", "name", "type", "country", "gender", "given", "patronymic", "of")
        conn.executemany(
            "INSERT INTO entity VALUES (?,?,?,?,?,?,?,?,?)",
            [tuple(e[c] for c in columns) for e in self.entities.values()],
        )
        conn.executemany("INSERT INTO alias VALUES (?,?,?,?)", sorted(self.aliases))
        offices, rows = self._offices_and_roles()
        conn.executemany(
            "INSERT INTO office VALUES (?,?,?)", [(o, r, t) for (r, t), o in offices.items()]
        )
        conn.executemany("INSERT INTO role VALUES (?,?,?,?,?)", rows)
        conn.executemany("INSERT INTO scan VALUES (?,?)", sorted(self._scan().items()))
        conn.executemany("INSERT INTO meta VALUES (?,?)", sorted(meta.items()))

    def _offices_and_roles(self) -> tuple[dict[tuple[str, str], int], list[tuple]]:
        """Each (role, title) once with its number, and the role rows that refer to it."""
        # offices repeat across thousands of rows: store each (role, title) once
        offices: dict[tuple[str, str], int] = {}
        rows = []
        for id_, table in self.roles.items():
            for role, title, country, start, end in table.values():
                oid = offices.setdefault((role, title), len(offices) + 1)
                rows.append((id_, oid, country, start, end))
        return offices, rows

    def _scan(self) -> dict[str, int]:
        """The most words an alias starting with each first word has, for scanning texts."""
        scan: dict[str, int] = {}
        for key, _id, kind, _text in self.aliases:
            if kind not in ("name", "alt", "abbr", "demonym", "capital", "patronymic"):
                continue
            if self.entities[_id]["type"] == "person" and kind == "name" and " " not in key:
                continue  # a one-word person alias is a surname: resolved, never scanned
            first = re.split(r"[\s\-]", key, maxsplit=1)[0]
            words = len(re.split(r"[\s\-]+", key))
            scan[first] = max(scan.get(first, 0), words)
        return scan


def _iso(value: Any) -> str | None:
    return None if value in (None, "") else str(value)


def build_kb(shared_dir: Path, out_path: Path, curated_path: Path | None = None) -> dict[str, Any]:
    """Build the index at ``out_path`` from ``shared_dir``'s gazetteer and the curated file.

    Returns stats: build and load seconds, bytes, and how many entries of each kind.
    """
    started = time.perf_counter()
    gaz = Path(shared_dir) / "data" / "gazetteer"
    curated = yaml.safe_load((curated_path or CURATED_PATH).read_text(encoding="utf-8")) or {}
    b = _Builder()
    b.countries(gaz, curated)
    b.people(gaz)
    b.orgs(gaz)
    b.curated(curated)
    types = Counter(e["type"] for e in b.entities.values())
    roles = Counter(r[0] for table in b.roles.values() for r in table.values())
    meta = {
        "schema": SCHEMA_VERSION,
        "built": time.strftime("%Y-%m-%dT%H:%M:%S"),
        "digest": _digest(b.sources, curated),
        "sources": json.dumps(b.sources),
        "entities": str(len(b.entities)),
    }
    b.write(Path(out_path), meta)
    build_s = time.perf_counter() - started
    t = time.perf_counter()
    kb = KB.load(out_path)
    load_s = time.perf_counter() - t
    del kb
    return {
        "path": str(out_path),
        "build_seconds": round(build_s, 3),
        "load_seconds": round(load_s, 4),
        "bytes": Path(out_path).stat().st_size,
        "entities": len(b.entities),
        "aliases": len(b.aliases),
        "roles": sum(len(t) for t in b.roles.values()),
        "by_type": dict(sorted(types.items())),
        "by_role": dict(roles.most_common(12)),
        "sources": len(b.sources),
    }


def main_build(shared: str | None = None, out: str | None = None) -> None:
    """``readout kb build``: build the index and print its figures to stderr."""
    shared_dir = Path(shared) if shared else default_shared_dir()
    out_path = Path(out) if out else default_kb_path()
    if not (shared_dir / "data" / "gazetteer").is_dir():
        print(
            f"warning: no gazetteer under {shared_dir}/data/gazetteer; building from the "
            "curated additions only (set READOUT_SHARED or pass --shared)",
            file=sys.stderr,
        )
    stats = build_kb(shared_dir, out_path)
    _print_stats(stats)


def _print_stats(stats: dict[str, Any], out: Any = None) -> None:
    stream = out or sys.stderr
    print(f"knowledge base: {stats['path']}", file=stream)
    print(
        f"  built in {stats['build_seconds']:.2f} s, "
        f"loads in {stats['load_seconds'] * 1000:.1f} ms, {stats['bytes'] / 1e6:.1f} MB",
        file=stream,
    )
    print(
        f"  {stats['entities']} entries ({_fmt(stats['by_type'].items())}), "
        f"{stats['aliases']} aliases, {stats['roles']} roles",
        file=stream,
    )
    print(f"  roles: {_fmt(stats['by_role'].items())}", file=stream)


def _fmt(items: Iterable[tuple[str, int]]) -> str:
    return ", ".join(f"{k} {v}" for k, v in items)


if __name__ == "__main__":
    main_build(*[*sys.argv[1:3], None, None][:2])


def _digest(sources: list[str], curated: dict[str, Any]) -> str:
    """A short hash of the data a build read: two builds from the same files share it, so a
    record's ``producer.kb`` says which data its links came from (the build time does not)."""
    h = hashlib.sha256()
    for source in sources:
        h.update(Path(source).name.encode("utf-8"))
        h.update(Path(source).read_bytes())
    h.update(json.dumps(curated, sort_keys=True, default=str).encode("utf-8"))
    return h.hexdigest()[:12]
