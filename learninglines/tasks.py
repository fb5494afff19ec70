"""Background work for learning lines (django-tasks).

Nothing enqueues these yet: they are kept for the scheduler of the year plan, which is to
run them on a schedule. Until then ``manage.py send_evaluation_invitations`` does the same
work (docs/learninglines.md, "Background work").
"""

from django_tasks import task


@task()
def send_evaluation_invitations_task():
    from learninglines.services import send_evaluation_invitations

    return send_evaluation_invitations()
