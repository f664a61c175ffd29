"""Publisher names from web addresses and credit lines."""

from __future__ import annotations

import pytest

from civharm.capture.publisher import publisher_from_credit, publisher_from_url, registered_domain


@pytest.mark.parametrize(
    ("url", "domain", "publisher"),
    [
        ("http://www.reuters.com/article/x", "reuters.com", "Reuters"),
        ("https://english.ahram.org.eg/News/1.aspx", "ahram.org.eg", "Ahram Online"),
        ("http://preview.independent.co.uk/news/x", "independent.co.uk", "The Independent"),
        ("https://www.business-standard.com/amp/x", "business-standard.com", "Business Standard"),
        ("https://news.some-paper.co.uk/x", "some-paper.co.uk", "Some Paper"),
        ("https://meridian-wire.example.org/stories/1", "meridian-wire.example.org", "Meridian Wire"),
        # an archived copy is the original outlet's, not the archive's
        ("http://web.archive.org/web/20140330185038/http://www.reuters.com/x", "reuters.com", "Reuters"),
        ("https://web.archive.org/web/2016id_/www.kctv5.com/story/1", "kctv5.com", "Kctv5"),
        ("https://web.archive.org/about/", "archive.org", "Archive"),
        ("http://10.0.0.1/x", None, None),
        (None, None, None),
    ],
)
def test_publisher_from_url(url: str | None, domain: str | None, publisher: str | None) -> None:
    assert registered_domain(url) == domain
    assert publisher_from_url(url) == publisher


@pytest.mark.parametrize(
    ("text", "publisher"),
    [
        ("You must credit the Forward, retain our pixel.", "The Forward"),
        ("© 2015 Reuters. All rights reserved.", "Reuters"),
        ("Copyright 2016 The Associated Press. All rights reserved.", "The Associated Press"),
        ("The ministry did not credit the Observatory's figures.", None),
        ("Copyright law was not at issue here.", None),
    ],
)
def test_publisher_from_credit(text: str, publisher: str | None) -> None:
    assert publisher_from_credit(text) == publisher
