"""The Vary header of an answer: one field listing every request header the answer depends on."""

from __future__ import annotations

RawHeaders = list[tuple[bytes, bytes]]


def add_vary(raw: RawHeaders, field: bytes) -> None:
    """Add `field` to the answer's Vary, in place: the Vary fields already there become one, their values kept in
    order with `field` last (several Vary fields mean the same as one listing all their values, RFC 9110 5.3)."""
    values = [value for name, value in raw if name == b"vary"]
    if values:
        raw[:] = [(name, value) for name, value in raw if name != b"vary"]
    raw.append((b"vary", b", ".join([*values, field])))
