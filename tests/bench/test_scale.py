"""The scale benchmark's parts on tiny sizes: generator counts and rows, load-test accounting, the list query."""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any, cast

import httpx
import pytest
from click.testing import CliRunner
from sqlalchemy import Table

from civharm.bench import keepalive, latency, scale, synthetic
from civharm.cli import main
from civharm.errors import CivharmError
from civharm.store import IncidentFilter, Store, open_database, terms
from civharm.store.convert import claim_rows, incident_row, report_row
from civharm.store.models import Base


def _values(row: Base) -> dict[str, Any]:
    table = cast(Table, type(row).__table__)
    return {column.key: getattr(row, column.key) for column in table.columns}


def test_generated_rows_are_what_the_store_converters_make() -> None:
    for item in synthetic.synthetic_incidents(40, seed=3):
        rows = synthetic.rows(item)
        incident = synthetic.record(item)
        extractions = synthetic.extractions(item)
        published = [e.report.published for e in extractions]
        made = incident_row(incident, synthetic.CAPTURED_AT, synthetic.CAPTURED_AT, published=published)
        assert rows["incidents"] == [_values(made)]
        assert rows["reports"] == [_values(report_row(e.report)) for e in extractions]
        expected_claims = [{**_values(c), "incident_id": incident.id} for e in extractions for c in claim_rows(e)]
        assert rows["claims"] == expected_claims
        assert rows["incident_terms"] == terms.rows_of(incident)
        assert incident.report_ids == tuple(e.report.sha256 for e in extractions)
        figure = incident.civilians_killed
        assert figure is not None and figure.min == min(c.min for e in extractions for c in e.incidents[0].casualties)


def test_generator_writes_the_counts_it_reports(database_url: str) -> None:
    with open_database(database_url) as database:
        made = synthetic.generate(database, 45, seed=2, batch=10)
        counts = Store(database).counts()
        assert made.incidents == counts.incidents == 45
        assert made.reports == counts.reports
        assert made.claims == counts.claims == 2 * made.reports  # an attack and its casualty per report
        assert 45 <= made.reports <= 3 * 45
        store = Store(database)
        incidents = store.incidents()
        assert {len(store.incident_claim_rows(i.id)) for i in incidents[:5]} <= {2, 4, 6}
        with pytest.raises(CivharmError, match="already has incidents"):
            synthetic.generate(database, 1)


def test_same_seed_same_incidents() -> None:
    first = [synthetic.record(i) for i in synthetic.synthetic_incidents(5, seed=9)]
    again = [synthetic.record(i) for i in synthetic.synthetic_incidents(5, seed=9)]
    other = [synthetic.record(i) for i in synthetic.synthetic_incidents(5, seed=10)]
    assert first == again
    assert first != other


@pytest.mark.parametrize(
    "filters",
    [
        IncidentFilter(place="kharkiv", limit=4, offset=3),
        IncidentFilter(perpetrator="rsf", limit=3),
        IncidentFilter(place="SY", perpetrator="russia", offset=2),
        IncidentFilter(place="nowhere", limit=5),
        IncidentFilter(limit=7, offset=5),
    ],
)
def test_streamed_list_pages_equal_filtering_everything(database_url: str, filters: IncidentFilter) -> None:
    """The list stops reading once a page is full; the page is the one filtering every incident gives."""
    with open_database(database_url) as database:
        synthetic.generate(database, 120, seed=4, batch=50)
        store = Store(database)
        every = store.incidents()

        def matches(incident: Any) -> bool:
            place = incident.place
            if filters.place is not None:
                needle = filters.place.casefold()
                names = (place.name, place.admin1, place.admin2)
                if place.country.casefold() != needle and not any(n and needle in n.casefold() for n in names):
                    return False
            return filters.perpetrator is None or any(
                filters.perpetrator.casefold() in p.casefold() for p in incident.perpetrators
            )

        wanted = [i for i in every if matches(i)]
        end = None if filters.limit is None else filters.offset + filters.limit
        assert [i.id for i in store.incidents(filters)] == [i.id for i in wanted[filters.offset : end]]


def test_percentile_is_nearest_rank() -> None:
    assert latency.percentile([], 0.95) == 0.0
    assert latency.percentile([5.0, 1.0, 3.0, 2.0, 4.0], 0.5) == 3.0
    assert latency.percentile([float(n) for n in range(1, 101)], 0.95) == 95.0


def test_load_test_counts_every_request_and_failure() -> None:
    seen: list[str] = []

    async def fetch(path: str) -> int:
        seen.append(path)
        if path == "/down":
            raise ConnectionRefusedError("refused")
        return 500 if path == "/broken" else 200

    result = asyncio.run(latency.load_test([fetch] * 4, ["/a", "/broken", "/b", "/down"], rate=200, seconds=0.1))
    assert result.planned == result.sent == len(seen) == 20
    assert result.errors == 10 and result.ok == 10
    assert result.error_kinds == ("HTTP 500 /broken", "ConnectionRefusedError: refused")
    assert seen[:4] == ["/a", "/broken", "/b", "/down"]


def test_a_server_that_falls_behind_ends_the_load_test_with_requests_unsent() -> None:
    async def slow(path: str) -> int:
        await asyncio.sleep(0.05)
        return 200

    result = asyncio.run(latency.load_test([slow], ["/a"], rate=100, seconds=0.2))
    # One sender answering every 50 ms gets through about 8 of 20 requests before the 0.4 s cut-off.
    assert result.planned == 20
    assert 4 <= result.sent <= 10 and result.ok == result.sent and result.errors == 0
    assert result.seconds < 0.6
    # Each request is timed from when it was due, so the queue behind the slow server shows.
    assert result.p95_ms > 150


def test_load_test_refuses_an_empty_plan() -> None:
    async def fetch(path: str) -> int:
        return 200

    with pytest.raises(CivharmError, match="positive rate"):
        asyncio.run(latency.load_test([fetch], [], rate=10, seconds=1))
    with pytest.raises(CivharmError, match="positive rate"):
        asyncio.run(latency.load_test([], ["/a"], rate=10, seconds=1))


def test_a_kept_alive_connection_reads_every_kind_of_body_and_recovers_from_a_broken_one() -> None:
    answers = {
        "/length": b"HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello",
        "/chunked": b"HTTP/1.1 201 Created\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n2;x=1\r\nde\r\n0\r\n\r\n",
        "/missing": b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n",
        "/cut": b"HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nonly part",
    }
    accepted: list[int] = []

    async def serve(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        accepted.append(1)
        while True:
            try:
                request = await reader.readuntil(b"\r\n\r\n")
            except asyncio.IncompleteReadError:
                break
            path = request.split(b" ")[1].decode()
            writer.write(answers[path])
            await writer.drain()
            if path == "/cut":
                break
        writer.close()

    async def main() -> list[object]:
        server = await asyncio.start_server(serve, "127.0.0.1", 0)
        port = server.sockets[0].getsockname()[1]
        connection = keepalive.HTTPConnection("127.0.0.1", port)
        out: list[object] = [await connection.get(p) for p in ("/length", "/chunked", "/missing")]
        out.append(len(accepted))  # three answers over one connection
        with pytest.raises(asyncio.IncompleteReadError):
            await connection.get("/cut")
        out.append(await connection.get("/length"))  # a new connection after the broken answer
        out.append(len(accepted))
        await connection.close()
        server.close()
        await server.wait_closed()
        return out

    assert asyncio.run(main()) == [200, 201, 404, 1, 200, 2]


def test_a_streamed_download_is_timed_to_its_first_chunk_only() -> None:
    pulled: list[int] = []

    def chunks() -> Iterator[bytes]:
        for n in range(1000):
            pulled.append(n)
            yield b"x" * 10

    transport = httpx.MockTransport(lambda request: httpx.Response(200, content=chunks()))
    with httpx.Client(transport=transport, base_url="http://test") as client:
        first = latency.time_endpoint(client, latency.Endpoint("export", "/e", first_byte_only=True), repeats=2)
        whole = latency.time_endpoint(client, latency.Endpoint("export", "/e"), repeats=1)
    assert (first.requests, first.errors, first.bytes) == (2, 0, 10)
    assert whole.bytes == 10_000


def _cmdline(pid: int) -> list[str]:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().decode().split("\0")
    except OSError:
        return []


def _worker_processes(port: int) -> list[int]:
    """The worker processes (``spawn_main``) under the ``civharm serve`` listening on ``port``."""
    pids = [int(p.name) for p in Path("/proc").iterdir() if p.name.isdigit()]
    supervisors = [pid for pid in pids if "serve" in _cmdline(pid) and str(port) in _cmdline(pid)]
    assert len(supervisors) == 1, f"one civharm serve on port {port}, found {supervisors}"
    children = Path(f"/proc/{supervisors[0]}/task/{supervisors[0]}/children").read_text().split()
    return [int(c) for c in children if any("spawn_main" in part for part in _cmdline(int(c)))]


def test_serve_with_two_workers_answers_from_two_processes(database_url: str) -> None:
    """``civharm serve --workers 2``, a real server: two processes serve the same, already migrated database."""
    open_database(database_url).close()
    with latency.serve(database_url, workers=2) as base, httpx.Client(base_url=base, timeout=30) as client:
        answers = [client.get("/api/incidents") for _ in range(10)]
        assert {a.status_code for a in answers} == {200}
        assert all(a.json()["items"] == [] for a in answers)
        assert len(_worker_processes(int(base.rsplit(":", 1)[1]))) == 2


def test_spread_incidents_picks_distinct_ids_across_the_table(database_url: str) -> None:
    with open_database(database_url) as database:
        synthetic.generate(database, 60, seed=5, batch=30)
        every = sorted(i.id for i in Store(database).incidents())
        spread = scale.spread_incidents(database, 6)
    assert len(spread) == len(set(spread)) and 3 <= len(spread) <= 6
    assert set(spread) <= set(every)
    assert spread[0] == every[0] and spread[-1] > every[len(every) // 2]


def test_bench_scale_load_against_a_real_server_reports_every_request(database_url: str) -> None:
    with open_database(database_url) as database:
        synthetic.generate(database, 30, seed=6, batch=30)
    arguments = ["bench", "scale", "load", "--database-url", database_url, "--rate", "20", "--seconds", "1"]
    result = CliRunner().invoke(main, [*arguments, "--incidents", "4"])
    assert result.exit_code == 0, result.output
    assert "planned 20  sent 20  ok 20  errors 0  unsent 0" in result.output


def test_a_timed_out_request_does_not_leave_its_answer_for_the_next_one() -> None:
    accepted: list[int] = []

    async def serve(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        accepted.append(1)
        with contextlib.suppress(asyncio.IncompleteReadError, ConnectionError):
            while True:
                path = (await reader.readuntil(b"\r\n\r\n")).split(b" ")[1]
                if path == b"/slow":
                    await asyncio.sleep(0.2)
                status = b"503 Slow" if path == b"/slow" else b"200 OK"
                writer.write(b"HTTP/1.1 " + status + b"\r\nContent-Length: 0\r\n\r\n")
                await writer.drain()
        writer.close()

    async def main() -> tuple[int, int]:
        server = await asyncio.start_server(serve, "127.0.0.1", 0)
        connection = keepalive.HTTPConnection("127.0.0.1", server.sockets[0].getsockname()[1])
        with pytest.raises(TimeoutError):
            await asyncio.wait_for(connection.get("/slow"), 0.05)
        status = await connection.get("/fast")  # not the slow answer arriving late
        await connection.close()
        server.close()
        await server.wait_closed()
        return status, len(accepted)

    assert asyncio.run(main()) == (200, 2)


def test_incidents_are_dated_within_the_span_asked_for() -> None:
    wide = [i.date for i in synthetic.synthetic_incidents(300, seed=2, days=40_000) if i.date is not None]
    narrow = [i.date for i in synthetic.synthetic_incidents(300, seed=2) if i.date is not None]
    end = synthetic.FIRST_DAY + dt.timedelta(days=synthetic.DAYS)
    assert all(synthetic.FIRST_DAY <= d < end for d in narrow)
    assert max(wide) >= end  # most of 40,000 days lie past the default ten years


@pytest.mark.parametrize("flags", [[], ["--growing-world"]])
def test_bench_scale_link_prints_one_row_per_size(flags: list[str]) -> None:
    result = CliRunner().invoke(main, ["bench", "scale", "link", "--reports", "30,60", *flags])
    assert result.exit_code == 0, result.output
    rows = [line.split() for line in result.output.splitlines()[1:]]
    assert [row[0] for row in rows] == ["30", "60"]
    assert all(0 < int(row[1]) <= int(row[0]) for row in rows)  # incidents: at least one, at most one a report


def test_incremental_batches_join_new_copies_to_their_stored_incidents(database_url: str) -> None:
    from civharm.bench.incremental import _count, run_batches

    with open_database(database_url) as database:
        synthetic.generate(database, 40, seed=8, batch=40)
        results = list(run_batches(database, seed=8, batches=2, copies=5, fresh=3))
        assert [(r.batch, r.copies, r.copies_joined) for r in results] == [(0, 5, 5), (1, 5, 5)]
        assert all(r.reports >= 5 + 3 for r in results)
        assert 40 < results[0].incidents <= 43 and results[0].incidents < results[1].incidents <= 46
        assert Store(database).unlinked() == []
        assert all(r.proposed >= 1 for r in results)  # at least the copies' own incidents
        # a later run on the same database draws the same stored world: its new batch's copies join too
        assert _count(database, generated=True) == 40
        again = list(run_batches(database, seed=8, batches=3, copies=5, fresh=3))
        assert (again[2].batch, again[2].copies_joined) == (2, 5)
        with pytest.raises(CivharmError, match=r"only \d+ incidents stored"):
            next(run_batches(database, seed=8, batches=1, copies=50, fresh=0))


def test_the_world_widens_with_the_incidents_only_when_asked() -> None:
    assert synthetic.world_days(100_000, growing=True) == 10 * synthetic.DAYS
    assert synthetic.world_days(100_000, growing=False) == synthetic.DAYS
    assert synthetic.world_days(500, growing=True) == synthetic.DAYS


def test_bench_scale_incremental_prints_one_row_per_batch(database_url: str) -> None:
    generate = ["bench", "scale", "generate", "--database-url", database_url, "--incidents", "20", "--seed", "9"]
    assert CliRunner().invoke(main, [*generate, "--growing-world"]).exit_code == 0
    arguments = ["bench", "scale", "incremental", "--database-url", database_url, "--seed", "9", "--batches", "2"]
    result = CliRunner().invoke(main, [*arguments, "--copies", "3", "--fresh", "1", "--growing-world"])
    assert result.exit_code == 0, result.output
    rows = result.output.splitlines()[1:]
    assert len(rows) == 2 and all(row.split()[4] == "3/3" for row in rows)
