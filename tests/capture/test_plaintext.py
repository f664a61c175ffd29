"""Plain page text: boilerplate removal, title and dateline, on the real samples and on made-up pages."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from civharm.capture.plaintext import extract_plain

LEFTOVERS = ("Republish This Story", "Internet Explorer", "becoming a Forward Member", "Skip To Content")


def sample_ids(samples: Path) -> list[str]:
    return sorted(p.stem for p in samples.glob("[0-9][0-9][0-9].txt"))


def index(samples: Path) -> dict[str, dict[str, object]]:
    lines = (samples / "index.jsonl").read_text(encoding="utf-8").splitlines()
    return {item["id"]: item for item in map(json.loads, lines)}


def test_seed_text_is_the_whole_article_and_nothing_else(samples: Path) -> None:
    raw = (samples / "000.txt").read_text(encoding="utf-8")
    page = extract_plain(raw)
    paragraphs = raw.split("A day after officials announced", 1)[1].split("aftermath of attacks.", 1)[0]
    article = "A day after officials announced" + paragraphs + "aftermath of attacks."
    for paragraph in article.split("\n\n"):
        assert paragraph.strip() in page.text
    assert page.text.rstrip().endswith("images showing the aftermath of attacks.")
    for boilerplate in (
        *LEFTOVERS,
        "JEWISH. INDEPENDENT. NONPROFIT.",
        "support the Forward",
        "Publisher & CEO",
        "paywall",
        "Readers like you",
        "To republish",
        "Please use Chrome",
        "With your support",
    ):
        assert boilerplate not in page.text
    assert page.title == "Amnesty Slams Russian Bombing for Syrian Civilian Deaths"
    assert page.published is None  # "whatever news 2025 brings" is in the appeal, and no full date anyway
    assert page.publisher == "The Forward"  # "You must credit the Forward"


def test_no_sample_keeps_closing_boilerplate(samples: Path) -> None:
    for sample in sample_ids(samples):
        text = extract_plain((samples / f"{sample}.txt").read_text(encoding="utf-8")).text
        assert text.strip(), sample
        for leftover in LEFTOVERS:
            assert leftover not in text, (sample, leftover)


def test_dates_found_are_the_published_dates(samples: Path) -> None:
    """Never a wrong date: a date taken from a sample is the date its index records."""
    known = index(samples)
    found = 0
    for sample in sample_ids(samples):
        published = extract_plain((samples / f"{sample}.txt").read_text(encoding="utf-8")).published
        if published is not None:
            found += 1
            assert str(published) == known[sample]["published"], sample
    assert found >= 10


def test_masthead_is_not_the_title(samples: Path) -> None:
    raw = (samples / "029.txt").read_text(encoding="utf-8")
    assert extract_plain(raw).title == "The Syrian Observatory For Human Rights"  # no way to know without the URL
    titled = extract_plain(raw, masthead="Syrian Observatory for Human Rights").title
    assert titled and titled.startswith("Warplanes commit 2 massacres")


ARTICLE = [
    "Officials said at least twelve civilians were killed when an air strike hit the market early on Monday.",
    "Witnesses said the strike destroyed several shops and damaged a nearby school building in the town.",
    "The ministry denied any involvement and said its aircraft had only struck military targets that day.",
    "A local doctor said the hospital had received dozens of wounded people, many of them children.",
]


def page(*paragraphs: str) -> str:
    return "\n\n".join(paragraphs)


def test_mid_article_donation_box_is_dropped_and_the_article_resumes() -> None:
    appeal = "Before you go, please support our journalism: become a member today and help us keep reporting."
    text = extract_plain(page("Air strike hits market town", ARTICLE[0], ARTICLE[1], appeal, ARTICLE[2], ARTICLE[3]))
    assert appeal not in text.text
    for paragraph in ARTICLE:
        assert paragraph in text.text


def test_tail_after_credit_line_is_dropped() -> None:
    related = "Thousands flee as fighting spreads to the northern province"
    raw = page("Air strike hits market town", *ARTICLE, "Source: AFP, AP", related, related)
    result = extract_plain(raw)
    assert result.text.endswith(ARTICLE[3])
    assert "AFP, AP" in result.origin_hints


@pytest.mark.parametrize(
    "noise",
    [
        "Related: Why the market was hit twice",
        "Read more: Up to 7,000 people tortured in detention",
        "Share this article",
        "Sign up for our daily newsletter to get the news in your inbox",
        "We use cookies to improve your experience on our website.",
        "A boy runs past damaged buildings in the old town [Jane Doe/Reuters]",
        "In this photo taken on Monday, smoke rises over the market (AP Photo)",
        "2 min read",
        "Advertisement",
    ],
)
def test_inline_boilerplate_is_dropped_one_paragraph_at_a_time(noise: str) -> None:
    result = extract_plain(page("Air strike hits market town", ARTICLE[0], noise, ARTICLE[1], ARTICLE[2]))
    assert noise not in result.text
    assert ARTICLE[2] in result.text


def test_quoted_appeal_words_in_an_article_are_not_an_appeal() -> None:
    quote = '"We call on the world to support our work to rebuild the hospital," the director said on Tuesday.'
    result = extract_plain(page("Air strike hits market town", ARTICLE[0], quote, ARTICLE[1]))
    assert quote in result.text and ARTICLE[1] in result.text


def test_browser_notice_at_the_top_does_not_end_the_article() -> None:
    notice = "We don't support Internet Explorer. Please use Chrome, Safari, Firefox, or Edge."
    result = extract_plain(page(notice, "Air strike hits market town", *ARTICLE))
    assert "Internet Explorer" not in result.text
    assert all(p in result.text for p in ARTICLE)
    assert result.title == "Air strike hits market town"


@pytest.mark.parametrize(
    ("dateline", "expected"),
    [
        ("Posted: Friday, January 31, 2014", date(2014, 1, 31)),
        ("December 23, 2015", date(2015, 12, 23)),
        ("2015-12-23", date(2015, 12, 23)),
        ("By Jane Roe | 23 December 2015 10:15 GMT", date(2015, 12, 23)),
        ("• 20/03/2016", date(2016, 3, 20)),
    ],
)
def test_dateline_near_the_top_is_the_published_date(dateline: str, expected: date) -> None:
    result = extract_plain(page("Air strike hits market town", dateline, *ARTICLE))
    assert result.published == expected
    assert dateline not in result.text


@pytest.mark.parametrize(
    "dateline",
    ["JACKSON, Tenn. —", "NASHVILLE , Tenn. ( WKRN ) –", "INDIANAPOLIS (WISH) –", "HORRY COUNTY, SC (WMBF) -"],
)
def test_a_place_dateline_on_its_own_line_heads_the_first_paragraph(dateline: str) -> None:
    result = extract_plain(page("Air strike hits market town", dateline, *ARTICLE))
    assert result.text.startswith(f"Air strike hits market town\n\n{dateline} {ARTICLE[0]}")


def test_a_place_dateline_after_a_credit_line_still_heads_its_paragraph() -> None:
    credit = "(Source: WAVE 3 News/ Jane Roe)"
    result = extract_plain(
        page("Air strike hits market town", ARTICLE[0], credit, "LOUISVILLE, KY (WAVE) -", *ARTICLE[1:])
    )
    assert f"LOUISVILLE, KY (WAVE) - {ARTICLE[1]}" in result.text
    assert credit not in result.text


@pytest.mark.parametrize("label", ["NEWS, WEATHER", "HOME, NEWS", "BREAKING --"])
def test_capitals_that_are_no_place_dateline_are_not_kept(label: str) -> None:
    assert label not in extract_plain(page("Air strike hits market town", label, *ARTICLE)).text


def test_dates_deep_in_the_article_or_ambiguous_are_not_taken() -> None:
    late = "The previous strike, on September 30, 2015, killed nine people in the same district of the town."
    assert extract_plain(page("Air strike hits market town", *ARTICLE, late)).published is None
    assert extract_plain(page("Air strike hits market town", "03/04/2016", *ARTICLE)).published is None


def test_hard_wrapped_paragraphs_are_kept_whole() -> None:
    wrapped = (
        "Officials said at least twelve civilians were killed when an\n"
        "air strike hit the crowded market early on Monday morning, and\n"
        "witnesses said several shops and a school building were destroyed\n"
        "in the attack on the town."
    )
    result = extract_plain(page("Air strike hits market town", wrapped, ARTICLE[2]))
    assert wrapped in result.text
