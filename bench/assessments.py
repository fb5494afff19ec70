#!/usr/bin/env python
"""Self-scan benchmark: how long the results page (with benchmark and trend) and the
members' overview take with N organisations that each closed a round of the Quick Scan
with three respondents.

    DATABASE_URL=sqlite:////tmp/bench-scans.sqlite3 .venv/bin/python manage.py migrate
    DATABASE_URL=sqlite:////tmp/bench-scans.sqlite3 .venv/bin/python bench/assessments.py \
        --organisations 1000 [--requests 20]

Makes the organisations and rounds (a test scan of two dimensions, or the demo Quick Scan
when it exists), then requests the results page and /mijn/scans/ through Django's test
client as a member of the first organisation, and prints p50/p95 and the query count.
"""

import argparse
import datetime
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ledenportaal.settings.dev")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--organisations", type=int, default=1000)
    parser.add_argument("--requests", type=int, default=20)
    args = parser.parse_args()
    import django

    django.setup()
    from django.conf import settings
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.utils import timezone

    from assessments.demo import demo_round, make_scan
    from assessments.demo_content import QUICK_SCAN
    from assessments.models import Scan
    from memberhub.models import MemberOrganisation, Membership, User

    settings.ALLOWED_HOSTS = ["*"]
    scan = Scan.objects.filter(slug="bench-quick-scan").first() or make_scan(
        {**QUICK_SCAN, "slug": "bench-quick-scan"})
    version = scan.versions.order_by("-number").first()
    have = MemberOrganisation.objects.filter(slug__startswith="bench-org-").count()
    when = timezone.now() - datetime.timedelta(days=30)
    started = time.perf_counter()
    for number in range(have, args.organisations):
        organisation = MemberOrganisation.objects.create(name=f"Bench org {number}",
                                                         slug=f"bench-org-{number}")
        demo_round(version, organisation, when, respondents=3)
    print(f"made {args.organisations - have} organisations in "
          f"{time.perf_counter() - started:.1f} s")
    first = MemberOrganisation.objects.get(slug="bench-org-0")
    user, _created = User.objects.get_or_create(email="bench-scans@example.org")
    Membership.objects.get_or_create(user=user, organisation=first)
    round_ = first.scan_rounds.filter(scan=scan).order_by("-completed_at").first()
    client = Client()
    client.force_login(user)
    for label, url in (("results", f"/mijn/scans/ronde/{round_.pk}/resultaten/"),
                       ("overview", "/mijn/scans/")):
        timings = []
        for _ in range(args.requests):
            with CaptureQueriesContext(connection) as queries:
                begin = time.perf_counter()
                response = client.get(url)
                timings.append(1000 * (time.perf_counter() - begin))
            assert response.status_code == 200, response.status_code
        timings.sort()
        print(f"{label}: p50 {statistics.median(timings):.0f} ms, "
              f"p95 {timings[int(0.95 * (len(timings) - 1))]:.0f} ms, "
              f"{len(queries.captured_queries)} queries ({args.organisations} organisations)")


if __name__ == "__main__":
    main()
