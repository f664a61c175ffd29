"""Who says so: the organisation, person and role a sentence attributes its content to.

Read from speech verbs ("said", "told", "according to", "reported") and from appositions
("Igor Konashenkov, a spokesman for the Russian Defense Ministry,"). Figures, legal
characterisations and positions all carry the attribution of the sentence they come from.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from civharm.extract.actors import GENERIC_SOURCES, ActorKind, belligerent, find_actors

SPEECH = re.compile(
    r"\b(?:said|says|say|told|tells|stated|added|reported|reports|according to|claimed|claims|estimated"
    r"|estimates|documented|recorded|confirmed|announced|put the (?:death )?toll|cited|quoted|warned|wrote)\b",
    re.IGNORECASE,
)
ROLE = re.compile(
    r"^\s*,\s*(?:a|an|the)?\s*(?P<role>(?:[A-Za-z-]+\s+){0,3}?(?:spokes(?:man|woman|person)|director|head|chief"
    r"|minister|official|commander|general|president|researcher|coordinator|adviser|advisor|representative"
    r"|founder|secretary|envoy|ambassador|colonel|lieutenant|major|doctor|surgeon|activist|monitor|analyst))\b",
    re.IGNORECASE,
)
GENERIC = re.compile(r"\b(?:" + "|".join(re.escape(s) for s in GENERIC_SOURCES) + r")\b", re.IGNORECASE)


@dataclass(frozen=True)
class Attribution:
    organisation: str | None  # canonical name from the actor dictionary, or the generic words
    party: str | None  # the belligerent the organisation speaks for, if any
    speaker: str | None
    role: str | None

    @property
    def source(self) -> str | None:
        """The name to show as the source of a figure."""
        return self.organisation or self.speaker


def attribute(
    sentence: str, persons: Sequence[tuple[int, int]] = (), organisations: Sequence[tuple[int, int]] = ()
) -> Attribution | None:
    """The sentence's attribution, or None when it attributes nothing to anyone.

    ``persons`` and ``organisations`` are PERSON and ORG entity spans (sentence-relative) from the
    NER: an organisation our dictionary does not know still names the source when it speaks.
    """
    actors = find_actors(sentence)
    has_speech = SPEECH.search(sentence) is not None
    quoted = re.search(r"[“\"].{8,}[”\"]", sentence) is not None
    if not (has_speech or quoted):
        return None
    speaker: str | None = None
    role: str | None = None
    for start, end in persons:
        speaker = re.sub(r"[’']s$", "", sentence[start:end])
        role_match = ROLE.match(sentence[end:])
        if role_match:
            role = role_match.group("role").strip().lower()
        break
    sources = [
        m
        for m in actors
        if m.actor.kind not in (ActorKind.STATE, ActorKind.ARMED_GROUP, ActorKind.COALITION) or not m.as_adjective
    ]
    # An organisation right after a speech verb or before one is the speaker's; prefer monitors and NGOs.
    organisation: str | None = None
    party: str | None = None
    ranked = sorted(sources, key=lambda m: (m.actor.kind is ActorKind.STATE, m.start))
    if ranked:
        organisation = ranked[0].actor.name
        party = belligerent(ranked[0].actor)
    elif (generic := GENERIC.search(sentence)) is not None:
        organisation = generic.group(0).lower()
    elif organisations and has_speech:
        start, end = organisations[0]
        organisation = re.sub(r"^the\s+", "", sentence[start:end], flags=re.IGNORECASE).strip()
    if organisation is None and speaker is None:
        return None
    return Attribution(organisation, party, speaker, role)
