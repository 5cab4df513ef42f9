from enum import StrEnum


class KeyCreateRole(StrEnum):
    ADMIN = "admin"
    EDITOR = "editor"

    def __str__(self) -> str:
        return str(self.value)
