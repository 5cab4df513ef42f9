"""From answers and a description to a match profile, every inferred value with its source and a plain reason."""

# Precedence, written down (docs/intake.md):
# 1. A field given in the request itself (sector, organisation_type, location) beats everything.
# 2. An answer to a question (an option chosen) beats the description and text answers.
# 3. Within the words (the description and text answers): for the stage, the latest stage evidenced wins; a TRL
#    written as a number is kept as `trl`, and a stage from words is kept beside it only when its band contains
#    that TRL; needs are gathered in the order found (after the answers' needs), and a need the words name beside
#    a narrower need of it is dropped for the narrower one (docs/intake.md, "Precedence"); the organisation type and the
#    location come from the first cue listed in the intake file; the sector is the one named most often by cues
#    for what the innovation is (`product`), then by any cue among those tied; a tie left leaves it out.
# What nothing evidences is left out, and a follow-up sentence says what would help.

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from app.intake.implication import Implication
from app.intake.reader import Evidence, Reader
from app.intake.request import IntakeError, IntakeRequest, check_request
from app.intake.spec import FollowUp, IntakeSpec
from app.matching import Profile, Vocabulary
from app.matching.text import STOP_WORDS, stem, words

MAX_KEYWORD_CHARS = 200


@dataclass(frozen=True)
class Inference:
    """One inferred profile value, what it came from (`answer:<question id>` or `description`) and why."""

    field: str
    value: int | str
    because: str
    source: str


@dataclass(frozen=True)
class IntakeOutcome:
    """The inferred profile (a valid match request), the inferences behind it and what more would help."""

    profile: Profile
    inferences: tuple[Inference, ...]
    follow_up: tuple[FollowUp, ...]
    version: str

    def profile_document(self) -> dict[str, object]:
        """The profile as a /v1/match request body: fields nothing evidenced are left out."""
        profile = self.profile
        document: dict[str, object] = {}
        for name in ("stage", "trl"):
            if getattr(profile, name) is not None:
                document[name] = getattr(profile, name)
        if profile.needs:
            document["needs"] = list(profile.needs)
        for name in ("sector", "organisation_type", "location", "keywords"):
            if getattr(profile, name) is not None:
                document[name] = getattr(profile, name)
        document["limit"] = profile.limit
        return document

    @property
    def has_anchor(self) -> bool:
        """Whether the profile gives a stage, a TRL or needs (what every match request needed before keywords)."""
        return self.profile.stage is not None or self.profile.trl is not None or bool(self.profile.needs)


@dataclass(frozen=True)
class _Sourced:
    implication: Implication
    source: str
    evidence: Evidence | None = None


def infer(
    spec: IntakeSpec,
    request: IntakeRequest,
    *,
    reader: Reader | None = None,
    vocabulary: Vocabulary | None = None,
    known_terms: frozenset[str] | None = None,
) -> IntakeOutcome:
    """The profile the answers and description evidence; raise IntakeError listing every problem with the request.

    `known_terms` (analysed terms of the catalogue's text) limits the description words passed on as keywords to
    words the catalogue can match; None passes every informative word.
    """
    vocab = vocabulary or spec.vocabulary
    errors = check_request(spec, request, vocab)
    if errors:
        raise IntakeError(errors)
    gathered = _gather(spec, request, reader or Reader(spec), vocab)
    chosen, read = gathered.chosen, gathered.read

    inferences: list[Inference] = []
    asks: list[str] = []
    stage, trl = _stage_and_trl(chosen, read, vocab, inferences, asks)
    final_stage = stage if stage is not None else (min(vocab.stages_for_trl(trl)) if trl is not None else None)
    needs = _needs(chosen, read, final_stage, vocab, inferences)
    organisation_type = _attribute("organisation_type", request.organisation_type, chosen, read, inferences)
    location = _attribute("location", request.location, chosen, read, inferences)
    sector = _sector(request.sector, chosen, read, vocab, inferences)
    keywords = _keywords(gathered.texts, spec, known_terms, frozenset(gathered.spent))
    if keywords:
        inferences.append(
            Inference(
                "keywords",
                keywords,
                "Informative words of what you wrote that also occur in the catalogue's descriptions",
                "description" if request.description else _text_source(spec, request),
            )
        )
    profile = Profile(
        stage=stage,
        trl=trl,
        needs=needs,
        sector=sector,
        organisation_type=organisation_type,
        location=location,
        keywords=keywords,
        limit=request.limit,
    )
    follow_up = _follow_up(spec, profile, asks)
    return IntakeOutcome(profile, tuple(inferences), follow_up, spec.version)


@dataclass
class _Gathered:
    """What the answers chose and the words evidenced, the texts read and the terms their cues spent."""

    chosen: list[_Sourced] = field(default_factory=list)
    read: list[_Sourced] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)
    spent: set[str] = field(default_factory=set)

    def take(self, reader: Reader, text: str, source: str, vocab: Vocabulary) -> None:
        """Read one text (the description or a text answer)."""
        self.texts.append(text)
        for evidence in reader.read(text):
            self.spent.update(_spent_terms(evidence, vocab))
            if evidence.implication is not None:
                self.read.append(_Sourced(evidence.implication, source, evidence))


def _gather(spec: IntakeSpec, request: IntakeRequest, reader: Reader, vocab: Vocabulary) -> _Gathered:
    """The options chosen, in question order, then the words of text answers and the description."""
    gathered = _Gathered()
    for question in spec.questions:
        value = request.answers.get(question.id)
        if value is None:
            continue
        source = f"answer:{question.id}"
        if question.kind == "text":
            assert isinstance(value, str)
            gathered.take(reader, value, source, vocab)
        else:
            assert isinstance(value, str | Sequence)
            ids = [value] if isinstance(value, str) else [str(v) for v in dict.fromkeys(value)]
            gathered.chosen.extend(_Sourced(question.option_by_id[oid].implies, source) for oid in ids)
    if request.description and request.description.strip():
        gathered.take(reader, request.description, "description", vocab)
    return gathered


def _stage_and_trl(
    chosen: list[_Sourced],
    read: list[_Sourced],
    vocab: Vocabulary,
    inferences: list[Inference],
    asks: list[str],
) -> tuple[int | None, int | None]:
    answered = [s for s in chosen if s.implication.stage is not None]
    stage: int | None = None
    if answered:
        best = max(answered, key=lambda s: s.implication.stage or 0)
        stage = best.implication.stage
        assert stage is not None
        band = best.implication.trl
        about = f" (about TRL {band[0]}-{band[1]})" if band else ""
        inferences.append(
            Inference("stage", stage, f"{best.implication.because}: {_stage_words(stage, vocab)}{about}", best.source)
        )
        if best.implication.ask:
            asks.append(best.implication.ask)
    trls = [s for s in read if s.evidence is not None and s.evidence.trl is not None]
    trl: int | None = None
    if trls:
        best_trl = max(trls, key=lambda s: s.evidence.trl if s.evidence and s.evidence.trl else 0)
        assert best_trl.evidence is not None
        candidate = best_trl.evidence.trl
        assert candidate is not None
        if stage is None or vocab.stage_by_number[stage].contains_trl(candidate):
            trl = candidate
            homes = vocab.stages_for_trl(candidate)
            inferences.append(
                Inference(
                    "trl",
                    candidate,
                    f"{best_trl.implication.because}: TRL {candidate}, "
                    + " or ".join(_stage_words(n, vocab) for n in homes),
                    best_trl.source,
                )
            )
    if stage is None:
        worded = [s for s in read if s.implication.stage is not None]
        if worded:
            latest = max(s.implication.stage or 0 for s in worded)
            best = next(s for s in worded if s.implication.stage == latest)
            if trl is None or vocab.stage_by_number[latest].contains_trl(trl):
                stage = latest
                several = len({s.implication.stage for s in worded}) > 1
                note = " (the latest stage you describe)" if several else ""
                inferences.append(
                    Inference("stage", latest, _quoted(best) + f": {_stage_words(latest, vocab)}{note}", best.source)
                )
                if best.implication.ask:
                    asks.append(best.implication.ask)
    return stage, trl


def _needs(
    chosen: list[_Sourced], read: list[_Sourced], stage: int | None, vocab: Vocabulary, inferences: list[Inference]
) -> tuple[str, ...]:
    found: dict[str, _Sourced] = {}
    for sourced in [*chosen, *read]:
        for need in sourced.implication.needs_at(stage):
            found.setdefault(need, sourced)
    # Words naming a need and, elsewhere, one of its narrower needs ("proof that it saves money": evaluation, then
    # health economics) mean the narrower one; a wider need chosen as an answer is kept.
    narrower = {ancestor for need in found for ancestor in vocab.need_ancestors[need]}
    needs = [need for need, sourced in found.items() if sourced.evidence is None or need not in narrower]
    for need in needs:
        sourced = found[need]
        because = _quoted(sourced) if sourced.evidence else sourced.implication.because
        inferences.append(
            Inference(
                "needs", need, f"{because}, so we look for {_lower_first(vocab.need_names[need])}", sourced.source
            )
        )
    return tuple(needs)


def _attribute(
    name: str, given: str | None, chosen: list[_Sourced], read: list[_Sourced], inferences: list[Inference]
) -> str | None:
    if given is not None:
        return given
    for sourced in chosen:
        value = getattr(sourced.implication, name)
        if value is not None:
            inferences.append(Inference(name, value, sourced.implication.because, sourced.source))
            return str(value)
    found = [s for s in read if getattr(s.implication, name) is not None and s.evidence and s.evidence.cue]
    if not found:
        return None
    best = min(
        found,
        key=lambda s: (
            s.evidence.cue.order if s.evidence and s.evidence.cue else 0,
            s.evidence.position if s.evidence else 0,
        ),
    )
    value = getattr(best.implication, name)
    inferences.append(Inference(name, value, _quoted(best), best.source))
    return str(value)


def _sector(
    given: str | None, chosen: list[_Sourced], read: list[_Sourced], vocab: Vocabulary, inferences: list[Inference]
) -> str | None:
    if given is not None:
        return given
    for sourced in chosen:
        if sourced.implication.sector is not None:
            inferences.append(
                Inference("sector", sourced.implication.sector, sourced.implication.because, sourced.source)
            )
            return sourced.implication.sector
    found = [s for s in read if s.implication.sector is not None]
    products = [s for s in found if s.evidence is not None and s.evidence.cue is not None and s.evidence.cue.product]
    counts = Counter(s.implication.sector for s in found)
    # What the innovation is (an app, a device) decides; words for its features (a sensor, AI) decide only
    # between sectors named as often as products, or when no product is named.
    leaders = _most(Counter(s.implication.sector for s in products), set(counts))
    winners = _most(Counter(sector for sector in counts.elements() if sector in leaders), leaders)
    if len(winners) != 1:
        return None
    sector = winners.pop()
    assert sector is not None
    best = next(s for s in [*products, *found] if s.implication.sector == sector)
    others = " (more than any other field you mention)" if len(counts) > 1 else ""
    inferences.append(Inference("sector", sector, _quoted(best) + others, best.source))
    return sector


def _most(counts: Counter[str | None], otherwise: set[str | None]) -> set[str | None]:
    """The values counted most often (`otherwise` when nothing was counted)."""
    if not counts:
        return otherwise
    top = max(counts.values())
    return {value for value, count in counts.items() if count == top}


def _keywords(
    texts: list[str], spec: IntakeSpec, known_terms: frozenset[str] | None, consumed: frozenset[str]
) -> str | None:
    rules = spec.reader
    chosen: dict[str, str] = {}
    for text in texts:
        for word in words(text):
            if len(chosen) >= rules.keyword_max_words:
                break
            if len(word) < 3 or word in STOP_WORDS or word in rules.keyword_ignore or not word.isalpha():
                continue
            term = stem(word)
            if term in chosen or term in consumed or (known_terms is not None and term not in known_terms):
                continue
            chosen[term] = word
    keywords = ""
    for word in chosen.values():
        candidate = f"{keywords} {word}".strip()
        if len(candidate) > MAX_KEYWORD_CHARS:
            break
        keywords = candidate
    return keywords or None


def _spent_terms(evidence: Evidence, vocab: Vocabulary) -> set[str]:
    """The terms of a cue's words that are not passed on as keywords.

    A need read as wanted passes on the words that say more than the need's own name ("commissioners", "knowledge
    transfer partnership"): among the offers meeting the need they tell the fitting ones apart. The words naming the
    need ("office", "regulatory advice") add nothing the need does not, and would lift offers of other needs that
    merely mention them. A modifier qualifying a wanted need's cue ("NHS" in "NHS data") passes on its words too.
    Every other cue (a stage, who or where the writer is, a field, anything negated) describes
    the writer, not what is sought, and passes on nothing.
    """
    terms = {stem(word) for word in words(evidence.quote)}
    if evidence.qualifier and evidence.mood == "intent":
        return set()  # "NHS" in "we need NHS data": it says which data, as a wanted need's other words do
    implication = evidence.implication
    if implication is None or evidence.mood != "intent":
        return terms
    needs = {*implication.needs, *(need for _, _, group in implication.by_stage for need in group)}
    if not needs:
        return terms
    names = {slug for need in needs for slug in (need, *vocab.need_ancestors[need])}
    return terms & {stem(word) for slug in names for word in words(vocab.need_names[slug])}


def _follow_up(spec: IntakeSpec, profile: Profile, asks: list[str]) -> tuple[FollowUp, ...]:
    keys: list[str] = []
    if profile.stage is None and profile.trl is None:
        keys.append("stage")
    keys.extend(asks)
    if not profile.needs:
        keys.append("needs")
    for name in ("organisation_type", "location", "sector"):
        if getattr(profile, name) is None:
            keys.append(name)
    return tuple(spec.follow_up[key] for key in dict.fromkeys(keys))


def _quoted(sourced: _Sourced) -> str:
    quote = sourced.evidence.quote if sourced.evidence else ""
    return sourced.implication.because.replace("{quote}", quote)


def _stage_words(stage: int, vocab: Vocabulary) -> str:
    return f"stage {stage}, {vocab.stage_by_number[stage].name}"


def _lower_first(name: str) -> str:
    return name if len(name) > 1 and name[1].isupper() else name[:1].lower() + name[1:]


def _text_source(spec: IntakeSpec, request: IntakeRequest) -> str:
    return next(f"answer:{q.id}" for q in spec.questions if q.kind == "text" and q.id in request.answers)
