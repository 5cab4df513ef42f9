"""Guided intake: plain answers and a description turned into a match profile, every inference explained (pure)."""

from app.intake.implication import Implication
from app.intake.infer import Inference, IntakeOutcome, infer
from app.intake.reader import Evidence, Reader, normalise
from app.intake.request import IntakeError, IntakeRequest, check_request, has_control_characters
from app.intake.spec import FollowUp, IntakeSpec, Option, Question

__all__ = [
    "Evidence",
    "FollowUp",
    "Implication",
    "Inference",
    "IntakeError",
    "IntakeOutcome",
    "IntakeRequest",
    "IntakeSpec",
    "Option",
    "Question",
    "Reader",
    "check_request",
    "has_control_characters",
    "infer",
    "normalise",
]
