from enum import StrEnum


class GetOfferFacetsCostItem(StrEnum):
    EQUITY = "equity"
    FREE = "free"
    PAID = "paid"
    VARIES = "varies"

    def __str__(self) -> str:
        return str(self.value)
