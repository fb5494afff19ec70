"""The 2026 year plan with every target the portal can measure (docs/yearplan.md).
Earlier years keep their own plans (none are made here); editors change these targets in
the admin. The three targets about one event name it by its slug (memberhub's events
measure); until such an event exists the dashboard shows nothing to measure yet."""

from decimal import Decimal

from django.db import migrations

TARGETS_2026 = [
    # (measure key, subject, threshold, period); the dashboard names each by its measure,
    # event and period in the reader's language
    ("learninglines.participation", "", "40", "year"),
    ("yearplan.assembly_attendance", "", "60", "per_event"),
    ("learninglines.session_satisfaction", "", "3.5", "per_event"),
    ("memberhub.impact_stories", "", "20", "year"),
    ("mailings.member_mailings", "", "10", "year"),
    ("mailings.member_mailings", "", "1", "per_month"),
    ("yearplan.campaign_organisations", "", "10", "year"),
    ("servicedesk.organisations_served", "", "25", "year"),
    ("servicedesk.answered_within_5_days", "", "80", "year"),
    ("memberhub.event_participants", "integriteitsbijeenkomst-2026", "30", "per_event"),
    ("memberhub.event_participants", "wereldburgerschap-2026", "50", "per_event"),
    ("memberhub.event_evaluation", "top-2026", "7.5", "per_event"),
]


def seed(apps, schema_editor):
    YearPlan = apps.get_model("yearplan", "YearPlan")
    Target = apps.get_model("yearplan", "Target")
    plan, created = YearPlan.objects.get_or_create(
        year=2026, defaults={"notes": "Jaarplan 2026 van de vereniging."})
    if not created:
        return
    for order, (key, subject, threshold, period) in enumerate(TARGETS_2026):
        Target.objects.create(plan=plan, sort_order=order, measure_key=key, subject=subject,
                              threshold=Decimal(threshold), period=period)


class Migration(migrations.Migration):
    dependencies = [("yearplan", "0001_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
