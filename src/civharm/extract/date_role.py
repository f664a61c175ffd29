"""What a date in a report dates: the attack itself, a later death, what followed, or nothing said.

A follow-up story dates many things besides the attack: when police spoke ("police said Saturday"),
when someone was charged or arraigned, when a victim died in hospital, when the page was published.
The words next to the date tell which: the nearest harm or aftermath word before it in its clause
("was shot Sunday", "was arraigned on Wednesday"), a harm noun right after it ("Sunday's shooting",
"the Aug. 19 drive-by shooting"), else the first such word after it ("Authorities Sunday have
identified"). A clock time next to the date ("about 9:40 p.m. Sunday") marks the event's own time.
Choosing an incident's date means preferring the attack's own day over everything else.
"""

from __future__ import annotations

import re
from enum import IntEnum

from civharm.extract.dates import DateMention


class DateRole(IntEnum):
    """A date's role, best first: sorting by role puts the attack's own day first."""

    ATTACK = 0  # "was shot Sunday", "Sunday's shooting", "on Friday night that left three wounded"
    DEATH = 1  # "died Wednesday night": the attack's day when told alone, a later day when it is not
    UNSAID = 2  # no harm or aftermath word near it
    AFTERMATH = 3  # "police said Saturday", "arraigned Wednesday", "(Published Sunday, May 31)"


_HARM = (
    # "the shooting that was reported Tuesday night": a shooting reported is one that happened
    r"(?:shooting|shots|gunfire|gunshots)\s+(?:that\s+|which\s+)?(?:was\s+|were\s+)?reported"
    r"|shot|shoots?|shooting|shootings|killed|killing|open(?:ed|ing|s)? fire|wounded|injured|hurt|gunfire|gunshots?"
    r"|happened|occurred|stabbed|slain|struck|homicide|(?<!with )murder(?:ed)?|attack(?:ed)?|ambush(?:ed)?|discharged"
    r"|went off|rang out|shots|shootout|gunfight|gun battle|(?<!without )incident(?! reports?)|accident"
    # the police answering the call come the same hour: "officers responded Friday to a report of shots"
    r"|responded|dispatched|(?:was|were) called"
    # "fired at", "fired two shots", not "fired the deputy"
    r"|fired (?:at|into|upon|through|from|(?:a|one|two|three|several|multiple|\w+) (?:shots?|rounds?|times))"
)
_DEATH = r"died|dies|pronounced (?:dead|deceased)|found dead|succumbed"
# Speech verbs date the statement only when the date follows them closely ("police said Friday",
# "told reporters Tuesday"); further on, the date is inside what was said ("police said the man was
# holding the gun on March 20 when it discharged").
_SPEECH = r"said|says|say|told|announced|reported|stated|added|confirmed|confirms|revealed|disclosed"
SPEECH_CHARS = 25
_CONTENT = re.compile(r"\bthat\b", re.IGNORECASE)
_AFTERMATH = (
    r"identified|identify|released|release|arrested|arrests?|charged|charges?|filed|prosecutors?|held|arraigned"
    r"|sentenced|jail|prison|pleaded|pleas?|guilty|verdict|trial|jury|bond|bail|warrant|indicted|booked|convicted|custody|court"
    r"|hearing|scheduled|testified|funeral|vigil|(?-i:services?|memorial)|ordered"
    r"|condition|autops(?:y|ies)|determined|searching|looking|published|updated?|posted|photo taken"
    r"|press conference"
    # a broadcaster's promotion: "Tune in to WMBF News Thursday at 6 p.m."
    r"|tune in|tuning in"
)
_CUE = re.compile(
    rf"\b(?:(?P<harm>{_HARM})|(?P<death>{_DEATH})|(?P<speech>{_SPEECH})|(?P<after>{_AFTERMATH}))\b", re.IGNORECASE
)
# "Sunday's shooting", "Saturday night shooting", "the Aug. 19 drive-by shooting", "Thursday’s shooting death".
_HARM_NOUN_AFTER = re.compile(
    r"(?:['’]s)?,?\s+(?:(?:early|late|morning|afternoon|evening|night)(?:['’]s)?\s+)*(?:(?!(?:for|in|of|with|without|after|following|since|from|to|the|a|an|at|on|about|into)\b)[\w-]+\s+){0,2}?"
    r"(?:shooting|shootings|homicide|killing|killings|murders?|attack|slaying|stabbing|gunfire|ambush"
    r"|shootout|gunfight|gun battle|rampage|massacre|spree|incident(?! report)|accident)\b",
    re.IGNORECASE,
)
# An embedded post's signature dates the post: "— Kevin Clark (@KevinANjax) February 5, 2017".
_POSTED_BEFORE = re.compile(r"\(@\w+\)\s*$")
# A clause ends at a sentence stop, a semicolon, a pipe (between a page's video captions) or a line
# break; commas stay inside it ("was shot
# Sunday, police said" keeps "shot" before the date), and so do the dots of "p.m.", "E. Hudson
# Street" and "Jan." (a stop follows a lowercase word, a figure or a closing quote).
_CLAUSE_STOP = re.compile(r"(?:(?<=[a-z]{3})|(?<=[\d\"”)]))\.(?! +[a-z])|[;!?|\n]")
# Looking after the date, these words start a reference to something earlier ("arraigned Wednesday
# for the June shooting", "arrested Monday in connection with ..."): the harm after them is not the
# date's.
_REFERENCE = re.compile(
    r"\b(?:for|after|following|from|since|stemming|in connection|about|regarding|to discuss)\b", re.IGNORECASE
)
# A crime named as what someone is charged with: "charged with first-degree murder", "3 counts of murder".
_CHARGE_BEFORE = re.compile(
    r"\b(?:charged with|convicted of|guilty of|accused of|indicted (?:on|for)|counts? of|charges? of)\s+"
    r"(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)
CRIMES = frozenset({"murder", "homicide"})
LOOK_BEFORE_CHARS = 80
LOOK_AFTER_CHARS = 40
COUNTED_EVENT_CHARS = 80  # the event a day is counted from: "a day after police discovered four bodies"
# A clock time next to the date ("about 7:50 p.m. Thursday", "Sunday at around 2 a.m."): reports time
# what happened, not when someone spoke, so a timed date is not a statement's ("Police said around
# 7 p.m. on Tuesday the man drove up") and, with nothing else said of it, is the event's.
_CLOCK = r"(?:\d{1,2}(?::\d{2})?\s*[ap]\.?m\b\.?|\d{1,2}:\d{2}|noon|midnight)"
_CLOCK_BEFORE = re.compile(rf"\b{_CLOCK}\s*(?:on\s+|,\s*)?$", re.IGNORECASE)
_CLOCK_AFTER = re.compile(
    rf"(?:\s+(?:morning|afternoon|evening|night))?,?\s+(?:at|around|about|near|approximately|shortly before"
    rf"|shortly after|just before|just after)\s+(?:about\s+|around\s+|approximately\s+)?{_CLOCK}",
    re.IGNORECASE,
)
CLOCK_CHARS = 30


def date_role(text: str, mention: DateMention) -> DateRole:
    """The role of ``mention`` in ``text`` (see the module docstring)."""
    if _POSTED_BEFORE.search(text, max(mention.start - LOOK_BEFORE_CHARS, 0), mention.start):
        return DateRole.AFTERMATH
    if _HARM_NOUN_AFTER.match(text, mention.end, mention.end + LOOK_AFTER_CHARS):
        return DateRole.ATTACK
    if _COUNTED_FROM.search(text, mention.start, mention.end):
        # "arrested Thursday, a day after police discovered four bodies": the day of what follows "after"
        end = min(mention.end + COUNTED_EVENT_CHARS, len(text))
        stop = _CLAUSE_STOP.search(text, mention.end, end)
        told = next(_CUE.finditer(text, mention.end, stop.start() if stop else end), None)
        return _role(told) if told else DateRole.UNSAID
    timed = _timed(text, mention)
    start = max(mention.start - LOOK_BEFORE_CHARS, 0)
    stops = [stop.end() for stop in _CLAUSE_STOP.finditer(text, start, mention.start)]
    for cue in reversed(list(_CUE.finditer(text, stops[-1] if stops else start, mention.start))):
        if cue.group(0).lower() in CRIMES and _CHARGE_BEFORE.search(text, start, cue.start()):
            return DateRole.AFTERMATH  # "charged with first-degree murder Friday": the day of the charge
        if not cue.group("speech") or (not timed and _says_when(text, cue.end(), mention.start)):
            return _role(cue)
    end = min(mention.end + LOOK_AFTER_CHARS, len(text))
    for stop in (_CLAUSE_STOP.search(text, mention.end, end), _REFERENCE.search(text, mention.end, end)):
        end = stop.start() if stop else end
    after = next((cue for cue in _CUE.finditer(text, mention.end, end) if not (timed and cue.group("speech"))), None)
    if after:
        return _role(after)
    return DateRole.ATTACK if timed else DateRole.UNSAID


# A day counted from an event told after it: "two days after a gunman killed two people".
_COUNTED_FROM = re.compile(r"\b(?:after|before)$", re.IGNORECASE)


def _says_when(text: str, said: int, date: int) -> bool:
    """Whether a date after a speech verb is the day of speaking ("police said Friday"), not a day inside
    what was said ("authorities say that on May 7, 2015, ...")."""
    return date - said <= SPEECH_CHARS and _CONTENT.search(text, said, date) is None


def _timed(text: str, mention: DateMention) -> bool:
    """Whether a clock time adjoins the date, before it or after it (``_CLOCK_BEFORE``, ``_CLOCK_AFTER``)."""
    before = text[max(mention.start - CLOCK_CHARS, 0) : mention.start]
    return _CLOCK_BEFORE.search(before) is not None or _CLOCK_AFTER.match(text, mention.end) is not None


def _role(cue: re.Match[str]) -> DateRole:
    if cue.group("harm"):
        return DateRole.ATTACK
    return DateRole.DEATH if cue.group("death") else DateRole.AFTERMATH
