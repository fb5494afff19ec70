"""Browser check (issue 17, CSS): the people directory, a group space and a thread have
no sideways scroll at 320 px for a member (community/static/community/community.css)."""

import os

import pytest
from playwright.sync_api import expect

from community.models import JoinRule, Profile, Space, SpaceRole
from community.services import discussions
from community.services.spaces import add_member
from portal.models import ThemeTag
from tests.e2e.conftest import guarded_tab, login
from tests.factories import MembershipFactory, OrganisationFactory

pytestmark = pytest.mark.e2e
SHOTS = os.environ.get("PORTAL_SCREENSHOTS")  # a folder: screenshots to look at


@pytest.fixture
def small_page(browser, live_server, transactional_db):
    # A transactional test before this one may have emptied every table, the locales and
    # the page tree included: make the site's structure again.
    from portal.site_structure import ensure_site_structure

    ensure_site_structure()
    context, tab = guarded_tab(browser, live_server, viewport={"width": 320, "height": 900})
    yield tab
    context.close()


def test_community_pages_fit_a_320_px_screen(small_page):
    page = small_page
    organisation = OrganisationFactory(
        name="Stichting Internationale Samenwerking voor Digitale Weerbaarheid")
    member = MembershipFactory(organisation=organisation, user__first_name="Maximiliaan",
                               user__last_name="Van Oldenbarnevelt-Wassenaer",
                               user__email="lid320@example.org").user
    member.set_password("Smal-scherm-2026")
    member.save()
    theme = ThemeTag.objects.create(name="Informatiebeveiligingsmanagement")
    profile = Profile.objects.create(user=member, listed=True,
                                     role="Programmacoördinator digitale transformatie")
    profile.expertise.add(theme)
    space = Space.objects.create(title="Community of practice data en digitalisering",
                                 slug="data", join_rule=JoinRule.OPEN,
                                 description="Voor iedereen die met data werkt.")
    add_member(space, member, role=SpaceRole.COORDINATOR)
    thread = discussions.start_thread(
        space, member, "Ervaringen met datagestuurd programmamanagement in partnerlanden",
        "Zie https://voorbeeld.example.org/een/heel/lang/adres/zonder/spaties/dat/niet/"
        "vanzelf/afbreekt/op/een/klein/scherm en <code>eenheellangwoordzonderspaties"
        "datnietafbreekt</code>.")
    discussions.reply(thread, member, "Een antwoord met een <strong>nadruk</strong>.")

    login(page, "lid320@example.org", "Smal-scherm-2026")
    for name, url in (("directory", "/netwerk/mensen/"), ("space", "/netwerk/groepen/data/"),
                      ("thread", thread.get_absolute_url())):
        response = page.goto(url)
        assert response.status == 200, url
        expect(page.locator("link[href*='community/community.css']")).to_have_count(1)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 320, f"{url}: {width}px wide"
        if SHOTS:
            page.screenshot(path=os.path.join(SHOTS, f"community-{name}.png"), full_page=True)
    expect(page.get_by_role("heading", name=thread.title)).to_be_visible()
    assert page.external_requests == []
