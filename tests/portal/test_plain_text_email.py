"""Plain-text e-mail parts are plain text (issue 12, item 21): an organisation called
"Aarde & Recht <Zuid>" arrives as that, not as "Aarde &amp; Recht &lt;Zuid&gt;"; the HTML
part, where there is one, stays escaped."""

import pytest
from django.urls import reverse

from portal.models import QueuedEmail
from tests.factories import MembershipFactory, OrganisationFactory
from tests.learninglines.factories import make_line, make_session
from tests.memberhub.helpers import news_form

pytestmark = pytest.mark.django_db
NAME = "Aarde & Recht <Zuid>"


@pytest.fixture
def tricky(site_structure):
    from memberhub.services import sync_organisation

    organisation = OrganisationFactory(name=NAME, slug="aarde-recht")
    page = sync_organisation(organisation)
    return {"organisation": organisation, "page": page, **site_structure}


def assert_plain(email, *expected):
    text = f"{email.subject}\n{email.body_text}"
    for value in expected:
        assert value in text, text
    assert "&amp;" not in text and "&lt;" not in text and "&gt;" not in text, text
    if email.body_html:
        assert "<Zuid>" not in email.body_html and "<privacy>" not in email.body_html


def test_invitation_text_and_subject_are_not_html_escaped(client, tricky):
    organisation = tricky["organisation"]
    admin = MembershipFactory(organisation=organisation, role="admin").user
    client.force_login(admin)
    response = client.post(reverse("memberhub:colleagues", args=[organisation.slug]),
                           {"email": "nieuw@example.org", "role": "author"})
    assert response.status_code == 302
    assert_plain(QueuedEmail.objects.get(to="nieuw@example.org"), NAME)


def test_registration_confirmation_is_not_html_escaped(client, tricky):
    session = make_session(make_line(tricky), title="Werkplaats data & <privacy>")
    member = MembershipFactory(organisation=tricky["organisation"]).user
    client.force_login(member)
    client.post(session.url + "register/")
    assert_plain(QueuedEmail.objects.get(to=member.email), "Werkplaats data & <privacy>")


def test_moderation_mails_are_not_html_escaped(client, tricky, editor):
    member = MembershipFactory(organisation=tricky["organisation"]).user
    client.force_login(member)
    response = client.post(f"/admin/pages/add/memberhub/newspage/{tricky['page'].pk}/",
                           news_form("Water & <sanitatie>", **{"action-submit": "1"}))
    assert response.status_code == 302
    assert_plain(QueuedEmail.objects.get(to=editor.email), "Water & <sanitatie>")
