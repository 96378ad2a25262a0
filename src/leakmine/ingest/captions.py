"""Figure and table captions: "Figure 1.", "Fig. 2 A 62-year-old ...", "Table 1 Patients' data".

A caption opens with a label and a number followed by punctuation, a capitalised word or nothing;
"Figure 2 shows ..." and "Figs. 3 and 4" are references to figures in body text, not captions. A web
page may list its captions as bullets ("\u2022 Figure 1 Sagittal CT ...").
"""

from __future__ import annotations

import re

_CAPTION = re.compile(
    r"^(?:[\u2022\u25aa\u25cf*-]\s+)?(?P<label>(?:Supplementa(?:l|ry)\s+|SUPPLEMENTA(?:L|RY)\s+|Additional\s+|ADDITIONAL\s+)?"
    r"(?P<word>Figure|FIGURE|Fig\.?|FIG\.?|Table|TABLE|Tab\.|Chart|Graph|Scheme|Video|Plate|Illustration)"
    r"\s*(?:S?\d{1,3}|[IVX]{1,5})[A-Za-z]?)"
    r"(?:\s*[.:|\u2014\u2013-]\s*|\s+(?=[A-Z(\"'\u201c\u2018])|\s*$)"
)


def caption_label(text: str) -> tuple[str, str] | None:
    """("caption", "Fig. 2") or ("table", "Table 1") when `text` opens a caption, else None."""
    m = _CAPTION.match(text.strip())
    if not m:
        return None
    kind = "table" if m.group("word").lower().startswith("tab") else "caption"
    return kind, m.group("label")
