"""Organisation pages, listings (with fixed query counts), moderation flow and
notifications, invitations, uploads and safe rich text."""

import datetime

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail.models import WorkflowState

from memberhub import services
from memberhub.models import Invitation, Membership, NewsPage, OrganisationPage, User
from portal.models import QueuedEmail
from portal.uploads import UploadRejected, check_document_upload, check_image_upload
from tests.factories import MembershipFactory
from tests.memberhub.factories import add_event, add_news, add_vacancy
from tests.memberhub.helpers import news_form


@pytest.mark.django_db
def test_organisation_page_follows_its_organisation(hub, organisation):
    page = OrganisationPage.objects.get(organisation=organisation)
    assert page.url == "/leden/stichting-alfa/" and page.live
    organisation.name, organisation.slug = "Stichting Alfa Nieuw", "alfa-nieuw"
    organisation.save()
    page.refresh_from_db()
    assert (page.title, page.url) == ("Stichting Alfa Nieuw", "/leden/alfa-nieuw/")
    assert OrganisationPage.objects.filter(organisation=organisation).count() == 1
    fields = page.specific.portal_search_fields()
    assert fields.kind == "organisation"
    assert [(value.id, value.label) for value in fields.organisations] == [
        (str(organisation.pk), "Stichting Alfa Nieuw")]


@pytest.mark.django_db
def test_directory_search_and_filter(client, hub, organisation):
    from portal.models import ThemeTag

    theme = ThemeTag.objects.create(name="Klimaat", slug="klimaat")
    hub["page_a"].themes.set([theme])
    hub["page_a"].save()
    assert "Stichting Alfa" in client.get("/leden/?q=alfa").content.decode()
    assert "Stichting Beta" not in client.get("/leden/?q=alfa").content.decode()
    body = client.get("/leden/?theme=klimaat").content.decode()
    assert "Stichting Alfa" in body and "Stichting Beta" not in body
    assert client.get("/leden/?theme=bestaat-niet&page=zz").status_code == 200


def _fill(hub, count):
    for index in range(count):
        parent = hub["page_a"] if index % 2 else hub["page_b"]
        add_news(parent, f"Bericht {index}")
        add_vacancy(parent, f"Vacature {index}")
        add_event(parent, f"Evenement {index}", days=index + 1)


def _queries(client, url):
    client.get(url)  # warm caches (filter menus, content types, navigation)
    client.get(url)
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context.captured_queries)


LISTINGS = ["/nieuws/", "/impactverhalen/", "/vacatures/", "/agenda/", "/leden/",
            "/leden/stichting-alfa/", "/nieuws/?organisation=stichting-alfa&page=2"]


@pytest.mark.django_db
def test_listings_run_a_fixed_number_of_queries(client, hub):
    from portal import demo

    demo.load(hub)  # navigation settings, as on a real site
    _fill(hub, 2)
    small = {url: _queries(client, url) for url in LISTINGS}
    _fill(hub, 14)
    large = {url: _queries(client, url) for url in LISTINGS}
    assert small == large
    assert max(large.values()) <= 15, large


@pytest.mark.django_db
def test_vacancies_past_closing_date_are_not_listed_and_expire(client, hub):
    open_vacancy = add_vacancy(hub["page_a"], "Open functie", closing_in=3)
    closed = add_vacancy(hub["page_a"], "Gesloten functie", closing_in=-1)
    body = client.get("/vacatures/").content.decode()
    assert "Open functie" in body and "Gesloten functie" not in body
    expires = timezone.localtime(open_vacancy.expire_at).date()
    assert expires == open_vacancy.closing_date + datetime.timedelta(days=1)
    from django.core.management import call_command

    call_command("publish_scheduled")
    closed.refresh_from_db()
    open_vacancy.refresh_from_db()
    assert not closed.live and open_vacancy.live


@pytest.mark.django_db
def test_listing_shows_items_of_all_organisations_and_filters(client, hub):
    add_news(hub["page_a"], "Nieuws van Alfa")
    add_news(hub["page_b"], "Nieuws van Beta")
    add_news(hub["page_a"], "Concept van Alfa", publish=False)
    body = client.get("/nieuws/").content.decode()
    assert "Nieuws van Alfa" in body and "Nieuws van Beta" in body
    assert "Concept van Alfa" not in body
    filtered = client.get("/nieuws/?organisation=stichting-beta").content.decode()
    assert "Nieuws van Beta" in filtered and "Nieuws van Alfa" not in filtered


@pytest.mark.django_db
def test_agenda_lists_upcoming_and_past_member_events(client, hub):
    add_event(hub["page_a"], "Komende bijeenkomst", days=5)
    add_event(hub["page_a"], "Oude bijeenkomst", days=-5)
    upcoming = client.get("/agenda/").content.decode()
    past = client.get("/agenda/?when=past").content.decode()
    assert "Komende bijeenkomst" in upcoming and "Oude bijeenkomst" not in upcoming
    assert "Oude bijeenkomst" in past
    assert b"Komende bijeenkomst" in client.get("/agenda.ics").content
    assert "Komende" not in client.get("/agenda/?organisation=stichting-beta").content.decode()


@pytest.mark.django_db
def test_moderation_flow_with_notifications(client, hub, member_a, editor):
    """Member writes and submits; editor requests changes; member sees the comment,
    resubmits; editor approves; the item is live on /nieuws/ and on A's page."""
    editor.preferred_language = "en"
    editor.save()
    client.force_login(member_a)
    response = client.post(f"/admin/pages/add/memberhub/newspage/{hub['page_a'].pk}/",
                           news_form("Waterpunt geopend", **{"action-submit": "1"}))
    assert response.status_code == 302
    page = NewsPage.objects.get(title="Waterpunt geopend")
    state = WorkflowState.objects.active().for_instance(page).get()
    assert mail.outbox == []  # nothing sent synchronously: all through the outbox
    to_editor = QueuedEmail.objects.get(to=editor.email)
    assert to_editor.subject == "For moderation: “Waterpunt geopend”"

    client.force_login(editor)
    task_state = state.current_task_state
    client.post(reverse("wagtailadmin_pages:workflow_action",
                        args=[page.pk, "reject", task_state.pk]),
                {"comment": "Noem de bron van het aantal."})
    client.force_login(member_a)
    mijn = client.get("/mijn/").content.decode()
    assert "Wijzigingen gevraagd" in mijn and "Noem de bron van het aantal." in mijn
    to_member = QueuedEmail.objects.get(to=member_a.email)
    assert "Noem de bron" in to_member.body_text and to_member.subject.startswith("Wijzigingen")

    client.post(f"/admin/pages/{page.pk}/edit/",
                news_form("Waterpunt geopend", body="<p>Bron: het comité.</p>",
                          **{"action-submit": "1"}))
    state.refresh_from_db()
    assert state.status == "in_progress"
    client.force_login(editor)
    client.post(reverse("wagtailadmin_pages:workflow_action",
                        args=[page.pk, "approve", state.current_task_state.pk]), {"comment": ""})
    page.refresh_from_db()
    assert page.live
    client.logout()
    assert "Waterpunt geopend" in client.get("/nieuws/").content.decode()
    assert "Waterpunt geopend" in client.get("/leden/stichting-alfa/").content.decode()
    assert QueuedEmail.objects.filter(to=member_a.email, subject__startswith="Gepubliceerd")
    client.force_login(member_a)
    assert "Gepubliceerd" in client.get("/mijn/").content.decode()


@pytest.mark.django_db
def test_invitation_signup_once_and_only_valid_links(client, hub, admin_a, organisation):
    invitation, token = services.invite_colleague(admin_a, organisation, "Nieuw@Example.org",
                                                  "author")
    email = QueuedEmail.objects.get(to="nieuw@example.org")
    assert token in email.body_text and token not in invitation.token_hash
    url = reverse("memberhub:invitation", args=[token])
    assert client.get(reverse("memberhub:invitation", args=[token[:-2] + "xx"])).status_code == 403
    weak = client.post(url, {"first_name": "Nina", "last_name": "Nieuw",
                             "password1": "12345678", "password2": "12345678"})
    assert weak.status_code == 200 and not User.objects.filter(email="nieuw@example.org").exists()
    response = client.post(url, {"first_name": "Nina", "last_name": "Nieuw",
                                 "password1": "Sterk-wachtwoord-2026",
                                 "password2": "Sterk-wachtwoord-2026"})
    assert response.status_code == 302 and response["Location"].endswith("/mijn/")
    user = User.objects.get(email="nieuw@example.org")
    assert Membership.objects.filter(user=user, organisation=organisation).exists()
    assert client.get("/mijn/").status_code == 200
    client.logout()
    assert client.get(url).status_code == 403
    assert client.post(url, {"first_name": "X", "last_name": "Y", "password1": "Ander-ww-2026x",
                             "password2": "Ander-ww-2026x"}).status_code == 403


@pytest.mark.django_db
def test_expired_or_withdrawn_invitation_is_refused(client, hub, admin_a, organisation):
    invitation, token = services.invite_colleague(admin_a, organisation, "laat@example.org",
                                                  "admin")
    Invitation.objects.filter(pk=invitation.pk).update(
        expires_at=timezone.now() - datetime.timedelta(minutes=1))
    url = reverse("memberhub:invitation", args=[token])
    assert client.get(url).status_code == 403
    assert client.post(url, {"first_name": "L", "last_name": "A", "password1": "Sterk-ww-2026!",
                             "password2": "Sterk-ww-2026!"}).status_code == 403
    assert not User.objects.filter(email="laat@example.org").exists()
    second, token = services.invite_colleague(admin_a, organisation, "ander@example.org", "author")
    services.revoke_invitation(admin_a, second)
    assert client.get(reverse("memberhub:invitation", args=[token])).status_code == 403


@pytest.mark.django_db
def test_existing_user_accepts_after_login(client, hub, admin_a, organisation, member_b):
    invitation, token = services.invite_colleague(admin_a, organisation, member_b.email, "author")
    url = reverse("memberhub:invitation", args=[token])
    assert "login" in client.get(url)["Location"]
    client.force_login(member_b)
    assert client.post(url).status_code == 302
    assert Membership.objects.filter(user=member_b, organisation=organisation).exists()


@pytest.mark.django_db
def test_new_users_get_a_dutch_admin_profile(db):
    from wagtail.users.models import UserProfile

    user = MembershipFactory().user
    assert UserProfile.get_for_user(user).preferred_language == "nl"


@pytest.mark.django_db
def test_member_rich_text_is_limited_and_external_links_get_noopener(client, hub):
    from memberhub.models import MEMBER_RICHTEXT_FEATURES

    field = NewsPage._meta.get_field("body")
    assert field.features == MEMBER_RICHTEXT_FEATURES
    assert "embed" not in field.features and "image" not in field.features
    add_news(hub["page_a"], "Met link", body='<p><a href="https://example.net/">x</a></p>')
    body = client.get("/leden/stichting-alfa/met-link/").content.decode()
    assert 'href="https://example.net/" rel="noopener noreferrer"' in body


def _upload(name, content):
    return SimpleUploadedFile(name, content)


PNG = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00"
       b"\x00\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N"
       b"\x00\x00\x00\x00IEND\xaeB`\x82")


def test_uploads_are_checked_by_content():
    from tests.fuzz.images import png_bytes

    check_image_upload(_upload("logo.png", png_bytes()))
    with pytest.raises(UploadRejected):  # the right magic bytes, but no image behind them
        check_image_upload(_upload("logo.png", PNG[:40]))
    for name, content in [("logo.svg", b"<svg xmlns='http://www.w3.org/2000/svg'/>"),
                          ("logo.png", b"<svg onload='alert(1)'/>"),
                          ("page.png", b"<html><script>alert(1)</script></html>")]:
        with pytest.raises(UploadRejected):
            check_image_upload(_upload(name, content))
    check_document_upload(_upload("rapport.pdf", b"%PDF-1.7\n..."))
    check_document_upload(_upload("lijst.csv", b"naam;aantal\nA;1\n"))
    for name, content in [("rapport.pdf", b"<html><body>nep</body></html>"),
                          ("notitie.txt", b"<!DOCTYPE html><script>x</script>"),
                          ("tekst.docx", b"PK\x03\x04niet echt"),
                          ("page.html", b"<html></html>")]:
        with pytest.raises(UploadRejected):
            check_document_upload(_upload(name, content))
    with pytest.raises(UploadRejected):
        check_document_upload(_upload("groot.pdf", b"%PDF-" + b"0" * 30), max_size=10)


@pytest.mark.django_db
def test_admin_refuses_svg_image_upload(client, hub, member_a):
    from wagtail.images import get_image_model

    client.force_login(member_a)
    client.post("/admin/images/add/", {
        "title": "Logo", "file": _upload("logo.svg", b"<svg xmlns='http://www.w3.org/2000/svg'/>"),
        "collection": member_a.groups.exclude(organisation_access=None).first()
        .organisation_access.collection_id,
    })
    assert not get_image_model().objects.exists()


@pytest.mark.django_db
def test_impact_story_target_panel_for_editors(client, hub, editor, member_a):
    client.force_login(editor)
    assert "Impactverhalen" in client.get("/admin/").content.decode()
    client.force_login(member_a)
    assert "van de beoogde 20" not in client.get("/admin/").content.decode()


@pytest.mark.django_db
def test_agenda_source_respects_visibility(hub):
    from memberhub.listings import MemberEventSource

    add_event(hub["page_a"], "Zichtbaar")
    source = MemberEventSource()
    entries = source.entries(source.visible(AnonymousUser()).order_by("start"))
    assert [entry.title for entry in entries] == ["Zichtbaar"]
    assert entries[0].organisations == ("Stichting Alfa",)


@pytest.mark.django_db
def test_workflow_is_created_once_on_the_directory(hub):
    from wagtail.models import Workflow, WorkflowPage

    services.ensure_member_workflow()
    services.ensure_member_workflow()
    assert Workflow.objects.filter(name=services.WORKFLOW_NAME).count() == 1
    assert WorkflowPage.objects.filter(page__depth=3).count() >= 1
    assert hub["page_a"].get_workflow().name == services.WORKFLOW_NAME




@pytest.mark.django_db
def test_remembered_listing_counts_follow_publishing(client, site_structure, organisation):
    from tests.memberhub.factories import add_news, organisation_page

    parent = organisation_page(organisation)
    first = add_news(parent, "Eerste bericht")
    assert client.get("/nieuws/").context["listing"].paginator.count == 1
    add_news(parent, "Tweede bericht")
    assert client.get("/nieuws/").context["listing"].paginator.count == 2
    first.unpublish()
    response = client.get("/nieuws/")
    assert response.context["listing"].paginator.count == 1
    assert "Eerste bericht" not in response.content.decode()
