"""The stage's working records: the per-document lookups shared by the rules and the model
(:class:`Context`), the speech tagger's probabilities as prefix sums (:class:`SpeechSums`),
and what one cue word says before ids and actors (:class:`Candidate`)."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

import numpy as np
from spacy.tokens import Doc, Token

from readout.extract.statements import tagger
from readout.extract.statements.cues import frame_cue, load_cues, quote_runs, word_classes
from readout.extract.statements.quotes import Quote
from readout.extract.statements.syntax import subtree_range, token_flags, trim
from readout.model import Document


@dataclass(slots=True)
class Candidate:
    """What one cue word says: the pieces of a statement before ids and actors."""

    cue: tuple[int, int]  # char range
    cue_tok: int  # token index (the anchor used for merging)
    content: tuple[int, int]  # char range
    source: tuple[int, int] | None = None  # char range of the speaker mention
    source_head: int | None = None  # token index of the speaker's head word
    addressee_head: int | None = None
    relay_head: int | None = None  # "quoted by Y" / "Y reported, citing X": Y
    direct: bool = False
    origin: str = "rule"
    score: float = 1.0
    quotes: list[Quote] = field(default_factory=list)


class Context:
    """Per-document lookups shared by the rules and the model."""

    def __init__(
        self,
        doc: Doc,
        document: Document,
        quotes: list[Quote],
        speech: np.ndarray | None = None,
    ) -> None:
        self.doc = doc
        # per-token probabilities from the speech tagger (None: the plain models are used)
        self.speech = speech
        self._speech_sums: SpeechSums | None = None
        self._paragraph: dict[int, tuple[int, int]] = {}  # token -> its paragraph's tokens
        self.text = document.text
        self.quotes = quotes
        self.cues = load_cues()
        # for each character, the quote that holds it: a sorted list for bisection
        self.quote_starts = [q.start for q in quotes]
        self._frame: dict[Quote, Token | None] | None = None
        self._classes: dict[int, frozenset[str]] = {}
        self._runs: dict[int, list[Quote]] | None = None

    def speech_sums(self) -> SpeechSums:
        """The tagger's probabilities summed for constant-time features."""
        if self._speech_sums is None:
            assert self.speech is not None
            self._speech_sums = SpeechSums(self.speech, self.doc)
        return self._speech_sums

    def frame_cues(self) -> dict[Quote, Token | None]:
        """Each quotation's cue as its surrounding words give it (None: no cue nearby)."""
        if self._frame is None:
            self._frame = {q: frame_cue(self, q) for q in self.quotes}
        return self._frame

    def quote_runs(self) -> dict[int, list[Quote]]:
        """Cue token -> the quotations it introduces (see :func:`cues.quote_runs`)."""
        if self._runs is None:
            self._runs = quote_runs(self)
        return self._runs

    def quote_at(self, char: int) -> Quote | None:
        k = bisect.bisect_right(self.quote_starts, char) - 1
        if k >= 0 and self.quotes[k].start <= char < self.quotes[k].end:
            return self.quotes[k]
        return None

    def in_quote(self, tok: Token) -> bool:
        return self.quote_at(tok.idx) is not None

    def classes(self, tok: Token) -> frozenset[str]:
        """The lexicon classes of a word ("point out" as a whole when it has the particle)."""
        found = self._classes.get(tok.i)
        if found is None:
            found = word_classes(self.cues, tok)
            self._classes[tok.i] = found
        return found

    def content_range(self, head: Token, cue: Token) -> tuple[int, int]:
        lo, hi = subtree_range(head, stop=[cue])
        return self.clip(cue, lo, hi)

    def clip(self, head: Token, lo: int, hi: int) -> tuple[int, int]:
        """Characters of tokens [lo, hi), trimmed and kept inside the paragraph of ``head``
        (the cue): the parser's sentences may run across paragraph breaks and headlines,
        reported speech does not (a quotation that does is widened back by
        :meth:`snap_to_quotes`)."""
        fl = token_flags(self.doc)
        para = self._paragraph_of(head)
        lo, hi = max(lo, para[0]), min(hi, para[1])
        if hi <= lo:
            return head.idx, head.idx
        lo, hi = trim(self.doc, lo, hi)
        if hi <= lo:
            return head.idx, head.idx
        return fl.starts[lo], fl.ends[hi - 1]

    def _paragraph_of(self, head: Token) -> tuple[int, int]:
        """The token range of the paragraph that holds ``head``."""
        para = self._paragraph.get(head.i)
        if para is None:
            starts = token_flags(self.doc).starts
            text = self.text
            p_lo = text.rfind("\n", 0, head.idx) + 1
            p_hi = text.find("\n", head.idx)
            p_hi = len(text) if p_hi < 0 else p_hi
            para = bisect.bisect_left(starts, p_lo), bisect.bisect_left(starts, p_hi)
            self._paragraph[head.i] = para
        return para

    def snap_to_quotes(self, lo: int, hi: int) -> tuple[tuple[int, int], list[Quote]]:
        """Content made of quotations becomes exactly those quotations, marks included;
        content that merely contains or starts one is widened to hold it whole."""
        hit: list[Quote] = []
        covered = 0
        k = max(0, bisect.bisect_right(self.quote_starts, lo) - 1)
        for q in self.quotes[k:]:
            if q.start >= hi:
                break
            if q.end <= lo:
                continue
            overlap = min(hi, q.end) - max(lo, q.start)
            if (
                overlap >= 0.5 * (q.end - q.start)
                or overlap >= 0.5 * (hi - lo)
                or abs(q.start - lo) <= 1
            ):
                hit.append(q)
                covered += overlap
        if not hit:
            return (lo, hi), []
        if covered >= 0.6 * (hi - lo):
            return (hit[0].start, hit[-1].end), hit
        return (min(lo, hit[0].start), max(hi, hit[-1].end)), hit


def fifths(x: float) -> int:
    """A share in [0, 1] as a bucket 0..4."""
    return min(int(x * 5), 4)


class SpeechSums:
    """The tagger's probabilities as prefix sums and per-token buckets in plain lists, so
    that each feature is a constant-time lookup (the features are read for every judged
    word and every option; numpy calls on tiny slices cost more than the tagger itself)."""

    __slots__ = ("after", "before", "content", "cue", "inside", "labels", "low", "n", "newline")

    def __init__(self, probs: np.ndarray, doc: Doc) -> None:
        n = self.n = len(probs)
        con = probs[:, tagger.CONTENT].astype("float64")
        inside = 1.0 - probs[:, tagger.OUTSIDE].astype("float64")
        cs = np.concatenate([np.zeros(1), np.cumsum(con)])
        self.content = cs.tolist()
        self.inside = np.concatenate([np.zeros(1), np.cumsum(inside)]).tolist()
        self.low = np.concatenate([np.zeros(1), np.cumsum(inside < 0.5)]).tolist()
        self.cue = np.minimum((probs[:, tagger.CUE] * 5).astype(int), 4).tolist()
        self.labels = probs.argmax(axis=1).tolist()
        idx = np.arange(n)
        self.after = self._buckets(cs, idx + 1, np.minimum(n, idx + 6))
        self.before = self._buckets(cs, np.maximum(0, idx - 5), idx)
        self.newline = self._newlines(doc, n)

    @staticmethod
    def _newlines(doc: Doc, n: int) -> list[bool]:
        """Per token, whether it holds a line break."""
        fl = token_flags(doc)
        text = doc.text
        out = [False] * n
        at = text.find("\n")
        while at >= 0:
            k = bisect.bisect_right(fl.starts, at) - 1
            if k >= 0 and at < fl.ends[k]:
                out[k] = True
            at = text.find("\n", at + 1)
        return out

    @staticmethod
    def _buckets(cs: np.ndarray, a: np.ndarray, b: np.ndarray) -> list[str]:
        """:meth:`bucket` for many ranges at once."""
        count = b - a
        mean = (cs[b] - cs[a]) / np.maximum(count, 1)
        fifths = np.minimum((mean * 5).astype(int), 4).astype(str)
        return np.where(count > 0, fifths, "x").tolist()

    def bucket(self, a: int, b: int) -> str:
        """The mean content probability of tokens [a, b) in fifths ("x": no tokens)."""
        if b <= a:
            return "x"
        return str(fifths((self.content[b] - self.content[a]) / (b - a)))
