"""The rule table: every rule is declared whole, and each finds, keeps and resolves an example
of its own."""

from __future__ import annotations

import re
from datetime import date

import pytest
from times_helpers import NLP

from readout.extract.times.candidate import Candidate
from readout.extract.times.context import Context
from readout.extract.times.rules import RULES, Rule
from readout.extract.times.tense import Annotations

# rule -> (a sentence, the match of the rule's pattern in it)
EXAMPLES = {
    "iso": ("Filed 2021-04-05 at noon.", "2021-04-05"),
    "numeric": ("The memo dated 7/8/07 leaked.", "7/8/07"),
    "mdy": ("It was signed on April 5, 2021 in Geneva.", "April 5, 2021"),
    "dmy": ("It opened on 5 April 2021.", "5 April 2021"),
    "my": ("Sales fell in March 2009.", "March 2009"),
    "m_rel": ("It opened in March of last year.", "March of last year"),
    "month": ("Exports fell in February.", "February"),
    "week_of": ("It opens the first week of May.", "the first week of May"),
    "year_range": ("Output grew in 2009-2010.", "2009-2010"),
    "decade": ("Prices peaked in the 1990s.", "the 1990s"),
    "century": ("It was built in the 19th century.", "the 19th century"),
    "year": ("Deliveries began in 2009.", "2009"),
    "apos_year": ("He graduated in '09.", "'09"),
    "fiscal": ("Revenue rose in fiscal 2021.", "fiscal 2021"),
    "quarter": ("Profit fell in the fourth quarter.", "the fourth quarter"),
    "q_abbr": ("Profit fell in Q3 2021.", "Q3 2021"),
    "half": ("Profit in the first half of 2022.", "the first half of 2022"),
    "season": ("He left in the spring of 2019.", "the spring of 2019"),
    "same_period": ("Sales rose from the same period last year.", "the same period last year"),
    "weekday": ("The ministers met on Tuesday.", "Tuesday"),
    "deictic": ("He arrived yesterday.", "yesterday"),
    "rel_unit": ("Trade grew last year.", "last year"),
    "anaphor": ("The day before, the minister resigned.", "The day before"),
    "clock": ("Trading halted at 18:00 UTC.", "18:00 UTC"),
    "pod": ("Talks went on late into the night.", "late into the night"),
    "ref": ("The company currently employs 900.", "currently"),
    "set": ("They meet every Monday.", "every Monday"),
    "duration": ("Talks lasted three days.", "three days"),
    "range_start": ("It takes between 60 and 90 days.", "60"),
    "vague_dur": ("It has risen for years.", "years"),
    "adj_dur": ("A years-long dispute.", "years-long"),
    "intraday": ("The intraday high.", "intraday"),
    "holiday": ("They met on Christmas Day.", "Christmas Day"),
}


def test_every_rule_has_a_name_a_pattern_needs_a_check_and_a_resolver() -> None:
    names = [rule.name for rule in RULES]
    assert len(names) == len(set(names))
    for rule in RULES:
        assert isinstance(rule.pattern, re.Pattern) and rule.pattern.pattern, rule.name
        assert rule.needs and all(isinstance(w, str) and w for w in rule.needs), rule.name
        assert callable(rule.check) and callable(rule.resolve), rule.name
    assert set(EXAMPLES) == set(names)


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.name)
def test_each_rule_finds_keeps_and_resolves_its_example(rule: Rule) -> None:
    text, expression = EXAMPLES[rule.name]
    low = text.lower()
    assert any(any(ch.isdigit() for ch in low) if w == "0" else w in low for w in rule.needs)
    matches = [m for m in rule.pattern.finditer(text) if m.group(0) == expression]
    assert len(matches) == 1, [m.group(0) for m in rule.pattern.finditer(text)]
    m = matches[0]
    c = Candidate(m.start(), m.end(), rule.name, m.groupdict(), RULES.index(rule))
    assert rule.check(text, c)
    doc = NLP(text)
    ctx = Context(doc, text, date(2023, 4, 6), "published", Annotations.of(doc), [0], [0])
    assert rule.resolve(c, ctx) is not None
