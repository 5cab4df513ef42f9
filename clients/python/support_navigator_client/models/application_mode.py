from enum import StrEnum


class ApplicationMode(StrEnum):
    COHORT = "cohort"
    ROLLING = "rolling"

    def __str__(self) -> str:
        return str(self.value)
