from enum import StrEnum


class ListOffersSortType0(StrEnum):
    NAME = "name"
    RELEVANCE = "relevance"
    SLUG = "slug"
    UPDATED_AT = "updated_at"
    VALUE_1 = "-name"
    VALUE_3 = "-slug"
    VALUE_5 = "-updated_at"

    def __str__(self) -> str:
        return str(self.value)
