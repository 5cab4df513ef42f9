"""Text search, in one place: the offers' `q` filter and the HSDS services' `search`, answered from the matcher's
own keyword index (its analysis, stemming, stop words and BM25 field weights), and the literal every-word search
of the HSDS organizations and taxonomies (name filters over records that are not offers)."""

from __future__ import annotations

from collections.abc import Sequence

from app.errors import FieldProblem, ValidationProblem
from app.matching.text import analyse, no_words
from app.services.matching.match import matcher_index
from app.services.store.snapshot import CatalogueSnapshot

NO_WORDS = no_words("Search needs", "'the' or 'and'")


def search_terms(query: str) -> tuple[str, ...]:
    """The distinct analysed terms of a query, in order: the words the keyword index holds, stemmed."""
    return tuple(dict.fromkeys(analyse(query)))


def offers_found(snapshot: CatalogueSnapshot, query: str | None, *, field: str) -> dict[str, float] | None:
    """The offers whose text holds every analysed word of `query`, with their BM25 relevance, by slug; None when
    nothing is searched (no query, or only spaces).

    The text is what the matcher reads for keywords (name, keywords, summary, description, with its field
    weights), from the matcher's own index of this snapshot, so `q`, HSDS `search` and match keywords find the
    same offers for the same word. A query with no word to search for (only stop words or punctuation) is a 422
    naming `field`, as match keywords are.
    """
    if query is None or not query.strip():
        return None
    terms = search_terms(query)
    if not terms:
        raise ValidationProblem([FieldProblem(field=field, message=NO_WORDS)])
    if not snapshot.offers:
        return {}  # nothing loaded yet: nothing to find (and no index to build)
    index = matcher_index(snapshot)
    docs = index.keywords.docs_with_all(terms)
    if not docs.size:
        return {}
    relevance = index.keywords.scores(terms)[docs].tolist()
    return {index.offers[doc].slug: score for doc, score in zip(docs.tolist(), relevance, strict=True)}


def literal_words(query: str | None) -> tuple[str, ...]:
    """The words of a literal search, case-folded: HSDS organizations and taxonomies match them as typed."""
    return tuple(word for word in (query or "").casefold().split() if word)


def holds_every_word(text: str, words: Sequence[str]) -> bool:
    """Whether `text` holds every one of `words` (case-folded substrings): the literal search's one rule."""
    if not words:
        return True  # no search: nothing to fold
    folded = text.casefold()
    return all(word in folded for word in words)
