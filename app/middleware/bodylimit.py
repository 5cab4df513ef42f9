"""ASGI middleware capping request bodies: counts the bytes actually received, chunked or not (413)."""

from __future__ import annotations

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.errors import PayloadTooLarge, problem_response


class BodyLimitMiddleware:
    """Refuse bodies over `max_bytes` with 413 problem+json, whatever Content-Length claims.

    A declared Content-Length over the cap is refused before reading. Otherwise the body is read here, counting
    every byte received (a chunked body has no Content-Length, and a declared one can lie), and handed on only
    when it fits; so the application never sees, and never half-processes, an oversized body.
    """

    def __init__(self, app: ASGIApp, *, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        declared = headers.get(b"content-length")
        if declared is None and b"transfer-encoding" not in headers:
            await self.app(scope, receive, send)
            return
        if declared is not None:
            try:
                length = int(declared)
            except ValueError:
                length = -1
            if length < 0:
                await self._refuse(scope, send, 400, "Content-Length must be a non-negative integer.")
                return
            if length > self.max_bytes:
                await self._too_large(scope, send)
                return
            if length == 0:
                await self.app(scope, receive, send)
                return

        chunks: list[bytes] = []
        received = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            body = message.get("body", b"")
            received += len(body)
            if received > self.max_bytes:
                await self._too_large(scope, send)
                return
            chunks.append(body)
            if not message.get("more_body", False):
                break

        buffered: list[Message] = [{"type": "http.request", "body": b"".join(chunks), "more_body": False}]

        async def replay() -> Message:
            if buffered:
                return buffered.pop()
            return await receive()

        await self.app(scope, replay, send)

    async def _too_large(self, scope: Scope, send: Send) -> None:
        await self._refuse(
            scope,
            send,
            PayloadTooLarge.status,
            f"The request body exceeds {self.max_bytes} bytes.",
            title=PayloadTooLarge.title,
            type_=PayloadTooLarge.type,
        )

    async def _refuse(
        self,
        scope: Scope,
        send: Send,
        status: int,
        detail: str,
        *,
        title: str | None = None,
        type_: str = "about:blank",
    ) -> None:
        response = problem_response(
            status, detail, title=title, type_=type_, instance=scope.get("path"), headers={"Connection": "close"}
        )

        async def no_body() -> Message:
            return {"type": "http.disconnect"}

        await response(scope, no_body, send)
