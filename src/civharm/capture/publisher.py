"""Who published a report: from the page's own credit line, else from its web address.

The table holds the outlets this project meets most (news agencies, Middle East and
international news, human-rights NGOs); any other domain falls back to its name,
title-cased ("business-standard.com" -> "Business Standard"), which is right often enough
and easy for an analyst to correct.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

KNOWN_DOMAINS: dict[str, str] = {
    "reuters.com": "Reuters",
    "apnews.com": "AP",
    "ap.org": "AP",
    "afp.com": "AFP",
    "aljazeera.com": "Al Jazeera",
    "aljazeera.net": "Al Jazeera",
    "alarabiya.net": "Al Arabiya",
    "ahram.org.eg": "Ahram Online",
    "newarab.com": "The New Arab",
    "alaraby.co.uk": "The New Arab",
    "forward.com": "The Forward",
    "bbc.com": "BBC",
    "bbc.co.uk": "BBC",
    "theguardian.com": "The Guardian",
    "independent.co.uk": "The Independent",
    "nytimes.com": "The New York Times",
    "washingtonpost.com": "The Washington Post",
    "wsj.com": "The Wall Street Journal",
    "cnn.com": "CNN",
    "dw.com": "DW",
    "france24.com": "France 24",
    "tass.com": "TASS",
    "tass.ru": "TASS",
    "rt.com": "RT",
    "sputniknews.com": "Sputnik",
    "presstv.ir": "Press TV",
    "presstv.com": "Press TV",
    "trtworld.com": "TRT World",
    "aa.com.tr": "Anadolu Agency",
    "abc.net.au": "ABC News (Australia)",
    "ibtimes.co.uk": "International Business Times UK",
    "hrw.org": "Human Rights Watch",
    "amnesty.org": "Amnesty International",
    "msf.org": "MSF",
    "phr.org": "Physicians for Human Rights",
    "airwars.org": "Airwars",
    "syriahr.com": "Syrian Observatory for Human Rights",
    "un.org": "United Nations",
    "reliefweb.int": "ReliefWeb",
    "ohchr.org": "OHCHR",
    "icrc.org": "ICRC",
}

# Documentation domains (RFC 2606): the label below them is the outlet's name.
_RESERVED_PARENTS = frozenset({"example.org", "example.com", "example.net"})
# Second-level labels under which a country registers names: "co.uk", "com.au", "org.eg", ...
_SECOND_LEVEL = frozenset({"co", "com", "org", "net", "gov", "ac", "edu", "or", "ne", "go"})
_HOST_PREFIXES = ("www.", "m.", "amp.", "english.", "en.", "preview.", "mobile.")
# Credit cues in the page: "you must credit the Forward", "© 2015 Reuters", "Copyright 2016 The AP".
# A bare "credit" is too common in news prose ("did not credit the reports"), so it needs an instruction.
_NAME = r"(?P<name>(?:[Tt]he )?[A-Z][\w'’&-]*(?: [A-Z][\w'’&-]*){0,4})"
_CREDIT_PATTERNS = (
    re.compile(r"\b(?:must|please|should|always|and) (?:give )?credit (?:to )?" + _NAME),
    re.compile(r"(?:©|\([cC]\)|\b[Cc]opyright)\s*(?:\([cC]\)\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?,?\s+)?" + _NAME),
)
# A Wayback Machine copy: "https://web.archive.org/web/20140330185038/http://..." (also "2016id_/www...").
_WAYBACK = re.compile(r"^https?://(?:web\.)?archive\.org/web/[0-9a-z_*]+/(.+)$", re.IGNORECASE)
# Words that end a name in a copyright line: "© 2015 Reuters All Rights Reserved".
_NAME_STOPS = frozenset({"all", "rights", "reserved", "copyright"})


def publisher_from_url(url: str | None) -> str | None:
    """The outlet behind a URL: a known name, or the registered domain's label title-cased."""
    domain = registered_domain(url)
    if not domain:
        return None
    if domain in KNOWN_DOMAINS:
        return KNOWN_DOMAINS[domain]
    label = domain.split(".", 1)[0]
    return " ".join(part.capitalize() for part in re.split(r"[-_]+", label) if part) or None


def original_url(url: str) -> str:
    """The address an archived copy was taken from ("web.archive.org/web/2014.../http://www.wnct.com/x"
    -> "http://www.wnct.com/x"): the outlet is the original's, not the archive's. Any other address as is."""
    found = _WAYBACK.match(url.strip())
    if not found:
        return url
    inner = found.group(1)
    return inner if "://" in inner[:10] else "http://" + inner


def registered_domain(url: str | None) -> str | None:
    """ "https://english.ahram.org.eg/x" -> "ahram.org.eg"; None for a URL without a host name."""
    if not url:
        return None
    try:
        host = (urlsplit(original_url(url)).hostname or "").lower().rstrip(".")
    except ValueError:
        return None
    if not host or re.fullmatch(r"[\d.]+|\[?[0-9a-f:]+\]?", host):
        return None
    for known in KNOWN_DOMAINS:
        if host == known or host.endswith("." + known):
            return known
    for prefix in _HOST_PREFIXES:
        if host.startswith(prefix) and host.count(".") >= 2:
            host = host[len(prefix) :]
    labels = host.split(".")
    parent = ".".join(labels[-2:])
    if len(labels) >= 3 and (parent in _RESERVED_PARENTS or (labels[-2] in _SECOND_LEVEL and len(labels[-1]) == 2)):
        return ".".join(labels[-3:])
    return parent


def publisher_from_credit(text: str) -> str | None:
    """A publisher named by a credit cue in the page ("You must credit the Forward")."""
    for pattern in _CREDIT_PATTERNS:
        for match in pattern.finditer(text):
            words: list[str] = []
            for word in match.group("name").split():
                if word.lower() in _NAME_STOPS:
                    break
                words.append(word)
            if words and words[0].lower() == "the":
                words[0] = "The"
            if words and words != ["The"]:
                return " ".join(words)
    return None
