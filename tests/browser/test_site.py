"""The public site in a real browser: every page type loads cleanly and passes axe; filters, the map,
and "Republish this" work as a reader would use them. Screenshots go to test-artifacts/."""

from __future__ import annotations

from typing import Any

import pytest

from civharm.store.republish import RepublishLog
from tests.browser.conftest import ARTIFACTS, Site, StaticSite

pytestmark = pytest.mark.browser

# axe-core impact levels that fail a page; "minor" and "moderate" ones are reported, not failed.
FAILING_IMPACTS = {"serious", "critical"}


def _open(context: Any, url: str) -> tuple[Any, list[str]]:
    """A page at ``url`` with every console error and uncaught exception collected."""
    page = context.new_page()
    problems: list[str] = []
    page.on("console", lambda m: problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    page.goto(url)
    page.wait_for_load_state("networkidle")
    return page, problems


def _axe(page: Any) -> list[str]:
    results = page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
        for v in results["violations"]
        if v["impact"] in FAILING_IMPACTS
    ]


def _pages(site: Site) -> dict[str, str]:
    incidents = site.store.incidents()
    incident = next(i for i in incidents if i.civilians_killed is not None and i.place is not None)
    return {
        "home": "/",
        "incident": f"/incidents/{incident.id}",
        "report": f"/reports/{incident.report_ids[0]}",
        "tallies": "/tallies",
        "map": "/map",
        "methodology": "/methodology",
        "republications": "/republications",
        "api-docs": "/api/docs",
        "not-found": "/incidents/no-such-incident",
    }


def test_every_page_type_loads_without_errors_and_passes_axe(site: Site, context: Any) -> None:
    failures: list[str] = []
    for name, path in _pages(site).items():
        page, problems = _open(context, site.base + path)
        if name == "map":
            page.wait_for_selector("#map[data-ready='true']", state="attached")
        if name == "not-found":  # the 404 itself is logged by the browser; nothing else may be
            problems = [p for p in problems if "404" not in p]
        failures += [f"{name}: {p}" for p in problems]
        failures += [f"{name}: axe {v}" for v in _axe(page)]
        assert page.locator("a.skip").get_attribute("href") == "#content", name
        page.screenshot(path=str(ARTIFACTS / f"page-{name}.png"), full_page=True)
        page.close()
    assert failures == []


def test_skip_link_and_keyboard_reach_the_content(site: Site, context: Any) -> None:
    page, _ = _open(context, site.base + "/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip"
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#content"
    assert page.evaluate("document.activeElement.id") == "content"


def test_filters_narrow_the_list_and_headline(site: Site, context: Any) -> None:
    page, problems = _open(context, site.base + "/")
    all_rows = page.locator("#incident-table tbody tr").count()
    page.fill("#f-perp", "Russia")
    page.click("form.filters button[type=submit]")
    page.wait_for_load_state("networkidle")
    assert "perpetrator=Russia" in page.url
    cells = page.locator("#incident-table tbody tr td:nth-child(4)").all_inner_texts()
    assert cells and all("Russia" in c for c in cells)
    assert len(cells) < all_rows
    assert "for these filters" in page.inner_text("#headline-heading")
    page.screenshot(path=str(ARTIFACTS / "filtered-home.png"), full_page=True)
    assert problems == []


def test_map_marker_opens_a_popup(site: Site, context: Any) -> None:
    page, problems = _open(context, site.base + "/map")
    page.wait_for_selector("#map[data-ready='true']", state="attached")
    marker = page.locator(".leaflet-marker-icon.incident-dot").first
    marker.click()
    popup = page.locator(".leaflet-popup-content")
    popup.wait_for()
    assert "Civilians reported killed" in popup.inner_text()
    assert popup.locator("a").first.get_attribute("href").startswith("/incidents/")
    # keyboard: Escape closes it, Enter on a focused marker opens it again
    page.keyboard.press("Escape")
    marker.focus()
    page.keyboard.press("Enter")
    popup.wait_for()
    page.wait_for_timeout(300)  # let Leaflet's fade-in finish so the screenshot shows the popup
    page.screenshot(path=str(ARTIFACTS / "map-popup.png"))
    assert problems == []


def test_republish_snippet_copies_and_its_pixel_is_counted(site: Site, context: Any, republisher: StaticSite) -> None:
    path = _pages(site)["incident"]
    page, problems = _open(context, site.base + path)
    page.click("button[data-copy='republish-html']")
    page.wait_for_function("document.getElementById('republish-status').textContent === 'Copied.'")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == page.input_value("#republish-html")
    assert copied.count("<img") == 1 and "/pixel/incident-" in copied
    assert problems == []

    (republisher.folder / "story.html").write_text(
        f"<!doctype html><html lang='en'><head><title>Republished</title></head><body>{copied}</body></html>",
        encoding="utf-8",
    )
    key = "incident-" + path.rsplit("/", 1)[1]
    before = sum(r.hits for r in RepublishLog(site.store).republications(key))
    story = context.new_page()
    with story.expect_response(lambda r: "/pixel/" in r.url and r.status == 200):
        story.goto(republisher.base + "/story.html")
    after = RepublishLog(site.store).republications(key)
    assert sum(r.hits for r in after) == before + 1
    assert any(r.referrer and r.referrer.startswith(republisher.base) for r in after)

    listing, problems = _open(context, site.base + "/republications")
    assert republisher.base in listing.inner_text("main")
    listing.screenshot(path=str(ARTIFACTS / "republications.png"), full_page=True)
    assert problems == []
