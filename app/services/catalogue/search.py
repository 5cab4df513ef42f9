"""Text search, in one place: analysed terms for the offers' `q` filter (the matcher's own analysis), and the
literal every-word search of the HSDS `search` parameter (over what a record shows, as HSDS clients expect)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from app.matching.text import analyse
from app.services.store.snapshot import CatalogueSnapshot


def literal_words(query: str | None) -> tuple[str, ...]:
    """The words of a literal search, case-folded: HSDS `search` matches them as they are typed, not stemmed."""
    return tuple(word for word in (query or "").casefold().split() if word)


def holds_every_word(text: str, words: Sequence[str]) -> bool:
    """Whether `text` holds every one of `words` (case-folded substrings): the literal search's one rule."""
    if not words:
        return True  # no search: nothing to fold
    folded = text.casefold()
    return all(word in folded for word in words)


def search_terms(query: str) -> tuple[str, ...]:
    """The distinct analysed terms of a query, in order."""
    return tuple(dict.fromkeys(analyse(query)))


@dataclass(frozen=True)
class TextIndex:
    """Per-offer analysed terms, weighted by field (name and keywords count more)."""

    terms: dict[str, dict[str, float]]

    def matching(self, query_terms: tuple[str, ...]) -> dict[str, float]:
        """Offers containing every query term, with a simple field-weighted relevance."""
        if not query_terms:
            return {}
        found: dict[str, float] = {}
        for slug, weights in self.terms.items():
            if all(term in weights for term in query_terms):
                found[slug] = sum(weights[term] for term in query_terms)
        return found


FIELD_WEIGHTS = (("name", 3.0), ("keywords", 2.0), ("summary", 1.5), ("description", 1.0))


def _build(snapshot: CatalogueSnapshot) -> TextIndex:
    terms: dict[str, dict[str, float]] = {}
    for offer in snapshot.offers:
        weights: dict[str, float] = {}
        texts = {
            "name": offer.name,
            "keywords": " ".join(offer.keywords),
            "summary": offer.summary,
            "description": offer.description + " " + offer.provider.name,
        }
        for field, weight in FIELD_WEIGHTS:
            for term in analyse(texts[field]):
                weights[term] = weights.get(term, 0.0) + weight
        terms[offer.slug] = weights
    return TextIndex(terms=terms)


def text_index(snapshot: CatalogueSnapshot) -> TextIndex:
    """The snapshot's text index, built on first use."""
    return snapshot.derived("text_index", _build)
