from enum import StrEnum


class OfferUpdateStatusType0(StrEnum):
    ACTIVE = "active"
    CLOSED = "closed"
    FORTHCOMING = "forthcoming"

    def __str__(self) -> str:
        return str(self.value)
