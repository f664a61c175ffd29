"""The bundled example reports: present, short, fictional, and linking as their README says."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from civharm.errors import CivharmError
from civharm.examples import EXAMPLES_DIR, load_manifest
from civharm.link.linker import link
from civharm.records import (
    AttackMention,
    AttackType,
    Casualty,
    Extraction,
    Figure,
    Grade,
    Group,
    Outcome,
    Place,
    Position,
    Report,
    Stance,
    Tally,
)

from .builders import ARIHA, CAPTURED, EL_FASHER, KHARKIV, sha
from .example_texts import example_text

NYALA = Place(name="Nyala", geonameid=369004, lat=12.05, lon=24.88, country="SD", admin1="49")


def test_manifest_lists_eight_to_ten_existing_reports() -> None:
    entries = load_manifest()
    assert 8 <= len(entries) <= 10
    suffixes = {e.path.suffix for e in entries}
    assert suffixes == {".txt", ".html"}
    for e in entries:
        assert e.path.is_file()
        assert urlsplit(e.url).hostname is not None
        assert urlsplit(e.url).hostname.endswith("example.org")  # type: ignore[union-attr]
        words = len(example_text(e.path.name).split())
        assert 100 <= words <= 300, (e.path.name, words)
    listed = {e.path.name for e in entries}
    on_disk = {p.name for p in EXAMPLES_DIR.iterdir() if p.suffix in {".txt", ".html"}}
    assert listed == on_disk


def test_readme_says_the_reports_are_fictional() -> None:
    readme = (EXAMPLES_DIR / "README.md").read_text(encoding="utf-8")
    assert "fiction" in readme.lower()


def test_examples_use_the_phrasings_the_demo_needs() -> None:
    everything = " ".join(example_text(e.path.name) for e in load_manifest())
    for phrase in (
        "at least 12 civilians, including four children",
        "around a dozen",
        "Dozens were wounded",
        "A woman and her three children",
        "had risen to 19",
        "(Meridian Wire Agency)",
    ):
        assert phrase in everything


def test_republished_copy_is_word_for_word() -> None:
    wire = example_text("01-meridian-ariha-market.txt")
    copy = example_text("02-orontes-ariha-market.html")
    assert wire.split("\n\n", 1)[1] in copy


def test_bad_manifest_is_one_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "manifest.jsonl"
    bad.write_text(json.dumps({"path": "x.txt", "published": "soon"}) + "\n", encoding="utf-8")
    with pytest.raises(CivharmError, match="line 1"):
        load_manifest(bad)
    missing = tmp_path / "missing.jsonl"
    line = {"path": "nope.txt", "published": "2024-01-01", "url": "u", "title": "t"}
    missing.write_text(json.dumps(line) + "\n", encoding="utf-8")
    with pytest.raises(CivharmError, match="no such file"):
        load_manifest(missing)


# --- the examples through link, with claims written by hand where extraction would find them -----------


def _report(name: str) -> Report:
    entry = next(e for e in load_manifest() if e.path.name == name)
    return Report(
        sha256=sha(name),
        url=entry.url,
        title=entry.title,
        published=entry.published,
        origin=entry.origin,
        text=example_text(name),
        captured_at=CAPTURED,
        captured_by="tests",
    )


def _at(text: str, words: str) -> tuple[int, int]:
    start = text.index(words)
    return start, start + len(words)


def _casualty(text: str, words: str, low: int, high: int | None, **kw: object) -> Casualty:
    start, end = _at(text, words)
    fields: dict[str, object] = {"group": Group.CIVILIANS, "outcome": Outcome.KILLED, **kw}
    return Casualty(start=start, end=end, min=low, max=high, words=words, **fields)  # type: ignore[arg-type]


def _attack(text: str, words: str, date: dt.date, place: Place, kind: AttackType, **kw: object) -> AttackMention:
    start, end = _at(text, words)
    return AttackMention(start=start, end=end, attack_type=kind, date=date, place=place, **kw)  # type: ignore[arg-type]


def _example_extractions() -> list[Extraction]:
    sunday = dt.date(2024, 3, 10)
    out: list[Extraction] = []
    for name in ("01-meridian-ariha-market.txt", "02-orontes-ariha-market.html"):
        r = _report(name)
        t = r.text
        figures = (
            _casualty(t, "at least 12 civilians", 12, None),
            _casualty(t, "four children", 4, 4, group=Group.CHILDREN),
            _casualty(t, "Dozens were wounded", 24, None, group=Group.UNKNOWN, outcome=Outcome.INJURED),
        )
        strike = _attack(
            t,
            "An air strike hit the crowded vegetable market in Ariha",
            sunday,
            ARIHA,
            AttackType.AIR_STRIKE,
            perpetrator="Russian jets",
            casualties=figures,
            targets=("market",),
        )
        out.append(Extraction(report=r, incidents=(strike,)))
    r = _report("03-idlib-observer-ariha-toll.html")
    t = r.text
    toll = (
        _casualty(t, "counted 15 dead", 15, 15, group=Group.UNKNOWN),
        _casualty(t, "had risen to 19", 19, 19, group=Group.UNKNOWN),
    )
    out.append(
        Extraction(
            report=r,
            incidents=(
                _attack(
                    t,
                    "Sunday's air strike on the main market in Ariha",
                    sunday,
                    ARIHA,
                    AttackType.AIR_STRIKE,
                    perpetrator="Russian warplanes",
                    casualties=toll,
                ),
            ),
        )
    )
    r = _report("04-northern-courier-russia-denies.txt")
    t = r.text
    start, end = _at(t, "denied that Russian aircraft had bombed a market")
    denial = Position(start=start, end=end, party="Russia's Defence Ministry", stance=Stance.DENIES, words=t[start:end])
    out.append(Extraction(report=r, positions=(denial,)))
    r = _report("05-kharkiv-sentinel-apartment-strike.txt")
    t = r.text
    out.append(
        Extraction(
            report=r,
            incidents=(
                _attack(
                    t,
                    "A Russian missile struck a nine-storey apartment building in Kharkiv",
                    dt.date(2024, 4, 18),
                    KHARKIV,
                    AttackType.MISSILE,
                    perpetrator="Russia",
                    casualties=(_casualty(t, "around a dozen people", 11, 13, group=Group.UNKNOWN),),
                ),
            ),
        )
    )
    r = _report("06-blacksea-ledger-kharkiv-toll.html")
    t = r.text
    out.append(
        Extraction(
            report=r,
            incidents=(
                _attack(
                    t,
                    "a missile hit an apartment block in Kharkiv on Thursday",
                    dt.date(2024, 4, 18),
                    KHARKIV,
                    AttackType.MISSILE,
                    perpetrator="Russia",
                    casualties=(_casualty(t, "Fourteen people", 14, 14, group=Group.UNKNOWN),),
                ),
            ),
        )
    )
    r = _report("07-sahel-dispatch-el-fasher-nyala.html")
    t = r.text
    start, end = _at(t, "the shells had been fired by the Sudanese army")
    counter = Position(
        start=start,
        end=end,
        party="RSF",
        speaker="An RSF spokesman",
        stance=Stance.ACCUSES,
        words=t[start:end],
    )
    out.append(
        Extraction(
            report=r,
            positions=(counter,),
            incidents=(
                _attack(
                    t,
                    "shells landed on the livestock market in El Fasher",
                    dt.date(2024, 5, 5),
                    EL_FASHER,
                    AttackType.SHELLING,
                    perpetrator="Rapid Support Forces",
                    casualties=(_casualty(t, "At least nine civilians", 9, None),),
                ),
                _attack(
                    t,
                    "a drone strike hit a residential neighbourhood of Nyala",
                    dt.date(2024, 5, 4),
                    NYALA,
                    AttackType.DRONE_STRIKE,
                    perpetrator="Sudanese army",
                    casualties=(_casualty(t, "five people", 5, 5, group=Group.UNKNOWN),),
                ),
            ),
        )
    )
    r = _report("09-civilian-monitor-idlib-tally.txt")
    t = r.text
    start, end = _at(t, "At least 200 civilians")
    tally = Tally(
        start=start,
        end=end,
        source="Idlib Civilian Monitor",
        group=Group.CIVILIANS,
        outcome=Outcome.KILLED,
        min=200,
        max=None,
        words=t[start:end],
    )
    out.append(
        Extraction(
            report=r,
            tallies=(tally,),
            incidents=(
                _attack(
                    t,
                    "the March 10 strike on the market in Ariha",
                    sunday,
                    ARIHA,
                    AttackType.AIR_STRIKE,
                    casualties=(_casualty(t, "killed 19 people", 19, 19, group=Group.UNKNOWN),),
                ),
            ),
        )
    )
    return out


def test_examples_link_into_the_incidents_the_readme_describes() -> None:
    incidents = link(_example_extractions())
    by_place = {(i.place.name if i.place else None, i.date): i for i in incidents}
    assert len(incidents) == 4  # Ariha, Kharkiv, El Fasher, Nyala; the tally and the denial add none

    ariha = by_place[("Ariha", dt.date(2024, 3, 10))]
    assert len(ariha.report_ids) == 4  # wire story, its copy, the Observer, the monitor
    assert ariha.source_count == 3  # the copy is not a source of its own
    assert ariha.civilians_killed == Figure(min=12, max=None)  # 12 (open), 19, 19: an open maximum stays open
    assert ariha.children_killed == Figure(min=4, max=4)
    assert ariha.grade is Grade.FAIR  # the denial is a position, not a change of grade
    assert ariha.perpetrators == ("Russian jets",)
    observer = [f for f in ariha.figures if f.source == "idlib-observer.example.org"]
    assert [(f.min, f.words) for f in observer] == [(19, "had risen to 19")]

    kharkiv = by_place[("Kharkiv", dt.date(2024, 4, 18))]
    assert kharkiv.civilians_killed == Figure(min=11, max=14)
    assert kharkiv.grade is Grade.FAIR

    fasher = by_place[("El Fasher", dt.date(2024, 5, 5))]
    assert fasher.grade is Grade.CONTESTED  # the RSF, blamed, blames the army
    nyala = by_place[("Nyala", dt.date(2024, 5, 4))]
    assert nyala.grade is Grade.WEAK
    assert fasher.report_ids == nyala.report_ids  # one article, two attacks
