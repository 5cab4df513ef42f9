"""The HTTP/1.1 protocol `navigator serve` runs: uvicorn's httptools protocol with the request head bounded, and
each answer's head and body written in one call."""

from __future__ import annotations

import asyncio
import logging
from typing import Any, cast

import orjson
from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

from app.config import get_settings
from app.middleware.observability import REQUESTS, UNMATCHED_ROUTE

logger = logging.getLogger("app.access")
HEADERS_TOO_LARGE = 431


class CoalescingTransport:
    """The connection's transport, sending a response's head together with the first piece of its body.

    uvicorn writes the head and the body of every answer separately: two system calls (and, on loopback, two
    wake-ups of the client) where one does. The head is held until the next write, or at the latest until the
    event loop's next turn, so nothing waits on it longer than that.
    """

    def __init__(self, transport: asyncio.Transport) -> None:
        self._transport = transport
        self._held: bytes | None = None

    def write(self, data: bytes) -> None:
        """Send `data`, behind the head held for it; a response head is held for its body."""
        held, self._held = self._held, None
        if held is None and data.startswith(b"HTTP/1.1 "):
            self._held = data
            asyncio.get_running_loop().call_soon(self._flush)
            return
        self._transport.write(data if held is None else held + data)

    def _flush(self) -> None:
        held, self._held = self._held, None
        if held is not None and not self._transport.is_closing():
            self._transport.write(held)

    def close(self) -> None:
        """Send what is held, then close."""
        self._flush()
        self._transport.close()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._transport, name)


class HeadLimitedProtocol(HttpToolsProtocol):
    """Refuses a request head (request line and header fields) over NAVIGATOR_MAX_HEADER_BYTES bytes or with more
    than NAVIGATOR_MAX_HEADERS fields: 431 problem+json, then the connection is closed.

    httptools hands uvicorn each header only once it is complete, and until then keeps every byte of it, so one
    unterminated header could grow a worker without limit. Bytes are counted as they arrive, until the head is
    complete; the parser never holds more than the limit plus one read (at most 256 KiB).
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        settings = get_settings()
        self.max_head_bytes = settings.max_header_bytes
        self.max_headers = settings.max_headers
        self._in_head = True
        self._head_bytes = 0
        self._fields = 0
        self._refusal: str | None = None

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        """As uvicorn, then answers are written through a CoalescingTransport."""
        super().connection_made(transport)
        self.transport = cast(asyncio.Transport, CoalescingTransport(transport))

    def data_received(self, data: bytes) -> None:
        """Parse, then refuse when the head still being read has outgrown the limit."""
        super().data_received(data)
        if self._in_head and not self.transport.is_closing():
            self._head_bytes += len(data)
            if self._head_bytes > self.max_head_bytes:
                self._refusal = f"The request head exceeds {self.max_head_bytes} bytes."
                self.send_400_response(self._refusal)

    def on_message_begin(self) -> None:
        """A new request: count its header fields from zero."""
        super().on_message_begin()
        self._fields = 0

    def on_header(self, name: bytes, value: bytes) -> None:
        """Count the field; past the limit, stop parsing (uvicorn then answers through send_400_response)."""
        self._fields += 1
        if self._fields > self.max_headers:
            self._refusal = f"The request has more than {self.max_headers} header fields."
            raise ValueError(self._refusal)
        super().on_header(name, value)

    def on_headers_complete(self) -> None:
        """The head is whole: what follows is the body, counted by the body limit instead."""
        self._in_head = False
        self._head_bytes = 0
        super().on_headers_complete()

    def on_message_complete(self) -> None:
        """The next bytes on this connection are the next request's head."""
        self._in_head = True
        super().on_message_complete()

    def send_400_response(self, msg: str) -> None:
        """uvicorn's answer to a request it cannot parse; a head over the limits gets 431 problem+json instead."""
        if self._refusal is None:
            super().send_400_response(msg)
            return
        body = orjson.dumps(
            {
                "type": "/problems/header-fields-too-large",
                "title": "Request header fields too large",
                "status": HEADERS_TOO_LARGE,
                "detail": self._refusal,
            }
        )
        self.transport.write(
            b"HTTP/1.1 431 Request Header Fields Too Large\r\n"
            b"content-type: application/problem+json\r\n"
            b"content-length: " + str(len(body)).encode() + b"\r\n"
            b"x-content-type-options: nosniff\r\n"
            b"connection: close\r\n\r\n" + body
        )
        self.transport.close()
        REQUESTS.labels(method="", route=UNMATCHED_ROUTE, status=str(HEADERS_TOO_LARGE)).inc()
        client = self.client[0] if self.client else None
        logger.warning(
            "request head refused: %s",
            self._refusal,
            extra={"status": HEADERS_TOO_LARGE, "route": UNMATCHED_ROUTE, "client": client},
        )
