"""Every e-mail of the member hub in the language the person chose (subject, body and
the link into that language's site): invitation, moderation notices, password reset."""

import re

import pytest
from django.urls import reverse
from wagtail.models import WorkflowState

from memberhub.models import NewsPage
from memberhub.profiles import set_preferred_language
from portal.models import QueuedEmail
from tests.factories import MembershipFactory, UserFactory
from tests.memberhub.helpers import news_form

pytestmark = pytest.mark.django_db


def links(email):
    return re.findall(r"http://testserver(/\S*)", email.body_text)


def assert_portal_links_in(email, language):
    found = links(email)
    assert found, email.body_text
    for link in found:
        assert link.startswith("/en/") == (language == "en"), link


@pytest.mark.parametrize("language, subject, body, other", [
    ("nl", "Uitnodiging om lid te worden van Stichting Alfa op het ledenportaal",
     "Kies een wachtwoord", "Choose a password"),
    ("en", "Invitation to join Stichting Alfa on the member portal",
     "Choose a password", "Kies een wachtwoord"),
])
def test_an_invitation_to_someone_new_is_in_the_language_of_the_site_it_was_sent_from(
        client, hub, admin_a, organisation, language, subject, body, other):
    prefix = "/en" if language == "en" else ""
    client.force_login(admin_a)
    response = client.post(f"{prefix}/mijn/organisatie/{organisation.slug}/",
                           {"email": "nieuw@example.org", "role": "author"})
    assert response.status_code == 302
    email = QueuedEmail.objects.get(to="nieuw@example.org")
    assert email.subject == subject
    assert body in email.body_text and other not in email.body_text
    assert_portal_links_in(email, language)
    client.logout()
    signup = client.get(links(email)[0])
    assert signup.status_code == 200 and f'lang="{language}"' in signup.content.decode()


@pytest.mark.parametrize("language, subject", [
    ("nl", "Uitnodiging om lid te worden van Stichting Alfa op het ledenportaal"),
    ("en", "Invitation to join Stichting Alfa on the member portal"),
])
def test_an_invitation_to_someone_with_an_account_is_in_their_language(
        client, hub, admin_a, organisation, language, subject):
    UserFactory(email="bekend@example.org", preferred_language=language)
    client.force_login(admin_a)  # from the Dutch site: the invitee's choice counts
    client.post(f"/mijn/organisatie/{organisation.slug}/",
                {"email": "bekend@example.org", "role": "author"})
    email = QueuedEmail.objects.get(to="bekend@example.org")
    assert email.subject == subject
    assert_portal_links_in(email, language)


SUBJECTS = {
    "nl": {"submitted": "Ter moderatie: “Waterpunt”",
           "changes": "Wijzigingen gevraagd: “Waterpunt”",
           "approved": "Gepubliceerd: “Waterpunt”"},
    "en": {"submitted": "For moderation: “Waterpunt”",
           "changes": "Changes requested: “Waterpunt”",
           "approved": "Published: “Waterpunt”"},
}


@pytest.mark.parametrize("language", ["nl", "en"])
def test_moderation_notices_are_in_each_persons_language(client, hub, organisation, editor,
                                                        language):
    member = MembershipFactory(organisation=organisation).user
    set_preferred_language(member, language)
    set_preferred_language(editor, language)
    client.force_login(member)
    client.post(f"/admin/pages/add/memberhub/newspage/{hub['page_a'].pk}/",
                news_form("Waterpunt", **{"action-submit": "1"}))
    page = NewsPage.objects.get(title="Waterpunt")
    state = WorkflowState.objects.active().for_instance(page).get()
    submitted = QueuedEmail.objects.get(to=editor.email)
    assert submitted.subject == SUBJECTS[language]["submitted"]
    assert links(submitted) == [f"/admin/pages/{page.pk}/edit/"]  # the admin: one address

    client.force_login(editor)
    client.post(reverse("wagtailadmin_pages:workflow_action",
                        args=[page.pk, "reject", state.current_task_state.pk]),
                {"comment": "Noem de bron."})
    changes = QueuedEmail.objects.get(to=member.email)
    assert changes.subject == SUBJECTS[language]["changes"]
    assert ("Their comment:" in changes.body_text) == (language == "en")
    assert_portal_links_in(changes, language)

    client.force_login(member)
    client.post(f"/admin/pages/{page.pk}/edit/",
                news_form("Waterpunt", **{"action-submit": "1"}))
    state.refresh_from_db()
    client.force_login(editor)
    client.post(reverse("wagtailadmin_pages:workflow_action",
                        args=[page.pk, "approve", state.current_task_state.pk]), {"comment": ""})
    approved = QueuedEmail.objects.filter(to=member.email).latest("pk")
    assert approved.subject == SUBJECTS[language]["approved"]
    assert_portal_links_in(approved, language)


@pytest.mark.parametrize("language, subject, other", [
    ("nl", "Kies een nieuw wachtwoord voor het ledenportaal", "Hello,"),
    ("en", "Choose a new password for the member portal", "Hallo,"),
])
def test_password_reset_is_in_the_persons_language_whatever_site_asked(
        client, site_structure, language, subject, other):
    UserFactory(email="reset@example.org", preferred_language=language)
    # Asked on the Dutch site, through another host name the site answers to: the link
    # is on the configured address (PORTAL_BASE_URL), never the request's Host header.
    response = client.post("/accounts/password-reset/", {"email": "reset@example.org"},
                           HTTP_HOST="localhost")
    assert response.status_code == 302
    email = QueuedEmail.objects.get(to="reset@example.org")
    assert email.subject == subject and other not in email.body_text
    assert "localhost" not in email.body_text
    assert_portal_links_in(email, language)
    confirm = client.get(links(email)[0], follow=True)
    assert confirm.status_code == 200
    assert f'lang="{language}"' in confirm.content.decode()
