"""A dictionary of the parties that appear in reports of attacks: states, armed forces and
groups (possible perpetrators) and the organisations that count and speak (monitors, NGOs,
UN bodies, rescuers).

Written by us from public knowledge. Perpetrators are only ever taken from attributive
language ("Russian air strikes", "strikes by the coalition"); a mere mention of an actor
is a speaker or a source, never an accusation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from functools import cache, lru_cache


class ActorKind(StrEnum):
    STATE = "state"  # a state and its armed forces: a possible perpetrator
    ARMED_GROUP = "armed group"  # a non-state party to a conflict: a possible perpetrator
    COALITION = "coalition"
    MINISTRY = "ministry"  # a state's organ that speaks for it (defence ministry, general staff)
    MONITOR = "monitor"
    NGO = "ngo"
    UN = "un"
    RESCUE = "rescue"  # civil defence, medics: sources of figures
    MEDIA = "media"


@dataclass(frozen=True)
class Actor:
    name: str
    kind: ActorKind
    aliases: tuple[str, ...] = ()
    # Adjectives that attribute an act to this actor: "Russian jets", "Syrian government shelling".
    adjectives: tuple[str, ...] = ()
    party: str | None = None  # the belligerent a ministry or force speaks for


ACTORS: tuple[Actor, ...] = (
    Actor(
        "Russia",
        ActorKind.STATE,
        ("Russia", "Moscow", "the Kremlin", "Kremlin", "Russian Federation"),
        ("Russian", "Russia's", "Russian-led"),
    ),
    Actor(
        "Syrian government",
        ActorKind.STATE,
        (
            "Syrian government",
            "Syrian regime",
            "Assad regime",
            "the regime",
            "Syrian army",
            "Syrian Arab Army",
            "government forces",
            "regime forces",
            "pro-government forces",
        ),
        ("Syrian government", "Syrian regime", "regime", "Assad", "pro-government", "government"),
    ),
    Actor(
        "United States",
        ActorKind.STATE,
        ("United States", "U.S.", "US military", "the Pentagon", "Pentagon"),
        ("American", "U.S.", "US"),
    ),
    Actor(
        "US-led coalition",
        ActorKind.COALITION,
        (
            "US-led coalition",
            "U.S.-led coalition",
            "the coalition",
            "international coalition",
            "anti-IS coalition",
            "Combined Joint Task Force",
        ),
        ("coalition", "US-led", "U.S.-led"),
    ),
    Actor(
        "Saudi-led coalition",
        ActorKind.COALITION,
        ("Saudi-led coalition", "Arab coalition"),
        ("Saudi-led", "Saudi"),
    ),
    Actor(
        "Israel",
        ActorKind.STATE,
        ("Israel", "Israel Defense Forces", "IDF", "Israeli military"),
        ("Israeli",),
    ),
    Actor("Turkey", ActorKind.STATE, ("Turkey", "Türkiye", "Turkish military"), ("Turkish",)),
    Actor("Ukraine", ActorKind.STATE, ("Ukraine", "Ukrainian armed forces"), ("Ukrainian",)),
    Actor("Iran", ActorKind.STATE, ("Iran",), ("Iranian",)),
    Actor(
        "United Kingdom",
        ActorKind.STATE,
        ("United Kingdom", "Britain", "UK", "Royal Air Force", "RAF"),
        ("British",),
    ),
    Actor("France", ActorKind.STATE, ("France",), ("French",)),
    Actor(
        "Islamic State",
        ActorKind.ARMED_GROUP,
        ("Islamic State", "ISIS", "ISIL", "IS", "Daesh", "Islamic State group"),
        ("IS", "ISIS", "ISIL"),
    ),
    Actor(
        "Jabhat al-Nusra",
        ActorKind.ARMED_GROUP,
        ("al-Nusra Front", "Nusra Front", "al-Nusra", "Jabhat al-Nusra"),
    ),
    Actor("Rapid Support Forces", ActorKind.ARMED_GROUP, ("Rapid Support Forces", "RSF"), ("RSF",)),
    Actor(
        "Sudanese Armed Forces",
        ActorKind.STATE,
        ("Sudanese Armed Forces", "SAF", "Sudanese army"),
        ("Sudanese army",),
    ),
    Actor("Houthis", ActorKind.ARMED_GROUP, ("Houthis", "Houthi rebels", "Ansar Allah"), ("Houthi",)),
    Actor("Hamas", ActorKind.ARMED_GROUP, ("Hamas",)),
    Actor("Hezbollah", ActorKind.ARMED_GROUP, ("Hezbollah",)),
    Actor(
        "Russian Ministry of Defence",
        ActorKind.MINISTRY,
        (
            "Russian Defence Ministry",
            "Russian Defense Ministry",
            "Russia's Defence Ministry",
            "Russia's Defense Ministry",
            "Russian Ministry of Defence",
            "Russian Ministry of Defense",
            "Russian military",
            "Russian General Staff",
            "Russia's General Staff",
            "Russian air force",
        ),
        party="Russia",
    ),
    Actor(
        "Syrian Observatory for Human Rights",
        ActorKind.MONITOR,
        (
            "Syrian Observatory for Human Rights",
            "Syrian Observatory",
            "SOHR",
            "the Observatory",
            "Observatory",
        ),
    ),
    Actor("Syrian Network for Human Rights", ActorKind.MONITOR, ("Syrian Network for Human Rights", "SNHR")),
    Actor("Airwars", ActorKind.MONITOR, ("Airwars",)),
    Actor("Amnesty International", ActorKind.NGO, ("Amnesty International", "Amnesty")),
    Actor("Human Rights Watch", ActorKind.NGO, ("Human Rights Watch", "HRW")),
    Actor("Physicians for Human Rights", ActorKind.NGO, ("Physicians for Human Rights", "PHR")),
    Actor(
        "Médecins Sans Frontières",
        ActorKind.NGO,
        ("Médecins Sans Frontières", "Medecins Sans Frontieres", "Doctors Without Borders", "MSF"),
    ),
    Actor("Syrian American Medical Society", ActorKind.NGO, ("Syrian American Medical Society", "SAMS")),
    Actor(
        "White Helmets",
        ActorKind.RESCUE,
        (
            "White Helmets",
            "Syria Civil Defence",
            "Syrian Civil Defence",
            "Syria Civil Defense",
            "Syrian Civil Defense",
            "Civil Defence",
            "Civil Defense",
        ),
    ),
    Actor(
        "United Nations",
        ActorKind.UN,
        (
            "United Nations",
            "UN",
            "U.N.",
            "OCHA",
            "UNICEF",
            "UN human rights office",
            "OHCHR",
            "UN Human Rights Monitoring Mission",
        ),
    ),
    Actor(
        "International Committee of the Red Cross",
        ActorKind.NGO,
        ("International Committee of the Red Cross", "ICRC", "Red Cross"),
    ),
)

# Unnamed sources that still carry figures: kept as the source's words.
GENERIC_SOURCES: tuple[str, ...] = (
    "activists",
    "rescue workers",
    "rescuers",
    "medics",
    "doctors",
    "residents",
    "witnesses",
    "local officials",
    "officials",
    "health officials",
    "hospital officials",
    "the health ministry",
    "health ministry",
    "local sources",
    "monitors",
    "a monitoring group",
    "the monitor",
    "police",
    "authorities",
    "state media",
    "state news agency",
)


@dataclass(frozen=True)
class ActorMatch:
    actor: Actor
    start: int
    end: int
    as_adjective: bool


# Sentences whose matches are kept: the readers of one sentence (subject, attribution, perpetrator,
# position) each ask for its actors, so the last few sentences' answers are reused.
CACHED_TEXTS = 64
_Trie = dict[str, "_Trie"]


def _alternation(words: list[str]) -> str:
    """The words as one prefix tree ("(?:russia(?:n)?|syria(?:n)?)"), longest match first.

    A plain alternation makes the regex engine try every alias at every word start; the tree
    tries each letter once. The optional tail is greedy, so the longest alias wins, as before.
    """
    trie: _Trie = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}  # an alias ends here
    return _render(trie)


def _render(node: _Trie) -> str:
    branches = [re.escape(char) + _render(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body


@cache
def _patterns() -> tuple[re.Pattern[str], dict[str, Actor], set[str]]:
    lookup: dict[str, Actor] = {}
    adjectives: set[str] = set()
    for actor in ACTORS:
        for alias in (actor.name, *actor.aliases):
            lookup.setdefault(alias.casefold(), actor)
        for adjective in actor.adjectives:
            lookup.setdefault(adjective.casefold(), actor)
            adjectives.add(adjective.casefold())
    words = [a for a in lookup]
    # Case-sensitive on the first letter for short all-caps aliases ("IS", "UN") so prose "is"/"un-" never match.
    pattern = re.compile(r"(?<![\w-])(" + _alternation(words) + r")(?![\w-])", re.IGNORECASE)
    return pattern, lookup, adjectives


@lru_cache(maxsize=CACHED_TEXTS)
def find_actors(text: str) -> tuple[ActorMatch, ...]:
    """Every actor named in ``text``, longest alias first, non-overlapping."""
    pattern, lookup, adjectives = _patterns()
    found: list[ActorMatch] = []
    # Typographic apostrophes ("Russia’s") match the plain ones of the aliases; same length, same offsets.
    for match in pattern.finditer(text.replace("’", "'")):
        words = match.group(1)
        key = words.casefold()
        if key.upper() in _ACRONYMS and words != words.upper():
            continue  # "is", "us", "un" in prose are ordinary words, not IS, US, UN
        actor = lookup[key]
        names = {a.casefold() for a in (actor.name, *actor.aliases)}
        found.append(ActorMatch(actor, match.start(1), match.end(1), key in adjectives and key not in names))
    return tuple(found)


_ACRONYMS = frozenset(
    alias.upper()
    for actor in ACTORS
    for alias in (*actor.aliases, *actor.adjectives)
    if alias.replace(".", "").isupper() and len(alias) <= 5
)


def belligerent(actor: Actor) -> str | None:
    """The party an actor stands for when responsibility is at stake, or None for sources."""
    if actor.kind in (ActorKind.STATE, ActorKind.ARMED_GROUP, ActorKind.COALITION):
        return actor.name
    if actor.kind is ActorKind.MINISTRY:
        return actor.party
    return None


def is_source(actor: Actor) -> bool:
    """Monitors, NGOs, the UN and rescuers give figures; belligerents give positions."""
    return actor.kind in (ActorKind.MONITOR, ActorKind.NGO, ActorKind.UN, ActorKind.RESCUE, ActorKind.MEDIA)
