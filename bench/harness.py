"""The parts of bench/run.py that decide whether a figure can be trusted (tested in
tests/bench/): choosing a port, starting gunicorn and failing when it cannot bind, proving
that a URL answers 200 from the server this run started, measuring with wrk while counting
every non-2xx answer as an error (wrk itself counts 3xx as success), and repeating a
measurement until it settles.

Proof of the server: every request of the harness carries an ``X-Bench-Token`` header,
unique per check and per measurement, and gunicorn's access log (a fresh file per server
start, written only by the server this run started) records that token with the status
and the worker's pid. A URL counts as checked only when its token is in that log with
status 200; a measurement's requests are counted in that log too.
"""

import http.client
import os
import re
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LUA = ROOT / "bench" / "count_statuses.lua"
TOKEN_HEADER = "X-Bench-Token"  # noqa: S105 (a header name, not a secret)
# %(p)s: the worker's pid; %(M)s: the request's time in ms.
ACCESS_FORMAT = '%(s)s %(p)s %(M)s "%(r)s" token=%({x-bench-token}i)s'
# How long an answered request may take to show in the access log.
LOG_WAIT = 5
ACCESS_LINE = re.compile(r'^(\d{3}) <(\d+)> (\d+) ".*" token=(\S+)$')


class BenchError(RuntimeError):
    """The run cannot produce a trustworthy figure: it stops with this message."""


# -- ports -------------------------------------------------------------------------


def port_is_free(port, host="127.0.0.1"):
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        try:
            probe.bind((host, port))
        except OSError:
            return False
    return True


def choose_port(candidates=None, host="127.0.0.1"):
    """The first free port of ``candidates`` (an iterable of ints), or one the system
    gives when there are none. Raises BenchError when every candidate is taken."""
    if not candidates:
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
            probe.bind((host, 0))
            return probe.getsockname()[1]
    candidates = list(candidates)
    for port in candidates:
        if port_is_free(port, host):
            return port
    raise BenchError(f"no free port among {candidates[0]}-{candidates[-1]}")


def parse_ports(text):
    """"8180-8189" or "8180,8182" -> [ports]; "" -> [] (the system chooses)."""
    ports = []
    for part in filter(None, (text or "").split(",")):
        if "-" in part:
            first, last = (int(value) for value in part.split("-", 1))
            ports += range(first, last + 1)
        else:
            ports.append(int(part))
    return ports


# -- the server --------------------------------------------------------------------


@dataclass
class Server:
    """A gunicorn started by this run: its process, port and logs."""

    process: subprocess.Popen
    port: int
    log: Path          # gunicorn's own log and the application's (stdout and stderr)
    access_log: Path   # one line per request, with the token and the worker pid
    checked: int = 0

    @property
    def base(self):
        return f"http://127.0.0.1:{self.port}"

    def alive(self):
        return self.process.poll() is None

    def log_text(self):
        return self.log.read_text(errors="replace") if self.log.exists() else ""

    def stop(self):
        if self.alive():
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=10)


def gunicorn_command(python, port, workers, access_log, app="ledenportaal.wsgi"):
    """gunicorn with the production configuration (gunicorn.conf.py), bound to loopback
    only, its access log (with the tokens) in a file, its own log on stderr."""
    return [
        python, "-m", "gunicorn", "-c", str(ROOT / "gunicorn.conf.py"), app,
        "--bind", f"127.0.0.1:{port}", "--workers", str(workers),
        "--access-logfile", str(access_log), "--access-logformat", ACCESS_FORMAT,
        "--error-logfile", "-",
    ]


def start_server(command_for, env, log_dir, name, ports=None, timeout=90):
    """Start a server on a free port: ``command_for(port, access_log)`` gives its command.
    Fails (BenchError, with the log's end) when it exits or does not answer in time,
    e.g. because it cannot bind its port; never goes on with another server's answers."""
    log_dir.mkdir(parents=True, exist_ok=True)
    port = choose_port(ports)
    log = log_dir / f"{name}.log"
    access_log = log_dir / f"access-{name}.log"
    for path in (log, access_log):
        path.unlink(missing_ok=True)
    with log.open("wb") as output:
        process = subprocess.Popen(  # noqa: S603 (our own command)
            command_for(port, access_log), cwd=ROOT, env=env, stdout=output,
            stderr=subprocess.STDOUT, start_new_session=True)
    server = Server(process, port, log, access_log)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not server.alive():
            raise BenchError(f"the server exited (code {process.returncode}) before "
                             f"answering on port {port}:\n{tail(server.log_text())}")
        log = server.log_text()
        if "Connection in use" in log:
            # It keeps retrying for 5 s and handles SIGTERM only once it serves.
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=10)
            raise BenchError(f"the server could not bind port {port}:\n{tail(log)}")
        if f"Listening at: http://127.0.0.1:{port} ({process.pid})" not in log:
            time.sleep(0.2)  # not bound yet: ask nothing of the port meanwhile
            continue
        try:
            check_url(server, "/healthz", timeout=5)
            return server
        except (OSError, http.client.HTTPException):
            time.sleep(0.5)
        except BenchError:
            server.stop()
            raise
    server.stop()
    raise BenchError(f"the server did not answer on port {port} within {timeout} s:\n"
                     f"{tail(server.log_text())}")


def tail(text, lines=30):
    return "\n".join(text.splitlines()[-lines:])


# -- the 200 check -------------------------------------------------------------------


def access_entries(access_log, token=None):
    """[(status, pid, ms, token)] of the access log, optionally for one token."""
    if not access_log.exists():
        return []
    entries = []
    for line in access_log.read_text(errors="replace").splitlines():
        match = ACCESS_LINE.match(line)
        if match and (token is None or match.group(4) == token):
            status, pid, ms, found = match.groups()
            entries.append((int(status), int(pid), int(ms), found))
    return entries


def worker_of(server, pid):
    """Whether ``pid`` is a worker of this server (its parent is the gunicorn master)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    parent = int(stat.rsplit(")", 1)[1].split()[1])
    return parent == server.process.pid


def check_url(server, path, timeout=30):
    """GET ``path`` once, without following redirects; returns the body. Raises
    BenchError unless it answers 200 and the access log of ``server`` shows this very
    request (its token) answered 200 by one of the server's own workers."""
    server.checked += 1
    token = f"check-{server.checked}-{secrets.token_hex(6)}"
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=timeout)
    try:
        connection.request("GET", path, headers={TOKEN_HEADER: token})
        response = connection.getresponse()
        body = response.read()
    finally:
        connection.close()
    if response.status != 200:
        location = response.getheader("Location")
        raise BenchError(f"{path} answered {response.status}"
                         + (f" (to {location})" if location else "") + ", not 200")
    deadline = time.monotonic() + LOG_WAIT
    while time.monotonic() < deadline:
        entries = access_entries(server.access_log, token)
        if entries:
            status, pid, _ms, _token = entries[0]
            if status != 200 or not worker_of(server, pid):
                break
            return body
        time.sleep(0.05)
    raise BenchError(f"{path} answered 200, but not from the server this run started "
                     f"(pid {server.process.pid}, port {server.port}): its access log "
                     "does not show the request")


# -- measuring -----------------------------------------------------------------------


def parse_wrk(output):
    """wrk's report with count_statuses.lua: req/s, latency percentiles (ms), requests,
    non-2xx answers (3xx included) and socket errors."""
    rps = re.search(r"Requests/sec:\s+([\d.]+)", output)
    if not rps:
        raise BenchError(f"wrk gave no figures:\n{tail(output)}")
    result = {"rps": float(rps.group(1))}
    for percentile, micros in re.findall(r"^PCT (\d+) (\d+)$", output, re.MULTILINE):
        result[f"p{percentile}_ms"] = round(int(micros) / 1000, 2)
    counts = dict(re.findall(r"^(REQUESTS|NON2XX|SOCKET_ERRORS) (\d+)$", output, re.MULTILINE))
    if "NON2XX" not in counts:
        raise BenchError("wrk ran without bench/count_statuses.lua: non-2xx not counted")
    result["requests"] = int(counts["REQUESTS"])
    result["non_2xx"] = int(counts["NON2XX"])
    result["socket_errors"] = int(counts.get("SOCKET_ERRORS", 0))
    result["statuses"] = {status: int(count) for status, count in
                          re.findall(r"^STATUS (\d+) (\d+)$", output, re.MULTILINE)}
    result["errors"] = result["non_2xx"] + result["socket_errors"]
    return result


# wrk gives up on an answer after this long (and counts a timeout): a slow page is
# measured, not dropped (wrk's default is 2 s).
WRK_TIMEOUT = 30


def wrk_command(url, duration, token, connections=8, threads=2):
    return [shutil.which("wrk") or "wrk", f"-t{threads}", f"-c{connections}",
            f"-d{duration}s", f"--timeout={WRK_TIMEOUT}s", "--latency",
            "-H", f"{TOKEN_HEADER}: {token}", "-s", str(LUA), url]


def measure(server, path, duration, label, connections=8, threads=2):
    """One wrk run on ``path``; the server's access log must account for its requests
    (answered by this server), and its non-2xx answers are counted from both sides."""
    token = f"{label}-{secrets.token_hex(6)}"
    output = subprocess.run(  # noqa: S603
        wrk_command(f"{server.base}{path}", duration, token, connections, threads),
        capture_output=True, text=True, timeout=duration + WRK_TIMEOUT + 30, check=False)
    if output.returncode != 0:
        raise BenchError(f"wrk failed on {path}: {output.stderr or output.stdout}")
    result = parse_wrk(output.stdout)
    time.sleep(0.2)  # the last lines of the access log
    entries = access_entries(server.access_log, token)
    result["server_requests"] = len(entries)
    result["server_non_2xx"] = sum(1 for status, *_rest in entries if not 200 <= status < 300)
    result["errors"] = max(result["errors"],
                           result["server_non_2xx"] + result["socket_errors"])
    # wrk counts requests whose answer arrived; the server may have logged a few more
    # that wrk cut off at the end. Fewer in the log means someone else answered.
    result["duration_s"] = duration
    if result["server_requests"] < result["requests"]:
        raise BenchError(f"{path}: wrk counted {result['requests']} answers, the server "
                         f"this run started logged {result['server_requests']}")
    return result


@dataclass
class Settling:
    """The rule: repeat a measurement until the last ``window`` runs' req/s lie within
    ``tolerance`` of their median (at most ``max_runs`` runs); the figure is then that
    median run. A measurement that never settles is kept, marked unsettled. A run that
    got fewer than ``min_requests`` answers is too short to count: the next run is made
    long enough for them (at most ``max_duration`` seconds)."""

    window: int = 3
    tolerance: float = 0.10
    max_runs: int = 6
    min_requests: int = 50
    max_duration: int = 60
    runs: list = field(default_factory=list)

    def next_duration(self, duration):
        """The length of the next run, from the answers of the last one."""
        if not self.runs:
            return duration
        last = self.runs[-1]
        if last["requests"] >= self.min_requests:
            return last.get("duration_s", duration)
        per_second = last["requests"] / last.get("duration_s", duration)
        wanted = self.min_requests / per_second if per_second else self.max_duration
        return int(min(self.max_duration, max(duration, 1 + wanted)))

    def counted(self):
        """Runs with enough answers (all runs when none has)."""
        enough = [run for run in self.runs if run["requests"] >= self.min_requests]
        return enough or self.runs

    def spread(self):
        recent = [run["rps"] for run in self.counted()[-self.window:]]
        middle = statistics.median(recent)
        return (max(recent) - min(recent)) / middle if middle else float("inf")

    def settled(self):
        enough = [run for run in self.runs if run["requests"] >= self.min_requests]
        return len(enough) >= self.window and self.spread() <= self.tolerance

    def done(self):
        return self.settled() or len(self.runs) >= self.max_runs

    def result(self):
        recent = sorted(self.counted()[-self.window:], key=lambda run: run["rps"])
        figure = dict(recent[len(recent) // 2])
        figure.update(
            settled=self.settled(), spread=round(self.spread(), 3), runs=len(self.runs),
            errors=sum(run["errors"] for run in self.runs),
            non_2xx=sum(run["non_2xx"] for run in self.runs),
            all_rps=[run["rps"] for run in self.runs],
            enough_requests=self.runs[-1]["requests"] >= self.min_requests,
        )
        return figure


def measure_settled(run_once, rule, duration):
    """Call ``run_once(seconds)`` (one measurement) until ``rule`` is done; its result."""
    rule.runs = []
    while not rule.done():
        rule.runs.append(run_once(rule.next_duration(duration)))
    return rule.result()


def static_size(size):
    """The size of the static file a page of ``size`` bytes is compared with: the nearest
    power of two (so within a factor of 1.42), at least 1 KiB."""
    size = max(size, 1024)
    lower = 1 << (size.bit_length() - 1)
    return lower if size < lower * 1.5 else lower * 2
