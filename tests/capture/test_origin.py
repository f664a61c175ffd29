"""Wire agencies and original publishers behind republished reports."""

from __future__ import annotations

from pathlib import Path

import pytest

from civharm.capture.origin import UNNAMED_WIRE, detect_origin
from civharm.capture.plaintext import extract_plain


@pytest.mark.parametrize(
    ("text", "publisher", "origin"),
    [
        ("BEIRUT (Reuters) - At least 12 people were killed.", "The Daily Example", "Reuters"),
        ("BEIRUT (Reuters) - At least 12 people were killed.", "Reuters", None),
        ("DAMASCUS, Syria (AP) — Air strikes hit the town.", None, "AP"),
        ("Air strikes hit the town, killing 12. — AP", None, "AP"),
        ("AFP , Sunday 11 Oct 2015\nHuman Rights Watch said ...", "Ahram Online", "AFP"),
        ("The strike killed 12.\nSource: AFP, AP", "Al Jazeera", "AFP, AP"),
        ("The strike killed 12.\nSOURCE: Al Jazeera And Agencies", "Al Jazeera", "agencies"),
        ("The strike killed 12.\nSource: Al Jazeera", "Al Jazeera", None),
        ("The strike killed 12.\nReporting by John Irish; Editing by Paul Taylor", "Yahoo News", "Reuters"),
        ("The strike killed 12.\nReporting by John Irish; Editing by Paul Taylor", "Reuters", None),
        ("This article originally appeared in The Guardian.", "Yahoo News", "The Guardian"),
        ("The photographs were dropped on Oct. 4, according to Agence France Presse.", None, "AFP"),
        ("At least 23 died in the attack, Reuters reports.", "Newser", "Reuters"),
        ("A doctor told Reuters that 11 people were killed.", "The Independent", None),
        ("The report, first published in March, said 12 died.", None, None),
        ("Apart from that, ap and afp in lower case are not agencies.", None, None),
        (
            "ARIHA, Syria (Meridian Wire Agency) - An air strike hit the market.",
            "Orontes Daily",
            "Meridian Wire Agency",
        ),
        ("ARIHA, Syria (Meridian Wire Agency) - An air strike hit the market.", "Meridian Wire", None),
    ],
)
def test_detects_the_origin(text: str, publisher: str | None, origin: str | None) -> None:
    assert detect_origin(text, publisher) == origin


def test_wire_section_label_marks_unnamed_wire_copy() -> None:
    text = "Fast Forward\nAmnesty Slams Russian Bombing\nA day after officials announced a deal."
    assert detect_origin(text, "The Forward") == UNNAMED_WIRE
    assert detect_origin(text, "Another Paper") is None  # the label only means wire copy on its own site


def test_seed_page_has_an_origin(samples: Path) -> None:
    page = extract_plain((samples / "000.txt").read_text(encoding="utf-8"))
    assert detect_origin(page.origin_hints, page.publisher) == UNNAMED_WIRE
