"""One clause of a description: where its marker phrases stand, and the mood each cue in it is read in."""

from __future__ import annotations

from dataclasses import dataclass, field

from app.intake.spec import ReaderRules

Markers = dict[str, tuple[tuple[str, tuple[str, ...]], ...]]
"""The reader's marker phrases filed by first word, each with its kind (negator, intent, self, place, ...)."""

MARKER_KINDS = ("negator", "intent", "self", "place", "negated_after", "intent_after", "abandoned")


@dataclass(frozen=True)
class Clause:
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
    resets: list[int]
    """Word numbers of reset words (a relative "who", the writer's "offer"): an earlier intent marker does not
    reach past them."""
    reported: tuple[int, int] | None = None
    """(first, last) words after a verb of asking or wanting whose subject is someone else ("customers keep asking
    for"), up to the writer speaking again ("..., and we need"): their request, not the writer's; the clause's
    question mark is theirs too."""
    wanted_spans: list[tuple[int, int]] = field(default_factory=list)
    """(first, end) of intent markers ending in a cue's first word ("can not recruit"): that cue is what is lacking."""
    future: bool = False
    """The clause opens with `future_breaks` ("before any first-in-human study") and tells of nothing past."""
    opening: bool = False
    """The text's first clause: its first words introduce the writer ("Two co-founders, a university spin-out")."""
    abandoned_ends: list[int] = field(default_factory=list)
    """Where a plan given up ends ("had planned to", "had hoped to"): what it reaches is neither done nor wanted."""


def build_clause(
    words: list[str],
    starts: list[int],
    ends: list[int],
    flags: tuple[bool, bool, bool],
    markers: Markers,
    rules: ReaderRules,
) -> Clause:
    """The clause of `words` (with their character offsets), its markers found; `flags`: whether it is a question,
    opens with a future break, and opens the text."""
    question, future, opening = flags
    found: dict[str, list[int]] = {kind: [] for kind in MARKER_KINDS}
    occurrences = [
        (kind, i, i + len(phrase))
        for i, word in enumerate(words)
        for kind, phrase in markers.get(word, ())
        if len(phrase) == 1 or tuple(words[i : i + len(phrase)]) == phrase
    ]
    occurrences += _lacking(words, occurrences, rules)
    # An intent marker holding a negator ("can not find", "never dealt with", "do not know which") says what is
    # lacking, so wanted: the negator inside it negates nothing.
    wanted = [(start, end) for kind, start, end in occurrences if kind == "intent"]
    for kind, start, end in occurrences:
        if kind == "negator" and any(a <= start and end <= b and b - a > end - start for a, b in wanted):
            continue
        found[kind].append(start if kind.endswith("_after") else end)
    return Clause(
        negated_spans=_negated_spans(words, found["negator"], rules),
        question=question,
        starts=starts,
        ends=ends,
        words=words,
        negator_ends=found["negator"],
        intent_ends=found["intent"],
        self_ends=found["self"],
        place_ends=found["place"],
        negated_after=set(found["negated_after"]),
        intent_after=set(found["intent_after"]),
        resets=_resets(words, rules),
        reported=_reported(words, rules),
        wanted_spans=[(start, end) for kind, start, end in occurrences if kind == "intent"],
        future=future and not any(_past(words, i, rules) for i in range(len(words))),
        opening=opening,
        abandoned_ends=found["abandoned"],
    )


Occurrence = tuple[str, int, int]
"""(marker kind, first word, word after the last) of one marker phrase found in a clause."""


def _lacking(words: list[str], occurrences: list[Occurrence], rules: ReaderRules) -> list[Occurrence]:
    """A negator, a verb of knowing and a question word ("do not know which", "no idea how", "not sure whether")
    say what the writer lacks and asks about: an intent marker from the negator to the question word."""
    found = []
    for kind, start, end in occurrences:
        if kind != "negator":
            continue
        for verb in range(end, min(end + 2, len(words))):
            if words[verb] not in rules.knowing_verbs:
                continue
            reach = range(verb + 1, min(verb + 3, len(words)))
            asked = next((q for q in reach if words[q] in rules.question_words), None)
            if asked is not None:
                found.append(("intent", start, asked + 1))
                break
    return found


def _resets(words: list[str], rules: ReaderRules) -> list[int]:
    """Where an intent's reach ends: a relative word after a noun ("a lawyer who knows", not "we do not know
    which" nor "find out who", where it asks), and the writer's offer ("we would love to offer it")."""
    relative = [
        i
        for i in range(1, len(words))
        if words[i] in rules.relative_words and words[i - 1] not in rules.interrogative_after
    ]
    offered = [
        i
        for i, word in enumerate(words)
        if word in rules.offer_verbs and any(w in rules.writer_words for w in words[max(i - 4, 0) : i])
    ]
    return sorted(relative + offered)


def _reported(words: list[str], rules: ReaderRules) -> tuple[int, int] | None:
    """Where someone else's request stands: after a reporting verb whose nearest subject word, at most
    `anchor_gap` words before it, names another party rather than the writer ("NHS customers keep asking"), up to
    the next of `writer_subjects` ("..., and we need a health technology assessment")."""
    for i, word in enumerate(words):
        if word not in rules.reporting_verbs:
            continue
        for back in range(i - 1, max(i - 1 - rules.anchor_gap, -1), -1):
            if words[back] in rules.writer_words or words[back] == "and":  # "we are nurses and want": ours
                break
            if words[back] in rules.own_parties and back > 0 and words[back - 1] in rules.possessives:
                break  # "our board wants to raise a round": the writer's own wish
            if words[back] in rules.others:
                speaks = (at - 1 for at in range(i + 1, len(words)) if words[at] in rules.writer_subjects)
                return (i + 1, next(speaks, len(words)))
    return None


def _past(words: list[str], at: int, rules: ReaderRules) -> bool:
    """Whether word `at` tells of the past: a past-tense auxiliary, or a verb in -ed right after a subject word."""
    word = words[at]
    if word in rules.past_markers:
        return True
    subject = words[at - 1] if at > 0 else ""
    return word.endswith("ed") and (subject in rules.writer_words or subject in rules.others or subject == "it")


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


def mood(clause: Clause, before: int, after: int, rules: ReaderRules, *, subject: bool = False) -> str:
    """negated, reported, intent, future or done, for a cue with `before` words before it whose next word is
    number `after`.

    A `subject` cue (what the writer or the innovation is) is negated only by a negator before it: one after it
    ("our app is not a medical device") negates what follows, not the cue; someone else's request, a reset or a
    future clause do not change what the writer is.
    """
    if any(first <= before <= last for first, last in clause.negated_spans):
        return "negated"
    if subject:
        wanted = any(end <= before for end in clause.intent_ends) or clause.question
        return "intent" if wanted or any(after + reach in clause.intent_after for reach in range(3)) else "done"
    # "is not" right after the cue, or one word on ("CE marking is not done"), but not across an "and", which
    # starts another verb: "it was trained on public image sets and has not yet been tried" negates the trying.
    if after in clause.negated_after or (after + 1 in clause.negated_after and clause.words[after] != "and"):
        return "negated"
    if clause.reported is not None and clause.reported[0] <= before <= clause.reported[1]:
        return "reported"
    # An intent marker reaches a cue only when no reset word (a relative "who", "offer") stands between them:
    # "a lawyer who knows research collaborations" asks for the lawyer, not for research.
    reset = max((r for r in clause.resets if r < before), default=-1)
    given_up = max((end for end in clause.abandoned_ends if reset < end <= before), default=None)
    if given_up is not None and not _wished_again(clause, given_up, before, rules):
        return "abandoned"  # "we had planned to expand into Germany": neither done nor wanted
    if any(first <= before < end for first, end in clause.wanted_spans):
        return "intent"
    if any(reset < end <= before for end in clause.intent_ends):
        return "intent"
    if any(after + reach in clause.intent_after for reach in range(3)):
        return "intent"
    if clause.question and clause.reported is None and reset < 0:
        return "intent"
    return "future" if clause.future else "done"


def _wished_again(clause: Clause, given_up: int, before: int, rules: ReaderRules) -> bool:
    """Whether the writer wishes afresh between a plan given up (ending at word `given_up`) and a cue: an intent
    marker after the writer speaks again ("we had hoped to, and now we need"), not one inside the plan ("had hoped
    to find customers")."""
    speaks = next((at for at in range(given_up, before) if clause.words[at] in rules.writer_subjects), None)
    return speaks is not None and any(speaks < end <= before for end in clause.intent_ends)


def owned(clause: Clause, before: int, rules: ReaderRules) -> bool:
    """Whether the cue with `before` words before it follows a possessive of the writer ("our engineers", "my own
    patients"): it names what the writer has, not what they need."""
    back = before - 1 - (before > 1 and clause.words[before - 1] == "own")
    return back >= 0 and clause.words[back] in rules.possessives


def anchored(anchor: str, clause: Clause, before: int, after: int, rules: ReaderRules) -> bool:
    """Whether the cue is about the writer (self) or where the writer is (place)."""
    ends = clause.self_ends if anchor == "self" else clause.self_ends + clause.place_ends
    if any(end <= before and before - end <= rules.anchor_gap for end in ends):
        return True
    if anchor == "self" and clause.opening and before <= rules.anchor_gap:
        return True
    return anchor == "place" and any(word in rules.place_nouns for word in clause.words[after : after + 2])
