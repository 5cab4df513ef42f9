"""The Host header checked against the served names, and the public base URL applied to each request."""

from __future__ import annotations

from urllib.parse import urlsplit

from starlette.responses import Response
from starlette.types import Scope

from app.errors import problem_response

PROBE_PATHS = frozenset({"/healthz", "/readyz", "/metrics"})
"""Probes and scrapers reach a worker by its address, and these answers hold no absolute URL."""


def _host_name(authority: str) -> str:
    """'Example.org:8000' -> 'example.org', '[::1]:8000' -> '[::1]'."""
    authority = authority.strip().lower()
    if authority.startswith("["):
        return authority[: authority.find("]") + 1] if "]" in authority else authority
    return authority.rsplit(":", 1)[0] if authority.count(":") == 1 else authority


def host_allowed(name: str, allowed: frozenset[str]) -> bool:
    """Whether a host name is listed, exactly or under a '*.example.org' entry ('*' allows every host)."""
    if "*" in allowed or name in allowed:
        return True
    return any(entry.startswith("*.") and name.endswith(entry[1:]) for entry in allowed)


class HostPolicy:
    """Refuses a Host header that is not listed (400 problem) and, when a public base URL is configured, makes it
    the origin of every absolute URL the app writes (page links, Link headers, the widget page's script address).

    Without a base URL, Starlette builds absolute URLs from the Host header, so an unlisted Host would be reflected
    into cached pages; with one, the scheme and host of each request scope are replaced by the configured ones.
    Applied by app.middleware.edge.EdgeMiddleware.
    """

    def __init__(self, *, allowed_hosts: list[str], public_base_url: str | None) -> None:
        self.allowed = frozenset(_host_name(entry) if entry != "*" else "*" for entry in allowed_hosts)
        self.public: tuple[str, bytes] | None = None
        if public_base_url:
            parts = urlsplit(public_base_url)
            self.public = (parts.scheme, parts.netloc.encode("latin-1"))
            self.allowed |= {_host_name(parts.netloc)}
        self.everyone = "*" in self.allowed and self.public is None
        self._seen: dict[bytes, bool] = {}

    def _allowed(self, host: bytes) -> bool:
        known = self._seen.get(host)
        if known is None:
            known = host_allowed(_host_name(host.decode("latin-1")), self.allowed)
            if len(self._seen) < 1024:  # the names this server is reached by: a handful, bounded anyway
                self._seen[host] = known
        return known

    def apply(self, scope: Scope) -> Response | None:
        """The refusal for an unlisted Host; otherwise None, with the scope given the public origin if configured."""
        if self.everyone or scope["path"] in PROBE_PATHS:
            return None
        headers: list[tuple[bytes, bytes]] = scope.get("headers") or []
        host = next((value for name, value in headers if name == b"host"), None)
        if host is not None and not self._allowed(host):
            return problem_response(
                400,
                "The Host header names a site this server does not serve.",
                title="Unknown host",
                type_="/problems/unknown-host",
                instance=scope.get("path"),
                headers={"Connection": "close"},
            )
        if self.public is not None:
            scheme, netloc = self.public
            # In place: outer middleware reads what the router adds to this same scope (the matched route).
            scope["scheme"] = scheme
            scope["headers"] = [(name, value) for name, value in headers if name != b"host"] + [(b"host", netloc)]
        return None
