"""One error family (AppError) and the handlers that turn every failure into RFC 9457 problem+json.

`types` holds the family and the body's shape, `handlers` maps every exception to a problem response, and
`pages` says what each problem `type` means (served by app.routers.docs). Import from `app.errors`.
"""

from app.errors.handlers import install_error_handlers
from app.errors.pages import ProblemPage, problem_pages, problem_types
from app.errors.types import (
    PROBLEM_MEDIA_TYPE,
    RETRY_AFTER_SECONDS,
    AppError,
    BadRequest,
    Conflict,
    FieldProblem,
    Forbidden,
    Gone,
    NotAcceptable,
    NotFound,
    NotModified,
    PayloadTooLarge,
    PreconditionFailed,
    PreconditionRequired,
    Problem,
    ServiceUnavailable,
    TooManyRequests,
    Unauthorized,
    UnsupportedMediaType,
    ValidationProblem,
    field_path,
    problem_response,
    problem_responses,
)

__all__ = [
    "PROBLEM_MEDIA_TYPE",
    "RETRY_AFTER_SECONDS",
    "AppError",
    "BadRequest",
    "Conflict",
    "FieldProblem",
    "Forbidden",
    "Gone",
    "NotAcceptable",
    "NotFound",
    "NotModified",
    "PayloadTooLarge",
    "PreconditionFailed",
    "PreconditionRequired",
    "Problem",
    "ProblemPage",
    "ServiceUnavailable",
    "TooManyRequests",
    "Unauthorized",
    "UnsupportedMediaType",
    "ValidationProblem",
    "field_path",
    "install_error_handlers",
    "problem_pages",
    "problem_response",
    "problem_responses",
    "problem_types",
]
