"""ASGI middleware answering HEAD on every GET route: routed as GET, the headers kept, the body dropped."""

from __future__ import annotations

from starlette.types import ASGIApp, Message, Receive, Scope, Send

ORIGINAL_METHOD = "navigator.original_method"


class HeadMiddleware:
    """HEAD is GET without the body (RFC 9110 9.3.2), so one route serves both and their headers always agree.

    The request is passed on as a GET (in a copy of the scope: the layers outside still see HEAD), and every
    body chunk of the answer is sent empty; Content-Length, ETag and the rest stay as GET would send them.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope.get("method") != "HEAD":
            await self.app(scope, receive, send)
            return

        async def without_body(message: Message) -> None:
            if message["type"] == "http.response.body":
                if message.get("more_body", False):
                    return
                message = {"type": "http.response.body", "body": b"", "more_body": False}
            await send(message)

        await self.app({**scope, "method": "GET", ORIGINAL_METHOD: "HEAD"}, receive, without_body)
