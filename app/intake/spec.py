"""The guided intake as data: questions, options and description cues, checked against the vocabulary at load."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property

from app.intake.implication import LAYERS, Checker, Implication, section
from app.matching import Vocabulary
from app.matching.datafile import version as datafile_version

KINDS = ("single", "multi", "text")
MOODS = ("done", "intent", "negated", "always")
ANCHORS = ("self", "place")
FOLLOW_UP_KEYS = ("stage", "needs", "organisation_type", "location", "sector", "match")
"""The follow-up sentences every intake file must give (`ask` may name more)."""
MAX_TEXT_CHARS = 1000
_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@dataclass(frozen=True)
class Option:
    """One choice of a single or multi question."""

    id: str
    label: str
    implies: Implication


@dataclass(frozen=True)
class Question:
    """One question of the guided intake."""

    id: str
    text: str
    help: str | None
    kind: str
    options: tuple[Option, ...]

    @cached_property
    def option_by_id(self) -> dict[str, Option]:
        """Options keyed by id."""
        return {option.id: option for option in self.options}


@dataclass(frozen=True)
class Cue:
    """Phrases of a description and what they imply in each mood (done, intent, negated, always)."""

    phrases: tuple[str, ...]
    blocks: Mapping[str, Implication]
    layer: str
    order: int
    case_sensitive: bool = False
    anchor: str | None = None
    modifier: bool = False
    """The phrases often only qualify the next cue of their layer ("NHS" in "NHS data"): there they imply nothing."""
    carrier: tuple[str, ...] = ()
    """Need cues only: the phrases name who would help ("researchers"); one of these needs wanted after them in
    their clause ("researchers ... to help us design it with them") is what is asked, and they imply nothing."""
    product: bool = False
    """Sector cues only: the phrases name what the innovation is (an app, a device, a test), which decides the
    sector over phrases naming a feature or technique (a sensor, AI)."""

    def block(self, mood: str) -> Implication | None:
        """What the cue implies when read in `mood` (`always` covers done and intent)."""
        found = self.blocks.get(mood)
        if found is None and mood in ("done", "intent"):
            found = self.blocks.get("always")
        return found


@dataclass(frozen=True)
class FollowUp:
    """A plain sentence saying what more would help, and the question that answers it."""

    key: str
    question: str
    text: str


@dataclass(frozen=True)
class ReaderRules:
    """The word lists and limits the description reader works with."""

    clause_breaks: tuple[str, ...]
    negators: tuple[tuple[str, ...], ...]
    negators_after: tuple[tuple[str, ...], ...]
    negation_window: int
    negation_extenders: frozenset[str]
    intent_markers: tuple[tuple[str, ...], ...]
    intent_after: tuple[tuple[str, ...], ...]
    self_anchors: tuple[tuple[str, ...], ...]
    place_anchors: tuple[tuple[str, ...], ...]
    place_nouns: frozenset[str]
    anchor_gap: int
    trl_pattern: re.Pattern[str]
    keyword_ignore: frozenset[str]
    keyword_max_words: int
    future_breaks: frozenset[str] = frozenset()
    """Clause breaks that open a clause about the future ("before", "ahead of"): nothing in it is done yet."""
    past_markers: frozenset[str] = frozenset()
    """Words telling of the past ("had", "was"): a future-break clause holding one is about the past after all."""
    relative_words: frozenset[str] = frozenset()
    """Relative words ("who", "which"): after a noun they describe it, and an earlier intent no longer reaches."""
    interrogative_after: frozenset[str] = frozenset()
    """Words after which a relative word asks instead ("know which", "find out who")."""
    offer_verbs: frozenset[str] = frozenset()
    """Verbs of offering ("offer", "provide"): with the writer as subject an earlier intent no longer reaches."""
    reporting_verbs: frozenset[str] = frozenset()
    """Verbs of asking or wanting ("ask", "want"): with someone else as subject, what follows is their request."""
    others: frozenset[str] = frozenset()
    """Words naming someone other than the writer ("customers", "investors", "they")."""
    writer_words: frozenset[str] = frozenset()
    """Words naming the writer ("i", "we", "our")."""
    writer_subjects: frozenset[str] = frozenset()
    """The writer as a subject ("i", "we"): after someone else's request, the writer speaking again."""
    knowing_verbs: frozenset[str] = frozenset()
    """A negator, one of these and a question word say what is lacking ("do not know which rules apply")."""
    question_words: frozenset[str] = frozenset()
    abandoned_plans: tuple[tuple[str, ...], ...] = ()
    """Plans given up ("had planned to", "had hoped to"): what they reach is neither done nor wanted."""
    own_parties: frozenset[str] = frozenset()
    """The writer's own people and bodies ("board", "team"): right after a possessive they speak for the writer."""
    possessives: frozenset[str] = frozenset()
    """The writer's possessives ("our", "my"): a need cue right after one (or after its "own") names what the writer
    has, not a need ("a small team of our engineers")."""


@dataclass(frozen=True)
class IntakeSpec:
    """The whole guided intake: questions, follow-ups, reader rules and cues, validated."""

    version: str
    questions: tuple[Question, ...]
    follow_up: Mapping[str, FollowUp]
    reader: ReaderRules
    cues: tuple[Cue, ...]
    vocabulary: Vocabulary = field(repr=False)

    @cached_property
    def question_by_id(self) -> dict[str, Question]:
        """Questions keyed by id."""
        return {question.id: question for question in self.questions}

    @classmethod
    def from_mapping(cls, data: Mapping[str, object], vocabulary: Vocabulary) -> IntakeSpec:
        """Validate a parsed intake.yaml against the vocabulary; raise ValueError naming the first bad entry."""
        top = section(data, "", ("version", "questions", "follow_up", "reader", "cues"))
        version = datafile_version("intake", top)
        checker = Checker(vocabulary)
        questions = tuple(_question(row, f"questions[{i}]", checker) for i, row in enumerate(_list(top, "questions")))
        _unique("questions", [q.id for q in questions])
        follow_up = _follow_up(top["follow_up"], {q.id for q in questions})
        reader = _reader(top["reader"])
        cues = tuple(_cue(row, i, checker) for i, row in enumerate(_list(top, "cues")))
        for layer in LAYERS:
            _unique(
                f"cues (layer {layer})",
                [f"{p}|{c.case_sensitive}" for c in cues if c.layer == layer for p in c.phrases],
                show=lambda key: key.split("|")[0],
            )
        asked = [block.ask for cue in cues for block in cue.blocks.values() if block.ask]
        asked += [o.implies.ask for q in questions for o in q.options if o.implies.ask]
        for key in asked:
            if key not in follow_up:
                raise ValueError(f"intake: 'ask: {key}' names no follow_up entry; known: {', '.join(follow_up)}")
        return cls(
            version=version,
            questions=questions,
            follow_up=follow_up,
            reader=reader,
            cues=cues,
            vocabulary=vocabulary,
        )


def _question(raw: object, where: str, checker: Checker) -> Question:
    row = section(raw, where, ("id", "text", "help", "kind", "options"), required=("id", "text", "kind"))
    qid = _identifier(row["id"], f"{where}.id")
    where = f"questions[{qid}]"
    text = _text(row["text"], f"{where}.text")
    help_text = row.get("help")
    if help_text is not None and not isinstance(help_text, str):
        raise ValueError(f"intake: {where}.help must be text")
    kind = row["kind"]
    if kind not in KINDS:
        raise ValueError(f"intake: {where}.kind must be one of {', '.join(KINDS)}, got {kind!r}")
    raw_options = row.get("options") or []
    if kind == "text" and raw_options:
        raise ValueError(f"intake: {where}: a text question has no options")
    if kind != "text" and (not isinstance(raw_options, list) or not raw_options):
        raise ValueError(f"intake: {where}: a {kind} question needs a list of options")
    options = []
    for i, entry in enumerate(raw_options if isinstance(raw_options, list) else []):
        option_row = section(entry, f"{where}.options[{i}]", ("id", "label", "because", "implies"))
        oid = _identifier(option_row["id"], f"{where}.options[{i}].id")
        implies = dict(section(option_row["implies"], f"{where}.options[{oid}].implies", _IMPLIES_KEYS, required=()))
        implies["because"] = option_row["because"]
        options.append(
            Option(
                id=oid,
                label=_text(option_row["label"], f"{where}.options[{oid}].label"),
                implies=checker.implication(implies, f"{where}.options[{oid}]", allow_trl=True, allow_ask=True),
            )
        )
    _unique(f"{where}.options", [o.id for o in options])
    return Question(id=qid, text=text, help=help_text, kind=kind, options=tuple(options))


_IMPLIES_KEYS = ("stage", "trl", "needs", "organisation_type", "location", "sector", "ask")


def _cue(raw: object, order: int, checker: Checker) -> Cue:
    where = f"cues[{order}]"
    row = section(
        raw,
        where,
        ("phrases", "case_sensitive", "anchor", "product", "modifier", "carrier", *MOODS),
        required=("phrases",),
    )
    phrases = row["phrases"]
    if not isinstance(phrases, list) or not phrases or not all(isinstance(p, str) and p.strip() for p in phrases):
        raise ValueError(f"intake: {where}.phrases must be a non-empty list of phrases")
    case_sensitive = row.get("case_sensitive", False)
    if not isinstance(case_sensitive, bool):
        raise ValueError(f"intake: {where}.case_sensitive must be true or false")
    normalised = tuple(" ".join(p.split()) if case_sensitive else " ".join(p.lower().split()) for p in phrases)
    for phrase in normalised:
        words = phrase.split()
        if words[0] == "..." or words[-1] == "...":
            raise ValueError(f"intake: {where}: '...' must stand between two words, in {phrase!r}")
    where = f"cues[{order}] ({normalised[0]!r})"
    anchor = row.get("anchor")
    if anchor is not None and anchor not in ANCHORS:
        raise ValueError(f"intake: {where}.anchor must be one of {', '.join(ANCHORS)}, got {anchor!r}")
    blocks = {
        mood: checker.implication(row[mood], f"{where}.{mood}", allow_trl=False, allow_ask=True)
        for mood in MOODS
        if mood in row
    }
    if not blocks:
        raise ValueError(f"intake: {where} implies nothing: give at least one of {', '.join(MOODS)}")
    implied = {name for block in blocks.values() for name in block.fields}
    layer = next((name for name in LAYERS if name in implied), "needs")
    product = row.get("product", False)
    if not isinstance(product, bool) or (product and layer != "sector"):
        raise ValueError(f"intake: {where}.product must be true or false, and true only for a sector cue")
    modifier = row.get("modifier", False)
    if not isinstance(modifier, bool):
        raise ValueError(f"intake: {where}.modifier must be true or false")
    carrier = checker.needs(row.get("carrier"), f"{where}.carrier")
    if carrier and layer != "needs":
        raise ValueError(f"intake: {where}.carrier is only for a need cue")
    return Cue(
        modifier=modifier,
        carrier=carrier,
        phrases=normalised,
        blocks=blocks,
        layer=layer,
        order=order,
        case_sensitive=case_sensitive,
        anchor=anchor,
        product=product,
    )


def _follow_up(raw: object, question_ids: set[str]) -> dict[str, FollowUp]:
    if not isinstance(raw, Mapping):
        raise ValueError("intake: 'follow_up' must be a mapping of key to {question, text}")
    found: dict[str, FollowUp] = {}
    for key, entry in raw.items():
        row = section(entry, f"follow_up.{key}", ("question", "text"))
        question = row["question"]
        if question not in question_ids:
            raise ValueError(f"intake: follow_up.{key}: unknown question {question!r}")
        found[str(key)] = FollowUp(key=str(key), question=str(question), text=_text(row["text"], f"follow_up.{key}"))
    missing = [key for key in FOLLOW_UP_KEYS if key not in found]
    if missing:
        raise ValueError(f"intake: follow_up is missing {', '.join(missing)}")
    return found


def _reader(raw: object) -> ReaderRules:
    row = section(raw, "reader", _READER_KEYS)

    def phrases(key: str) -> tuple[tuple[str, ...], ...]:
        value = row[key]
        if not isinstance(value, list) or not all(isinstance(v, str) and v.split() for v in value):
            raise ValueError(f"intake: reader.{key} must be a list of words or phrases")
        return tuple(tuple(v.lower().split()) for v in value)

    def words(key: str) -> frozenset[str]:
        return frozenset(" ".join(p) for p in phrases(key))

    def count(key: str) -> int:
        value = row[key]
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise ValueError(f"intake: reader.{key} must be a whole number >= 0")
        return value

    return ReaderRules(
        clause_breaks=tuple(" ".join(p) for p in phrases("clause_breaks")),
        negators=phrases("negators"),
        negators_after=phrases("negators_after"),
        negation_window=count("negation_window"),
        negation_extenders=words("negation_extenders"),
        intent_markers=phrases("intent_markers"),
        intent_after=phrases("intent_after"),
        self_anchors=phrases("self_anchors"),
        place_anchors=phrases("place_anchors"),
        place_nouns=words("place_nouns"),
        anchor_gap=count("anchor_gap"),
        trl_pattern=_trl_pattern(row["trl_pattern"]),
        keyword_ignore=words("keyword_ignore"),
        keyword_max_words=count("keyword_max_words"),
        abandoned_plans=phrases("abandoned_plans"),
        **{key: words(key) for key in _WORD_SETS},
    )


def _trl_pattern(pattern: object) -> re.Pattern[str]:
    try:
        trl_pattern = re.compile(str(pattern))
    except re.error as error:
        raise ValueError(f"intake: reader.trl_pattern is not a regular expression: {error}") from error
    if trl_pattern.groups != 1:
        raise ValueError("intake: reader.trl_pattern must capture the TRL digit in exactly one group")
    return trl_pattern


_WORD_SETS = (
    "future_breaks",
    "past_markers",
    "relative_words",
    "interrogative_after",
    "offer_verbs",
    "reporting_verbs",
    "others",
    "writer_words",
    "writer_subjects",
    "knowing_verbs",
    "question_words",
    "own_parties",
    "possessives",
)
"""Reader keys holding a set of words or phrases (ReaderRules fields of the same names)."""
_READER_KEYS = (
    "clause_breaks",
    "negators",
    "negators_after",
    "negation_window",
    "negation_extenders",
    "intent_markers",
    "intent_after",
    "self_anchors",
    "place_anchors",
    "place_nouns",
    "anchor_gap",
    "trl_pattern",
    "keyword_ignore",
    "keyword_max_words",
    "abandoned_plans",
    *_WORD_SETS,
)
"""Every key of intake.yaml's `reader` section."""


def _list(mapping: Mapping[str, object], key: str) -> list[object]:
    value = mapping[key]
    if not isinstance(value, list) or not value:
        raise ValueError(f"intake: '{key}' must be a non-empty list")
    return value


def _identifier(value: object, where: str) -> str:
    if not isinstance(value, str) or not _ID.match(value):
        raise ValueError(f"intake: {where} must be a lower-case slug (letters, digits, hyphens), got {value!r}")
    return value


def _text(value: object, where: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"intake: {where} must be non-empty text")
    return value.strip()


def _unique(label: str, values: Sequence[str], show: object = None) -> None:
    seen: set[str] = set()
    for value in values:
        if value in seen:
            shown = show(value) if callable(show) else value
            raise ValueError(f"intake: {label}: '{shown}' appears twice")
        seen.add(value)
