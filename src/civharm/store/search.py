"""Full-text search over reports: one query language, one ranked and paginated result on both backends.

A user types words, "quoted phrases" and ``-word`` / ``-"a phrase"`` to leave reports out. The text
is parsed here into a ``SearchQuery`` made only of words (letters and digits), so whatever was typed
(stray quotes, lone operators, punctuation, NUL bytes, FTS5 or tsquery syntax) can only ever be read
as words: each backend gets an expression built from quoted words, never the user's text.

SQLite searches the FTS5 table ``reports_fts`` and ranks by bm25; PostgreSQL searches the generated
``reports.search`` tsvector (GIN index) with ``websearch_to_tsquery`` and ranks by ``ts_rank``. Both
stem English words ("strikes" finds "strike"); PostgreSQL also ignores common words ("the"). Migration
``0006_search`` builds both and indexes the reports already stored; SQLite triggers and the PostgreSQL
generated column keep them in step with every report stored afterwards, whatever stores it.

Snippets come from the database with the matching words between two private-use characters that the
index never holds (they are removed before indexing), so the marks split off exactly; the snippet is
handed on as plain text plus mark offsets, and only the page that shows it turns it into escaped HTML.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from alembic.runtime.environment import NameFilterParentNames
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import Connection, select, text

from civharm.errors import CivharmError
from civharm.records import Status
from civharm.store.db import Database, read_session
from civharm.store.models import IncidentReportRow, IncidentRow

# Longest query accepted: a search box, not a document. Longer ones are refused with a message.
MAX_QUERY_CHARS = 500
# Most words a query may hold (phrases count each word); each is one more index lookup.
MAX_QUERY_WORDS = 32
# Results per page by default and at most: every result carries a snippet cut from its report.
DEFAULT_LIMIT = 20
MAX_LIMIT = 100
# Deepest page: no corpus is this large, and both databases cap OFFSET at a 64-bit integer.
MAX_OFFSET = 1_000_000_000

# What the index holds of each report: its title and the first INDEXED_TEXT_CHARS characters of its
# text. PostgreSQL refuses a tsvector over 1 MB, which a multi-megabyte report could reach; this many
# characters stays far below it whatever the words. Frozen in migration 0006_search.
INDEXED_TEXT_CHARS = 200_000
# The text search configuration on PostgreSQL (english: stemming and stop words). Frozen in 0006_search.
TS_CONFIG = "english"
# The marks the databases put around matching words in a snippet; removed from the indexed text.
MARK_START = "\ue000"
MARK_END = "\ue001"
# bm25 weights of the FTS5 columns (sha256, title, body): a word in the title counts five times.
BM25_WEIGHTS = (0.0, 5.0, 1.0)
# Snippet length: FTS5 counts tokens (at most 64), ts_headline words.
SNIPPET_TOKENS = 32
HEADLINE_OPTIONS = (
    f"StartSel={MARK_START}, StopSel={MARK_END}, MaxFragments=2, MaxWords={SNIPPET_TOKENS}, "
    'MinWords=12, FragmentDelimiter=" … "'
)
ELLIPSIS = "…"

# A term: an optional leading "-", then a "quoted phrase" (closed by the end if the quote is not)
# or a run of anything but spaces and quotes.
_TERM = re.compile(r'(?P<exclude>-?)(?:"(?P<phrase>[^"]*)"?|(?P<bare>[^\s"]+))')
# A word: letters and digits (any script); everything else separates words.
_WORD = re.compile(r"[^\W_]+")


class SearchError(CivharmError):
    """A query that cannot be searched (nothing to look for, too long); the message says why."""


@dataclass(frozen=True)
class Term:
    """One word or phrase of a query; ``exclude`` leaves out the reports that contain it."""

    words: tuple[str, ...]
    exclude: bool = False

    def quoted(self) -> str:
        # Words never contain a double quote, so quoting them is all the escaping either backend needs.
        return '"' + " ".join(self.words) + '"'


@dataclass(frozen=True)
class SearchQuery:
    """A parsed query: reports containing every included term and none of the excluded ones."""

    terms: tuple[Term, ...]

    @property
    def included(self) -> tuple[Term, ...]:
        return tuple(t for t in self.terms if not t.exclude)

    @property
    def excluded(self) -> tuple[Term, ...]:
        return tuple(t for t in self.terms if t.exclude)

    def fts5(self) -> str:
        """The SQLite FTS5 MATCH expression: ``("a" AND "b c") NOT "d"``."""
        expression = "(" + " AND ".join(t.quoted() for t in self.included) + ")"
        return "".join([expression, *(f" NOT {t.quoted()}" for t in self.excluded)])

    def websearch(self) -> str:
        """The text for PostgreSQL's ``websearch_to_tsquery``: ``"a" "b c" -"d"``."""
        return " ".join(("-" if t.exclude else "") + t.quoted() for t in self.terms)


def parse_query(query: str) -> SearchQuery:
    """Read what a user typed as words, phrases and exclusions; SearchError when nothing is left to find."""
    if len(query) > MAX_QUERY_CHARS:
        raise SearchError(f"the search is {len(query)} characters long; use at most {MAX_QUERY_CHARS}")
    terms = []
    for match in _TERM.finditer(query):
        words = tuple(_WORD.findall(match["phrase"] if match["phrase"] is not None else match["bare"]))
        if words:
            terms.append(Term(words, exclude=bool(match["exclude"])))
    if sum(len(t.words) for t in terms) > MAX_QUERY_WORDS:
        raise SearchError(f"the search has more than {MAX_QUERY_WORDS} words; use fewer")
    parsed = SearchQuery(tuple(terms))
    if not parsed.included:
        if parsed.excluded:
            raise SearchError('say what to look for, not only what to leave out ("-word")')
        raise SearchError("type a word or a phrase to search for")
    return parsed


class ApiRecord(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class SnippetMark(ApiRecord):
    """Where a matching word sits in a snippet: character offsets into ``snippet``."""

    start: int
    end: int


class LinkedIncident(ApiRecord):
    """An incident a found report is linked to."""

    id: str
    date: dt.date | None
    place_name: str | None
    status: Status


class SearchHit(ApiRecord):
    """One report that matches, best first; the snippet is plain text, ``marks`` say what matched."""

    sha256: str
    title: str | None
    publisher: str | None
    published: dt.date | None
    snippet: str
    marks: list[SnippetMark]
    incidents: list[LinkedIncident]


class SearchPage(ApiRecord):
    """One page of results; ``next_offset`` is null on the last page, ``total`` counts every match."""

    items: list[SearchHit]
    limit: int = Field(ge=1, le=MAX_LIMIT)
    offset: int = Field(ge=0, le=MAX_OFFSET)
    next_offset: int | None
    total: int


def split_marks(raw: str) -> tuple[str, list[SnippetMark]]:
    """A snippet as the database marked it -> its plain text and the offsets of its marks.

    Stray marks (an end without a start, a start never closed) are dropped, never passed on.
    """
    out: list[str] = []
    marks: list[SnippetMark] = []
    length = 0
    opened: int | None = None
    for char in raw:
        if char == MARK_START:
            opened = length if opened is None else opened
        elif char == MARK_END:
            if opened is not None and length > opened:
                marks.append(SnippetMark(start=opened, end=length))
            opened = None
        else:
            out.append(char)
            length += 1
    return "".join(out), marks


# -- the two backends ---------------------------------------------------------------------------

# The public may see a report only when it is linked to a published incident.
_PUBLISHED_ONLY = (
    "EXISTS (SELECT 1 FROM incident_reports ir JOIN incidents i ON i.id = ir.incident_id "
    "WHERE ir.report_sha256 = r.sha256 AND i.status = :published)"
)

_SQLITE_HITS = """
SELECT f.rowid AS key, r.sha256, r.title, r.publisher, r.published
FROM reports_fts AS f JOIN reports AS r ON r.sha256 = f.sha256
WHERE reports_fts MATCH :query AND {visible}
ORDER BY bm25(reports_fts, {weights}), r.published DESC NULLS LAST, r.sha256
LIMIT :limit OFFSET :offset
"""
_SQLITE_TOTAL = """
SELECT count(*) FROM reports_fts AS f JOIN reports AS r ON r.sha256 = f.sha256
WHERE reports_fts MATCH :query AND {visible}
"""
_SQLITE_SNIPPETS = """
SELECT rowid AS key, snippet(reports_fts, 2, :mark_start, :mark_end, :ellipsis, :tokens) AS snippet
FROM reports_fts WHERE reports_fts MATCH :query AND rowid IN ({keys})
"""

_PG_HITS = """
SELECT r.sha256 AS key, r.sha256, r.title, r.publisher, r.published
FROM reports AS r, websearch_to_tsquery(CAST(:config AS regconfig), :query) AS q
WHERE r.search @@ q AND {visible}
ORDER BY ts_rank(r.search, q) DESC, r.published DESC NULLS LAST, r.sha256
LIMIT :limit OFFSET :offset
"""
_PG_TOTAL = """
SELECT count(*) FROM reports AS r, websearch_to_tsquery(CAST(:config AS regconfig), :query) AS q
WHERE r.search @@ q AND {visible}
"""
_PG_SNIPPETS = """
SELECT r.sha256 AS key, ts_headline(
    CAST(:config AS regconfig), translate(left(r.text, :chars), :marks, ''), q, :options) AS snippet
FROM reports AS r, websearch_to_tsquery(CAST(:config AS regconfig), :query) AS q
WHERE r.sha256 IN ({keys})
"""


@dataclass(frozen=True)
class _Backend:
    hits: str
    total: str
    snippets: str
    query: str
    params: Mapping[str, Any]


def _backend(connection: Connection, parsed: SearchQuery) -> _Backend:
    if connection.dialect.name == "postgresql":
        params: dict[str, Any] = {
            "config": TS_CONFIG,
            "chars": INDEXED_TEXT_CHARS,
            "marks": MARK_START + MARK_END,
            "options": HEADLINE_OPTIONS,
        }
        return _Backend(_PG_HITS, _PG_TOTAL, _PG_SNIPPETS, parsed.websearch(), params)
    params = {"mark_start": MARK_START, "mark_end": MARK_END, "ellipsis": ELLIPSIS, "tokens": SNIPPET_TOKENS}
    weights = ", ".join(str(w) for w in BM25_WEIGHTS)  # our own constants, the only text put into SQL
    return _Backend(_SQLITE_HITS.replace("{weights}", weights), _SQLITE_TOTAL, _SQLITE_SNIPPETS, parsed.fts5(), params)


def _snippets(connection: Connection, backend: _Backend, keys: Sequence[Any]) -> dict[Any, str]:
    if not keys:
        return {}
    names = {f"k{i}": key for i, key in enumerate(keys)}
    sql = backend.snippets.format(keys=", ".join(f":{name}" for name in names))
    rows = connection.execute(text(sql), {**backend.params, "query": backend.query, **names})
    return {row.key: row.snippet or "" for row in rows}


def _incidents(connection: Connection, shas: Sequence[str], public: bool) -> dict[str, list[LinkedIncident]]:
    query = (
        select(
            IncidentReportRow.report_sha256,
            IncidentRow.id,
            IncidentRow.date,
            IncidentRow.place_name,
            IncidentRow.status,
        )
        .join(IncidentRow, IncidentRow.id == IncidentReportRow.incident_id)
        .where(IncidentReportRow.report_sha256.in_(shas))
        .order_by(IncidentRow.date.desc().nulls_last(), IncidentRow.id)
    )
    if public:
        query = query.where(IncidentRow.status == Status.PUBLISHED.value)
    linked: dict[str, list[LinkedIncident]] = {sha: [] for sha in shas}
    for sha, incident_id, date, place_name, status in connection.execute(query):
        linked[sha].append(LinkedIncident(id=incident_id, date=date, place_name=place_name, status=Status(status)))
    return linked


def search_reports(
    database: Database, query: str, *, limit: int = DEFAULT_LIMIT, offset: int = 0, public: bool = False
) -> SearchPage:
    """Reports matching ``query``, best first, one page of ``limit`` from ``offset``.

    With ``public`` only reports linked to a published incident are found, and only published
    incidents are listed beside them (what anonymous visitors may see). SearchError for a query
    with nothing to search for or out-of-range paging.
    """
    if not 1 <= limit <= MAX_LIMIT:
        raise SearchError(f"limit must be between 1 and {MAX_LIMIT}")
    if not 0 <= offset <= MAX_OFFSET:
        raise SearchError(f"offset must be between 0 and {MAX_OFFSET}")
    parsed = parse_query(query)
    visible = _PUBLISHED_ONLY if public else "1 = 1"
    with read_session(database) as session:
        connection = session.connection()
        backend = _backend(connection, parsed)
        params = {**backend.params, "query": backend.query, "published": Status.PUBLISHED.value}
        total = connection.execute(text(backend.total.format(visible=visible)), params).scalar_one()
        page = connection.execute(
            text(backend.hits.format(visible=visible)), {**params, "limit": limit, "offset": offset}
        ).all()
        snippets = _snippets(connection, backend, [row.key for row in page])
        incidents = _incidents(connection, [row.sha256 for row in page], public)
    items = []
    for row in page:
        snippet, marks = split_marks(snippets.get(row.key, ""))
        items.append(
            SearchHit(
                sha256=row.sha256,
                title=row.title,
                publisher=row.publisher,
                published=_date(row.published),
                snippet=snippet,
                marks=marks,
                incidents=incidents[row.sha256],
            )
        )
    next_offset = offset + limit if offset + limit < total else None
    return SearchPage(items=items, limit=limit, offset=offset, next_offset=next_offset, total=total)


def _date(value: dt.date | str | None) -> dt.date | None:
    """A date column from a raw SQL row (SQLite hands back ISO text, PostgreSQL a date)."""
    return dt.date.fromisoformat(value) if isinstance(value, str) else value


def is_search_index(name: str | None, type_: str, parent_names: NameFilterParentNames) -> bool:
    """Whether a schema object is part of the search index, which migration 0006_search builds by
    hand outside the ORM models (an FTS5 table and its shadow tables; a generated column and its
    index): schema comparisons and autogenerate must leave it alone.
    """
    if type_ == "table":
        return name == "reports_fts" or str(name).startswith("reports_fts_")
    if type_ == "column":
        return parent_names.get("table_name") == "reports" and name == "search"
    return type_ == "index" and name == "ix_reports_search"
