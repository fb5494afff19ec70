"""Background work for mailings (django-tasks: in-process by default, a worker at scale)."""

from django_tasks import task


@task()
def send_mailing_task(mailing_id):
    from mailings.sending import send_mailing

    return send_mailing(mailing_id)


@task()
def send_digests_task():
    """The weekly digests, run by the scheduler (mailings/wagtail_hooks.py; by hand:
    `manage.py send_digests`; docs/mailings.md, "Scheduled work")."""
    from mailings.digests import send_digests

    return send_digests()


@task()
def notify_published_task(page_id):
    from mailings.digests import notify_published

    return notify_published(page_id)


@task()
def resume_mailings_task():
    """Continue mailings whose sending stopped (by hand: `manage.py send_mailings`)."""
    from mailings.sending import resume_unfinished_mailings

    return resume_unfinished_mailings()
