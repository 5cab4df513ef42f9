from enum import StrEnum


class IntakeQuestionKind(StrEnum):
    MULTI = "multi"
    SINGLE = "single"
    TEXT = "text"

    def __str__(self) -> str:
        return str(self.value)
