"""Search in a real browser: the header box on any page leads to ranked, marked results that pass axe."""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser.conftest import ARTIFACTS, Site
from tests.browser.test_site import _axe, _open

pytestmark = pytest.mark.browser


def test_header_search_box_finds_reports(site: Site, context: Any) -> None:
    page, problems = _open(context, site.base + "/methodology")
    page.get_by_role("searchbox", name="Search reports", exact=True).fill('Ariha "market"')
    page.keyboard.press("Enter")
    page.wait_for_url("**/search?q=*")
    assert page.locator("h2#results-heading").inner_text().endswith("found")
    first = page.locator("ol.results > li").first
    assert first.locator("mark.hl-match").count() >= 1
    assert first.locator("a[href^='/incidents/']").count() >= 1
    assert page.locator("#search-q").input_value() == 'Ariha "market"'
    first.locator("h3 a").click()
    page.wait_for_url("**/reports/*")
    assert problems == []
    page.close()


def test_search_page_passes_axe(site: Site, context: Any) -> None:
    failures: list[str] = []
    for name, query in (("results", "Ariha market"), ("refused", "-market"), ("empty", "")):
        page, problems = _open(context, site.base + "/search?q=" + query.replace(" ", "+"))
        if name == "refused":  # the 400 itself is logged by the browser; nothing else may be
            problems = [p for p in problems if "400" not in p]
        failures += [f"{name}: {p}" for p in problems]
        failures += [f"{name}: axe {v}" for v in _axe(page)]
        page.screenshot(path=str(ARTIFACTS / f"search-{name}.png"), full_page=True)
        page.close()
    assert failures == []
