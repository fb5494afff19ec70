"""The language of the e-mails is the person's one choice (User.preferred_language), for
every kind of e-mail: a subscription no longer keeps its own. Whoever chose another
language on the subscriptions page keeps that choice, now on the person."""

from django.conf import settings
from django.db import migrations


def move_to_person(apps, schema_editor):
    Subscription = apps.get_model("mailings", "Subscription")
    User = apps.get_model(*settings.AUTH_USER_MODEL.split("."))
    for user_id, language in Subscription.objects.values_list("user_id", "language"):
        User.objects.filter(pk=user_id).exclude(preferred_language=language).update(
            preferred_language=language)


def back_to_subscription(apps, schema_editor):
    Subscription = apps.get_model("mailings", "Subscription")
    for subscription in Subscription.objects.select_related("user"):
        subscription.language = subscription.user.preferred_language or "nl"
        subscription.save(update_fields=["language"])


class Migration(migrations.Migration):

    dependencies = [
        ("mailings", "0001_initial"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RunPython(move_to_person, back_to_subscription),
        migrations.RemoveField(model_name="subscription", name="language"),
    ]
