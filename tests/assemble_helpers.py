"""Synthetic documents and mentions for the assembly tests: write the paper's sections, then point
at the words each extractor would have found. The cue mentions are found as the pipeline finds them,
by the cue component's matching over each sentence."""

from __future__ import annotations

import bisect
from functools import cache
from typing import Any

from leakmine.assemble import assemble
from leakmine.assemble.cues import CueIndex, SentenceCues
from leakmine.components.age.normalize import age_form
from leakmine.components.cue import load_cue_rules, match_cues
from leakmine.components.sentences import sentence_starts
from leakmine.ingest import read_titles
from leakmine.labels import cue_label
from leakmine.records import Document, Evidence, Mention, PaperMeta, build_document


@cache
def _rules():
    return load_cue_rules()


def cue_mentions(text: str, sentences: list[tuple[int, int]], section_at: Any = lambda start: (0, "case"),
                 ) -> list[Mention]:
    """The cue mentions of the (start, end) `sentences` of `text`, as extraction gives them."""
    out = []
    for start, end in sentences:
        for s, e, kind, rule_id in match_cues(text, _rules(), [(start, end)]):
            idx, kind_of_section = section_at(s)
            out.append(Mention(
                paper_id="p0", section_index=idx, section_kind=kind_of_section, sentence=text[start:end],
                sentence_start=start, start_char=s, end_char=e, text=text[s:e], label=cue_label(kind),
                value=kind, rule_id=rule_id))
    return out


def sentence_cues(sentence: str) -> SentenceCues:
    """The cues of one sentence."""
    return CueIndex(cue_mentions(sentence, [(0, len(sentence))])).at(0, sentence)


def story_cues(story: list[tuple[int, str]]) -> CueIndex:
    """The cues of sentences given as (start, text), laid out at their starts."""
    text = ""
    for start, sentence in story:
        assert len(text) <= start, "the sentences of a story may not overlap"
        text = text.ljust(start) + sentence
    return CueIndex(cue_mentions(text, [(start, start + len(sentence)) for start, sentence in story]))


class Paper:
    """A document built from (kind, title, text) sections and the mentions put on it."""

    def __init__(self, *sections: tuple[str, str, str], meta: PaperMeta | None = None):
        parts = [{"kind": k, "title": t, "text": x} for k, t, x in sections]
        self.doc: Document = build_document("synthetic.txt", "text", meta or PaperMeta(), parts, "p0")
        read_titles(self.doc)
        text = self.doc.text
        self.starts = sorted(sentence_starts(text))
        self.mentions: list[Mention] = []
        bounds = zip(self.starts, [*self.starts[1:], len(text)], strict=True)
        sentences = [(s, s + len(text[s:e].rstrip())) for s, e in bounds if text[s:e].strip()]
        self.sentence_end = dict(sentences)
        self.cues = cue_mentions(text, sentences, self._section_at)

    def _section_at(self, start: int) -> tuple[int, str]:
        idx = next(i for i, s in enumerate(self.doc.sections) if s.start_char <= start < s.end_char)
        return idx, self.doc.sections[idx].kind

    def cue_index(self) -> CueIndex:
        return CueIndex(self.cues)

    def assemble(self) -> tuple[dict[str, Any], list[Evidence]]:
        """The paper's JSON and evidence from the marked mentions and the cues."""
        return assemble(self.doc, self.mentions + self.cues)

    def m(self, label: str, surface: str, value: str | None = None, *, after: str = "", nth: int = 0,
          negated: bool = False, hypothetical: bool = False, historical: bool = False, **attrs: Any) -> Mention:
        """Mark the `nth` occurrence of `surface` (searched from the first `after`) as a mention."""
        text = self.doc.text
        pos = text.index(after) if after else 0
        for _ in range(nth + 1):
            start = text.index(surface, pos)
            pos = start + 1
        end = start + len(surface)
        idx, _ = self._section_at(start)
        s_start = self.starts[bisect.bisect_right(self.starts, start) - 1]
        mention = Mention(
            paper_id="p0", section_index=idx, section_kind=self.doc.sections[idx].kind,
            sentence=text[s_start:self.sentence_end[s_start]], sentence_start=s_start, start_char=start, end_char=end,
            text=surface, label=label, value=surface if value is None else value, rule_id="test",
            attrs=attrs, negated=negated, historical=historical, hypothetical=hypothetical,
        )
        self.mentions.append(mention)
        return mention

    def age(self, surface: str, age: int, **kw: Any) -> Mention:
        return self.m("AGE", surface, str(age), age=age, **age_form(surface), **kw)

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
