"""The moderation workflow and its task get Dutch names: members read them in the
editor's action menu ("Stuur door naar Redactie") and in the workflow status."""

from django.db import migrations

NAMES = [
    ("wagtailcore", "Workflow", "Member contribution", "Redactie"),
    ("wagtailcore", "Task", "Approval by editors", "Goedkeuring door de redactie"),
]


def rename(apps, schema_editor, forwards=True):
    for app_label, model_name, old, new in NAMES:
        model = apps.get_model(app_label, model_name)
        source, target = (old, new) if forwards else (new, old)
        if not model.objects.filter(name=target).exists():
            model.objects.filter(name=source).update(name=target)


def backwards(apps, schema_editor):
    rename(apps, schema_editor, forwards=False)


class Migration(migrations.Migration):

    dependencies = [
        ("memberhub", "0003_member_publications"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(rename, backwards)]
