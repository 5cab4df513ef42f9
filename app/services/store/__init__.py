"""The catalogue store: database migrations, the version stamp and each worker's in-memory snapshot."""
