from enum import StrEnum


class MatchRequestExplain(StrEnum):
    FULL = "full"
    NONE = "none"

    def __str__(self) -> str:
        return str(self.value)
