"""Geometry of the results chart (inline SVG drawn by the template, the same figures in a
table beside it): one bar per dimension on a 0-100 scale, the sector's quartile band and
median where the benchmark is shown, and the previous round as a marker."""

WIDTH = 640
LABEL_WIDTH = 220
BAR_HEIGHT = 22
ROW = 40


def _x(score):
    usable = WIDTH - LABEL_WIDTH - 50
    return round(LABEL_WIDTH + usable * max(0.0, min(100.0, score)) / 100, 1)


def results_chart(outcomes):
    rows = []
    for index, outcome in enumerate(outcomes):
        top = 12 + index * ROW
        row = {"label": outcome.definition.dimension.display_title, "y": top,
               "text_y": top + BAR_HEIGHT * 0.7, "score": outcome.score,
               "width": round(_x(outcome.score) - LABEL_WIDTH, 1) if outcome.score is not None
               else 0, "value_x": _x(outcome.score or 0) + 6}
        bench = outcome.benchmark
        if bench is not None:
            row["band_x"] = _x(bench.q1)
            row["band_width"] = round(_x(bench.q3) - _x(bench.q1), 1)
            row["median_x"] = _x(bench.median)
        previous = [score for _round, score in outcome.trend if score is not None]
        if previous:
            row["previous_x"] = _x(previous[-1])
        rows.append(row)
    height = 30 + len(rows) * ROW
    return {"rows": rows, "height": height, "width": WIDTH, "label_width": LABEL_WIDTH,
            "bar_height": BAR_HEIGHT, "axis_y": height - 14,
            "ticks": [{"x": _x(value), "value": value} for value in (0, 25, 50, 75, 100)]}
