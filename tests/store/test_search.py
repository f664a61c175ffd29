"""Full-text search over reports: query parsing, ranking, snippets, visibility and index upkeep,
on SQLite (FTS5) and PostgreSQL (tsvector) alike."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import text

from civharm.cli import main
from civharm.records import Extraction, Status
from civharm.store import Database, Store, open_database
from civharm.store.search import (
    INDEXED_TEXT_CHARS,
    MARK_END,
    MARK_START,
    MAX_QUERY_CHARS,
    MAX_QUERY_WORDS,
    SearchError,
    SearchPage,
    SnippetMark,
    Term,
    parse_query,
    search_reports,
    split_marks,
)
from tests.backend import cli_env
from tests.backend import database_url as home_database_url
from tests.migrations import undo
from tests.store.factory import make_incident, make_report

MARKET = "Warplanes struck the crowded vegetable market in Ariha at noon, killing eleven shoppers."
SHELLING = "Artillery shelling hit homes near the market in Saraqib overnight; two families were hurt."
HOSPITAL = "A drone strike damaged the only hospital in Maarat al-Numan, medics said on Friday."


def _add(store: Store, body: str, title: str | None = None, published: dt.date | None = None) -> str:
    report = make_report(body, title=title, published=published)
    assert store.add_extraction(Extraction(report=report))
    return report.sha256


def _shas(page: SearchPage) -> list[str]:
    return [hit.sha256 for hit in page.items]


def _marked(snippet: str, marks: list[SnippetMark]) -> list[str]:
    return [snippet[m.start : m.end] for m in marks]


# -- reading what the user typed -----------------------------------------------------------------


def test_words_phrases_and_exclusions_are_parsed() -> None:
    parsed = parse_query('ariha "air strike" -shelling -"Saraqib market"')
    assert parsed.terms == (
        Term(("ariha",)),
        Term(("air", "strike")),
        Term(("shelling",), exclude=True),
        Term(("Saraqib", "market"), exclude=True),
    )
    assert parsed.fts5() == '("ariha" AND "air strike") NOT "shelling" NOT "Saraqib market"'
    assert parsed.websearch() == '"ariha" "air strike" -"shelling" -"Saraqib market"'


@pytest.mark.parametrize(
    ("typed", "terms"),
    [
        ('"unbalanced quote', (Term(("unbalanced", "quote")),)),
        ("OR AND NOT NEAR", tuple(Term((w,)) for w in ("OR", "AND", "NOT", "NEAR"))),
        ("al-Shifa's", (Term(("al", "Shifa", "s")),)),
        ("market* ^title:x (a)", (Term(("market",)), Term(("title", "x")), Term(("a",)))),
        ("a\x00b - -- c", (Term(("a", "b")), Term(("c",)))),
        ("--c Hmeimim", (Term(("c",), exclude=True), Term(("Hmeimim",)))),
    ],
)
def test_operators_and_punctuation_are_read_as_words(typed: str, terms: tuple[Term, ...]) -> None:
    assert parse_query(typed).terms == terms


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("", "type a word"),
        ('"" - * ( ) :', "type a word"),
        ("-shelling", "not only what to leave out"),
        ("x" * (MAX_QUERY_CHARS + 1), f"at most {MAX_QUERY_CHARS}"),
        (" ".join(["w"] * (MAX_QUERY_WORDS + 1)), f"more than {MAX_QUERY_WORDS} words"),
    ],
)
def test_unsearchable_queries_say_why(typed: str, message: str) -> None:
    with pytest.raises(SearchError, match=message):
        parse_query(typed)


def test_marks_split_off_and_stray_marks_are_dropped() -> None:
    raw = f"…killed {MARK_START}eleven{MARK_END} {MARK_END}shoppers{MARK_START}"
    snippet, marks = split_marks(raw)
    assert snippet == "…killed eleven shoppers"
    assert _marked(snippet, marks) == ["eleven"]


# -- searching a database -----------------------------------------------------------------------


def test_finds_ranks_and_marks_matching_reports(store: Store, database: Database) -> None:
    market = _add(store, MARKET, title="Market strike in Ariha")
    shelling = _add(store, SHELLING, title="Night shelling")
    _add(store, HOSPITAL, title="Hospital hit")
    page = search_reports(database, "market")
    # A match in the title ranks above a match in the text alone.
    assert _shas(page) == [market, shelling]
    assert page.total == 2 and page.next_offset is None
    hit = page.items[0]
    assert (hit.title, hit.publisher) == ("Market strike in Ariha", "Example News")
    assert "market" in [w.lower() for w in _marked(hit.snippet, hit.marks)]
    assert MARK_START not in hit.snippet and MARK_END not in hit.snippet


def test_stemming_phrases_and_exclusions(store: Store, database: Database) -> None:
    market = _add(store, MARKET)
    shelling = _add(store, SHELLING)
    hospital = _add(store, HOSPITAL)
    assert _shas(search_reports(database, "strikes")) == [hospital]  # "strike" stemmed; "struck" is not
    assert _shas(search_reports(database, '"drone strike"')) == [hospital]
    assert _shas(search_reports(database, '"strike drone"')) == []
    assert _shas(search_reports(database, "market -Saraqib")) == [market]
    assert _shas(search_reports(database, 'market -"vegetable market"')) == [shelling]
    assert _shas(search_reports(database, "Maarat Numan")) == [hospital]


def test_pages_with_limit_and_offset(store: Store, database: Database) -> None:
    shas = {_add(store, f"Report number {i} about the Ariha market strike.") for i in range(5)}
    first = search_reports(database, "Ariha", limit=2)
    second = search_reports(database, "Ariha", limit=2, offset=2)
    last = search_reports(database, "Ariha", limit=2, offset=4)
    assert (first.total, first.next_offset, second.next_offset, last.next_offset) == (5, 2, 4, None)
    assert set(_shas(first) + _shas(second) + _shas(last)) == shas
    assert search_reports(database, "Ariha", limit=2, offset=10).items == []
    with pytest.raises(SearchError, match="limit"):
        search_reports(database, "Ariha", limit=0)


def test_public_search_sees_only_reports_of_published_incidents(store: Store, database: Database) -> None:
    published = _add(store, MARKET)
    draft = _add(store, SHELLING)
    both = _add(store, "The market strike in Ariha and the Saraqib shelling, as one market report.")
    _add(store, "An unlinked market report.")
    store.replace_incidents(
        [
            make_incident("ariha", (), report_ids=(published, both), figures=(), status=Status.PUBLISHED),
            make_incident("saraqib", (), report_ids=(draft, both), figures=(), status=Status.DRAFT),
        ]
    )
    everything = search_reports(database, "market")
    assert everything.total == 4
    public = search_reports(database, "market", public=True)
    assert set(_shas(public)) == {published, both} and public.total == 2
    by_sha = {hit.sha256: hit for hit in public.items}
    assert [i.id for i in by_sha[both].incidents] == ["ariha"]
    assert {i.id for i in next(h for h in everything.items if h.sha256 == both).incidents} == {"ariha", "saraqib"}


def test_a_report_stored_after_the_index_was_built_is_found(store: Store, database: Database) -> None:
    assert search_reports(database, "Hmeimim").total == 0
    sha = _add(store, "Jets took off from Hmeimim air base before dawn.")
    assert _shas(search_reports(database, "Hmeimim")) == [sha]


def test_reports_stored_by_demo_and_import_are_found_at_once(tmp_path: Path) -> None:
    demo_home, import_home, exported = tmp_path / "demo", tmp_path / "imported", tmp_path / "incidents.json"
    commands = [
        (demo_home, ["demo", "--no-serve"]),  # civharm demo stores through civharm run
        (demo_home, ["export", "--format", "json", "--status", "all", "--out", str(exported)]),
        (import_home, ["import", str(exported)]),
    ]
    for home, args in commands:
        result = CliRunner().invoke(main, ["--home", str(home), *args], env=cli_env(home))
        assert result.exit_code == 0, result.output
    for home in (demo_home, import_home):
        with open_database(home_database_url(home)) as database:
            page = search_reports(database, "Ariha market")
            assert page.total >= 2 and all(hit.incidents for hit in page.items)


def test_deleted_reports_leave_the_index(store: Store, database: Database) -> None:
    sha = _add(store, MARKET)
    with database.write_engine.begin() as connection:
        connection.execute(text("DELETE FROM reports WHERE sha256 = :sha"), {"sha": sha})
    assert search_reports(database, "vegetable").total == 0


def test_reports_stored_before_the_migration_are_indexed_by_it(database_url: str) -> None:
    with open_database(database_url) as database:
        undo(database, "0006_search")
        sha = _add(Store(database), HOSPITAL)
    with open_database(database_url) as database:  # migrates to every head again
        assert _shas(search_reports(database, "hospital")) == [sha]


def test_marks_in_the_text_never_become_marks_in_snippets(store: Store, database: Database) -> None:
    _add(store, f"Before {MARK_START}the{MARK_END} strike, the Ariha market {MARK_END}was busy{MARK_START}.")
    hit = search_reports(database, "busy").items[0]
    assert _marked(hit.snippet, hit.marks) == ["busy"]


def test_only_the_start_of_a_very_long_report_is_indexed(store: Store, database: Database) -> None:
    # Hundreds of thousands of distinct words: the whole text would exceed PostgreSQL's 1 MB tsvector.
    filler = " ".join(hashlib.sha256(str(i).encode()).hexdigest()[:10] for i in range(150_000))
    assert len(filler) > INDEXED_TEXT_CHARS
    sha = _add(store, "Opening words about Kafranbel. " + filler + " closing words about Jisr al-Shughur.")
    assert _shas(search_reports(database, "Kafranbel")) == [sha]
    assert search_reports(database, "Shughur").total == 0


@given(query=st.text(max_size=80) | st.text(alphabet='"-*()^:+ .\x00aANDORNOTbc', max_size=40))
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_any_query_is_searched_or_refused_with_a_message(store: Store, database: Database, query: str) -> None:
    if not store.has_report(hashlib.sha256(MARKET.encode()).hexdigest()):
        _add(store, MARKET, title="Market strike in Ariha")
    try:
        page = search_reports(database, query, public=True)
    except SearchError as exc:
        assert str(exc) and "\n" not in str(exc)
    else:
        assert page.total >= len(page.items)
