"""Cue phrases that mark a paragraph of page text as boilerplate, and which kind it is.

Copied page text carries the page around the article: skip links, share buttons, photo
captions, newsletter boxes, and at the end donation appeals, "republish this story"
boxes, browser notices, credit lines and related headlines. The kinds matter because they
are handled differently: an *inline* cue removes one paragraph, a *closing* cue starts the
tail of the page, which is dropped unless the article clearly resumes (see ``plaintext``).

The phrases are generic web-publishing conventions, not fitted to particular pages.
"""

from __future__ import annotations

import re
from enum import StrEnum
from functools import lru_cache


class Cue(StrEnum):
    # inline: this paragraph only
    SKIP_LINK = "skip link"
    SHARE = "share or follow prompt"
    NEWSLETTER = "newsletter prompt"
    COOKIE = "cookie notice"
    RELATED = "related link"
    CAPTION = "photo caption"
    UI_LABEL = "page label"
    TAGLINE = "tagline"
    # closing: the tail of the page starts here
    APPEAL = "donation appeal"
    REPUBLISH = "republishing box"
    BROWSER = "browser notice"
    CREDIT = "credit line"
    TRAILER = "related-articles list"


CLOSING = frozenset({Cue.APPEAL, Cue.REPUBLISH, Cue.BROWSER, Cue.CREDIT, Cue.TRAILER})

# A "short" line is a label or button, not prose; 5 words covers "Share this article on Facebook".
SHORT_WORDS = 5
# Credit lines ("Source: AFP, AP", "Reporting by X; Editing by Y") are short; a long paragraph is prose.
CREDIT_MAX_WORDS = 25
# All-capitals slogans ("JEWISH. INDEPENDENT. NONPROFIT.") are short; longer capitals are shouting text.
TAGLINE_MAX_WORDS = 8

_I = re.IGNORECASE

_ANY_LENGTH: tuple[tuple[Cue, re.Pattern[str]], ...] = (
    (Cue.SKIP_LINK, re.compile(r"^(?:\d+\.\s*)?skip (?:to|navigation)\b", _I)),
    (Cue.APPEAL, re.compile(r"\ba message from (?:our|the) (?:publisher|editor|ceo|founder|president)", _I)),
    (Cue.APPEAL, re.compile(r"\bsupport\b[^.]{0,60}\b(?:journalism|newsroom)\b", _I)),
    (Cue.APPEAL, re.compile(r"\bsupport (?:our|us)\b[^.]{0,30}\b(?:work|mission|reporting)\b", _I)),
    (
        Cue.APPEAL,
        re.compile(r"\bbecom(?:e|ing) an? (?:[\w']+ ){0,3}(?:member|subscriber|supporter|patron)\b", _I),
    ),
    (Cue.APPEAL, re.compile(r"\breaders like you\b", _I)),
    (
        Cue.APPEAL,
        re.compile(r"\b(?:i|we) hope you (?:appreciated|enjoyed|valued|liked) (?:this|the|our)\b", _I),
    ),
    (Cue.APPEAL, re.compile(r"\bbefore you go\b", _I)),
    (Cue.APPEAL, re.compile(r"\b(?:with|thanks to) your (?:support|help|donation|gift)\b", _I)),
    (Cue.APPEAL, re.compile(r"\bmake an? (?:[\w-]+ )?(?:donation|gift|contribution) (?:to|today|now)\b", _I)),
    (Cue.APPEAL, re.compile(r"\bdonate (?:now|today|to us|to our|here|monthly)\b", _I)),
    (Cue.APPEAL, re.compile(r"\bwe rely on (?:readers|donations|the support|our readers|you)\b", _I)),
    (
        Cue.APPEAL,
        re.compile(r"\byour (?:donation|gift|contribution|support) (?:helps|makes|will|keeps)\b", _I),
    ),
    (Cue.REPUBLISH, re.compile(r"^republish\b", _I)),
    (Cue.REPUBLISH, re.compile(r"\brepublish(?:ing)? (?:this|our|the) (?:story|article|piece)\b", _I)),
    (Cue.REPUBLISH, re.compile(r"\bbefore republishing\b|^to republish\b", _I)),
    (Cue.REPUBLISH, re.compile(r"\brepublish(?:ed)? (?:it )?for free\b|\brepublishing guidelines\b", _I)),
    (
        Cue.BROWSER,
        re.compile(
            r"\b(?:don't|do not|no longer|doesn't|does not|not) support (?:internet explorer|"
            r"ie\s?\d*\b|your (?:current )?browser|this browser|older browsers)",
            _I,
        ),
    ),
    (
        Cue.BROWSER,
        re.compile(
            r"\bplease (?:use|upgrade|update|switch to|download)\b[^.]{0,60}\b"
            r"(?:chrome|firefox|safari|edge|browser)\b",
            _I,
        ),
    ),
    (Cue.BROWSER, re.compile(r"\b(?:outdated|unsupported|old|older) (?:web )?browser\b", _I)),
    (
        Cue.BROWSER,
        re.compile(r"\b(?:enable|turn on) javascript\b|\bjavascript is (?:disabled|required)\b", _I),
    ),
    (
        Cue.COOKIE,
        re.compile(
            r"\b(?:we|this (?:web)?site) uses? cookies\b|\bcookie (?:policy|settings|"
            r"preferences|consent)\b|\baccept (?:all )?cookies\b",
            _I,
        ),
    ),
    (
        Cue.NEWSLETTER,
        re.compile(
            r"\b(?:sign up|subscribe)\b[^.]{0,80}\b(?:newsletter|inbox|e-?mail"
            r"|updates|alerts|digest)\b",
            _I,
        ),
    ),
    (
        Cue.NEWSLETTER,
        re.compile(r"\bsubscribe (?:now|today|here)\b|\bget (?:our|the) [\w ]{0,30}newsletter\b", _I),
    ),
    (
        Cue.SHARE,
        re.compile(
            r"\bfollow us on\b|\bshare (?:this|on) (?:facebook|twitter|x|whatsapp|"
            r"article|story|page)\b|\bclick to (?:follow|share)\b",
            _I,
        ),
    ),
    (
        Cue.RELATED,
        re.compile(
            r"^(?:related|read more|read also|also read|see also|more on this|"
            r"watch|listen|further reading|recommended)\s*(?::|$|[-–—]\s)",
            _I,
        ),
    ),
    (
        Cue.CAPTION,
        re.compile(
            r"^(?:image|photo|picture|video|graphic|file photo|photo ?credit|"
            r"photograph|credit)s?(?: by)?\s*:",
            _I,
        ),
    ),
    (
        Cue.CAPTION,
        re.compile(
            r"^(?:in )?this (?:undated |handout |file )?(?:photo|image|picture|frame grab|"
            r"video grab)\b",
            _I,
        ),
    ),
    (Cue.CAPTION, re.compile(r"^(?:an? )?(?:video|screen|frame) ?grab\b", _I)),
    (Cue.CAPTION, re.compile(r"\bconsistent with (?:other )?AP reporting\b", _I)),
    (
        Cue.CAPTION,
        re.compile(
            r"^[^.]{0,60}\b(?:image|photo|picture|frame grab)s? (?:taken|made) from "
            r"(?:a )?(?:video|footage)\b",
            _I,
        ),
    ),
    # A caption ends with its credit and no full stop: "... Syria [Bassam Khabieh/Reuters]", "(AP photo)".
    (Cue.CAPTION, re.compile(r"[^.!?\"”]\s*\[[A-Z][^\]\n]{1,60}\]\s*$")),
    (Cue.CAPTION, re.compile(r"\((?:[^()]*\b(?:photo|image|picture|video)s?\b[^()]*)\)\s*$", _I)),
    (
        Cue.CAPTION,
        re.compile(
            r"[^.!?\"”]\s*\((?:Reuters|AP|AFP|Getty Images|EPA|Anadolu(?: Agency)?|"
            r"dpa|Xinhua|AFP/Getty Images|AP Photo)\)\s*$"
        ),
    ),
)

_CREDIT: tuple[re.Pattern[str], ...] = (
    re.compile(r"^\(?sources?\s*:\s*\S", _I),
    re.compile(r"^[\w .&'’+-]{2,40}\band agencies\.?\)?$", _I),
    re.compile(r"^(?:additional )?reporting by\b", _I),
    re.compile(r"^(?:writing|editing|compiled|edited) by\b", _I),
    re.compile(r"^our standards\s*:", _I),
    re.compile(r"^(?:©|\(c\)|copyright\b)", _I),
    re.compile(r"\ball rights reserved\b", _I),
)

_TRAILER = re.compile(
    r"^(?:related(?: articles| stories| content| coverage| news| posts)?|more (?:stories|news|from [\w .]+)|"
    r"most (?:read|popular|viewed|shared)|(?:top content )?trending(?: now| stories)?|"
    r"recommended(?: for you)?|"
    r"you (?:may|might) also like|read next|latest (?:news|stories)|comments|join the conversation)$",
    _I,
)

_UI_LABEL: tuple[re.Pattern[str], ...] = (
    re.compile(r"^\d+\s*min(?:ute)?s?\.?\s+read$", _I),
    re.compile(
        r"^(?:advertisement|advertising|sponsored|undefined|null|comments?|download(?: the)? pdf|print|menu|"
        r"search|home|close|loading\.*|all news|news|top stories|latest|video|photos?|gallery|listen|more|"
        r"back to top|show more|load more|read more|also read|donate(?: now| today)?|subscribe|log ?in|"
        r"sign ?in|sign up|share|tweet|e-?mail|whatsapp|facebook|twitter|follow|click to follow)$",
        _I,
    ),
    re.compile(r"^(?:published|updated|posted)\s*:?\s*(?:(?:published|updated|posted)\s*:?\s*)*$", _I),
    re.compile(r"^choose a language\b", _I),
)

# Breadcrumbs and menus: short segments between separators ("News / Russia", "Home | World").
_SEPARATED = re.compile(r"\s+[/|›»>]\s+")
_QUOTED = re.compile(r'"[^"]*"|“[^”]*”')
_FIRST_SECOND_PERSON = re.compile(r"\b(?:i|i'd|i'm|we|we're|we'll|our|us|you|your|you're)\b", _I)
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "\u00a0": " "})


def normalise(paragraph: str) -> str:
    """One line, plain apostrophes and spaces: what the patterns are written against."""
    return " ".join(paragraph.translate(_APOSTROPHES).split())


def word_count(paragraph: str) -> int:
    return len(paragraph.split())


# Paragraphs whose answer is kept: a page's paragraphs are asked about by the HTML pass and again by
# the plain-text pass, and each answer costs some forty pattern searches.
CACHED_PARAGRAPHS = 512


@lru_cache(maxsize=CACHED_PARAGRAPHS)
def cue_of(paragraph: str) -> Cue | None:
    """The boilerplate kind of a paragraph, or None when it may be article text."""
    text = normalise(paragraph).lstrip("•·*-–— ")
    if not text:
        return None
    words = word_count(text)
    if words <= SHORT_WORDS:
        short = _short_cue(text)
        if short:
            return short
    if words <= CREDIT_MAX_WORDS and any(p.search(text) for p in _CREDIT):
        return Cue.CREDIT
    for cue, pattern in _ANY_LENGTH:
        if pattern.search(text) and (cue is not Cue.APPEAL or _speaks_to_reader(text)):
            return cue
    if words <= TAGLINE_MAX_WORDS and _is_tagline(text):
        return Cue.TAGLINE
    if words <= TAGLINE_MAX_WORDS and _is_breadcrumb(text):
        return Cue.UI_LABEL
    return None


def _speaks_to_reader(text: str) -> bool:
    """Appeals are written as "we" to "you"; news prose quoting such words keeps them inside quotes."""
    unquoted = _QUOTED.sub(" ", text)
    return bool(_FIRST_SECOND_PERSON.search(unquoted))


def _short_cue(text: str) -> Cue | None:
    bare = text.rstrip(" :.")
    if _TRAILER.match(bare):
        return Cue.TRAILER
    if any(p.match(bare) for p in _UI_LABEL):
        return Cue.UI_LABEL
    return None


def _is_tagline(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 4 and all(c.isupper() for c in letters) and not any(c.isdigit() for c in text)


def _is_breadcrumb(text: str) -> bool:
    parts = _SEPARATED.split(text)
    return len(parts) >= 2 and all(1 <= word_count(p) <= 3 for p in parts) and not text.endswith(".")
