"""Keep the search documents true: publish, unpublish, move, delete, privacy changes
and organisation changes all schedule an update (search.tasks)."""

from django.db.models.signals import m2m_changed, post_delete, post_save
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move


def translation_ids(page):
    """The page's other language versions: which of them search shows in which language
    depends on which are live (search.documents.hidden_in)."""
    return list(Page.objects.filter(translation_key=page.translation_key)
                .exclude(pk=page.pk).values_list("id", flat=True))


def on_publish(sender, instance, **kwargs):
    from search.tasks import schedule_update

    schedule_update([instance.id, *translation_ids(instance)])


def on_unpublish(sender, instance, **kwargs):
    from search.tasks import schedule_subtree_update, schedule_update

    # Unpublishing a page hides its subtree from Wagtail's routing of visitors too.
    schedule_subtree_update(instance, withdraw=True)
    schedule_update(translation_ids(instance))


def on_move(sender, instance, **kwargs):
    from search.tasks import schedule_subtree_update

    # Under its new parent the subtree may have other restrictions (and new URLs).
    schedule_subtree_update(instance, withdraw=True)


def on_delete(sender, instance, **kwargs):
    from search.tasks import schedule_removal, schedule_update

    schedule_removal([instance.id])
    schedule_update(translation_ids(instance))


def on_restriction_change(sender, instance, **kwargs):
    from search.tasks import schedule_subtree_update

    page = Page.objects.filter(id=instance.page_id).first()
    if page is not None:
        schedule_subtree_update(page, withdraw=True)


def on_restriction_groups_change(sender, instance, action, **kwargs):
    if action in ("post_add", "post_remove", "post_clear"):
        on_restriction_change(sender, instance)


def organisation_page_ids(organisation):
    """Ids of the pages that relate to the organisation by its id (every foreign key and
    many-to-many from a page type to MemberOrganisation: knowledge items, sessions,
    learning lines, working groups, its own page …), so that an update finds them
    whatever the organisation was called when they were indexed."""
    from django.db.models import ManyToManyRel, ManyToOneRel

    ids = set()
    for relation in type(organisation)._meta.related_objects:
        model = relation.related_model
        if not (isinstance(relation, (ManyToOneRel, ManyToManyRel))
                and issubclass(model, Page)):
            continue
        ids.update(model.objects.filter(**{relation.field.name: organisation.pk})
                   .values_list("id", flat=True))
    return ids


def on_organisation_saved(sender, instance, **kwargs):
    """Documents of the pages related to the organisation (by id: a rename changes the
    name they were indexed with), and its own page subtree, are refreshed."""
    from portal.searchable import FacetValue
    from search.models import SearchFacetValue
    from search.tasks import schedule_subtree_update, schedule_update

    page_ids = organisation_page_ids(instance)
    # Anything else indexed under its current name (a free-text co-host, say).
    page_ids.update(SearchFacetValue.objects.filter(
        facet="organisation", value=FacetValue.named(instance.name).id
    ).values_list("document__page_id", flat=True))
    schedule_update(sorted(page_id for page_id in page_ids if page_id))
    organisation_page = getattr(instance, "page", None)
    if isinstance(organisation_page, Page):
        schedule_subtree_update(organisation_page)


def connect():
    from memberhub.models import MemberOrganisation

    page_published.connect(on_publish, dispatch_uid="search_page_published")
    page_unpublished.connect(on_unpublish, dispatch_uid="search_page_unpublished")
    post_page_move.connect(on_move, dispatch_uid="search_page_moved")
    post_delete.connect(on_delete, sender=Page, dispatch_uid="search_page_deleted")
    post_save.connect(on_restriction_change, sender=PageViewRestriction,
                      dispatch_uid="search_restriction_saved")
    post_delete.connect(on_restriction_change, sender=PageViewRestriction,
                        dispatch_uid="search_restriction_deleted")
    m2m_changed.connect(on_restriction_groups_change,
                        sender=PageViewRestriction.groups.through,
                        dispatch_uid="search_restriction_groups")
    post_save.connect(on_organisation_saved, sender=MemberOrganisation,
                      dispatch_uid="search_organisation_saved")
