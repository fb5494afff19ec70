"""Facets key organisations by id: after a rename the same filter (and link) finds the
organisation's items, counted under the same id and shown with the new name, on every
backend. Old links that named the organisation are sent to its id, or told plainly that
the name is unknown."""

from django.contrib.auth.models import AnonymousUser

from tests.factories import OrganisationFactory

VISITOR = AnonymousUser()


def test_renaming_an_organisation_keeps_links_and_counts(
        backend, site_structure, find, client, django_capture_on_commit_callbacks):
    from knowledge.models import KnowledgeItemPage

    organisation = OrganisationFactory(name="Stichting Oude Naam")
    org_id = str(organisation.pk)
    index = site_structure["sections"]["kennisbank"]
    item = KnowledgeItemPage(title="Handreiking kwelwater", slug="kwelwater",
                             summary="Over kwelwater in polders.", locale=index.locale)
    item.authoring_organisations = [organisation]
    index.add_child(instance=item)
    with django_capture_on_commit_callbacks(execute=True):
        item.save_revision().publish()
    before = find("kwelwater", VISITOR, filters={"organisation": [org_id]})
    assert [hit.title for hit in before.hits] == ["Handreiking kwelwater"]
    assert before.labels["organisation"] == {org_id: "Stichting Oude Naam"}
    # An old link by name goes to the same search by id.
    response = client.get("/zoeken/", {"q": "kwelwater", "org": "Stichting Oude Naam"})
    assert response.status_code == 301
    assert response["Location"] == f"?q=kwelwater&org={org_id}"

    organisation.name = "Stichting Nieuwe Naam"
    with django_capture_on_commit_callbacks(execute=True):
        organisation.save()
    renamed = find("kwelwater", VISITOR, filters={"organisation": [org_id]})
    assert [hit.title for hit in renamed.hits] == ["Handreiking kwelwater"]
    assert dict(renamed.facets["organisation"]) == {org_id: 1}
    assert renamed.labels["organisation"] == {org_id: "Stichting Nieuwe Naam"}

    # The link by id keeps working and shows the new name.
    response = client.get("/zoeken/", {"q": "kwelwater", "org": org_id})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Stichting Nieuwe Naam <span class=\"count\">(1)</span>" in html
    assert "Stichting Oude Naam" not in html
    # The old name is no one's any more: the page says so, and the filter can be removed.
    response = client.get("/zoeken/", {"q": "kwelwater", "org": "Stichting Oude Naam"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Deze filters passen bij niets wat je (nog) kunt vinden" in html
    assert "“Stichting Oude Naam”" in html
    assert 'href="?q=kwelwater"' in html  # the option that removes the filter
