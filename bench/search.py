#!/usr/bin/env python
"""Search benchmark: latency of typical queries and rebuild throughput.

    DATABASE_URL=sqlite:////tmp/bench-10k.sqlite3 .venv/bin/python bench/search.py \
        --pages 10000 [--backends database,opensearch] [--reuse]

Generates content (unless --reuse), rebuilds each backend's index (timed: documents per
second; an engine's rebuild builds the documents from the pages, as `search_index rebuild`
does), then runs each query of QUERIES as a visitor and as a member, repeatedly, through
the search service (the code path of /zoeken/) on each backend in turn, same content, same
run, and prints p50/p95 per query and overall. An engine needs its URL in the environment
(OPENSEARCH_URL, ELASTICSEARCH_URL); an engine error fails the run (no fallback).
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ledenportaal.settings.dev")

QUERIES = ["digitale autonomie", "partnerschap", "klimaat", "cyberveiligheid beleid",
           "lokaal leiderschap", "water", "dekolonisatie", "coalitie netwerk"]


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=10000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--backends", default=None,
                        help="comma-separated, e.g. database,opensearch (default: configured)")
    parser.add_argument("--reuse", action="store_true", help="use the existing content")
    parser.add_argument("--no-rebuild", action="store_true", help="keep the existing index")
    args = parser.parse_args()
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command

    from search import service

    settings.PORTAL_SEARCH_FALLBACK = False  # measure the backend asked for, or fail
    backends = (args.backends or service.configured_backend_name()).split(",")
    if not args.reuse:
        call_command("migrate", verbosity=0)
        started = time.perf_counter()
        call_command("generate_content", pages=args.pages)
        print(f"generate_content --pages {args.pages}: {time.perf_counter() - started:.0f} s")
    if not args.no_rebuild:
        for name in backends:
            rebuild(name)
    for name in backends:
        measure(name, args.rounds)


def rebuild(name):
    from django.conf import settings

    from search import service
    from search.models import SearchDocument

    settings.PORTAL_SEARCH_BACKEND = "database"
    started = time.perf_counter()
    if name == "database":
        count = service.rebuild()  # the documents, then the database's full-text index
    else:
        count = SearchDocument.objects.count()
        # Every document, as search_index rebuild gives the engine (pages, then items).
        count = service.get_backend(name).rebuild(
            (data for batch in service.all_documents() for data in batch), count)
    seconds = time.perf_counter() - started
    print(f"rebuild {name}: {count} documents in {seconds:.1f} s "
          f"({count / seconds:.0f} documents/s)")


def measure(name, rounds):
    from django.conf import settings
    from django.contrib.auth.models import AnonymousUser

    from memberhub.models import User
    from search import service
    from search.models import SearchDocument

    settings.PORTAL_SEARCH_BACKEND = name
    member = User.objects.get(email="lid@example.org")
    users = {"visitor": AnonymousUser(), "member": member}
    all_timings = []
    print(f"backend {name}")
    print(f"{'query':28} {'who':8} {'hits':>6} {'p50 ms':>8} {'p95 ms':>8}")
    for query in QUERIES:
        for who, user in users.items():
            service.search(query, user)  # warm-up: connections, caches of the process
            timings = []
            for _ in range(rounds):
                started = time.perf_counter()
                result = service.search(query, user)
                timings.append((time.perf_counter() - started) * 1000)
            assert result.backend == name, result.backend
            all_timings += timings
            print(f"{query:28} {who:8} {result.total:>6} {statistics.median(timings):>8.1f} "
                  f"{percentile(timings, 0.95):>8.1f}")
    print(f"overall {name}: p50 {statistics.median(all_timings):.1f} ms, "
          f"p95 {percentile(all_timings, 0.95):.1f} ms over {len(all_timings)} searches; "
          f"{SearchDocument.objects.count()} documents")


if __name__ == "__main__":
    main()
