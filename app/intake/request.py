"""What POST /v1/intake received, and every problem with it, each naming its field (pure)."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from app.intake.spec import MAX_TEXT_CHARS, IntakeSpec, Option, Question
from app.matching import FieldError, ProfileError, Vocabulary
from app.matching.vocabulary import unknown_terms

AnswerValue = object
"""An option id, a list of option ids or text: checked by check_request."""
MAX_CHOICES = 50


class IntakeError(ProfileError):
    """An intake request that cannot be read; carries every problem found, each naming its field."""


@dataclass(frozen=True)
class IntakeRequest:
    """What POST /v1/intake received (types already checked upstream, values not yet)."""

    answers: Mapping[str, AnswerValue] = field(default_factory=dict)
    description: str | None = None
    sector: str | None = None
    organisation_type: str | None = None
    location: str | None = None
    limit: int = 10


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def has_control_characters(text: str) -> bool:
    """Whether `text` holds NUL or another control character (Unicode Cc; tab, newline and carriage return pass)."""
    return _CONTROL.search(text) is not None


def check_request(spec: IntakeSpec, request: IntakeRequest, vocabulary: Vocabulary) -> list[FieldError]:
    """Every problem with the request, each naming its field and the valid values."""
    errors: list[FieldError] = []
    answered = False
    for qid, value in request.answers.items():
        question = spec.question_by_id.get(qid)
        if question is None:
            message = f"Unknown question {qid!r}; valid questions: {_ids(spec.questions)}"
            errors.append(FieldError(f"answers.{qid}", message))
            continue
        found = _answer_errors(question, value, f"answers.{qid}")
        errors.extend(found)
        answered = answered or (not found and _says_something(value))
    if request.description is not None:
        found = _text_errors(request.description, "description")
        errors.extend(found)
        answered = answered or (not found and bool(request.description.strip()))
    for name, given, known in (
        ("sector", request.sector, vocabulary.sector_names),
        ("organisation_type", request.organisation_type, vocabulary.organisation_type_names),
        ("location", request.location, vocabulary.location_names),
    ):
        if given is not None:
            label = name.replace("_", " ")
            errors.extend(FieldError(name, message) for _, message in unknown_terms(label, [given], known))
    if not 1 <= request.limit <= 50:
        errors.append(FieldError("limit", f"Limit must be from 1 to 50 (got {request.limit})"))
    if not answered and not errors:
        errors.append(FieldError("answers", "Give at least one answer or a description (or both)"))
    return errors


def _says_something(value: AnswerValue) -> bool:
    """Whether a valid answer says anything (blank text and an empty list do not)."""
    return bool(value.strip()) if isinstance(value, str) else bool(value)


def _text_errors(text: str, where: str) -> list[FieldError]:
    if len(text) > MAX_TEXT_CHARS:
        return [FieldError(where, f"At most {MAX_TEXT_CHARS:,} characters (got {len(text):,})")]
    if has_control_characters(text):
        return [FieldError(where, "Text must not contain control characters such as NUL (U+0000)")]
    return []


def _answer_errors(question: Question, value: AnswerValue, where: str) -> list[FieldError]:
    """The problems with one answer: the wrong kind for its question, unknown options, text too long."""
    qid = question.id
    if question.kind == "text":
        if not isinstance(value, str):
            return [FieldError(where, f"Question '{qid}' takes text (a string), not a list")]
        return _text_errors(value, where)
    options = _ids(question.options)
    if question.kind == "single":
        if not isinstance(value, str):
            return [FieldError(where, f"Question '{qid}' takes one option id (a string); options: {options}")]
        if value not in question.option_by_id:
            return [FieldError(where, f"Unknown option {_shown(value)} for '{qid}'; options: {options}")]
        return []
    if isinstance(value, str) or not isinstance(value, Sequence):
        return [FieldError(where, f"Question '{qid}' takes a list of option ids; options: {options}")]
    if len(value) > MAX_CHOICES:
        return [FieldError(where, f"At most {MAX_CHOICES} options (got {len(value)})")]
    errors = []
    for position, item in enumerate(value):
        if not isinstance(item, str) or item not in question.option_by_id:
            shown = _shown(item) if isinstance(item, str) else repr(item)
            errors.append(FieldError(f"{where}[{position}]", f"Unknown option {shown} for '{qid}'; options: {options}"))
    return errors


def _ids(items: Sequence[Question | Option]) -> str:
    return ", ".join(item.id for item in items)


def _shown(value: str) -> str:
    return repr(value if len(value) <= 40 else value[:40] + "…")
