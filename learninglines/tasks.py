"""Background work for learning lines (django-tasks)."""

from django_tasks import task


@task()
def send_evaluation_invitations_task():
    from learninglines.services import send_evaluation_invitations

    return send_evaluation_invitations()
