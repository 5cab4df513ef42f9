"""The description reader: cue phrases found in plain words, each read as done, intended or negated."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import cached_property

from app.intake.implication import Implication
from app.intake.spec import Cue, IntakeSpec, ReaderRules

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u2013": "-", "\u2014": " - "})
_CONTRACTIONS = {"can't": "can not", "won't": "will not", "shan't": "shall not", "i'm": "i am", "-based": " based"}
_SUFFIXES = {"n't": " not", "'re": " are", "'ve": " have", "'d": " would", "'ll": " will", "'s": " is"}
_CONTRACTION = re.compile(
    r"\b(?:can't|won't|shan't|i'm)\b|-based\b|n't\b|'re\b|'ve\b|'d\b|'ll\b|\b(?:it|that|there|what|who|he|she)'s\b",
    re.IGNORECASE,
)


def _expand(match: re.Match[str]) -> str:
    found = match.group().lower()
    if found in _CONTRACTIONS:
        return _CONTRACTIONS[found]
    if found.endswith("'s"):
        return match.group()[:-2] + " is"
    return _SUFFIXES[found]


_SPACES = re.compile(r"\s+")
_TOKEN = re.compile(r"[\w&']+(?:-[\w&']+)*")
_GAP = r"(?:[\w&'-]+\s+){0,3}"


@dataclass(frozen=True)
class Evidence:
    """One cue found in the text: the words found, the mood read, and what they imply there (None: nothing)."""

    quote: str
    mood: str
    implication: Implication | None
    position: int
    cue: Cue | None = None
    trl: int | None = None
    qualifier: bool = False
    """A modifier cue read directly before another cue of its layer ("NHS" in "NHS data"): it implies nothing."""


def normalise(text: str) -> tuple[str, str]:
    """(text with contractions expanded and spaces collapsed, the same lower-cased, character for character)."""
    text = _CONTRACTION.sub(_expand, text.translate(_APOSTROPHES))
    text = _SPACES.sub(" ", text).strip()
    lower = text.lower()
    if len(lower) != len(text):  # a few characters lower-case to two (İ): keep those as they are
        lower = "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in text)
    return text, lower


def _phrase_pattern(phrase: str) -> str:
    words = phrase.split()
    parts: list[str] = []
    for position, word in enumerate(words):
        if word == "...":
            parts.append(_GAP)
            continue
        if word.endswith("*"):
            literal = re.escape(word[:-1]).replace(r"\-", r"[-\s]?") + r"[\w-]*"
        else:
            literal = re.escape(word).replace(r"\-", r"[-\s]?")
            if position == len(words) - 1:
                literal += "(?:s|es)?"
        parts.append(literal if position == len(words) - 1 else literal + r"[\s-]+")
    return "".join(parts) + r"(?![\w-])"


@dataclass(frozen=True)
class _Phrase:
    """One cue phrase, compiled to be tried where a word starts."""

    cue: Cue
    pattern: re.Pattern[str]
    size: int
    gap: bool


def _key(word: str) -> str:
    """The bucket a phrase or a text word is filed under: its first three letters (so start-up finds startup), before
    any hyphen (so the text's "CE-marked" finds the phrase "ce marked")."""
    return word.split("-", 1)[0][:3].lower()


@dataclass(frozen=True)
class _Clause:
    """A clause's words, and where the reader's marker phrases end or start among them."""

    starts: list[int]
    ends: list[int]
    words: list[str]
    negator_ends: list[int]
    intent_ends: list[int]
    self_ends: list[int]
    place_ends: list[int]
    negated_after: set[int]
    intent_after: set[int]
    negated_spans: list[tuple[int, int]]
    """(first, last): the word numbers a negator reaches, `negation_window` words, longer across `or`/`nor`."""
    question: bool
    """Whether the clause ends in a question mark: a question asks for something, so it reads as intent."""


@dataclass(frozen=True)
class Reader:
    """A description reader for one intake spec (phrases compiled and filed by their first letters once)."""

    spec: IntakeSpec

    @cached_property
    def buckets(self) -> dict[str, tuple[_Phrase, ...]]:
        """Every cue phrase, filed under the first three letters of its first word, longest first."""
        filed: dict[str, list[_Phrase]] = {}
        for cue in self.spec.cues:
            for phrase in cue.phrases:
                size = len(phrase.replace("...", ""))
                compiled = _Phrase(cue, re.compile(_phrase_pattern(phrase)), size, "..." in phrase.split())
                filed.setdefault(_key(phrase.split()[0]), []).append(compiled)
        return {key: tuple(sorted(items, key=lambda p: -p.size)) for key, items in filed.items()}

    @cached_property
    def markers(self) -> dict[str, tuple[tuple[str, tuple[str, ...]], ...]]:
        """The reader's marker phrases (negators, intent markers, anchors), filed by first word with their kind."""
        rules = self.spec.reader
        filed: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
        for kind, phrases in (
            ("negator", rules.negators),
            ("intent", rules.intent_markers),
            ("self", rules.self_anchors),
            ("place", rules.place_anchors),
            ("negated_after", rules.negators_after),
            ("intent_after", rules.intent_after),
        ):
            for phrase in phrases:
                filed.setdefault(phrase[0], []).append((kind, phrase))
        return {word: tuple(items) for word, items in filed.items()}

    @cached_property
    def clause_break(self) -> re.Pattern[str]:
        """Where one clause ends and the next begins."""
        words = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in self.spec.reader.clause_breaks)
        return re.compile(rf"[.;!?]+(?=\s|$)|\s+-\s+|\b(?:{words})\b")

    def read(self, text: str) -> tuple[Evidence, ...]:
        """Every cue found in `text`, in the order found, each with the mood it was read in.

        A cue with nothing to imply in its mood (a need negated, say) is still returned, with `implication` None:
        its words are not passed on as keywords either.
        """
        norm, lower = normalise(text)
        rules = self.spec.reader
        found: list[Evidence] = []
        for start, end, question in self._clauses(lower):
            clause = self._clause(lower, start, end, question)
            hits: dict[tuple[int, str], tuple[int, int, Cue, bool]] = {}
            for position, word in zip(clause.starts, clause.words, strict=True):
                for phrase in self.buckets.get(_key(word), ()):
                    match = phrase.pattern.match(norm if phrase.cue.case_sensitive else lower, position, end)
                    if match is None:
                        continue
                    slot = (position, phrase.cue.layer)
                    known = hits.get(slot)
                    if known is None or match.end() - position > known[1] - known[0]:
                        hits[slot] = (position, match.end(), phrase.cue, phrase.gap)
            by_layer: dict[str, list[tuple[int, int, Cue, bool]]] = {}
            for (_, layer), hit in hits.items():
                by_layer.setdefault(layer, []).append(hit)
            for layer_hits in by_layer.values():
                kept = _outermost(layer_hits)
                heads = {start for start, _, _, _ in kept}
                for hit_start, hit_end, cue, _ in kept:
                    before = bisect_right(clause.ends, hit_start)
                    after = bisect_left(clause.starts, hit_end)
                    if cue.anchor is not None and not _anchored(cue.anchor, clause, before, after, rules):
                        continue
                    mood = _mood(clause, before, after, rules, subject=cue.layer in _SUBJECT_LAYERS)
                    quote = (norm if cue.case_sensitive else lower)[hit_start:hit_end]
                    # A modifier ("NHS" in "NHS data") directly before another cue of its layer only qualifies it.
                    qualifies = cue.modifier and after < len(clause.starts) and clause.starts[after] in heads
                    implication = None if qualifies else cue.block(mood)
                    found.append(Evidence(quote, mood, implication, hit_start, cue=cue, qualifier=qualifies))
            for match in rules.trl_pattern.finditer(lower, start, end):
                quote = match.group(0)
                implication = Implication(because=f'You wrote "{quote}"')
                found.append(Evidence(quote, "done", implication, match.start(), trl=int(match.group(1))))
        found.sort(key=lambda evidence: evidence.position)
        return tuple(found)

    def _clause(self, lower: str, start: int, end: int, question: bool = False) -> _Clause:
        tokens = list(_TOKEN.finditer(lower, start, end))
        words = [m.group() for m in tokens]
        found: dict[str, list[int]] = {
            "negator": [],
            "intent": [],
            "self": [],
            "place": [],
            "negated_after": [],
            "intent_after": [],
        }
        markers = self.markers
        occurrences = [
            (kind, i, i + len(phrase))
            for i, word in enumerate(words)
            for kind, phrase in markers.get(word, ())
            if len(phrase) == 1 or tuple(words[i : i + len(phrase)]) == phrase
        ]
        # An intent marker holding a negator ("can not find", "never dealt with") says what is lacking, so wanted:
        # the negator inside it negates nothing.
        wanted = [(start, end) for kind, start, end in occurrences if kind == "intent"]
        for kind, start, end in occurrences:
            if kind == "negator" and any(a <= start and end <= b and b - a > end - start for a, b in wanted):
                continue
            found[kind].append(start if kind.endswith("_after") else end)
        return _Clause(
            negated_spans=_negated_spans(words, found["negator"], self.spec.reader),
            question=question,
            starts=[m.start() for m in tokens],
            ends=[m.end() for m in tokens],
            words=words,
            negator_ends=found["negator"],
            intent_ends=found["intent"],
            self_ends=found["self"],
            place_ends=found["place"],
            negated_after=set(found["negated_after"]),
            intent_after=set(found["intent_after"]),
        )

    def _clauses(self, lower: str) -> list[tuple[int, int, bool]]:
        """(start, end, whether the clause is a question) for each clause."""
        spans = []
        start = 0
        for match in self.clause_break.finditer(lower):
            if match.start() > start:
                spans.append((start, match.start(), "?" in match.group()))
            start = match.end()
        if start < len(lower):
            spans.append((start, len(lower), False))
        return spans


def _negated_spans(words: list[str], negator_ends: list[int], rules: ReaderRules) -> list[tuple[int, int]]:
    """What each negator reaches: `negation_window` words, and as far again after each `negation_extenders` word
    inside that reach ("we do not need an office or desks": the desks are not needed either)."""
    spans = []
    for end in negator_ends:
        last = end + rules.negation_window
        at = end
        while at <= min(last, len(words) - 1):
            if words[at] in rules.negation_extenders:
                last = at + 1 + rules.negation_window
            at += 1
        spans.append((end, last))
    return spans


def _outermost(hits: list[tuple[int, int, Cue, bool]]) -> list[tuple[int, int, Cue, bool]]:
    """Drop a hit lying inside a longer one of the same layer (the words of a `...` gap are not part of a cue)."""
    kept = []
    for hit in hits:
        start, end = hit[0], hit[1]
        inside = any(not gap and s <= start and end <= e and e - s > end - start for s, e, _, gap in hits)
        if not inside:
            kept.append(hit)
    return kept


_SUBJECT_LAYERS = ("organisation_type", "location", "sector")
"""Layers whose cues name what something is: "our app is not a medical device" still says it is an app."""


def _mood(clause: _Clause, before: int, after: int, rules: ReaderRules, *, subject: bool = False) -> str:
    """negated, intent or done, for a cue with `before` words before it whose next word is number `after`.

    A `subject` cue (what the writer or the innovation is) is negated only by a negator before it: one after it
    ("our app is not a medical device") negates what follows, not the cue.
    """
    if any(first <= before <= last for first, last in clause.negated_spans):
        return "negated"
    if not subject and (after in clause.negated_after or after + 1 in clause.negated_after):
        return "negated"
    if any(end <= before for end in clause.intent_ends):
        return "intent"
    if any(after + reach in clause.intent_after for reach in range(3)):
        return "intent"
    return "intent" if clause.question else "done"


def _anchored(anchor: str, clause: _Clause, before: int, after: int, rules: ReaderRules) -> bool:
    """Whether the cue is about the writer (self) or where the writer is (place)."""
    ends = clause.self_ends if anchor == "self" else clause.self_ends + clause.place_ends
    if any(end <= before and before - end <= rules.anchor_gap for end in ends):
        return True
    return anchor == "place" and any(word in rules.place_nouns for word in clause.words[after : after + 2])
