"""The admin side: only editors compose and send; previews, test, progress, figures."""

import pytest
from django.core import mail
from django.urls import reverse

from mailings.models import Mailing
from portal.models import QueuedEmail

from .factories import make_mailing, make_news


def admin_url(name, mailing):
    return reverse(f"mailings_mailing:{name}", args=[mailing.pk])


@pytest.mark.django_db
def test_members_cannot_compose_or_send(client, member, site_structure):
    mailing = make_mailing()
    client.force_login(member)
    for name in ("preview_html", "preview_text", "send", "progress", "edit"):
        response = client.get(admin_url(name, mailing))
        assert response.status_code in (302, 403), name
    assert client.post(admin_url("send", mailing)).status_code in (302, 403)
    assert client.post(admin_url("send_test", mailing)).status_code in (302, 403)
    mailing.refresh_from_db()
    assert mailing.status == Mailing.Status.DRAFT
    assert mail.outbox == []


@pytest.mark.django_db
def test_editor_previews_tests_and_sends(client, editor, member, site_structure,
                                         django_capture_on_commit_callbacks):
    news = make_news(site_structure, "Nieuws voor de mailing")
    mailing = make_mailing(items=[news])
    client.force_login(editor)

    html = client.get(admin_url("preview_html", mailing))
    assert html.status_code == 200 and "Nieuws voor de mailing" in html.content.decode()
    text = client.get(admin_url("preview_text", mailing))
    assert text["Content-Type"].startswith("text/plain")
    assert "Nieuws voor de mailing" in text.content.decode()
    assert client.get(admin_url("edit", mailing)).status_code == 200
    assert client.get(reverse("mailings_mailing:list")).status_code == 200

    with django_capture_on_commit_callbacks(execute=True):
        client.post(admin_url("send_test", mailing))
    assert [m.to for m in mail.outbox] == [[editor.email]]
    assert mail.outbox[0].subject.startswith("[Test]")
    mailing.refresh_from_db()
    assert mailing.status == Mailing.Status.DRAFT

    page = client.get(admin_url("send", mailing))
    assert page.status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(admin_url("send", mailing))
    assert response.status_code == 302
    mailing.refresh_from_db()
    assert mailing.status == Mailing.Status.SENT
    assert QueuedEmail.objects.filter(category=mailing.category).get().to == member.email
    progress = client.get(admin_url("progress", mailing))
    assert progress.status_code == 200

    # The figures on the dashboard count it.
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Ledenmailings" in home and "1 van de beoogde 10 ledenmailings" in home


@pytest.mark.django_db
def test_editor_creates_a_mailing_in_the_admin(client, editor, site_structure):
    client.force_login(editor)
    response = client.get(reverse("mailings_mailing:add"))
    assert response.status_code == 200


@pytest.mark.django_db
def test_mark_bounced_command(member):
    from django.core.management import call_command
    from django.core.management.base import CommandError

    from mailings.models import EmailAddressStatus

    call_command("mark_bounced", member.email, reason="550")
    assert EmailAddressStatus.objects.get(email=member.email).invalid
    with pytest.raises(CommandError):
        call_command("mark_bounced", "not an address")
