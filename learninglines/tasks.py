"""Background work for learning lines (django-tasks).

The scheduler (``manage.py run_scheduler``, portal/periodic.py) runs these on the
schedules registered in learninglines/wagtail_hooks.py; ``manage.py
send_evaluation_invitations`` and ``manage.py anonymise_registrations`` do the same work by
hand (docs/learninglines.md, "Background work").
"""

from django_tasks import task


@task()
def send_evaluation_invitations_task():
    from learninglines.services import send_evaluation_invitations

    return send_evaluation_invitations()


@task()
def anonymise_registrations_task():
    from learninglines.privacy import anonymise_old_registrations

    return anonymise_old_registrations()
