"""Browser test: a member completes the demo Digital Maturity Quick Scan for their
organisation and sees scores, levels, advice, recommendations, the trend and the
benchmark (issue 16); the answer pages fit a phone."""

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import login

pytestmark = pytest.mark.e2e


def test_member_completes_the_quick_scan_and_sees_the_result(page):
    login(page, "lid@example.org", "Demo-lid-2026")
    page.wait_for_url(lambda url: "/accounts/login/" not in url)
    page.goto("/mijn/scans/")
    quick_scan = page.locator("section.scan-card", has_text="Digital Maturity Quick Scan")
    quick_scan.locator("li.card", has_text="Digitaal Dorp").get_by_role(
        "button", name="Start een nieuwe ronde").click()
    expect(page.get_by_role("heading", name="Digital Maturity Quick Scan")).to_be_visible()
    page.get_by_role("link", name="Strategie en leiderschap").click()
    page.set_viewport_size({"width": 320, "height": 800})
    assert page.evaluate("document.documentElement.scrollWidth") <= 320  # no sideways scroll
    for part in range(5):
        groups = page.locator("fieldset.question")
        expect(groups).to_have_count(6)
        for index in range(groups.count()):
            group = groups.nth(index)
            expect(group.locator("legend")).to_have_count(1)
            options = group.locator("input[type=radio]")
            options.nth(min(2, options.count() - 1)).check()
        name = "Opslaan en verder" if part < 4 else "Opslaan en naar het overzicht"
        page.get_by_role("button", name=name).click()
        expect(page.get_by_text("Je antwoorden zijn opgeslagen.")).to_be_visible()
    page.set_viewport_size({"width": 1280, "height": 900})
    page.get_by_role("button", name="Mijn antwoorden zijn compleet").click()
    page.get_by_role("button", name="Sluit de ronde af en bewaar het resultaat").click()
    expect(page.get_by_text("De ronde is afgesloten en het resultaat is bewaard.")).to_be_visible()

    table = page.locator("table.scan-table")
    assert table.locator("tbody tr").count() == 5
    expect(table.get_by_role("columnheader", name="Ronde nov 2025")).to_be_visible()  # trend
    expect(table.get_by_role("columnheader", name="Sector: mediaan")).to_be_visible()  # benchmark
    assert page.locator("svg[role=img] title").first.text_content() == \
        "Score per dimensie (0-100)"
    assert page.locator("svg[role=img] rect").count() >= 5
    advice = page.locator(".scan-advice", has_text="Strategie en leiderschap")
    assert advice.locator("p").first.text_content().startswith("Strategie en leiderschap: ")
    assert page.locator(".scan-advice .recommendations a").count() >= 1
    expect(page.get_by_role("link", name="Digitale autonomie: een beleidskader voor "
                                         "directies").first).to_be_visible()
    assert page.external_requests == []
