"""The description reader: cue phrases found in plain words, each read as done, intended or negated."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace
from functools import cached_property

from app.intake.clause import Clause, anchored, build_clause, mood, owned
from app.intake.implication import Implication
from app.intake.spec import Cue, IntakeSpec

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
            ("abandoned", rules.abandoned_plans),
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
        found: list[Evidence] = []
        for number, (start, end, question, future) in enumerate(self._clauses(lower)):
            clause = self._clause(lower, start, end, (question, future, number == 0))
            found.extend(self._read_clause(norm, lower, end, clause))
            for match in self.spec.reader.trl_pattern.finditer(lower, start, end):
                quote = match.group(0)
                implication = Implication(because=f'You wrote "{quote}"')
                found.append(Evidence(quote, "done", implication, match.start(), trl=int(match.group(1))))
        found.sort(key=lambda evidence: evidence.position)
        return tuple(found)

    def _read_clause(self, norm: str, lower: str, end: int, clause: Clause) -> list[Evidence]:
        """The cues found in one clause (ending at character `end`), each with its mood."""
        rules = self.spec.reader
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
        found: list[Evidence] = []
        for layer_hits in by_layer.values():
            kept = _outermost(layer_hits)
            heads = {start for start, _, _, _ in kept}
            for hit_start, hit_end, cue, _ in kept:
                before = bisect_right(clause.ends, hit_start)
                after = bisect_left(clause.starts, hit_end)
                if cue.anchor is not None and not anchored(cue.anchor, clause, before, after, rules):
                    continue
                read_as = mood(clause, before, after, rules, subject=cue.layer in _SUBJECT_LAYERS)
                if read_as == "intent" and cue.layer == "needs" and owned(clause, before, rules):
                    read_as = "owned"  # "a small team of our engineers": the writer's own, not a need
                quote = (norm if cue.case_sensitive else lower)[hit_start:hit_end]
                # A modifier ("NHS" in "NHS data") directly before another cue of its layer only qualifies it; one
                # qualifying nothing ("a hospital research centre", "hospital, GP and council data") says only
                # whose or where something is, not what is needed: either way it implies nothing.
                qualifies = cue.modifier and after < len(clause.starts) and clause.starts[after] in heads
                implication = None if cue.modifier else cue.block(read_as)
                found.append(Evidence(quote, read_as, implication, hit_start, cue=cue, qualifier=qualifies))
        return _carried(found)

    def _clause(self, lower: str, start: int, end: int, flags: tuple[bool, bool, bool]) -> Clause:
        tokens = list(_TOKEN.finditer(lower, start, end))
        words = [m.group() for m in tokens]
        starts, ends = [m.start() for m in tokens], [m.end() for m in tokens]
        return build_clause(words, starts, ends, flags, self.markers, self.spec.reader)

    def _clauses(self, lower: str) -> list[tuple[int, int, bool, bool]]:
        """(start, end, whether the clause is a question, whether it opens with a future break) for each clause."""
        spans = []
        start = 0
        future = False
        futures = self.spec.reader.future_breaks
        for match in self.clause_break.finditer(lower):
            if match.start() > start:
                spans.append((start, match.start(), "?" in match.group(), future))
            start = match.end()
            future = " ".join(match.group().split()) in futures
        if start < len(lower):
            spans.append((start, len(lower), False, future))
        return spans


def _carried(found: list[Evidence]) -> list[Evidence]:
    """A carrier ("researchers", "academic partners") wanted before a need it carries, in its clause, only says who
    would meet it ("researchers who work with communities to help us shape it with them": co-production)."""
    wanted = [(e.position, set(e.implication.needs)) for e in found if e.mood == "intent" and e.implication]
    return [
        replace(e, implication=None)
        if e.cue
        and e.cue.carrier
        and any(at > e.position and needs.intersection(e.cue.carrier) for at, needs in wanted)
        else e
        for e in found
    ]


def _outermost(hits: list[tuple[int, int, Cue, bool]]) -> list[tuple[int, int, Cue, bool]]:
    """Drop a hit lying inside a longer one of the same layer. The words of a `...` gap are not part of a cue, but
    its last word is: "saves the NHS money" is health economics, and its "money" is not also investment."""
    kept = []
    for hit in hits:
        start, end = hit[0], hit[1]
        inside = any(s <= start and end <= e and e - s > end - start and (not gap or end == e) for s, e, _, gap in hits)
        if not inside:
            kept.append(hit)
    return kept


_SUBJECT_LAYERS = ("organisation_type", "location", "sector")
"""Layers whose cues name what something is: "our app is not a medical device" still says it is an app."""
