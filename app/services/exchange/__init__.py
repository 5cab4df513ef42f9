"""The catalogue in and out as files: the curated YAML reader, loader, lint, CSV/JSON exports, bundle import."""
