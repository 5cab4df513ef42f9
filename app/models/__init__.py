"""Every table of the service; Alembic imports this package to see the whole schema."""

from app.models.access import ApiKey, AuditEvent
from app.models.catalogue_tables import CatalogueState, Offer, Provider, TaxonomyTerm
from app.models.demand import MatchEvent

__all__ = ["ApiKey", "AuditEvent", "CatalogueState", "MatchEvent", "Offer", "Provider", "TaxonomyTerm"]
