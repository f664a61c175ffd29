"""Positions of the accused: denials, acknowledgements, accusations, "no comment".

A position belongs to a belligerent (a state, its ministry, an armed group). A denial never
creates an incident and never changes a grade by itself; it is the party's recorded position.
"""

from __future__ import annotations

import re

from civharm.extract.actors import belligerent, find_actors
from civharm.extract.attribution import Attribution
from civharm.records import Position, Stance

DENIES = re.compile(
    r"\b(?:den(?:y|ies|ied|ying|ials?)|reject(?:s|ed|ing)?|dismiss(?:es|ed|ing)?|refut(?:e|es|ed|ing)|rebuff(?:s|ed)?"
    r"|disput(?:e|es|ed)|fake (?:information|news)|cliches and lies|lies|absurd|baseless|groundless|fabricat\w+"
    r"|unfounded|untrue|not true|information war|propaganda|never target\w*|did not target|do not (?:even )?plan)\b",
    re.IGNORECASE,
)
ACKNOWLEDGES = re.compile(
    r"\b(?:acknowledg\w+|admit(?:s|ted|ting)?|accept(?:s|ed)? responsibility|took responsibility|claimed responsibility"
    r"|regrets?|regretted|apologi[sz]\w+|confirmed (?:that )?it (?:had )?(?:carried out|struck|hit))\b",
    re.IGNORECASE,
)
NO_COMMENT = re.compile(
    r"\b(?:declined to comment|no comment|could not (?:immediately )?be reached|did not respond)\b",
    re.IGNORECASE,
)
ACCUSES = re.compile(r"\b(?:accus\w+|blam\w+)\b", re.IGNORECASE)
# A stance taken as a verb ("denied", "rejects", "admitted"), not a word of it ("lies", "propaganda").
STANCE_VERB = re.compile(
    r"(?:den(?:ies|ied)|reject(?:s|ed)|dismiss(?:es|ed)|refut(?:es|ed)|disput(?:es|ed)|rebuff(?:s|ed)|acknowledg(?:es|ed)"
    r"|admit(?:s|ted)|accept(?:s|ed)|took|claimed|regret(?:s|ted)|apologi[sz]e[sd]|confirmed|declined|accus(?:es|ed)"
    r"|blam(?:es|ed)|did not|never)\b",
    re.IGNORECASE,
)
# Between a party and its stance verb: "Russia's defence ministry on Monday flatly denied".
SUBJECT_GAP = re.compile(r"^(?:\s+(?:has|have|had|also|again|repeatedly|flatly|strongly|swiftly|on \w+|later))*\s+$")


def find_position(
    sentence: str,
    offset: int,
    attribution: Attribution | None,
    party: str | None,
    *,
    accusations: bool = True,
) -> Position | None:
    """The position a belligerent takes in this sentence, if any.

    ``party`` is the belligerent the sentence speaks for: from its attribution, or carried over
    from the previous sentence when the subject is a pronoun ("It has repeatedly denied ...").
    A carried-over party may deny or acknowledge, but an accusation needs its accuser named
    (``accusations=False``): "They accuse ..." is too often the critics, not the party.
    """
    for pattern, stance in (
        (ACKNOWLEDGES, Stance.ACKNOWLEDGES),
        (DENIES, Stance.DENIES),
        (NO_COMMENT, Stance.NO_COMMENT),
        (ACCUSES, Stance.ACCUSES),
    ):
        if stance is Stance.ACCUSES and not accusations:
            continue
        found = pattern.search(sentence)
        if found is None:
            continue
        speaks_for = party or (_subject(sentence, found.start()) if STANCE_VERB.match(found.group()) else None)
        if speaks_for is not None:
            return Position(
                start=offset,
                end=offset + len(sentence.rstrip()),
                party=speaks_for,
                organisation=attribution.organisation if attribution else None,
                speaker=attribution.speaker if attribution else None,
                role=attribution.role if attribution else None,
                stance=stance,
                words=sentence.rstrip(),
            )
    return None


def _subject(sentence: str, verb: int) -> str | None:
    """The belligerent whose stance verb this is when no speech verb names it: "Moscow denied killing ...".

    Only a party standing right before the verb is its subject; "activists accused Russia" is not
    Russia's position.
    """
    for match in find_actors(sentence[:verb]):
        if SUBJECT_GAP.match(sentence[match.end : verb]):
            return belligerent(match.actor)
    return None
