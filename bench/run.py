#!/usr/bin/env python
"""Benchmark the portal as it runs in production, and only the server this run started.

    python bench/run.py --database postgres --pages 1000 --pages 100000
    python bench/run.py --database sqlite --pages 1000 [--search opensearch]

Per content size: a fresh database (PostgreSQL: database ``<--db-prefix>_<pages>``, dropped
and created anew; SQLite: a file in the work folder) filled by `generate_content`, the
search index rebuilt on the chosen backend, the Redis cache (``--redis-url``; that Redis
database is flushed before each server start), gunicorn with the production settings,
``--workers`` workers and the threads of gunicorn.conf.py. Each URL of bench/targets.py
(every public page type) is measured uncached (page cache off; the data caches stay on,
as in production) and cached, each beside a static file of similar size served by the same
server (WhiteNoise) in the same run: the static files are measured at the start and at the
end of each server run, and a page's ratio uses their mean.

What makes a figure trustworthy (bench/harness.py): a free port is chosen (``--ports``, or
one the system gives) and the run fails when gunicorn cannot bind it; every URL must answer
200 (redirects not followed) to a request that gunicorn's own access log of this run shows
answered by one of its workers, before it is measured; every non-2xx answer and socket
error counts as an error (also from the server's log); /healthz must name the chosen search
backend as the one answering, and the search fallback is off (an engine error is a 500,
counted, not a database figure); gunicorn's log is kept under bench/results/.

Settling: each measurement is repeated (``--duration`` seconds each, after a warm-up) until
the req/s of its last ``--window`` runs lie within ``--tolerance`` of their median, at most
``--max-runs`` runs; the figure is the median run; one that does not settle is marked so in
the table ("~"). Results: bench/results/<stamp>-<label>/results.json (every run, raw) and
table.md. Needs Debian's `wrk` (`make bench-tools`). Everything stays on 127.0.0.1.
"""

import argparse
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
import urllib.parse
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.harness import (  # noqa: E402
    ROOT,
    BenchError,
    Settling,
    check_url,
    gunicorn_command,
    measure,
    measure_settled,
    parse_ports,
    start_server,
    static_size,
)
from bench.report import markdown  # noqa: E402

PYTHON = sys.executable


def run(cmd, env, **kwargs):
    print("$", " ".join(cmd), flush=True)
    subprocess.run(cmd, cwd=ROOT, env=env, check=True, **kwargs)  # noqa: S603


def fresh_postgres(base_url, name):
    """Drop and create database ``name``; returns its URL."""
    import psycopg

    with psycopg.connect(f"{base_url}/postgres", autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')
    return f"{base_url}/{name}"


def flush_redis(url):
    import redis

    client = redis.Redis.from_url(url)
    client.flushdb()
    return client


def base_env(args, database_url, workdir, pages):
    env = dict(os.environ)
    env.update({
        "DJANGO_SETTINGS_MODULE": "ledenportaal.settings.production",
        "SECRET_KEY": "bench-only-secret-key-" + "x" * 40,
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "0",
        "DATABASE_URL": database_url,
        "DATABASE_CONN_MAX_AGE": "60",
        "REDIS_URL": args.redis_url,
        "STATIC_ROOT": str(workdir / "static"),
        "MEDIA_ROOT": str(workdir / "media"),
        "LOG_LEVEL": "WARNING",
        "LOG_FORMAT": "plain",
        "PYTHONPATH": str(ROOT),
        "PORTAL_SEARCH_BACKEND": args.search,
        "PORTAL_SEARCH_FALLBACK": "0",
        "SEARCH_INDEX_PREFIX": f"{args.db_prefix}_{pages}_",
        "GUNICORN_MAX_REQUESTS": "0",  # no worker restart in the middle of a figure
    })
    if args.search == "opensearch":
        if not args.opensearch_url:
            raise BenchError("--search opensearch needs --opensearch-url (or OPENSEARCH_URL)")
        env["OPENSEARCH_URL"] = args.opensearch_url
    return env


def prepare(pages, args, workdir):
    """The database and search index for ``pages`` pages; returns the server's env."""
    if args.database == "postgres":
        name = f"{args.db_prefix}_{pages}"
        url = f"{args.postgres_url}/{name}" if args.reuse else \
            fresh_postgres(args.postgres_url, name)
    else:
        path = workdir / f"{args.db_prefix}_{pages}.sqlite3"
        if not args.reuse:
            for stale in workdir.glob(f"{path.name}*"):
                stale.unlink()
        url = f"sqlite:///{path}"
    env = base_env(args, url, workdir, pages)
    if not args.reuse:
        run([PYTHON, "manage.py", "migrate", "--noinput", "-v0"], env)
        dev = dict(env, DJANGO_SETTINGS_MODULE="ledenportaal.settings.dev")
        run([PYTHON, "manage.py", "generate_content", "--pages", str(pages)], dev)
        run([PYTHON, "manage.py", "search_index", "rebuild"], dev, stdout=subprocess.DEVNULL)
    run([PYTHON, "manage.py", "collectstatic", "--noinput", "-v0"], env)
    return env


def targets(env):
    script = "import django,json;django.setup();from bench.targets import urls;" \
             "print(json.dumps(urls()))"
    output = subprocess.run([PYTHON, "-c", script], cwd=ROOT, env=env,  # noqa: S603
                            capture_output=True, text=True, check=True).stdout
    urls = json.loads(output.strip().splitlines()[-1])
    missing = sorted(name for name, path in urls.items() if not path)
    if missing:
        raise BenchError(f"no visible page of these types in the content: {missing}")
    return urls


def write_static_files(static_root, sizes):
    folder = static_root / "bench"
    folder.mkdir(parents=True, exist_ok=True)
    paths = {}
    for size in sizes:
        path = folder / f"static-{size}.html"
        path.write_text("x" * size)
        paths[size] = f"/static/bench/{path.name}"
    return paths


def check_search_backend(server, wanted):
    """/healthz must say that the chosen backend answers searches (no fallback)."""
    health = json.loads(check_url(server, "/healthz"))
    search = health.get("search", {})
    if health.get("status") != "ok" or search.get("answering", wanted) != wanted:
        raise BenchError(f"/healthz: {health} (wanted {wanted} answering searches)")
    return health


def start(env, log_dir, name, args):
    def command_for(port, access_log):
        return gunicorn_command(PYTHON, port, args.workers, access_log)

    return start_server(command_for, env, log_dir, name, parse_ports(args.ports))


def sizes_of(env, urls, log_dir, args, pages):
    """Each URL checked once (200 from our server) and its size in bytes."""
    server = start(dict(env, PAGE_CACHE_ENABLED="0"), log_dir, f"gunicorn-{pages}-sizes", args)
    try:
        return {name: len(check_url(server, path)) for name, path in urls.items()}
    finally:
        server.stop()


def bench_mode(mode, env, urls, statics, log_dir, args, pages):
    """One server run: every URL, with the static files measured first and last."""
    rule = Settling(window=args.window, tolerance=args.tolerance, max_runs=args.max_runs,
                    min_requests=args.min_requests, max_duration=args.max_duration)
    redis_client = flush_redis(args.redis_url)
    server = start(dict(env, PAGE_CACHE_ENABLED="1" if mode == "cached" else "0"),
                   log_dir, f"gunicorn-{pages}-{mode}", args)
    results, static_runs = {}, {}
    try:
        health = check_search_backend(server, args.search)

        def figure(path, label):
            check_url(server, path)  # 200 from this server, right before measuring
            measure(server, path, args.warmup, f"{label}-warmup")
            return measure_settled(
                lambda seconds: measure(server, path, seconds, label), rule, args.duration)

        for size, path in statics.items():
            static_runs[size] = [figure(path, f"static-{size}-start")]
        for name, path in urls.items():
            results[name] = figure(path, name.replace(" ", "_").replace(",", ""))
            print(f"{pages} {mode} {name}: {results[name]['rps']:.0f} req/s, p50 "
                  f"{results[name].get('p50_ms')} ms, settled {results[name]['settled']}, "
                  f"errors {results[name]['errors']}", flush=True)
        for size, path in statics.items():
            static_runs[size].append(figure(path, f"static-{size}-end"))
        check_search_backend(server, args.search)
        cache_keys = redis_client.dbsize()
        if not cache_keys:
            raise BenchError("the server wrote nothing to the Redis cache of this run")
    finally:
        server.stop()
    log = server.log_text()
    if "Traceback" in log:
        print(f"warning: the server log {server.log} holds a traceback", flush=True)
    return {"results": results, "static": static_runs, "health": health,
            "server_log": str(server.log.relative_to(ROOT)), "cache_keys": cache_keys,
            "port": server.port, "gunicorn_pid": server.process.pid,
            "log_has_traceback": "Traceback" in log}


def bench_size(pages, args, workdir, out):
    env = prepare(pages, args, workdir)
    urls = targets(env)
    sizes = sizes_of(env, urls, out, args, pages)
    buckets = {name: static_size(size) for name, size in sizes.items()}
    statics = write_static_files(Path(env["STATIC_ROOT"]), sorted(set(buckets.values())))
    modes = {mode: bench_mode(mode, env, urls, statics, out, args, pages)
             for mode in ("uncached", "cached")}
    return {"urls": urls, "sizes": sizes, "static_size": buckets, "modes": modes}


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, action="append", required=True,
                        help="content size; repeat for several")
    parser.add_argument("--database", choices=["postgres", "sqlite"], default="postgres")
    parser.add_argument("--postgres-url", default="postgres://postgres@127.0.0.1:5432",
                        help="server URL without database name")
    parser.add_argument("--db-prefix", default="portal_bench",
                        help="database (and index prefix) name: <prefix>_<pages>")
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/9",
                        help="a Redis database for this run only: it is flushed")
    parser.add_argument("--search", choices=["database", "opensearch"], default="database")
    parser.add_argument("--opensearch-url", default=os.environ.get("OPENSEARCH_URL"))
    parser.add_argument("--workers", type=int, default=2 * (os.cpu_count() or 1))
    parser.add_argument("--ports", default="",
                        help="ports to choose from, e.g. 8180-8189 (default: any free one)")
    parser.add_argument("--duration", type=int, default=10, help="seconds per run")
    parser.add_argument("--warmup", type=int, default=2, help="seconds before the runs")
    parser.add_argument("--window", type=int, default=3)
    parser.add_argument("--tolerance", type=float, default=0.10)
    parser.add_argument("--max-runs", type=int, default=6)
    parser.add_argument("--min-requests", type=int, default=50,
                        help="answers a run needs to count (else the next runs longer)")
    parser.add_argument("--max-duration", type=int, default=60)
    parser.add_argument("--reuse", action="store_true",
                        help="reuse the database and index of an earlier run")
    parser.add_argument("--workdir", help="for SQLite files and static files")
    parser.add_argument("--label", default="run", help="in the results folder's name")
    parser.add_argument("--note", default="", help="a line at the top of the table")
    return parser.parse_args(argv)


def main(argv=None):
    args = parse_args(argv)
    # Stopped from outside: stop the servers too (the finally blocks), then leave.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    if not any(os.access(Path(folder) / "wrk", os.X_OK)
               for folder in os.environ.get("PATH", "").split(os.pathsep)):
        sys.exit("wrk is needed: make bench-tools (apt-get install wrk)")
    workdir = Path(args.workdir or tempfile.mkdtemp(prefix="portal-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    label = urllib.parse.quote(f"{args.label}-{args.database}-{args.search}", safe="-_")
    out = ROOT / "bench" / "results" / f"{stamp}-{label}"
    out.mkdir(parents=True, exist_ok=True)
    settings = {key: value for key, value in vars(args).items() if key != "pages"}
    report = {"started": stamp, "settings": settings, "cpus": os.cpu_count(),
              "load_average": os.getloadavg(), "sizes": {}}
    try:
        for pages in args.pages:
            report["sizes"][str(pages)] = bench_size(pages, args, workdir, out)
    except BenchError as error:
        report["failed"] = str(error)
        print(f"bench failed: {error}", file=sys.stderr)
    finally:
        report["load_average_end"] = os.getloadavg()
        (out / "results.json").write_text(json.dumps(report, indent=2))
        table = markdown(report)
        (out / "table.md").write_text(table)
        print(table)
        print(f"results in {out.relative_to(ROOT)}")
    if "failed" in report:
        sys.exit(1)


if __name__ == "__main__":
    main()
