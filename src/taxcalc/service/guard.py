"""The gate every request passes before the application: the bearer token, and the size of the body.

A plain ASGI middleware (no per-request objects of a framework): the body is read here,
at most ``max_body`` bytes, and handed to the application whole; a larger body is
answered 413 and a request without the token 401, both as JSON error documents.
"""

from __future__ import annotations

import hmac
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from .problems import ServiceError, one

__all__ = ["Guard"]

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
App = Callable[[Scope, Receive, Send], Awaitable[None]]

#: How much of a body that is too large is read and dropped, as a multiple of the limit, before the
#: connection is closed (so that a client still sending reads the 413 rather than a reset).
_DRAIN = 16


class Guard:
    """Wraps ``app``: asks for ``token`` (if any) and reads at most ``max_body`` bytes of each body.

    ``refusal`` turns a :class:`~taxcalc.service.problems.ServiceError` into the bytes of its JSON document.
    """

    def __init__(self, app: App, *, max_body: int, token: str | None,
                 refusal: Callable[[ServiceError], bytes]) -> None:
        self.app = app
        self.max_body = max_body
        self.token = token.encode("utf-8") if token is not None else None
        self.refusal = refusal

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope["headers"])
        if self.token is not None and not self._authorised(headers.get(b"authorization", b"")):
            err = one(401, "header", "Authorization", "give the service's bearer token: Authorization: Bearer TOKEN")
            await self._send(send, err, [(b"www-authenticate", b'Bearer realm="taxcalc"')])
            return
        length = headers.get(b"content-length")
        if length is not None and (not length.isdigit() or int(length) > self.max_body):
            if not length.isdigit():
                await self._send(send, one(400, "header", "Content-Length", "is not a number of bytes"), close=True)
                return
            await self._too_large(receive, send)
            return
        body = bytearray()
        more = True
        while more:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            body += message.get("body", b"")
            more = bool(message.get("more_body", False))
            if len(body) > self.max_body:
                await self._too_large(receive, send, more=more)
                return
        whole: Message | None = {"type": "http.request", "body": bytes(body), "more_body": False}

        async def replay() -> Message:
            nonlocal whole
            if whole is not None:
                message, whole = whole, None
                return message
            return await receive()

        await self.app(scope, replay, send)

    def _authorised(self, header: bytes) -> bool:
        scheme, _, given = header.partition(b" ")
        assert self.token is not None
        return scheme.lower() == b"bearer" and hmac.compare_digest(given.strip(), self.token)

    async def _too_large(self, receive: Receive, send: Send, *, more: bool = True) -> None:
        """Drop what is still being sent (up to a bound), then answer 413 and close."""
        dropped = 0
        while more and dropped <= _DRAIN * self.max_body:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            dropped += len(message.get("body", b""))
            more = bool(message.get("more_body", False))
        err = one(413, "body", "", f"the body is larger than {self.max_body:,} bytes, the most a request may send")
        await self._send(send, err, close=True)

    async def _send(self, send: Send, err: ServiceError, extra: list[tuple[bytes, bytes]] | None = None,
                    *, close: bool = False) -> None:
        body = self.refusal(err)
        headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
                   *(extra or [])]
        if close:
            headers.append((b"connection", b"close"))
        await send({"type": "http.response.start", "status": err.status, "headers": headers})
        await send({"type": "http.response.body", "body": body})
