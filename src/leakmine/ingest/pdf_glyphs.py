"""Glyphs of a PDF page -> words with boxes and fonts, read from PDFium's text page (pypdfium2).

PDFium parses the content stream in C, about ten times faster than pdfminer; this module asks it
for each glyph's box and text object, once per glyph, and does everything else on NumPy arrays:
glyphs in one font run are grouped into lines (tops within 3 pt) and words (a gap wider than a
tenth of the font size), as pdfplumber's word extractor groups them. Coordinates are pdfplumber's:
points from the page's top-left corner, `top` < `bottom`.
"""

from __future__ import annotations

import ctypes
import math
from dataclasses import dataclass

import numpy as np
import pypdfium2.raw as pdfium_c

from leakmine.ingest.textclean import LIGATURES

# A space between two glyphs is a gap wider than this share of the font size.
SPACE_RATIO = 0.1
# Glyphs whose tops lie within this many points (chained) share a line.
LINE_TOLERANCE = 3.0
# Text turned by more than this many degrees is not read (diagonal watermarks, vertical labels).
MAX_TILT = 2.0
_LIGATURES = str.maketrans(LIGATURES)
_SOFT_HYPHENS = np.array([2, 0xFFFE])
# which of the first 65536 code points are spaces (zero-width ones included)
_IS_SPACE = np.zeros(0x10000, dtype=bool)
_IS_SPACE[[c for c in range(0x3001) if chr(c).isspace()] + [0x200B, 0xFEFF]] = True


@dataclass(frozen=True)
class Run:
    """What all glyphs of one text object share: font name, weight, size in points, uprightness, and
    the line they stand on (`baseline`, in PDF space, and how far the font's descent reaches below it)."""

    font: str
    weight: int
    size: float
    upright: bool
    baseline: float = 0.0
    descent: float = 0.0
    unmapped: bool = False  # the font gives its glyphs no Unicode values


@dataclass
class Glyphs:
    """A page's glyphs as arrays (index = PDFium's character index)."""

    text: list[str]
    code: np.ndarray  # (n,): Unicode code points of `text`
    box: np.ndarray  # (n, 4): x0, top, x1, bottom
    run: np.ndarray  # (n,): index into `runs`
    unmapped: np.ndarray  # (n,) bool: no Unicode value known for the glyph's text object
    runs: list[Run]

    def count_text(self) -> int:
        """How many glyphs print something (not spaces)."""
        return int(self.code.size - np.count_nonzero(_is_space(self.code)))


def _bare(fn, restype, *argtypes):
    """A PDFium function called with plain addresses and numbers (no per-call type conversion)."""
    return ctypes.CFUNCTYPE(restype, *argtypes)(ctypes.cast(fn, ctypes.c_void_p).value)


_VP, _INT = ctypes.c_void_p, ctypes.c_int
_GET_BOX = _bare(pdfium_c.FPDFText_GetLooseCharBox, _INT, _VP, _INT, _VP)
_GET_OBJECT = _bare(pdfium_c.FPDFText_GetTextObject, _VP, _VP, _INT)
_GET_FONT = _bare(pdfium_c.FPDFTextObj_GetFont, _VP, _VP)
_GET_MATRIX = _bare(pdfium_c.FPDFText_GetMatrix, _INT, _VP, _INT, _VP)
_GET_SIZE = _bare(pdfium_c.FPDFText_GetFontSize, ctypes.c_double, _VP, _INT)
_GET_ORIGIN = _bare(pdfium_c.FPDFText_GetCharOrigin, _INT, _VP, _INT, _VP, _VP)
_GET_WEIGHT = _bare(pdfium_c.FPDFText_GetFontWeight, _INT, _VP, _INT)
_UNMAPPED = _bare(pdfium_c.FPDFText_HasUnicodeMapError, _INT, _VP, _INT)


def _font_name(font: int) -> str:
    """A font's base name without its subset tag ("ABCDEF+Times-Bold" -> "Times-Bold")."""
    buf = ctypes.create_string_buffer(256)
    n = pdfium_c.FPDFFont_GetBaseFontName(ctypes.cast(font, pdfium_c.FPDF_FONT), buf, 256)
    return buf.value.decode("latin-1").split("+", 1)[-1] if n else ""


class _Out:
    """Where the PDFium functions of `_run_of` write their results, made once per page."""

    def __init__(self) -> None:
        self.matrix, self.x, self.y = pdfium_c.FS_MATRIX(), ctypes.c_double(), ctypes.c_double()
        self.matrix_at, self.x_at, self.y_at = (ctypes.addressof(v) for v in (self.matrix, self.x, self.y))


def _run_of(page_at: int, k: int, obj: int, rect, fonts: dict[int, str], out: _Out) -> Run:
    """The run of the text object at address `obj`, whose glyph `k` has the loose box `rect`;
    `fonts`: the names of the page's fonts met so far, by handle."""
    font = _GET_FONT(obj)
    name = (fonts[font] if font in fonts else fonts.setdefault(font, _font_name(font))) if font else ""
    _GET_MATRIX(page_at, k, out.matrix_at)
    m = out.matrix
    scale = math.hypot(m.c, m.d) or 1.0
    tilt = math.degrees(math.atan2(abs(m.b), abs(m.a))) if m.a or m.b else 90.0
    upright = m.a > 0 and m.d > 0 and tilt <= MAX_TILT
    size = round(_GET_SIZE(page_at, k) * scale, 3)
    _GET_ORIGIN(page_at, k, out.x_at, out.y_at)
    y = out.y.value
    # symbol fonts may declare no or huge descents: take a usual one instead
    descent = y - rect.bottom
    if not 0.1 * size <= descent <= 0.35 * size:
        descent = 0.22 * size
    return Run(name, _GET_WEIGHT(page_at, k), size, upright, y, descent, bool(_UNMAPPED(page_at, k)))


def read_glyphs(textpage, top: float, left: float) -> Glyphs:
    """Every glyph of a PDFium text page; `top`, `left`: the page box's top and left edge."""
    n = pdfium_c.FPDFText_CountChars(textpage)
    buf = ctypes.create_string_buffer(2 * (2 * n + 1))
    units = pdfium_c.FPDFText_GetText(textpage, 0, n, ctypes.cast(buf, ctypes.POINTER(ctypes.c_ushort))) - 1
    if units == n:  # one UTF-16 unit per glyph: no surrogate pairs to realign
        codes = np.frombuffer(buf.raw, dtype="<u2", count=n).tolist()
    else:
        codes = [pdfium_c.FPDFText_GetUnicode(textpage, k) for k in range(n)]
    code = np.array(codes, dtype=np.uint32).reshape(-1)
    # PDFium gives a hyphen that ends a line as a "soft hyphen" code (2, or U+FFFE in whole-page text)
    code[np.isin(code, _SOFT_HYPHENS)] = ord("-")
    # a character beyond the Basic Multilingual Plane may take two glyph slots, one per UTF-16 half
    high = np.flatnonzero((code[:-1] >= 0xD800) & (code[:-1] < 0xDC00) & (code[1:] >= 0xDC00) & (code[1:] < 0xE000))
    code[high] = 0x10000 + ((code[high] - 0xD800) << 10) + (code[high + 1] - 0xDC00)
    code[high + 1] = 0xFFFF
    code[(code >= 0xD800) & (code < 0xE000)] = 0xFFFD
    text = [chr(c) for c in code.tolist()]
    rect = pdfium_c.FS_RECTF()
    rect_at = ctypes.addressof(rect)
    page_at = ctypes.cast(textpage, ctypes.c_void_p).value
    runs: list[Run] = []
    run_ids: dict[int | None, int] = {}
    fonts: dict[int, str] = {}
    out = _Out()
    lefts, rights, rids = [], [], []
    for k in range(n):
        _GET_BOX(page_at, k, rect_at)
        key = _GET_OBJECT(page_at, k)
        rid = run_ids.get(key)
        if rid is None:
            rid = run_ids[key] = len(runs)
            runs.append(_run_of(page_at, k, key, rect, fonts, out) if key else Run("", 400, 0.0, True, rect.bottom))
        lefts.append(rect.left)
        rights.append(rect.right)
        rids.append(rid)
    arr = np.array([lefts, rights, rids], dtype=float).T.reshape(-1, 3)
    rid = arr[:, 2].astype(int)
    # PDFium's box of a glyph spans its advance and its outline; the outline of "f" or "y" may reach past
    # the advance, into the next glyph: a glyph ends where the next one of its text object starts.
    x0, x1 = arr[:, 0], arr[:, 1].copy()
    follows = np.flatnonzero((rid[1:] == rid[:-1]) & (x0[1:] > x0[:-1]))
    x1[follows] = np.minimum(x1[follows], x0[follows + 1])
    # pdfplumber's box: from the font's descent line up by the font size
    low = np.array([r.baseline - r.descent for r in runs] or [0.0])[rid]
    sizes = np.array([r.size for r in runs] or [0.0])[rid]
    box = np.column_stack([x0 - left, top - low - sizes, x1 - left, top - low])
    unmapped = np.array([r.unmapped for r in runs] or [False])[rid]
    return Glyphs(text, code, box, rid, unmapped, runs)


def _is_space(code: np.ndarray) -> np.ndarray:
    return _IS_SPACE[np.minimum(code, 0xFFFF)] & (code <= 0xFFFF)


@dataclass
class RawWord:
    """A word as glyphs give it; `spaced`: a space glyph (printed or PDFium's) comes right before it."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    run: Run
    spaced: bool

    @property
    def size(self) -> float:
        return self.run.size


def group_words(g: Glyphs) -> list[RawWord]:
    """Words of a page: glyphs of one font run, line by line, split at spaces and wider gaps."""
    n = len(g.text)
    if n == 0:
        return []
    space = _is_space(g.code)
    control = (g.code < 0x20) | ((g.code >= 0x7F) & (g.code < 0xA0)) | (g.code == 0xAD) | (g.code >= 0xFFF0)
    keep = ~g.unmapped & ~space & ~control
    # font runs in stream order: a new run wherever the text object's font, size or uprightness changes
    styles: dict[tuple, int] = {}
    style = np.array([styles.setdefault((r.font, r.size, r.upright), len(styles)) for r in g.runs])[g.run]
    idx = np.flatnonzero(keep)
    if idx.size == 0:
        return []
    st = style[idx]
    run_no = np.cumsum(np.r_[True, st[1:] != st[:-1]])
    # A space (printed, or one PDFium puts where glyphs leave a gap) splits words where it stands in the
    # stream (its own box is unreliable, so it is not placed on the line); one between two runs, as
    # PDFium puts after a superscript, is left to the gap between the glyphs.
    space_before = np.zeros(idx.size, dtype=bool)
    space_before[1:] = space[idx[1:] - 1] & (st[1:] == st[:-1])
    x0, top, x1 = g.box[idx, 0], g.box[idx, 1], g.box[idx, 2]
    # lines within each run: sorted tops chained within LINE_TOLERANCE
    by_top = np.lexsort((top, run_no))
    t_sorted, r_sorted = top[by_top], run_no[by_top]
    new_line = np.r_[True, (r_sorted[1:] != r_sorted[:-1]) | (np.diff(t_sorted) > LINE_TOLERANCE)]
    line = np.empty(idx.size, dtype=np.int64)
    line[by_top] = np.cumsum(new_line)
    order = np.lexsort((x0, line))
    o_idx, o_line = idx[order], line[order]
    ox0, ox1, otop = x0[order], x1[order], top[order]
    osize = np.array([r.size for r in g.runs])[g.run[o_idx]]
    osp = space_before[order]
    brk = np.ones(o_idx.size, dtype=bool)
    brk[1:] = ((o_line[1:] != o_line[:-1]) | osp[1:] | (ox0[1:] < ox0[:-1])
               | (ox0[1:] > ox1[:-1] + SPACE_RATIO * osize[:-1]) | (np.abs(otop[1:] - otop[:-1]) > LINE_TOLERANCE))
    # a glyph printed twice at one spot by another text object (fake bold) is read once; PDFium gives
    # each letter of a ligature the ligature's box, in one text object
    orun = g.run[o_idx]
    dup = np.zeros(o_idx.size, dtype=bool)
    dup[1:] = ~brk[1:] & (orun[1:] != orun[:-1]) & (np.abs(ox0[1:] - ox0[:-1]) < 0.15 * osize[1:])
    dup[1:] &= g.code[o_idx[1:]] == g.code[o_idx[:-1]]
    use = ~dup
    after_space = osp[use]
    word_no = np.cumsum(brk)[use]
    u_idx = o_idx[use]
    if u_idx.size == 0:
        return []
    starts = np.flatnonzero(np.r_[True, word_no[1:] != word_no[:-1]])
    ends = np.r_[starts[1:], u_idx.size]
    bx = g.box[u_idx]
    wx0 = np.minimum.reduceat(bx[:, 0], starts)
    wtop = np.minimum.reduceat(bx[:, 1], starts)
    wx1 = np.maximum.reduceat(bx[:, 2], starts)
    wbot = np.maximum.reduceat(bx[:, 3], starts)
    texts = g.text
    chars = [texts[k] for k in u_idx.tolist()]
    first_run = g.run[u_idx[starts]].tolist()
    spaced = after_space[starts].tolist()
    ligatures = bool(np.any((g.code >= 0xFB00) & (g.code <= 0xFB06)))
    out = []
    for w, (s, e) in enumerate(zip(starts.tolist(), ends.tolist(), strict=True)):
        text = "".join(chars[s:e])
        out.append(RawWord(text.translate(_LIGATURES) if ligatures else text, float(wx0[w]), float(wtop[w]),
                           float(wx1[w]), float(wbot[w]), g.runs[first_run[w]], spaced[w]))
    return out


def _bounds(obj, matrix: tuple[float, ...]) -> tuple[float, float, float, float]:
    """An object's bounds (left, bottom, right, top) in page space, given its form's matrix."""
    c = [ctypes.c_float() for _ in range(4)]
    pdfium_c.FPDFPageObj_GetBounds(obj, *(ctypes.byref(v) for v in c))
    x0, y0, x1, y1 = (v.value for v in c)
    a, b, c_, d, e, f = matrix
    corners = ((x0, y0), (x0, y1), (x1, y0), (x1, y1))
    xs = [a * x + c_ * y + e for x, y in corners]
    ys = [b * x + d * y + f for x, y in corners]
    return min(xs), min(ys), max(xs), max(ys)


def _images(count, get, matrix: tuple[float, ...], depth: int, out: list) -> None:
    for i in range(count):
        obj = get(i)
        kind = pdfium_c.FPDFPageObj_GetType(obj)
        if kind == pdfium_c.FPDF_PAGEOBJ_IMAGE:
            out.append(_bounds(obj, matrix))
        elif kind == pdfium_c.FPDF_PAGEOBJ_FORM and depth < 3:
            m = pdfium_c.FS_MATRIX()
            pdfium_c.FPDFPageObj_GetMatrix(obj, ctypes.byref(m))
            a, b, c, d, e, f = matrix  # the form's own matrix, then its parent's
            inner = (m.a * a + m.b * c, m.a * b + m.b * d, m.c * a + m.d * c, m.c * b + m.d * d,
                     m.e * a + m.f * c + e, m.e * b + m.f * d + f)
            _images(pdfium_c.FPDFFormObj_CountObjects(obj),
                    lambda k, o=obj: pdfium_c.FPDFFormObj_GetObject(o, k), inner, depth + 1, out)


def image_boxes(page, top: float, left: float) -> list[tuple[float, float, float, float]]:
    """Boxes (x0, top, x1, bottom) of the page's images, those drawn inside form objects included."""
    found: list[tuple[float, float, float, float]] = []
    raw = page.raw
    _images(pdfium_c.FPDFPage_CountObjects(raw), lambda k: pdfium_c.FPDFPage_GetObject(raw, k),
            (1.0, 0.0, 0.0, 1.0, 0.0, 0.0), 0, found)
    return [(x0 - left, top - y1, x1 - left, top - y0) for x0, y0, x1, y1 in found]
