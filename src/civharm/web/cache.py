"""Reuse public answers until the data changes: what lets one server take many readers at once.

Most traffic is anonymous reading of the same pages (the home page, an incident someone shared, the
tally a newsroom links to). Such an answer depends only on the URL, the host it was asked at and the
committed data, so it is kept under the database's change token (``civharm.store.version``) and sent
again until that token moves: a write by this server, another server process or a ``civharm run``
elsewhere makes the next request render afresh. Nothing can be served stale.

Not kept: anything a signed-in user or API token asks for (they may see unpublished incidents), the
desk, the republication pixel (it records each view), streamed exports, files already served from
disk, answers other than 200, and answers that set a cookie or say ``no-store``. The store is a
byte-bounded LRU per server process.
"""

from __future__ import annotations

import asyncio
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from civharm.web.desk.security import SESSION_COOKIE

# Paths whose answers are never kept (prefixes of the URL path).
UNCACHED_PREFIXES = ("/desk", "/pixel/", "/api/export", "/static/", "/vendor/")
# One answer larger than this (a huge GeoJSON) is sent but not kept, so a few cannot fill the store.
MAX_ENTRY_SHARE = 8
CACHE_HEADER = b"x-civharm-cache"


@dataclass(frozen=True)
class Entry:
    """A whole answer as it was sent: status, headers and body."""

    status: int
    headers: tuple[tuple[bytes, bytes], ...]
    body: bytes


def _header(scope: Scope, name: bytes) -> bytes:
    for key, value in scope.get("headers", ()):
        if key == name:
            return bytes(value)
    return b""


def _is_anonymous(scope: Scope) -> bool:
    if _header(scope, b"authorization"):
        return False
    return SESSION_COOKIE.encode() + b"=" not in _header(scope, b"cookie")


def _may_keep(scope: Scope) -> bool:
    path: str = scope["path"]
    return scope["method"] == "GET" and not path.startswith(UNCACHED_PREFIXES) and _is_anonymous(scope)


class ResponseCache:
    """ASGI middleware: answers kept per (change token, host, path, query), bounded to ``max_bytes``.

    Requests for an answer that is being made wait for it instead of making it again, so a burst
    of readers after a change costs one rendering per page, not one per reader.
    """

    def __init__(self, app: ASGIApp, version: Callable[[], str | None], max_bytes: int) -> None:
        self.app = app
        self._version = version
        self._max_bytes = max_bytes
        self._entries: OrderedDict[tuple[bytes, ...], Entry] = OrderedDict()
        self._pending: dict[tuple[bytes, ...], asyncio.Future[Entry | None]] = {}
        self._token: str | None = None
        self._size = 0

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or self._max_bytes <= 0 or not _may_keep(scope):
            await self.app(scope, receive, send)
            return
        # Asked on the event loop, not in the thread pool: a PRAGMA or one round trip, and in the pool
        # it would queue behind the very renderings the cache exists to save.
        token = self._version()
        if token is None:
            await self.app(scope, receive, send)
            return
        if token != self._token:  # the data changed: nothing kept so far can be sent again
            self._entries.clear()
            self._size = 0
            self._token = token
        host, scheme = _header(scope, b"host"), scope["scheme"].encode()
        key: tuple[bytes, ...] = (token.encode(), host, scheme, scope["raw_path"], scope["query_string"])
        entry = self._entries.get(key)
        if entry is not None:
            self._entries.move_to_end(key)
        elif key in self._pending:
            entry = await asyncio.shield(self._pending[key])  # None: it could not be kept
        if entry is not None:
            await send({"type": "http.response.start", "status": entry.status, "headers": [*entry.headers]})
            await send({"type": "http.response.body", "body": entry.body})
            return
        if key in self._pending:
            await self.app(scope, receive, send)
            return
        made: asyncio.Future[Entry | None] = asyncio.get_running_loop().create_future()
        self._pending[key] = made
        kept: list[Entry] = []
        try:
            await self.app(scope, receive, self._recorder(send, kept))
        finally:
            del self._pending[key]
            made.set_result(kept[0] if kept else None)
        if kept:
            self._keep(key, token, kept[0])

    def _recorder(self, send: Send, kept: list[Entry]) -> Send:
        """``send``, passing every message on while copying a keepable answer into ``kept``."""
        start: Message | None = None
        chunks: list[bytes] = []
        size = 0
        keep = True

        async def record(message: Message) -> None:
            nonlocal start, size, keep
            if message["type"] == "http.response.start":
                start = message
                sent = {name.lower(): value.lower() for name, value in message.get("headers", ())}
                keep = message["status"] == 200 and b"set-cookie" not in sent
                keep = keep and b"no-store" not in sent.get(b"cache-control", b"")
                message = {**message, "headers": [*message.get("headers", ()), (CACHE_HEADER, b"miss")]}
            elif message["type"] == "http.response.body" and keep:
                body = message.get("body", b"")
                size += len(body)
                keep = size <= self._max_bytes // MAX_ENTRY_SHARE
                chunks.append(body)
                if keep and not message.get("more_body", False) and start is not None:
                    headers = (*start.get("headers", ()), (CACHE_HEADER, b"hit"))
                    kept.append(Entry(status=start["status"], headers=headers, body=b"".join(chunks)))
            await send(message)

        return record

    def _keep(self, key: tuple[bytes, ...], token: str, entry: Entry) -> None:
        if token != self._token:  # the data changed while this answer was being made
            return
        old = self._entries.pop(key, None)
        self._size -= len(old.body) if old else 0
        self._entries[key] = entry
        self._size += len(entry.body)
        while self._size > self._max_bytes:
            _, evicted = self._entries.popitem(last=False)
            self._size -= len(evicted.body)
