"""The plain-English wording: why an offer matched, and what would open a near miss to you."""

from __future__ import annotations

from collections.abc import Sequence

from app.matching.outcome import Reason
from app.matching.profile import NormalisedProfile
from app.matching.records import OfferRecord
from app.matching.stages import AHEAD, EVERY, FIT, NEXT, stage_relation
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


def stage_reason(
    served: tuple[int, ...],
    stages: tuple[int, ...],
    trl: int | None,
    vocabulary: Vocabulary,
    *,
    current: bool = True,
) -> Reason:
    """Where an offer serving `served` sits on the pathway relative to an innovator at `stages`.

    `trl` is given when the innovator gave a TRL rather than a stage, and is named in a fitting reason.
    `current` is false on the later stages of the route ahead: only the innovator's own stage is "where you
    are now".
    """
    relation, stage = stage_relation(served, stages)
    band = vocabulary.stage_by_number[stage]
    named = f"stage {band.number}, {band.name}"
    if relation == EVERY:
        return Reason("stage-fit", "Open at every stage, including yours" if current else "Open at every stage")
    if relation == FIT:
        if not current:
            return Reason("stage-fit", f"Serves {named}, for when you get there")
        if trl is None:
            return Reason("stage-fit", f"Serves {named}, where you are now")
        return Reason("stage-fit", f"Serves {named}, which fits TRL {trl}")
    if relation == NEXT:
        return Reason("stage-next", f"Comes up next: serves {named}")
    if relation == AHEAD:
        return Reason("stage-ahead", f"For later: serves from {named}")
    return Reason("stage-behind", f"Aimed at an earlier stage: serves up to {named}")


def typical_need_reason(
    offer: OfferRecord, need: str, stage: int, vocabulary: Vocabulary, *, full: bool, parent: bool
) -> Reason | None:
    """The offer meets a need innovators typically have at `stage` (pathway data), or None."""
    offered = offered_name(offer, need, vocabulary, full=full, parent=parent)
    if offered is None:
        return None
    return Reason("need-typical", f"Offers {offered}, which innovators often need at stage {stage}")


def offered_name(offer: OfferRecord, need: str, vocabulary: Vocabulary, *, full: bool, parent: bool) -> str | None:
    """The name of what the offer is tagged with that meets `need` (the need, a child, or an ancestor)."""
    names = vocabulary.need_names
    if full:
        if need in offer.needs:
            return lower_first(names[need])
        child = next(slug for slug in vocabulary.need_descendants[need] if slug in offer.needs)
        return lower_first(names[child])
    if parent:
        ancestor = next(slug for slug in vocabulary.need_ancestors[need] if slug in offer.needs)
        return lower_first(names[ancestor])
    return None


def matched_words(
    profile: NormalisedProfile, positions: Sequence[int]
) -> tuple[tuple[str, ...], tuple[tuple[str, str], ...]]:
    """How an offer's matches of the keyword terms at `positions` (of profile.keyword_terms) are named.

    Returns the words it mentions as searched (a term alone by its word, several terms of one concept by the
    concept: "artificial intelligence", not "artificial, artificial intelligence, intelligence"), and, where
    it mentions only what a synonym adds, (the synonym's terms as written, the words searched) pairs
    ("end-to-end", "where to start"); each once, in the order typed.
    """
    by_concept: dict[int, list[int]] = {}
    for position in positions:
        by_concept.setdefault(profile.keyword_concepts[position], []).append(position)
    mentioned: list[str] = []
    expanded: list[tuple[str, str]] = []
    for members in by_concept.values():
        if any(not profile.keyword_written[k] for k in members):
            mentioned.append(
                profile.keyword_words[members[0]] if len(members) == 1 else profile.keyword_phrases[members[0]]
            )
        else:
            written = join_words(list(dict.fromkeys(profile.keyword_written[k] for k in members)))
            expanded.append((written, profile.keyword_phrases[members[0]]))
    return tuple(dict.fromkeys(mentioned)), tuple(dict.fromkeys(expanded))


class KeywordWording:
    """One request's keyword wording: results often share their keyword matches, so each set of matches is
    named (matched_words), and each keyword sentence written (keyword_reason), once per request."""

    def __init__(self, profile: NormalisedProfile, terms: Sequence[int]) -> None:
        self._profile = profile
        self._terms = terms
        self._named: dict[tuple[int, ...], tuple[tuple[str, ...], tuple[tuple[str, str], ...]]] = {}
        self._sentences: dict[tuple[object, ...], Reason] = {}

    def named(self, matched: tuple[int, ...]) -> tuple[tuple[str, ...], tuple[tuple[str, str], ...]]:
        """matched_words for the keyword terms at `matched` (positions in `terms`)."""
        words = self._named.get(matched)
        if words is None:
            words = self._named[matched] = matched_words(self._profile, [self._terms[k] for k in matched])
        return words

    def sentence(
        self, needs: Sequence[tuple[str, str]], words: tuple[tuple[str, ...], tuple[tuple[str, str], ...]]
    ) -> Reason:
        """keyword_reason(needs, *words)."""
        key = (tuple(needs), words)
        reason = self._sentences.get(key)
        if reason is None:
            reason = self._sentences[key] = keyword_reason(needs, *words)
        return reason


def keyword_reason(
    needs: Sequence[tuple[str, str]], matched_words: Sequence[str], expanded: Sequence[tuple[str, str]] = ()
) -> Reason:
    """The one keyword reason: which words of the search matched what.

    `needs`: (what the offer offers, the words that point to it) for needs the words point to;
    `matched_words`: the words (as shown) the offer's text mentions; `expanded`: (what the offer mentions, the
    words searched) for what it matches only through a synonym's search terms. Words already named for a need,
    or part of a phrase named for one, are not repeated.
    """
    by_offered: dict[str, list[str]] = {}
    for offered, word in needs:
        if word not in by_offered.setdefault(offered, []):
            by_offered[offered].append(word)
    parts = [
        f"offers {offered}, which matches {join_words([_quoted(word) for word in words])} in your search"
        for offered, words in by_offered.items()
    ]
    named = {token for _, word in needs for token in word.lower().split()}
    shown = [word for word in dict.fromkeys(matched_words) if not set(word.lower().split()) <= named]
    if shown:
        parts.append(f"mentions {join_words(shown)}, which you searched for")
    parts += [
        f"mentions {written}, which matches {_quoted(searched)} in your search"
        for written, searched in expanded
        if not set(searched.lower().split()) <= named
    ]
    text = "; ".join(parts)
    return Reason("keyword-match", text[:1].upper() + text[1:])


def _quoted(word: str) -> str:
    return f"\u201c{word}\u201d"


def sector_reason(sector: str, vocabulary: Vocabulary) -> Reason:
    """The offer names the innovator's sector."""
    return Reason("sector-match", f"Focused on {lower_first(vocabulary.sector_names[sector])}, your sector")


def local_reason(provider_location: str, vocabulary: Vocabulary) -> Reason:
    """The provider is based near the innovator."""
    return Reason("local", f"Based in {vocabulary.location_names[provider_location]}, near you")


def focus_reason(criterion: str, offer: OfferRecord, vocabulary: Vocabulary) -> Reason:
    """The offer's focus lies elsewhere (a soft preference, not a restriction): say so plainly."""
    if criterion == "sector":
        names = vocabulary.sector_names
        return Reason("focus", "Mainly for " + join_words([lower_first(names[slug]) for slug in offer.sectors]))
    if criterion == "organisation_type":
        names = vocabulary.organisation_type_names
        kinds = [plural(lower_first(names[slug])) for slug in offer.organisation_types]
        return Reason("focus", "Mainly for " + join_words(kinds))
    places = [_place(slug, vocabulary) for slug in offer.locations]
    return Reason("focus", "Mainly for organisations based " + join_words(places, "or"))


def front_door_reason(needs: Sequence[str], vocabulary: Vocabulary) -> Reason:
    """A signposting service points the way; it does not offer the needs itself."""
    if not needs:
        return Reason("front-door", "Can point you to the right support if none of these results fits")
    names = join_words([lower_first(vocabulary.need_names[need]) for need in needs])
    return Reason("front-door", f"Can point you to support for {names} if none of these results fits")


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


def restriction_hint(criterion: str, offer: OfferRecord, vocabulary: Vocabulary) -> str:
    """Who a restricted offer is for, from its explicit restrictions (the near-miss hint)."""
    if criterion == "location":
        places = [_place(slug, vocabulary) for slug in offer.restricted_locations]
        return "Only for organisations based " + join_words(places, "or")
    if criterion == "organisation_type":
        names = vocabulary.organisation_type_names
        return "Only for " + join_words(
            [plural(lower_first(names[slug])) for slug in offer.restricted_organisation_types]
        )
    if criterion == "sector":
        names = vocabulary.sector_names
        return "Only for " + join_words([lower_first(names[slug]) for slug in offer.restricted_sectors])
    return near_miss_hint(criterion, offer, vocabulary)


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
