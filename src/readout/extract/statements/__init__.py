"""Statements: who said what to whom, and through whom.

Evidence comes from three places and is merged per cue word:

1. Quotations found on the text itself (:func:`find_quotes`): straight, curly and doubled
   apostrophe ('') marks, quotes that run across paragraphs, quotes interrupted by their cue,
   each tied to the cue its surrounding words name ("..., X said"; "X said:"; "― Name").
2. Rules over the parse, with the cue lexicon (``readout/lexicon/cues.txt``): verbs of saying
   and belief with a clausal complement ("said that ..."), nouns with one ("the claim that
   ...", "allegations of ..."), "expressed hope that", "according to X", relayed speech ("X
   was quoted by Y", "Y reported, citing X": speaker X, ``via`` [Y]) and addressees
   ("told/informed/assured Z").
3. A linear model (``statements_model.json.gz``; recipe and figures in
   ``training/statements``) trained on PolNeAR train: it judges every verb, content-taking
   noun and adjective as a cue and picks its content among the stretches the parse offers.
   PolNeAR's notion of attribution is broader than speech ("endorsed", "downplayed the
   risk"), and the model follows it. Where it is confident its choice stands; below its
   threshold a rule's statement stands unless the model vetoes the word; constructions the
   rules know as a whole ("expressed hope that", "according to") keep the rule's reading.
   With the pipeline it was trained on, a speech tagger (:mod:`.tagger`)
   reads the parse's token vectors and labels each token content, cue, source or outside;
   a second pair of linear models then takes its probabilities as features and the
   stretches it reads as content next to a cue as options of their own. With any other
   pipeline the plain pair runs.

Nesting: a statement whose cue lies in another's content gets the outer speaker in ``via``
(outermost first, after any relay); with the model, a nested report it is unsure of (below
its ``nested`` floor) is dropped as part of the outer report's words; inside a transcript
turn the turn's speaker leads ``via``, "I"/"we" is that speaker and "you" the other side of
the dialogue.

Span conventions, chosen to match PolNeAR:

* Direct content runs from the first opening quotation mark to the last closing one, marks
  included. A quote interrupted by its cue ("'Of course,' he said, 'we will.'") is ONE
  statement whose content covers both parts *and the cue between them*: the record has one
  content span per statement, and the interruption is recoverable from ``cue``. Quotations
  later in the same paragraph with no cue of their own extend it; a new paragraph's
  quotation does not (PolNeAR gives it its own attribution) unless the typographic
  multi-paragraph convention (no closing mark, next paragraph reopens) joins them.
* Indirect content is the complement with its complementiser ("that he would go") and
  without closing punctuation, kept inside the cue's paragraph.
* ``speaker_mention`` is the whole subject noun phrase ("longtime Democratic pollster Pat
  Caddell"), a relative pronoun as written ("who", resolved through its antecedent), or
  the object of "according to".

Modules, in the order the stage uses them: :mod:`.quotes` (quotation marks), :mod:`.syntax`
(parse-tree helpers), :mod:`.cues` (the lexicon and a quotation's frame), :mod:`.context`
(the per-document lookups and the candidate record), :mod:`.rules` (rule candidates and
quotations attached to cues), :mod:`.content` (content options), :mod:`.features` (the
models' features, public for training), :mod:`.tagger` (the speech tagger),
:mod:`.learned` (the models and their candidates), :mod:`.tweets` (embedded tweets),
:mod:`.nesting` (nesting, folding and duplicates), :mod:`.speakers` (mentions to actor ids;
the one place the stage extends the actor list), :mod:`.status` (negated, hypothetical),
:mod:`.act` (speech, thought or other) and :mod:`.assemble` (the flow, and the records).
"""

from readout.extract.statements.assemble import extract_statements
from readout.extract.statements.content import Option
from readout.extract.statements.cues import load_cues
from readout.extract.statements.learned import load_model
from readout.extract.statements.quotes import Quote, find_quotes

__all__ = [
    "Option",
    "Quote",
    "extract_statements",
    "find_quotes",
    "load_cues",
    "load_model",
]
