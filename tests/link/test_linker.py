"""Linking attack mentions into incidents: what merges, what must stay apart, incremental runs."""

from __future__ import annotations

import datetime as dt

import pytest

from civharm.link import compat, linker
from civharm.link.linker import link
from civharm.records import AttackType, DatePrecision, Extraction, Grade, Group, Outcome, Stance, Tally, stable_id

from .builders import (
    ARIHA,
    ARIHA_OUTSKIRTS,
    DAY1,
    EL_FASHER,
    HOMS,
    IDLIB_PROVINCE,
    KHARKIV,
    SARAQIB,
    SYRIA,
    attack,
    days,
    extraction,
    filler,
    incident_of,
    killed,
    position,
    report,
)


def test_same_strike_from_two_outlets_is_one_incident_with_two_sources() -> None:
    a = report("a", publisher="Al Jazeera")
    b = report("b", publisher="Reuters", published=days(1))
    incidents = link(
        [
            extraction(a, attack(DAY1, ARIHA, casualties=(killed(7, 7),))),
            extraction(b, attack(days(1), ARIHA_OUTSKIRTS, casualties=(killed(60, 60),))),
        ]
    )
    assert len(incidents) == 1
    inc = incidents[0]
    assert inc.report_ids == tuple(sorted((a.sha256, b.sha256)))
    assert inc.source_count == 2
    assert inc.grade is Grade.FAIR
    assert inc.grade_rule == "2 independent sources: Al Jazeera, Reuters"
    assert inc.civilians_killed is not None
    assert (inc.civilians_killed.min, inc.civilians_killed.max) == (7, 60)
    assert inc.mentions == tuple(sorted(((a.sha256, 0), (b.sha256, 0))))


def test_two_strikes_same_day_100_km_apart_are_two_incidents() -> None:
    incidents = link([extraction(report("a"), attack(DAY1, ARIHA)), extraction(report("b"), attack(DAY1, HOMS))])
    assert len(incidents) == 2


def test_nearby_towns_within_radius_link_but_far_ones_do_not() -> None:
    # Saraqib is ~18 km from Ariha: within PLACE_RADIUS_KM; Kharkiv is another country
    near = link([extraction(report("a"), attack(DAY1, ARIHA)), extraction(report("b"), attack(DAY1, SARAQIB))])
    far = link([extraction(report("a"), attack(DAY1, ARIHA)), extraction(report("b"), attack(DAY1, KHARKIV))])
    assert len(near) == 1
    assert len(far) == 2


def test_same_place_ten_days_apart_are_two_incidents() -> None:
    incidents = link([extraction(report("a"), attack(DAY1, ARIHA)), extraction(report("b"), attack(days(10), ARIHA))])
    assert len(incidents) == 2


def test_a_middle_report_cannot_chain_two_attacks() -> None:
    a, b, c = report("a"), report("b", published=days(2)), report("c", published=days(4))
    incidents = link(
        [
            extraction(a, attack(DAY1, ARIHA)),
            extraction(b, attack(days(2), ARIHA)),  # compatible with both a (2 days) and c (2 days)
            extraction(c, attack(days(4), ARIHA)),
        ]
    )
    assert len(incidents) == 2
    assert incident_of(incidents, a.sha256) is not incident_of(incidents, c.sha256)


def test_an_undated_report_cannot_chain_two_attacks() -> None:
    a, b, c = report("a"), report("b", published=days(2)), report("c", published=days(4))
    incidents = link(
        [
            extraction(a, attack(DAY1, ARIHA)),
            extraction(b, attack(None, ARIHA)),  # no date; published between the two
            extraction(c, attack(days(4), ARIHA)),
        ]
    )
    assert len(incidents) == 2
    assert incident_of(incidents, a.sha256) is not incident_of(incidents, c.sha256)
    assert b.sha256 in incident_of(incidents, a.sha256).report_ids  # nearest first cluster


def test_undated_mention_needs_publication_in_window_and_the_same_place() -> None:
    dated = extraction(report("a"), attack(DAY1, ARIHA))
    in_window = extraction(report("b", published=days(2)), attack(None, ARIHA))
    late = extraction(report("c", published=days(9)), attack(None, ARIHA))
    nearby = extraction(report("d", published=days(1)), attack(None, SARAQIB))
    incidents = link([dated, in_window, late, nearby])
    main = incident_of(incidents, dated.report.sha256)
    assert in_window.report.sha256 in main.report_ids
    assert late.report.sha256 not in main.report_ids
    assert nearby.report.sha256 not in main.report_ids  # near is not "exactly" the same place
    assert len(incidents) == 3


def test_province_level_mention_joins_only_on_the_exact_day() -> None:
    precise = extraction(report("a"), attack(DAY1, ARIHA))
    same_day = extraction(report("b"), attack(DAY1, IDLIB_PROVINCE))
    next_day = extraction(report("c"), attack(days(1), IDLIB_PROVINCE))
    incidents = link([precise, same_day, next_day])
    main = incident_of(incidents, precise.report.sha256)
    assert same_day.report.sha256 in main.report_ids
    assert next_day.report.sha256 not in main.report_ids
    assert main.place == ARIHA  # the most precise place wins


def test_country_level_mention_joins_on_the_exact_day_in_that_country_only() -> None:
    precise = extraction(report("a"), attack(DAY1, ARIHA))
    syria = extraction(report("b"), attack(DAY1, SYRIA))
    elsewhere = extraction(report("c"), attack(DAY1, EL_FASHER))
    incidents = link([precise, syria, elsewhere])
    assert len(incidents) == 2
    assert syria.report.sha256 in incident_of(incidents, precise.report.sha256).report_ids


def test_two_attacks_in_one_report_stay_two() -> None:
    text = "An air strike hit the market in Ariha. Later a second strike hit the hospital in Ariha."
    rep = report("a", text=text)
    first = attack(DAY1, ARIHA, start=0, end=38)
    second = attack(DAY1, ARIHA, start=39, end=len(text))
    incidents = link([extraction(rep, first, second)])
    assert len(incidents) == 2
    assert sorted(i.mentions for i in incidents) == [((rep.sha256, 0),), ((rep.sha256, 1),)]


def test_two_mentions_in_one_sentence_are_one_attack() -> None:
    text = "An air strike hit the market in Ariha on Sunday, killing 12 people, rescuers said. Other news."
    rep = report("a", text=text)
    where = attack(DAY1, ARIHA, start=0, end=37)
    toll = attack(None, None, kind=AttackType.OTHER, start=40, end=66, casualties=(killed(12, 12),))
    incidents = link([extraction(rep, where, toll)])
    assert len(incidents) == 1
    assert incidents[0].mentions == ((rep.sha256, 0), (rep.sha256, 1))
    assert incidents[0].attack_type is AttackType.AIR_STRIKE


@pytest.mark.parametrize(
    ("first", "second", "merged"),
    [
        (AttackType.AIR_STRIKE, AttackType.DRONE_STRIKE, True),
        (AttackType.MISSILE, AttackType.BOMBING, True),
        (AttackType.AIR_STRIKE, AttackType.SHELLING, False),
        (AttackType.SHELLING, AttackType.OTHER, True),
        (AttackType.GROUND_ATTACK, AttackType.AIR_STRIKE, False),
    ],
)
def test_attack_type_compatibility(first: AttackType, second: AttackType, merged: bool) -> None:
    incidents = link(
        [
            extraction(report("a"), attack(DAY1, ARIHA, kind=first)),
            extraction(report("b"), attack(DAY1, ARIHA, kind=second)),
        ]
    )
    assert len(incidents) == (1 if merged else 2)


def test_mentions_without_date_or_place_and_tallies_and_positions_make_no_incidents() -> None:
    rep = report("a")
    nowhere = attack(None, None)
    tally = Tally(
        start=0,
        end=5,
        source="Monitor",
        group=Group.CIVILIANS,
        outcome=Outcome.KILLED,
        min=200,
        max=None,
        words="at least 200",
    )
    only_claims = extraction(rep, nowhere).model_copy(
        update={"tallies": (tally,), "positions": (position(Stance.DENIES),)}
    )
    assert link([only_claims]) == []


def test_incident_fields_combine_the_mentions() -> None:
    a = report("a", published=days(1))
    b = report("b", published=DAY1)
    c = report("c", published=days(2))
    incidents = link(
        [
            extraction(
                a,
                attack(
                    DAY1,
                    ARIHA_OUTSKIRTS,
                    kind=AttackType.DRONE_STRIKE,
                    perpetrator="Syrian government",
                    targets=("market",),
                ),
            ),
            extraction(
                b,
                attack(
                    days(-2),
                    ARIHA,
                    precision=DatePrecision.WEEK,
                    kind=AttackType.AIR_STRIKE,
                    perpetrator="Russian warplanes",
                    targets=("hospital",),
                ),
            ),
            extraction(
                c,
                attack(
                    DAY1,
                    ARIHA_OUTSKIRTS,
                    kind=AttackType.AIR_STRIKE,
                    perpetrator="Russia",
                    targets=("market",),
                ),
            ),
        ]
    )
    assert len(incidents) == 1
    inc = incidents[0]
    assert (inc.date, inc.date_precision) == (DAY1, DatePrecision.DAY)  # day beats week
    assert inc.place == ARIHA  # exact beats near, even when fewer reports give it
    assert inc.attack_type is AttackType.AIR_STRIKE  # two air strikes, one drone strike
    assert inc.perpetrators == ("Russia", "Syrian government")  # "Russian warplanes" is Russia
    assert inc.targets == ("hospital", "market")
    assert inc.grade is Grade.CONTESTED
    # id: the earliest mention is b's (published first)
    assert inc.id == stable_id(b.sha256, 0)


def test_syndicated_copy_counts_as_one_source() -> None:
    story = filler("wire story", 150)
    wire = report("wire", text=story, publisher="Meridian Wire Agency")
    copy = report(
        "copy",
        text="Orontes Daily. " + story + " Republish this story.",
        publisher="Orontes Daily",
        origin="Meridian Wire Agency",
    )
    incidents = link(
        [
            extraction(wire, attack(DAY1, ARIHA, casualties=(killed(12, None),))),
            extraction(copy, attack(DAY1, ARIHA, casualties=(killed(12, None),))),
        ]
    )
    assert len(incidents) == 1
    inc = incidents[0]
    assert len(inc.report_ids) == 2
    assert inc.source_count == 1
    assert inc.grade is Grade.WEAK
    assert inc.grade_rule == "single source: Meridian Wire Agency"
    assert len(inc.figures) == 1  # the copy's identical figure is not a second source's


def test_incremental_linking_keeps_ids_and_grows_incidents() -> None:
    first = extraction(report("a", publisher="Al Jazeera"), attack(DAY1, ARIHA, casualties=(killed(7, 7),)))
    (before,) = link([first])
    assert before.grade is Grade.WEAK
    later = report("b", publisher="Reuters", published=days(3))
    second = extraction(later, attack(days(1), ARIHA, casualties=(killed(60, 60),)))
    other = extraction(report("c", published=days(3)), attack(days(1), KHARKIV))
    after = link([first, second, other], existing=[before])
    grown = incident_of(after, later.sha256)
    assert grown.id == before.id
    assert grown.report_ids == tuple(sorted((first.report.sha256, later.sha256)))
    assert grown.grade is Grade.FAIR
    assert len(after) == 2


def test_incremental_linking_without_the_old_reports_keeps_what_the_incident_knew() -> None:
    first = extraction(report("a", publisher="Al Jazeera"), attack(DAY1, ARIHA, casualties=(killed(7, 7),)))
    (before,) = link([first])
    second = extraction(
        report("b", publisher="Reuters", published=days(1)),
        attack(days(1), ARIHA, casualties=(killed(60, 60),)),
    )
    (after,) = link([second], existing=[before])
    assert after.id == before.id
    assert first.report.sha256 in after.report_ids
    assert after.source_count == 2
    assert after.civilians_killed is not None
    assert (after.civilians_killed.min, after.civilians_killed.max) == (7, 60)


def test_relinking_the_same_reports_changes_nothing() -> None:
    exts = [
        extraction(report("a"), attack(DAY1, ARIHA)),
        extraction(report("b", published=days(1)), attack(days(1), ARIHA)),
        extraction(report("c"), attack(DAY1, HOMS)),
    ]
    once = link(exts)
    assert link(exts, existing=once) == once
    assert link(list(reversed(exts))) == once  # input order does not matter


def test_denial_is_recorded_but_acknowledgement_confirms() -> None:
    strike = extraction(report("a"), attack(DAY1, ARIHA))
    denial = extraction(
        report("b", published=days(1)), positions=(position(Stance.DENIES, "Russia's Defence Ministry"),)
    )
    (inc,) = link([strike, denial])
    assert inc.grade is Grade.WEAK
    ack = extraction(report("c", published=days(1)), positions=(position(Stance.ACKNOWLEDGES, "Russian military"),))
    (inc,) = link([strike, ack])
    assert inc.grade is Grade.CONFIRMED
    stranger = extraction(report("d", published=days(1)), positions=(position(Stance.ACKNOWLEDGES, "Turkey"),))
    (inc,) = link([strike, stranger])
    assert inc.grade is Grade.WEAK


def test_blocking_avoids_comparing_all_pairs(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = 0
    real = compat.compatible

    def counting(a: compat.Candidate, b: compat.Candidate) -> bool:
        nonlocal calls
        calls += 1
        return real(a, b)

    monkeypatch.setattr(linker, "compatible", counting)
    exts = []
    for n in range(300):
        where = ARIHA.model_copy(update={"geonameid": n, "lat": 30 + (n % 20), "lon": 30 + (n // 20)})
        exts.append(extraction(report(f"r{n}"), attack(DAY1 + dt.timedelta(days=7 * (n % 5)), where)))
    incidents = link(exts)
    assert len(incidents) == 300
    assert calls < 300 * 299 / 2 / 20


def test_two_incidents_never_share_an_id() -> None:
    text = "Strike one hit Ariha. Strike two hit Homs."
    rep = report("a", text=text)
    incidents = link([extraction(rep, attack(DAY1, ARIHA, start=0), attack(DAY1, HOMS, start=0))])
    assert len({i.id for i in incidents}) == 2


# --- evidence besides date and place (civharm.link.evidence) ---------------------------------------------


def _story(name: str, headline: str, body: str, published: dt.date = DAY1) -> Extraction:
    return extraction(report(name, text=f"{headline}\n{body} {filler(name)}", title=headline, published=published))


def test_a_follow_up_a_week_later_naming_the_victim_joins_but_an_anonymous_one_does_not() -> None:
    first = _story("a", "Man shot dead in Ariha", "Keshawn Slaughter, 26, was shot dead in Ariha on Sunday.")
    named = _story("b", "Arrest made", "Police charged a man in the killing of Keshawn Slaughter.", days(6))
    anonymous = _story("c", "Arrest made", "Police charged a man in a killing.", days(6))
    shot = (killed(1, 1, group=Group.UNKNOWN),)
    mentions = {
        "a": attack(DAY1, ARIHA, kind=AttackType.SHOOTING, casualties=shot),
        "b": attack(days(5), ARIHA, kind=AttackType.SHOOTING, casualties=shot),
    }
    together = link(
        [
            extraction(first.report, mentions["a"]),
            extraction(named.report, mentions["b"]),
        ]
    )
    assert len(together) == 1
    apart = link([extraction(first.report, mentions["a"]), extraction(anonymous.report, mentions["b"])])
    assert len(apart) == 2


def test_different_people_named_and_figures_far_apart_keep_one_towns_shootings_apart() -> None:
    a = _story("a", "Teen killed", "Keshawn Slaughter, 16, was shot dead.")
    b = _story("b", "Five shot dead at party", "Maria Alana, 30, and four others were killed.")
    incidents = link(
        [
            extraction(a.report, attack(DAY1, ARIHA, kind=AttackType.SHOOTING, casualties=(killed(1, 1),))),
            extraction(b.report, attack(DAY1, ARIHA, kind=AttackType.SHOOTING, casualties=(killed(5, 5),))),
        ]
    )
    assert len(incidents) == 2


def test_sources_far_apart_on_the_toll_alone_are_still_one_incident() -> None:
    # Airwars shows "7-60": a disagreement on the figure is not by itself another attack
    a = extraction(report("a"), attack(DAY1, ARIHA, casualties=(killed(7, 7),)))
    b = extraction(report("b"), attack(DAY1, ARIHA, casualties=(killed(60, 60),)))
    assert len(link([a, b])) == 1


def test_a_headline_and_the_lead_it_announces_are_one_attack() -> None:
    text = "5 dead in Ariha market strike\nAn air strike hit the market on Friday. Other news."
    rep = report("a", text=text)
    headline = attack(None, ARIHA, start=0, end=29, casualties=(killed(5, 5),))
    lead = attack(DAY1, ARIHA, start=30, end=68)
    (incident,) = link([extraction(rep, headline, lead)])
    assert incident.mentions == ((rep.sha256, 0), (rep.sha256, 1))
