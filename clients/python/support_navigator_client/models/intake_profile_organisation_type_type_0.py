from enum import StrEnum


class IntakeProfileOrganisationTypeType0(StrEnum):
    ACADEMIC = "academic"
    CHARITY = "charity"
    INDIVIDUAL = "individual"
    LARGE_COMPANY = "large-company"
    NHS = "nhs"
    SME = "sme"
    STARTUP = "startup"

    def __str__(self) -> str:
        return str(self.value)
