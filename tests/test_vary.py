"""One Vary helper for the edge and gzip: several Vary fields are merged, never one of them dropped."""

from __future__ import annotations

from fastapi.testclient import TestClient
from starlette.types import Receive, Scope, Send

from app.middleware.compression import Compression
from app.middleware.vary import add_vary


def test_add_vary_merges_every_vary_field_in_order_and_adds_the_new_one_last() -> None:
    raw = [(b"vary", b"Cookie"), (b"content-type", b"text/plain"), (b"vary", b"Accept-Language, X-Key")]
    add_vary(raw, b"Origin")
    assert raw == [(b"content-type", b"text/plain"), (b"vary", b"Cookie, Accept-Language, X-Key, Origin")]
    alone: list[tuple[bytes, bytes]] = []
    add_vary(alone, b"Accept-Encoding")
    assert alone == [(b"vary", b"Accept-Encoding")]


async def _two_vary_fields(scope: Scope, receive: Receive, send: Send) -> None:
    headers = [(b"content-type", b"text/plain"), (b"vary", b"Cookie"), (b"vary", b"Accept-Language")]
    await send({"type": "http.response.start", "status": 200, "headers": headers})
    await send({"type": "http.response.body", "body": b"x" * 2000})


def test_an_identity_answer_with_several_vary_fields_keeps_them_all() -> None:
    client = TestClient(Compression(_two_vary_fields, minimum_size=1000, compresslevel=1))
    response = client.get("/", headers={"Accept-Encoding": "identity"})
    assert response.headers.get_list("vary") == ["Cookie, Accept-Language, Accept-Encoding"]
