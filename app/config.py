"""Runtime settings: one pydantic-settings object, read from NAVIGATOR_* environment variables."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parent.parent


class Settings(BaseSettings):
    """Every setting the service reads; the README's configuration table mirrors this class."""

    model_config = SettingsConfigDict(env_prefix="NAVIGATOR_", extra="ignore")

    database_url: str = Field(
        default=f"sqlite:///{PROJECT_ROOT / 'var' / 'navigator.db'}",
        description="SQLAlchemy URL: sqlite:///path or postgresql+psycopg://user@host/db.",
    )
    data_dir: Path = Field(default=PROJECT_ROOT / "data", description="Curated catalogue, taxonomy and rules.")
    db_pool_size: int = Field(default=10, ge=1, description="Database connections kept open per worker process.")
    # Overflow connections are opened for a burst and closed after it: under sustained load that churn costs more
    # than waiting for a pooled connection (bench/results/http.md), so none by default.
    db_max_overflow: int = Field(default=0, ge=0, description="Extra connections opened (and closed) under bursts.")
    db_timeout_seconds: float = Field(
        default=2.0, gt=0, description="Every database wait (connect, pool, lock, round trip) before a 503."
    )
    catalogue_check_seconds: float = Field(
        default=0.5, ge=0, description="How long a worker serves its catalogue snapshot before re-checking the stamp."
    )
    public_base_url: str | None = Field(
        default=None,
        description="The origin clients use (https://navigator.example.org): every absolute URL is built on it.",
    )
    allowed_hosts: list[str] = Field(
        default=["localhost", "127.0.0.1", "[::1]", "testserver"],
        description="Host header values served (also '*.example.org', or '*' for any); others get 400.",
    )
    catalogue_check_timeout_seconds: float = Field(
        default=1.0, gt=0, description="How long a read waits for a stamp check before answering from memory."
    )
    catalogue_stale_seconds: float = Field(
        default=600,
        ge=0,
        description="While the database cannot be reached, how long after the catalogue was last confirmed reads "
        "and matches are still answered from memory (marked X-Catalogue-Stale); 503 after that.",
    )
    cors_origins: list[str] = Field(default=["*"], description="Origins allowed to call the public API.")
    redis_url: str | None = Field(default=None, description="Shared rate-limit counters; memory if unset.")
    rate_limit_per_minute: int = Field(default=600, ge=1, description="Requests per client address a minute.")
    rate_limit_key_per_minute: int = Field(default=1200, ge=1, description="Requests per API key a minute.")
    rate_limit_window_seconds: int = Field(default=60, ge=1, description="Length of one rate-limit window.")
    rate_limit_enabled: bool = Field(
        default=True, description="Turn rate limiting off (behind a gateway that does it)."
    )
    redis_prefix: str = Field(default="navigator", description="Prefix of every Redis key the service writes.")
    max_header_bytes: int = Field(
        default=32 * 1024, ge=1024, description="Largest request head (request line and header fields) accepted."
    )
    max_headers: int = Field(default=100, ge=10, description="Most header fields a request may carry.")
    max_body_bytes: int = Field(default=64 * 1024, ge=1, description="Largest request body accepted.")
    demand_retention_days: int = Field(default=365, ge=1, description="How long match demand is kept.")
    demand_recording: bool = Field(default=True, description="Record each match request anonymously for insights.")
    demand_queue_size: int = Field(default=10_000, ge=1, description="Match events buffered before dropping.")
    demand_min_term_requests: int = Field(default=3, ge=1, description="Requests a keyword needs to be reported.")
    demand_min_term_clients: int = Field(
        default=3, ge=1, description="Distinct clients (daily pseudonyms) a keyword needs to be reported."
    )
    trusted_proxies: list[str] = Field(default=["127.0.0.1"], description="Addresses whose X-Forwarded-* is trusted.")
    log_json: bool = Field(default=True, description="Structured JSON access logs.")
    warm_start: bool = Field(
        default=True,
        description="Load the catalogue and matcher index when a worker starts, then freeze the start-up heap out of "
        "the garbage collector's full passes (no 100 ms pauses under load).",
    )
    graceful_shutdown_seconds: int = Field(
        default=20, ge=1, description="On SIGTERM, how long in-flight requests may run before the worker exits."
    )

    @field_validator("public_base_url")
    @classmethod
    def _an_origin(cls, value: str | None) -> str | None:
        if not value:
            return None
        parts = urlsplit(value)
        if parts.scheme not in ("http", "https") or not parts.netloc or parts.path not in ("", "/") or parts.query:
            raise ValueError("must be an origin such as https://navigator.example.org (scheme and host, no path)")
        return f"{parts.scheme}://{parts.netloc}"


@lru_cache
def get_settings() -> Settings:
    """The process-wide settings; tests clear the cache to override them."""
    return Settings()
