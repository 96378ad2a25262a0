"""One PubMed/MEDLINE citation (`<PubmedArticle>`, `<MedlineCitation>`, `<PubmedBookArticle>`) ->
metadata and abstract sections.

A citation holds no full text: its sections are the abstract, one part per label of a structured
abstract (title as printed, e.g. "METHODS", kind from `headings.heading_kind` or "abstract"),
and the copyright line as back matter. `article_type` lists the PublicationTypes ("Case Reports;
Journal Article") so later stages can tell case reports from trials, reviews and corrections.
"""

from __future__ import annotations

from typing import Any
from xml.etree.ElementTree import Element

from leakmine.ingest.frontmatter import untranslated
from leakmine.ingest.headings import heading_kind
from leakmine.ingest.xmltext import (
    child,
    children,
    descendant,
    either,
    inline_text,
    language_code,
    local,
    year_of,
)
from leakmine.records import PaperMeta

Part = dict[str, Any]


def _citation(record: Element) -> Element:
    """The element holding the bibliographic record: MedlineCitation or BookDocument."""
    if local(record.tag) in ("MedlineCitation", "BookDocument"):
        return record
    return either(child(record, "MedlineCitation", "BookDocument"), record)


def read_meta(record: Element) -> PaperMeta:
    cit = _citation(record)
    art = child(cit, "Article")
    book = child(cit, "Book")
    main = either(art, cit)
    title = untranslated(inline_text(either(child(main, "ArticleTitle"), child(book, "BookTitle"))))
    if title.endswith(".") and not title.endswith(".."):
        title = title[:-1]  # MEDLINE ends every title with a period the article does not print
    ids = _article_ids(record)
    doi = next(((e.text or "").strip() for e in children(main, "ELocationID")
                if e.get("EIdType") == "doi" and e.get("ValidYN", "Y") == "Y"), None) or ids.get("doi")
    pmcid = ids.get("pmc")
    authors, first_author = _authors(child(main, "AuthorList"))
    languages = [language_code(e.text) for e in children(main, "Language") if (e.text or "").strip()]
    types = [inline_text(e) for e in children(child(main, "PublicationTypeList"), "PublicationType")]
    if not types:  # books list their types directly under BookDocument
        types = [inline_text(e) for e in children(cit, "PublicationType")]
    return PaperMeta(
        title=title or None,
        authors=authors,
        first_author=first_author,
        journal=_journal(art) or inline_text(child(book, "BookTitle")) or None,
        year=_year(record, art, book),
        doi=doi or None,
        pmid=inline_text(child(cit, "PMID")) or ids.get("pubmed") or None,
        pmcid=pmcid_form(pmcid) if pmcid else None,
        article_type="; ".join(t for t in types if t) or None,
        language=languages[0] if languages else "en",
    )


def pmcid_form(pmcid: str) -> str:
    """A PMCID as PubMed writes it ("PMC" and digits) from either form ArticleIdLists use ("12345")."""
    return (pmcid if pmcid.upper().startswith("PMC") else f"PMC{pmcid}").upper()


def _article_ids(record: Element) -> dict[str, str]:
    """PubmedData's own ArticleIdList (not the ones inside its reference list)."""
    data = child(record, "PubmedData", "PubmedBookData")
    return {(e.get("IdType") or "").lower(): (e.text or "").strip()
            for e in children(child(data, "ArticleIdList"), "ArticleId")}


def _journal(art: Element | None) -> str | None:
    journal = child(art, "Journal")
    return inline_text(child(journal, "Title")) or inline_text(child(journal, "ISOAbbreviation")) or None


def _year(record: Element, art: Element | None, book: Element | None) -> int | None:
    pub_date = either(descendant(child(art, "Journal"), "PubDate"), child(book, "PubDate"))
    if pub_date is not None:
        year = year_of(inline_text(child(pub_date, "Year")) or inline_text(child(pub_date, "MedlineDate")))
        if year:
            return year
    article_date = child(art, "ArticleDate")
    if article_date is not None:
        return year_of(inline_text(child(article_date, "Year")))
    history = descendant(child(record, "PubmedData"), "History")
    dates = [d for d in children(history, "PubMedPubDate") if d.get("PubStatus") == "pubmed"]
    return year_of(inline_text(child(dates[0], "Year"))) if dates else None


def _authors(author_list: Element | None) -> tuple[list[str], str | None]:
    names, surnames = [], []
    for author in children(author_list, "Author"):
        if author.get("ValidYN", "Y") != "Y":
            continue
        last = inline_text(child(author, "LastName"))
        first = inline_text(child(author, "ForeName")) or inline_text(child(author, "Initials"))
        full = " ".join(t for t in (first, last) if t) or inline_text(child(author, "CollectiveName"))
        if last:
            surnames.append(last)
        if full:
            names.append(full)
    return names, (surnames[0] if surnames else (names[0] if names else None))


def read_parts(record: Element) -> list[Part]:
    """The abstract as sections (structured abstracts by label), then its copyright line."""
    cit = _citation(record)
    abstract = either(child(child(cit, "Article"), "Abstract"), child(cit, "Abstract"))
    if abstract is None:
        return []
    parts: list[Part] = []
    for text_el in children(abstract, "AbstractText"):
        label = (text_el.get("Label") or "").strip()
        category = text_el.get("NlmCategory") or ""
        kind = (heading_kind(label) or heading_kind(category) or "abstract") if label else "abstract"
        parts.append({"title": label or "Abstract", "kind": kind, "text": inline_text(text_el)})
    copyright_line = inline_text(child(abstract, "CopyrightInformation"))
    if copyright_line:
        parts.append({"title": "", "kind": "back-matter", "text": copyright_line})
    return parts
