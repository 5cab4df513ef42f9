from enum import StrEnum


class OfferCreateStatus(StrEnum):
    ACTIVE = "active"
    CLOSED = "closed"
    FORTHCOMING = "forthcoming"

    def __str__(self) -> str:
        return str(self.value)
