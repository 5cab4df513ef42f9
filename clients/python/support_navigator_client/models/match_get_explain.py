from enum import StrEnum


class MatchGetExplain(StrEnum):
    FULL = "full"
    NONE = "none"

    def __str__(self) -> str:
        return str(self.value)
