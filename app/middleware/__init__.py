"""ASGI middleware, one concern per module: request context, CORS and Host, body and head limits, rate limits,
observability, HEAD."""
