from enum import StrEnum


class OfferUpdateKindType0(StrEnum):
    ADVICE = "advice"
    FACILITY = "facility"
    FUNDING = "funding"
    NETWORK = "network"
    PROGRAMME = "programme"
    SERVICE = "service"
    WORKSPACE = "workspace"

    def __str__(self) -> str:
        return str(self.value)
