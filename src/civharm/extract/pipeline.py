"""extract(report) -> Extraction: every claim of one report, each anchored to its span.

The report is read sentence by sentence. Each sentence is attributed (who says it), then read
for casualty figures, attack words, positions, evidence and legal characterisations. A sentence
with a figure is either about one attack (it becomes part of an attack mention, a candidate
incident) or a cumulative count over a period (a tally, never an incident). Consecutive
sentences about the same attack are gathered into one mention until the place or date changes.
A headline figure waits a few sentences for the attack it belongs to, else it is a tally; the
title's own figures, on a page that names no attack at all, are the title's attack.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc

from civharm.extract import attacks, geoparse
from civharm.extract.actors import ActorKind, ActorMatch, belligerent, find_actors
from civharm.extract.attribution import Attribution, attribute
from civharm.extract.casualties import NEGATED, find_casualties
from civharm.extract.date_role import DateRole, date_role
from civharm.extract.dates import DateMention, find_dates
from civharm.extract.evidence import find_evidence
from civharm.extract.gazetteer import Gazetteer
from civharm.extract.legal import find_legal
from civharm.extract.nlp import parse, parse_many
from civharm.extract.outlet import masthead_places, outlet_places
from civharm.extract.positions import find_position
from civharm.geo import haversine_km
from civharm.records import (
    AttackMention,
    AttackType,
    Casualty,
    DatePrecision,
    EvidenceMention,
    Extraction,
    LegalMention,
    Place,
    PlaceMention,
    PlacePrecision,
    Position,
    Report,
    Tally,
)

# A figure over a period rather than from one attack.
# "Gun violence in Columbus: 1 week, 6 shot, 2 die", "weekend shootings": a title's figures over a span of time.
SPAN_OF_TIME = re.compile(r"\b(?:weeks?|weekends?|months?|years?|days|nights|hours)\b", re.IGNORECASE)
CUMULATIVE = re.compile(
    # "since March", "until Nov. 29"; not "has since died", "shot through the door", "until police arrived"
    r"\b(?:(?<!\bhas )(?<!\bhave )(?<!\bhad )since(?!\s+(?:died|succumbed|been|recovered|passed)\b)|so far|to date"
    r"|in total|in all|altogether|cumulative|(?:up to|until|through)(?= (?-i:[A-Z])| \w+\.? \d)"
    r"|(?:until|through)(?= \d)"
    r"|over the (?:past|last)|in the (?:past|last|first)\s+\w+\s+(?:days|weeks|months|years)"
    # "seven shot in 72 hours"; not "died within two days", one victim's time to die
    r"|(?<!died )(?<!dies )(?:in|within) (?:less than |under )?"
    r"(?:\d+|a few|several|two|three|four|five|six|seven|eight|nine|ten|twelve) (?:hours|days)"
    r"|since the (?:start|beginning)|(?:the|its|their) campaign|in \w+ (?:separate )?attacks|overall"
    r"|each (?:day|week|month)|per (?:day|week|month)"
    # "2 slain and 8 others wounded in Sunday shootings", "in six separate shootings", "in weekend shootings": a
    # roundup of several ("in Gilchrist shootings", "the Mukilteo shootings" may be one attack's name)
    r"|in (?:\w+ )?(?:separate|weekend|overnight|(?:sun|mon|tues|wednes|thurs|fri|satur)day(?: night| morning)?|city"
    r"|citywide|\d+|three|four|five|six|seven|eight|nine|ten|several|multiple|other|side|sides)"
    r"(?: (?-i:[A-Z][\w.]*)){0,3} shootings"  # "in multiple Baltimore County shootings", "in South Side shootings"
    # "at least eight people were killed in Chicago shootings throughout the day", "in shootings Tuesday across"
    r"|shootings(?: (?:sun|mon|tues|wednes|thurs|fri|satur)day)? (?:throughout|across|around) the"
    r" (?:day|night|weekend|city)"
    r")\b",
    re.IGNORECASE,
)
PRESENT_PERFECT = re.compile(r"\b(?:have|has)\s+(?:\w+\s+)?(?:killed|wounded|injured|left)\b", re.IGNORECASE)
# "Sept. 30" after "said" dates the statement, not the attack.
STATEMENT_DATE = re.compile(r"\b(?:said|says|told|announced|reported|stated|added|wrote)\s+(?:\w+\s+)?$", re.IGNORECASE)
# "the monitor said": the organisation named before.
ANAPHORS = frozenset({"the monitor", "the group", "the organisation", "the organization"})
# Indefinite amounts ("many", "several") count only where the sentence names the attack.
INDEFINITE = re.compile(r"(?:several|many|a few|a number of|numerous|a handful of)\b", re.IGNORECASE)
# "he said" / "she added": the attribution of the sentence before.
PRONOUN_SPEECH = re.compile(
    r"(?:[”\"],?\s+|^)(?:he|she|they|it)\s+(?:said|added|told|says)\b|^(?:he|she|they|it)\b", re.IGNORECASE
)
CAMPAIGN_START = re.compile(
    r"\b(?:began|begun|started|launched|start of|beginning of)\b[^.]{0,80}\b(?:campaign|strikes|operation|bombing"
    r"|intervention|offensive)\b",
    re.IGNORECASE,
)
CITY_LEVEL = {"city"}
BASED = re.compile(r"^[-‑–]based\b", re.IGNORECASE)
LOCATIVE = re.compile(
    r"\b(?:in|at|on|near|outside|around|across|into|of|hit|struck|targeted|targeting|over|towns?|city|village|district)"
    r"\s+(?:the\s+)?(?:(?:northern|southern|eastern|western|central|rebel-held|besieged)\s+)?$",
    re.IGNORECASE,
)
# "The war has killed more than 250,000 people": the whole conflict's toll, not a figure of attacks.
WAR_TOLL = re.compile(
    r"\b(?:war|conflict|uprising|fighting|crisis|revolution)\b[^.;]{0,60}?\b(?:killed|claimed|victims|died|dead)\b"
    r"|\bsince the (?:war|conflict|uprising|crisis|revolution) (?:began|started|erupted|broke out)",
    re.IGNORECASE,
)
# Dates more than this far apart mean a different attack within one report.
SAME_ATTACK_DAYS = 1
# A headline figure waits this many sentences for the attack it belongs to.
PENDING_SENTENCES = 2
# Towns further apart than this are different attacks (DESIGN.md: same place within 25 km).
SAME_PLACE_KM = 25.0
# A town and a province (or two provinces) further apart than this cannot be one attack's place:
# most provinces in the conflicts we cover are under 150 km across.
SAME_AREA_KM = 150.0
# A line opening with a running time is a clip in the page's video list ("3:20 A look back at the explosion that
# killed six firefighters in 1988", "1:27 1 dead after Fife collision"): another story's title, whose figures
# are none of this report's.
CLIP_LINE = re.compile(r"\d{1,2}:\d\d\s+[A-Z\d\"'‘“]")
# Words that announce another attack in the same report.
SEPARATE = re.compile(
    r"\b(?:in (?:a )?separate (?:attack|strike|raid|incident)s?|in another (?:attack|strike|raid)|elsewhere)\b",
    re.IGNORECASE,
)


@dataclass
class _Mention:
    """An attack mention being gathered across sentences."""

    start: int
    end: int
    attack_type: AttackType
    date: DateMention | None = None
    place: PlaceMention | None = None
    place_precision: PlacePrecision = PlacePrecision.EXACT
    perpetrator: str | None = None
    hedged: bool = False
    targets: list[str] = field(default_factory=list)
    casualties: list[Casualty] = field(default_factory=list)

    def take(self, figures: _Figures) -> None:
        """Take in a headline's figures that waited for this attack: its casualties, targets and place."""
        self.start = min(self.start, figures.start)
        self.casualties.extend(figures.casualties)
        self.targets.extend(t for t in figures.targets if t not in self.targets)
        if figures.place is not None and _more_precise(figures.place, figures.precision, self):
            self.place, self.place_precision = figures.place, figures.precision


@dataclass(frozen=True)
class _Figures:
    """The casualty figures of one sentence, with what they need to become a tally or join an attack."""

    start: int
    end: int
    casualties: list[Casualty]
    perpetrators: Sequence[attacks.Perpetrator]
    source: str | None
    targets: list[str]
    sentence_no: int
    place: PlaceMention | None = None  # where the sentence says it happened, for the attack it joins
    precision: PlacePrecision = PlacePrecision.EXACT


@dataclass
class _Reader:
    """State carried from sentence to sentence while one report is read."""

    report: Report
    gazetteer: Gazetteer
    places: list[PlaceMention]
    dates: list[DateMention]
    persons: list[tuple[int, int]]
    organisations: list[tuple[int, int]]
    campaign_start: DateMention | None
    mentions: list[_Mention] = field(default_factory=list)
    tallies: list[Tally] = field(default_factory=list)
    positions: list[Position] = field(default_factory=list)
    evidence: list[EvidenceMention] = field(default_factory=list)
    legal: list[LegalMention] = field(default_factory=list)
    tally_targets: dict[str | None, list[str]] = field(default_factory=dict)
    last_attribution: Attribution | None = None
    last_party: str | None = None
    current: _Mention | None = None
    pending: list[_Figures] = field(default_factory=list)
    # The first sentence's figures that no attack claimed: the report's own attack when it names no other
    title_figures: list[_Figures] = field(default_factory=list)
    sentence_no: int = 0

    def read(self, start: int, end: int) -> None:
        self.sentence_no += 1
        self._age_pending()
        if CLIP_LINE.match(self.report.text, self.report.text.rfind("\n", 0, start) + 1):
            return
        text = self.report.text[start:end]
        persons = [(a - start, b - start) for a, b in self.persons if start <= a < end]
        organisations = [(a - start, b - start) for a, b in self.organisations if start <= a < end]
        attribution = attribute(text, persons, organisations)
        actors = find_actors(text)  # once per sentence: the subject and the place both need them
        if (
            PRONOUN_SPEECH.search(text)
            and self.last_attribution is not None
            and (attribution is None or attribution.organisation is None)
        ):
            attribution = self.last_attribution
        party = attribution.party if attribution else None
        subject = _subject_party(actors)
        carried = party is None and re.match(r"\s*(?:It|They|He|She|The ministry|The military)\b", text) is not None
        if carried:
            party = self.last_party
        position = find_position(text, start, attribution, party, accusations=not carried)
        if position is not None:
            self.positions.append(position)
        if attribution is None or attribution.party is None:
            self.legal.extend(find_legal(text, start, attribution))
        self.evidence.extend(find_evidence(text, start))
        if position is None and not NEGATED.search(text):
            self._read_harm(text, start, end, attribution, actors)
        if attribution is not None:
            self.last_attribution = attribution
        self.last_party = party or subject or self.last_party

    def _read_harm(
        self, text: str, start: int, end: int, attribution: Attribution | None, actors: Sequence[ActorMatch]
    ) -> None:
        source = attribution.source if attribution else None
        casualties = find_casualties(text, start, source)
        words = attacks.find_attack_words(text)
        is_attack = attacks.is_attack_sentence(text, words)
        perpetrators: Sequence[attacks.Perpetrator] = attacks.find_perpetrators(text, words) if words else []
        targets = attacks.find_targets(text) if is_attack or casualties else []
        if WAR_TOLL.search(text) and not is_attack:
            casualties = []
        if not words:  # "many deaths in rural areas go unrecorded": commentary, not a figure of the attack
            casualties = [c for c in casualties if not INDEFINITE.match(c.words)]
        place, precision = self._best_place(start, end, actors)
        date = self._attack_date(start, end)
        vague = place is None or place.feature not in CITY_LEVEL
        figures = _Figures(start, end, casualties, perpetrators, source, targets, self.sentence_no, place, precision)
        perfect = vague and PRESENT_PERFECT.search(text) is not None  # "air strikes have killed hundreds"
        # "the murder of a 16-year-old ... earlier this month": one person's death is one attack, whatever the
        # sentence dates it by
        one_victim = bool(casualties) and all(c.min == c.max == 1 for c in casualties)
        over_period = (
            not attacks.names_one_attack(text, words)
            and not one_victim
            and any(_is_period(d) for d in self.dates if start <= d.start < end)
        )
        if casualties and (CUMULATIVE.search(text) or over_period or (perfect and self.current is not None)):
            self._add_tallies(figures)
            return
        if casualties and (perfect or (self.current is None and not is_attack)):
            # A headline or summary figure whose attack the next sentences may name ("Man, 3 girls shot in
            # southeast DC" before "The shootings happened ..."); else a tally.
            self.pending.append(figures)
            return
        if CAMPAIGN_START.search(text):
            return  # "The Kremlin began its campaign of air strikes on Sept. 30": background, not an attack
        if not (is_attack or casualties or (words and self.current is not None)):
            return
        current = self.current
        if current is None or _conflicts(current, place, date, self._refines) or (is_attack and SEPARATE.search(text)):
            if not is_attack:
                return  # a figure with no attack word and nothing to attach it to
            current = _Mention(start, end, attacks.attack_type(text, words))
            for figures in self.pending:
                current.take(figures)
                if figures.perpetrators and not perpetrators:
                    perpetrators = figures.perpetrators
            self.pending.clear()
            self.mentions.append(current)
            self.current = current
        current.end = end
        if words and current.attack_type is AttackType.OTHER:
            current.attack_type = attacks.attack_type(text, words)
        if place is not None and _more_precise(place, precision, current):
            current.place, current.place_precision = place, precision
        if date is not None and current.date is None:
            current.date = date
        if perpetrators and current.perpetrator is None:
            current.perpetrator, current.hedged = perpetrators[0].name, perpetrators[0].hedged
        current.targets.extend(t for t in targets if t not in current.targets)
        current.casualties.extend(casualties)

    def _best_place(
        self, start: int, end: int, actors: Sequence[ActorMatch]
    ) -> tuple[PlaceMention | None, PlacePrecision]:
        """The place the sentence's attack happened: the most precise located toponym.

        Toponyms inside actor names ("Russia's Defence Ministry", "UK-based Syrian Observatory") and
        in "X-based" are where speakers sit, not where bombs fell; a locative ("in", "near", "town
        of") in front of a toponym makes it the better choice.
        """
        text = self.report.text
        taken = [(start + m.start, start + m.end) for m in actors]
        inside = [
            p
            for p in self.places
            if start <= p.start < end
            and p.lat is not None
            and not any(a <= p.start < b or p.start <= a < p.end for a, b in taken)
            and not BASED.match(text[p.end : p.end + 8])
        ]
        if not inside:
            return None, PlacePrecision.EXACT
        rank = {"city": 0, "admin2": 1, "admin1": 2, "country": 3}
        best = min(
            inside,
            key=lambda p: (
                rank.get(p.feature or "", 4),
                LOCATIVE.search(text[max(start, p.start - 25) : p.start]) is None,
                p.start,
            ),
        )
        return best, geoparse.place_precision(text, best.start, best.end)

    def _attack_date(self, start: int, end: int) -> DateMention | None:
        """The sentence's date of the attack: the one its words tie to the harm first (``date_role``), never
        a statement's, an arrest's or a court's ("charged Tuesday in Sunday's shooting" is Sunday's)."""
        text = self.report.text
        found = [
            (role, mention.start, mention)
            for mention in self.dates
            if start <= mention.start < end
            and mention.precision is not DatePrecision.RANGE
            and not STATEMENT_DATE.search(text[max(start, mention.start - 30) : mention.start])
            for role in [date_role(text, mention)]
            if role is not DateRole.AFTERMATH
        ]
        return min(found, key=lambda item: item[:2])[2] if found else None

    def _add_tallies(self, figures: _Figures) -> None:
        period = [d for d in self.dates if figures.start <= d.start < figures.end]
        first, last = _period(period, self.campaign_start)
        self.tally_targets.setdefault(figures.source, []).extend(figures.targets)
        for casualty in figures.casualties:
            self.tallies.append(
                Tally(
                    start=casualty.start,
                    end=casualty.end,
                    source=figures.source,
                    group=casualty.group,
                    outcome=casualty.outcome,
                    min=casualty.min,
                    max=casualty.max,
                    words=casualty.words,
                    period_start=first.date if first else None,
                    period_end=last.end_date or last.date if last else None,
                    period_precision=DatePrecision.RANGE if first or last else None,
                    period_start_partial=_partial(first, end=False),
                    period_end_partial=_partial(last, end=True),
                    perpetrator=figures.perpetrators[0].name if figures.perpetrators else None,
                )
            )

    def _age_pending(self, *, flush: bool = False) -> None:
        """Figures no attack claimed within a few sentences are counts over a period: tallies. The first
        sentence's wait for the end of the report (``_title_mention``)."""
        while self.pending and (flush or self.sentence_no - self.pending[0].sentence_no > PENDING_SENTENCES):
            figures = self.pending.pop(0)
            if figures.sentence_no == 1:
                self.title_figures.append(figures)
            else:
                self._add_tallies(figures)

    def _title_mention(self) -> None:
        """A title's figures where the report names no attack ("Four men shot, one critically, outside
        Visalia sports bar" over a page that tells nothing more): the title is the attack's report, not a
        count over a period (those are read as tallies when the sentence is read). Where an attack is
        named, figures it did not claim stay tallies."""
        title = self.report.text[self.title_figures[0].start : self.title_figures[0].end] if self.title_figures else ""
        if self.mentions or not self.title_figures or SPAN_OF_TIME.search(title):
            for figures in self.title_figures:
                self._add_tallies(figures)
            return
        first = self.title_figures[0]
        mention = _Mention(first.start, first.end, attacks.attack_type(self.report.text[first.start : first.end], []))
        for figures in self.title_figures:
            mention.take(figures)
            if figures.perpetrators and mention.perpetrator is None:
                mention.perpetrator, mention.hedged = figures.perpetrators[0].name, figures.perpetrators[0].hedged
        mention.date = self._attack_date(first.start, first.end)
        self.mentions.append(mention)

    def result(self) -> Extraction:
        self._age_pending(flush=True)
        self._title_mention()
        targets = self.tally_targets
        tallies = tuple(
            t.model_copy(update={"targets": tuple(dict.fromkeys(targets.get(t.source, [])))}) for t in self.tallies
        )
        incidents = tuple(self._finish(m) for m in self.mentions if m.casualties or m.targets)
        return Extraction(
            report=self.report,
            incidents=incidents,
            tallies=tallies,
            positions=tuple(self.positions),
            evidence=tuple(self.evidence),
            legal=tuple(self.legal),
            places=tuple(self.places),
        )

    def _finish(self, mention: _Mention) -> AttackMention:
        date = mention.date
        return AttackMention(
            start=mention.start,
            end=mention.end,
            attack_type=mention.attack_type,
            date=date.date if date else None,
            date_precision=date.precision if date else None,
            date_partial=_partial(date, end=False),
            place=self._place(mention.place, mention.place_precision) if mention.place else None,
            perpetrator=mention.perpetrator,
            perpetrator_hedged=mention.hedged,
            targets=tuple(mention.targets),
            casualties=tuple(mention.casualties),
        )

    def _refines(self, place: PlaceMention, area: PlaceMention) -> bool:
        """Whether a town or county lies in the state named before it ("Mount Oliver, Pa." after "Pa.")."""
        if area.feature != "admin1" or place.feature not in ("city", "admin2"):
            return False
        inner, outer = geoparse.entry(place, self.gazetteer), geoparse.entry(area, self.gazetteer)
        return (
            inner is not None and outer is not None and (inner.country, inner.admin1) == (outer.country, outer.admin1)
        )

    def _place(self, mention: PlaceMention, precision: PlacePrecision) -> Place:
        candidate = geoparse.entry(mention, self.gazetteer)
        if precision is PlacePrecision.EXACT:
            precision = geoparse.feature_precision(mention.feature)
        return Place(
            name=candidate.name if candidate else mention.name,
            geonameid=mention.geonameid,
            lat=mention.lat,
            lon=mention.lon,
            country=mention.country,
            admin1=candidate.admin1 if candidate else None,
            admin2=candidate.admin2 if candidate else None,
            feature=mention.feature,
            precision=precision,
        )


def _subject_party(actors: Sequence[ActorMatch]) -> str | None:
    """The belligerent named as a noun (not an adjective) in the sentence, for "It ..." next."""
    for match in actors:
        if not match.as_adjective and match.actor.kind in (
            ActorKind.STATE,
            ActorKind.MINISTRY,
            ActorKind.ARMED_GROUP,
        ):
            return belligerent(match.actor)
    return None


def _is_period(mention: DateMention) -> bool:
    """A month, a year or a range longer than an attack's few days: figures over it are tallies."""
    if mention.precision in (DatePrecision.MONTH, DatePrecision.YEAR):
        return True
    if mention.precision is not DatePrecision.RANGE:
        return False
    if mention.date and mention.end_date:
        return (mention.end_date - mention.date).days > SAME_ATTACK_DAYS
    if mention.month and mention.day and mention.end_month and mention.end_day:  # year unknown
        first = dt.date(2000, mention.month, mention.day)
        last = dt.date(2000, mention.end_month, mention.end_day)
        return (last - first).days % 366 > SAME_ATTACK_DAYS
    return False


def _days_apart(a: DateMention, b: DateMention) -> int:
    """Days between two dates' intervals: "June 13" lies inside "in June", not twelve days after it."""
    if a.date is None or b.date is None:
        return 0
    a_end, b_end = a.end_date or a.date, b.end_date or b.date
    return max(0, (max(a.date, b.date) - min(a_end, b_end)).days)


def _conflicts(
    current: _Mention,
    place: PlaceMention | None,
    date: DateMention | None,
    refines: Callable[[PlaceMention, PlaceMention], bool],
) -> bool:
    """True when a sentence's place or date shows it is about a different attack; ``refines`` tells
    whether a place lies inside an area ("Mount Oliver" inside "Pa.")."""
    if date is not None and current.date is not None and _days_apart(date, current.date) > SAME_ATTACK_DAYS:
        return True
    if place is None or current.place is None or (place.lat, place.lon) == (current.place.lat, current.place.lon):
        return False
    if place.country and current.place.country and place.country != current.place.country:
        return True
    if "country" in (place.feature, current.place.feature):
        return False  # a town in the country the report named before refines it
    if refines(place, current.place) or refines(current.place, place):
        return False  # and so does a town in the state
    if None in (place.lat, place.lon, current.place.lat, current.place.lon):
        return False
    distance = haversine_km(place.lat or 0.0, place.lon or 0.0, current.place.lat or 0.0, current.place.lon or 0.0)
    both_cities = place.feature in CITY_LEVEL and current.place.feature in CITY_LEVEL
    return distance > (SAME_PLACE_KM if both_cities else SAME_AREA_KM)


def _more_precise(place: PlaceMention, precision: PlacePrecision, current: _Mention) -> bool:
    if current.place is None:
        return True
    rank = {"city": 0, "admin2": 1, "admin1": 2, "country": 3}
    return rank.get(place.feature or "", 4) < rank.get(current.place.feature or "", 4)


def _period(
    dates: list[DateMention], campaign_start: DateMention | None
) -> tuple[DateMention | None, DateMention | None]:
    """The start and end of a tally's period: from a range in the sentence, else the campaign start."""
    for mention in dates:
        if mention.precision is DatePrecision.RANGE:
            has_start = mention.date is not None or mention.month is not None
            return (mention if has_start else campaign_start), mention
    last = dates[-1] if dates else None
    return (campaign_start if last is not None else None), last


def _partial(mention: DateMention | None, *, end: bool) -> str | None:
    """ISO 8601 "--MM-DD" when the day and month are known but not the year."""
    if mention is None or mention.year_known:
        return None
    month, day = (mention.end_month, mention.end_day) if end and mention.end_month else (mention.month, mention.day)
    return f"--{month:02d}-{day:02d}" if month and day else None


def _campaign_start(text: str, dates: list[DateMention]) -> DateMention | None:
    """The date a campaign began ("began its campaign of air strikes ... on Sept. 30")."""
    for match in CAMPAIGN_START.finditer(text):
        sentence_end = text.find(".", match.end())
        for mention in dates:
            inside = match.start() - 40 <= mention.start <= (sentence_end if sentence_end != -1 else len(text))
            if inside and mention.precision in (DatePrecision.DAY, DatePrecision.DAY_MONTH):
                return mention
    return None


def extract_report(report: Report, gazetteer: Gazetteer, doc: Doc | None = None) -> Extraction:
    """All claims of one report. Pass ``doc`` when it was parsed in a batch (``extract_many``)."""
    text = report.text
    doc = doc if doc is not None else parse(text)
    dates = find_dates(text, report.published)
    reader = _Reader(
        report=report,
        gazetteer=gazetteer,
        places=geoparse.find_places(
            text,
            gazetteer,
            doc,
            outlet_places(report.canonical_url or report.url, gazetteer)
            + masthead_places(report.title or text.split("\n", 1)[0], gazetteer),
        ),
        dates=dates,
        persons=[(e.start_char, e.end_char) for e in doc.ents if e.label_ == "PERSON"],
        organisations=[(e.start_char, e.end_char) for e in doc.ents if e.label_ == "ORG"],
        campaign_start=_campaign_start(text, dates),
    )
    for sentence in doc.sents:
        reader.read(sentence.start_char, sentence.end_char)
    return reader.result()


def extract_many(reports: Iterable[Report], gazetteer: Gazetteer) -> Iterator[Extraction]:
    """Extract a stream of reports, parsing them in batches (``nlp.pipe``)."""
    pending = list(reports)
    for report, doc in zip(pending, parse_many(r.text for r in pending), strict=True):
        yield extract_report(report, gazetteer, doc)
