"""HEAD answered on every GET route: routed as GET, the headers kept, the body dropped."""

from __future__ import annotations

from starlette.types import Message, Scope, Send

ORIGINAL_METHOD = "navigator.original_method"


def as_get(scope: Scope, send: Send) -> tuple[Scope, Send]:
    """HEAD is GET without the body (RFC 9110 9.3.2), so one route serves both and their headers always agree.

    The request is passed on as a GET (in a copy of the scope: the layers outside still see HEAD), and every
    body chunk of the answer is sent empty; Content-Length, ETag and the rest stay as GET would send them.
    Applied by app.middleware.edge.EdgeMiddleware.
    """

    async def without_body(message: Message) -> None:
        if message["type"] == "http.response.body":
            if message.get("more_body", False):
                return
            message = {"type": "http.response.body", "body": b"", "more_body": False}
        await send(message)

    return {**scope, "method": "GET", ORIGINAL_METHOD: "HEAD"}, without_body
