from enum import StrEnum


class AdminListAuditEntityTypeType0(StrEnum):
    API_KEY = "api_key"
    NEED = "need"
    OFFER = "offer"
    PROVIDER = "provider"
    TAXONOMY = "taxonomy"

    def __str__(self) -> str:
        return str(self.value)
