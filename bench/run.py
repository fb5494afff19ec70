#!/usr/bin/env python
"""Benchmark the portal as it runs in production: gunicorn (2 workers, DEBUG off,
production settings) on loopback, measured with wrk.

    .venv/bin/python bench/run.py --pages 1000 [--pages 100000] [--duration 10]

For each content size it builds a fresh SQLite database (or uses --database-url),
fills it with `generate_content`, rebuilds the search index, serves it, and measures
requests/s and latency percentiles of each URL uncached (page cache off) and cached
(page cache on), next to a static file of similar size served by WhiteNoise in the
same run. Results are printed as a Markdown table and written to bench/results/.
Everything stays on 127.0.0.1. Needs Debian's `wrk` (apt-get install wrk).
"""

import argparse
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
PORT = 8765


def run(cmd, env, **kwargs):
    print("$", " ".join(cmd), flush=True)
    subprocess.run(cmd, cwd=ROOT, env=env, check=True, **kwargs)  # noqa: S603


def wait_for(url, timeout=60):
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 (loopback)
                return response.read()
        except Exception:
            time.sleep(0.5)
    raise RuntimeError(f"{url} did not answer")


def parse_wrk(output):
    result = {"rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))}
    for percentile, micros in re.findall(r"^PCT (\d+) (\d+)$", output, re.MULTILINE):
        result[f"p{percentile}_ms"] = round(int(micros) / 1000, 2)
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    result["errors"] = int(errors.group(1)) if errors else 0
    return result


def wrk(url, duration, connections=8, threads=2):
    output = subprocess.run(  # noqa: S603
        [shutil.which("wrk") or "/usr/bin/wrk", f"-t{threads}", f"-c{connections}",
         f"-d{duration}s", "-s", str(ROOT / "bench" / "percentiles.lua"), url],
        capture_output=True, text=True, check=True,
    ).stdout
    return parse_wrk(output)


def start_server(env):
    process = subprocess.Popen(  # noqa: S603
        [PYTHON, "-m", "gunicorn", "-c", "gunicorn.conf.py", "ledenportaal.wsgi",
         "--bind", f"127.0.0.1:{PORT}", "--workers", "2", "--threads", "1"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    wait_for(f"http://127.0.0.1:{PORT}/healthz")
    return process


def stop_server(process):
    os.killpg(process.pid, signal.SIGTERM)
    process.wait(timeout=30)


def targets(env):
    """URLs of each page type in the generated content (asked from the database)."""
    script = (
        "import json;"
        "from bench.targets import urls;"
        "print(json.dumps(urls()))"
    )
    output = subprocess.run(  # noqa: S603
        [PYTHON, "-c", f"import django;django.setup();{script}"], cwd=ROOT, env=env,
        capture_output=True, text=True, check=True,
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


def bench_size(pages, args, workdir):
    env = dict(os.environ)
    database = args.database_url or f"sqlite:///{workdir}/bench-{pages}.sqlite3"
    static_root = workdir / "static"
    env.update({
        "DJANGO_SETTINGS_MODULE": "ledenportaal.settings.production",
        "SECRET_KEY": "bench-only-secret-key-" + "x" * 40,
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "0",
        "DATABASE_URL": database,
        "DATABASE_CONN_MAX_AGE": "60",
        "STATIC_ROOT": str(static_root),
        "MEDIA_ROOT": str(workdir / "media"),
        "LOG_LEVEL": "WARNING",
        "PYTHONPATH": str(ROOT),
    })
    if not args.reuse:
        run([PYTHON, "manage.py", "migrate", "--noinput", "-v0"], env)
        dev = dict(env, DJANGO_SETTINGS_MODULE="ledenportaal.settings.dev")
        run([PYTHON, "manage.py", "generate_content", "--pages", str(pages)], dev)
        run([PYTHON, "manage.py", "search_index", "rebuild"], dev, stdout=subprocess.DEVNULL)
    urls = targets(env)

    # A static file the size of the home page, served by WhiteNoise in the same process.
    run([PYTHON, "manage.py", "collectstatic", "--noinput", "-v0"], env)
    env_uncached = dict(env, PAGE_CACHE_ENABLED="0")
    server = start_server(env_uncached)
    home_size = len(wait_for(f"http://127.0.0.1:{PORT}/"))
    stop_server(server)
    bench_dir = static_root / "bench"
    bench_dir.mkdir(parents=True, exist_ok=True)
    (bench_dir / "page.html").write_text("x" * home_size)
    urls["static file"] = "/static/bench/page.html"

    results = {}
    for mode, mode_env in (("uncached", env_uncached), ("cached", dict(env,
                                                                       PAGE_CACHE_ENABLED="1"))):
        server = start_server(mode_env)
        try:
            for name, path in urls.items():
                url = f"http://127.0.0.1:{PORT}{path}"
                wait_for(url)  # warm up (and fill the cache in cached mode)
                wrk(url, 2)
                results[(mode, name)] = wrk(url, args.duration)
                print(mode, name, results[(mode, name)], flush=True)
        finally:
            stop_server(server)
    return urls, results


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, action="append", required=True)
    parser.add_argument("--duration", type=int, default=10)
    parser.add_argument("--database-url")
    parser.add_argument("--reuse", action="store_true", help="reuse the generated database")
    parser.add_argument("--workdir", default=None)
    args = parser.parse_args()
    if not shutil.which("wrk"):
        sys.exit("wrk is needed: apt-get install wrk")
    workdir = Path(args.workdir or tempfile.mkdtemp(prefix="portal-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    report = {}
    for pages in args.pages:
        urls, results = bench_size(pages, args, workdir)
        report[pages] = {"urls": urls, "results": {f"{m}|{n}": r for (m, n), r in
                                                    results.items()}}
    out = ROOT / "bench" / "results"
    out.mkdir(exist_ok=True)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    (out / f"{stamp}.json").write_text(json.dumps(report, indent=2))
    print(markdown(report))


def markdown(report):
    lines = []
    for pages, data in report.items():
        results = data["results"]
        statics = {mode: results[f"{mode}|static file"]["rps"] for mode in ("uncached", "cached")}
        lines.append(f"\n### {pages} pages (static file: {statics['uncached']:.0f} req/s in the "
                     f"uncached run, {statics['cached']:.0f} in the cached run)\n")
        lines.append("| page | mode | req/s | ratio to static | p50 ms | p95 ms | p99 ms |")
        lines.append("| --- | --- | ---: | ---: | ---: | ---: | ---: |")
        for key, result in results.items():
            mode, name = key.split("|")
            lines.append(f"| {name} | {mode} | {result['rps']:.0f} | "
                         f"{result['rps'] / statics[mode]:.0%} | {result['p50_ms']} | "
                         f"{result['p95_ms']} | {result['p99_ms']} |")
    return "\n".join(lines)


if __name__ == "__main__":
    main()
