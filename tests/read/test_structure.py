"""Document structure from text: kind, dateline, publication date, body, translation note."""

from __future__ import annotations

from pathlib import Path

import pytest

from readout.model import Document, Span
from readout.read.structure import analyse_structure

FIXTURES = Path(__file__).parent.parent / "fixtures"


def _doc(text: str, **kw: object) -> Document:
    doc = Document(id="t", source="test", text=text, **kw)  # type: ignore[arg-type]
    analyse_structure(doc)
    _check_spans(doc)
    return doc


def _fixture(name: str) -> Document:
    return _doc((FIXTURES / name).read_text(encoding="utf-8"))


def _check_spans(doc: Document) -> None:
    spans: list[Span] = []
    if doc.body is not None:
        spans.append(doc.body)
    if doc.dateline is not None:
        spans.append(doc.dateline.span)
        if doc.dateline.place is not None:
            spans.append(doc.dateline.place)
    for span in spans:
        assert span.holds_in(doc.text), span
        assert span.text == span.text.strip()


# --- the two fixtures ------------------------------------------------------------------


def test_transcript_fixture() -> None:
    doc = _fixture("kremlin_transcript.txt")
    assert doc.kind == "transcript"
    assert doc.dateline is not None
    assert doc.dateline.span.text == "June 9, 2023, 14:30, Sochi"
    assert doc.dateline.date == "2023-06-09"
    assert doc.dateline.time == "14:30"
    assert doc.dateline.place is not None and doc.dateline.place.text == "Sochi"
    assert (doc.published, doc.published_from) == ("2023-06-09", "text")
    assert doc.translated_from == "ru"
    assert doc.body is not None
    assert doc.body.text.startswith("Meeting with President of Belarus Alexander Lukashenko")
    assert doc.body.text.endswith("Vladimir Putin: Agreed. Thank you.")
    assert "translated" not in doc.body.text


def test_news_fixture() -> None:
    doc = _fixture("news_report.txt")
    assert doc.kind == "article"
    body = doc.body
    assert body is not None
    assert body.text.startswith('Putin tells Lukashenko relations between Moscow and Minsk have "')
    assert body.text.endswith("adding that no date had yet been fixed.")
    for chrome in (
        "Skip to content",
        "Jul 22nd",
        "The Eastern Courier",
        "Opinion  Contact",
        "Home > News",
        "Share this",
        "Forward to your friends",
        "Source - The Kremlin",
        "©",
    ):
        assert chrome not in body.text, chrome
    # the wire dateline gives place and day but no year
    assert doc.dateline is not None
    assert doc.dateline.span.text == "MOSCOW, April 6"
    assert doc.dateline.place is not None and doc.dateline.place.text == "MOSCOW"
    assert doc.dateline.date is None


def test_news_fixture_ignores_viewing_date_and_infers_year() -> None:
    doc = _fixture("news_report.txt")
    # "Mon. Jul 22nd, 2024" heads the page: the day it was viewed, not published
    assert doc.published != "2024-07-22"
    # "Wednesday, April 5th" before a 2024 viewing date was in 2023, so the April 6
    # dateline is 2023-04-06 — said as an inference, not as text
    assert (doc.published, doc.published_from) == ("2023-04-06", "inferred")


# --- kind ------------------------------------------------------------------------------

_TRANSCRIPT = """Talks with the Prime Minister

Vladimir Putin: Good afternoon. I am glad to see you.

Mikhail Mishustin: Thank you, Mr President. We have prepared the report you asked for.

Vladimir Putin: Please go ahead. What do you think about the figures?

Mikhail Mishustin: Growth was 3.6 percent, we expect more next year.
"""


def test_kind_transcript_from_labels() -> None:
    assert _doc(_TRANSCRIPT).kind == "transcript"


def test_kind_question_and_answer_interview() -> None:
    text = (
        "Interview with the Foreign Minister\n\n"
        "Question: Minister, what did you agree on today?\n\n"
        "Sergei Lavrov: We agreed to meet again in July. I think it was a useful day.\n\n"
        "Question: Will there be new sanctions?\n\n"
        "Sergei Lavrov: We are ready for anything, as you know.\n"
    )
    assert _doc(text).kind == "transcript"


def test_kind_abbreviated_q_and_a() -> None:
    text = (
        "Q: What do you make of the vote?\n\n"
        "A: I think it was expected. We saw it coming.\n\n"
        "Q: And what happens next?\n\n"
        "A: We wait for the count.\n"
    )
    assert _doc(text).kind == "transcript"


def test_kind_article_with_note_source_photo_lines() -> None:
    text = (
        "Kremlin says talks went well\n\n"
        "Photo: Reuters\n\n"
        "Kremlin spokesperson Dmitry Peskov said the talks had gone well.\n\n"
        "Note: This story has been updated with comments from Minsk.\n\n"
        "The two sides agreed to meet again next month.\n\n"
        "Source: TASS\n\n"
        "Editor's note: An earlier version misspelt a name.\n"
    )
    assert _doc(text).kind == "article"


def test_kind_article_with_one_quoted_label_line() -> None:
    text = (
        "Putin warns the West\n\n"
        "Russian President Vladimir Putin addressed the forum on Friday.\n\n"
        "Putin: We will respond to any threat, as we always have.\n\n"
        "The speech lasted an hour and touched on energy and trade.\n"
    )
    assert _doc(text).kind == "article"


def test_kind_article_with_headline_style_labels() -> None:
    # a live blog: "Name: Headline" over third-person paragraphs
    text = (
        "Live: summit day two\n\n"
        "Putin: Russia Will Respond To Any Attack\n\n"
        "The Russian president spoke to reporters in the morning.\n\n"
        "Lukashenko: Belarus Ready To Host Talks\n\n"
        "The Belarusian leader repeated his offer.\n\n"
        "Putin: Gas Prices Will Stay Low\n\n"
        "He said prices for Belarus would be unchanged.\n"
    )
    assert _doc(text).kind == "article"


def test_kind_article_with_name_headings_over_profiles() -> None:
    text = (
        "Who is who in the new cabinet\n\n"
        "Mishustin: Mikhail Mishustin keeps his post as prime minister.\n\n"
        "Lavrov: Sergei Lavrov remains foreign minister, a post he has held since 2004.\n\n"
        "Shoigu: Sergei Shoigu moves to the Security Council.\n\n"
        "Belousov: Andrei Belousov takes over the defence ministry.\n"
    )
    assert _doc(text).kind == "article"


def test_kind_article_with_list_labels() -> None:
    text = (
        "Winners and losers of the summit\n\n"
        "Winner: the energy sector\n\n"
        "Gas deliveries will rise, officials said.\n\n"
        "Loser: small exporters\n\n"
        "Customs rules will get stricter.\n\n"
        "Winner: the railways\n\n"
        "Freight will be subsidised.\n"
    )
    assert _doc(text).kind == "article"


# --- dateline and publication date ---------------------------------------------------


def test_dateline_place_on_next_line() -> None:
    doc = _doc("Meeting with the Governor\nJune 9, 2023, 14:30\nSochi\n\nThe President met...\n")
    assert doc.dateline is not None
    assert doc.dateline.date == "2023-06-09"
    assert doc.dateline.time == "14:30"
    assert doc.dateline.place is not None and doc.dateline.place.text == "Sochi"
    assert doc.dateline.span.text == "June 9, 2023, 14:30\nSochi"


def test_dateline_day_month_year_and_12_hour_clock() -> None:
    doc = _doc("Talks\n9 June 2023, 2:30 pm, Novo-Ogaryovo, Moscow Region\n\nText of the talks.\n")
    assert doc.dateline is not None
    assert (doc.dateline.date, doc.dateline.time) == ("2023-06-09", "14:30")
    assert doc.dateline.place is not None
    assert doc.dateline.place.text == "Novo-Ogaryovo, Moscow Region"


@pytest.mark.parametrize(
    ("opening", "span", "place"),
    [
        ("MOSCOW, April 6 (Reuters) - The Kremlin said", "MOSCOW, April 6 (Reuters)", "MOSCOW"),
        ("MINSK, 6 April /BelTA/ - The president said", "MINSK, 6 April /BelTA/", "MINSK"),
        ("WASHINGTON (AP) — The White House said", "WASHINGTON (AP)", "WASHINGTON"),
        ("KYIV, Ukraine (Reuters) - Officials said", "KYIV, Ukraine (Reuters)", "KYIV, Ukraine"),
    ],
)
def test_wire_datelines(opening: str, span: str, place: str) -> None:
    doc = _doc(f"Headline here\n\n{opening} that talks would go on.\n")
    assert doc.dateline is not None
    assert doc.dateline.span.text == span
    assert doc.dateline.place is not None and doc.dateline.place.text == place
    # no year in the dateline and nothing else dates the text: no date is invented
    assert doc.dateline.date is None
    assert doc.published is None and doc.published_from is None


def test_wire_dateline_with_year() -> None:
    doc = _doc("Headline\n\nMOSCOW, April 6, 2023 (Reuters) - The Kremlin said so.\n")
    assert doc.dateline is not None and doc.dateline.date == "2023-04-06"
    assert (doc.published, doc.published_from) == ("2023-04-06", "text")


def test_wire_dateline_year_from_same_date_in_text() -> None:
    text = (
        "Headline\n\nMOSCOW, April 6 - Talks held on April 6, 2023 went well, the Kremlin said.\n"
    )
    doc = _doc(text)
    assert (doc.published, doc.published_from) == ("2023-04-06", "inferred")


@pytest.mark.parametrize(
    "opening",
    [
        "FILE - In this photo taken on Monday, the president speaks.",
        "With Sen. Susan Collins (R-ME) - the vote was close.",
        "Kremlin spokesperson Dmitry Peskov said on Thursday the talks went on.",
    ],
)
def test_not_a_dateline(opening: str) -> None:
    assert _doc(f"Headline\n\n{opening}\n").dateline is None


def test_page_header_date_is_not_the_publication_date() -> None:
    doc = _doc("Mon. Jul 22nd, 2024\nPutin meets Lukashenko\n\nThe two leaders met in Moscow.\n")
    assert doc.published is None and doc.published_from is None
    assert doc.dateline is None
    assert doc.body is not None and doc.body.text.startswith("Putin meets Lukashenko")


def test_published_line_near_title() -> None:
    text = (
        "Putin meets Lukashenko\n"
        "Published: 12 March 2024\n"
        "Updated: 13 March 2024, 10:05\n\n"
        "The two leaders met in Moscow.\n"
    )
    doc = _doc(text)
    assert (doc.published, doc.published_from) == ("2024-03-12", "text")


def test_updated_line_when_no_published_line() -> None:
    doc = _doc("Putin meets Lukashenko\nUpdated March 13, 2024\n\nThe two leaders met.\n")
    assert (doc.published, doc.published_from) == ("2024-03-13", "text")


def test_byline_date() -> None:
    doc = _doc("Putin meets Lukashenko\nBy Jane Roe | April 6, 2023\n\nThe two leaders met.\n")
    assert (doc.published, doc.published_from) == ("2023-04-06", "text")


def test_published_from_metadata_is_kept() -> None:
    doc = _doc("Talks\nJune 9, 2023, 14:30, Sochi\n\nText.\n", published="2023-06-10")
    assert (doc.published, doc.published_from) == ("2023-06-10", "metadata")
    assert doc.dateline is not None and doc.dateline.date == "2023-06-09"


def test_no_date_anywhere() -> None:
    doc = _doc("Putin meets Lukashenko\n\nThe two leaders met in Moscow on Wednesday.\n")
    assert doc.published is None and doc.published_from is None and doc.dateline is None


# --- body ------------------------------------------------------------------------------

_ARTICLE = "Putin meets Lukashenko\n\nThe two leaders met in Moscow.\n\nThey discussed trade."


@pytest.mark.parametrize(
    "footer",
    [
        "Share this",
        "Share on Facebook",
        "Forward to your friends",
        "Print",
        "Tweet",
        "Facebook Twitter Telegram",
        "Source - The Kremlin",
        "Source: TASS",
        "Sources: Reuters, AFP",
        "© 2024 The Eastern Courier",
        "Copyright 2024 The Eastern Courier. All rights reserved.",
        "All rights reserved.",
        "Subscribe to our newsletter",
        "Tags: Russia, Belarus, Union State",
        "Related articles\nLukashenko visits Moscow\nTrade grows by 12%",
        "Read more:\nWhat the Union State is",
        "This text has been translated from Russian by machine translation.",
        "Reporting by Jane Roe; Editing by John Doe",
    ],
)
def test_body_excludes_footer(footer: str) -> None:
    doc = _doc(f"{_ARTICLE}\n\n{footer}\n")
    assert doc.body is not None
    assert doc.body.text == _ARTICLE


@pytest.mark.parametrize(
    "header",
    [
        "Mon. Jul 22nd, 2024",
        "Skip to content",
        "Home | News | World | Politics",
        "Home > News > World",
        "Home  World  Politics  Economy  Opinion",
        "The Eastern Courier\nHome | News | World",
        "Skip to content\nMonday, July 22, 2024\nThe Eastern Courier\nHome  World  Politics",
    ],
)
def test_body_excludes_header(header: str) -> None:
    doc = _doc(f"{header}\n\n{_ARTICLE}\n")
    assert doc.body is not None
    assert doc.body.text == _ARTICLE


def test_body_all_chrome_kinds_together() -> None:
    text = (
        "Skip to content\nMon. Jul 22nd, 2024\nThe Eastern Courier\nHome > News\n\n"
        f"{_ARTICLE}\n\nShare this\nForward to your friends\nSource: TASS\n"
        "Tags: Russia\n© 2024 The Eastern Courier. All rights reserved.\n"
    )
    doc = _doc(text)
    assert doc.body is not None and doc.body.text == _ARTICLE


def test_body_is_whole_stripped_text_without_chrome() -> None:
    text = f"\n\n  {_ARTICLE}  \n\n"
    doc = _doc(text)
    assert doc.body is not None
    assert doc.body.text == _ARTICLE
    assert (doc.body.start, doc.body.end) == (4, 4 + len(_ARTICLE))


def test_body_keeps_doubtful_lines() -> None:
    # prose that merely starts like chrome stays: better a stray line than lost content
    text = (
        f"{_ARTICLE}\n\n"
        "Sources close to the Kremlin said the talks were difficult.\n\n"
        "Share prices in Minsk rose after the meeting, traders said."
    )
    doc = _doc(text)
    assert doc.body is not None and doc.body.text == text


@pytest.mark.parametrize(
    "last",
    [
        "Terms of the deal were not disclosed.",
        "Copyright law was also on the agenda, officials said.",
        "Topics discussed included energy and customs rules.",
        "Join us in Minsk next year, Lukashenko told his guest.",
        "Print media in both countries covered the talks widely.",
    ],
)
def test_body_keeps_last_paragraph_that_looks_like_chrome(last: str) -> None:
    text = f"{_ARTICLE}\n\n{last}"
    doc = _doc(text)
    assert doc.body is not None and doc.body.text == text


def test_body_excludes_footer_link_row() -> None:
    doc = _doc(f"{_ARTICLE}\n\nPrivacy Policy | Terms of Use | Contact Us\n")
    assert doc.body is not None and doc.body.text == _ARTICLE


def test_dateline_after_header_chrome_is_kept() -> None:
    doc = _doc("Skip to content\nJune 9, 2023, 14:30\nSochi\n\nThe President met...\n")
    assert doc.dateline is not None and doc.dateline.place is not None
    assert (doc.dateline.date, doc.dateline.place.text) == ("2023-06-09", "Sochi")
    assert (doc.published, doc.published_from) == ("2023-06-09", "text")


def test_body_keeps_short_headline_before_dated_line() -> None:
    # a date under a headline is the article's, and the headline is not a site name
    text = "Putin meets Lukashenko\nMonday, July 22, 2024\n\nThe two leaders met in Moscow."
    doc = _doc(text)
    assert doc.body is not None and doc.body.text == text
    assert doc.published == "2024-07-22" and doc.published_from == "text"


def test_body_uses_metadata_title_to_find_the_start() -> None:
    text = "Courier\nWorld\n\nPutin meets Lukashenko\n\nThe two leaders met in Moscow."
    doc = _doc(text, title="Putin meets Lukashenko")
    assert doc.body is not None and doc.body.text.startswith("Putin meets Lukashenko")


def test_body_html_title_with_site_name() -> None:
    text = "Courier\nWorld\n\nPutin meets Lukashenko in Moscow\n\nThe two leaders met."
    doc = _doc(text, title="Putin meets Lukashenko in Moscow | The Eastern Courier")
    assert doc.body is not None and doc.body.text.startswith("Putin meets Lukashenko in Moscow")


def test_body_site_name_from_metadata() -> None:
    text = f"The Eastern Courier\n\n{_ARTICLE}"
    doc = _doc(text, meta={"outlet": "The Eastern Courier"})
    assert doc.body is not None and doc.body.text == _ARTICLE


def test_windows_line_endings() -> None:
    text = "Putin meets Lukashenko\r\n\r\nThe two leaders met.\r\n\r\nShare this\r\n"
    doc = _doc(text)
    assert (
        doc.body is not None
        and doc.body.text == "Putin meets Lukashenko\r\n\r\nThe two leaders met."
    )


def test_empty_text() -> None:
    doc = _doc("  \n\n ")
    assert doc.body is not None and doc.body.text == ""
    assert doc.kind == "article" and doc.published is None


# --- translation ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("note", "code"),
    [
        ("This text has been translated from Russian by machine translation.", "ru"),
        ("Translated from the German by Jane Roe.", "de"),
        ("This article was machine-translated from Chinese.", "zh"),
        ("(Translated from Ukrainian)", "uk"),
        ("Translation from the Belarusian by the editors", "be"),
    ],
)
def test_translated_from(note: str, code: str) -> None:
    doc = _doc(f"{_ARTICLE}\n\n{note}\n")
    assert doc.translated_from == code
    assert doc.body is not None and doc.body.text == _ARTICLE


def test_translated_from_none_without_note() -> None:
    assert _doc(_ARTICLE).translated_from is None


def test_translation_in_prose_is_not_a_note() -> None:
    text = (
        "Putin meets Lukashenko\n\nThe two leaders met in Moscow.\n\n"
        "A letter translated from Russian by the embassy staff was handed to reporters.\n\n"
        "They discussed trade and energy prices for the coming year at length."
    )
    assert _doc(text).translated_from is None


def test_translated_from_metadata_is_kept() -> None:
    doc = _doc(f"{_ARTICLE}\n\nTranslated from the German.\n", translated_from="pl")
    assert doc.translated_from == "pl"


def test_chrome_lines_inside_the_body() -> None:
    from readout.read.structure import chrome_lines, is_chrome

    promo = (
        "Get the Monitor Stories you care about delivered to your inbox. "
        "By signing up, you agree to our Privacy Policy"
    )
    text = f"The minister said talks went well.\n{promo}\nStory Continued Below\nHe left."
    assert is_chrome(promo) and is_chrome("ADVERTISEMENT") and is_chrome("Share this")
    assert is_chrome("Enlarge this image toggle caption Saul Loeb/AFP/Getty Images")
    assert not is_chrome("The minister said he would sign up for the talks.")
    assert not is_chrome("")
    ranges = chrome_lines(text)
    assert [text[a:b] for a, b in ranges] == [promo, "Story Continued Below"]
    assert chrome_lines(text, 0, text.index(promo)) == []
