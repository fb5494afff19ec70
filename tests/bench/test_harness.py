"""bench/harness.py: the checks that keep bench/run.py from measuring the wrong thing
(issue 19, item 6). Real gunicorn and wrk processes on loopback, each for about a second."""

import http.server
import shutil
import socket
import subprocess
import sys
import threading

import pytest

from bench import harness
from bench.harness import BenchError, Settling

APP = "tests.bench.tiny_app:app"
needs_wrk = pytest.mark.skipif(shutil.which("wrk") is None,
                               reason="wrk is not installed (make bench-tools)")


@pytest.fixture
def held_port():
    """A port some other program holds (listening), as a forgotten dev server would."""
    holder = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    holder.bind(("127.0.0.1", 0))
    holder.listen()
    yield holder.getsockname()[1]
    holder.close()


def start_tiny(tmp_path, ports=None):
    def command_for(port, access_log):
        return harness.gunicorn_command(sys.executable, port, 1, access_log, app=APP)

    return harness.start_server(command_for, None, tmp_path, "tiny", ports, timeout=30)


@pytest.fixture
def server(tmp_path):
    server = start_tiny(tmp_path)
    yield server
    server.stop()


# -- ports -------------------------------------------------------------------------


def test_a_taken_port_is_skipped(held_port):
    free = harness.choose_port()
    assert harness.choose_port([held_port, free]) == free
    assert not harness.port_is_free(held_port)


def test_no_free_port_among_the_candidates_fails(held_port):
    with pytest.raises(BenchError, match="no free port"):
        harness.choose_port([held_port])


def test_ports_are_read_as_ranges_and_lists():
    assert harness.parse_ports("8180-8182,8189") == [8180, 8181, 8182, 8189]
    assert harness.parse_ports("") == []


def test_the_run_fails_when_gunicorn_cannot_bind(tmp_path, held_port, monkeypatch):
    """The port was free when chosen and taken before gunicorn bound it: the run stops
    with gunicorn's own words instead of measuring what answers there."""
    monkeypatch.setattr(harness, "choose_port", lambda ports: held_port)
    with pytest.raises(BenchError, match="could not bind|exited") as error:
        start_tiny(tmp_path)
    assert str(held_port) in str(error.value)
    assert (tmp_path / "tiny.log").exists()  # gunicorn's log is kept


# -- the 200 check -------------------------------------------------------------------


def test_a_url_of_our_server_that_answers_200_passes(server):
    assert harness.check_url(server, "/ok") == b"ok"
    status, pid, _ms, token = harness.access_entries(server.access_log)[-1]
    assert status == 200 and token.startswith("check-")
    assert harness.worker_of(server, pid)


@pytest.mark.parametrize("path, status", [("/redirect", "302"), ("/missing", "404")])
def test_a_url_that_does_not_answer_200_fails(server, path, status):
    with pytest.raises(BenchError, match=status):
        harness.check_url(server, path)


class _Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        self.send_response(200)
        self.send_header("Content-Length", "2")
        self.end_headers()
        self.wfile.write(b"ok")

    def log_message(self, *args):
        pass


def test_a_200_from_another_server_on_the_port_fails(tmp_path, monkeypatch):
    """Another program answers 200 on the port the run believes its own (what happened
    with a development server on 8765): the access log of our server does not show it."""
    monkeypatch.setattr(harness, "LOG_WAIT", 0.5)
    other = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    threading.Thread(target=other.serve_forever, daemon=True).start()
    ours = subprocess.Popen(["sleep", "30"], start_new_session=True)  # noqa: S607
    server = harness.Server(ours, other.server_address[1], tmp_path / "x.log",
                            tmp_path / "access-x.log")
    try:
        with pytest.raises(BenchError, match="not from the server this run started"):
            harness.check_url(server, "/ok")
    finally:
        server.stop()
        other.shutdown()


# -- non-2xx answers ----------------------------------------------------------------


WRK_OUTPUT = """Running 1s test @ http://127.0.0.1:8180/redirect
  2 threads and 8 connections
Requests/sec:   1500.25
Transfer/sec:     200.00KB
PCT 50 2100
PCT 95 4000
PCT 99 6100
STATUS 302 1400
STATUS 200 100
REQUESTS 1500
NON2XX 1400
SOCKET_ERRORS 3
"""


def test_wrk_output_counts_every_non_2xx_and_socket_error():
    result = harness.parse_wrk(WRK_OUTPUT)
    assert result["rps"] == 1500.25 and result["p95_ms"] == 4.0
    assert result["statuses"] == {"302": 1400, "200": 100}
    assert result["errors"] == 1403


def test_wrk_output_without_the_status_script_is_refused():
    plain = WRK_OUTPUT.split("STATUS")[0]
    with pytest.raises(BenchError, match="non-2xx not counted"):
        harness.parse_wrk(plain)


@needs_wrk
def test_redirects_measured_by_wrk_are_errors(server):
    redirected = harness.measure(server, "/redirect", 1, "redirect")
    assert redirected["requests"] > 0
    assert redirected["non_2xx"] == redirected["requests"]
    assert redirected["errors"] >= redirected["requests"]
    assert redirected["server_requests"] >= redirected["requests"]
    assert redirected["server_non_2xx"] == redirected["server_requests"]
    fine = harness.measure(server, "/ok", 1, "ok")
    assert fine["requests"] > 0 and fine["errors"] == 0


# -- settling -----------------------------------------------------------------------


def fake_runs(rates):
    """A measurement whose req/s follow ``rates``; it records the durations asked."""
    rates, asked = iter(rates), []

    def run_once(seconds):
        asked.append(seconds)
        rps = next(rates)
        return {"rps": rps, "requests": int(rps * seconds), "duration_s": seconds,
                "errors": 0, "non_2xx": 0}

    return run_once, asked


def test_a_figure_is_the_median_of_the_last_runs_once_they_agree():
    """518 then 217 req/s in two 5-second runs (seen here): not a figure yet."""
    run_once, _asked = fake_runs([518, 217, 400, 410, 405, 900])
    rule = Settling(window=3, tolerance=0.10, max_runs=6, min_requests=50)
    figure = harness.measure_settled(run_once, rule, 5)
    assert figure["settled"] and figure["runs"] == 5 and figure["rps"] == 405
    assert figure["all_rps"] == [518, 217, 400, 410, 405]


def test_a_figure_that_never_settles_is_marked():
    run_once, _asked = fake_runs([518, 217, 518, 217, 518, 217])
    rule = Settling(window=3, tolerance=0.10, max_runs=6, min_requests=50)
    figure = harness.measure_settled(run_once, rule, 5)
    assert not figure["settled"] and figure["runs"] == 6


def test_runs_with_too_few_answers_do_not_count_and_the_next_runs_longer():
    """A slow page gives 3 answers in 2 s: the next run lasts long enough for 50."""
    run_once, asked = fake_runs([1.5, 1.5, 1.6, 1.5, 1.5])
    rule = Settling(window=3, tolerance=0.10, max_runs=5, min_requests=50,
                    max_duration=60)
    figure = harness.measure_settled(run_once, rule, 2)
    assert asked[0] == 2 and asked[1] >= 34
    assert figure["settled"] and figure["runs"] == 4  # the 2-second run is not counted
    assert figure["requests"] >= 50


def test_the_static_file_is_of_similar_size():
    assert harness.static_size(40_000) == 32768
    assert harness.static_size(50_000) == 65536
    assert harness.static_size(10) == 1024
