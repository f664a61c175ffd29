"""Legal characterisations ("may amount to war crimes") and who makes them."""

from __future__ import annotations

import re

from civharm.extract.attribution import Attribution
from civharm.records import LegalMention

LEGAL = re.compile(
    r"(?:(?:may|might|could|would|likely to)\s+(?:\w+\s+)?(?:amount to|constitute|be considered)\s+)?"
    r"(?:an?\s+)?(?:war crimes?|crimes? against humanity|genocide"
    r"|(?:serious\s+|grave\s+)?(?:violations?|breach(?:es)?) of international (?:humanitarian |human rights )?law"
    r"|violat(?:ed|ing|es|e)\s+(?:international\s+)?humanitarian law"
    r"|indiscriminate (?:attacks?|bombing|strikes?)|disproportionate (?:attacks?|force)|collective punishment"
    r"|deliberate(?:ly)? (?:attacks?|targeting) (?:on |of )?civilians)",
    re.IGNORECASE,
)


def find_legal(sentence: str, offset: int, attribution: Attribution | None) -> list[LegalMention]:
    by = attribution.organisation if attribution else None
    speaker = attribution.speaker if attribution else None
    return [
        LegalMention(
            start=m.start() + offset,
            end=m.end() + offset,
            words=m.group(0),
            by=by or speaker,
            speaker=speaker,
        )
        for m in LEGAL.finditer(sentence)
    ]
