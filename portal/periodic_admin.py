"""Admin: Reports → Scheduled work. Per job: its schedule, the last run, how it went, the
next run and the failures, read from :class:`portal.models.ScheduledJob`."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.utils.translation import gettext as _
from wagtail.admin.menu import MenuItem

from portal.models import ScheduledJob
from portal.periodic import registered_jobs


def can_view_scheduled_work(user):
    return user.is_active and (user.is_superuser or user.has_perm("portal.view_scheduledjob"))


class ScheduledWorkMenuItem(MenuItem):
    def is_shown(self, request):
        return can_view_scheduled_work(request.user)


def scheduled_work_rows():
    jobs = registered_jobs()
    records = {record.name: record for record in ScheduledJob.objects.filter(name__in=list(jobs))}
    return [{"name": name, "label": job.label, "schedule": job.effective_schedule,
             "record": records.get(name)} for name, job in jobs.items()]


def scheduled_work(request):
    if not can_view_scheduled_work(request.user):
        raise PermissionDenied
    rows = scheduled_work_rows()
    return render(request, "portal/admin/scheduled_work.html", {
        "title": _("Scheduled work"),
        "rows": rows,
        "never_started": all(row["record"] is None or row["record"].last_enqueued_at is None
                             and row["record"].last_started_at is None for row in rows),
    })
