"""Coordinators become translatable (TranslatableMixin): each row gets its line page's
locale, and the rows of an English line page the translation key of the Dutch row in the
same place, so wagtail-localize pairs them at the next sync."""

import uuid

import django.db.models.deletion
from django.db import migrations, models


def pair_rows(apps, schema_editor):
    Coordinator = apps.get_model("learninglines", "LearningLineCoordinator")
    Page = apps.get_model("wagtailcore", "Page")
    Locale = apps.get_model("wagtailcore", "Locale")
    dutch = Locale.objects.filter(language_code="nl").values_list("pk", flat=True).first()
    pages = {page.pk: page for page in Page.objects.filter(
        pk__in=Coordinator.objects.values("line_id"))}
    rows = {}
    for row in Coordinator.objects.order_by("line_id", "sort_order", "pk"):
        rows.setdefault(row.line_id, []).append(row)
    keys = {}  # (page translation key, place): the row key of the first locale seen
    # the Dutch source pages first: their rows make the keys the translations take over
    for line_id in sorted(rows, key=lambda pk: (pages[pk].locale_id != dutch, pk)):
        page = pages[line_id]
        for place, row in enumerate(rows[line_id]):
            row.locale_id = page.locale_id
            row.translation_key = keys.setdefault((page.translation_key, place), uuid.uuid4())
            row.save(update_fields=["locale", "translation_key"])


class Migration(migrations.Migration):

    dependencies = [
        ("learninglines", "0003_registration_user_anonymisable"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="learninglinecoordinator",
            options={"ordering": ["sort_order"], "verbose_name": "coordinator"},
        ),
        migrations.AddField(
            model_name="learninglinecoordinator", name="locale",
            field=models.ForeignKey(null=True, editable=False, related_name="+",
                                    on_delete=django.db.models.deletion.PROTECT,
                                    to="wagtailcore.locale", verbose_name="locale"),
        ),
        migrations.AddField(
            model_name="learninglinecoordinator", name="translation_key",
            field=models.UUIDField(null=True, editable=False),
        ),
        migrations.RunPython(pair_rows, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="learninglinecoordinator", name="locale",
            field=models.ForeignKey(editable=False, related_name="+",
                                    on_delete=django.db.models.deletion.PROTECT,
                                    to="wagtailcore.locale", verbose_name="locale"),
        ),
        migrations.AlterField(
            model_name="learninglinecoordinator", name="translation_key",
            field=models.UUIDField(default=uuid.uuid4, editable=False),
        ),
        migrations.AlterUniqueTogether(
            name="learninglinecoordinator",
            unique_together={("translation_key", "locale")},
        ),
    ]
