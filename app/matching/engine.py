"""The matcher's entry points: match() ranks offers for one profile, route_ahead() walks the later stages."""

from __future__ import annotations

from dataclasses import replace
from functools import partial

import numpy as np
import numpy.typing as npt

from app.matching.diversity import Arrangement, Pool, arrange
from app.matching.index import CatalogueIndex
from app.matching.outcome import MatchOutcome, NearMiss, Reason, ScoredOffer, StageRoute
from app.matching.profile import NormalisedProfile, normalise_profile
from app.matching.reasons import (
    FALLBACK,
    FORTHCOMING,
    keyword_reason,
    local_reason,
    near_miss_hint,
    need_reason,
    sector_reason,
    stage_reason,
)
from app.matching.records import Profile
from app.matching.scoring import ScoreSheet, score_offers

IntArray = npt.NDArray[np.int64]
BoolArray = npt.NDArray[np.bool_]

SCORE_PLACES = 4


def match(index: CatalogueIndex, profile: Profile | NormalisedProfile, *, explain: bool = False) -> MatchOutcome:
    """Rank the catalogue's offers for `profile`; with explain=True also give components and near misses."""
    normalised = profile if isinstance(profile, NormalisedProfile) else normalise_profile(profile, index.vocabulary)
    sheet = score_offers(index, normalised)
    chosen = _choose(index, sheet, normalised, normalised.limit)
    results = _scored(index, sheet, normalised, chosen, explain=explain)
    near = _near_misses(index, sheet, normalised, chosen) if explain else ()
    return MatchOutcome(
        profile=normalised,
        ruleset_version=index.ruleset_version,
        catalogue_version=index.catalogue_version,
        results=results,
        near_misses=near,
    )


def route_ahead(
    index: CatalogueIndex, profile: Profile | NormalisedProfile, *, per_stage: int = 3
) -> tuple[StageRoute, ...]:
    """The best offers at the current stage and at each later stage, for the same needs and circumstances.

    The route starts at the lowest of the profile's stages (a TRL can sit in two stages; both are marked
    current), or at stage 1 when neither stage nor TRL was given. Each step lists only offers serving that
    stage (or every stage), scored as if the innovator were there, and skips offers already listed at an
    earlier step so the route reads as "what to approach next".
    """
    if per_stage < 1:
        raise ValueError("per_stage must be at least 1")
    normalised = profile if isinstance(profile, NormalisedProfile) else normalise_profile(profile, index.vocabulary)
    start = min(normalised.stages) if normalised.stages else 1
    cols = index.columns
    shown = np.zeros(index.size, dtype=np.bool_)
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
        serves = (cols.stage_mask == 0) | ((cols.stage_mask >> (band.number - 1)) & 1).astype(np.bool_)
        sheet = score_offers(index, at_stage, scope=serves & ~shown)
        chosen = _choose(index, sheet, at_stage, per_stage)
        shown[chosen] = True
        routes.append(
            StageRoute(
                stage=band,
                is_current=band.number in normalised.stages,
                results=_scored(index, sheet, at_stage, chosen, explain=False),
            )
        )
    return tuple(routes)


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
    return offers[np.lexsort((offers, -sheet.score[offers], -sheet.tier[offers]))]


def _scored(
    index: CatalogueIndex, sheet: ScoreSheet, profile: NormalisedProfile, chosen: IntArray, *, explain: bool
) -> tuple[ScoredOffer, ...]:
    keyword_hits = (
        index.keywords.matched_terms_for(chosen, profile.keyword_terms) if profile.keyword_terms else [()] * len(chosen)
    )
    rows = zip(
        chosen.tolist(),
        sheet.score[chosen].tolist(),
        index.columns.forthcoming[chosen].tolist(),
        sheet.local[chosen].tolist(),
        keyword_hits,
        strict=True,
    )
    results: list[ScoredOffer] = []
    for rank, (i, score, forthcoming, local, matched) in enumerate(rows, start=1):
        components = (
            tuple((name, round(float(values[i]), SCORE_PLACES)) for name, values in sheet.components) if explain else ()
        )
        results.append(
            ScoredOffer(
                rank=rank,
                score=round(score, SCORE_PLACES),
                offer=index.offers[i],
                reasons=_reasons(index, profile, i, matched, local=local),
                components=components,
                forthcoming=forthcoming,
            )
        )
    return tuple(results)


def _reasons(
    index: CatalogueIndex, profile: NormalisedProfile, i: int, matched: tuple[int, ...], *, local: bool
) -> tuple[Reason, ...]:
    """Why offer i was listed. The sentences recur across requests, so each is built once per index (memo)."""
    offer = index.offers[i]
    vocabulary = index.vocabulary
    memo = index.memo
    reasons: list[Reason] = []
    for need in profile.needs:
        reason = memo.get(("need-reason", i, need), partial(_need_reason, index, i, need))
        if reason is not None:
            reasons.append(reason)
    if profile.stages:
        trl = profile.trl if profile.stage is None else None
        key = ("stage-reason", offer.stages, profile.stages, trl)
        reasons.append(memo.get(key, lambda: stage_reason(offer.stages, profile.stages, trl, vocabulary)))
    if matched:
        words = tuple(profile.keyword_words[k] for k in matched)
        reasons.append(memo.get(("keyword-reason", words), lambda: keyword_reason(words)))
    sector = profile.sector
    if sector is not None and sector in offer.sectors:
        reasons.append(memo.get(("sector-reason", sector), lambda: sector_reason(sector, vocabulary)))
    based = offer.provider_location
    if local and based is not None:
        reasons.append(memo.get(("local-reason", based), lambda: local_reason(based, vocabulary)))
    if not reasons:
        reasons.append(FALLBACK)
    if offer.status == "forthcoming":
        reasons.append(FORTHCOMING)
    return tuple(reasons)


def _need_reason(index: CatalogueIndex, i: int, need: str) -> Reason | None:
    row = index.need_row[need]
    cols = index.columns
    full, parent = bool(cols.need_full[row, i]), bool(cols.need_ancestor[row, i])
    return need_reason(index.offers[i], need, index.vocabulary, full=full, parent=parent)


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
                hint=near_miss_hint(criterion, offer, index.vocabulary),
                score=round(float(sheet.score[i]), SCORE_PLACES),
            )
        )
    return tuple(misses)
