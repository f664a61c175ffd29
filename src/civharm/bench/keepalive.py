"""One kept-alive HTTP/1.1 connection that sends GETs and reads whole answers, for the load test.

The load test has to send 200 requests a second from the same two cores the server runs on. httpx
spent 3 to 6 ms of client CPU on each (its pool, its models, its decoding), so the client, not the
server, set the ceiling. A load test needs only the status of each answer and the certainty that
all of it arrived, which asyncio streams give for a fraction of that.
"""

from __future__ import annotations

import asyncio
import contextlib


class HTTPConnection:
    """GET requests over one connection to ``host:port``, opened on first use and after any failure."""

    def __init__(self, host: str, port: int) -> None:
        self._host = host
        self._port = port
        self._streams: tuple[asyncio.StreamReader, asyncio.StreamWriter] | None = None

    async def get(self, path: str) -> int:
        """The status of ``GET path``, after reading the whole body. Raises OSError, ValueError,
        IndexError or an asyncio stream error when the connection or the answer fails; the connection
        is then closed, and the next request opens a new one."""
        try:
            if self._streams is None:
                self._streams = await asyncio.open_connection(self._host, self._port)
            reader, writer = self._streams
            writer.write(f"GET {path} HTTP/1.1\r\nHost: {self._host}:{self._port}\r\n\r\n".encode("ascii"))
            head = (await reader.readuntil(b"\r\n\r\n")).decode("latin-1").split("\r\n")
            status = int(head[0].split(" ", 2)[1])
            headers = {}
            for line in head[1:]:
                name, _, value = line.partition(":")
                headers[name.strip().lower()] = value.strip().lower()
            if "content-length" in headers:
                await reader.readexactly(int(headers["content-length"]))
            elif headers.get("transfer-encoding") == "chunked":
                await _read_chunks(reader)
            else:
                await reader.read()  # the body runs to the end of the connection
                headers["connection"] = "close"
            if headers.get("connection") == "close":
                await self.close()
            return status
        except BaseException:
            # A failed or cancelled (timed-out) request leaves the rest of its answer on the wire,
            # where the next request would read it: the connection goes.
            self._drop()
            raise

    def _drop(self) -> asyncio.StreamWriter | None:
        writer = self._streams[1] if self._streams is not None else None
        self._streams = None
        if writer is not None:
            writer.close()
        return writer

    async def close(self) -> None:
        writer = self._drop()
        if writer is not None:
            with contextlib.suppress(OSError):
                await writer.wait_closed()


async def _read_chunks(reader: asyncio.StreamReader) -> None:
    while True:
        size = int((await reader.readuntil(b"\r\n")).split(b";", 1)[0], 16)
        await reader.readexactly(size + 2)  # the chunk and its CRLF
        if size == 0:
            return
