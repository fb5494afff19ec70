"""Browser test: registering for a learning-line session, cancelling, the waiting list."""

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import login

pytestmark = pytest.mark.e2e

OPEN_SESSION = "/leerlijnen/equitable-partnerships/power-awareness-tool-online/"
FULL_SESSION = "/leerlijnen/digital-readiness/ai-werkgroep-december/"


def logout(page):
    page.get_by_role("button", name="Uitloggen").click()


def test_member_registers_cancels_and_registers_again(page):
    login(page, "lid@example.org", "Demo-lid-2026")
    page.goto(OPEN_SESSION)
    expect(page.locator("h1")).to_have_count(1)
    # A member of two organisations chooses the one they take part for.
    page.get_by_label("Ik neem deel namens").select_option(label="Digitaal Dorp")
    page.get_by_role("button", name="Aanmelden", exact=True).click()
    expect(page.get_by_text("Je bent aangemeld. Een bevestiging")).to_be_visible()
    expect(page.get_by_text("Je bent aangemeld namens Digitaal Dorp.")).to_be_visible()

    page.goto("/mijn/")
    card = page.locator(".mijn-sessions li.card", has_text="Power Awareness Tool 2.0")
    expect(card).to_be_visible()
    card.get_by_role("button", name="Mijn aanmelding annuleren").click()
    page.wait_for_url("**/mijn/")
    expect(page.get_by_text("Je aanmelding is geannuleerd.")).to_be_visible()
    assert page.locator(".mijn-sessions li.card", has_text="Power Awareness Tool 2.0").count() \
        == 0

    page.goto(OPEN_SESSION)
    page.get_by_role("button", name="Aanmelden", exact=True).click()
    expect(page.get_by_text("Je bent aangemeld namens")).to_be_visible()
    assert page.external_requests == []


def test_waiting_list_member_is_promoted_when_someone_cancels(page):
    from learninglines.models import Registration
    from portal.models import QueuedEmail

    login(page, "lid@example.org", "Demo-lid-2026")
    page.goto(FULL_SESSION)
    expect(page.get_by_text("Deze sessie is vol")).to_be_visible()
    page.get_by_role("button", name="Op de wachtlijst zetten").click()
    expect(page.get_by_text("(positie 2)")).to_be_visible()
    logout(page)

    # Someone with a place cancels: the first person on the waiting list gets it.
    login(page, "deelnemer1@digitaal-dorp.example.org", "Demo-deelnemer-2026")
    page.goto(FULL_SESSION)
    page.get_by_role("button", name="Mijn aanmelding annuleren").click()
    expect(page.get_by_text("Je aanmelding is geannuleerd.")).to_be_visible()
    promoted = Registration.objects.get(session__slug="ai-werkgroep-december",
                                        user__email="deelnemer1@vrouwen-voor-verandering"
                                                    ".example.org")
    assert promoted.status == Registration.Status.REGISTERED
    assert QueuedEmail.objects.filter(to=promoted.user.email,
                                      subject__startswith="Er is plaats voor je").exists()
    logout(page)

    # A second cancellation promotes the member, who now sees a place on /mijn/.
    login(page, "deelnemer1@gezond-samen.example.org", "Demo-deelnemer-2026")
    page.goto(FULL_SESSION)
    page.get_by_role("button", name="Mijn aanmelding annuleren").click()
    logout(page)
    login(page, "lid@example.org", "Demo-lid-2026")
    page.goto("/mijn/")
    card = page.locator(".mijn-sessions li.card", has_text="handreiking AI-beleid")
    expect(card.get_by_text("Aangemeld")).to_be_visible()
    assert page.external_requests == []
