"""bench/report.py: a page's ratio is to the static file of its size measured at the
start and the end of the same server run, and a figure that did not settle is marked."""

from bench.report import markdown


def figure(rps, settled=True, errors=0):
    return {"rps": rps, "settled": settled, "errors": errors, "p50_ms": 5.0, "p95_ms": 9.0}


def test_ratio_to_the_mean_static_figure_and_unsettled_marks():
    mode = {"static": {"16384": [figure(1000), figure(600)]},
            "results": {"home": figure(80, settled=False, errors=3)}}
    report = {
        "settings": {"note": "SMOKE", "database": "postgres", "search": "database",
                     "workers": 4, "window": 3, "duration": 10, "tolerance": 0.1,
                     "max_runs": 6, "min_requests": 50, "max_duration": 60},
        "cpus": 2, "load_average": [0.5, 0.4, 0.3],
        "sizes": {"1000": {"sizes": {"home": 15000}, "static_size": {"home": 16384},
                           "modes": {"uncached": mode, "cached": mode}}},
    }
    table = markdown(report)
    assert table.startswith("> SMOKE")
    assert "uncached 16 KiB: 800 req/s (last/first 0.60)" in table
    assert "| home | 15 | ~80 | ~10% | 5.0 | 9.0 | ~80 | ~10% | 5.0 | 9.0 | 6 |" in table
