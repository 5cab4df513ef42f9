"""gzip for clients that accept it; for the rest, only the Vary header Starlette's gzip layer would have added."""

from __future__ import annotations

from starlette.middleware.gzip import GZipMiddleware
from starlette.types import Message, Receive, Scope, Send

from app.middleware.vary import add_vary


class Compression(GZipMiddleware):
    """Starlette's GZipMiddleware, without its per-request cost for clients that do not ask for gzip.

    For those, Starlette builds a responder per request (normalising its list of excluded media types each time)
    that compresses nothing and only adds `Vary: Accept-Encoding` to answers it would have compressed for another
    client: a body of at least `minimum_size` bytes, or a streamed one, unless the answer is partial (206),
    already encoded, or of an excluded media type. This does that with one send wrapper; gzip itself is
    Starlette's, unchanged.
    """

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        accept = next((value for name, value in scope["headers"] if name == b"accept-encoding"), b"")
        if b"gzip" in accept:
            await super().__call__(scope, receive, send)
            return
        await self.app(scope, receive, self._identity(send))

    def _identity(self, send: Send) -> Send:
        held: list[Message] = []

        async def sending(message: Message) -> None:
            kind = message["type"]
            if kind == "http.response.start" and not self._untouched(message):
                held.append(message)  # until the first body says whether the answer would have been compressed
                return
            if held and kind in ("http.response.body", "http.response.pathsend"):
                start = held.pop()
                if kind == "http.response.body":
                    body_size = len(message.get("body", b""))
                    if body_size >= self.minimum_size or message.get("more_body", False):
                        start["headers"] = list(start["headers"])
                        add_vary(start["headers"], b"Accept-Encoding")
                await send(start)
            await send(message)

        return sending

    def _untouched(self, start: Message) -> bool:
        """An answer gzip leaves alone: partial, already encoded, or of an excluded media type."""
        headers = dict(start.setdefault("headers", []))
        if start["status"] == 206 or b"content-encoding" in headers:
            return True
        media = headers.get(b"content-type", b"").decode("latin-1").partition(";")[0].strip().lower()
        media_types = {media, media.partition("/")[0] + "/*"}
        if media.startswith("application/grpc+"):
            media_types.add("application/grpc")
        return not media_types.isdisjoint(self.exclude_content_types)
