from enum import StrEnum


class GetOfferFacetsStatusItem(StrEnum):
    ACTIVE = "active"
    CLOSED = "closed"
    FORTHCOMING = "forthcoming"

    def __str__(self) -> str:
        return str(self.value)
