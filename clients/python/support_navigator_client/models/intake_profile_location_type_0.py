from enum import StrEnum


class IntakeProfileLocationType0(StrEnum):
    INTERNATIONAL = "international"
    LEEDS = "leeds"
    UK = "uk"
    WEST_YORKSHIRE = "west-yorkshire"
    YORKSHIRE_AND_HUMBER = "yorkshire-and-humber"

    def __str__(self) -> str:
        return str(self.value)
