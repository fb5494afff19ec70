"""Documents and image files follow the pages that use them (portal/media.py).

Every check goes through the URL a visitor, a member or an editor would open:
``/documents/<id>/<file>``, the original image URL and the renditions under /media/.
"""

import importlib

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import clear_url_caches, reverse
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import PageViewRestriction

import ledenportaal.urls
from knowledge.demo import minimal_pdf
from knowledge.models import KnowledgeItemDocument
from memberhub.models import OrganisationAccess
from memberhub.services import sync_organisation
from portal.media_views import original_url
from tests.knowledge.factories import make_document, make_item

pytestmark = pytest.mark.django_db


def doc_url(document):
    return f"/documents/{document.id}/{document.filename}"


def get(client, user, url):
    client.logout()
    if user is not None:
        client.force_login(user)
    return client.get(url)


def served(response):
    return response.status_code == 200 and b"".join(response.streaming_content)


def refused(response):
    if response.status_code == 404:
        return True
    return response.status_code == 302 and "/accounts/login/" in response["Location"]


@pytest.fixture
def kennisbank(site_structure):
    return site_structure["sections"]["kennisbank"]


@pytest.fixture
def access(organisation, other_organisation, site_structure):
    sync_organisation(organisation)
    sync_organisation(other_organisation)
    return {
        "a": OrganisationAccess.objects.get(organisation=organisation),
        "b": OrganisationAccess.objects.get(organisation=other_organisation),
    }


@pytest.fixture
def member_b(other_organisation, access):
    from tests.factories import MembershipFactory

    return MembershipFactory(organisation=other_organisation).user


@pytest.fixture
def roles(member, member_b, outsider, editor, access):
    return {"visitor": None, "member": member, "member_b": member_b, "outsider": outsider,
            "editor": editor}


def test_document_of_a_public_item_is_served_to_everyone(client, kennisbank, roles):
    document = make_document("Openbare handleiding")
    make_item(kennisbank, "Openbaar item", documents=[document])
    for user in roles.values():
        response = get(client, user, doc_url(document))
        assert served(response).startswith(b"%PDF-")
        assert "private" in response["Cache-Control"]
        assert "no-cache" in response["Cache-Control"]


def test_document_of_a_members_only_item_is_for_members(client, kennisbank, roles):
    document = make_document("Politieke monitor week 12")
    make_item(kennisbank, "Monitor", documents=[document], members_only=True)

    response = get(client, None, doc_url(document))
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=/documents/")
    assert refused(get(client, roles["outsider"], doc_url(document)))
    for role in ("member", "member_b", "editor"):
        assert served(get(client, roles[role], doc_url(document)))


def test_document_of_a_draft_only_is_not_public(client, kennisbank, roles):
    document = make_document("Concept gedragscode")
    make_item(kennisbank, "Concept", documents=[document], publish=False)
    for role in ("visitor", "outsider", "member", "member_b"):
        assert refused(get(client, roles[role], doc_url(document))), role
    assert served(get(client, roles["editor"], doc_url(document)))


def test_unreferenced_upload_is_only_for_who_manages_it(client, roles, access):
    """A member uploads a file in the admin; until a page uses it, only their own
    organisation and the editors can download it."""
    client.force_login(roles["member"])
    upload = SimpleUploadedFile("begroting.pdf", minimal_pdf("Begroting", ["Intern"]),
                                content_type="application/pdf")
    response = client.post(reverse("wagtaildocs:add"), {
        "title": "Interne begroting", "file": upload, "collection": access["a"].collection_id})
    assert response.status_code == 302, response.content[:2000]
    document = get_document_model().objects.get(title="Interne begroting")
    assert document.collection_id == access["a"].collection_id
    for role in ("visitor", "outsider", "member_b"):
        assert refused(get(client, roles[role], doc_url(document))), role
    assert served(get(client, roles["member"], doc_url(document)))
    assert served(get(client, roles["editor"], doc_url(document)))


def test_a_public_page_becoming_members_only_protects_its_document_at_once(
        client, kennisbank, roles):
    document = make_document("Zelfevaluatieformulier")
    item = make_item(kennisbank, "Zelfevaluatie", documents=[document])
    assert served(get(client, None, doc_url(document)))

    # As an editor does it in /admin/pages/<id>/privacy/.
    client.force_login(roles["editor"])
    response = client.post(reverse("wagtailadmin_pages:set_privacy", args=[item.id]),
                           {"restriction_type": PageViewRestriction.LOGIN})
    assert response.status_code == 200
    assert PageViewRestriction.objects.filter(page=item).exists()

    assert refused(get(client, None, doc_url(document)))
    assert served(get(client, roles["member"], doc_url(document)))


def test_unpublishing_the_only_page_withdraws_its_document(client, kennisbank, roles):
    document = make_document("Ingetrokken rapport")
    item = make_item(kennisbank, "Rapport", documents=[document])
    assert served(get(client, None, doc_url(document)))
    item.unpublish()
    assert refused(get(client, None, doc_url(document)))


def test_document_uploaded_later_to_a_members_only_item(client, kennisbank, roles):
    """An editor uploads a file through the admin and adds it to a live members-only
    item: visitors never get it, members do as soon as the item is published."""
    item = make_item(kennisbank, "Besloten toolkit", members_only=True)
    client.force_login(roles["editor"])
    upload = SimpleUploadedFile("toolkit.pdf", minimal_pdf("Toolkit", ["Alleen leden"]),
                                content_type="application/pdf")
    response = client.post(reverse("wagtaildocs:add"), {
        "title": "Toolkit bijlage", "file": upload,
        "collection": access_root_collection_id()})
    assert response.status_code == 302, response.content[:2000]
    document = get_document_model().objects.get(title="Toolkit bijlage")

    assert refused(get(client, None, doc_url(document)))
    item.attachments.add(KnowledgeItemDocument(document=document))
    item.save_revision().publish()

    assert refused(get(client, None, doc_url(document)))
    assert refused(get(client, roles["outsider"], doc_url(document)))
    assert served(get(client, roles["member_b"], doc_url(document)))


def test_document_on_public_and_members_only_page_is_public(client, kennisbank, roles):
    document = make_document("Gedeeld document")
    make_item(kennisbank, "Besloten", documents=[document], members_only=True)
    make_item(kennisbank, "Openbaar", documents=[document])
    assert served(get(client, None, doc_url(document)))


def test_wrong_filename_is_not_found(client, kennisbank):
    document = make_document("Handleiding")
    make_item(kennisbank, "Openbaar", documents=[document])
    assert client.get(f"/documents/{document.id}/iets-anders.pdf").status_code == 404


# --- Images ------------------------------------------------------------------------------


def make_image(title, collection=None):
    image = get_image_model()(title=title, file=get_test_image_file(filename="foto.png"))
    if collection is not None:
        image.collection = collection
    image.save()
    return image


def test_uploaded_image_gets_an_unguessable_name(roles, access):
    first = make_image("Foto 1")
    second = make_image("Foto 2")
    for image in (first, second):
        assert image.file.name.startswith("original_images/")
        assert image.file.name.endswith("-foto.png")
        assert len(image.filename.split("-")[0]) == 16
    assert first.file.name != second.file.name
    rendition = first.get_rendition("fill-800x600")
    assert rendition.file.name.startswith("images/" + first.filename.split("-")[0])


def test_member_upload_through_the_admin_gets_an_unguessable_name(client, roles, access):
    client.force_login(roles["member"])
    data = get_test_image_file(filename="logo.png").file.getvalue()
    response = client.post(reverse("wagtailimages:add"), {
        "title": "Ons logo", "file": SimpleUploadedFile("logo.png", data, "image/png"),
        "collection": access["a"].collection_id})
    assert response.status_code == 302, response.content[:3000]
    image = get_image_model().objects.get(title="Ons logo")
    assert image.filename != "logo.png" and image.filename.endswith("-logo.png")
    assert image.collection_id == access["a"].collection_id


def test_original_of_a_members_only_image(client, kennisbank, roles):
    image = make_image("Besloten omslag")
    make_item(kennisbank, "Besloten met omslag", members_only=True, cover_image=image,
              cover_image_alt="Omslag")
    url = original_url(image)
    assert refused(get(client, None, url))
    assert refused(get(client, roles["outsider"], url))
    response = get(client, roles["member_b"], url)
    assert served(response).startswith(b"\x89PNG")
    assert "private" in response["Cache-Control"]
    # The original is not reachable under /media/ either.
    assert client.get(f"/media/{image.file.name}").status_code == 404


def test_original_of_a_public_image_is_public(client, kennisbank):
    image = make_image("Openbare omslag")
    make_item(kennisbank, "Openbaar met omslag", cover_image=image, cover_image_alt="Omslag")
    assert served(client.get(original_url(image)))


def test_original_of_an_unused_image_is_for_its_organisation(client, roles, access):
    image = make_image("Logo in concept", collection=access["a"].collection)
    url = original_url(image)
    assert refused(get(client, None, url))
    assert refused(get(client, roles["member_b"], url))
    assert served(get(client, roles["member"], url))
    assert served(get(client, roles["editor"], url))


@pytest.fixture
def debug_urls(settings):
    """The URLs as in development: ledenportaal/urls.py adds the media route only with DEBUG."""
    settings.DEBUG = True
    importlib.reload(ledenportaal.urls)
    clear_url_caches()
    yield
    settings.DEBUG = False
    importlib.reload(ledenportaal.urls)
    clear_url_caches()


def test_renditions_are_served_under_media_in_development(client, debug_urls):
    image = make_image("Openbaar")
    rendition = image.get_rendition("max-100x100")
    assert client.get(rendition.url).status_code == 200
    assert client.get(f"/media/{image.file.name}").status_code == 404
    assert client.get("/media/original_images/").status_code == 404


def test_document_files_have_no_media_url_in_development(client, kennisbank, debug_urls):
    """No URL under /media/ reaches a document's file."""
    document = make_document("Monitor")
    make_item(kennisbank, "Monitor", documents=[document], members_only=True)
    assert document.file.name.startswith("documents/")
    assert client.get(f"/media/{document.file.name}").status_code == 404


def access_root_collection_id():
    from wagtail.models import Collection

    return Collection.get_first_root_node().id


def test_document_without_file_name_match_for_other_roles(client, kennisbank, roles):
    """A member may not reach a draft document of another organisation by its id."""
    document = get_document_model()(title="Concept van Beta",
                                    collection=OrganisationAccess.objects.get(
                                        organisation=roles["member_b"].memberships.first()
                                        .organisation).collection)
    data = minimal_pdf("Concept", ["Beta"])
    document.file.save("concept-beta.pdf", ContentFile(data), save=False)
    document.save()
    assert refused(get(client, roles["member"], doc_url(document)))
    assert served(get(client, roles["member_b"], doc_url(document)))


def test_demo_members_only_documents_are_protected(client, demo):
    """After `manage.py load_demo`, the political monitor editions, the draft code of
    conduct and the self-evaluation form download for members only."""
    from knowledge.models import KnowledgeItemPage
    from memberhub.models import User

    restricted = [item for item in KnowledgeItemPage.objects.live() if item.requires_membership]
    documents = [attachment.document for item in restricted
                 for attachment in item.attachments.all()]
    titles = {document.title for document in documents}
    assert {"Concept gedragscode", "Zelfevaluatieformulier kwaliteitsnorm"} <= titles
    assert any(title.startswith("Politieke monitor") for title in titles)
    member = User.objects.get(email="lid@example.org")
    for document in documents:
        assert refused(get(client, None, doc_url(document))), document.title
        assert served(get(client, member, doc_url(document))), document.title
    public = KnowledgeItemPage.objects.live().public().filter(attachments__isnull=False).first()
    assert served(get(client, None, doc_url(public.attachments.first().document)))
