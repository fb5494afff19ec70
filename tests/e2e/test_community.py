"""Browser test: a member finds a colleague by expertise, joins an open group, posts, is
notified of a reply, and leaves."""

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import login

pytestmark = pytest.mark.e2e


def logout(page):
    page.get_by_role("button", name="Uitloggen").click()


def test_member_finds_a_colleague_joins_posts_is_notified_and_leaves(page):
    login(page, "lid@example.org", "Demo-lid-2026")
    page.goto("/netwerk/mensen/")
    page.get_by_label("Expertise").select_option(label="Cyberveiligheid")
    page.get_by_role("search", name="Mensen zoeken").get_by_role("button", name="Zoeken").click()
    people = page.locator(".people-list")
    expect(people.get_by_role("link", name="Noor Bakker")).to_be_visible()
    people.get_by_role("link", name="Noor Bakker").click()
    expect(page.get_by_text("Informatiebeveiliger", exact=True)).to_be_visible()

    page.goto("/netwerk/groepen/")
    page.get_by_role("link", name="AI-werkgroep", exact=True).click()
    page.get_by_role("button", name="Meedoen met deze groep").click()
    expect(page.get_by_text("Welkom bij AI-werkgroep.")).to_be_visible()
    page.get_by_role("link", name="Een discussie beginnen").click()
    page.get_by_label("Titel").fill("Wie heeft ervaring met AI-training voor teams?")
    page.get_by_label("Tekst").fill("Wij zoeken een training voor ons hele team.")
    page.get_by_role("button", name="Plaatsen").click()
    expect(page.get_by_text("Je discussie is geplaatst.")).to_be_visible()
    thread_url = page.url
    logout(page)

    login(page, "noor.bakker@digitaal-dorp.example.org", "Demo-deelnemer-2026")
    page.goto(thread_url)
    page.get_by_label("Je reactie").fill("Wij hebben een goede trainer; ik stuur je de naam.")
    page.get_by_role("button", name="Mijn reactie plaatsen").click()
    expect(page.get_by_text("Je reactie is geplaatst.")).to_be_visible()
    logout(page)

    login(page, "lid@example.org", "Demo-lid-2026")
    page.goto("/netwerk/groepen/")
    expect(page.get_by_role("link", name="Meldingen 1 nieuw")).to_be_visible()
    page.get_by_role("link", name="Meldingen 1 nieuw").click()
    expect(page.get_by_text("1 ongelezen melding")).to_be_visible()
    expect(page.get_by_text("Noor Bakker in “Wie heeft ervaring met AI-training")).to_be_visible()

    page.goto("/netwerk/groepen/ai-werkgroep/")
    page.get_by_role("link", name="Deze groep verlaten").click()
    expect(page.get_by_role("heading", name="AI-werkgroep verlaten?")).to_be_visible()
    page.get_by_role("button", name="Ja, de groep verlaten").click()
    expect(page.get_by_text("Je hebt AI-werkgroep verlaten.")).to_be_visible()
    page.goto(thread_url)
    assert "Wij zoeken een training" not in page.content()
    assert page.external_requests == []
