"""The plain-English wording: why an offer matched, and what would open a near miss to you."""

from __future__ import annotations

from collections.abc import Sequence

from app.matching.outcome import Reason
from app.matching.records import OfferRecord
from app.matching.scoring import stage_relation
from app.matching.vocabulary import Vocabulary

FORTHCOMING = Reason("forthcoming", "Opening soon: not yet taking innovators")


def need_reason(offer: OfferRecord, need: str, vocabulary: Vocabulary, *, full: bool, parent: bool) -> Reason | None:
    """The need-match or need-parent reason for one requested need, or None when the offer does not cover it.

    `full`: the offer is tagged with the need or one of its children; `parent`: only with an ancestor.
    """
    names = vocabulary.need_names
    asked = lower_first(names[need])
    if full:
        if need in offer.needs:
            return Reason("need-match", f"Offers {asked}, which you asked for")
        child = next(slug for slug in vocabulary.need_descendants[need] if slug in offer.needs)
        return Reason("need-match", f"Offers {lower_first(names[child])}, part of the {asked} you asked for")
    if parent:
        ancestor = next(slug for slug in vocabulary.need_ancestors[need] if slug in offer.needs)
        return Reason("need-parent", f"Offers {lower_first(names[ancestor])}, which covers {asked}")
    return None


def stage_reason(served: tuple[int, ...], stages: tuple[int, ...], trl: int | None, vocabulary: Vocabulary) -> Reason:
    """Where an offer serving `served` sits on the pathway relative to an innovator at `stages`.

    `trl` is given when the innovator gave a TRL rather than a stage, and is named in a fitting reason.
    """
    relation, stage = stage_relation(served, stages)
    band = vocabulary.stage_by_number[stage]
    named = f"stage {band.number}, {band.name}"
    if relation == "every":
        return Reason("stage-fit", "Open at every stage, including yours")
    if relation == "fit":
        if trl is None:
            return Reason("stage-fit", f"Serves {named}, where you are now")
        return Reason("stage-fit", f"Serves {named}, which fits TRL {trl}")
    if relation == "next":
        return Reason("stage-next", f"Comes up next: serves {named}")
    if relation == "ahead":
        return Reason("stage-ahead", f"For later: serves from {named}")
    return Reason("stage-behind", f"Aimed at an earlier stage: serves up to {named}")


def keyword_reason(matched_words: Sequence[str]) -> Reason:
    """Names the words of the search that the offer mentions."""
    return Reason("keyword-match", f"Mentions {join_words(list(matched_words))}, which you searched for")


def sector_reason(sector: str, vocabulary: Vocabulary) -> Reason:
    """The offer names the innovator's sector."""
    return Reason("sector-match", f"Focused on {lower_first(vocabulary.sector_names[sector])}, your sector")


def local_reason(provider_location: str, vocabulary: Vocabulary) -> Reason:
    """The provider is based near the innovator."""
    return Reason("local", f"Based in {vocabulary.location_names[provider_location]}, near you")


FALLBACK = Reason("open-to-you", "Open to organisations like yours")


def near_miss_hint(criterion: str, offer: OfferRecord, vocabulary: Vocabulary) -> str:
    """A supportive line saying who the offer is for, never a bare "ineligible"."""
    if criterion == "location":
        return "For organisations based " + join_words([_place(slug, vocabulary) for slug in offer.locations], "or")
    if criterion == "organisation_type":
        names = vocabulary.organisation_type_names
        return "For " + join_words([plural(lower_first(names[slug])) for slug in offer.organisation_types])
    if criterion == "sector":
        names = vocabulary.sector_names
        return "Focused on " + join_words([lower_first(names[slug]) for slug in offer.sectors])
    first = min(offer.stages)
    return f"Opens to you from stage {first}, {vocabulary.stage_by_number[first].name}"


def lower_first(name: str) -> str:
    """Lower-case a term name for use mid-sentence, keeping acronyms (NHS, AI) intact."""
    if len(name) > 1 and name[1].isupper():
        return name
    return name[:1].lower() + name[1:]


def plural(phrase: str) -> str:
    """Pluralise the last word of a short noun phrase ("start-up" -> "start-ups")."""
    if phrase.endswith(("s", "x")):
        return phrase + "es"
    if phrase.endswith("y") and phrase[-2:-1] not in ("a", "e", "i", "o", "u"):
        return phrase[:-1] + "ies"
    return phrase + "s"


def join_words(items: list[str], conjunction: str = "and") -> str:
    """ "a", "a and b", "a, b and c"."""
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {conjunction} {items[-1]}"


def _place(slug: str, vocabulary: Vocabulary) -> str:
    name = vocabulary.location_names[slug]
    if name.startswith("Outside "):
        return lower_first(name)
    if name.startswith("United "):
        return f"in the {name}"
    return f"in {name}"
