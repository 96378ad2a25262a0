"""One JATS `<article>` (PMC, Europe PMC, publisher XML) -> metadata and ordered section parts.

Reading follows what a reader of the printed article sees as body text: the paragraphs of the
abstract and of every `<sec>`, each section under its printed title and
with the canonical kind of `headings.heading_kind`. A subsection is its own section; when its title
is unknown it takes its parent's kind. Figures and tables become "caption" and "table" sections
placed after the section that holds them or, for floats kept apart (`<floats-group>`), after the
first section that cites them. Reference lists are "references"; acknowledgements, notes, footnotes
and appendices are "back-matter".
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any
from xml.etree.ElementTree import Element

from leakmine.ingest.headings import heading_kind
from leakmine.ingest.xmltext import (
    XML_LANG,
    child,
    children,
    descendant,
    either,
    inline_text,
    language_code,
    leaf_text,
    local,
    year_of,
)
from leakmine.records import PaperMeta

FLOATS = frozenset({"fig", "fig-group", "table-wrap", "table-wrap-group"})
# Structural children of a section that hold no running text of their own.
_NOT_TEXT = frozenset({"title", "label", "sec-meta", "disp-formula", "disp-formula-group"})
# Section-level notes printed after the text: they are back matter wherever they sit.
_NOTES = frozenset({"ref-list", "fn-group", "glossary", "ack", "notes", "app", "app-group", "bio"})
# A generic heading that the vocabulary files under "case" ("Treatment", "Follow-up") describes the
# literature, not the patient, when it sits inside one of these sections.
_NARRATIVE = frozenset({"introduction", "discussion", "conclusion"})

Part = dict[str, Any]


@lru_cache(maxsize=1)
def _sec_types() -> dict[str, str]:
    data = json.loads(resources.files(__package__).joinpath("jats_sec_types.json").read_text(encoding="utf-8"))
    return {t: kind for kind, types in data.items() for t in types}


def sec_type_kind(sec_type: str | None) -> str | None:
    """The kind a JATS @sec-type names ("materials|methods" -> "methods"), else None."""
    types = _sec_types()
    return next((types[t] for t in (sec_type or "").lower().split("|") if t.strip() in types), None)


def section_title(el: Element) -> str:
    """The title of a section as printed ("2.1. Case 1" where the numbering is part of it); a
    separate `<label>` ("Appendix A", "II") is used only when there is no title."""
    return inline_text(child(el, "title")) or inline_text(child(el, "label"))


def article_language(art: Element) -> str:
    return language_code(art.get(XML_LANG))


# --------------------------------------------------------------------------------------- metadata

def read_meta(art: Element) -> PaperMeta:
    """Title, authors, journal, year, identifiers, article type and language of one article."""
    front = child(art, "front")
    am = either(child(front, "article-meta"), descendant(front, "article-meta"))
    ids = {(e.get("pub-id-type") or "").lower(): (e.text or "").strip() for e in children(am, "article-id")}
    pmcid = ids.get("pmcid") or ids.get("pmc") or None
    if pmcid and not pmcid.upper().startswith("PMC"):
        pmcid = f"PMC{pmcid}"
    authors, first_author = _authors(am)
    return PaperMeta(
        title=inline_text(descendant(am, "article-title")) or None,
        authors=authors,
        first_author=first_author,
        journal=_journal(front),
        year=_year(am),
        doi=ids.get("doi") or None,
        pmid=ids.get("pmid") or None,
        pmcid=pmcid.upper() if pmcid else None,
        article_type=art.get("article-type"),
        language=article_language(art),
    )


def _journal(front: Element | None) -> str | None:
    jm = child(front, "journal-meta")
    title = inline_text(descendant(jm, "journal-title"))
    if not title and jm is not None:
        ids = {e.get("journal-id-type"): (e.text or "").strip() for e in children(jm, "journal-id")}
        title = ids.get("nlm-ta") or ids.get("iso-abbrev") or ""
    return title or None


def _year(am: Element | None) -> int | None:
    if am is None:
        return None
    for date in children(am, "pub-date"):
        year = year_of(inline_text(child(date, "year")))
        if year:
            return year
    return year_of(inline_text(descendant(am, "year")))


def _authors(am: Element | None) -> tuple[list[str], str | None]:
    names, surnames = [], []
    for group in children(am, "contrib-group"):
        for contrib in children(group, "contrib"):
            if (contrib.get("contrib-type") or "author").lower() != "author":
                continue
            collab = child(contrib, "collab")
            name = descendant(contrib, "name", "string-name") if collab is None else None
            if name is not None:
                surname = inline_text(child(name, "surname"))
                given = inline_text(child(name, "given-names"))
                full = " ".join(t for t in (given, surname) if t) or inline_text(name)
                if surname:
                    surnames.append(surname)
            else:
                full = inline_text(collab, skip=("contrib-group",))
            if full:
                names.append(full)
    return names, (surnames[0] if surnames else (names[0] if names else None))


# --------------------------------------------------------------------------------------- sections

def read_parts(art: Element) -> list[Part]:
    """Ordered section parts: abstract(s), body with its figures and tables, back matter."""
    lang = article_language(art)
    front, body, back = child(art, "front"), child(art, "body"), child(art, "back")
    parts = _abstract_parts(either(child(front, "article-meta"), descendant(front, "article-meta")), lang)
    body_parts: list[Part] = []
    if body is not None:
        _walk(body, "", None, lang, body_parts)
    loose = [el for group in children(art, "floats-group", "floats-wrap") for el in group]
    if back is not None:  # floats parked in <back> are still figures and tables of the body
        loose += [el for el in back if local(el.tag) in FLOATS]
    parts += _place_floats(body_parts, loose)
    if back is not None:
        parts += _back_parts(back)
    for p in parts:
        p.pop("rids", None)
    return parts


def _abstract_parts(am: Element | None, lang: str) -> list[Part]:
    if am is None:
        return []
    abstracts = list(children(am, "abstract"))
    main = [a for a in abstracts if not a.get("abstract-type")] or abstracts[:1]
    parts: list[Part] = []
    for ab in abstracts + list(children(am, "trans-abstract")):
        is_main = ab in main or local(ab.tag) == "trans-abstract"
        default = "Abstract" if is_main else ""
        title = section_title(ab) or default
        parts += _abstract_sections(ab, title, "abstract" if is_main else "front-matter",
                                    language_code(ab.get(XML_LANG), lang))
    return parts


def _abstract_sections(ab: Element, title: str, kind: str, lang: str) -> list[Part]:
    """An abstract's own paragraphs, then each labelled part of a structured abstract."""
    paras: list[str] = []
    parts: list[Part] = []
    for ch in ab:
        if local(ch.tag) == "sec":
            label = section_title(ch)
            own = heading_kind(label) if kind == "abstract" else None
            sub: list[str] = []
            _paragraphs(ch, sub, [])
            parts.append(_part(label, own or kind, "\n\n".join(sub), lang))
        elif local(ch.tag) not in _NOT_TEXT:
            _paragraphs(ch, paras, [])
    return [_part(title, kind, _heading_only("\n\n".join(paras), title, bool(parts)), lang)] + parts


def _kind(title: str, sec: Element, parent_kind: str | None) -> str:
    own = heading_kind(title)
    if own == "case" and parent_kind in _NARRATIVE:
        own = None
    return own or sec_type_kind(sec.get("sec-type")) or parent_kind or "other"


def _walk(sec: Element, title: str, parent_kind: str | None, lang: str, out: list[Part]) -> None:
    """Append the parts of one body section (or of `<body>` itself) and of its subsections."""
    kind = _kind(title, sec, parent_kind)
    paras: list[str] = []
    rids: set[str] = set()
    floats: list[Element] = []
    subsecs: list[Element] = []
    notes: list[Element] = []
    for ch in sec:
        name = local(ch.tag)
        if name == "sec":
            subsecs.append(ch)
        elif name in _NOTES:
            notes.append(ch)
        elif name in FLOATS:
            floats.append(ch)
        elif name not in _NOT_TEXT:
            _paragraphs(ch, paras, floats)
            rids.update(r for e in ch.iter() if local(e.tag) == "xref" for r in (e.get("rid") or "").split())
    part = _part(title, kind, _heading_only("\n\n".join(paras), title, bool(subsecs)), lang)
    part["rids"] = rids
    out.append(part)
    for f in floats:
        out += _float_parts(f)
    for s in subsecs:
        _walk(s, section_title(s), kind, lang, out)
    for n in notes:
        out += _back_parts_of(n)


def _heading_only(text: str, title: str, has_subsections: bool) -> str:
    """A heading whose text is all in its subsections keeps its place in the outline: its part's
    text is the heading itself (a part without text would be dropped)."""
    return title if not text and has_subsections and title else text


def _paragraphs(el: Element, out: list[str], floats: list[Element]) -> None:
    """Paragraph texts under `el` in order; figures and tables met on the way go to `floats`."""
    name = local(el.tag)
    if name == "p":
        text = inline_text(el, skip=FLOATS, found=floats)
        if text:
            out.append(text)
    elif name == "supplementary-material":  # its caption may be a bare title, with no <p>
        text = inline_text(child(el, "caption"))
        if text:
            out.append(text)
    elif name in FLOATS:
        floats.append(el)
    elif name not in _NOT_TEXT:
        for ch in el:
            _paragraphs(ch, out, floats)


def _part(title: str, kind: str, text: str, lang: str = "en") -> Part:
    return {"title": title, "kind": kind, "text": text, "language": lang}


# ------------------------------------------------------------------------------ figures and tables

def _float_parts(el: Element) -> list[Part]:
    """A figure -> one "caption" part; a table -> one "table" part (rows as lines, cells by " | ")."""
    name = local(el.tag)
    head = _caption(el)
    if name in ("fig-group", "table-wrap-group"):
        group = [_part("", "caption", head)] if head else []
        return group + [p for ch in el if local(ch.tag) in FLOATS for p in _float_parts(ch)]
    if name == "fig":
        return [_part("", "caption", head)]
    rows = [_row(tr) for table in el.iter() if local(table.tag) == "table"
            for tr in table.iter() if local(tr.tag) == "tr"]
    foot = [inline_text(ch) for f in children(el, "table-wrap-foot") for ch in f]
    lines = [head] + [r for r in rows if r.strip(" |")] + foot
    return [_part("", "table", "\n".join(line for line in lines if line))]


def _caption(el: Element) -> str:
    label = inline_text(child(el, "label"))
    cap = child(el, "caption")
    text = " ".join(t for t in (inline_text(child(cap, "title")),
                                *(inline_text(p) for p in children(cap, "p"))) if t) if cap is not None else ""
    if label and text:
        return f"{label}{' ' if label[-1] in '.:' else ': '}{text}"
    return label or text


def _row(tr: Element) -> str:
    return " | ".join(inline_text(c) for c in tr if local(c.tag) in ("td", "th"))


def _float_ids(el: Element) -> set[str]:
    return {e.get("id") for e in el.iter() if e.get("id")}


def _place_floats(body: list[Part], loose: list[Element]) -> list[Part]:
    """Body parts with each loose float after the first part that cites it (else at the end)."""
    after: dict[int, list[Part]] = {}
    for el in loose:
        if local(el.tag) not in FLOATS and local(el.tag) not in ("boxed-text", "supplementary-material"):
            continue
        ids = _float_ids(el)
        at = next((i for i, p in enumerate(body) if p.get("rids", set()) & ids), len(body))
        parts = _float_parts(el) if local(el.tag) in FLOATS else [_part("", "caption", inline_text(el))]
        after.setdefault(at, []).extend(parts)
    out: list[Part] = []
    for i, part in enumerate(body):
        out.append(part)
        out += after.get(i, [])
    return out + after.get(len(body), [])


# ---------------------------------------------------------------------------------- back matter

def _back_parts(back: Element) -> list[Part]:
    parts: list[Part] = []
    loose: list[str] = []
    for ch in back:
        name = local(ch.tag)
        if name in FLOATS or name in ("title", "label"):
            continue
        if name in ("sec", *_NOTES):
            parts += _back_parts_of(ch)
        else:
            loose.append(inline_text(ch))
    rest = "\n".join(t for t in loose if t)
    return parts + ([_part("", "back-matter", rest)] if rest else [])


def _back_parts_of(el: Element, inherited: str = "") -> list[Part]:
    """One back-matter element (ack, notes, app, sec, fn-group, glossary, ref-list) and what it holds."""
    name = local(el.tag)
    title = section_title(el) or inherited
    if name == "ref-list":
        refs = [_reference(r) for r in el if local(r.tag) == "ref"]
        parts = [_part(title or "References", "references", "\n".join(r for r in refs if r))]
        return parts + [p for sub in children(el, "ref-list") for p in _back_parts_of(sub)]
    lines: list[str] = []
    nested: list[Element] = []
    for ch in el:
        cname = local(ch.tag)
        if cname in ("sec", *_NOTES):
            nested.append(ch)
        elif cname not in ("title", "label", *FLOATS):
            text = inline_text(ch)
            if text:
                lines.append(text)
    parts: list[Part] = []
    if lines:
        parts.append(_part(title, "back-matter", "\n".join(lines)))
    elif nested and title:
        if len(nested) == 1 and not section_title(nested[0]):
            return _back_parts_of(nested[0], inherited=title)
        parts.append(_part(title, "back-matter", title))
    for n in nested:
        parts += _back_parts_of(n)
    return parts


def _reference(ref: Element) -> str:
    label = inline_text(child(ref, "label"))
    cites = [c for c in ref if local(c.tag) in ("mixed-citation", "element-citation", "nlm-citation",
                                                  "citation", "citation-alternatives")]
    if cites and local(cites[0].tag) == "citation-alternatives":
        cites = list(cites[0])[:1]
    cite = cites[0] if cites else None
    text = inline_text(cite) if cite is not None and local(cite.tag) == "mixed-citation" else leaf_text(cite)
    return " ".join(t for t in (label, text) if t)
