"""`leakmine report`: the HTML page over real pipeline output, its model, its plots, and Chromium."""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass, field
from html.parser import HTMLParser

import pytest
from typer.testing import CliRunner

from leakmine import report as report_pkg
from leakmine.cli import app
from leakmine.report.build import (
    FIELD_NAMES,
    PATIENT_FIELDS,
    SEX_NAMES,
    LevelCount,
    Quote,
    Report,
    Summary,
    Trajectory,
    Value,
    grade_score,
    show,
)
from leakmine.report.html import render, value_html
from leakmine.report.plots import LEAK_COLOR, ages_svg, leak_levels_svg, trajectories_svg
from leakmine.tables import load_tables

PAPERS = {
    "canal.txt": """Paraparesis after vertebroplasty: cement in the canal & what we learned

Case presentation
A 71-year-old woman with an osteoporotic fracture of L1 underwent percutaneous vertebroplasty at L1.
Immediately after the procedure she noticed weakness of both legs. Hip flexion strength was 2/5 on
the left. Computed tomography showed cement in the spinal canal from T12 to L1. A laminectomy at T12
and L1 was performed and the cement was removed. Postoperatively, hip flexion improved to 3/5.
At the last follow-up after 14 months, strength was 4+/5 and she walked without aid.
""",
    "two_cases.txt": """Foraminal and epidural cement after kyphoplasty: two cases

Case 1
A 64-year-old man had balloon kyphoplasty of L3. On the next day he reported numbness of the right
thigh. Cement had entered the right L3/4 foramen. It was removed through a hemilaminectomy of L3.

Case 2
An 80-year-old woman received kyphoplasty at T11. Two days later she developed weakness of the legs.
CT showed cement in the epidural space at T11. Knee extension was graded 3/5 before surgery.
Decompression at T11 removed the cement.
""",
    "review.txt": """Neurological complications after cement augmentation: a retrospective review

Results
Among 1520 augmented vertebrae, 18 patients (18/1520) had symptomatic leakage. There were 7 men and
11 women, with a mean age of 72.4 years (72.4 ± 8.1 years).
""",
}
VOID = {"meta", "br", "hr", "img", "input", "link", "wbr", "col", "source"}
CHROMIUM_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--enable-logging=stderr", "--v=0", "--window-size=1200,2400")


@dataclass
class Node:
    tag: str
    attrs: dict[str, str]
    content: list[Node | str] = field(default_factory=list)

    @property
    def children(self) -> list[Node]:
        return [c for c in self.content if isinstance(c, Node)]

    @property
    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text for c in self.content)

    def all(self, tag: str, **attrs: str) -> list[Node]:
        """Every descendant with this tag whose attributes include `attrs` (`cls` matches one class)."""
        cls = attrs.pop("cls", None)
        out = []
        for c in self.children:
            if (c.tag == tag and all(c.attrs.get(k.replace("_", "-")) == v for k, v in attrs.items())
                    and (cls is None or cls in c.attrs.get("class", "").split())):
                out.append(c)
            out.extend(c.all(tag, cls=cls, **attrs) if cls else c.all(tag, **attrs))
        return out

    def one(self, tag: str, **attrs: str) -> Node:
        (found,) = self.all(tag, **attrs)
        return found


class _Tree(HTMLParser):
    """HTML text -> a `Node` tree (good enough for the pages leakmine writes and Chromium dumps)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Node("#root", {})
        self.stack = [self.root]

    def handle_starttag(self, tag, attrs):
        node = Node(tag, {k: v or "" for k, v in attrs})
        self.stack[-1].content.append(node)
        if tag not in VOID:
            self.stack.append(node)

    def handle_startendtag(self, tag, attrs):
        self.stack[-1].content.append(Node(tag, {k: v or "" for k, v in attrs}))

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        while len(self.stack) > 1:
            if self.stack.pop().tag == tag:
                break

    def handle_data(self, data):
        self.stack[-1].content.append(data)


def parse(page: str) -> Node:
    tree = _Tree()
    tree.feed(page)
    tree.close()
    return tree.root


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """A raw folder of three small papers and an empty file, mined and reported on by the CLI."""
    base = tmp_path_factory.mktemp("report")
    raw, out = base / "raw", base / "out"
    raw.mkdir()
    for name, text in PAPERS.items():
        (raw / name).write_text(text)
    (raw / "empty.txt").write_text("")
    runner = CliRunner()
    result = runner.invoke(app, ["run", str(raw), str(out)])
    assert result.exit_code == 1, result.output  # the empty file is an error row
    result = runner.invoke(app, ["report", str(out)])
    assert result.exit_code == 0, result.output
    page = (out / "report.html").read_text(encoding="utf-8")
    return out, load_tables(out), page, parse(page)


def test_report_is_written_atomically_with_no_leftovers(built):
    out, _, page, _ = built
    assert page.startswith("<!DOCTYPE html>")
    assert [p.name for p in out.iterdir() if p.name.startswith(".report")] == []


def test_page_fetches_nothing(built):
    _, _, page, dom = built
    assert all("src" not in s.attrs for s in dom.all("script"))  # inline only
    assert dom.all("link") == [] and dom.all("img") == []
    assert all(i.attrs.get("href", "data:").startswith("data:") for i in dom.all("image"))
    assert "fetch(" not in page and "XMLHttpRequest" not in page
    assert all("src" not in n.attrs for tag in ("iframe", "object", "embed", "image") for n in dom.all(tag))
    assert len(dom.all("style")) == 1


def test_summary_counts_match_the_tables(built):
    _, t, _, dom = built
    stats = {n.attrs["data-stat"]: int(n.one("b").text) for n in dom.all("div", cls="stat")}
    assert stats == {"papers": 3, "patients": len(t.patients), "cohorts": len(t.cohorts),
                     "patients in cohorts": int(t.cohorts.n_patients.sum()), "mentions": len(t.mentions),
                     "errors": 1}
    types = {n.attrs["data-study-type"]: int(n.all("td")[1].text) for n in dom.all("tr")
             if "data-study-type" in n.attrs}
    assert types == t.papers.study_type.value_counts().to_dict()
    assert "empty.txt" in dom.one("table", cls="errors").text


def test_one_card_per_patient_and_cohort_inside_its_paper(built):
    _, t, _, dom = built
    assert len(t.patients) >= 3 and len(t.cohorts) >= 1
    for paper in dom.all("section", cls="paper"):
        pid = paper.attrs["data-paper"]
        cards = [n.attrs["data-patient"] for n in paper.all("article", cls="patient")]
        assert cards == list(t.patients[t.patients.paper_id == pid].sort_values("patient").patient_id)
        cohorts = [n.attrs["data-cohort"] for n in paper.all("article", cls="cohort")]
        assert cohorts == list(t.cohorts[t.cohorts.paper_id == pid].cohort_id)
    assert {n.attrs["data-paper"] for n in dom.all("section", cls="paper")} == set(t.papers.paper_id)


def _shown(field: str, value: str) -> str:
    if field == "sex":
        return SEX_NAMES[value]
    if field == "onset_days":
        return show(float(value))
    return value


def test_every_patient_value_quotes_its_evidence_sentence_with_the_words_marked(built):
    _, t, _, dom = built
    mentions = t.mentions.set_index("mention_id")
    cards = {n.attrs["data-patient"]: n for n in dom.all("article", cls="patient")}
    checked = 0
    for row in t.evidence[t.evidence.owner_kind == "patient"].itertuples():
        if row.field not in PATIENT_FIELDS:
            continue
        dd = cards[row.owner_id].one("dd", data_field=FIELD_NAMES.get(row.field, row.field))
        details = dd.one("details", data_value=_shown(row.field, row.value))
        m = mentions.loc[row.mention_id]
        quotes = [q for q in details.all("span", cls="sentence") if q.text == m.sentence]
        assert quotes, (row.owner_id, row.field, row.value, m.sentence)
        assert m.text in [mark.text for mark in quotes[0].all("mark")]
        checked += 1
    assert checked >= 10


def test_muscle_grades_table_shows_time_points_and_quotes(built):
    _, t, _, dom = built
    mentions = t.mentions.set_index("mention_id")
    cards = {n.attrs["data-patient"]: n for n in dom.all("article", cls="patient")}
    graded = t.muscle_grades.groupby("patient_id")
    assert len(graded) >= 1
    for pid, grades in graded:
        rows = cards[pid].one("table", cls="grades").one("tbody").all("tr")
        assert sorted(r.attrs["data-time"] for r in rows) == sorted(grades.time.fillna(""))
        quoted = {q.text for r in rows for q in r.all("span", cls="sentence")}
        assert {mentions.loc[i].sentence for ids in grades.evidence for i in ids} <= quoted


def test_leak_level_bars_follow_the_spine_and_count_patients(built):
    _, t, _, dom = built
    svg = dom.one("svg", id="plot-leak-levels")
    labels = [n.text for n in svg.all("text", cls="level")]
    assert labels[0] == "C1" and labels[-1] == "S1" and labels.index("T12") < labels.index("L1")
    leaks = t.levels[t.levels.role == "leak"].groupby("level").patient_id.nunique().to_dict()
    bars = {n.attrs["data-level"]: int(n.attrs["data-count"]) for n in svg.all("rect", cls="leak")}
    assert bars == leaks and bars
    ys = [float(n.attrs["y"]) for n in svg.all("rect", cls="leak")]
    assert ys == sorted(ys)


def test_age_histogram_and_grade_trajectories(built):
    _, t, _, dom = built
    ages = dom.one("svg", id="plot-ages")
    assert sum(int(n.attrs["data-count"]) for n in ages.all("rect", cls="age")) == t.patients.age.notna().sum()
    grades = dom.one("svg", id="plot-grades")
    timed = t.muscle_grades.dropna(subset=["time"])
    lines = {n.attrs["data-patient"]: int(n.attrs["data-points"]) for n in grades.all("g", cls="trajectory")}
    assert lines == timed.groupby("patient_id").time.nunique().to_dict()


def test_report_on_tables_without_patients(tmp_path):
    raw, out = tmp_path / "raw", tmp_path / "out"
    raw.mkdir()
    (raw / "blank.txt").write_text("")
    runner = CliRunner()
    assert runner.invoke(app, ["run", str(raw), str(out)]).exit_code == 1
    result = runner.invoke(app, ["report", str(out)])
    assert result.exit_code == 0, result.output
    dom = parse((out / "report.html").read_text(encoding="utf-8"))
    assert dom.all("svg") == [] and dom.all("article") == []
    assert {n.attrs["data-stat"]: n.one("b").text for n in dom.all("div", cls="stat")}["errors"] == "1"


def test_report_without_tables_exits_2(tmp_path):
    result = CliRunner().invoke(app, ["report", str(tmp_path)])
    assert result.exit_code == 2
    assert "leakmine run" in result.output and not (tmp_path / "report.html").exists()


def test_a_failed_render_leaves_the_old_report(built, monkeypatch):
    out, _, page, _ = built

    def broken(*_args, **_kwargs):
        raise RuntimeError("render failed")

    monkeypatch.setattr(report_pkg, "render", broken)
    with pytest.raises(RuntimeError):
        report_pkg.write_report(out)
    assert (out / "report.html").read_text(encoding="utf-8") == page
    assert [p.name for p in out.iterdir() if p.name.startswith(".report")] == []


def _quote(sentence: str, *marks: tuple[int, int]) -> Quote:
    return Quote(sentence, marks, "Case <1>", "case", ("rule.<x>",), ("m1",))


@pytest.mark.parametrize(("marks", "parts"), [
    ((), [("Cement at L2.", False)]),
    (((10, 12),), [("Cement at ", False), ("L2", True), (".", False)]),
    (((0, 6), (10, 12)), [("Cement", True), (" at ", False), ("L2", True), (".", False)]),
    (((0, 9), (7, 12)), [("Cement at", True), (" L2", True), (".", False)]),
    (((10, 13),), [("Cement at ", False), ("L2.", True)]),
])
def test_quote_parts_cut_the_sentence_at_its_marks(marks, parts):
    q = _quote("Cement at L2.", *marks)
    assert q.parts() == parts
    assert "".join(text for text, _ in q.parts()) == q.sentence


@pytest.mark.parametrize(("value", "score"), [
    ("0", 0.0), ("4", 4.0), ("4+", 4.25), ("4-", 3.75), ("5", 5.0), (None, None), ("", None), ("M4", None),
    ("7", None),
])
def test_grade_score(value, score):
    assert grade_score(value) == score


@pytest.mark.parametrize("text", ["<script>alert(1)</script>", 'a "quoted" & <b>bold</b> value', "x' onmouseover='y"])
def test_values_and_quotes_are_escaped(text):
    dom = parse(value_html(Value(text, (_quote(f"It said {text} here.", (8, 8 + len(text))),))))
    assert dom.all("script") == [] and dom.all("b") == []
    details = dom.one("details")
    assert details.attrs["data-value"] == text
    assert details.one("summary").attrs["title"] == f"It said {text} here."
    assert details.one("mark").text == text
    assert "Case <1>" in details.one("figcaption").text and "rule.<x>" in details.one("figcaption").text


def test_value_without_evidence_is_plain_text():
    dom = parse(value_html(Value("L4")))
    assert dom.all("details") == [] and dom.one("span").text == "L4"


def test_empty_report_renders():
    empty = Report(Summary(0, 0, 0, 0, 0, 0, ()), (), (), (), (), ())
    dom = parse(render(empty, "out"))
    assert dom.all("svg") == [] and dom.one("section", id="papers").text.count("No papers") == 1


def _levels(**counts: tuple[int, int]) -> list[LevelCount]:
    return [LevelCount(lvl, *counts.get(lvl, (0, 0))) for lvl in ("T11", "T12", "L1", "L2")]


@pytest.mark.parametrize(("counts", "leak_bars", "treated_bars"), [
    ({}, None, None),
    ({"L1": (1, 0)}, {}, {"L1": "1"}),
    ({"T12": (0, 2), "L1": (3, 1)}, {"T12": "2", "L1": "1"}, {"L1": "3"}),
])
def test_leak_level_plot_draws_a_bar_per_level_and_role(counts, leak_bars, treated_bars):
    svg = leak_levels_svg(_levels(**counts))
    if leak_bars is None:
        assert svg is None
        return
    dom = parse(svg)
    assert {n.attrs["data-level"]: n.attrs["data-count"] for n in dom.all("rect", cls="leak")} == leak_bars
    assert {n.attrs["data-level"]: n.attrs["data-count"] for n in dom.all("rect", cls="treated")} == treated_bars
    widths = {n.attrs["data-count"]: float(n.attrs["width"]) for n in dom.all("rect")}
    assert all(widths[a] < widths[b] for a in widths for b in widths if int(a) < int(b))


@pytest.mark.parametrize(("ages", "bins"), [
    ((), None),
    ((52,), {"50-59": "1"}),
    ((41, 49, 50, 87), {"40-49": "2", "50-59": "1", "80-89": "1"}),
])
def test_age_histogram_bins_by_decade(ages, bins):
    svg = ages_svg(ages)
    if bins is None:
        assert svg is None
        return
    dom = parse(svg)
    assert {n.attrs["data-bin"]: n.attrs["data-count"] for n in dom.all("rect")} == bins
    labels = [n.text for n in dom.all("text")]
    assert all(f"{b}–{b + 9}" in labels for b in range(min(ages) // 10 * 10, max(ages) + 1, 10))


@pytest.mark.parametrize(("grades", "points", "line"), [
    ((None, None, None), None, False),
    (("2", None, None), 1, False),
    (("2", "3", "4+"), 3, True),
    (("1", None, "5"), 2, True),
])
def test_trajectories_join_a_patients_timed_grades(grades, points, line):
    svg = trajectories_svg([Trajectory("p:1", "Ito 2023 #1", grades)])
    if points is None:
        assert svg is None
        return
    g = parse(svg).one("g", cls="trajectory")
    assert len(g.all("circle")) == points and bool(g.all("polyline")) == line
    ys = [float(c.attrs["cy"]) for c in g.all("circle")]
    scores = [grade_score(x) for x in grades if x]
    assert [a > b for a, b in zip(ys, ys[1:], strict=False)] == [a < b for a, b in zip(scores, scores[1:], strict=False)]


@pytest.mark.skipif(shutil.which("chromium") is None, reason="chromium is not installed")
def test_chromium_renders_the_report_with_its_plots(built, tmp_path):
    out, t, _, _ = built
    shot = tmp_path / "report.png"
    run = subprocess.run(["chromium", *CHROMIUM_FLAGS, f"--user-data-dir={tmp_path / 'profile'}",
                          f"--screenshot={shot}", "--dump-dom", (out / "report.html").resolve().as_uri()],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr[-2000:]
    assert ":CONSOLE" not in run.stderr  # no script or page errors
    dom = parse(run.stdout)
    assert {s.attrs["id"] for s in dom.all("svg")} == {"plot-leak-levels", "plot-ages", "plot-grades"}
    assert len(dom.one("svg", id="plot-leak-levels").all("rect", cls="leak")) == \
        t.levels[t.levels.role == "leak"].level.nunique()
    assert len(dom.all("article", cls="patient")) == len(t.patients)
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    image = pytest.importorskip("PIL.Image").open(shot).convert("RGB")
    red = tuple(int(LEAK_COLOR[i:i + 2], 16) for i in (1, 3, 5))
    assert image.getcolors(maxcolors=1 << 20) and any(c == red for _, c in image.getcolors(maxcolors=1 << 20))
