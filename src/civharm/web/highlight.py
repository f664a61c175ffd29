"""Escape a report's text and wrap extracted spans in ``<mark>`` without ever breaking the HTML.

Captured text is untrusted: every character of it goes through ``markupsafe.escape`` and only our own
``<mark>`` tags are added. Spans may overlap arbitrarily (a casualty range inside an attack mention,
a position that starts inside a quote and ends after it); marks are nested where spans nest and
split into several fragments where they cross, so the tags always balance. Only the first fragment
of a span carries its anchor ``id`` so a link to ``#span-N`` lands where the span begins.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

# How far an excerpt may reach on each side of its spans when no sentence boundary is found
# (texts without punctuation, lists, tables). About two long news sentences.
MAX_CONTEXT_CHARS = 300

# A sentence ends at . ! or ? (optionally followed by closing quotes or brackets) and whitespace,
# when the next word starts with a capital, a digit-free opening quote or bracket; or at a line break.
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*\s+(?=[A-Z\"'“‘(\[])|\n\s*")
# Abbreviations after which a full stop does not end a sentence ("Mr. Putin", "Gen. Konashenkov").
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr gen col lt maj capt sgt st no vs jan feb mar apr jun jul aug sep sept oct nov dec".split()  # noqa: SIM905
)
_KIND_CLEAN = re.compile(r"[^a-z0-9-]+")

HighlightSpan = tuple[int, int, str, str]


@dataclass(frozen=True)
class _Mark:
    index: int  # position in the caller's sequence: the anchor number
    start: int
    end: int
    kind: str
    title: str


def _css_kind(kind: str) -> str:
    """A kind as a safe CSS class name (kinds are ours, but never trust a string into an attribute)."""
    return _KIND_CLEAN.sub("-", kind.lower()).strip("-") or "span"


def _open_tag(mark: _Mark, anchor: str | None, first: bool) -> str:
    kind = _css_kind(mark.kind)
    anchor = f' id="{escape(anchor)}"' if anchor and first else ""
    return f'<mark class="hl hl-{kind}" data-span="{mark.index}" title="{escape(mark.title)}"{anchor}>'


def _clamp(spans: Sequence[HighlightSpan], length: int) -> list[_Mark]:
    """Spans cut to the text; empty or inverted spans are dropped (nothing to mark)."""
    marks = []
    for index, (start, end, kind, title) in enumerate(spans):
        lo, hi = max(0, min(start, length)), max(0, min(end, length))
        if lo < hi:
            marks.append(_Mark(index, lo, hi, kind, title))
    return marks


def highlight(text: str, spans: Sequence[HighlightSpan], anchors: Sequence[str | None] | None = None) -> Markup:
    """``text`` escaped, with each ``(start, end, kind, title)`` span wrapped in ``<mark>``.

    With ``anchors`` the first fragment of span ``i`` gets ``id="{anchors[i]}"`` (when not None);
    the caller keeps anchors unique. Stripping the tags and unescaping gives ``text`` back exactly.
    """
    marks = _clamp(spans, len(text))
    points = sorted({0, len(text)} | {m.start for m in marks} | {m.end for m in marks})
    starting: dict[int, list[_Mark]] = {}
    for mark in marks:
        starting.setdefault(mark.start, []).append(mark)
    out: list[str] = []
    stack: list[_Mark] = []
    opened: set[int] = set()
    for here, there in zip(points, [*points[1:], None], strict=True):
        # Close every mark that ends here; marks opened above it are closed too and reopened after.
        ending = [i for i, m in enumerate(stack) if m.end == here]
        reopen: list[_Mark] = []
        if ending:
            lowest = ending[0]
            out.append("</mark>" * (len(stack) - lowest))
            reopen = [m for m in stack[lowest:] if m.end != here]
            del stack[lowest:]
        # Longest first, so a span that outlives the others encloses them and is not split.
        for mark in sorted([*reopen, *starting.get(here, [])], key=lambda m: (-m.end, m.index)):
            anchor = anchors[mark.index] if anchors is not None and mark.index < len(anchors) else None
            out.append(_open_tag(mark, anchor, mark.index not in opened))
            opened.add(mark.index)
            stack.append(mark)
        if there is not None:
            out.append(str(escape(text[here:there])))
    out.append("</mark>" * len(stack))
    return Markup("".join(out))


def _is_abbreviation(text: str, stop: int) -> bool:
    """Whether the full stop at ``stop`` closes a known abbreviation or an initial ("U.S.", "J.")."""
    word = re.search(r"([A-Za-z]+)$", text[max(0, stop - 12) : stop])
    if word is None:
        return False
    token = word.group(1)
    return token.lower() in _ABBREVIATIONS or len(token) == 1


def _sentence_ends(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """``(last char of sentence + 1, first char of next sentence)`` for each boundary in ``[lo, hi)``."""
    found = []
    for match in _SENTENCE_END.finditer(text, lo, hi):
        token = match.group(0)
        if token[0] == "." and _is_abbreviation(text, match.start()):
            continue
        stripped = len(token.rstrip())
        found.append((match.start() + stripped, match.end()))
    return found


def _bounds(text: str, start: int, end: int) -> tuple[int, int, bool, bool]:
    start, end = max(0, min(start, len(text))), max(0, min(end, len(text)))
    lo_limit = max(0, start - MAX_CONTEXT_CHARS)
    before = [nxt for _, nxt in _sentence_ends(text, lo_limit, min(len(text), start + 1)) if nxt <= start]
    lo = before[-1] if before else lo_limit
    hi_limit = min(len(text), end + MAX_CONTEXT_CHARS)
    after = _sentence_ends(text, end, hi_limit)
    hi = max(after[0][0], end) if after else hi_limit
    return lo, hi, not before and lo > 0, not after and hi < len(text)


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The smallest run of whole sentences around ``[start, end)``.

    At most ``MAX_CONTEXT_CHARS`` beyond the span on each side, for texts without sentence ends.
    """
    lo, hi, _, _ = _bounds(text, start, end)
    return lo, hi


@dataclass(frozen=True)
class Excerpt:
    """Whole sentences around some spans, marked; ``start`` and ``end`` locate it in the report text."""

    start: int
    end: int
    html: Markup
    cut_before: bool  # the excerpt does not begin at a sentence start (context limit reached)
    cut_after: bool


def _marked(text: str, lo: int, hi: int, spans: Sequence[HighlightSpan]) -> Markup:
    inside = [(s - lo, e - lo, kind, title) for s, e, kind, title in spans if s < hi and e > lo]
    return highlight(text[lo:hi], inside)


def excerpt(text: str, spans: Sequence[HighlightSpan]) -> Excerpt:
    """One run of sentences containing all ``spans``, escaped, with the spans marked."""
    if not spans:
        return Excerpt(0, 0, Markup(""), False, False)
    bounds = [_bounds(text, s, e) for s, e, _, _ in spans]
    lo = min(b[0] for b in bounds)
    hi = max(b[1] for b in bounds)
    cut_before = any(b[2] for b in bounds if b[0] == lo)
    cut_after = any(b[3] for b in bounds if b[1] == hi)
    return Excerpt(lo, hi, _marked(text, lo, hi, spans), cut_before, cut_after)


def excerpts(text: str, spans: Sequence[HighlightSpan]) -> list[Excerpt]:
    """The sentences containing ``spans``, one excerpt per run of adjacent or overlapping sentences.

    Spans far apart in a long report give separate excerpts rather than everything in between;
    each span is marked in every excerpt it reaches into.
    """
    windows = sorted(_bounds(text, s, e) for s, e, _, _ in spans)
    merged: list[tuple[int, int, bool, bool]] = []
    for lo, hi, cut_lo, cut_hi in windows:
        if merged and lo <= merged[-1][1]:
            last = merged[-1]
            if hi >= last[1]:
                merged[-1] = (last[0], hi, last[2], cut_hi)
        else:
            merged.append((lo, hi, cut_lo, cut_hi))
    return [Excerpt(lo, hi, _marked(text, lo, hi, spans), cl, ch) for lo, hi, cl, ch in merged]
