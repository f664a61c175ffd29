"""The one incident a report is mainly about, with its headline figures, place and date.

A local news story usually reports one attack; it may mention others in passing ("the third
shooting in the area this month"), or run a round-up of other stories below it. Benchmarks and
summaries need the story's own incident: the first attack mention with victims (local news tells its
own event first; on gva-dev this beat the mention with the most victims, killed exact 0.7544 →
0.7596), its killed and injured as the largest figure of each (repeated figures are the same people
told twice, and a subgroup inside a total is never added to it; the wounded it then tells died are the
dead; one person told only as shot, in a story whose title tells a death, is the dead, and so is one at
least under such a title when the page gives no figure at all), its place (else the first town the report
names) and its date (the day the words tie to the attack itself, not to a statement, an arrest or a later
death; else the publication date: local news runs the day of or after the event).
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from civharm.extract import geoparse
from civharm.extract.date_role import date_role
from civharm.extract.dates import counted_from_publication, find_dates
from civharm.records import (
    AttackMention,
    Casualty,
    DatePrecision,
    Extraction,
    Group,
    Outcome,
    Place,
    PlaceMention,
    PlacePrecision,
    Report,
)

if TYPE_CHECKING:
    from civharm.extract.gazetteer import Gazetteer

# Groups whose harm is not the victims' toll: fighters and attackers or suspects.
NOT_VICTIMS = frozenset({Group.FIGHTERS})
# "five people dead, including the gunman": the attacker is part of the total before him.
INCLUDING_BETWEEN = re.compile(r"\b(?:including|among them|among the dead|among those killed)\b", re.IGNORECASE)
TOTAL_GAP_CHARS = 60
# A local agency named this early (the lead and the next few paragraphs) is the scene's; one far below is a
# victim's hometown's ("a volunteer with the Virginia Beach Fire Department") or another story's.
AGENCY_LEAD_CHARS = 2000
# "2 adults, 1 child dead in Murray murder-suicide", "Three found dead in apparent murder-suicide": the dead of a
# murder-suicide told as one total include the one who killed himself ("Man kills 2 in murder-suicide" does not).
MURDER_SUICIDE_DEAD = re.compile(
    r"\s*(?:(?:were|are|have\s+been|found)\s+)*(?:dead|die|died|killed)\b[^.;:!?\n]{0,40}?\bmurder[- ]suicide",
    re.IGNORECASE,
)
TOWNS = frozenset({"city"})
AREAS = frozenset({"admin2", "admin1"})
# A title's words for a death, when the story below only tells that one person was shot.
TITLE_DEATH = re.compile(
    r"\b(?:killed|kills|killing|dead|dies|died|death|deadly|fatal|fatally|homicide|murder(?:ed)?|slain|slaying)\b",
    re.IGNORECASE,
)
ATTEMPT = re.compile(r"\battempted\s+(?:murder|homicide)\b", re.IGNORECASE)
# A death told after the wounding: "later died", "has now died", "died at the hospital", "succumbed".
_DEATH_AFTER_WOUNDS = (
    r"(?:later died|(?:has|have) (?:now |since )?died|died (?:later|shortly|hours|days|a short time)"
    r"|died (?:at|in) (?:a |the )?(?:\w+ ){0,3}hospital|died (?:from|of) (?:his|her|their|the) (?:injuries|wounds)"
    r"|succumbed|was (?:later )?pronounced dead|was already (?:dead|deceased))"
)
# Not past the shooter's own death ("shooting her mother before turning the gun on himself has died": he died).
DIED_LATER_SAME = re.compile(rf"(?:(?!\b(?:himself|herself)\b)[^.;!?])*?\b{_DEATH_AFTER_WOUNDS}", re.IGNORECASE)
DIED_LATER_NEXT = re.compile(
    r"[^.;!?]*[.;!?]\s+(?:He|She|The (?:boy|girl|man|woman|child|teen|teenager|victim|baby|infant|toddler"
    r"|daughter|son|mother|father|wife|husband|girlfriend|boyfriend))\b"
    rf"[^.;!?]{{0,80}}?\b{_DEATH_AFTER_WOUNDS}",
    re.IGNORECASE,
)
ATTACKER_INCLUDED = re.compile(
    r"[^.;:\n]{0,25}?,\s*(?:including|among them)\s+(?:the\s+|a\s+)?(?:alleged\s+|suspected\s+)?"
    r"(?:gunman|shooter|suspect|attacker|assailant)\b",
    re.IGNORECASE,
)
ALSO_HIT = re.compile(r"[^.;:]{0,40}?\b(?:was|were)\s+also\s+(?:shot|struck|hit|wounded)\b", re.IGNORECASE)
AMONG_AFTER = re.compile(r"[^.;]{0,30}\bamong (?:those|the) (?:killed|dead|who died)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Headline:
    """The main incident of one report: victims killed and injured, place and date (None when unknown)."""

    killed: int
    injured: int
    place: Place | None
    date: dt.date | None
    mention: AttackMention | None
    # Suspects and attackers killed or hurt, counted apart: records such as the Gun Violence Archive's
    # count everyone shot, a casualty recorder only the victims.
    attackers_killed: int = 0
    attackers_injured: int = 0


def victims(mention: AttackMention, outcome: Outcome) -> int:
    """The largest lower bound among the mention's victim figures with this outcome."""
    return max((c.min for c in mention.casualties if _counts(c, outcome)), default=0)


def _surviving_wounded(mention: AttackMention, text: str) -> int:
    """``victims`` injured, but for the wounded the report then tells died ("found a boy suffering from a
    gunshot wound. He later died"): they are the dead."""
    return max(
        (c.min for c in mention.casualties if _counts(c, Outcome.INJURED) and not _died_later(c, text)), default=0
    )


def _also_hit(mention: AttackMention, text: str) -> int:
    """The largest figure of victims told as hit "also" ("were also shot"), but those then told dead."""
    return max(
        (
            c.min
            for c in mention.casualties
            if _counts(c, Outcome.KILLED_OR_INJURED) and ALSO_HIT.match(text, c.end) and not _died_later(c, text)
        ),
        default=0,
    )


def _died_later(casualty: Casualty, text: str) -> bool:
    """Whether the wounded of this figure are told to have died, in its own sentence ("the victim who
    suffered the gunshot wound ... has died") or by the next one's subject ("He later died")."""
    return any(p.match(text, casualty.end) is not None for p in (DIED_LATER_SAME, DIED_LATER_NEXT))


def _harmed(mention: AttackMention) -> int:
    killed = victims(mention, Outcome.KILLED)
    injured = victims(mention, Outcome.INJURED)
    return max(killed + injured, victims(mention, Outcome.KILLED_OR_INJURED))


def attackers(mention: AttackMention, outcome: Outcome, text: str) -> int:
    """The largest lower bound among the mention's figures of attackers or suspects with this outcome.

    An attacker counted inside a total ("five people dead, including the gunman"; "the shooter was
    among those killed") is already in it, however often he is told of again ("... he stepped outside
    and killed himself"): then none is added, so that no one is counted twice.
    """
    figures = [c for c in mention.casualties if c.outcome is outcome and c.group in NOT_VICTIMS]
    if any(_inside_total(c, mention, text) for c in figures):
        return 0
    return max((c.min for c in figures), default=0)


def _inside_total(casualty: Casualty, mention: AttackMention, text: str) -> bool:
    if AMONG_AFTER.match(text, casualty.end):
        return True
    if any(
        _counts(total, casualty.outcome) and ATTACKER_INCLUDED.match(text, total.end) for total in mention.casualties
    ):
        return True  # "Four dead, including gunman": whoever tells of his death again
    if casualty.outcome is Outcome.KILLED and any(
        _counts(total, Outcome.KILLED) and total.min >= 2 and MURDER_SUICIDE_DEAD.match(text, total.end)
        for total in mention.casualties
    ):
        return True
    # "5 dead after officer kills family" over "killed his wife, two children and his mother-in-law, before
    # killing himself": a bare total of the largest figure of others and him is them and him
    others = [c.min for c in mention.casualties if _counts(c, casualty.outcome)]
    if others and any(
        c.group is Group.UNKNOWN
        and c.min == max(others)
        and c.min - casualty.min in others
        and c.min - casualty.min >= 2
        for c in mention.casualties
        if _counts(c, casualty.outcome)
    ):
        return True
    return any(
        total.outcome is casualty.outcome
        and total.end <= casualty.start <= total.end + TOTAL_GAP_CHARS
        and INCLUDING_BETWEEN.search(text, total.end, casualty.start) is not None
        for total in mention.casualties
    )


def _counts(casualty: Casualty, outcome: Outcome) -> bool:
    return casualty.outcome is outcome and casualty.group not in NOT_VICTIMS


def main_mention(extraction: Extraction) -> AttackMention | None:
    """The first attack mention with victims, else the first one."""
    if not extraction.incidents:
        return None
    return next((m for m in extraction.incidents if _harmed(m) > 0), extraction.incidents[0])


def headline(extraction: Extraction, gazetteer: Gazetteer) -> Headline:
    """The report's main incident (see the module docstring for the fallbacks)."""
    mention = main_mention(extraction)
    killed = victims(mention, Outcome.KILLED) if mention else 0
    # "two people were shot, one fatally": those hit and not killed were injured.
    hit = victims(mention, Outcome.KILLED_OR_INJURED) if mention else 0
    hurt = _surviving_wounded(mention, extraction.report.text) if mention else 0
    if mention and killed:
        # "A woman and two other men were also shot": hit besides the dead, not among them
        hurt = max(hurt, _also_hit(mention, extraction.report.text))
    attackers_killed = attackers(mention, Outcome.KILLED, extraction.report.text) if mention else 0
    told_dead = killed == 0 and hurt == 0 and _title_tells_a_death(extraction.report)
    if told_dead and mention is not None and _title_tells_attacker_dead(mention, extraction.report):
        told_dead = False  # "Robbery suspect shot and killed by officer": the death the title tells is his
    if told_dead and (hit == 1 or (hit == 0 and attackers_killed == 0)):
        # "Rowlett HS student killed in parking lot" over "the suspect shot a student": he died; and a title
        # that tells a death over a page that gives no figure (a paywall, a court story): at least one died
        killed = 1
    injured = max(hurt, hit - killed)
    place = _scene(extraction, mention.place if mention else None, gazetteer)
    return Headline(
        killed,
        injured,
        place,
        incident_day(extraction.report) or extraction.report.published,
        mention,
        attackers_killed,
        attackers(mention, Outcome.INJURED, extraction.report.text) if mention else 0,
    )


def _title(report: Report) -> str:
    """The report's title, else its first line (a page title copied with the text)."""
    return report.title or report.text.split("\n", 1)[0]


def _title_tells_attacker_dead(mention: AttackMention, report: Report) -> bool:
    """Whether the title's own figures tell a suspect's or attacker's death."""
    title = _title(report)
    start = report.text.find(title)
    return start >= 0 and any(
        c.outcome is Outcome.KILLED and c.group in NOT_VICTIMS and start <= c.start < start + len(title)
        for c in mention.casualties
    )


def _title_tells_a_death(report: Report) -> bool:
    """Whether the report's title says someone died ("killed", "death of", "homicide"), though not of an
    attempt ("attempted murder")."""
    title = _title(report)
    return TITLE_DEATH.search(title) is not None and ATTEMPT.search(title) is None


def _scene(extraction: Extraction, place: Place | None, gazetteer: Gazetteer) -> Place | None:
    """The town of the incident: the mention's own, else the first town the report names in its area.

    The area is the state (or county) the mention names, else the state of the report's dateline or
    of the local agency it names ("INDIANAPOLIS (WISH) --", "Louisville police"), else the state most of
    the report's places lie in. A town elsewhere ("Gresham" resolved in Oregon in a story whose
    dateline is Chicago's, "Springfield" with "the Missouri State Highway Patrol") is a namesake, not
    the scene. With no town in the area, the area itself is the answer. Places in a page title's site
    name ("... - KSLA News 12 Shreveport, Louisiana") are the publisher's home: the answer only when
    the report names no other place.
    """
    text = extraction.report.text
    masthead = masthead_span(text)
    body = [p for p in extraction.places if masthead is None or not masthead[0] <= p.start < masthead[1]]
    if place is not None and not any(p.geonameid == place.geonameid for p in body):
        place = None
    everywhere = extraction.places
    return _scene_among(body, everywhere, text, place, gazetteer, wander=False) or _scene_among(
        everywhere, everywhere, text, None, gazetteer, wander=True
    )


def _scene_among(
    places: Sequence[PlaceMention],
    context: Sequence[PlaceMention],
    text: str,
    place: Place | None,
    gazetteer: Gazetteer,
    *,
    wander: bool,
) -> Place | None:
    """The scene among ``places``, in the country and state most of ``context`` lies in; with ``wander``,
    the first town anywhere when the mention names no state and that state has none."""
    # the town it files from or whose police it quotes sets the country: words taken for foreign villages
    # ("Gentilly" in New Orleans resolved in Quebec, "Buy Photo") can outnumber its own places
    anchor = _anchor_town(places, text, gazetteer)
    country = anchor.country if anchor is not None else _main_country(context)
    if place is not None and country and place.country != country:
        place = None  # a stray foreign namesake
    main = anchor.admin1 if anchor is not None else _main_state(context, gazetteer, country)
    if (
        place is not None
        and place.precision is PlacePrecision.NEAR
        and anchor is not None
        and anchor.admin1 == place.admin1
        and _population(place, gazetteer) > _population(anchor, gazetteer)
    ):
        # "DOUGLASVILLE, Ga. (AP) -- ... on a street outside Atlanta": the city is a landmark for the town
        # filed from; a big city's dateline over "a home near Edgerton" is the wire's office, not the scene
        return anchor
    if place is not None and place.feature == "city":
        if main is None or place.admin1 is None or place.admin1 == main:
            return place
        place = None
    if place is not None and place.feature == "admin1":
        place = _area(places, place, gazetteer)
    state = place.admin1 if place is not None and place.feature in ("admin1", "admin2") else None
    if state is not None and main is not None and state != main:
        place, state = None, None  # "Police ID 7 victims" in a report about Indianapolis
    if anchor is not None and (state is None or anchor.admin1 == state):
        return anchor
    town = _first_town(places, gazetteer, country, state or main)
    if town is None and state is None and (main is None or wander):
        town = _first_town(places, gazetteer, country, None)
    if town is None and place is None and main is not None:
        # "Wayne County Prosecutor Kym Worthy said": no town named, but the county or state is known
        return _first_town(places, gazetteer, country, main, AREAS)
    return town or place


# A page title's site name: the rest of the title after a separator, when it names a broadcaster (a call
# sign) or a site ("- WMC Action News 5 - Memphis, Tennessee", "| WBTV Charlotte", "- wave3.com-Louisville").
_SITE_MARK = re.compile(r"(?i:\.com)\b|\bNews\b|\bNEWS\b|\bTV\b|\b[KW][A-Z]{2,3}\b")


def masthead_span(text: str) -> tuple[int, int] | None:
    """Where the first line, a page title, carries its site's name (``_SITE_MARK``), if it does."""
    line_end = text.find("\n")
    line_end = len(text) if line_end < 0 else line_end
    for found in geoparse.TITLE_SEPARATOR.finditer(text, 0, line_end):
        if _SITE_MARK.search(text, found.end(), line_end):
            return found.start(), line_end
    return None


def _anchor_town(places: Sequence[PlaceMention], text: str, gazetteer: Gazetteer) -> Place | None:
    """The first town the report files from or whose police it quotes early: a dateline or a local agency."""
    anchors = {start for start, _ in geoparse.dateline_spans(text)}
    for found in places:
        if found.start in anchors or (found.start < AGENCY_LEAD_CHARS and geoparse.AGENCY_AFTER.match(text, found.end)):
            town = _town(found, gazetteer, None, None)
            if town is not None:
                return town
    return None


def _population(place: Place, gazetteer: Gazetteer) -> int:
    """The gazetteer's population for a resolved place (0 when it has none)."""
    return next((c.population for c in gazetteer.lookup(place.name) if c.geonameid == place.geonameid), 0)


def _area(places: Sequence[PlaceMention], place: Place, gazetteer: Gazetteer) -> Place:
    """A state as the gazetteer names it, whichever words named it ("Fla.", or "Fountain, Fla." with no
    Fountain there)."""
    if place.admin1:
        return place
    for found in places:
        if found.geonameid == place.geonameid:
            for candidate in gazetteer.lookup(found.name, abbreviations=True):
                if candidate.geonameid == place.geonameid:
                    return place.model_copy(update={"name": candidate.name, "admin1": candidate.admin1})
    return place


def _main_state(places: Sequence[PlaceMention], gazetteer: Gazetteer, country: str | None) -> str | None:
    """The first-level area most of the report's places in its main country lie in."""
    counts = Counter(
        entry.admin1
        for found in places
        if found.country == country and found.feature in ("city", "admin2", "admin1")
        for entry in [geoparse.entry(found, gazetteer)]
        if entry is not None and entry.admin1
    )
    return counts.most_common(1)[0][0] if counts else None


def _main_country(places: Sequence[PlaceMention]) -> str | None:
    """The country most of the report's places lie in: a stray foreign namesake is not the scene."""
    counts = Counter(p.country for p in places if p.country)
    return counts.most_common(1)[0][0] if counts else None


def incident_day(report: Report) -> dt.date | None:
    """The day of the attack: the best day-precise date on or before publication.

    Best is by role (the attack's own day, then a death's, then a day nothing is said of, and a
    statement's, arrest's, court's or page's day last: ``date_role``), then a day the words name over
    one counted from the page's date ("early Tuesday" over "this evening" in a transcript published the
    next day: ``counted_from_publication``), then the first told: local news tells the event first.
    The main mention's own date is not preferred: a mention gathers many sentences of a follow-up
    story, statements and arrests among them, and on gva-dev preferring dates inside it chose another
    incident's or a statement's day more often than it saved one.
    """
    days = [
        m
        for m in find_dates(report.text, report.published)
        if m.precision is DatePrecision.DAY
        and m.date is not None
        and (report.published is None or m.date <= report.published)
    ]
    if not days:
        return None
    return min(days, key=lambda m: (date_role(report.text, m), counted_from_publication(m), m.start)).date


def _first_town(
    places: Sequence[PlaceMention],
    gazetteer: Gazetteer,
    country: str | None,
    state: str | None,
    features: frozenset[str] = TOWNS,
) -> Place | None:
    return next((t for f in places if (t := _town(f, gazetteer, country, state, features)) is not None), None)


def _town(
    found: PlaceMention,
    gazetteer: Gazetteer,
    country: str | None,
    state: str | None,
    features: frozenset[str] = TOWNS,
) -> Place | None:
    """The place a town mention (or, with ``features``, an area's) names, when it is located in ``country``
    and ``state``."""
    if found.feature not in features or found.lat is None or (country is not None and found.country != country):
        return None
    known = geoparse.entry(found, gazetteer)
    if state is not None and (known is None or known.admin1 != state):
        return None
    return Place(
        name=found.name,
        admin1=known.admin1 if known else None,
        admin2=known.admin2 if known else None,
        geonameid=found.geonameid,
        lat=found.lat,
        lon=found.lon,
        country=found.country,
        feature=found.feature,
    )
