"""The figures charts draw in the Dutch admin (issue 12, item 14): a real browser, the demo
editor, no console errors, and bars with a width."""

import pytest

from tests.e2e.conftest import login

pytestmark = pytest.mark.e2e


def test_figures_bars_draw_in_the_dutch_admin(page):
    errors = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.on("pageerror", lambda error: errors.append(str(error)))
    login(page, "redacteur@example.org", "Demo-redacteur-2026")
    page.wait_for_load_state()
    page.goto("/admin/learninglines/figures/?year=2026")
    assert page.locator("html").get_attribute("lang") == "nl"
    # The header names the page.
    assert page.locator(".w-breadcrumbs li:not([hidden])").last.inner_text().strip() == \
        "Cijfers leerlijnen"
    widths = page.eval_on_selector_all(
        "svg rect", "rects => rects.map(r => r.getBBox().width)")
    assert len(widths) > 10
    assert sum(1 for width in widths if width > 0) >= 5, widths
    heights = page.eval_on_selector_all(
        "svg[aria-labelledby=monthly-chart-title] rect",
        "rects => rects.map(r => r.getBBox().height)")
    assert any(height > 0 for height in heights)
    # Chromium reports every unparsable SVG attribute ("Expected length, "302,3"") here.
    assert errors == []
