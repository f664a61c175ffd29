"""What two reports say about an attack besides when and where: evidence for and against one incident.

Date, place and attack type decide whether two mentions *may* be one attack (``civharm.link.compat``).
What the reports say besides weighs in: the same person named (victims and suspects are named again in
follow-up stories), a similar headline and lead (the same story rewritten by another outlet), and
agreeing figures count for; different people named and figures far apart count against. The score is
pairwise, so the linker's complete linkage stays transitive-safe with it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from civharm.link.participants import find_names
from civharm.link.syndication import jaccard
from civharm.records import AttackMention, Extraction, Group, Outcome

# Headline and lead: the title and this many words of the body. Two reports of one story share at least
# LEAD_THRESHOLD of their content words (Jaccard); stories of different attacks share the vocabulary of
# the trade ("police", "shot", "killed", "strike") but little else. Chosen on SemEval trial and gva-dev.
LEAD_WORDS = 40
LEAD_THRESHOLD = 0.3
# Weights: a person named by both is strong evidence on its own; the others need company.
PERSON_WEIGHT = 3
LEAD_WEIGHT = 2
# Two figures for one attack differ when tolls rise or sources disagree, rarely by more than this factor.
FIGURE_FACTOR = 2

_WORD = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_STOP = frozenset(
    [
        "the",
        "and",
        "for",
        "with",
        "was",
        "were",
        "are",
        "has",
        "have",
        "had",
        "that",
        "this",
        "from",
        "after",
        "said",
        "says",
        "into",
        "about",
        "over",
        "their",
        "they",
        "his",
        "her",
        "him",
        "she",
        "who",
        "when",
        "where",
        "which",
        "while",
        "been",
        "being",
        "its",
        "not",
        "but",
        "than",
        "then",
        "there",
        "what",
        "would",
        "could",
        "will",
        "just",
        "also",
        "more",
        "most",
        "other",
        "some",
        "such",
        "only",
    ]
)
_HARMED = frozenset({Group.CIVILIANS, Group.UNKNOWN, Group.CHILDREN, Group.WOMEN, Group.MEN, Group.MEDICAL_STAFF})


@dataclass(frozen=True)
class Traits:
    """What a report says that linking weighs besides date and place."""

    people: frozenset[str] = frozenset()  # ``person_keys`` of the people it names
    lead: frozenset[str] = frozenset()  # ``lead_words`` of its headline and lead


def lead_words(title: str, text: str) -> frozenset[str]:
    """The content words of a headline and the first LEAD_WORDS words of the text."""
    lead = " ".join(text.split()[:LEAD_WORDS])
    return frozenset(w for w in _WORD.findall(f"{title} {lead}".casefold()) if len(w) > 2 and w not in _STOP)


def person_keys(full_names: Iterable[str]) -> frozenset[str]:
    """First and last name, case-folded: "Demeko Desean Robinson" and "Demeko Robinson" are one person."""
    keys = set()
    for name in full_names:
        words = name.casefold().split()
        if len(words) >= 2:
            keys.add(f"{words[0]} {words[-1]}")
    return frozenset(keys)


def traits(extraction: Extraction) -> Traits:
    """The report's traits; a "name" that is one of the places it names ("Fort Lauderdale") is no person."""
    report = extraction.report
    places = {p.name.casefold() for p in extraction.places}
    names = [n.full for n in find_names(f"{report.title or ''}\n{report.text}") if n.full.casefold() not in places]
    return Traits(people=person_keys(names), lead=lead_words(report.title or "", report.text))


def surnames(people: frozenset[str]) -> frozenset[str]:
    return frozenset(p.rsplit(" ", 1)[-1] for p in people)


def _killed(mention: AttackMention) -> tuple[int, float] | None:
    """The widest range of people harmed the mention says were killed, None without a figure."""
    figures = [c for c in mention.casualties if c.outcome is Outcome.KILLED and c.group in _HARMED]
    if not figures:
        return None
    return min(c.min for c in figures), max(float("inf") if c.max is None else c.max for c in figures)


def figures_agree(a: AttackMention, b: AttackMention) -> bool | None:
    """True when the killed figures overlap, False when they are far apart, None when unknown or close."""
    ka, kb = _killed(a), _killed(b)
    if ka is None or kb is None:
        return None
    if ka[0] <= kb[1] and kb[0] <= ka[1]:
        return True
    low, high = sorted((ka, kb))
    return False if high[0] > FIGURE_FACTOR * low[1] + 1 else None


def score(a: Traits, b: Traits, ma: AttackMention, mb: AttackMention) -> int:
    """Evidence that two mentions (with their reports' traits) are one attack: above 0 for, below against."""
    total = 0
    if a.people and b.people:
        if a.people & b.people:
            total += PERSON_WEIGHT
        elif surnames(a.people) & surnames(b.people):
            total += 1
        else:
            total -= 1
    if a.lead and b.lead and jaccard(a.lead, b.lead) >= LEAD_THRESHOLD:
        total += LEAD_WEIGHT
    agree = figures_agree(ma, mb)
    if agree is not None:
        total += 1 if agree else -1
    return total
