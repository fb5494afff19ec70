from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from community.services.discussions import HIDE_ACTION
from community.viewsets import CommunityViewSetGroup


@hooks.register("register_admin_viewset")
def register_community_viewsets():
    return CommunityViewSetGroup()


@hooks.register("register_log_actions")
def register_community_log_actions(actions):
    actions.register_action(HIDE_ACTION, _("Hide post"), _("Post hidden"))


@hooks.register("register_personal_data_export")
def export_community_data(user):
    from community.privacy import export

    return export(user)


@hooks.register("register_personal_data_erasure")
def erase_community_data(user):
    from community.privacy import erase

    erase(user)


@hooks.register("register_mijn_panel")
def community_mijn_panel(request):
    from community.access import is_community_member
    from community.selectors import unread_count

    if not is_community_member(request.user):
        return None
    return {"template": "community/mijn_panel.html", "order": 30,
            "context": {"unread": unread_count(request.user),
                        "spaces": list(request.user.space_memberships
                                       .select_related("space").order_by("space__title"))}}


@hooks.register("register_search_documents")
def community_search_documents():
    """Group posts and documents, and profiles, in the members' search (search.items)."""
    from community.search_documents import source

    return source()


@hooks.register("register_periodic_jobs")
def community_periodic_jobs():
    """The weekly community digest: Monday morning, after the mailings' digest."""
    from community.tasks import send_weekly_digests_task
    from portal.periodic import PeriodicJob

    return [PeriodicJob("community.weekly_digest", _("Weekly community digest"),
                        send_weekly_digests_task, "30 7 * * mon")]
