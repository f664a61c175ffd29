"""What kind of event a SemEval document reports, and how many people it says were killed and injured.

SemEval-2018 Task 5 asks about four event types: ``killing`` and ``injuring`` (a gun-violence incident
with someone killed, someone injured; one incident can be both), ``fire_burning`` (a fire) and
``job_firing`` (someone dismissed from a job). civharm's extraction reads casualty figures of attacks; this
module reads the document as a whole for the task's types and fills in a victim count when the
extraction found none ("a man was fatally shot" is one person killed even without a number).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from civharm.extract.quantities import number_value

# "4,368 people were shot" is no 368: a number's digits are all of it
_NUM = r"((?<![\d,.])\d{1,3}(?![\d,])|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a dozen)"
_WHO = (
    r"(?:(?:other|more|young|teenage|adult|\w+-year-old)\s+)?(?:people|persons|men|women|teens|teenagers|children"
    r"|kids|boys|girls|victims|others|adults|students|officers|individuals)"
)
_KILLED_N = re.compile(
    rf"\b{_NUM}\s+{_WHO}\s+(?:were\s+|have\s+been\s+|are\s+)?"
    r"(?:(?:shot\s+(?:and\s+)?)?killed|(?:found\s+)?dead|fatally\s+(?:shot|wounded)|died)"
    rf"|\b(?:killed|killing|kills|claimed the lives of)\s+{_NUM}\s+{_WHO}",
    re.IGNORECASE,
)
_INJURED_N = re.compile(
    rf"\b{_NUM}\s+{_WHO}\s+(?:were\s+|have\s+been\s+|are\s+)?"
    r"(?:shot|wounded|injured|hurt|hospitali[sz]ed)(?!\s+(?:and\s+)?killed|\s+dead)"
    rf"|\b(?:wounded|injured|wounding|injuring)\s+{_NUM}\s+{_WHO}",
    re.IGNORECASE,
)
_KILLED_ONE = re.compile(
    r"\b(?:fatally (?:shot|wounded|stabbed)|shot (?:and )?killed|shot to death|was killed|were killed|died|dies|"
    r"dead|deadly|fatal|homicide|murder(?:ed)?|slain|killing|pronounced dead|succumbed|body)\b",
    re.IGNORECASE,
)
_INJURED_ONE = re.compile(
    r"\b(?:wounded|injured|injuries|non-life-threatening|hospitali[sz]ed|critical condition|stable condition|"
    r"serious condition|grazed"
    r"|shot in the (?:leg|arm|hand|foot|chest|back|shoulder|stomach|abdomen|head|face|neck|hip|buttocks))\b",
    re.IGNORECASE,
)
_SHOT = re.compile(r"\b(?:shot|shooting|gunshot|gunfire|gunman|shots|opened fire)\b", re.IGNORECASE)
_FIRE = re.compile(
    r"\b(?:blaze|flames|firefighters?|fire crews?|fire department|burn(?:ed|ing|t)|arson|smoke|engulfed|house fire"
    r"|fire broke out)\b",
    re.IGNORECASE,
)
_JOB = re.compile(
    r"\b(?:was|were|been|got|getting|be)\s+fired\b"
    r"(?!\s+(?:at|upon|on|into|from a|from the gun|shots|rounds|multiple|several))"
    r"|\b(?:fired|dismissed|terminated|let go|sacked)\s+(?:from|over|for)\s+(?:his|her|their|the)?\s*"
    r"(?:job|post|position|company|employment|work)"
    r"|\b(?:lost (?:his|her|their) jobs?|termination|wrongful(?:ly)? (?:termination|dismissal)|laid off)\b",
    re.IGNORECASE,
)
# A document is about a fire when fire words outnumber gunfire words at least this many times over; on the
# trial split gun-violence reports mention "fire" only in "opened fire" and "fire department" calls.
FIRE_RATIO = 2
# Words about job loss a document needs, with no gunfire word, to be a job-firing story.
JOB_MIN = 1
LEAD_CHARS = 1000


@dataclass(frozen=True)
class DocumentEvent:
    """The task's view of one document: its event types and victims (0 when none found)."""

    types: frozenset[str]
    killed: int
    injured: int


def _count(pattern: re.Pattern[str], text: str) -> int:
    best = 0
    for m in pattern.finditer(text):
        words = next((g for g in m.groups() if g), "")
        value = number_value(words)
        if value is not None:
            best = max(best, value)
    return best


def victim_counts(text: str) -> tuple[int, int]:
    """People killed and injured in the document: the largest stated number, else one if any word says so."""
    killed = _count(_KILLED_N, text) or (1 if _KILLED_ONE.search(text) else 0)
    injured = _count(_INJURED_N, text) or (1 if _INJURED_ONE.search(text) else 0)
    return killed, injured


def document_event(title: str, text: str, killed: int | None = None, injured: int | None = None) -> DocumentEvent:
    """Event types and victim counts; ``killed``/``injured`` from the extraction win when given."""
    whole = f"{title}\n{text}"
    shots = len(_SHOT.findall(whole))
    fires = len(_FIRE.findall(whole))
    jobs = len(_JOB.findall(whole))
    k, i = victim_counts(whole[:LEAD_CHARS])
    killed = killed if killed else k
    injured = injured if injured else i
    types: set[str] = set()
    if fires >= FIRE_RATIO * max(shots, 1) and fires > 0:
        types.add("fire_burning")
    if jobs >= JOB_MIN and shots == 0:
        types.add("job_firing")
    if not types:
        if killed:
            types.add("killing")
        if injured:
            types.add("injuring")
        if not types:
            types.add("injuring")  # a shooting with no stated outcome: someone was shot
    return DocumentEvent(types=frozenset(types), killed=killed, injured=injured)
