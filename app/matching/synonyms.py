"""Plain words to the vocabulary: reviewed synonyms (word -> needs, word -> search terms) and the word rules."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from app.matching.datafile import section
from app.matching.datafile import version as datafile_version
from app.matching.text import STOP_WORDS, stem, words
from app.matching.vocabulary import Vocabulary


@dataclass(frozen=True)
class SynonymEntry:
    """One reviewed line of data/synonyms.yaml: these words (or phrases) mean these needs and/or search terms."""

    phrases: tuple[tuple[str, ...], ...]
    """Each phrase as its sequence of stems, stop words included (one stem for a single word)."""
    anchors: tuple[int, ...]
    """For each phrase, the position of its first word that is not a stop word: where it is looked up."""
    needs: tuple[str, ...]
    terms: tuple[str, ...]
    """Extra search stems the words stand for ("ai" -> "artifici", "intellig")."""
    term_texts: Mapping[str, str] = field(default_factory=dict)
    """For each stem of `terms`, the term as written in the data ("end" -> "end-to-end"). A stem of a term of
    several words matches an offer only where its text has the whole phrase (so "end-to-end" is not found in
    "end of life"), and reasons name the term as written."""


@dataclass(frozen=True)
class Synonyms:
    """The reviewed synonym data: which plain words point to which needs, and the word rules of search.

    - `stop_words`: request filler on top of the English stop words ("help", "looking"), never evidence;
    - `short_words`: two-letter words that carry meaning (AI, IP, UK); other words need three letters;
    - `proper_forms`: how names and acronyms are written in reasons (AI, NHS, UKCA), whatever the user typed;
    - `max_document_share`: a word found in more than this share of open offers is near-universal
      ("health", "innovation"), so it is no evidence and does not score (the IDF floor).
    """

    version: str
    stop_words: frozenset[str]
    short_words: frozenset[str]
    proper_forms: Mapping[str, str]
    max_document_share: float
    entries: tuple[SynonymEntry, ...]
    by_stem: Mapping[str, tuple[int, ...]] = field(init=False, repr=False, compare=False)
    _tokens: dict[str, tuple[TokenPart, ...]] = field(default_factory=dict, init=False, repr=False, compare=False)
    """token_parts' answers, by token (bounded: emptied when full)."""

    def __post_init__(self) -> None:
        by_stem: dict[str, list[int]] = {}
        for position, entry in enumerate(self.entries):
            for phrase, anchor in zip(entry.phrases, entry.anchors, strict=True):
                if position not in by_stem.get(phrase[anchor], []):
                    by_stem.setdefault(phrase[anchor], []).append(position)
        object.__setattr__(self, "by_stem", {key: tuple(value) for key, value in by_stem.items()})

    @classmethod
    def empty(cls) -> Synonyms:
        """No synonyms and the default word rules (for tests and tools that do not load the data file)."""
        return cls("none", frozenset(), frozenset({"ai"}), {}, 1.0, ())

    @classmethod
    def from_mapping(cls, data: Mapping[str, object], vocabulary: Vocabulary) -> Synonyms:
        """Validate a parsed synonyms.yaml against the vocabulary; raise ValueError naming the first problem."""
        keys = ("version", "stop_words", "short_words", "proper_forms", "max_document_share", "synonyms")
        data = section("synonyms", data, "", keys)
        version = datafile_version("synonyms", data)
        share = data["max_document_share"]
        if isinstance(share, bool) or not isinstance(share, (int, float)) or not 0 < share <= 1:
            raise ValueError(f"synonyms: 'max_document_share' must be a number in (0, 1], got {share!r}")
        stop_words = frozenset(_word_list(data["stop_words"], "stop_words"))
        short_words = frozenset(_word_list(data["short_words"], "short_words"))
        for word in short_words:
            if len(word) != 2:
                raise ValueError(f"synonyms: 'short_words' holds two-letter words only, got '{word}'")
        raw_forms = data["proper_forms"]
        if not isinstance(raw_forms, list) or not all(isinstance(form, str) and form.strip() for form in raw_forms):
            raise ValueError("synonyms: 'proper_forms' must be a list of words as they are written (AI, NHS)")
        proper_forms = {form.strip().lower(): form.strip() for form in raw_forms}
        raw_entries = data["synonyms"]
        if not isinstance(raw_entries, list):
            raise ValueError("synonyms: 'synonyms' must be a list of {words, needs, terms} entries")
        entries = tuple(_entry(raw, position, vocabulary, stop_words) for position, raw in enumerate(raw_entries))
        return cls(version, stop_words, short_words, proper_forms, float(share), entries)

    def token_parts(self, token: str) -> tuple[TokenPart, ...]:
        """How analyse_query reads one whitespace-separated token of a query: a pure function of the token and
        these word rules, so it is worked out once per token (a word typed before is not analysed again)."""
        parts = self._tokens.get(token)
        if parts is None:
            if len(self._tokens) >= _TOKEN_MEMO:
                self._tokens.clear()
            parts = self._tokens[token] = _token_parts(token, self)
        return parts

    def informative_word(self, word: str) -> bool:
        """Whether a lower-case word may carry evidence at all (before the catalogue's IDF floor)."""
        if word in STOP_WORDS or word in self.stop_words:
            return False
        return len(word) >= 3 or word in self.short_words


_TOKEN_MEMO = 50_000


@dataclass(frozen=True)
class TokenPart:
    """One word of a query token: its stem, how it is shown, and (unless a stop word) the word as searched."""

    term: str
    display: str
    word: QueryWord | None
    """None for a stop word (kept only for phrases)."""
    informative: bool


def _token_parts(token: str, synonyms: Synonyms) -> tuple[TokenPart, ...]:
    parts = [part for part in words(token) if len(part) > 1]
    shown = _display(token, parts, synonyms)
    result = []
    for part in parts:
        term = stem(part)
        display = shown if len(parts) > 1 else _display(part, [part], synonyms)
        kept = part not in STOP_WORDS and part not in synonyms.stop_words
        result.append(
            TokenPart(term, display, QueryWord(term, display) if kept else None, synonyms.informative_word(part))
        )
    return tuple(result)


def _word_list(value: object, key: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(item, str) and item.strip() for item in value):
        raise ValueError(f"synonyms: '{key}' must be a list of words")
    return [item.strip().lower() for item in value]


def _entry(raw: object, position: int, vocabulary: Vocabulary, stop_words: frozenset[str]) -> SynonymEntry:
    where = f"synonyms[{position}]"
    if not isinstance(raw, Mapping):
        raise ValueError(f"synonyms: {where} must be a mapping with 'words' and 'needs' or 'terms'")
    for key in raw:
        if key not in ("words", "needs", "terms"):
            raise ValueError(f"synonyms: {where}: unknown key '{key}'; expected words, needs, terms")
    phrases: list[tuple[str, ...]] = []
    anchors: list[int] = []
    for text in _word_list(raw.get("words"), f"{where}.words"):
        parts = [word for word in words(text) if len(word) > 1]
        anchor = next((k for k, word in enumerate(parts) if word not in STOP_WORDS and word not in stop_words), None)
        if anchor is None:
            raise ValueError(f"synonyms: {where}.words: '{text}' has no word that is not a stop word")
        phrases.append(tuple(stem(word) for word in parts))
        anchors.append(anchor)
    needs = tuple(_word_list(raw.get("needs", []), f"{where}.needs"))
    for need in needs:
        if need not in vocabulary.need_names:
            raise ValueError(
                f"synonyms: {where}.needs: unknown need '{need}'; valid values: {', '.join(vocabulary.need_names)}"
            )
    terms: list[str] = []
    term_texts: dict[str, str] = {}
    for text in _word_list(raw.get("terms", []), f"{where}.terms"):
        for word in words(text):
            if word not in STOP_WORDS:
                terms.append(stem(word))
                term_texts.setdefault(stem(word), text)
    if not needs and not terms:
        raise ValueError(f"synonyms: {where} must give 'needs' or 'terms'")
    return SynonymEntry(
        phrases=tuple(phrases), anchors=tuple(anchors), needs=needs, terms=tuple(terms), term_texts=term_texts
    )


@dataclass(frozen=True)
class QueryWord:
    """One word of the keywords: its stem, how to show it (the token as typed, or its proper form), and the
    concept it belongs to.

    A concept is one thing the innovator asked for: a word, or a phrase of the synonyms together with its own
    words and the search terms it stands for ("artificial intelligence", its two words and "ai"). An offer
    scores once per concept, on its best term, and a reason names a concept once (`phrase`).
    """

    term: str
    display: str
    concept: int = 0
    phrase: str = ""
    """The concept as shown: the phrase as typed, or the word itself."""
    written: str = ""
    """For a search term a synonym adds, the term as written in the data ("end-to-end"); empty for typed words."""

    @property
    def within(self) -> str:
        """The phrase an offer's text must hold for this term to count: a synonym's term of several words, as
        words() gives them ("end to end"); empty when any mention counts."""
        parts = words(self.written)
        return " ".join(parts) if len(parts) > 1 else ""


def analyse_query(text: str, synonyms: Synonyms) -> tuple[tuple[QueryWord, ...], tuple[tuple[str, str], ...]]:
    """The informative words of a query (unique by stem, in the order typed, expansions after their word),
    and the needs its words point to, as (need, display word) pairs in the order found.

    Phrases ("wet lab", "into the NHS") are matched on consecutive words, stop words included, looked up from
    their first word that is not a stop word. A matched phrase joins its words and its search terms into one
    concept, shown as the phrase.
    """
    typed: list[tuple[QueryWord, bool]] = []
    sequence: list[str] = []
    starts: list[int] = []
    """For each entry of `typed`, its position in `sequence` (every word, stop words included, for phrases)."""
    spoken: list[str] = []
    """For each position of `sequence`, the word as shown (a hyphenated token shown whole)."""
    for token in text.split():
        for part in synonyms.token_parts(token):
            sequence.append(part.term)
            spoken.append(part.display)
            if part.word is not None:
                typed.append((part.word, part.informative))
                starts.append(len(sequence) - 1)
    concepts = _Concepts(len(typed), [word.display for word, _ in typed])
    found: dict[str, int] = {}
    """Term -> the concept (a typed word's position, or an expansion's) it was first found in."""
    written: dict[str, str] = {}
    needs: dict[str, str] = {}
    displays = {start: word.display for start, (word, _) in zip(starts, typed, strict=True)}
    positions = {start: position for position, start in enumerate(starts)}
    for position, (word, informative) in enumerate(typed):
        if informative:
            found.setdefault(word.term, position)
        start = starts[position]
        for entry_position in synonyms.by_stem.get(word.term, ()):
            entry = synonyms.entries[entry_position]
            for phrase, anchor in zip(entry.phrases, entry.anchors, strict=True):
                first = start - anchor
                if phrase[anchor] != word.term or first < 0 or tuple(sequence[first : first + len(phrase)]) != phrase:
                    continue
                span = range(first, first + len(phrase))
                shown = _joined([displays[k] for k in span if k in displays])
                for need in entry.needs:
                    needs.setdefault(need, shown)
                concept = concepts.join(
                    [positions[k] for k in span if k in positions], _joined([spoken[k] for k in span])
                )
                for term in entry.terms:
                    if term not in found:
                        found[term] = concept
                        text = entry.term_texts[term]
                        written[term] = " ".join(synonyms.proper_forms.get(part, part) for part in text.split())
    return concepts.words(found, written, typed), tuple(needs.items())


class _Concepts:
    """The concepts of one query: typed words joined by the phrases they form (a small union-find)."""

    def __init__(self, size: int, displays: list[str]) -> None:
        self.parent = list(range(size))
        self.shown = list(displays)

    def root(self, position: int) -> int:
        while self.parent[position] != position:
            position = self.parent[position]
        return position

    def join(self, members: list[int], shown: str) -> int:
        """One concept of `members`, shown as `shown` (the longest phrase that joined it, stop words included)."""
        roots = sorted({self.root(member) for member in members})
        head = roots[0]
        for other in roots[1:]:
            self.parent[other] = head
        if len(shown) > len(self.shown[head]):
            self.shown[head] = shown
        return head

    def words(
        self, found: Mapping[str, int], written: Mapping[str, str], typed: Sequence[tuple[QueryWord, bool]]
    ) -> tuple[QueryWord, ...]:
        """Each found term with its display, its concept (numbered in order of first appearance) and phrase."""
        numbers: dict[int, int] = {}
        result: list[QueryWord] = []
        for term, position in found.items():
            head = self.root(position)
            number = numbers.setdefault(head, len(numbers))
            own = typed[position][0]
            display = own.display if own.term == term else self.shown[head]
            result.append(QueryWord(term, display, number, self.shown[head], written.get(term, "")))
        return tuple(result)


def _joined(displays: Sequence[str]) -> str:
    """A phrase's display: its tokens, a hyphenated token shown once ("co-design", not "co-design co-design")."""
    shown: list[str] = []
    for display in displays:
        if not shown or shown[-1] != display:
            shown.append(display)
    return " ".join(shown)


def _display(token: str, parts: Sequence[str], synonyms: Synonyms) -> str:
    """The token with surrounding punctuation dropped; a known proper form (AI, NHS) when typed in lower case."""
    stripped = token.strip("\"'\u201c\u201d\u2018\u2019()[]{}.,;:!?")
    if len(parts) == 1 and stripped.lower() == parts[0]:
        if stripped.islower() or not stripped.isalpha():
            return synonyms.proper_forms.get(parts[0], stripped)
        return stripped
    return stripped or " ".join(parts)
