"""Browser test of the member publishing flow (short version).

The full write → submit → changes requested → resubmit → approve flow is driven through
Wagtail's own admin views with the Django test client in
tests/memberhub/test_hub.py::test_moderation_flow_with_notifications; here a real browser
checks the parts people click: /mijn/ into the Dutch Wagtail editor for their own
organisation, the editor's comment on /mijn/, and that a member of another organisation
cannot open the contribution in the editor."""

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import login

pytestmark = pytest.mark.e2e


def test_member_goes_from_mijn_to_the_editor_and_others_cannot(page):
    from memberhub.models import MemberOrganisation, Membership, NewsPage, User

    login(page, "lid@example.org", "Demo-lid-2026")
    page.wait_for_url("**/mijn/")
    # The demo's item with changes requested shows the editor's comment.
    expect(page.get_by_text("Wijzigingen gevraagd").first).to_be_visible()
    expect(page.get_by_text("Kun je nog een zin toevoegen")).to_be_visible()

    page.get_by_role("link", name="Nieuw nieuwsbericht").first.click()
    page.wait_for_url("**/admin/pages/add/memberhub/newspage/**")
    assert page.locator("html").get_attribute("lang") == "nl"
    page.locator("#id_title").fill("Bericht uit de browser")
    page.locator("#id_summary").fill("Geschreven in de browsertest.")
    editor = page.locator(".Draftail-Editor .public-DraftEditor-content").first
    editor.click()
    editor.type("Een alinea tekst.")
    page.get_by_role("button", name="Bewaar concept").click()
    page.wait_for_url("**/admin/pages/*/edit/")
    news = NewsPage.objects.get(title="Bericht uit de browser")
    assert news.organisation.name == "Digitaal Dorp" and not news.live

    # A member of another organisation cannot open it in the editor.
    outsider = User.objects.create_user("ander@example.org", "Ander-wachtwoord-2026",
                                        first_name="Ander", last_name="Lid")
    Membership.objects.create(user=outsider,
                              organisation=MemberOrganisation.objects.get(slug="gezond-samen"))
    page.context.clear_cookies()
    login(page, "ander@example.org", "Ander-wachtwoord-2026")
    page.wait_for_url("**/mijn/")
    page.goto(f"/admin/pages/{news.pk}/edit/")
    assert "/edit/" not in page.url
    expect(page.locator("#id_title")).to_have_count(0)
    assert page.external_requests == []
