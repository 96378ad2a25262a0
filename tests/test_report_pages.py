"""Evidence on the page: mentions placed on their PDF page, and the report's highlighted page crops."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
from pathlib import Path

import pdfplumber
import pytest
from fpdf import FPDF
from typer.testing import CliRunner

from leakmine.cli import app
from leakmine.locate import locate, normalize
from leakmine.records import PaperMeta, build_document
from leakmine.report.pages import MIN_WIDTH, region
from leakmine.tables import load_tables
from leakmine.tables.corrections import apply_corrections, read_corrections
from tables_helpers import mention_at
from test_report import CHROMIUM_FLAGS, parse

ROOT = Path(__file__).resolve().parents[1]
PDF = ROOT / "data" / "raw" / "case10_sacroplasty_foraminal.pdf"
TEXT = """Cement in the foramen after kyphoplasty

Case presentation
A 58-year-old man had kyphoplasty at L1 for a burst fracture.
The next morning he had numbness of the left groin. CT showed cement in the left L1 foramen.
He recovered after foraminotomy.
"""


@pytest.mark.parametrize(("text", "kept"), [
    ("T12-L1", "t12l1"),
    ("vertebro-\nplasty", "vertebroplasty"),
    ("ﬁbrosis", "fibrosis"),  # a ligature glyph
    ("4+/5 (MRC)", "45mrc"),
    ("  ", ""),
])
def test_normalize_keeps_letters_and_digits(text, kept):
    out, where = normalize(text)
    assert out == kept and len(where) == len(out)


@pytest.mark.parametrize(("boxes", "width", "expect"), [
    ([(100, 200, 140, 212)], 400, lambda r: r[2] - r[0] == MIN_WIDTH and r[1] < 200 and r[3] > 212),
    ([(5, 10, 30, 20)], 400, lambda r: r[0] == 0 and r[1] == 0 and r[2] == MIN_WIDTH),  # kept inside the page
    ([(380, 500, 398, 512)], 400, lambda r: r[2] == 400 and r[0] == 400 - MIN_WIDTH),
    ([(20, 100, 380, 112), (20, 114, 200, 126)], 400, lambda r: r[0] == 10 and r[2] == 390 and r[3] > 126),
])
def test_crop_region_surrounds_the_words(boxes, width, expect):
    assert expect(region(boxes, width, 600))


def _pdf(lines: list[str]) -> bytes:
    pdf = FPDF(format=(148, 210))
    pdf.add_page()
    pdf.set_font("Times", size=11)
    for line in lines:
        pdf.multi_cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


@pytest.mark.parametrize(("needle", "nth", "line"), [
    ("L3", 0, 0),
    ("L3", 1, 2),  # the same words twice: the sentence around them decides
    ("epidural space", 0, 1),
])
def test_repeated_words_are_placed_by_their_sentence(needle, nth, line):
    lines = ["Vertebroplasty was done at L3.", "Cement reached the epidural space.",
             "A laminectomy at L3 removed it."]
    data = _pdf(lines)
    doc = build_document("x.pdf", "pdf", PaperMeta(),
                         [{"title": "Case", "kind": "case", "text": " ".join(lines), "page_start": 1,
                           "page_end": 1}], "p")
    m = mention_at(doc, needle, "LEVEL", needle, nth=nth)
    (box,) = locate(doc, [m], data)[m.mention_id]
    with pdfplumber.open(io.BytesIO(data)) as pl:
        words = pl.pages[0].extract_words()
    first = needle.split()[0]
    hits = [w for w in words if w["text"].startswith(first) and _inside(w, [box.x0, box.top, box.x1, box.bottom])]
    line_tops = sorted({round(w["top"]) for w in words})
    assert len(hits) == 1 and round(hits[0]["top"]) == line_tops[line]


@pytest.fixture(scope="module")
def reported(tmp_path_factory):
    base = tmp_path_factory.mktemp("pages")
    raw, out = base / "raw", base / "out"
    raw.mkdir()
    shutil.copy(PDF, raw / PDF.name)
    (raw / "foramen.txt").write_text(TEXT)
    runner = CliRunner()
    assert runner.invoke(app, ["run", str(raw), str(out)]).exit_code == 0
    result = runner.invoke(app, ["report", str(out)])
    assert result.exit_code == 0, result.output
    return out, load_tables(out), (out / "report.html").read_text(encoding="utf-8")


def test_pdf_mentions_carry_page_and_boxes(reported):
    _, t, _ = reported
    pdf_ids = set(t.papers[t.papers.source_format == "pdf"].paper_id)
    pdf, text = t.mentions[t.mentions.paper_id.isin(pdf_ids)], t.mentions[~t.mentions.paper_id.isin(pdf_ids)]
    assert pdf.page.notna().mean() > 0.95
    assert all(len(b) >= 1 and all(x["page"] == p for x in b) for b, p in zip(pdf.boxes, pdf.page, strict=True)
               if p is not None and p == p)
    assert text.page.isna().all() and (text.boxes.list.len() == 0).all()


def test_report_quotes_pdf_values_on_a_page_crop_and_text_in_its_paragraph(reported):
    _, t, page = reported
    dom = parse(page)
    papers = {n.attrs["data-paper"]: n for n in dom.all("section", cls="paper")}
    pdf_id = t.papers[t.papers.source_format == "pdf"].paper_id.iloc[0]
    text_id = t.papers[t.papers.source_format == "text"].paper_id.iloc[0]
    crops = papers[pdf_id].all("svg", cls="page-crop")
    assert crops and all(c.all("rect", cls="hl") and c.one("image").attrs.get("href") is None for c in crops)
    stored = {s.attrs["id"] for s in dom.all("script") if s.attrs.get("type") == "text/plain"}
    assert {f"img-{c.one('image').attrs['data-img']}" for c in crops} <= stored
    assert papers[text_id].all("svg", cls="page-crop") == []
    contexts = [q for q in papers[text_id].all("blockquote") if q.all("span", cls="ctx")]
    assert any("The next morning" in q.text and "CT showed cement" in q.text for q in contexts)


def test_every_patient_value_has_review_controls(reported):
    _, t, page = reported
    dom = parse(page)
    for card in dom.all("article", cls="patient"):
        assert card.attrs["data-paper"] in set(t.papers.paper_id) and card.attrs["data-number"].isdigit()
        for value in card.all("details", cls="value"):
            assert value.attrs["data-key"] and value.attrs["data-raw"]
            assert {b.attrs["data-action"] for b in value.all("button")} == {"right", "wrong"}
        assert len(card.all("button", cls="add")) >= 14


MEASURE = """<script>
(function () {
  const out = [];
  document.querySelectorAll("svg.page-crop").forEach((svg, i) => {
    const details = svg.closest("details");
    details.open = true;
    const box = svg.getBoundingClientRect(), vb = svg.viewBox.baseVal;
    const toPage = (r) => [vb.x + (r.left - box.left) / box.width * vb.width,
                           vb.y + (r.top - box.top) / box.height * vb.height,
                           vb.x + (r.right - box.left) / box.width * vb.width,
                           vb.y + (r.bottom - box.top) / box.height * vb.height];
    const rects = Array.from(svg.querySelectorAll("rect.hl"));
    out.push({page: Number(svg.dataset.page), marks: Array.from(svg.closest("figure").querySelectorAll("mark"),
              (m) => m.textContent), boxes: rects.map((r) => toPage(r.getBoundingClientRect())),
              screen: rects.map((r) => { const b = r.getBoundingClientRect(); return [b.left, b.top, b.right, b.bottom]; })});
    if (i > 0) details.open = false;
  });
  setTimeout(() => {
    const img = document.querySelector("svg.page-crop image");
    document.body.dataset.measured = JSON.stringify({crops: out, loaded: (img.getAttribute("href") || "").length,
                                                     height: document.documentElement.scrollHeight});
  }, 200);
})();
</script></body>"""


def _inside(word: dict, box: list[float], slack: float = 2.0) -> bool:
    cx, cy = (word["x0"] + word["x1"]) / 2, (word["top"] + word["bottom"]) / 2
    return box[0] - slack <= cx <= box[2] + slack and box[1] - slack <= cy <= box[3] + slack


@pytest.mark.skipif(shutil.which("chromium") is None, reason="chromium is not installed")
def test_chromium_draws_the_highlight_over_the_values_words(reported, tmp_path):
    out, t, page = reported
    probe = tmp_path / "probe.html"
    probe.write_text(page.replace("</body>", MEASURE), encoding="utf-8")
    shot = tmp_path / "shot.png"
    flags = [f for f in CHROMIUM_FLAGS if not f.startswith("--window-size")]
    run = subprocess.run(["chromium", *flags, "--window-size=1200,7000", "--virtual-time-budget=5000",
                          f"--user-data-dir={tmp_path / 'profile'}", f"--screenshot={shot}", "--dump-dom",
                          probe.resolve().as_uri()], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr[-2000:]
    assert ":CONSOLE" not in run.stderr
    body = parse(run.stdout).one("body")
    measured = json.loads(body.attrs["data-measured"])
    assert measured["loaded"] > 1000 and measured["height"] <= 7000
    with pdfplumber.open(PDF) as pl:
        words = {n: pl.pages[n - 1].extract_words() for n in range(1, len(pl.pages) + 1)}
    assert len(measured["crops"]) >= 10
    for crop in measured["crops"]:
        covered = "".join(w["text"] for box in crop["boxes"] for w in words[crop["page"]] if _inside(w, box))
        assert all(normalize(m)[0] in normalize(covered)[0] for m in crop["marks"]), (crop, covered)
        for box in crop["boxes"]:  # each highlight box lies over words of the page, not beside them
            assert any(_inside(w, box) for w in words[crop["page"]]), box

    image = pytest.importorskip("PIL.Image").open(shot).convert("RGB")
    x0, y0, x1, y1 = (round(v) for v in measured["crops"][0]["screen"][0])
    pixels = [image.getpixel((x, y)) for x in range(x0 + 1, x1 - 1) for y in range(y0 + 1, y1 - 1)]
    ink = sum(1 for r, g, b in pixels if r + g + b < 300) / len(pixels)
    tint = sum(1 for r, g, b in pixels if r > 200 and g > 180 and b < 190) / len(pixels)
    assert ink > 0.03 and tint > 0.3, (ink, tint)  # the page's words under the highlight colour


CLICKS = """<script>
(function () {
  URL.createObjectURL = (blob) => { blob.text().then((t) => { document.body.dataset.csv = t; }); return "#"; };
  window.prompt = () => "L5";
  document.getElementById("reviewer").value = "Ana";
  const card = document.querySelector("article.patient");
  const values = card.querySelectorAll("details.value[data-key]");
  values[0].querySelector("button[data-action=right]").click();
  values[1].querySelector("button[data-action=wrong]").click();
  card.querySelector("dd[data-key=leak_levels] button.add").click();
  document.getElementById("download").click();
})();
</script></body>"""


@pytest.mark.skipif(shutil.which("chromium") is None, reason="chromium is not installed")
def test_report_buttons_download_a_corrections_file_the_next_run_applies(reported, tmp_path):
    out, _, page = reported
    probe = tmp_path / "clicks.html"
    probe.write_text(page.replace("</body>", CLICKS), encoding="utf-8")
    run = subprocess.run(["chromium", *CHROMIUM_FLAGS, "--virtual-time-budget=3000",
                          f"--user-data-dir={tmp_path / 'profile'}", "--dump-dom", probe.resolve().as_uri()],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr[-2000:]
    dom = parse(run.stdout)
    csv_text = dom.one("body").attrs["data-csv"]
    path = tmp_path / "corrections.csv"
    path.write_text(csv_text)
    rows = read_corrections(path)
    assert [(r.action, r.reviewer) for r in rows] == [("right", "Ana"), ("wrong", "Ana"), ("missing", "Ana")]
    assert rows[2].field == "leak_levels" and rows[2].value == "L5"
    card = dom.all("article", cls="patient")[0]
    assert {(r.paper, r.patient) for r in rows} == {(card.attrs["data-paper"], card.attrs["data-number"])}
    frames = {name: df for name, df in load_tables(out).items()}
    reviews = apply_corrections(frames, rows)["reviews"]
    assert reviews.status.tolist() == ["applied", "applied", "applied"]
