"""Background work (django-tasks: in-process by default, a worker at scale)."""

from django_tasks import task


@task()
def notify_post_task(post_id):
    from community.services.notifications import notify_post

    return notify_post(post_id)


@task()
def send_weekly_digests_task():
    from community.services.notifications import send_weekly_digests

    return send_weekly_digests()
