"""Autosave on a mailing, as the editor's browser does it: one mailing per "Save", nothing
left behind by an abandoned form, and autosave on the edit form updates that one mailing.

Wagtail's autosave controller POSTs the whole form to the form's own URL with
``Accept: application/json``; "Save" is the ordinary form POST."""

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from mailings.models import Mailing

AUTOSAVE = {"accept": "application/json"}


def mailing_form(subject, intro="<p>Het nieuws van deze maand.</p>"):
    return nested_form_data({"subject": subject, "language": "nl", "intro": rich_text(intro),
                             "body": streamfield([])})


@pytest.mark.django_db
def test_the_new_mailing_form_does_not_autosave(client, editor, site_structure):
    client.force_login(editor)
    page = client.get(reverse("mailings_mailing:add")).content.decode()
    assert "data-w-autosave-interval-value" not in page


@pytest.mark.django_db
def test_an_autosave_and_then_save_make_one_mailing(client, editor, site_structure):
    client.force_login(editor)
    add = reverse("mailings_mailing:add")
    autosave = client.post(add, mailing_form("Ledenmailing december"), headers=AUTOSAVE)
    assert autosave.status_code == 400 and autosave.json()["success"] is False
    assert Mailing.objects.count() == 0

    saved = client.post(add, mailing_form("Ledenmailing december"))
    assert saved.status_code == 302
    assert list(Mailing.objects.values_list("subject", flat=True)) == ["Ledenmailing december"]


@pytest.mark.django_db
def test_an_abandoned_new_mailing_leaves_nothing(client, editor, site_structure):
    client.force_login(editor)
    add = reverse("mailings_mailing:add")
    for subject in ("Ledenmailing", "Ledenmailing jan", "Ledenmailing januari"):
        client.post(add, mailing_form(subject), headers=AUTOSAVE)
    # The editor closes the tab.
    assert not Mailing.objects.exists()
    listing = client.get(reverse("mailings_mailing:list")).content.decode()
    assert "Ledenmailing januari" not in listing


@pytest.mark.django_db
def test_autosave_on_the_edit_form_updates_the_one_mailing(client, editor, site_structure):
    client.force_login(editor)
    client.post(reverse("mailings_mailing:add"), mailing_form("Ledenmailing december"))
    mailing = Mailing.objects.get()
    edit = reverse("mailings_mailing:edit", args=[mailing.pk])
    assert "data-w-autosave-interval-value" in client.get(edit).content.decode()

    first = client.post(edit, mailing_form("Ledenmailing december 2026"), headers=AUTOSAVE)
    assert first.status_code == 200 and first.json()["success"] is True
    second = client.post(edit, {**mailing_form("Ledenmailing december 2026, definitief"),
                                "overwrite_revision_id": first.json()["revision_id"]},
                         headers=AUTOSAVE)
    assert second.status_code == 200 and second.json()["success"] is True
    saved = client.post(edit, mailing_form("Ledenmailing december 2026, definitief"))
    assert saved.status_code == 302

    assert Mailing.objects.count() == 1
    mailing.refresh_from_db()
    assert mailing.subject == "Ledenmailing december 2026, definitief"
