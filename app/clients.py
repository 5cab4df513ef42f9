"""The client of the request being served, and its daily pseudonym: a salted hash whose salt is never stored."""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import os
import secrets
from contextvars import ContextVar
from datetime import UTC, datetime

client_address: ContextVar[str | None] = ContextVar("client_address", default=None)
"""Set by RequestContextMiddleware for each request: the address uvicorn resolved (X-Forwarded-For is believed only
from NAVIGATOR_TRUSTED_PROXIES)."""

SEED_ENV = "NAVIGATOR_INTERNAL_CLIENT_SEED"
"""How `navigator serve --workers N` hands its workers one random seed, so a client has one pseudonym a day on
every worker of the host; in memory (the processes' environment) only, never in a file, a log or the database."""

_SEED = bytes.fromhex(os.environ.get(SEED_ENV) or secrets.token_hex(32))


def new_seed() -> str:
    """A fresh random seed (hex) for a server's workers to share."""
    return secrets.token_hex(32)


def _network(address: str) -> bytes | None:
    """What identifies a client: an IPv4 address, or the /64 an IPv6 host picks its addresses from."""
    try:
        parsed = ipaddress.ip_address(address)
    except ValueError:
        return None
    if isinstance(parsed, ipaddress.IPv6Address):
        if parsed.ipv4_mapped is not None:
            return parsed.ipv4_mapped.packed
        return ipaddress.ip_network(f"{parsed}/64", strict=False).network_address.packed
    return parsed.packed


def daily_pseudonym(address: str | None, *, now: datetime | None = None) -> str | None:
    """16 hex characters standing for the client on this UTC day only (None when the address is unknown).

    The day's salt is HMAC(seed, date): it changes every day, exists only in the server's memory, and is gone
    when the server stops, so a stored pseudonym can be told apart from others of the same day but never turned
    back into an address, nor matched with the same client's pseudonym of another day.
    """
    network = _network(address) if address else None
    if network is None:
        return None
    day = (now or datetime.now(UTC)).strftime("%Y-%m-%d").encode()
    salt = hmac.new(_SEED, day, hashlib.sha256).digest()
    return hmac.new(salt, network, hashlib.sha256).hexdigest()[:16]


def current_pseudonym() -> str | None:
    """The daily pseudonym of the client whose request is being served."""
    return daily_pseudonym(client_address.get())
