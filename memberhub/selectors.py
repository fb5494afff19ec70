"""Reads about people and organisations (who may do what: memberhub.permissions)."""

from memberhub.models import Membership


def active_memberships(user):
    """The user's memberships of active organisations (member rights come only from these)."""
    if not user.is_authenticated:
        return Membership.objects.none()
    return (
        Membership.objects.filter(user=user, organisation__active=True)
        .select_related("organisation")
        .order_by("organisation__name")
    )


def is_member(user):
    """A member is a user with a membership of an active organisation."""
    return user.is_authenticated and active_memberships(user).exists()


# --- Member publications ----------------------------------------------------------------


class ContributionStatus:
    DRAFT = "draft"
    IN_MODERATION = "in_moderation"
    CHANGES_REQUESTED = "changes_requested"
    PUBLISHED = "published"
    WITHDRAWN = "withdrawn"


def contribution_status(page, workflow_state):
    """(status, comment) of a contribution from its page and active workflow state."""
    if workflow_state is not None:
        if workflow_state.status == workflow_state.STATUS_NEEDS_CHANGES:
            task_state = workflow_state.current_task_state
            return ContributionStatus.CHANGES_REQUESTED, (task_state.comment if task_state
                                                          else "")
        return ContributionStatus.IN_MODERATION, ""
    if page.live:
        return ContributionStatus.PUBLISHED, ""
    if page.last_published_at is not None:
        return ContributionStatus.WITHDRAWN, ""
    return ContributionStatus.DRAFT, ""


def organisation_contributions(organisations):
    """For each organisation: its page and every page below it (drafts included) with
    workflow state. For /mijn/: a fixed number of queries whatever the number of items."""
    from django.contrib.contenttypes.models import ContentType
    from django.db.models import Q
    from wagtail.models import Page, WorkflowState

    from memberhub.models import OrganisationPage

    organisations = list(organisations)
    org_pages = {page.organisation_id: page for page in
                 OrganisationPage.objects.filter(organisation__in=organisations)}
    if not org_pages:
        return [{"organisation": org, "page": None, "items": []} for org in organisations]
    condition = Q()
    for page in org_pages.values():
        condition |= Q(path__startswith=page.path, depth__gt=page.depth)
    pages = list(Page.objects.filter(condition).order_by("-latest_revision_created_at", "-pk")
                 .select_related("content_type"))
    page_type = ContentType.objects.get_for_model(Page)
    states = {
        int(state.object_id): state
        for state in WorkflowState.objects.active().filter(
            base_content_type=page_type, object_id__in=[str(page.pk) for page in pages]
        ).select_related("current_task_state")
    }
    result = []
    for organisation in organisations:
        org_page = org_pages.get(organisation.pk)
        items = []
        if org_page is not None:
            for page in pages:
                if page.path.startswith(org_page.path):
                    status, comment = contribution_status(page, states.get(page.pk))
                    items.append({"page": page, "status": status, "comment": comment,
                                  "type": page.content_type.model_class()._meta.verbose_name})
        result.append({"organisation": organisation, "page": org_page, "items": items})
    return result


def impact_stories_this_year(year):
    """(total, [(organisation name or None, count)]) of impact stories first published in
    ``year`` and live now, each story counted once whatever its translations."""
    from django.db.models import Count

    from memberhub.models import ImpactStoryPage

    stories = ImpactStoryPage.objects.live().filter(first_published_at__year=year)
    rows = (stories.values("organisation__name")
            .annotate(count=Count("translation_key", distinct=True))
            .order_by("-count", "organisation__name"))
    per_organisation = [(row["organisation__name"], row["count"]) for row in rows]
    total = stories.values("translation_key").distinct().count()
    return total, per_organisation


# --- Year-plan measures (portal.measures; registered in memberhub/wagtail_hooks.py) -----


def impact_stories_between(start, end):
    """Impact stories first published on the days start to end and live now, each story
    counted once whatever its translations."""
    from memberhub.models import ImpactStoryPage
    from portal.measures import period_bounds

    since, until = period_bounds(start, end)
    return (ImpactStoryPage.objects.live()
            .filter(first_published_at__gte=since, first_published_at__lt=until)
            .values("translation_key").distinct().count())


def _events_between(start, end):
    from wagtail.models import Locale

    from memberhub.models import EventPage
    from portal.measures import period_bounds

    since, until = period_bounds(start, end)
    return EventPage.objects.filter(locale=Locale.get_default(), start__gte=since,
                                    start__lt=until)


def event_subjects(start, end):
    """The events (default language) starting between start and end, by slug."""
    from portal.measures import Subject

    return [Subject(event.slug, event.title, event.local_start.date())
            for event in _events_between(start, end).order_by("start", "pk")]


def _event(slug):
    from wagtail.models import Locale

    from memberhub.models import EventPage

    return (EventPage.objects.filter(locale=Locale.get_default(), slug=slug)
            .order_by("-start").first())


def event_participants(slug):
    event = _event(slug)
    return None if event is None else event.participants


def event_evaluation(slug):
    event = _event(slug)
    return None if event is None or event.evaluation_score is None else \
        float(event.evaluation_score)


def event_participants_between(start, end):
    from django.db.models import Sum

    return _events_between(start, end).aggregate(n=Sum("participants"))["n"]


def event_evaluation_between(start, end):
    from django.db.models import Avg

    value = _events_between(start, end).aggregate(a=Avg("evaluation_score"))["a"]
    return None if value is None else round(float(value), 2)
