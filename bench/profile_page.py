#!/usr/bin/env python
"""Where one page spends its time: cProfile of ``--repeat`` requests to each path, as an
anonymous visitor with the page cache off (the data caches stay on, as in production),
against an existing database (e.g. one bench/run.py filled).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/portal_bench_1000 \\
        python bench/profile_page.py /leerlijnen/ /api/v2/pages/ --top 25

Prints the query count and the mean time per request, then the functions with the most
cumulative time in this project's code and in the libraries.
"""

import argparse
import cProfile
import os
import pstats
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--top", type=int, default=25)
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ledenportaal.settings.production")
    os.environ["PAGE_CACHE_ENABLED"] = "0"
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()
    for path in args.paths:
        first = client.get(path)  # warm the data caches, as a running server has them
        if first.status_code != 200:
            print(f"{path}: HTTP {first.status_code}")
            continue
        with CaptureQueriesContext(connection) as queries:
            client.get(path)
        profile = cProfile.Profile()
        began = time.perf_counter()
        profile.enable()
        for _ in range(args.repeat):
            client.get(path)
        profile.disable()
        mean = (time.perf_counter() - began) / args.repeat * 1000
        print(f"\n=== {path}: {mean:.1f} ms per request, {len(queries)} queries")
        stats = pstats.Stats(profile).sort_stats("cumulative")
        stats.print_stats(args.top)


if __name__ == "__main__":
    main()
