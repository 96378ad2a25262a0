"""The report model -> one self-contained HTML page (inline CSS, SVG and script, nothing fetched).

Every value is a `<details>` whose summary is the value and whose body quotes the sentences that state
it, the matched words in `<mark>`, with the section and the rule that matched: for a PDF paper above a
crop of the printed page with the words highlighted, for text and XML inside their paragraph. Page
crops sit as base64 text in inert `<script type="text/plain">` blocks at the end of the page and are
decoded only when their value is opened, so a large report opens fast. Each patient value has
"right" / "wrong" buttons and each field a "+" for a missing value; the page's script collects them
into a `corrections.csv` to download (with the corrections already applied). All text is escaped.
"""

from __future__ import annotations

import json
from html import escape
from importlib.resources import files
from string import Template

from leakmine import __version__
from leakmine.report.build import (
    CohortCard,
    Field,
    Grade,
    PaperCard,
    PatientCard,
    Quote,
    Report,
    Summary,
    Value,
)
from leakmine.report.pages import SCALE, Crop, crop_key
from leakmine.report.plots import ages_svg, leak_levels_svg, trajectories_svg

TOOLTIP_CHARS = 300
REVIEW = ('<div class="review"><button type="button" data-action="right" title="the paper says this">'
          '✓ right</button><button type="button" data-action="wrong" title="the paper does not say this">'
          "✗ wrong</button></div>")
ADD = '<button type="button" class="add" data-action="missing" title="add a value the paper states">+</button>'


class Crops:
    """Page crops by quote, each with a short id for its picture block."""

    def __init__(self, crops: dict[tuple, Crop] | None = None):
        self.crops = crops or {}
        self.ids = {key: f"c{i}" for i, key in enumerate(self.crops, start=1)}

    def of(self, q: Quote) -> tuple[str, Crop] | None:
        key = crop_key(q)
        return (self.ids[key], self.crops[key]) if key in self.crops else None

    def store_html(self) -> str:
        return "".join(f'<script type="text/plain" id="img-{self.ids[k]}">{c.png}</script>'
                       for k, c in self.crops.items())


NO_CROPS = Crops()


def _resource(name: str) -> str:
    return files("leakmine.report").joinpath(name).read_text(encoding="utf-8")


def _n(x: float) -> str:
    return f"{x:g}"


def crop_html(crop_id: str, crop: Crop, highlights: tuple) -> str:
    """The page crop as SVG in PDF points: the picture (loaded when opened) and a box per line of words."""
    x0, top, x1, bottom = crop.region
    w, h = x1 - x0, bottom - top
    boxes = "".join(f'<rect class="hl" x="{_n(a)}" y="{_n(b)}" width="{_n(c - a)}" height="{_n(d - b)}"/>'
                    for a, b, c, d in highlights)
    return (f'<svg class="page-crop" viewBox="{_n(x0)} {_n(top)} {_n(w)} {_n(h)}" width="{_n(w * SCALE)}" '
            f'height="{_n(h * SCALE)}" data-page="{crop.page}" role="img" aria-label="page {crop.page}">'
            f'<image data-img="{crop_id}" x="{_n(x0)}" y="{_n(top)}" width="{_n(w)}" height="{_n(h)}" '
            f'preserveAspectRatio="none"/>{boxes}</svg>')


def quote_html(q: Quote, crops: Crops = NO_CROPS) -> str:
    words = "".join(f"<mark>{escape(text)}</mark>" if marked else escape(text) for text, marked in q.parts())
    before, after = (f'<span class="ctx">{escape(x)}</span>' if x else "" for x in q.context)
    where = " · ".join(escape(x) for x in (f"page {q.page}" if q.page else "", q.section, q.section_kind) if x)
    rules = ", ".join(f"<code>{escape(r)}</code>" for r in q.rule_ids)
    crop = crops.of(q)
    page = crop_html(crop[0], crop[1], q.highlights) if crop else ""
    return (f'<figure class="quote">{page}<blockquote>{before}<span class="sentence">{words}</span>{after}'
            f"</blockquote><figcaption>{where} · rule {rules}</figcaption></figure>")


def value_html(v: Value, crops: Crops = NO_CROPS, key: str = "") -> str:
    """A value and its evidence; with the field's `key`, also the right/wrong buttons of a patient value."""
    review = (f' data-key="{escape(key)}" data-raw="{escape(v.raw or v.text)}" data-source="{escape(v.source)}"'
              if key else "")
    if not v.quotes and not key:
        return f'<span class="value noev" title="no evidence sentence recorded">{escape(v.text)}</span>'
    tip = v.quotes[0].sentence if v.quotes else "no evidence sentence recorded"
    tip = tip if len(tip) <= TOOLTIP_CHARS else tip[:TOOLTIP_CHARS - 1] + "…"
    n = len(v.quotes)
    quotes = "".join(quote_html(q, crops) for q in v.quotes) or '<p class="none">No evidence sentence recorded.</p>'
    return (f'<details class="value {escape(v.source)}" data-value="{escape(v.text)}"{review}>'
            f'<summary title="{escape(tip)}">{escape(v.text)}<sup>{n}</sup></summary><div class="evidence">'
            f'{quotes}{REVIEW if key else ""}</div></details>')


def values_html(values: tuple[Value, ...], crops: Crops = NO_CROPS, key: str = "") -> str:
    return " ".join(value_html(v, crops, key) for v in values) if values else '<span class="none">—</span>'


def fields_html(fields: tuple[Field, ...], crops: Crops = NO_CROPS, review: bool = False) -> str:
    """A card's fields; with `review`, each patient value gets its buttons and each field a "+"."""
    rows = "".join(
        f'<dt>{escape(f.name)}</dt><dd data-field="{escape(f.name)}"'
        + (f' data-key="{escape(f.key)}">' if review else ">")
        + values_html(f.values, crops, f.key if review else "") + (ADD if review else "") + "</dd>"
        for f in fields)
    return f'<dl class="fields">{rows}</dl>'


def _cell(text: str | None) -> str:
    return f"<td>{escape(text)}</td>" if text else '<td class="none">—</td>'


def grades_html(grades: tuple[Grade, ...], crops: Crops = NO_CROPS) -> str:
    if not grades:
        return f'<p class="none grades" data-key="muscle_grades">No muscle grades. {ADD}</p>'
    rows = "".join(f'<tr data-time="{escape(g.time or "")}">{_cell(g.time)}'
                   f'<td>{value_html(g.value, crops, "muscle_grades")}</td>'
                   f"{_cell(g.side)}{_cell(g.limb)}{_cell(g.muscle)}</tr>" for g in grades)
    return (f'<table class="grades" data-key="muscle_grades"><caption>Muscle grades (MRC 0–5) {ADD}</caption>'
            "<thead><tr><th>time</th><th>grade</th><th>side</th><th>limb</th><th>muscle</th></tr></thead>"
            f"<tbody>{rows}</tbody></table>")


def patient_html(p: PatientCard, crops: Crops = NO_CROPS) -> str:
    return (f'<article class="card patient" id="patient-{escape(p.patient_id)}" '
            f'data-patient="{escape(p.patient_id)}" data-paper="{escape(p.paper_id)}" data-number="{p.patient}">'
            f"<h4>{escape(p.heading)}</h4>{fields_html(p.fields, crops, review=True)}"
            f"{grades_html(p.grades, crops)}</article>")


def cohort_html(c: CohortCard, crops: Crops = NO_CROPS) -> str:
    return (f'<article class="card cohort" id="cohort-{escape(c.cohort_id)}" data-cohort="{escape(c.cohort_id)}">'
            f"<h4>Cohort {c.cohort}</h4>{fields_html(c.fields, crops)}</article>")


def paper_html(p: PaperCard, crops: Crops = NO_CROPS) -> str:
    doi = (f' · <a href="https://doi.org/{escape(p.doi)}">doi:{escape(p.doi)}</a>' if p.doi else "")
    kind = f'<span class="badge">{escape(p.study_type)}</span>' if p.study_type else ""
    cards = "".join(patient_html(x, crops) for x in p.patients) + "".join(cohort_html(c, crops) for c in p.cohorts)
    return (f'<section class="paper" id="paper-{escape(p.paper_id)}" data-paper="{escape(p.paper_id)}">'
            f"<h3>{escape(p.title)} {kind}</h3>"
            f'<p class="byline">{escape(p.byline) or "—"}{doi}</p>'
            f'<p class="source">{escape(p.source)} · <code>{escape(p.paper_id)}</code></p>'
            f'<div class="cards">{cards or "<p class=none>No patients or cohorts found.</p>"}</div></section>')


def summary_html(s: Summary, papers: tuple[PaperCard, ...]) -> str:
    stats = (("papers", s.papers), ("patients", s.patients), ("cohorts", s.cohorts),
             ("patients in cohorts", s.cohort_patients), ("mentions", s.mentions), ("errors", s.errors))
    tiles = "".join(f'<div class="stat" data-stat="{name}"><b>{n}</b><span>{name}</span></div>'
                    for name, n in stats)
    types = "".join(f'<tr data-study-type="{escape(t)}"><td>{escape(t)}</td><td>{n}</td></tr>'
                    for t, n in s.study_types)
    index = "".join(
        f'<tr><td><a href="#paper-{escape(p.paper_id)}">{escape(p.title)}</a></td>'
        f"<td>{escape(p.study_type or '—')}</td><td>{len(p.patients)}</td><td>{len(p.cohorts)}</td></tr>"
        for p in papers)
    parts = [f'<div class="stats">{tiles}</div>']
    if types:
        parts.append('<table class="study-types"><caption>Study types</caption><thead><tr><th>study type</th>'
                     f"<th>papers</th></tr></thead><tbody>{types}</tbody></table>")
    if index:
        parts.append('<table class="paper-index"><caption>Papers</caption><thead><tr><th>title</th>'
                     f"<th>study type</th><th>patients</th><th>cohorts</th></tr></thead><tbody>{index}</tbody></table>")
    return "".join(parts)


def _figure(svg: str | None, caption: str, empty: str) -> str:
    body = svg or f'<p class="none">{escape(empty)}</p>'
    return f'<figure class="plot">{body}<figcaption>{escape(caption)}</figcaption></figure>'


def plots_html(r: Report) -> str:
    return "".join((
        _figure(leak_levels_svg(r.levels), "Leak levels along the spine, C1 to S1: patients with leaked "
                "cement at each level (right) beside patients treated at it (left).", "No levels found."),
        _figure(ages_svg(r.ages), "Ages of the individually described patients (cohorts not included).",
                "No ages found."),
        _figure(trajectories_svg(r.trajectories), "Weakest muscle grade per patient at presentation, after "
                "rescue treatment and at follow-up; hover a point for its grade.", "No timed muscle grades found."),
    ))


def errors_html(errors: tuple[tuple[str, str, str], ...]) -> str:
    if not errors:
        return '<p class="none">Every input file was read.</p>'
    rows = "".join(f"<tr><td>{escape(p)}</td><td>{escape(s)}</td><td>{escape(r)}</td></tr>" for p, s, r in errors)
    return ('<table class="errors"><thead><tr><th>file</th><th>stage</th><th>reason</th></tr></thead>'
            f"<tbody>{rows}</tbody></table>")


def _json_script(data: object) -> str:
    """JSON safe inside a `<script>` element."""
    return json.dumps(data, ensure_ascii=False).replace("</", "<\\/")


def render(r: Report, source: str, crops: dict[tuple, Crop] | None = None) -> str:
    """The report page; `source` names the tables it was made from, `crops` are its page pictures."""
    pictures = Crops(crops)
    return Template(_resource("template.html")).substitute(
        css=_resource("report.css"), version=escape(__version__), source=escape(source),
        summary=summary_html(r.summary, r.papers), plots=plots_html(r),
        papers="".join(paper_html(p, pictures) for p in r.papers) or '<p class="none">No papers.</p>',
        errors=errors_html(r.errors), corrections=_json_script(list(r.corrections)),
        pictures=pictures.store_html(), script=_resource("report.js"))
