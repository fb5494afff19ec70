"""Background work of the core (django-tasks); e-mail tasks live in portal/mail.py."""

from django_tasks import task


@task()
def publish_scheduled_task():
    """Wagtail's scheduled publishing and expiry (closing vacancies): the work of
    `manage.py publish_scheduled`."""
    from io import StringIO

    from django.core.management import call_command

    out = StringIO()
    call_command("publish_scheduled", stdout=out)
    return out.getvalue().strip()[:200]
