"""The report model -> one self-contained HTML page (inline CSS and SVG, no scripts, nothing fetched).

Every value is a `<details>` whose summary is the value and whose body quotes the sentences that state
it, the matched words in `<mark>`, with the section and the rule that matched. All text is escaped.
"""

from __future__ import annotations

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
from leakmine.report.plots import ages_svg, leak_levels_svg, trajectories_svg

TOOLTIP_CHARS = 300


def _resource(name: str) -> str:
    return files("leakmine.report").joinpath(name).read_text(encoding="utf-8")


def quote_html(q: Quote) -> str:
    words = "".join(f"<mark>{escape(text)}</mark>" if marked else escape(text) for text, marked in q.parts())
    where = " · ".join(escape(x) for x in (q.section, q.section_kind) if x)
    rules = ", ".join(f"<code>{escape(r)}</code>" for r in q.rule_ids)
    return (f'<figure class="quote"><blockquote>{words}</blockquote>'
            f"<figcaption>{where} · rule {rules}</figcaption></figure>")


def value_html(v: Value) -> str:
    if not v.quotes:
        return f'<span class="value noev" title="no evidence sentence recorded">{escape(v.text)}</span>'
    tip = v.quotes[0].sentence
    tip = tip if len(tip) <= TOOLTIP_CHARS else tip[:TOOLTIP_CHARS - 1] + "…"
    n = len(v.quotes)
    return (f'<details class="value" data-value="{escape(v.text)}"><summary title="{escape(tip)}">'
            f'{escape(v.text)}<sup>{n}</sup></summary><div class="evidence">'
            + "".join(quote_html(q) for q in v.quotes) + "</div></details>")


def values_html(values: tuple[Value, ...]) -> str:
    return " ".join(value_html(v) for v in values) if values else '<span class="none">—</span>'


def fields_html(fields: tuple[Field, ...]) -> str:
    rows = "".join(f'<dt>{escape(f.name)}</dt><dd data-field="{escape(f.name)}">{values_html(f.values)}</dd>'
                   for f in fields)
    return f'<dl class="fields">{rows}</dl>'


def _cell(text: str | None) -> str:
    return f"<td>{escape(text)}</td>" if text else '<td class="none">—</td>'


def grades_html(grades: tuple[Grade, ...]) -> str:
    if not grades:
        return '<p class="none">No muscle grades.</p>'
    rows = "".join(f'<tr data-time="{escape(g.time or "")}">{_cell(g.time)}<td>{value_html(g.value)}</td>'
                   f"{_cell(g.side)}{_cell(g.limb)}{_cell(g.muscle)}</tr>" for g in grades)
    return ('<table class="grades"><caption>Muscle grades (MRC 0–5)</caption><thead><tr><th>time</th>'
            f"<th>grade</th><th>side</th><th>limb</th><th>muscle</th></tr></thead><tbody>{rows}</tbody></table>")


def patient_html(p: PatientCard) -> str:
    return (f'<article class="card patient" id="patient-{escape(p.patient_id)}" '
            f'data-patient="{escape(p.patient_id)}"><h4>{escape(p.heading)}</h4>'
            f"{fields_html(p.fields)}{grades_html(p.grades)}</article>")


def cohort_html(c: CohortCard) -> str:
    return (f'<article class="card cohort" id="cohort-{escape(c.cohort_id)}" data-cohort="{escape(c.cohort_id)}">'
            f"<h4>Cohort {c.cohort}</h4>{fields_html(c.fields)}</article>")


def paper_html(p: PaperCard) -> str:
    doi = (f' · <a href="https://doi.org/{escape(p.doi)}">doi:{escape(p.doi)}</a>' if p.doi else "")
    kind = f'<span class="badge">{escape(p.study_type)}</span>' if p.study_type else ""
    cards = "".join(patient_html(x) for x in p.patients) + "".join(cohort_html(c) for c in p.cohorts)
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


def render(r: Report, source: str) -> str:
    """The report page; `source` names the tables it was made from."""
    return Template(_resource("template.html")).substitute(
        css=_resource("report.css"), version=escape(__version__), source=escape(source),
        summary=summary_html(r.summary, r.papers), plots=plots_html(r),
        papers="".join(paper_html(p) for p in r.papers) or '<p class="none">No papers.</p>',
        errors=errors_html(r.errors))
