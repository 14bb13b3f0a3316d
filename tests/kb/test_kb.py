"""The knowledge base: built from a tiny gazetteer written here, then looked up."""

from __future__ import annotations

import csv
import json
import time
import warnings
from pathlib import Path

import pytest

from readout.kb import lookup
from readout.kb.build import build_kb, classify_position, main_build
from readout.kb.lookup import KB, case_ok, default_shared_dir, loose_key, name_key

# --- a tiny gazetteer in the shape of ../shared/data/gazetteer -------------------------

_CODES = [
    # ISO3, wikidata, CLDR, UNTERM short, official
    ("RUS", "Q159", "Russia", "Russian Federation (the)", "Russian Federation"),
    ("BLR", "Q184", "Belarus", "Belarus", "Republic of Belarus"),
    ("USA", "Q30", "US", "United States of America (the)", "United States of America"),
    ("GBR", "Q145", "UK", "United Kingdom (the)", "United Kingdom"),
    ("CHN", "Q148", "China", "China", "China"),
    ("FRA", "Q142", "France", "France", "France"),
]
_MLEDOZE = [
    ("RUS", "Russia", "Russian Federation", ["RU", "Russian Federation"], "Russian", "Moscow"),
    (
        "BLR",
        "Belarus",
        "Republic of Belarus",
        ["BY", "Bielarus", "Republic of Belarus"],
        "Belarusian",
        "Minsk",
    ),
    (
        "USA",
        "United States",
        "United States of America",
        ["US", "USA"],
        "American",
        "Washington D.C.",
    ),
    (
        "GBR",
        "United Kingdom",
        "United Kingdom of Great Britain and Northern Ireland",
        ["GB", "UK", "Great Britain"],
        "British",
        "London",
    ),
    ("CHN", "China", "People's Republic of China", ["CN", "Zhongguo"], "Chinese", "Beijing"),
    ("FRA", "France", "French Republic", ["FR", "French Republic"], "French", "Paris"),
]
_POSITIONS = [
    # country_qid, iso3, position_qid, title, label
    ("Q159", "RUS", "Q218295", "President", "President of Russia"),
    ("Q159", "RUS", "Q842386", "Prime Minister", "Prime Minister of Russia"),
    (
        "Q159",
        "RUS",
        "Q1418873",
        "Minister of Foreign Affairs",
        "Minister of Foreign Affairs of Russia",
    ),
    (
        "Q159",
        "RUS",
        "Q110997096",
        "Foreign Ministry Spokeperson",
        "Spokesperson of the Ministry of Foreign Affairs of Russia",
    ),
    ("Q159", "RUS", "Q111", "President", "President of the Sakha Republic"),
    ("Q184", "BLR", "Q1049659", "President", "President of Belarus"),
    ("Q184", "BLR", "Q12379704", "Prime Minister", "Prime Minister of Belarus"),
    (
        "Q184",
        "BLR",
        "Q2045068",
        "Minister of Foreign Affairs",
        "Minister of Foreign Affairs of Belarus",
    ),
]
_HOLDERS = [
    # country_qid, country, iso3, position_qid, position, person_qid, person, start, end, gender
    (
        "Q159",
        "Russia",
        "RUS",
        "Q218295",
        "President",
        "Q7747",
        "Vladimir Putin",
        "2000-05-07",
        "2008-05-07",
        "",
    ),
    (
        "Q159",
        "Russia",
        "RUS",
        "Q218295",
        "President",
        "Q7747",
        "Vladimir Putin",
        "2012-05-07",
        "",
        "",
    ),
    (
        "Q159",
        "Russia",
        "RUS",
        "Q842386",
        "Prime Minister",
        "Q7747",
        "Vladimir Putin",
        "2008-05-08",
        "2012-05-07",
        "",
    ),
    (
        "Q159",
        "Russia",
        "RUS",
        "Q218295",
        "President",
        "Q23530",
        "Dmitry Medvedev",
        "2008-05-07",
        "2012-05-07",
        "",
    ),
    (
        "Q159",
        "Russia",
        "RUS",
        "Q842386",
        "Prime Minister",
        "Q23530",
        "Dmitry Medvedev",
        "2012-05-08",
        "2020-01-16",
        "",
    ),
    (
        "Q159",
        "Russia",
        "RUS",
        "Q842386",
        "Prime Minister",
        "Q4298520",
        "Mikhail Mishustin",
        "2020-01-16",
        "",
        "",
    ),
    (
        "Q159",
        "Russia",
        "RUS",
        "Q1418873",
        "Minister of Foreign Affairs",
        "Q58217",
        "Sergey Lavrov",
        "2004-03-09",
        "",
        "",
    ),
    (
        "Q159",
        "Russia",
        "RUS",
        "Q110997096",
        "Foreign Ministry Spokeperson",
        "Q20812953",
        "Maria Zakharova",
        "2015-08-10",
        "",
        "",
    ),
    (
        "Q159",
        "Russia",
        "RUS",
        "Q999",
        "Deputy Minister of Finance",
        "Q17562668",
        "Aleksey Lavrov",
        "2011-06-15",
        "",
        "",
    ),
    (
        "Q159",
        "Russia",
        "RUS",
        "Q111",
        "President",
        "Q4",
        "Aysen Nikolayev",
        "2018-09-26",
        "",
        "male",
    ),
    (
        "Q184",
        "Belarus",
        "BLR",
        "Q1049659",
        "President",
        "Q2866",
        "Alexander Lukashenko",
        "1994-07-20",
        "",
        "",
    ),
    (
        "Q184",
        "Belarus",
        "BLR",
        "Q12379704",
        "Prime Minister",
        "Q27043179",
        "Roman Golovchenko",
        "2020-06-04",
        "",
        "",
    ),
    (
        "Q184",
        "Belarus",
        "BLR",
        "Q2045068",
        "Minister of Foreign Affairs",
        "Q2026222",
        "Vladimir Makei",
        "2012-08-20",
        "",
        "",
    ),
]
_LEADERS = [
    (
        "Q30",
        "United States of America",
        "Q11696",
        "President of the United States",
        "Q6279",
        "Joe Biden",
        "2021",
        "",
    )
]
_FOREIGN = [
    (
        "Q7821",
        "Antony Blinken",
        "Q30",
        "United States of America",
        "Q180",
        "United States Secretary of State",
        "2021-01-26",
        "x",
    )
]
_ORGS = """\
Collective Security Treaty Organization:
  SPRVD_id: SPRVD1
  Wikidata_code: Q318693
  Name_en: Collective Security Treaty Organization
  Abbreviation_en: CSTO
Eurasian Economic Union:
  SPRVD_id: SPRVD2
  Wikidata_code: Q4173083
  Name_en: Eurasian Economic Union
  Abbreviation_en: EAEU
United Nations:
  SPRVD_id: SPRVD3
  Wikidata_code: Q1065
  Name_en: United Nations
  Abbreviation_en: UN
"""


def write_tiny_gazetteer(shared: Path) -> Path:
    """A gazetteer folder with a handful of rows in each upstream file's shape."""
    gaz = shared / "data" / "gazetteer"
    for sub in ("countries", "people", "orgs"):
        (gaz / sub).mkdir(parents=True, exist_ok=True)
    with (gaz / "countries" / "country-codes.csv").open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(
            [
                "ISO3166-1-Alpha-3",
                "wikidata_id",
                "CLDR display name",
                "UNTERM English Short",
                "official_name_en",
            ]
        )
        for iso3, qid, cldr, unterm, official in _CODES:
            w.writerow([iso3, f"https://www.wikidata.org/wiki/{qid}", cldr, unterm, official])
    countries = [
        {
            "name": {"common": common, "official": official},
            "cca3": iso3,
            "altSpellings": alts,
            "demonyms": {"eng": {"m": dem, "f": dem}},
            "capital": [cap],
        }
        for iso3, common, official, alts, dem, cap in _MLEDOZE
    ]
    (gaz / "countries" / "mledoze_countries.json").write_text(
        json.dumps(countries), encoding="utf-8"
    )
    with (gaz / "people" / "positions.csv").open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["country_qid", "iso3", "position_qid", "title", "label"])
        w.writerows(_POSITIONS)
    with (gaz / "people" / "officeholders_21c.csv").open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(
            [
                "country_qid",
                "country",
                "iso3",
                "position_qid",
                "position",
                "person_qid",
                "person",
                "start",
                "end",
                "gender",
                "enwiki",
            ]
        )
        w.writerows([(*row, "") for row in _HOLDERS])
    with (gaz / "people" / "world_leaders_2022.csv").open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(
            [
                "countryid",
                "country",
                "position",
                "positionLabel",
                "officeholder",
                "officeholderLabel",
                "start_year",
                "end_year",
            ]
        )
        w.writerows(_LEADERS)
    with (gaz / "people" / "foreign_ministers_2022.csv").open(
        "w", newline="", encoding="utf-8"
    ) as fh:
        w = csv.writer(fh)
        w.writerow(
            [
                "person",
                "name",
                "country",
                "countryLabel",
                "position",
                "positionLabel",
                "start",
                "psid",
            ]
        )
        w.writerow(
            ["", "", "Q754", "Trinidad and Tobago", "Q1", "Minister of Foreign Affairs", "", ""]
        )
        w.writerows(_FOREIGN)
    (gaz / "orgs" / "supraverden_general_list.yaml").write_text(_ORGS, encoding="utf-8")
    return shared


def build_tiny_kb(tmp: Path) -> KB:
    shared = write_tiny_gazetteer(tmp / "shared")
    out = tmp / "kb.sqlite"
    build_kb(shared, out)
    return KB.load(out)


@pytest.fixture(scope="module")
def kb(tmp_path_factory: pytest.TempPathFactory) -> KB:
    return build_tiny_kb(tmp_path_factory.mktemp("kb"))


# --- building ----------------------------------------------------------------------------


def test_build_reports_figures_and_loads_fast(tmp_path: Path) -> None:
    shared = write_tiny_gazetteer(tmp_path / "shared")
    stats = build_kb(shared, tmp_path / "kb.sqlite")
    assert stats["bytes"] == (tmp_path / "kb.sqlite").stat().st_size > 0
    assert stats["by_type"]["person"] >= 12
    assert stats["by_type"]["country"] == 6
    assert stats["load_seconds"] < 1.0
    started = time.perf_counter()
    KB.load(tmp_path / "kb.sqlite")
    assert time.perf_counter() - started < 1.0


def test_main_build_prints_stats(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    shared = write_tiny_gazetteer(tmp_path / "shared")
    main_build(str(shared), str(tmp_path / "out" / "kb.sqlite"))
    err = capsys.readouterr().err
    assert "built in" in err and "loads in" in err and "MB" in err and "entries" in err
    assert (tmp_path / "out" / "kb.sqlite").is_file()


def test_build_without_gazetteer_keeps_curated_entries(tmp_path: Path) -> None:
    stats = build_kb(tmp_path / "nothing-here", tmp_path / "kb.sqlite")
    kb = KB.load(tmp_path / "kb.sqlite")
    assert stats["entities"] > 0
    assert kb.candidates("Dmitry Peskov")[0].country == "RUS"
    assert kb.candidates("TASS")[0].qid == "Q223799"
    (politico,) = kb.candidates("Politico")
    assert (politico.type, [r.role for r in politico.roles]) == ("organization", ["news outlet"])
    assert [e.name for e in kb.candidates("New York Times")] == ["The New York Times"]
    assert kb.candidates("Hill") == [] and kb.candidates("RT") == []


# --- lookups -----------------------------------------------------------------------------


def test_people_with_countries_and_time_aware_roles(kb: KB) -> None:
    (putin,) = kb.candidates("Vladimir Putin")
    assert (putin.qid, putin.country, putin.type) == ("Q7747", "RUS", "person")
    assert [r.role for r in kb.roles_on("Q7747", "2023-06-09")] == ["head of state"]
    assert [r.role for r in kb.roles_on("Q7747", "2010-03-01")] == ["head of government"]
    assert [r.role for r in kb.roles_on("Q7747", None)] == ["head of state"]
    (luka,) = kb.candidates("Alexander Lukashenko")
    assert (luka.qid, luka.country) == ("Q2866", "BLR")
    assert luka.patronymic == "Grigoryevich"  # from the curated additions


def test_holders_on_a_date(kb: KB) -> None:
    def names(role: str, country: str, date: str | None) -> list[str]:
        return sorted(e.name for e, _r in kb.holders(role, country, date))

    assert names("head of state", "RUS", "2010-01-01") == ["Dmitry Medvedev"]
    assert names("head of state", "RUS", "2023-04-05") == ["Vladimir Putin"]
    assert names("head of government", "RUS", "2023-04-05") == ["Mikhail Mishustin"]
    assert names("foreign minister", "USA", "2023-01-01") == ["Antony Blinken"]
    assert names("head of state", "USA", "2022-06-01") == ["Joe Biden"]
    assert "Dmitry Peskov" in names("spokesperson", "RUS", "2023-04-05")


def test_spellings_and_loose_transliteration(kb: KB) -> None:
    assert [e.qid for e in kb.candidates("Alyaksandr Lukashenka")] == ["Q2866"]
    assert [e.qid for e in kb.candidates("Sergei Lavrov")] == ["Q58217"]
    assert loose_key("Dmitriy Peskov") == loose_key("Dmitry Peskov") == loose_key("Dmitri Peskov")
    assert {e.name for e in kb.by_surname("Lavrov")} == {"Sergey Lavrov", "Aleksey Lavrov"}


def test_countries_demonyms_capitals_and_bodies(kb: KB) -> None:
    def first(name: str, kind: str | None = None):
        found = [m for m in kb.lookup(name) if kind is None or m.kind == kind]
        return found[0].entry

    assert (first("Russia").qid, first("Russia").type) == ("Q159", "country")
    assert first("the Russian Federation").country == "RUS"
    assert first("Belarusian", "demonym").country == "BLR"
    assert first("Russians", "demonym").country == "RUS"
    minsk = first("Minsk", "capital")
    assert (minsk.type, minsk.country, minsk.of) == ("place", "BLR", "Q184")
    assert first("Moscow").qid == "Q649"
    assert first("CSTO").qid == "Q318693"
    assert first("Union State").qid == "Q166110"  # curated, though the tiny supraverden lacks it


def test_curated_agencies_and_seats(kb: KB) -> None:
    (tass,) = kb.candidates("TASS")
    assert (tass.type, tass.country, [r.role for r in tass.roles]) == (
        "organization",
        "RUS",
        ["news agency"],
    )
    (belta,) = kb.candidates("BelTA")
    assert (belta.qid, belta.country) == (None, "BLR")
    (kremlin,) = kb.candidates("the Kremlin")
    assert (kremlin.type, kremlin.country) == ("organization", "RUS")
    assert kb.candidates("White House")[0].country == "USA"


def test_name_keys_and_capitalisation() -> None:
    assert name_key("the U.S.") == name_key("US") == "us"
    assert name_key("Élysée") == "elysee"
    assert case_ok("US", "US") and not case_ok("us", "US")
    assert case_ok("TASS", "TASS") and not case_ok("Tass", "TASS")
    assert case_ok("Moscow", "Moscow") and not case_ok("moscow", "Moscow")


@pytest.mark.parametrize(
    ("title", "label", "role"),
    [
        ("President", "President of Russia", "head of state"),
        ("Prime Minister", "Prime Minister of Russia", "head of government"),
        (
            "Minister of Foreign Affairs",
            "Minister of Foreign Affairs of Belarus",
            "foreign minister",
        ),
        ("", "United States Secretary of State", "foreign minister"),
        ("Foreign Ministry Spokeperson", "", "spokesperson"),
        ("Deputy Prime Minister", "", "deputy head of government"),
        ("Deputy Minister of Foreign Affairs", "", "deputy minister"),
        ("Minister of Defence", "", "defence minister"),
        ("Minister of Culture", "", "minister"),
        ("ambassador to France", "", "ambassador"),
        ("President of the Senate", "", "speaker"),
        ("Governor of the Central Bank", "", "central bank governor"),
        ("President", "President of the Sakha Republic", "regional leader"),
    ],
)
def test_classify_position(title: str, label: str, role: str) -> None:
    assert (
        classify_position(
            title, label, {"russia", "russian federation", "belarus", "united states"}
        )
        == role
    )


def test_offices_of_no_country_are_never_heads() -> None:
    assert (
        classify_position("President", "President of the United Nations General Assembly", None)
        == "speaker"
    )
    assert classify_position("Prime Minister", "Prime Minister of Abkhazia", None) == "official"


def test_missing_index_warns_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("READOUT_KB", str(tmp_path / "absent.sqlite"))
    monkeypatch.setattr(lookup, "_DEFAULT", {})
    monkeypatch.setattr(lookup, "_WARNED", [])
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert lookup.default_kb() is None
        assert lookup.default_kb() is None
    assert len([w for w in caught if "knowledge base" in str(w.message)]) == 1


def test_paths_follow_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("READOUT_KB", str(tmp_path / "k.sqlite"))
    monkeypatch.setenv("READOUT_SHARED", str(tmp_path))
    assert lookup.default_kb_path() == tmp_path / "k.sqlite"
    assert default_shared_dir() == tmp_path
    monkeypatch.delenv("READOUT_KB")
    assert lookup.default_kb_path().parts[-3:] == ("kb", "data", "kb.sqlite")


def test_loading_a_missing_file_says_how_to_build(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="readout kb build"):
        KB.load(tmp_path / "none.sqlite")


# --- the real gazetteer, where this checkout has it -----------------------------------

_SHARED = default_shared_dir()


@pytest.mark.skipif(
    not (_SHARED / "data" / "gazetteer" / "people" / "officeholders_21c.csv").is_file(),
    reason="../shared gazetteer not present",
)
def test_real_gazetteer(tmp_path: Path) -> None:
    stats = build_kb(_SHARED, tmp_path / "kb.sqlite")
    kb = KB.load(tmp_path / "kb.sqlite")
    assert stats["load_seconds"] < 1.0
    assert stats["bytes"] < 20_000_000
    assert stats["by_type"]["person"] > 20_000
    (putin,) = kb.candidates("Vladimir Putin")
    assert (putin.qid, putin.country) == ("Q7747", "RUS")
    assert [e.qid for e in kb.candidates("Alexander Lukashenko")] == ["Q2866"]
    assert [e.name for e, _r in kb.holders("head of state", "RUS", "2023-06-09")] == [
        "Vladimir Putin"
    ]
    assert [e.name for e, _r in kb.holders("foreign minister", "BLR", "2021-01-01")] == [
        "Vladimir Makei"
    ]
    assert kb.candidates("Zakharova") == [] and "Maria Zakharova" in {
        e.name for e in kb.by_surname("Zakharova")
    }
    # English news still writes the country's pre-2022 name
    assert [(e.type, e.country) for e in kb.candidates("Turkey")] == [("country", "TUR")]
    assert kb.given_name_gender("Dianne") == "female"
