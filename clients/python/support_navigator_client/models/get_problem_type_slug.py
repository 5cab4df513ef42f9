from enum import StrEnum


class GetProblemTypeSlug(StrEnum):
    BAD_REQUEST = "bad-request"
    CONFLICT = "conflict"
    FORBIDDEN = "forbidden"
    GONE = "gone"
    NOT_ACCEPTABLE = "not-acceptable"
    NOT_FOUND = "not-found"
    PAYLOAD_TOO_LARGE = "payload-too-large"
    PRECONDITION_FAILED = "precondition-failed"
    PRECONDITION_REQUIRED = "precondition-required"
    SERVICE_UNAVAILABLE = "service-unavailable"
    TOO_MANY_REQUESTS = "too-many-requests"
    UNAUTHORIZED = "unauthorized"
    UNSUPPORTED_MEDIA_TYPE = "unsupported-media-type"
    VALIDATION_ERROR = "validation-error"

    def __str__(self) -> str:
        return str(self.value)
