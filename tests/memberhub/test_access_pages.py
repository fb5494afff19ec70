"""What a person sees at a members-only page, and where login takes them.

- A signed-in person who is not (or no longer) a member gets a page that explains the page
  is for members and how to get access (403), in Dutch and in English, never a redirect
  loop between the page and the login page.
- A visitor sent to the login page by a members-only page is told why.
- An editor without a membership lands in the admin after login, unless a safe ``next``
  says otherwise; members land on /mijn/.
- The personal-data page is linked from /mijn/ and the account pages.
"""

import pytest
from django.urls import reverse
from wagtail.models import Locale, PageViewRestriction

from knowledge.services import sync_member_restriction
from memberhub.models import Membership
from portal.site_structure import ensure_translation, publish_page
from tests.factories import TEST_PASSWORD, MembershipFactory
from tests.knowledge.factories import make_item

pytestmark = pytest.mark.django_db

MAX_REDIRECTS = 2


@pytest.fixture
def members_page(site_structure):
    """A members-only knowledge item, in Dutch and in English."""
    item = make_item(site_structure["sections"]["kennisbank"], "Besloten ledenmonitor",
                     members_only=True)
    english = ensure_translation(item, Locale.objects.get(language_code="en"),
                                 {"title": "Closed members monitor"})
    english = publish_page(english)
    sync_member_restriction(english)
    for page in (item, english):
        assert PageViewRestriction.objects.filter(page=page).exists()
    return {"nl": item, "en": english}


@pytest.fixture
def former_member(hub_organisation):
    """Someone whose membership was ended by the organisation's admin."""
    membership = MembershipFactory(organisation=hub_organisation)
    user = membership.user
    membership.delete()
    return user


@pytest.fixture
def hub_organisation(organisation):
    from memberhub.services import sync_organisation

    sync_organisation(organisation)
    return organisation


def log_in(client, user, next_url=None):
    data = {"username": user.email, "password": TEST_PASSWORD}
    if next_url:
        data["next"] = next_url
    return client.post("/accounts/login/", data)


def assert_explained(response, language):
    assert len(response.redirect_chain) <= MAX_REDIRECTS, response.redirect_chain
    assert response.status_code == 403
    html = response.content.decode()
    if language == "nl":
        assert "Deze pagina is voor leden" in html
        assert "Besloten ledenmonitor" in html
        assert "Zo krijg je toegang" in html
        assert 'lang="nl"' in html
    else:
        assert "This page is for members" in html
        assert "Closed members monitor" in html
        assert "How to get access" in html
        assert 'lang="en"' in html
    assert "/accounts/login/" not in response.get("Location", "")


@pytest.mark.parametrize("who", ["outsider", "former_member"])
@pytest.mark.parametrize("language", ["nl", "en"])
def test_signed_in_non_member_gets_the_explaining_page(client, request, members_page, who,
                                                       language):
    user = request.getfixturevalue(who)
    log_in(client, user)
    response = client.get(members_page[language].url, follow=True)
    assert_explained(response, language)


def test_no_loop_after_logging_in_from_the_members_page(client, members_page, outsider):
    """The path a browser takes: page → login → log in → back to the page."""
    url = members_page["nl"].url
    to_login = client.get(url)
    assert to_login.status_code == 302 and to_login["Location"].startswith("/accounts/login/")
    login_page = client.get(to_login["Location"])
    next_url = login_page.context["next"]
    assert next_url == url
    response = client.post(to_login["Location"], {"username": outsider.email,
                                                  "password": TEST_PASSWORD,
                                                  "next": next_url}, follow=True)
    assert_explained(response, "nl")
    # Opening the login page again while signed in must not bounce either.
    again = client.get(to_login["Location"], follow=True)
    assert len(again.redirect_chain) <= MAX_REDIRECTS
    assert again.status_code in (200, 403)


def test_member_still_reads_the_page(client, members_page, member, hub_organisation):
    log_in(client, member)
    response = client.get(members_page["nl"].url)
    assert response.status_code == 200


def test_member_who_is_removed_gets_the_explaining_page_at_once(client, members_page,
                                                                member, hub_organisation):
    log_in(client, member)
    assert client.get(members_page["nl"].url).status_code == 200
    Membership.objects.filter(user=member).delete()
    response = client.get(members_page["nl"].url, follow=True)
    assert_explained(response, "nl")


@pytest.mark.parametrize("language", ["nl", "en"])
def test_login_page_says_why_it_appeared(client, members_page, language):
    response = client.get(members_page[language].url, follow=True)
    assert response.redirect_chain[-1][0].startswith(
        "/accounts/login/" if language == "nl" else "/en/accounts/login/")
    html = response.content.decode()
    if language == "nl":
        assert "“Besloten ledenmonitor” is voor leden" in html
        assert "uit te nodigen" in html
    else:
        assert "“Closed members monitor” is for members" in html
        assert "invite you" in html


def test_plain_login_page_has_no_members_note(client, site_structure):
    html = client.get("/accounts/login/?next=/kennisbank/").content.decode()
    assert "is voor leden" not in html


def test_editor_without_membership_lands_in_the_admin(client, site_structure, editor):
    response = log_in(client, editor)
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")
    assert client.get(response["Location"]).status_code == 200


def test_editor_with_a_safe_next_goes_there(client, site_structure, editor):
    assert log_in(client, editor, "/kennisbank/")["Location"] == "/kennisbank/"
    client.logout()
    unsafe = log_in(client, editor, "https://evil.example/")
    assert unsafe["Location"] == reverse("wagtailadmin_home")


def test_editor_with_second_factor_required_is_asked_for_the_code(client, site_structure,
                                                                  editor, settings):
    settings.PORTAL_REQUIRE_2FA = True
    response = log_in(client, editor)
    assert response["Location"] == reverse("wagtailadmin_home")
    assert client.get(response["Location"])["Location"].startswith("/accounts/2fa/")


def test_member_and_editor_lands_on_mijn(client, site_structure, editor, organisation):
    MembershipFactory(user=editor, organisation=organisation)
    assert log_in(client, editor)["Location"] == "/mijn/"


@pytest.mark.parametrize("url", ["/mijn/", "/accounts/password-change/", "/en/mijn/"])
def test_personal_data_page_is_linked(client, site_structure, member, url):
    client.force_login(member)
    html = client.get(url).content.decode()
    target = "/en/accounts/mijn-gegevens/" if url.startswith("/en/") else \
        "/accounts/mijn-gegevens/"
    assert f'href="{target}"' in html
    assert client.get(target).status_code == 200


def test_restricted_document_explains_itself_to_a_signed_in_non_member(
        client, members_document, outsider, member, hub_organisation):
    response = client.get(members_document.url)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    log_in(client, outsider)
    response = client.get(members_document.url, follow=True)
    assert len(response.redirect_chain) <= MAX_REDIRECTS
    assert response.status_code == 403
    assert "Besloten verslag" in response.content.decode()
    client.logout()
    log_in(client, member)
    response = client.get(members_document.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")
