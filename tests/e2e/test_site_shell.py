import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import login

pytestmark = pytest.mark.e2e


def test_visitor_navigates_switches_language_and_member_logs_in(page):
    page.goto("/")
    expect(page.locator("h1")).to_have_count(1)
    assert page.locator("html").get_attribute("lang") == "nl"

    nav = page.get_by_role("navigation", name="Hoofdmenu")
    nav.get_by_role("link", name="Kennisbank").click()
    page.wait_for_url("**/kennisbank/")
    assert page.locator("h1").inner_text() == "Kennisbank"
    expect(page.get_by_role("navigation", name="Kruimelpad")).to_be_visible()

    page.get_by_role("navigation", name="Taal").get_by_role("link", name="English").click()
    page.wait_for_url("**/en/kennisbank/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("h1").inner_text() == "Knowledge base"
    page.get_by_role("navigation", name="Language").get_by_role("link", name="Nederlands").click()
    page.wait_for_url("**/kennisbank/")

    # Keyboard users reach the skip link first.
    page.goto("/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip-link"

    login(page, "lid@example.org", "Demo-lid-2026")
    page.wait_for_url("**/mijn/")
    assert page.locator("h1").inner_text() == "Mijn portaal"
    organisations = page.get_by_role("region", name="Mijn organisaties")
    expect(organisations.get_by_text("Stichting Waterbron").first).to_be_visible()
    expect(organisations.get_by_text("Digitaal Dorp").first).to_be_visible()
    assert page.external_requests == []


def test_wrong_password_shows_message_and_keeps_email(page):
    login(page, "lid@example.org", "niet-het-wachtwoord")
    expect(page.get_by_role("alert")).to_be_visible()
    assert page.get_by_label("E-mailadres").input_value() == "lid@example.org"
