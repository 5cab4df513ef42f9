from enum import StrEnum


class OfferCreateCost(StrEnum):
    EQUITY = "equity"
    FREE = "free"
    PAID = "paid"
    VARIES = "varies"

    def __str__(self) -> str:
        return str(self.value)
