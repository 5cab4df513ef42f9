"""The client of the request being served, and its daily pseudonym: a salted hash whose salt is never stored."""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import os
import secrets
import time
from contextvars import ContextVar
from datetime import UTC, datetime
from functools import lru_cache

client_address: ContextVar[str | None] = ContextVar("client_address", default=None)
"""Set by RequestContextMiddleware for each request: the address uvicorn resolved (X-Forwarded-For is believed only
from NAVIGATOR_TRUSTED_PROXIES)."""

SEED_ENV = "NAVIGATOR_INTERNAL_CLIENT_SEED"
"""How `navigator serve --workers N` hands its workers one random seed, so a client has one pseudonym a day on
every worker of the host; in memory (the processes' environment) only, never in a file, a log or the database."""

SECONDS_PER_DAY = 86_400
"""A UTC day: Unix time has no leap seconds, so whole days of it start at UTC midnight."""

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

    The day's salt is HMAC(seed, the UTC day's number since 1970): it changes every day, exists only in the
    server's memory, and is gone when the server stops, so a stored pseudonym can be told apart from others of the
    same day but never turned back into an address, nor matched with the same client's pseudonym of another day.
    """
    if not address:
        return None
    # A time without a zone is taken as UTC, the zone every stored time is in.
    seconds = time.time() if now is None else now.replace(tzinfo=now.tzinfo or UTC).timestamp()
    return _pseudonym(int(seconds // SECONDS_PER_DAY), address)


@lru_cache(maxsize=4096)
def _pseudonym(day: int, address: str) -> str | None:
    """The pseudonym of `address` on `day`, remembered for the clients seen lately (in memory only, like the
    salt): a client's requests of one day each cost a look-up instead of an address parse and two HMACs."""
    network = _network(address)
    if network is None:
        return None
    return hmac.new(_salt(day), network, hashlib.sha256).hexdigest()[:16]


@lru_cache(maxsize=2)
def _salt(day: int) -> bytes:
    """The day's salt: HMAC(seed, the day's number)."""
    return hmac.new(_SEED, str(day).encode(), hashlib.sha256).digest()


def current_pseudonym() -> str | None:
    """The daily pseudonym of the client whose request is being served."""
    return daily_pseudonym(client_address.get())
