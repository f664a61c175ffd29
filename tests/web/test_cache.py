"""Public answers are reused until the data changes, and never for anyone who may see more.

The rules run against a small ASGI app whose change token the test controls; the wiring runs
against the real app on the session's backend, where a write through a second connection (as a
``civharm run`` in another process would make) must reach the next reader.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response, StreamingResponse
from starlette.routing import Route
from starlette.types import Message, Receive, Scope, Send

from civharm.store.db import open_database
from civharm.store.repository import Store
from civharm.web.app import create_app
from civharm.web.cache import CACHE_HEADER, ResponseCache
from civharm.web.desk.security import SESSION_COOKIE
from tests.backend import settings_for
from tests.store.factory import make_extraction, make_incident

HEADER = CACHE_HEADER.decode()


class Toy:
    """An app that counts how often it really answered, behind the cache, with a settable token."""

    def __init__(self, max_bytes: int = 10_000) -> None:
        self.token: str | None = "v1"
        self.calls = 0

        def answer(request: Request) -> Response:
            self.calls += 1
            size = int(request.query_params.get("size", "5"))
            status = int(request.query_params.get("status", "200"))
            response = PlainTextResponse("x" * size, status_code=status)
            if "cookie" in request.query_params:
                response.set_cookie("seen", "1")
            return response

        def stream(request: Request) -> Response:
            self.calls += 1
            return StreamingResponse(iter([b"a" * 30, b"b" * 30]), media_type="text/plain")

        app = Starlette(routes=[Route("/page", answer), Route("/stream", stream), Route("/pixel/p.gif", answer)])
        self.client = TestClient(ResponseCache(app, version=lambda: self.token, max_bytes=max_bytes))

    def get(self, path: str, headers: dict[str, str] | None = None) -> httpx.Response:
        response: httpx.Response = self.client.get(path, headers=headers)
        return response


def test_second_anonymous_request_is_sent_from_the_cache_unchanged() -> None:
    toy = Toy()
    first, second = toy.get("/page"), toy.get("/page")
    assert (first.headers[HEADER], second.headers[HEADER]) == ("miss", "hit")
    assert second.text == first.text and second.headers["content-type"] == first.headers["content-type"]
    assert toy.calls == 1


def test_a_new_change_token_renders_again() -> None:
    toy = Toy()
    toy.get("/page")
    toy.token = "v2"
    assert toy.get("/page").headers[HEADER] == "miss"
    assert toy.calls == 2


def test_query_and_host_are_part_of_the_key() -> None:
    toy = Toy()
    toy.get("/page?size=5")
    assert toy.get("/page?size=6").headers[HEADER] == "miss"
    assert toy.get("/page?size=5", headers={"host": "other.example"}).headers[HEADER] == "miss"
    assert toy.calls == 3


@pytest.mark.parametrize(
    ("path", "headers"),
    [
        ("/page", {"authorization": "Bearer token"}),
        ("/page", {"cookie": f"{SESSION_COOKIE}=abc"}),
        ("/pixel/p.gif", {}),
    ],
    ids=["api-token", "signed-in", "pixel"],
)
def test_signed_in_requests_and_the_pixel_are_never_kept(path: str, headers: dict[str, str]) -> None:
    toy = Toy()
    toy.get(path, headers=headers)
    response = toy.get(path, headers=headers)
    assert HEADER not in response.headers
    assert toy.calls == 2


@pytest.mark.parametrize("query", ["status=404", "cookie=1", "size=20000"], ids=["not-200", "cookie", "too-big"])
def test_errors_cookies_and_large_answers_are_sent_but_not_kept(query: str) -> None:
    toy = Toy()
    toy.get(f"/page?{query}")
    assert toy.get(f"/page?{query}").headers.get(HEADER) == "miss"
    assert toy.calls == 2


def test_no_token_means_nothing_is_kept() -> None:
    toy = Toy()
    toy.token = None
    toy.get("/page")
    assert HEADER not in toy.get("/page").headers
    assert toy.calls == 2


def test_a_streamed_answer_is_kept_whole() -> None:
    toy = Toy()
    assert toy.get("/stream").text == "a" * 30 + "b" * 30
    assert toy.get("/stream").text == "a" * 30 + "b" * 30
    assert toy.calls == 1


def test_the_store_stays_within_its_byte_bound_dropping_the_oldest() -> None:
    toy = Toy(max_bytes=2_000)  # one entry may be up to 250 bytes
    for size in range(200, 250):  # 50 answers of ~225 bytes: about 11,000 bytes offered
        toy.get(f"/page?size={size}")
    assert toy.get("/page?size=249").headers[HEADER] == "hit"  # the newest stayed
    assert toy.get("/page?size=200").headers[HEADER] == "miss"  # the oldest went


def test_zero_bytes_turns_the_cache_off() -> None:
    toy = Toy(max_bytes=0)
    toy.get("/page")
    assert HEADER not in toy.get("/page").headers


def _hit(client: TestClient, path: str) -> httpx.Response:
    """The first answer to ``path`` from the cache. PostgreSQL's token also moves when its own background
    work (autovacuum's ANALYZE of a fresh database) takes a transaction id, which costs a miss but never
    a stale answer; a few tries ride that out."""
    answers = [client.get(path) for _ in range(5)]
    hits = [a for a in answers if a.headers[HEADER] == "hit"]
    assert hits, [a.headers[HEADER] for a in answers]
    return hits[0]


def test_a_write_from_another_connection_reaches_the_next_reader(tmp_path: Path) -> None:
    """The real app and store: a cached list must not hide an incident another process just wrote."""
    settings = settings_for(tmp_path).with_overrides(response_cache_mb=64)
    database = open_database(settings.database_url)
    with TestClient(create_app(Store(database), settings)) as client:
        before = _hit(client, "/api/incidents")
        assert before.json()["items"] == []

        with open_database(settings.database_url) as other:  # a second engine, as another process has
            writer = Store(other)
            extraction = make_extraction()
            writer.add_extraction(extraction)
            writer.replace_incidents([make_incident("ariha-1", ((extraction.report.sha256, 0),))])

        after = client.get("/api/incidents")
        assert after.headers[HEADER] == "miss"
        assert [item["id"] for item in after.json()["items"]] == ["ariha-1"]
        assert client.get("/incidents/ariha-1").status_code == 200
    database.close()


def test_pages_answered_from_the_cache_keep_the_security_headers(tmp_path: Path) -> None:
    settings = settings_for(tmp_path).with_overrides(response_cache_mb=64)
    database = open_database(settings.database_url)
    with TestClient(create_app(Store(database), settings)) as client:
        hit = _hit(client, "/")
        assert "default-src 'self'" in hit.headers["content-security-policy"]
    database.close()


def test_concurrent_requests_for_one_answer_render_it_once() -> None:
    """A burst after a change: the first request renders, the others wait for its answer."""
    calls = 0
    release = asyncio.Event()

    async def slow(scope: Scope, receive: Receive, send: Send) -> None:
        nonlocal calls
        calls += 1
        await release.wait()
        await PlainTextResponse("page")(scope, receive, send)

    cache = ResponseCache(slow, version=lambda: "v1", max_bytes=10_000)

    async def one() -> bytes:
        sent: list[Message] = []

        async def send(message: Message) -> None:
            sent.append(message)

        scope = {"type": "http", "method": "GET", "path": "/p", "raw_path": b"/p", "query_string": b""}
        await cache({**scope, "scheme": "http", "headers": []}, _no_body, send)
        return b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")

    async def main() -> list[bytes]:
        tasks = [asyncio.create_task(one()) for _ in range(5)]
        await asyncio.sleep(0.01)
        release.set()
        return list(await asyncio.gather(*tasks))

    assert asyncio.run(main()) == [b"page"] * 5
    assert calls == 1


async def _no_body() -> Message:
    return {"type": "http.request", "body": b"", "more_body": False}
