"""Reading the catalogue: offer and provider queries, filters and facets, text search, the taxonomy."""
