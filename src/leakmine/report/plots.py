"""The report's plots as small inline SVG, drawn from the report model (no JavaScript, no fonts, no files).

Each function returns one `<svg>` element as text, or None when there is nothing to draw. Bars and
points carry `data-*` attributes naming what they show, and a `<title>` a browser shows on hover.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from html import escape

from leakmine.report.build import LevelCount, Trajectory
from leakmine.tables.questions import TIMES

PALETTE = ("#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7",
           "#9c755f", "#8cd17d", "#499894", "#d37295")
TREATED_COLOR, LEAK_COLOR, AGE_COLOR = "#8fa9c7", "#d9534f", "#4e79a7"
WIDTH = 640


def _svg(plot_id: str, height: float, label: str, body: list[str]) -> str:
    return (f'<svg id="{plot_id}" class="plot" xmlns="http://www.w3.org/2000/svg" role="img" '
            f'viewBox="0 0 {WIDTH} {height:g}" width="{WIDTH}" height="{height:g}" '
            f'aria-label="{escape(label)}">' + "".join(body) + "</svg>")


def _text(x: float, y: float, text: str, anchor: str = "middle", cls: str = "") -> str:
    klass = f' class="{cls}"' if cls else ""
    return f'<text x="{x:g}" y="{y:g}" text-anchor="{anchor}"{klass}>{escape(text)}</text>'


def _patients(n: int) -> str:
    return f"{n} patient" + ("" if n == 1 else "s")


def leak_levels_svg(levels: Sequence[LevelCount]) -> str | None:
    """The spine from C1 down to S1: patients treated at each level to the left, patients with leaked
    cement at it to the right."""
    if not any(c.treated or c.leak for c in levels):
        return None
    row, top, mid, half = 16, 44, WIDTH / 2, 250
    unit = half / max(max(c.treated, c.leak) for c in levels)
    body = [_text(mid - 30, 16, "treated (index procedure)", "end", "head"),
            _text(mid + 30, 16, "leaked cement", "start", "head"),
            _text(mid, 34, "patients per level", cls="note")]
    for i, c in enumerate(levels):
        y = top + i * row
        if i and c.level[0] != levels[i - 1].level[0]:
            body.append(f'<line class="region" x1="10" x2="{WIDTH - 10}" y1="{y - 2.5:g}" y2="{y - 2.5:g}"/>')
        body.append(_text(mid, y + 10, c.level, cls="level"))
        for role, n, color, sign in (("treated", c.treated, TREATED_COLOR, -1), ("leak", c.leak, LEAK_COLOR, 1)):
            if not n:
                continue
            x0 = mid + sign * 22
            x = x0 if sign > 0 else x0 - n * unit
            body.append(f'<rect class="bar {role}" data-level="{c.level}" data-count="{n}" x="{x:g}" '
                        f'y="{y + 1}" width="{n * unit:g}" height="{row - 4}" fill="{color}">'
                        f"<title>{c.level}: {_patients(n)} {'treated' if role == 'treated' else 'with leaked cement'}"
                        "</title></rect>")
            body.append(_text(x0 + sign * (n * unit + 4), y + 10, str(n), "start" if sign > 0 else "end", "count"))
    height = top + len(levels) * row + 8
    return _svg("plot-leak-levels", height, "Patients per vertebral level: treated and with leaked cement",
                body)


def _ticks(top: int) -> list[int]:
    step = max(1, -(-top // 5))
    return list(range(0, top + 1, step))


def ages_svg(ages: Sequence[int]) -> str | None:
    """Ages of the individually described patients in ten-year bins."""
    if not ages:
        return None
    counts = Counter(a // 10 * 10 for a in ages)
    bins = list(range(min(counts), max(counts) + 10, 10))
    left, right, top, bottom, height = 50, 20, 20, 44, 240
    plot_w, plot_h = WIDTH - left - right, height - top - bottom
    slot = plot_w / len(bins)
    ticks = _ticks(max(counts.values()))
    unit = plot_h / ticks[-1] if ticks[-1] else plot_h
    body = []
    for t in ticks:
        y = top + plot_h - t * unit
        body.append(f'<line class="grid" x1="{left}" x2="{WIDTH - right}" y1="{y:g}" y2="{y:g}"/>')
        body.append(_text(left - 6, y + 4, str(t), "end"))
    for i, b in enumerate(bins):
        n, x = counts.get(b, 0), left + i * slot
        label = f"{b}–{b + 9}"
        if n:
            body.append(f'<rect class="bar age" data-bin="{b}-{b + 9}" data-count="{n}" x="{x + 3:g}" '
                        f'y="{top + plot_h - n * unit:g}" width="{slot - 6:g}" height="{n * unit:g}" '
                        f'fill="{AGE_COLOR}"><title>{label} years: {_patients(n)}</title></rect>')
        body.append(_text(x + slot / 2, top + plot_h + 16, label))
    body.append(_text(left + plot_w / 2, height - 6, "age at presentation (years)", cls="note"))
    body.append(f'<text class="note" transform="translate(14 {top + plot_h / 2:g}) rotate(-90)" '
                'text-anchor="middle">patients</text>')
    return _svg("plot-ages", height, "Histogram of patient ages", body)


def trajectories_svg(trajectories: Sequence[Trajectory]) -> str | None:
    """Each graded patient's weakest muscle grade at presentation, after treatment and at follow-up."""
    drawn = [t for t in trajectories if any(s is not None for s in t.scores)]
    if not drawn:
        return None
    left, plot_w, top, legend_x = 60, 340, 20, 450
    height = max(260, top + 16 * len(drawn) + 20)
    plot_h = 180
    step = plot_w / (len(TIMES) - 1)
    spread = min(4.0, 24 / max(1, len(drawn)))
    body = []
    for g in range(6):
        y = top + plot_h - g * plot_h / 5
        body.append(f'<line class="grid" x1="{left}" x2="{left + plot_w}" y1="{y:g}" y2="{y:g}"/>')
        body.append(_text(left - 8, y + 4, str(g), "end"))
    for i, time in enumerate(TIMES):
        body.append(_text(left + i * step, top + plot_h + 18, time))
    body.append(f'<text class="note" transform="translate(16 {top + plot_h / 2:g}) rotate(-90)" '
                'text-anchor="middle">MRC grade (weakest muscle)</text>')
    for k, t in enumerate(drawn):
        color = PALETTE[k % len(PALETTE)]
        dx = (k - (len(drawn) - 1) / 2) * spread
        points = [(left + i * step + dx, top + plot_h - s * plot_h / 5, TIMES[i], t.grades[i])
                  for i, s in enumerate(t.scores) if s is not None]
        parts = [f'<g class="trajectory" data-patient="{escape(t.patient_id)}" data-points="{len(points)}">']
        if len(points) > 1:
            path = " ".join(f"{x:.1f},{y:.1f}" for x, y, _, _ in points)
            parts.append(f'<polyline points="{path}" fill="none" stroke="{color}" stroke-width="2"/>')
        for x, y, time, grade in points:
            parts.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4" fill="{color}">'
                         f"<title>{escape(t.label)}, {time}: grade {escape(grade)}</title></circle>")
        ly = top + 8 + k * 16
        parts.append(f'<line x1="{legend_x}" x2="{legend_x + 18}" y1="{ly}" y2="{ly}" stroke="{color}" '
                     'stroke-width="3"/>')
        parts.append(_text(legend_x + 24, ly + 4, t.label, "start", "legend"))
        body.append("".join(parts) + "</g>")
    return _svg("plot-grades", height, "Muscle grade trajectories per patient", body)
