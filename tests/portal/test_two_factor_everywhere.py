"""Editor rights need the second factor everywhere, not only under /admin/.

An attacker with only an editor's (or administrator's) password logs in through the login
form and tries every action that uses editor rights, wherever its URL lives. Each is
refused and changes nothing; after the person confirms the code from their authenticator
app (django-otp TOTP, through /accounts/2fa/) the same actions work.
"""

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from learninglines.models import Registration
from mailings.models import Mailing
from memberhub.models import User
from portal.visibility import EDITORS_GROUP_NAME
from tests.factories import TEST_PASSWORD, MembershipFactory
from tests.knowledge.factories import make_item
from tests.learninglines.factories import (
    make_line,
    make_registration,
    make_session,
    move_to_past,
)
from tests.mailings.factories import make_mailing, make_news
from tests.memberhub import conftest as memberhub_fixtures
from tests.memberhub.factories import add_news

hub = memberhub_fixtures.hub  # the site with organisations A and B, their pages and rights

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def two_factor_required(settings):
    settings.PORTAL_REQUIRE_2FA = True


def log_in_with_password(client, user):
    response = client.post("/accounts/login/", {"username": user.email,
                                                "password": TEST_PASSWORD})
    assert response.status_code == 302, "the password alone logs in"
    assert "_auth_user_id" in client.session
    return response


def confirm_second_factor(client, user):
    """What the person does: open the code page, type the code the app shows."""
    assert client.get("/accounts/2fa/").status_code == 200
    device = TOTPDevice.objects.get(user=user)
    token = str(totp(device.bin_key, step=device.step, t0=device.t0,
                     digits=device.digits)).zfill(6)
    response = client.post("/accounts/2fa/?next=/mijn/", {"token": token})
    assert response.status_code == 302 and response["Location"] == "/mijn/"


@pytest.fixture
def live_b(hub):
    """A live news item of organisation B, which the editor has nothing to do with."""
    return add_news(hub["page_b"], "Live bij Beta")


@pytest.fixture
def members_item(hub):
    return make_item(hub["sections"]["kennisbank"], "Besloten ledenmonitor",
                     members_only=True)


@pytest.fixture
def past_registration(hub, member, organisation):
    line = make_line(hub)
    session = make_session(line)
    registration = make_registration(session, member, organisation)
    move_to_past(session)
    return registration


@pytest.fixture(params=["editor", "superuser"])
def privileged(request, editor, superuser):
    return {"editor": editor, "superuser": superuser}[request.param]


def attempt_everything(client, live_b, members_item, mailing, registration, document):
    """Every action that uses editor rights, as the attacker sends it."""
    return {
        "document": client.get(document.url),
        "withdraw": client.post(reverse("memberhub:withdraw", args=[live_b.pk])),
        "members_page": client.get(members_item.url),
        "listing": client.get("/kennisbank/"),
        "figures": client.get(reverse("learninglines_figures")),
        "registrations": client.get(reverse("learninglines_session_registrations",
                                            args=[registration.session_id])),
        "attendance": client.post(
            reverse("learninglines_session_registrations", args=[registration.session_id]),
            {"action": "attended", "registration": [registration.pk]}),
        "send_mailing": client.post(reverse("mailings_mailing:send", args=[mailing.pk])),
        "send_test": client.post(reverse("mailings_mailing:send_test", args=[mailing.pk])),
        "admin_home": client.get("/admin/"),
    }


@pytest.fixture
def log_in_and_attempt(client, hub, privileged, live_b, members_item, past_registration,
                       members_document, django_capture_on_commit_callbacks):
    """Log in with the password (and the second factor when asked), then try every editor
    action; the answers by name, and the mailing that was tried."""

    def attempt(second_factor):
        mailing = make_mailing(items=[make_news(hub, "Nieuws voor de mailing")])
        log_in_with_password(client, privileged)
        if second_factor:
            confirm_second_factor(client, privileged)
        with django_capture_on_commit_callbacks(execute=True):
            tried = attempt_everything(client, live_b, members_item, mailing,
                                       past_registration, members_document)
        return tried, mailing

    return attempt


def test_password_only_gives_no_editor_rights_anywhere(
        log_in_and_attempt, privileged, live_b, past_registration):
    tried, mailing = log_in_and_attempt(second_factor=False)

    assert tried["document"].status_code == 403
    assert "Besloten verslag" in tried["document"].content.decode()  # the explaining page

    assert tried["withdraw"].status_code == 403
    live_b.refresh_from_db()
    assert live_b.live, "another organisation's item stays online"

    page = tried["members_page"]
    assert page.status_code == 403
    html = page.content.decode()
    assert "Besloten ledenmonitor" in html and "/accounts/2fa/?next=" in html
    assert "Besloten ledenmonitor" not in tried["listing"].content.decode()

    for name in ("figures", "registrations", "attendance", "send_mailing", "send_test",
                 "admin_home"):
        response = tried[name]
        assert response.status_code == 302, name
        assert response["Location"].startswith("/accounts/2fa/"), name
    past_registration.refresh_from_db()
    assert past_registration.status == Registration.Status.REGISTERED
    mailing.refresh_from_db()
    assert mailing.status == Mailing.Status.DRAFT
    assert mail.outbox == []

    # The account itself keeps its rights: only this session lacks them.
    stored = User.objects.get(pk=privileged.pk)
    assert stored.is_superuser == privileged.is_superuser


def test_after_the_second_factor_the_same_actions_work(
        log_in_and_attempt, live_b, past_registration):
    tried, mailing = log_in_and_attempt(second_factor=True)

    assert tried["document"].status_code == 200
    assert b"".join(tried["document"].streaming_content).startswith(b"%PDF")

    assert tried["withdraw"].status_code == 302
    live_b.refresh_from_db()
    assert not live_b.live
    assert tried["members_page"].status_code == 200
    assert "Besloten ledenmonitor" in tried["listing"].content.decode()
    for name in ("figures", "registrations", "admin_home"):
        assert tried[name].status_code == 200, name
    assert tried["attendance"].status_code == 302
    past_registration.refresh_from_db()
    assert past_registration.status == Registration.Status.ATTENDED
    mailing.refresh_from_db()
    assert mailing.status == Mailing.Status.SENT
    assert mail.outbox, "the test mailing went to the editor"


def test_an_editor_who_is_also_a_member_keeps_member_rights_only(client, hub, organisation,
                                                                 live_b):
    user = MembershipFactory(organisation=organisation).user
    user.groups.add(Group.objects.get(name=EDITORS_GROUP_NAME))
    own = add_news(hub["page_a"], "Live bij Alfa")
    log_in_with_password(client, user)

    assert client.post(reverse("memberhub:withdraw", args=[live_b.pk])).status_code == 403
    live_b.refresh_from_db()
    assert live_b.live
    # Withdrawing the own organisation's item is a member's right: no second factor needed.
    assert client.post(reverse("memberhub:withdraw", args=[own.pk])).status_code == 302
    own.refresh_from_db()
    assert not own.live


def test_an_administrator_changing_the_password_before_the_code_keeps_the_account(
        client, hub, superuser):
    log_in_with_password(client, superuser)
    new_password = "Nog-een-heel-ander-wachtwoord-27"
    response = client.post("/accounts/password-change/", {
        "old_password": TEST_PASSWORD, "new_password1": new_password,
        "new_password2": new_password})
    assert response.status_code == 302
    stored = User.objects.get(pk=superuser.pk)
    assert stored.check_password(new_password)
    assert stored.is_superuser and stored.is_staff


def test_without_required_second_factor_editors_act_on_password(client, hub, editor, live_b,
                                                                settings):
    settings.PORTAL_REQUIRE_2FA = False
    log_in_with_password(client, editor)
    assert client.post(reverse("memberhub:withdraw", args=[live_b.pk])).status_code == 302
    live_b.refresh_from_db()
    assert not live_b.live
