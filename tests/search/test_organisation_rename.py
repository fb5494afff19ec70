"""Index updates find an organisation's documents by its id: after a rename the facet
filter by the new name finds its items, and the old name no longer does, on every
backend."""

from django.contrib.auth.models import AnonymousUser

from tests.factories import OrganisationFactory

VISITOR = AnonymousUser()


def test_renaming_an_organisation_updates_its_documents(
        backend, site_structure, find, django_capture_on_commit_callbacks):
    from knowledge.models import KnowledgeItemPage

    organisation = OrganisationFactory(name="Stichting Oude Naam")
    index = site_structure["sections"]["kennisbank"]
    item = KnowledgeItemPage(title="Handreiking kwelwater", slug="kwelwater",
                             summary="Over kwelwater in polders.", locale=index.locale)
    item.authoring_organisations = [organisation]
    index.add_child(instance=item)
    with django_capture_on_commit_callbacks(execute=True):
        item.save_revision().publish()
    assert [hit.title for hit in find("kwelwater", VISITOR, filters={
        "organisation": ["Stichting Oude Naam"]}).hits] == ["Handreiking kwelwater"]

    organisation.name = "Stichting Nieuwe Naam"
    with django_capture_on_commit_callbacks(execute=True):
        organisation.save()
    renamed = find("kwelwater", VISITOR, filters={"organisation": ["Stichting Nieuwe Naam"]})
    assert [hit.title for hit in renamed.hits] == ["Handreiking kwelwater"]
    assert dict(renamed.facets["organisation"]) == {"Stichting Nieuwe Naam": 1}
    assert find("kwelwater", VISITOR, filters={
        "organisation": ["Stichting Oude Naam"]}).total == 0
