"""Service functions: queries and writes live here; routers stay thin and sessions are committed by the caller."""
