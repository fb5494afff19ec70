"""The Markdown table of a bench/run.py report (results.json)."""

MODES = ("uncached", "cached")


def static_rps(mode_data, size):
    """The static file's req/s for a page's ratio: the mean of its first and last
    measurement in the same server run; and the drift between them (last / first)."""
    runs = mode_data["static"].get(str(size), mode_data["static"].get(size, []))
    values = [run["rps"] for run in runs]
    if not values:
        return None, None
    drift = values[-1] / values[0] if values[0] else None
    return sum(values) / len(values), drift


def ratio(page, static):
    return page / static if static else None


def _cell(figure, static):
    if figure is None:
        return "– | – | – | –"
    mark = "" if figure["settled"] else "~"
    share = ratio(figure["rps"], static)
    if share is not None:
        share = f"{mark}{share:.1%}" if share < 0.1 else f"{mark}{share:.0%}"
    else:
        share = "–"
    return (f"{mark}{figure['rps']:.0f} | {share} | {figure.get('p50_ms', '–')} | "
            f"{figure.get('p95_ms', '–')}")


def markdown(report):
    lines = []
    if report["settings"].get("note"):
        lines.append(f"> {report['settings']['note']}\n")
    settings = report["settings"]
    lines.append(
        f"Database {settings['database']}, search {settings['search']}, "
        f"{settings['workers']} gunicorn workers, {report['cpus']} CPUs, load average "
        f"{' '.join(f'{value:.1f}' for value in report['load_average'])} at the start. "
        f"Each figure: the median of the last {settings['window']} runs of "
        f"{settings['duration']} s once they lie within {settings['tolerance']:.0%} of it "
        f"(at most {settings['max_runs']} runs; \"~\": did not settle; a run with fewer "
        f"than {settings.get('min_requests', '?')} answers does not count and the next "
        f"lasts longer, up to {settings.get('max_duration', '?')} s). Ratio: to a static "
        "file of similar size (nearest power of two) in the same server run.")
    if report.get("failed"):
        lines.append(f"\n**The run failed:** {report['failed']}")
    for pages, data in report["sizes"].items():
        lines.append(f"\n### {pages} pages\n")
        statics = []
        for mode in MODES:
            mode_data = data["modes"][mode]
            for size in sorted({int(size) for size in mode_data["static"]}):
                rps, drift = static_rps(mode_data, size)
                statics.append(f"{mode} {size // 1024} KiB: {rps:.0f} req/s "
                               f"(last/first {drift:.2f})")
        lines.append("Static files: " + "; ".join(statics) + ".\n")
        lines.append("| page | KiB | uncached req/s | ratio | p50 ms | p95 ms | cached req/s "
                     "| ratio | p50 ms | p95 ms | errors |")
        lines.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: "
                     "| ---: |")
        for name, size in data["sizes"].items():
            cells, errors = [], 0
            for mode in MODES:
                mode_data = data["modes"][mode]
                figure = mode_data["results"].get(name)
                static, _drift = static_rps(mode_data, data["static_size"][name])
                cells.append(_cell(figure, static))
                errors += figure["errors"] if figure else 0
            lines.append(f"| {name} | {size / 1024:.0f} | {' | '.join(cells)} | {errors} |")
    return "\n".join(lines) + "\n"
