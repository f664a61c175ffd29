"""Types of evidence a report says exist: interviews, video, images, satellite imagery, documents."""

from __future__ import annotations

import re

from civharm.records import EvidenceMention

EVIDENCE_PATTERNS: tuple[tuple[str, str], ...] = (
    (
        "witness interviews",
        r"interview(?:s|ed)?\s+(?:with\s+)?(?:\w+\s+){0,3}?witnesses"
        r"|witness(?:es)?(?:'|’)? (?:accounts|testimon(?:y|ies)|statements)|eyewitness(?:es| accounts)",
    ),
    (
        "survivor interviews",
        r"interview(?:s|ed)?\s+(?:with\s+)?(?:\w+\s+){0,5}?survivors|survivors(?:'|’)? (?:accounts|testimon(?:y|ies))",
    ),
    ("video", r"video(?:s| evidence| footage| recordings?)?|footage"),
    ("images", r"images|photo(?:graph)?s|pictures|photographic evidence"),
    ("satellite imagery", r"satellite (?:imagery|images|photos|pictures)"),
    ("documents", r"documents|medical records|death certificates|hospital records"),
    (
        "munition remnants",
        r"(?:munition|weapon|bomb|missile) (?:remnants|fragments|debris)"
        r"|remnants of (?:the )?(?:munitions?|bombs?|missiles?)",
    ),
)
EVIDENCE = re.compile("|".join(f"(?P<e{i}>\\b(?:{p})\\b)" for i, (_, p) in enumerate(EVIDENCE_PATTERNS)), re.IGNORECASE)
# Evidence words count only where the sentence is about evidence, not any "video" in passing.
CONTEXT = re.compile(
    r"\b(?:evidence|based on|interview|showing|shows?|shown|documented|verified|analy[sz]ed|reviewed|obtained"
    r"|filmed|posted|shared|footage|imagery|images)\b",
    re.IGNORECASE,
)


def find_evidence(sentence: str, offset: int = 0) -> list[EvidenceMention]:
    if not CONTEXT.search(sentence):
        return []
    found: list[EvidenceMention] = []
    for match in EVIDENCE.finditer(sentence):
        index = next(int(k[1:]) for k, v in match.groupdict().items() if v is not None)
        kind = EVIDENCE_PATTERNS[index][0]
        if (
            kind == "images"
            and re.match(r"\s*(?:imagery|images)", sentence[match.start() :])
            and "satellite" in sentence[max(0, match.start() - 12) : match.start()].lower()
        ):
            continue
        found.append(EvidenceMention(start=match.start() + offset, end=match.end() + offset, type=kind))
        # "interviews with witnesses and survivors": both kinds from one phrase.
        if kind == "witness interviews" and re.match(r"\s+and\s+survivors", sentence[match.end() :]):
            tail = re.match(r"\s+and\s+survivors", sentence[match.end() :])
            assert tail is not None
            found.append(
                EvidenceMention(
                    start=match.start() + offset,
                    end=match.end() + tail.end() + offset,
                    type="survivor interviews",
                )
            )
    return found
