"""In the Wagtail admin, a member sees only their own organisation's media and pages.

Organisation B has a secret draft, a document and an image; a member of organisation A
opens every admin view, report, chooser and API URL that could show them.
"""

import json

import pytest
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

from knowledge.demo import minimal_pdf
from memberhub.models import OrganisationAccess
from tests.memberhub.factories import add_news

pytestmark = pytest.mark.django_db

SECRET_DRAFT = "Geheim concept van Beta"
SECRET_DOCUMENT = "Geheim beleidsstuk van Beta"
SECRET_IMAGE = "Geheime foto van Beta"
OWN_DOCUMENT = "Eigen document van Alfa"
OWN_IMAGE = "Eigen foto van Alfa"


def _document(title, collection):
    document = get_document_model()(title=title, collection=collection)
    data = minimal_pdf(title, ["Tekst"])
    document.file.save("stuk.pdf", ContentFile(data), save=False)
    document.save()
    return document


def _image(title, collection):
    image = get_image_model()(title=title, collection=collection,
                              file=get_test_image_file(filename="foto.png"))
    image.save()
    return image


@pytest.fixture
def secrets(hub, member_a):
    access = OrganisationAccess.objects.select_related("collection")
    collection_a = access.get(organisation=hub["page_a"].organisation).collection
    collection_b = access.get(organisation=hub["page_b"].organisation).collection
    draft = add_news(hub["page_b"], title=SECRET_DRAFT, publish=False)
    draft.get_workflow().start(draft, member_b_of(hub))  # in moderation: workflow reports
    return {
        "draft": draft,
        "own_draft": add_news(hub["page_a"], title="Eigen concept van Alfa", publish=False),
        "document": _document(SECRET_DOCUMENT, collection_b),
        "image": _image(SECRET_IMAGE, collection_b),
        "own_document": _document(OWN_DOCUMENT, collection_a),
        "own_image": _image(OWN_IMAGE, collection_a),
    }


def member_b_of(hub):
    from tests.factories import MembershipFactory

    return MembershipFactory(organisation=hub["page_b"].organisation).user


def urls(secrets):
    draft, document, image = secrets["draft"], secrets["document"], secrets["image"]
    return [
        "/admin/api/main/documents/?limit=20&offset=0",
        "/admin/api/main/documents/?search=Beta",
        "/admin/api/main/images/?limit=20&offset=0",
        f"/admin/api/main/images/{image.id}/",
        f"/admin/api/main/documents/{document.id}/",
        "/admin/images/",
        "/admin/images/?q=Beta",
        "/admin/documents/",
        "/admin/documents/?q=Beta",
        "/admin/images/chooser/",
        "/admin/images/chooser/results/?q=Beta",
        "/admin/documents/chooser/",
        "/admin/documents/chooser/results/?q=Beta",
        f"/admin/images/{image.id}/",
        f"/admin/documents/edit/{document.id}/",
        f"/admin/images/usage/{image.id}/",
        f"/admin/documents/usage/{document.id}/",
        "/admin/reports/page-types-usage/",
        "/admin/reports/page-types-usage/results/",
        "/admin/reports/site-history/",
        "/admin/reports/aging-pages/",
        "/admin/reports/workflow/",
        "/admin/reports/workflow/results/",
        "/admin/reports/workflow_tasks/",
        "/admin/reports/workflow_tasks/results/",
        "/admin/workflows/tasks/index/",
        "/admin/pages/search/?q=Geheim",
        "/admin/choose-page/search/?q=Geheim",
        f"/admin/choose-page/{draft.get_parent().id}/",
        f"/admin/choose-page/{draft.id}/",
        f"/admin/pages/{draft.get_parent().id}/",
        f"/admin/pages/{draft.id}/edit/",
        f"/admin/pages/{draft.id}/usage/",
        f"/admin/bulk/wagtailcore/page/delete/?id={draft.id}",
        f"/admin/bulk/wagtailcore/page/publish/?id={draft.id}",
        f"/admin/bulk/wagtailcore/page/unpublish/?id={draft.id}",
        f"/admin/bulk/wagtailcore/page/move/?id={draft.id}",
        f"/admin/bulk/wagtailimages/image/delete/?id={image.id}",
        f"/admin/bulk/wagtailimages/image/add_tags/?id={image.id}",
        f"/admin/bulk/wagtaildocs/document/delete/?id={document.id}",
        f"/admin/bulk/wagtaildocs/document/add_to_collection/?id={document.id}",
        "/admin/api/main/pages/?search=Geheim",
        f"/admin/api/main/pages/?child_of={draft.get_parent().id}",
        "/admin/",
    ]


def shows_secret(response):
    body = response.content.decode(errors="replace")
    return [secret for secret in (SECRET_DRAFT, SECRET_DOCUMENT, SECRET_IMAGE)
            if secret in body]


def test_member_of_another_organisation_sees_none_of_it(client, secrets, member_a):
    client.force_login(member_a)
    leaks = {}
    for url in urls(secrets):
        response = client.get(url)
        assert response.status_code < 500, url
        found = shows_secret(response)
        if found:
            leaks[url] = found
    assert leaks == {}


def test_member_sees_own_organisations_media_in_the_api(client, secrets, member_a):
    client.force_login(member_a)
    documents = client.get("/admin/api/main/documents/?limit=20&offset=0").json()
    assert [item["title"] for item in documents["items"]] == [OWN_DOCUMENT]
    assert documents["meta"]["total_count"] == 1
    images = client.get("/admin/api/main/images/").json()
    assert [item["title"] for item in images["items"]] == [OWN_IMAGE]
    assert client.get(f"/admin/api/main/images/{secrets['image'].id}/").status_code == 404
    assert client.get(f"/admin/api/main/documents/{secrets['document'].id}/").status_code == 404
    # Nor can the other organisation's image be fetched through the admin's preview.
    preview = client.get(f"/admin/images/{secrets['image'].id}/preview/original/")
    assert preview.status_code in (302, 403)
    detail = client.get(f"/admin/api/main/images/{secrets['own_image'].id}/").json()
    # The download link is the checked view, not a file path under /media/.
    assert detail["meta"]["download_url"].startswith(
        f"/images/{secrets['own_image'].id}/original/")
    assert client.get(detail["meta"]["download_url"]).status_code == 200


def test_member_b_and_editor_still_see_it(client, secrets, member_b, editor):
    client.force_login(member_b)
    assert SECRET_DOCUMENT in client.get("/admin/api/main/documents/").content.decode()
    assert SECRET_IMAGE in client.get(
        f"/admin/api/main/images/{secrets['image'].id}/").content.decode()
    client.force_login(editor)
    documents = json.loads(client.get("/admin/api/main/documents/?limit=20").content)
    assert {OWN_DOCUMENT, SECRET_DOCUMENT} <= {item["title"] for item in documents["items"]}
    report = client.get("/admin/reports/page-types-usage/").content.decode()
    assert SECRET_DRAFT in report or "Eigen concept van Alfa" in report
    bulk = client.get(f"/admin/bulk/wagtailcore/page/delete/?id={secrets['draft'].id}")
    assert SECRET_DRAFT in bulk.content.decode()


def test_page_types_report_counts_only_own_pages_for_a_member(client, secrets, member_a):
    secrets["draft"].save_revision()  # another organisation's draft is the last edited
    client.force_login(member_a)
    response = client.get("/admin/reports/page-types-usage/")
    assert response.status_code == 200
    body = response.content.decode()
    assert "Eigen concept van Alfa" in body
    assert SECRET_DRAFT not in body


def test_bulk_confirmation_names_own_items_only(client, secrets, member_a):
    client.force_login(member_a)
    own, other = secrets["own_draft"], secrets["draft"]
    response = client.get(f"/admin/bulk/wagtailcore/page/delete/?id={own.id}&id={other.id}")
    assert response.status_code == 200
    body = response.content.decode()
    assert SECRET_DRAFT not in body


def test_page_chooser_still_offers_public_pages_and_own_drafts(client, secrets, member_a):
    client.force_login(member_a)
    own = secrets["own_draft"]
    body = client.get(f"/admin/choose-page/{own.get_parent().id}/").content.decode()
    assert own.title in body
    body = client.get(f"/admin/choose-page/{secrets['draft'].get_parent().get_parent().id}/")
    assert body.status_code == 200
    assert "Stichting Beta" in body.content.decode()  # another organisation's public page
