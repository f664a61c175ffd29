"""When two names denote the same party ("Russia", "Russian warplanes", "the Russian military").

Grading turns on parties: an incident blamed on "Russia" by one report and on "Russian jets" by another
is not contested, and a denial by "Russia's Defence Ministry" is Russia's position. Extraction keeps the
words it found; this module decides sameness, conservatively, so that genuinely different parties
("Syrian government" and "Russia") stay apart.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# Words that name an arm or instrument of a party rather than the party itself. Dropped before comparing,
# so "Russian warplanes" and "Russia's Defence Ministry" both reduce to the party word.
GENERIC_WORDS = frozenset(
    {
        "the",
        "suspected",
        "alleged",
        "forces",
        "force",
        "military",
        "army",
        "armed",
        "troops",
        "jets",
        "warplanes",
        "aircraft",
        "planes",
        "drones",
        "air",
        "airforce",
        "navy",
        "government",
        "regime",
        "defence",
        "defense",
        "ministry",
        "of",
        "s",
    }
)
_WORD = re.compile(r"[^\W\d_]+")
_SMALL_WORDS = frozenset({"of", "the", "and", "for"})


def party_tokens(name: str) -> tuple[str, ...]:
    """The distinctive words of a party name, lower-cased, generic words removed."""
    words = [w for w in _WORD.findall(name.casefold()) if w not in GENERIC_WORDS]
    if not words:  # a name made only of generic words ("the army") is compared as written
        words = _WORD.findall(name.casefold())
    return tuple(words)


def same_party(a: str, b: str) -> bool:
    """True when the names denote one party.

    Words are compared pairwise from the start; a word matches when one is a prefix of the other,
    which covers demonyms ("russia"/"russian", "syria"/"syrian") without a demonym table.
    """
    if _is_acronym_of(a, b) or _is_acronym_of(b, a):
        return True
    ta, tb = party_tokens(a), party_tokens(b)
    if not ta or not tb:
        return False
    short, long_ = (ta, tb) if len(ta) <= len(tb) else (tb, ta)
    return all(_word_match(x, y) for x, y in zip(short, long_, strict=False))


def _is_acronym_of(short: str, full: str) -> bool:
    """ "RSF" for "Rapid Support Forces", "IDF" for "Israel Defense Forces" (with or without "of", "the")."""
    letters = short.strip().replace(".", "")
    if not (2 <= len(letters) <= 6 and letters.isalpha() and letters.isupper()):
        return False
    words = _WORD.findall(full.casefold())
    if len(words) < 2:
        return False
    initials = {"".join(w[0] for w in words), "".join(w[0] for w in words if w not in _SMALL_WORDS)}
    return letters.casefold() in initials


def _word_match(x: str, y: str) -> bool:
    # a one- or two-letter prefix ("us" of "usa" aside) would match too much; demand three letters
    if x == y:
        return True
    shorter, longer = (x, y) if len(x) <= len(y) else (y, x)
    return len(shorter) >= 3 and longer.startswith(shorter)


def distinct_parties(names: Iterable[str]) -> tuple[str, ...]:
    """One display name per party, sorted; the shortest spelling stands for its party."""
    chosen: list[str] = []
    for name in sorted({n.strip() for n in names if n and n.strip()}, key=lambda n: (len(n), n)):
        if not any(same_party(name, kept) for kept in chosen):
            chosen.append(name)
    return tuple(sorted(chosen))


def matches_any(party: str | None, names: Iterable[str]) -> bool:
    """True when ``party`` is one of the parties in ``names``."""
    return party is not None and any(same_party(party, n) for n in names)
