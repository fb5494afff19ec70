"""The notifications page: new posts in followed spaces and threads (no JavaScript)."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from community import selectors
from community.services.notifications import author_name, mark_read
from community.views import members_only
from portal.pagination import paginate


@members_only
def notifications(request):
    if request.method == "POST":
        mark_read(request.user)
        messages.success(request, _("All notifications are marked as read."))
        return redirect("community:notifications")
    page_obj = paginate(request, selectors.visible_notifications(request.user), per_page=30)
    items = [{"notification": n, "author": author_name(n.post)} for n in page_obj.object_list]
    response = render(request, "community/notifications.html", {
        "page_obj": page_obj, "items": items,
        "unread": selectors.unread_count(request.user),
        "follows": request.user.community_follows.select_related("space", "thread__space"),
    })
    mark_read(request.user, [n.pk for n in page_obj.object_list])
    return response
