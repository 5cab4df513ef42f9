from enum import StrEnum


class KeyCreatedRole(StrEnum):
    ADMIN = "admin"
    EDITOR = "editor"

    def __str__(self) -> str:
        return str(self.value)
