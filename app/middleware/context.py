"""Request context: the X-Request-ID honoured or generated, the timing and security headers of every answer.

Applied by app.middleware.edge.EdgeMiddleware, which runs every cross-cutting step of a request in one layer.
"""

from __future__ import annotations

import random
import re
import time

STALE_STATE = "catalogue_stale_seconds"
"""Request state set when the answer comes from a catalogue the database could not confirm (its age in seconds)."""

REQUEST_ID_PATTERN = re.compile(r"^[A-Za-z0-9._:-]{1,100}$")
SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Resource-Policy": "cross-origin",
    "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'",
}
# The widget pages load their own scripts and styles; they get a policy that allows that (/docs and /redoc set
# their own, in app.routers.docs).
PAGE_CSP = (
    "default-src 'self'; script-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net; "
    "style-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net; img-src 'self' data: https://fastapi.tiangolo.com; "
    "connect-src 'self' *; frame-ancestors 'self'"
)
PAGE_PREFIXES = ("/widget",)


def request_id(incoming: bytes | None) -> str:
    """The client's X-Request-ID when it is a sensible token, else a new one."""
    if incoming:
        text = incoming.decode("latin-1")
        if REQUEST_ID_PATTERN.match(text):
            return text
    # 128 random bits as 32 hex digits, like uuid4().hex, without a system call per request: an id to trace
    # by, not a secret.
    return f"{random.getrandbits(128):032x}"


_SECURITY = [(name.lower().encode(), value.encode()) for name, value in SECURITY_HEADERS.items()]
_PAGE = [(b"content-security-policy", PAGE_CSP.encode()), (b"x-frame-options", b"SAMEORIGIN")]


def add_context_headers(
    raw: list[tuple[bytes, bytes]], request_id: str, started: float, path: str, state: dict[str, object]
) -> None:
    """X-Request-ID, Server-Timing, the security headers (unless the answer set its own), X-Catalogue-Stale when
    the catalogue could not be confirmed, and the page policy on the widget pages; in place, on raw header pairs."""
    present = {name for name, _ in raw}
    replaced = [
        (b"x-request-id", request_id.encode("latin-1")),
        (b"server-timing", f"app;dur={(time.perf_counter() - started) * 1000:.1f}".encode()),
    ]
    stale = state.get(STALE_STATE)
    if stale is not None:
        replaced.append((b"x-catalogue-stale", str(stale).encode()))
    if path.startswith(PAGE_PREFIXES):
        replaced += _PAGE
    names = {name for name, _ in replaced}
    if not present.isdisjoint(names):
        raw[:] = [(name, value) for name, value in raw if name not in names]
        present -= names
    raw.extend(replaced)
    raw.extend(pair for pair in _SECURITY if pair[0] not in present and pair[0] not in names)
