"""Background work for mailings (django-tasks: in-process by default, a worker at scale)."""

from django_tasks import task


@task()
def send_mailing_task(mailing_id):
    from mailings.sending import send_mailing

    return send_mailing(mailing_id)


@task()
def send_digests_task():
    """The weekly digests. Nothing enqueues this yet (`manage.py send_digests` runs them);
    kept for the year-plan scheduler (docs/mailings.md, "Scheduled work")."""
    from mailings.digests import send_digests

    return send_digests()


@task()
def notify_published_task(page_id):
    from mailings.digests import notify_published

    return notify_published(page_id)
