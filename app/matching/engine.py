"""The matcher's entry points: match() ranks offers for one profile, route_ahead() walks the later stages."""

from __future__ import annotations

from dataclasses import replace
from functools import partial

import numpy as np
import numpy.typing as npt

from app.matching import scoring
from app.matching.diversity import Arrangement, Pool, arrange
from app.matching.index import CatalogueIndex
from app.matching.outcome import FrontDoor, MatchOutcome, NearMiss, Reason, ScoredOffer, StageRoute
from app.matching.profile import NormalisedProfile, normalise_profile
from app.matching.reasons import (
    FORTHCOMING,
    KeywordWording,
    focus_reason,
    front_door_reason,
    local_reason,
    need_reason,
    offered_name,
    restriction_hint,
    sector_reason,
    stage_reason,
    typical_need_reason,
)
from app.matching.records import Profile
from app.matching.scoring import ASKED, TYPICAL, WORDS, ConsideredNeed, ScoreSheet, mentioned_terms, score_offers

IntArray = npt.NDArray[np.int64]
BoolArray = npt.NDArray[np.bool_]

SCORE_PLACES = 4
PYTHON_SORT_LIMIT = 512
"""Pools up to this size are put in base order by Python's sort, larger ones by numpy's lexsort."""


def match(index: CatalogueIndex, profile: Profile | NormalisedProfile, *, explain: bool = False) -> MatchOutcome:
    """Rank the catalogue's offers for `profile`; with explain=True also give components and near misses.

    Only offers with evidence for what was asked are listed (a need met, or an informative keyword matched);
    front doors (signposting services) are never ranked and come back once, in `front_door`.
    """
    normalised = _normalised(index, profile)
    needs = considered_needs(index, normalised)
    sheet = score_offers(index, normalised, needs)
    chosen = _choose(index, sheet, normalised, normalised.limit)
    results = _scored(index, sheet, normalised, chosen, explain=explain, current=True)
    near = _near_misses(index, sheet, normalised, chosen) if explain else ()
    return MatchOutcome(
        profile=normalised,
        ruleset_version=index.ruleset_version,
        catalogue_version=index.catalogue_version,
        results=results,
        near_misses=near,
        front_door=_front_doors(index, sheet),
    )


def considered_needs(
    index: CatalogueIndex, profile: NormalisedProfile, *, route_stage: int | None = None
) -> tuple[ConsideredNeed, ...]:
    """The needs offers are scored on: those asked for; else those the keywords point to (synonyms); else, for
    a request giving only a stage or TRL, the needs typical of its stages (pathway data).

    On the route ahead (`route_stage`), every stage but the current one also brings its typical needs.
    """
    if profile.needs:
        base = tuple(ConsideredNeed(need, ASKED) for need in profile.needs)
    elif profile.keyword_needs:
        base = tuple(ConsideredNeed(need, WORDS) for need, _ in profile.keyword_needs)
    else:
        base = ()
    typical_stages: tuple[int, ...] = ()
    if route_stage is not None:
        if route_stage not in profile.stages or not base:
            typical_stages = (route_stage,)
    elif not base and not profile.keyword_terms:
        typical_stages = profile.stages
    seen = {need.slug for need in base}
    extra: list[ConsideredNeed] = []
    for stage in typical_stages:
        for slug in index.rules.pathway.typical_needs.get(stage, ()):
            if slug not in seen:
                seen.add(slug)
                extra.append(ConsideredNeed(slug, TYPICAL, stage))
    return base + tuple(extra)


def route_ahead(
    index: CatalogueIndex, profile: Profile | NormalisedProfile, *, per_stage: int = 3
) -> tuple[StageRoute, ...]:
    """The best offers at the current stage and at each later stage: the route ahead.

    The route starts at the lowest of the profile's stages (a TRL can sit in two stages; both are marked
    current), or at stage 1 when neither stage nor TRL was given. Each step lists offers serving that stage
    (or every stage), scored as if the innovator were there, on the needs asked for plus, after the current
    stage, the needs innovators typically have there. An offer may recur at several steps; a step that
    nothing serves carries a note.
    """
    if per_stage < 1:
        raise ValueError("per_stage must be at least 1")
    normalised = _normalised(index, profile)
    start = min(normalised.stages) if normalised.stages else 1
    routes: list[StageRoute] = []
    for band in index.vocabulary.stages[start - 1 :]:
        at_stage = replace(
            normalised,
            stage=band.number,
            trl=None,
            stages=(band.number,),
            trl_band=(band.trl_min, band.trl_max),
            limit=per_stage,
        )
        current = band.number in normalised.stages
        needs = considered_needs(index, normalised, route_stage=band.number)
        serves = scoring.served_by(index, (band.number,))
        sheet = score_offers(index, at_stage, needs, scope=serves)
        chosen = _choose(index, sheet, at_stage, per_stage)
        results = _scored(index, sheet, at_stage, chosen, explain=False, current=current)
        note = None
        if not results:
            note = f"Nothing in the catalogue serves stage {band.number}, {band.name}, for what you asked yet"
        routes.append(StageRoute(stage=band, is_current=current, results=results, note=note))
    return tuple(routes)


def front_doors(index: CatalogueIndex, profile: Profile | NormalisedProfile) -> tuple[FrontDoor, ...]:
    """The signposting services open to this innovator, each saying what it can point them to."""
    normalised = _normalised(index, profile)
    return _front_doors(index, score_offers(index, normalised, considered_needs(index, normalised)))


def _normalised(index: CatalogueIndex, profile: Profile | NormalisedProfile) -> NormalisedProfile:
    if isinstance(profile, NormalisedProfile):
        return profile
    return normalise_profile(profile, index.vocabulary, index.synonyms)


def _front_doors(index: CatalogueIndex, sheet: ScoreSheet) -> tuple[FrontDoor, ...]:
    found = np.flatnonzero(sheet.front_door)
    if not found.size:
        return ()
    slugs = tuple(dict.fromkeys(need.slug for need in sheet.needs if need.source != TYPICAL))
    reason = index.memo.get(("front-door-reason", slugs), lambda: front_door_reason(slugs, index.vocabulary))
    return tuple(FrontDoor(offer=index.offers[i], reasons=(reason,)) for i in found.tolist())


def _choose(index: CatalogueIndex, sheet: ScoreSheet, profile: NormalisedProfile, limit: int) -> IntArray:
    """Offer indices to return, best first: top of the base order, then diversity on a small pool.

    The pool is the top of the base order plus, for each requested need, its best eligible offer when that
    lies below the top (so diversity can always promote it); when the top is every eligible offer, as with
    the curated catalogue, it already holds them all.
    """
    rules = index.rules
    eligible = np.flatnonzero(sheet.eligible)
    if eligible.size == 0:
        return eligible
    window = min(limit, max(len(profile.needs), rules.diversity.need_window))
    pool_size = max(rules.results.candidate_pool, 4 * limit)
    need_bests: list[int] | None = None
    while True:
        prefix = _top(sheet, eligible, pool_size)
        pool = prefix
        if prefix.size < eligible.size:
            if need_bests is None:
                need_bests = _need_bests(sheet)
            extras = sorted(set(need_bests) - set(prefix.tolist()))
            if extras:
                pool = np.concatenate([prefix, _base_order(sheet, np.asarray(extras, dtype=np.int64))])
        arrangement = _arrange(index, sheet, pool, prefix.size, limit, window)
        if arrangement.exact or prefix.size >= eligible.size:
            return pool[list(arrangement.order)]
        pool_size *= 4


def _need_bests(sheet: ScoreSheet) -> list[int]:
    """For each requested need with an eligible full match, the best such offer (highest score, then index)."""
    bests: list[int] = []
    for full in sheet.need_full:
        masked = np.where(full & sheet.eligible, sheet.score, -1.0)
        best = int(np.argmax(masked))
        if masked[best] >= 0:
            bests.append(best)
    return bests


def _arrange(
    index: CatalogueIndex, sheet: ScoreSheet, pool: IntArray, prefix: int, limit: int, window: int
) -> Arrangement:
    represents = np.zeros(pool.size, dtype=np.int64)
    for position, full in enumerate(sheet.need_full):
        represents |= full[pool].astype(np.int64) << position
    # The pool holds each need's best eligible offer, so the needs it represents are the needs that can be met.
    required = int(np.bitwise_or.reduce(represents)) if represents.size else 0
    return arrange(
        Pool(
            tiers=sheet.tier[pool].tolist(),
            providers=index.columns.provider[pool].tolist(),
            represents=represents.tolist(),
        ),
        limit=limit,
        need_window=window,
        max_per_provider=index.rules.diversity.max_per_provider,
        required=required,
        prefix=prefix,
    )


def _top(sheet: ScoreSheet, among: IntArray, count: int) -> IntArray:
    """The `count` best of `among` in base order (tier desc, score desc, index asc), ties resolved exactly."""
    if among.size > count:
        key = sheet.tier[among] * 2.0 + sheet.score[among]
        cut = np.partition(key, among.size - count)[among.size - count]
        above = among[key > cut]
        level = among[key == cut][: count - above.size]
        among = np.concatenate([above, level])
    return _base_order(sheet, among)


def _base_order(sheet: ScoreSheet, offers: IntArray) -> IntArray:
    """`offers` best first: tier desc, score desc, index asc (the keys are unique, so the order is total)."""
    if offers.size > PYTHON_SORT_LIMIT:
        return offers[np.lexsort((offers, -sheet.score[offers], -sheet.tier[offers]))]
    # The same order by Python's sort: for a pool this small numpy's call overhead costs more than the sort, and
    # lexsort lets go of the GIL, so under load the request waits behind the worker's other threads to get it back.
    ids = offers.tolist()
    tiers = sheet.tier[offers].tolist()
    scores = sheet.score[offers].tolist()
    order = sorted(range(len(ids)), key=lambda k: (-tiers[k], -scores[k], ids[k]))
    return offers[order]


def _scored(
    index: CatalogueIndex,
    sheet: ScoreSheet,
    profile: NormalisedProfile,
    chosen: IntArray,
    *,
    explain: bool,
    current: bool,
) -> tuple[ScoredOffer, ...]:
    keyword_hits = mentioned_terms(index, profile, sheet, chosen)
    rows = zip(
        chosen.tolist(),
        sheet.score[chosen].tolist(),
        index.columns.forthcoming[chosen].tolist(),
        sheet.local[chosen].tolist(),
        keyword_hits,
        strict=True,
    )
    results: list[ScoredOffer] = []
    wording = KeywordWording(profile, sheet.terms)
    for rank, (i, score, forthcoming, local, matched) in enumerate(rows, start=1):
        components = (
            tuple((name, round(float(values[i]), SCORE_PLACES)) for name, values in sheet.components) if explain else ()
        )
        results.append(
            ScoredOffer(
                rank=rank,
                score=round(score, SCORE_PLACES),
                offer=index.offers[i],
                reasons=_reasons(index, sheet, profile, i, matched, wording, local=local, current=current),
                components=components,
                forthcoming=forthcoming,
            )
        )
    return tuple(results)


def _reasons(
    index: CatalogueIndex,
    sheet: ScoreSheet,
    profile: NormalisedProfile,
    i: int,
    matched: tuple[int, ...],
    wording: KeywordWording,
    *,
    local: bool,
    current: bool,
) -> tuple[Reason, ...]:
    """Why offer i was listed, every reason true of the offer. Sentences recur across requests, so each is
    built once per index (memo)."""
    offer = index.offers[i]
    vocabulary = index.vocabulary
    memo = index.memo
    reasons: list[Reason] = []
    word_needs: list[tuple[str, str]] = []
    keyword_need_words = dict(profile.keyword_needs)
    for need in sheet.needs:
        if need.source == ASKED:
            reason = memo.get(("need-reason", i, need.slug), partial(_need_reason, index, i, need.slug))
        elif need.source == TYPICAL:
            assert need.stage is not None
            reason = memo.get(
                ("typical-reason", i, need.slug, need.stage), partial(_typical_reason, index, i, need.slug, need.stage)
            )
        else:
            offered = memo.get(("offered-name", i, need.slug), partial(_offered_name, index, i, need.slug))
            if offered is not None:
                word_needs.append((offered, keyword_need_words[need.slug]))
            continue
        if reason is not None:
            reasons.append(reason)
    if profile.stages:
        trl = profile.trl if profile.stage is None else None
        key = ("stage-reason", offer.stages, profile.stages, trl, current)
        reasons.append(
            memo.get(key, lambda: stage_reason(offer.stages, profile.stages, trl, vocabulary, current=current))
        )
    words = wording.named(matched)
    if any(words) or word_needs:
        reasons.append(wording.sentence(word_needs, words))
    reasons += _focus_reasons(index, profile, i)
    based = offer.provider_location
    if local and based is not None:
        reasons.append(memo.get(("local-reason", based), lambda: local_reason(based, vocabulary)))
    if offer.status == "forthcoming":
        reasons.append(FORTHCOMING)
    return tuple(reasons)


def _focus_reasons(index: CatalogueIndex, profile: NormalisedProfile, i: int) -> list[Reason]:
    """The sector reason, and where offer i's focus lies elsewhere than the innovator, a focus reason."""
    offer = index.offers[i]
    vocabulary = index.vocabulary
    memo = index.memo
    reasons: list[Reason] = []
    sector = profile.sector
    if sector is not None and offer.sectors:
        if sector in offer.sectors:
            reasons.append(memo.get(("sector-reason", sector), lambda: sector_reason(sector, vocabulary)))
        else:
            reasons.append(memo.get(("focus-reason", i, "sector"), lambda: focus_reason("sector", offer, vocabulary)))
    kind = profile.organisation_type
    if kind is not None and offer.organisation_types and kind not in offer.organisation_types:
        reasons.append(
            memo.get(
                ("focus-reason", i, "organisation_type"), lambda: focus_reason("organisation_type", offer, vocabulary)
            )
        )
    if profile.location is not None and offer.locations and not set(offer.locations) & set(profile.location_chain):
        reasons.append(memo.get(("focus-reason", i, "location"), lambda: focus_reason("location", offer, vocabulary)))
    return reasons


def _coverage(index: CatalogueIndex, i: int, need: str) -> dict[str, bool]:
    row = index.need_row[need]
    return {"full": bool(index.columns.need_full[row, i]), "parent": bool(index.columns.need_ancestor[row, i])}


def _offered_name(index: CatalogueIndex, i: int, need: str) -> str | None:
    return offered_name(index.offers[i], need, index.vocabulary, **_coverage(index, i, need))


def _typical_reason(index: CatalogueIndex, i: int, need: str, stage: int) -> Reason | None:
    return typical_need_reason(index.offers[i], need, stage, index.vocabulary, **_coverage(index, i, need))


def _need_reason(index: CatalogueIndex, i: int, need: str) -> Reason | None:
    return need_reason(index.offers[i], need, index.vocabulary, **_coverage(index, i, need))


def _near_misses(
    index: CatalogueIndex, sheet: ScoreSheet, profile: NormalisedProfile, chosen: IntArray
) -> tuple[NearMiss, ...]:
    """Open offers kept out by exactly one hard filter that would have ranked within the limit."""
    if not sheet.failed:
        return ()
    failures = np.zeros(index.size, dtype=np.int64)
    for _, mask in sheet.failed:
        failures += mask
    near = np.flatnonzero(sheet.candidate & (failures == 1))
    if chosen.size >= profile.limit and near.size:
        # The full list is the bar: a near miss must come before its weakest entry in base order,
        # where (-tier, -score, index) ascending is best first.
        weakest = max((-int(sheet.tier[i]), -float(sheet.score[i]), i) for i in chosen.tolist())
        tier, score = -sheet.tier[near], -sheet.score[near]
        before = (tier < weakest[0]) | ((tier == weakest[0]) & (score < weakest[1]))
        before |= (tier == weakest[0]) & (score == weakest[1]) & (near < weakest[2])
        near = near[before]
    near = _top(sheet, near, profile.limit)
    misses: list[NearMiss] = []
    for i in near.tolist():
        criterion = next(name for name, mask in sheet.failed if mask[i])
        offer = index.offers[i]
        misses.append(
            NearMiss(
                offer=offer,
                criterion=criterion,
                hint=restriction_hint(criterion, offer, index.vocabulary),
                score=round(float(sheet.score[i]), SCORE_PLACES),
            )
        )
    return tuple(misses)
