"""Request bodies capped: counts the bytes actually received, chunked or not (413)."""

from __future__ import annotations

from starlette.types import Message, Receive, Scope, Send

from app.errors import PayloadTooLarge, problem_response


class BodyLimit:
    """Refuse bodies over `max_bytes` with 413 problem+json, whatever Content-Length claims.

    A declared Content-Length over the cap is refused before reading. Otherwise the body is read here, counting
    every byte received (a chunked body has no Content-Length, and a declared one can lie), and handed on only
    when it fits; so the application never sees, and never half-processes, an oversized body.
    Applied by app.middleware.edge.EdgeMiddleware.
    """

    def __init__(self, *, max_bytes: int) -> None:
        self.max_bytes = max_bytes

    async def receive_for(
        self, scope: Scope, headers: dict[bytes, bytes], receive: Receive, send: Send
    ) -> Receive | None:
        """The receive the application gets: the body read and replayed whole when there is one. None when the
        request was answered here (refused) or the client went away while sending it."""
        declared = headers.get(b"content-length")
        if declared is None and b"transfer-encoding" not in headers:
            return receive
        if declared is not None:
            try:
                length = int(declared)
            except ValueError:
                length = -1
            if length < 0:
                await self._refuse(scope, send, 400, "Content-Length must be a non-negative integer.")
                return None
            if length > self.max_bytes:
                await self._too_large(scope, send)
                return None
            if length == 0:
                return receive
        chunks: list[bytes] = []
        received = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return None
            body = message.get("body", b"")
            received += len(body)
            if received > self.max_bytes:
                await self._too_large(scope, send)
                return None
            chunks.append(body)
            if not message.get("more_body", False):
                break
        buffered: list[Message] = [{"type": "http.request", "body": b"".join(chunks), "more_body": False}]

        async def replay() -> Message:
            if buffered:
                return buffered.pop()
            return await receive()

        return replay

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
