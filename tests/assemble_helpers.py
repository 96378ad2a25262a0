"""Synthetic documents and mentions for the assembly tests: write the paper's sections, then point
at the words each extractor would have found."""

from __future__ import annotations

import bisect
from typing import Any

from leakmine.components.sentences import sentence_starts
from leakmine.records import Document, Mention, PaperMeta, build_document


class Paper:
    """A document built from (kind, title, text) sections and the mentions put on it."""

    def __init__(self, *sections: tuple[str, str, str], meta: PaperMeta | None = None):
        parts = [{"kind": k, "title": t, "text": x} for k, t, x in sections]
        self.doc: Document = build_document("synthetic.txt", "text", meta or PaperMeta(), parts, "p0")
        self.starts = sorted(sentence_starts(self.doc.text))
        self.mentions: list[Mention] = []

    def m(self, label: str, surface: str, value: str | None = None, *, after: str = "", nth: int = 0,
          negated: bool = False, hypothetical: bool = False, historical: bool = False, **attrs: Any) -> Mention:
        """Mark the `nth` occurrence of `surface` (searched from the first `after`) as a mention."""
        text = self.doc.text
        pos = text.index(after) if after else 0
        for _ in range(nth + 1):
            start = text.index(surface, pos)
            pos = start + 1
        end = start + len(surface)
        idx = next(i for i, s in enumerate(self.doc.sections) if s.start_char <= start < s.end_char)
        s_start = self.starts[bisect.bisect_right(self.starts, start) - 1]
        s_end = next((s for s in self.starts if s > start), len(text))
        mention = Mention(
            paper_id="p0", section_index=idx, section_kind=self.doc.sections[idx].kind,
            sentence=text[s_start:s_end].rstrip(), sentence_start=s_start, start_char=start, end_char=end,
            text=surface, label=label, value=surface if value is None else value, rule_id="test",
            attrs=attrs, negated=negated, historical=historical, hypothetical=hypothetical,
        )
        self.mentions.append(mention)
        return mention

    def age(self, surface: str, age: int, **kw: Any) -> Mention:
        return self.m("AGE", surface, str(age), age=age, **kw)

    def sex(self, surface: str, value: str, kind: str = "noun", **kw: Any) -> Mention:
        return self.m("SEX", surface, value, cue=surface.lower(), kind=kind, **kw)

    def level(self, surface: str, levels: list[str], **kw: Any) -> Mention:
        return self.m("LEVEL", surface, ";".join(levels), levels=levels, **kw)

    def grade(self, surface: str, value: str, side: str | None = None, limb: str | None = None,
              muscle: str | None = None, **kw: Any) -> Mention:
        base = int(value.rstrip("+-"))
        return self.m("MUSCLE_GRADE", surface, value, base=base, side=side, limb=limb, muscle=muscle, **kw)

    def marker(self, surface: str, n: int, **kw: Any) -> Mention:
        return self.m("CASE_MARKER", surface, str(n), n=n, **kw)
