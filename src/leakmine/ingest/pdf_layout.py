"""PDF page geometry -> text lines in reading order (pure functions over words with boxes).

Columns are found from word x-positions on each page: the left edge of a right-hand column is the
x where many lines start, with line ends of a left-hand column just before it; between them lies the
gutter. Lines reaching into the gutter are full width and cut the page into bands; each band is read
left column, then right column.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass, field
from itertools import pairwise
from typing import TypeVar

import numpy as np

from leakmine.ingest.captions import caption_label
from leakmine.ingest.pdf_glyphs import SPACE_RATIO, RawWord

LABEL_WORDS = 4  # a line of this many words or fewer may be a table's row label, not running text
# An image under this many words covering this share of it, in runs of this many words, is a panel.
PANEL_WORDS, PANEL_INK, PANEL_RUN_WORDS = 20, 0.1, 6
Box = tuple[float, float, float, float]  # (x0, top, x1, bottom), points from the page's top-left corner

_ORNAMENT = re.compile(r"[\u25a0-\u25ff\u2b1b-\u2b1f\u2b24-\u2b2f]+")
_BOLD = re.compile(r"bold|black|heavy|semibold|demi|extrab|[.-]b$|-bd|\bmedi", re.IGNORECASE)


@dataclass
class Word:
    """One printed word: its text, box (points from the page's top-left corner), font and page."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    font: str
    page: int = 0
    spaced: bool = False  # a space is printed right before the word

    @property
    def middle(self) -> float:
        return (self.top + self.bottom) / 2

    @property
    def bold(self) -> bool:
        return bool(_BOLD.search(self.font))


@dataclass
class Line:
    """One printed line of one column (or of the full page width), words left to right.

    `size` and `font` are those of most of its characters; `top` and `bottom` leave out
    superscripts and other smaller type."""

    words: list[Word]
    page: int
    side: str  # "L", "R" or "F" (full width / single column)
    col_x0: float = 0.0  # left edge and right edge of the line's column on its page
    col_x1: float = 0.0
    box: bool = False  # part of a side box beside the main text (key messages, article info)
    text: str = field(init=False)
    size: float = field(init=False)
    font: str = field(init=False)
    x0: float = field(init=False)
    x1: float = field(init=False)
    top: float = field(init=False)
    bottom: float = field(init=False)

    def __post_init__(self) -> None:
        self.refresh()

    def refresh(self) -> None:
        """Recompute the line's text and measures from its words."""
        self.words.sort(key=lambda w: w.x0)
        self.text = join_words(self.words)
        # The size and font of most characters (of equal counts, the first met).
        weights: dict[float, int] = {}
        fonts: dict[str, int] = {}
        for w in self.words:
            size, n = round(w.size * 2) / 2, len(w.text)
            weights[size] = weights.get(size, 0) + n
            fonts[w.font] = fonts.get(w.font, 0) + n
        self.size = max(weights, key=weights.__getitem__)
        self.font = max(fonts, key=fonts.__getitem__)
        self.x0 = self.words[0].x0
        self.x1 = max(w.x1 for w in self.words)
        main = [w for w in self.words if w.size >= self.size - 0.5]
        self.top = min(w.top for w in main)
        self.bottom = max(w.bottom for w in main)

    @property
    def bold(self) -> bool:
        return bool(_BOLD.search(self.font))


@dataclass
class Page:
    """One page's lines in reading order; `gutter` is the white strip between its columns, if any."""

    number: int
    width: float
    height: float
    lines: list[Line]
    gutter: tuple[float, float] | None


def join_words(words: list[Word]) -> str:
    """Words of one line -> text; pieces split only by a font change are joined without a space, and
    letter-spaced type ("I N T R O D U C T I O N") is read as words."""
    out = ""
    prev: Word | None = None
    tracked = _letter_spacing(words)
    for k, w in enumerate(words):
        if prev is not None:
            gap = w.x0 - prev.x1
            if k in tracked:
                out += " " if gap > tracked[k] else ""
            else:
                out += " " if gap > SPACE_RATIO * min(prev.size, w.size) or (w.spaced and gap > -1) else ""
        out += w.text
        prev = w
    return out


def _letter_spacing(words: list[Word]) -> dict[int, float]:
    """For each word that continues a run of four or more single letters set apart by even gaps (letter-
    spaced headings), the gap beyond which a space stands: clearly wider than the gaps between letters."""
    out: dict[int, float] = {}
    if sum(1 for w in words if len(w.text) == 1) < 4:
        return out
    k = 0
    while k < len(words):
        j = k
        while j < len(words) and len(words[j].text) == 1 and words[j].text.isalpha():
            j += 1
        if j - k >= 4:
            gaps = sorted(words[i].x0 - words[i - 1].x1 for i in range(k + 1, j))
            letter_gap = gaps[len(gaps) // 3]
            for i in range(k + 1, j):
                out[i] = max(1.6 * letter_gap, letter_gap + 0.15 * words[i].size)
        k = max(j, k + 1)
    return out


def figure_boxes(raw: list[RawWord], boxes: list[Box]) -> list[Box]:
    """The image boxes that are figures, not a panel printed behind text (a tinted box behind an
    abstract): a panel holds `PANEL_WORDS` words or more, covering `PANEL_INK` of its area or more,
    set in runs of prose (`PANEL_RUN_WORDS` words a run on average, a run ending at a gap wider than
    the type). The labels on a figure are a few words spread thin; the boxes of a flowchart, short runs."""
    area = np.array([(w.x1 - w.x0) * (w.bottom - w.top) for w in raw])
    out = []
    for box, inside in zip(boxes, _inside(raw, boxes), strict=True):
        x0, y0, x1, y1 = box
        words = [raw[k] for k in np.flatnonzero(inside)]
        if len(words) < PANEL_WORDS or area[inside].sum() < PANEL_INK * (x1 - x0) * (y1 - y0) \
                or len(words) < PANEL_RUN_WORDS * _runs(words):
            out.append(box)
    return out


def _inside(raw: list[RawWord], boxes: list[Box]) -> list[np.ndarray]:
    """For each box, which of the words have their centre in it (every word at once)."""
    if not raw:
        return [np.zeros(0, dtype=bool) for _ in boxes]
    cx = np.array([(w.x0 + w.x1) / 2 for w in raw])
    cy = np.array([(w.top + w.bottom) / 2 for w in raw])
    return [(x0 <= cx) & (cx <= x1) & (y0 <= cy) & (cy <= y1) for x0, y0, x1, y1 in boxes]


def _runs(words: list[RawWord]) -> int:
    """How many runs the words make: rows of words on one baseline (`_rows`), cut at gaps wider than
    the type."""
    return sum(1 + sum(1 for a, b in pairwise(row) if b.x0 - a.x1 > b.size) for row in _rows(words))


def to_words(raw: list[RawWord], boxes: list[Box], page: int = 0) -> list[Word]:
    """Glyph words -> `Word`s, without rotated text, text printed inside images and lone ornaments
    (the square or triangle some journals set before a heading)."""
    hidden = np.logical_or.reduce(_inside(raw, boxes)) if boxes and raw else np.zeros(len(raw), dtype=bool)
    return [Word(w.text, w.x0, w.x1, w.top, w.bottom, w.run.size, w.run.font, page, w.spaced)
            for w, inside in zip(raw, hidden.tolist(), strict=True)
            if not inside and w.run.upright and w.text.strip() and not _ORNAMENT.fullmatch(w.text)]


def _line_neighbours(words: list[Word]) -> tuple[list[Word], list[Word]]:
    """Words that start a printed line and words that end one (no close word before/after them)."""
    starts, ends = [], []
    row: list[Word] = []
    for w in sorted(words, key=lambda w: w.bottom) + [None]:
        if row and (w is None or w.bottom - row[0].bottom > 0.3 * row[0].size):
            row.sort(key=lambda w: w.x0)
            for a, b in zip([None, *row], [*row, None], strict=True):
                if a is None or b is None or b.x0 - a.x1 >= 0.8 * a.size:
                    if b is not None:
                        starts.append(b)
                    if a is not None:
                        ends.append(a)
            row = []
        if w is not None:
            row.append(w)
    return starts, ends


def find_gutter(words: list[Word], width: float) -> tuple[float, float] | None:
    """The white strip (x from, x to) between two text columns, or None for a single-column page.

    Candidates for the right column's left edge are the x in the middle of the page where at least
    three lines start. The one chosen has the most lines of a left column running from the left
    margin to just before it (table cells, which also line up, rarely fill their column).
    """
    if len(words) < 20:
        return None
    starts, ends = _line_neighbours(words)
    edges = Counter(round(w.x0) for w in starts if 0.3 * width <= w.x0 <= 0.7 * width)
    left_margin = min(w.x0 for w in words)
    right_margin = max(w.x1 for w in words)
    margin_rows = {round(s.bottom) for s in starts if s.x0 <= left_margin + 0.1 * width}
    best: tuple[int, float, float] | None = None
    for edge, n in edges.most_common(4):
        if n < 3:
            break
        x = min(w.x0 for w in starts if abs(w.x0 - edge) <= 1.5)
        left_ends = [e for e in ends if x - 0.15 * width <= e.x1 <= x - 4
                     and any(round(e.bottom) + d in margin_rows for d in (-1, 0, 1))]
        if len(left_ends) < 3:
            continue
        # a justified column ends at one x; a ragged one mostly before its widest line
        common, count = Counter(round(e.x1) for e in left_ends).most_common(1)[0]
        right_edges = sorted(e.x1 for e in left_ends)
        if count >= 3:
            gl = max(e.x1 for e in left_ends if abs(e.x1 - common) <= 1)
        else:  # or the right end of the densest run of line ends (a byline or an abstract may end nearby)
            dense = max(right_edges, key=lambda r: sum(1 for e in left_ends if r - 1.5 * e.size <= e.x1 <= r))
            gl = max((right_edges[int(0.9 * (len(right_edges) - 1))], dense), key=lambda r: _ending(left_ends, r))
        full = _ending(left_ends, gl)
        # hanging or outdented lines of the right column start a little left of its usual edge
        outdents = Counter(round(w.x0) for w in starts if gl + 4 <= w.x0 < x)
        gr = min([x] + [float(v) for v, c in outdents.items() if c >= 2])
        # both columns hold text lines, not a strip of row numbers or labels beside a table, and lines
        # starting at the edge run on to the right margin, as a column's do and a table's cells do not
        wide = gl - left_margin >= 0.15 * width and right_margin - gr >= 0.15 * width
        right_rows = {round(w.bottom) + d for w in starts if abs(w.x0 - x) <= 1.5 for d in (-1, 0, 1)}
        wide = wide and sum(1 for e in ends if e.x1 >= right_margin - 0.1 * width
                            and round(e.bottom) in right_rows) >= 3
        if full >= 3 and gr - gl >= 4 and wide and (best is None or full > best[0]):
            best = (full, gl, gr - 0.5)
    return best[1:] if best else None


def _ending(ends: list[Word], x: float) -> int:
    """How many line ends reach the column edge `x` (within one and a half letters of it)."""
    return sum(1 for e in ends if e.x1 >= x - 1.5 * e.size)


def _overlap(a: Word | Line, top: float, bottom: float) -> float:
    h = min(a.bottom - a.top, bottom - top) or 1.0
    return (min(a.bottom, bottom) - max(a.top, top)) / h


# How many of the latest lines (by their middles) a word may join: its own line is among the last few,
# and a page of damaged glyphs stacked at one height stays linear.
_LINE_REACH = 40


def build_lines(words: list[Word], page: int, side: str) -> list[Line]:
    """Cluster words into lines by vertical overlap (superscripts join their line)."""
    groups: list[list[Word]] = []
    spans: list[list[float]] = []  # top, bottom and largest size of each line's main type
    for w in sorted(words, key=lambda w: (w.middle, w.x0)):
        home = None
        for g, span in zip(reversed(groups[-_LINE_REACH:]), reversed(spans[-_LINE_REACH:]), strict=True):
            if _overlap(w, span[0], span[1]) >= 0.5:
                home = g, span
                break
            if span[1] < w.top - 2 * w.size:
                break
        if home is None:
            groups.append([w])
            spans.append([w.top, w.bottom, w.size])
            continue
        g, span = home
        g.append(w)
        span[2] = max(span[2], w.size)
        if w.size >= span[2] - 0.5:
            span[0], span[1] = min(span[0], w.top), max(span[1], w.bottom)
    _rehome_raised(groups, spans)
    lines = [Line(g, page, side) for g in groups if g]
    lines.sort(key=lambda ln: (ln.top, ln.x0))
    return lines


class _RightEdges:
    """The words of each line by where they end, to find the word another sits right after without
    scanning the line (a line of thousands of words stays linear)."""

    def __init__(self, groups: list[list[Word]]):
        self.groups = groups
        self._ends: dict[int, tuple[list[float], list[Word], float]] = {}

    def _of(self, k: int) -> tuple[list[float], list[Word], float]:
        if k not in self._ends:
            words = sorted(self.groups[k], key=lambda v: v.x1)
            self._ends[k] = ([v.x1 for v in words], words, max((v.size for v in words), default=0.0))
        return self._ends[k]

    def moved(self, *ks: int) -> None:
        for k in ks:
            self._ends.pop(k, None)

    def hugs(self, w: Word, k: int, slack: float = 0.0) -> bool:
        """Whether smaller type `w` sits right after a larger word of line `k`, as a superscript does
        (`slack` in letters widens the gap allowed, as an italic letter's box leaves it)."""
        ends, words, largest = self._of(k)
        lo = bisect_left(ends, w.x0 - (0.3 + slack) * largest)
        hi = bisect_right(ends, w.x0 + 1 + slack * largest)
        return any(v is not w and w.size <= 0.85 * v.size and -1 - slack * v.size <= w.x0 - v.x1 <= (0.3 + slack) * v.size
                   for v in words[lo:hi])


def _rehome_raised(groups: list[list[Word]], spans: list[list[float]]) -> None:
    """Move a superscript or subscript that landed in the line above or below its own (tight rows of a
    table: "/mm" with its "3") to the line of the word it sits right after."""
    edges = _RightEdges(groups)
    for k, g in enumerate(groups):
        for w in [w for w in g if w.size < spans[k][2] - 0.5 or len(g) <= 2]:
            if edges.hugs(w, k, slack=0.5):
                continue
            for n in (k + 1, k - 1):
                if 0 <= n < len(groups) and min(w.bottom, spans[n][1]) > max(w.top, spans[n][0]) \
                        and edges.hugs(w, n):
                    g.remove(w)
                    groups[n].append(w)
                    edges.moved(k, n)
                    break


def _split_by_gutter(words: list[Word], gutter: tuple[float, float]
                     ) -> tuple[list[Word], list[Word], list[Word]]:
    """Words of the left column, of the right column, and words reaching into the white strip."""
    left, right, cross = [], [], []
    for w in words:
        if w.x1 <= gutter[0] + 1:
            left.append(w)
        elif w.x0 >= gutter[1] - 1:
            right.append(w)
        else:
            cross.append(w)
    return left, right, cross


# Pages on which side boxes beside the main text are looked for (a cover page may come first).
BOX_PAGES = 2


W = TypeVar("W", Word, RawWord)


def _rows(words: list[W]) -> list[list[W]]:
    """Words (`Word`s or `RawWord`s) grouped by shared baseline, each row left to right."""
    rows: list[list[W]] = []
    for w in sorted(words, key=lambda w: w.bottom):
        if rows and w.bottom - rows[-1][0].bottom <= 0.3 * rows[-1][0].size:
            rows[-1].append(w)
        else:
            rows.append([w])
    for row in rows:
        row.sort(key=lambda w: w.x0)
    return rows


def side_box(words: list[Word], gutter: tuple[float, float] | None) -> list[Word]:
    """The words of a side box set beside the main text (key messages, article information, a
    citation sidebar), so that it is read whole rather than line by line with the text beside it.

    Its edge is an x where three or more lines start right after a white gap, with text beside them on
    the same rows; no word crosses that x over the rows the edge spans; the two sides hold lines of
    words, not table cells; and the box is the clearly narrower side (two equal columns are columns).
    """
    if len(words) < 20:
        return []
    rows = _rows(words)
    starts: dict[int, list[tuple[int, Word]]] = {}
    for r, row in enumerate(rows):
        for a, b in pairwise(row):
            if b.x0 - a.x1 >= 1.5 * max(a.size, b.size):
                starts.setdefault(round(b.x0), []).append((r, b))
    left_margin, right_margin = min(w.x0 for w in words), max(w.x1 for w in words)
    for edge, found in sorted(starts.items(), key=lambda kv: -len(kv[1])):
        if len(found) < 3:
            break
        if gutter is not None and abs(edge - gutter[1]) < 2 * found[0][1].size:
            continue  # the page's own columns
        first, last = min(r for r, _ in found), max(r for r, _ in found)
        band = [w for row in rows[first:last + 1] for w in row]
        x = min(w.x0 for _, w in found)
        if any(w.x0 < x - 1 and w.x1 > x + 1 for w in band):
            continue
        left = [w for w in band if w.x1 <= x + 1]
        right = [w for w in band if w.x0 >= x - 1]
        left_width, right_width = x - left_margin, right_margin - x
        box = right if right_width < left_width else left
        if min(left_width, right_width) > 0.6 * max(left_width, right_width):
            continue
        if all(_prose(side) for side in (left, right)):
            return box + _box_rows(rows, first, x, box is left, -1) + _box_rows(rows, last, x, box is left, 1)
    return []


def _box_rows(rows: list[list[Word]], start: int, x: float, left: bool, step: int) -> list[Word]:
    """Words of a side box in the rows above (step -1) or below (step 1) row `start`: on the box's side
    of its edge `x` (left of it or right), up to a word crossing the edge or more than two lines' white
    space."""

    def on_side(w: Word) -> bool:
        return w.x1 <= x + 1 if left else w.x0 >= x - 1

    out: list[Word] = []
    last = [w for w in rows[start] if on_side(w)]
    r = start + step
    while 0 <= r < len(rows) and last and abs(rows[r][0].bottom - last[0].bottom) <= 2.5 * last[0].size:
        if any(w.x0 < x - 1 and w.x1 > x + 1 for w in rows[r]):
            break
        side = [w for w in rows[r] if on_side(w)]
        out += side
        last = side or last
        r += step
    return out


def _prose(words: list[Word]) -> bool:
    """Whether words form three or more lines of running words rather than table cells or labels."""
    rows = _rows(words)
    if len(rows) < 3 or sum(len(r) for r in rows) < 2 * len(rows):
        return False
    return all(b.x0 - a.x1 <= max(a.size, b.size) for row in rows for a, b in pairwise(row))


def layout_page(number: int, width: float, height: float, words: list[Word],
                separators: list[tuple[float, float]]) -> Page:
    """Lines of one page in reading order; `separators` are (top, bottom) of full-width figures. A side
    box beside the main text is read whole after the rest of the page."""
    gutter = find_gutter(words, width)
    box = side_box(words, gutter) if number <= BOX_PAGES else []
    if box:
        boxed = {id(w) for w in box}
        words = [w for w in words if id(w) not in boxed]
        gutter = gutter or find_gutter(words, width)
    page = _layout(number, width, height, words, separators, gutter)
    if box:
        box_lines = build_lines(box, number, "F")
        _set_columns(box_lines)
        for ln in box_lines:
            ln.box = True
        page.lines += box_lines
    return page


def _layout(number: int, width: float, height: float, words: list[Word],
            separators: list[tuple[float, float]], gutter: tuple[float, float] | None) -> Page:
    if gutter is None:
        lines = build_lines(words, number, "F")
        _set_columns(lines)
        return Page(number, width, height, lines, None)
    left, right, cross = _split_by_gutter(words, gutter)
    full = build_lines(cross, number, "F")
    # Column words continuing a gutter-crossing row at a word space belong to that full-width row.
    for ln in full:
        top, bottom = ln.top, ln.bottom
        row = sorted((w for side in (left, right) for w in side
                      if w.bottom > top and w.top < bottom and _overlap(w, top, bottom) >= 0.5), key=lambda w: w.x0)
        joined, x0, x1 = [w for w in row if w.x0 >= ln.x0 and w.x1 <= ln.x1], ln.x0, ln.x1
        for w in sorted((w for w in row if w.x0 < ln.x0), key=lambda w: -w.x1):
            if x0 - w.x1 > w.size:
                break
            joined.append(w)
            x0 = min(x0, w.x0)
        for w in (w for w in row if w.x1 > ln.x1):
            if w.x0 - x1 > w.size:
                break
            joined.append(w)
            x1 = max(x1, w.x1)
        if joined:
            ln.words.extend(joined)
            ids = {id(w) for w in joined}
            left[:] = [w for w in left if id(w) not in ids]
            right[:] = [w for w in right if id(w) not in ids]
            ln.refresh()
    # A line that only pokes into the white strip (a long URL, a reference label set in the gap) stays
    # in its column rather than cutting the page into bands.
    for ln in list(full):
        if ln.x1 <= gutter[1] + 2 * ln.size:
            left.extend(ln.words)
        elif ln.x0 >= gutter[0] - 2 * ln.size:
            right.extend(ln.words)
        else:
            continue
        full.remove(ln)
    cols = build_lines(left, number, "L") + build_lines(right, number, "R")
    cuts = sorted([(ln.top, ln.bottom, True) for ln in full] + [(a, b, False) for a, b in separators])
    ordered: list[Line] = []
    pending = sorted(cols, key=lambda ln: ln.top)
    fulls = sorted(full, key=lambda ln: ln.top)
    captioned = False  # a table caption runs across the page right above the band
    for cut_top, _, is_line in cuts + [(float("inf"), float("inf"), False)]:
        band = [ln for ln in pending if ln.top < cut_top]
        pending = [ln for ln in pending if ln.top >= cut_top]
        # a table whose columns passed for text columns: rows read whole
        if _table_band(band) or captioned and _labelled_table(band):
            ordered += build_lines([w for ln in band for w in ln.words], number, "F")
        else:
            ordered += [ln for ln in band if ln.side == "L"] + [ln for ln in band if ln.side == "R"]
        captioned = captioned and not band and is_line
        while fulls and fulls[0].top <= cut_top:
            line = fulls.pop(0)
            ordered.append(line)
            label = caption_label(line.text)
            captioned = captioned or label is not None and label[0] == "table"
    _set_columns(ordered)
    return Page(number, width, height, ordered, gutter)


def _table_band(band: list[Line]) -> bool:
    """Whether the left and right lines of a band are the rows of one table: three or more of them
    share a baseline across the gutter, most such rows hold cells (gaps wider than a letter), and on
    neither side do most lines read as running text (a text column beside a table is no table)."""
    right = [ln for ln in band if ln.side == "R"]
    rows = [(a, b) for a in band if a.side == "L" for b in right if abs(a.bottom - b.bottom) < 0.3 * a.size]
    if len(rows) < 3:
        return False
    most = 2 / 3 * len(rows)
    return sum(1 for a, b in rows if _gapped(a) or _gapped(b)) >= most \
        and all(sum(1 for pair in rows if _cell_like(pair[side])) >= most for side in (0, 1))


def _labelled_table(band: list[Line]) -> bool:
    """Whether a band under a table caption is one table whose column of row labels passed for a text
    column: labels of a line or two beside rows that need not share their baselines ("Epidural
    space" over "T11-L1" beside one row of values). Three or more lines on each side; on the left
    labels or cells only; on the right most lines hold cells, and none but the first (a header over the
    columns) reads as running text."""
    left = [ln for ln in band if ln.side == "L"]
    right = [ln for ln in band if ln.side == "R"]
    return len(left) >= 3 and len(right) >= 3 and all(map(_cell_like, left)) \
        and sum(map(_gapped, right)) >= 2 / 3 * len(right) and all(map(_cell_like, right[1:]))


def _gapped(ln: Line) -> bool:
    return any(b.x0 - a.x1 > max(a.size, b.size) for a, b in pairwise(ln.words))


def _cell_like(ln: Line) -> bool:
    """A line of table cells or a short label, not a line of running text."""
    return _gapped(ln) or len(ln.words) <= LABEL_WORDS


def _set_columns(lines: list[Line]) -> None:
    """Record each line's column extent (the common left edge and the right edge of its side: where
    most of its long lines end, so that a line reaching past the column does not move the edge)."""
    for side in ("L", "R", "F"):
        own = [ln for ln in lines if ln.side == side]
        if not own:
            continue
        starts = Counter(round(ln.x0) for ln in own)
        x0 = min(x for x, n in starts.items() if n >= max(starts.values()) / 3)
        ends = sorted(ln.x1 for ln in own)
        x1 = ends[int(0.8 * (len(ends) - 1))] if len(ends) >= 5 else ends[-1]
        for ln in own:
            ln.col_x0, ln.col_x1 = x0, x1
