"""Bibliographic facts read from text: DOI, year, journal, title, authors and first author.

Pure functions shared by the text, PDF and XML readers. They look only at what they are given;
the readers decide which lines are front matter, citation lines or bylines worth reading.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any
from urllib.parse import unquote

from leakmine.ingest.textclean import folded
from leakmine.memo import text_cache

_YEAR = r"(?:19|20)\d\d"
_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
          r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_ANY_YEAR = re.compile(_YEAR)
_DOI = re.compile(r"\b10\.\d{4,9}/[^\s\"<>]+")
_GLUED_WORD = re.compile(r"(?<=\d)[A-Z][a-z]{2,}$")  # "10.5555/abc.12Get rights": a page's link text
_DOI_PREFIX = re.compile(r"^(?:https?://)?(?:dx\.)?doi\.org/|^doi:\s*", re.IGNORECASE)
_DATE_YEAR = re.compile(
    rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?\s+(?P<a>{_YEAR})\b"
    rf"|\b{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+(?P<b>{_YEAR})\b"
    rf"|\b(?P<c>{_YEAR})[-/.](?:0?[1-9]|1[0-2])(?:[-/.]\d{{1,2}})?\b"
    rf"|\b{_MONTH}\s+(?P<d>{_YEAR})\b"
    rf"|\b(?P<e>{_YEAR})\b"
)
# A whole line that is a date: "3 March 2020", "March 3, 2020", "2020-03-03", "Mar 2020", "Sep-Dec 2022",
# "Published: 2021".
_DATE_LINE = re.compile(
    rf"(?:(?:published|publication\s+date|date|online|e-?pub(?:lished)?|first\s+published|issue\s+date)"
    rf"(?:\s+online)?\s*:?\s*)?(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?"
    rf"(?:\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?\s+{_YEAR}|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+{_YEAR}"
    rf"|{_YEAR}[-/.](?:0?[1-9]|1[0-2])(?:[-/.]\d{{1,2}})?|{_MONTH}(?:\s*[-–/]\s*{_MONTH})?\s+{_YEAR}"
    rf"|{_YEAR}(?:\s+{_MONTH})?)\.?",
    re.IGNORECASE,
)
# Pieces of a journal issue line ("Vol. 9", "Issue 2", "Issue (2)", "pp. 33-38", "Page(s) 88-93",
# "Pages 872.e1-872.e6", "Article ID 5550123", "2021", a date), set apart by bars, dots, commas or
# breadcrumbs ("››").
_PAGE = r"[eE]?\d{1,7}(?:\.e\d{1,4})?"
_VOLUME_OR_ISSUE = re.compile(r"\b(?:vol(?:ume)?\.?|v\.|issue)\s*\(?\d", re.IGNORECASE)
# What a number without a volume may label besides an issue ("Case No. 2", "IRB No. 2019", "Grant No. 12").
_NUMBERED_LABEL = re.compile(r"\b(?:case|patient|protocol|irb|grant|registration|approval|ethics|table|figure|stage|"
                             r"project|award|funding|contract|reference|file|record|issue)$", re.IGNORECASE)
_ISSUE_KEY = re.compile(r"(?:vol(?:ume)?\.?|issue|no\.|num(?:ber)?\.?)\s*(?P<n>\d+)", re.IGNORECASE)
_ISSUE_KEY_LOWER = re.compile(_ISSUE_KEY.pattern)  # for lower-cased text (`folded`)
_ISSUE_ITEM = re.compile(
    rf"(?:vol(?:ume)?\.?|v\.)\s*\d{{1,4}}[A-Za-z]?(?:\s*\(\s*\d{{1,3}}(?:\s*[-\u2013]\s*\d{{1,3}})?\s*\))?"
    rf"|(?:issue|iss\.|no\.?|num(?:ber)?\.?|nr\.?)\s*(?:\d{{1,4}}(?:\s*[-\u2013/]\s*\d{{1,4}})?(?!\d)|\(\d{{1,4}}\))"
    rf"|suppl(?:ement)?\.?\s*\d{{0,3}}"
    rf"|(?:pp?\.?|pages?|page\(s\))\s*:?\s*{_PAGE}(?:\s*[-\u2013]\s*{_PAGE})?|\d{{1,3}}\s+pages"
    rf"|article\s+(?:id|no\.?|number)?\s*:?\s*[eE]?\d[\w.-]*"
    rf"|\(?(?:\d{{1,2}}\s+)?(?:{_MONTH}(?:\s*[-–/]\s*{_MONTH})?\s+)?(?:\d{{1,2}},?\s+)?{_YEAR}\)?"
    rf"|{_PAGE}(?:\s*[-\u2013]\s*{_PAGE})?"
    rf"|(?:doi:?\s*|https?://(?:dx\.)?doi\.org/)10\.\d{{4,9}}/\S+",
    re.IGNORECASE,
)
# between an issue's items: a bar, a comma, a spaced dash ("Volume 12 - Issue 3 - p 101-107"), a DOI's full stop
_ISSUE_GAP = re.compile(r"(?:[\s|\u00b7\u2022\u203a\u00bb,;:]|(?<=\s)-(?=\s)|\.(?=\s*doi\b))*", re.IGNORECASE)
_ISSUE_PIECES = re.compile(r"\s*(?:[|\u00b7\u2022]|\u203a+|\u00bb)\s*|,\s*")
_ISSUE_JOURNAL = re.compile(rf"^(?!(?:Home|Archives?|Current\s+Issue|All\s+Issues|Issues|Articles?(?:\s+in\s+Press)?|"
                            rf"Browse(?:\s+Issues)?|Journals?(?:\s+(?:Home|Info|Menu|Archives?))?)$)"
                            rf"(?P<journal>[A-Z][\w&.'\u2019-]*(?:\s+(?:[A-Za-z&][\w&.'\u2019-]*|\([^()]{{1,30}}\)))"
                            rf"{{0,12}}?)(?:\s*\(?(?P<year>{_YEAR})\)?)?$")
# A journal's name and the issue's date before its volume ("Spine: May 3, 2019 - Volume 12 - Issue 5 - p 301-307")
_DATED_JOURNAL = re.compile(rf"^(?P<journal>[A-Z][^:|]{{1,120}}?):\s+(?:{_MONTH}\s+(?:\d{{1,2}},?\s+)?)?(?P<year>{_YEAR})\s+-\s*$")

# A journal name: capitalised words and abbreviations with dots, lower-case linking words, a parenthesis
# ("Spine (Phila Pa 1976)"); a lower-case word with a full stop ends a title sentence, not a journal.
_CAP_WORD = r"[A-Z][\w&'\u2019-]*\.?"  # "Spine", "Surg."
_BRACKETED = r"\([^()]{1,30}\)\.?"  # "(Phila Pa 1976)", "(Br)"
_JWORD = rf"(?:{_CAP_WORD}|[a-z][\w&'\u2019-]*|&|{_BRACKETED})"  # "of", never "ended."
_JOURNAL = rf"(?P<journal>{_CAP_WORD}(?:\s+{_JWORD}){{0,14}}?)"
_SUPPLEMENT = r"Suppl(?:ement)?\.?(?:\s*\d{1,3})?"  # a supplement of a volume ("Suppl 5", "Suppl.")
_ET_AL_HEAD = r"(?:[A-Z][\w'\u2019-]+\s+){1,3}et\s+al\.?"  # a running head's "Ruiz et al." before it
_CITATION_FORMS = (
    # "Spine Surg Case Rep J. 2024 Mar 14;11:512-8", "Spine Cases 2021; 30(3): 44-49", a two months' issue
    # "Spine Cases. 2011 Nov-Dec;4(6):212-8", a meeting's supplement "Spine Cases. 2014;145(3_MeetingAbstracts):508A",
    # a supplement after its volume or alone "Spine Cases. 2008 Nov;17 Suppl 2(Suppl 2):301-5", "2019;Suppl 1:S12-8"
    re.compile(rf"^(?:\d{{1,3}}\.\s+)?{_JOURNAL},?\s+(?P<year>{_YEAR})"
               rf"(?:\s+{_MONTH}(?:\s*[-\u2013/]\s*{_MONTH}|\s+\d{{1,2}})?)?\s*[;:]\s*"
               rf"(?:\d{{1,4}}[A-Z]?(?:\s+{_SUPPLEMENT})?|{_SUPPLEMENT})\s*(?:\([\w\s-]{{1,24}}\))?\s*[:,.]"),
    # a volume with its series letter, its issue and pages after it, the whole line, the journal's name
    # in capitals but for short small words and a part in brackets ("Spine Surg (Br). 2031
    # Oct;41-B(10):221-6. doi: ...")
    re.compile(rf"^(?:\d{{1,3}}\.\s+)?(?P<journal>{_CAP_WORD}(?:\s+(?:{_CAP_WORD}|{_BRACKETED}|[^\W\d_A-Z]{{1,4}}|&)){{0,10}}),?"
               rf"\s+(?P<year>{_YEAR})(?:\s+{_MONTH}(?:\s+\d{{1,2}})?)?\s*;\s*"
               rf"\d{{1,4}}-[A-Z]\s*\(\d{{1,3}}\)\s*:\s*[eE]?\d+(?:\s*[\u2013-]\s*[eE]?\d+)?\.?(?:\s+(?i:doi|epub)\b.*)?$"),
    # "Spine Cases (2024) 3:2;41-45", "North Spine J (2020) 29:1234-1240", "Ruiz et al. Spine Cases (2021) 14:88"
    re.compile(rf"^(?:{_ET_AL_HEAD}\s+)?{_JOURNAL}\s*\((?P<year>{_YEAR})\)\s*,?\s*\d+\s*(?:\(\d+\))?\s*[:;,]"),
    # an article numbered in its volume, the journal's name with commas in it: "Journal of Spine, Pain and
    # Surgery volume 14, Article number: 37 (2019)"
    re.compile(rf"^(?P<journal>[A-Z][\w&'\u2019.-]*(?:,?\s+(?:[A-Z][\w&'\u2019.-]*|and|of|the|for|in|&)){{0,12}})"
               rf"\s+(?i:volume)\s+\d{{1,4}},\s+(?i:article\s+(?:number|no\.?))\s*:?\s*[\w.-]+\s+\((?P<year>{_YEAR})\)\.?$"),
    # an issue's year, volume and pages on a line of their own, under the journal's name ("2019;14(2):55-61")
    re.compile(rf"^(?P<journal>)(?P<year>{_YEAR})\s*;\s*\d{{1,4}}\s*(?:\(\d{{1,3}}\))?\s*:\s*[eE]?\d+(?:\s*[\u2013-]\s*[eE]?\d+)?\.?$"),
    # a summary's source: "Spine Cases, 2024 · DOI: 10.5555/x.1 · Published: March 6, 2024"
    re.compile(rf"^{_JOURNAL},\s+(?P<year>{_YEAR})\s*[\u00b7\u2022|]\s*doi\b", re.IGNORECASE),
    # "J Clin Spine 2021, 10, 1234", "Spine Cases, 2020, 12(3), 210-214", "Spine Cases. 2021. 9(2): 33-38"
    re.compile(rf"^{_JOURNAL},?\s+(?P<year>{_YEAR}),\s*\d{{1,4}}\s*(?:\(\d{{1,3}}\))?,\s*[eE]?\d+"
               rf"(?:\s*[\u2013-]\s*[eE]?\d+)?(?:[.;,]|$)"),
    re.compile(rf"^{_JOURNAL}\s+(?P<year>{_YEAR})\.\s*\d{{1,4}}\s*\(\d{{1,3}}\)\s*:\s*[eE]?\d+"),
    # "Spine Surgery Reports 14 (2020) 101145", "North Neurosurg 146 (2021) e12-e19", a PDF's page range with
    # its dash read as "e" ("3 (2012) 21e27")
    re.compile(rf"^{_JOURNAL}\s+\d{{1,4}}\s*\((?P<year>{_YEAR})\)\s*[eE]?\d+(?:\s*[\u2013-]\s*[eE]?\d+|e\d+)?\.?$"),
    # "J Neurosurg Spine 34:123-130, 2021"
    re.compile(rf"^{_JOURNAL}\s+\d{{1,4}}\s*(?:\(\d+\))?\s*:\s*[eE]?\d+(?:[\u2013-]\d+)?,"
               rf"\s*(?P<year>{_YEAR})\b"),
    # "Pain Med Rep ; 4(2): 100417, 2022 Nov." (catalogue pages)
    re.compile(rf"^{_JOURNAL}\s*;\s*\d{{1,4}}\s*(?:\(\d{{1,3}}\))?\s*:\s*[eE]?\d+(?:\s*[\u2013-]\s*[eE]?\d+)?\s*,"
               rf"\s*(?P<year>{_YEAR})(?:\s+{_MONTH})?\.?$"),
    # "2019, Spine Case Reports, p. 80", "2021, Spine Cases, № 3, p. 12-15" (index pages)
    re.compile(rf"^(?P<year>{_YEAR}),\s*{_JOURNAL}(?:,\s*(?:\u2116\s*\d+|[pP]\.\s*[eE]?\d+(?:\s*[\u2013-]\s*\d+)?|\d+))+\.?$"),
    # "Journal of Spine Cases (Sep 2016)" (a journal's name in title case, then its date)
    re.compile(rf"^(?P<journal>[A-Z][\w&'\u2019-]*(?:\s+(?:[A-Z][\w&'\u2019-]*|of|and|the|in|for|on|&)){{1,12}})"
               rf"\s*\((?:{_MONTH}\s+)?(?P<year>{_YEAR})\)$"),
    # "Front. Spine Surg., 05 March 2021" (a journal's name, then the day it published the article)
    re.compile(rf"^{_JOURNAL},\s+\d{{1,2}}\s+{_MONTH}\s+(?P<year>{_YEAR})$"),
    # ". 2021 Mar 3;9(2):33-38." (a web page's citation line whose journal name was a link)
    re.compile(rf"^(?P<journal>)[.\s]*(?P<year>{_YEAR})\s+{_MONTH}(?:\s+\d{{1,2}})?\s*;\s*\d{{1,4}}\s*(?:\(\w{{1,6}}\))?\s*:"),
)
# Inside a "how to cite" line: "... Title. *Spine Rep.* 2025;3(2):e00041."
_CITED_JOURNAL = re.compile(
    rf"(?:^|[.?!:]\*?\s+)\*?{_JOURNAL}\*?\s+(?P<year>{_YEAR})\s*(?:{_MONTH}\s*)?[;,(]")
_CITE_PREFIX = re.compile(
    r"^\W*(?:how\s+to\s+cite(?:\s+this\s+(?:article|paper))?|cite\s+this(?:\s+(?:article|paper))?(?:\s+as)?|"
    r"please\s+cite\s+this\s+article(?:\s+(?:as|in\s+press\s+as))?|to\s+cite\s+this\s+article|"
    r"(?:suggested\s+|recommended\s+)?citation)\s*:\s*",
    re.IGNORECASE,
)
_REFERENCE_NUMBER = re.compile(r"^\W{0,3}(?:\[\d{1,3}\]|\d{1,3}[.)])\s+")
_PARTICLE = r"(?:van|von|de|der|den|da|das|do|dos|del|della|di|du|la|le|ten|ter)"
_CITED_AUTHOR = re.compile(
    rf"^(?P<sur>(?:{_PARTICLE}\s+)*[A-Z][A-Za-z'\u2019-]+(?:\s+[A-Z][a-z'\u2019-]+)?)"
    r"(?:\s+[A-Z]{1,3}(?:[,.]|\s+et\s+al\b|\s+and\b)|\s*,\s*(?:[A-Z]\.\s*-?)+)"
)
_RUNNING_AUTHOR = re.compile(
    rf"^(?:[A-Z]\.\s?)*(?P<sur>(?:{_PARTICLE}\s+)*[A-Z][A-Za-z'\u2019-]+)(?:\s+[A-Z]{{1,3}})?,?\s+et\s+al\b")

# Byline pieces.
_UP = "A-Z\u00c0-\u00d6\u00d8-\u00de\u0100-\u017f"
_LOW = "a-z\u00df-\u00f6\u00f8-\u00ff\u0100-\u017f'\u2019"
# A capitalised word, capitals inside only before a small letter ("McDonald", "DeAngelis"); each letter reads
# one way only (Latin Extended-A letters are in both classes), so a failed match takes linear time.
_WORD = rf"[{_UP}](?:[{_LOW}]|(?![{_LOW}])[{_UP}](?=[{_LOW}]))+(?:-[{_UP}{_LOW}][{_LOW}]+)*(?![{_UP}{_LOW}])"
_INITIAL = r"(?>[A-Z]\.(?:\s?-?[A-Z]\.)*)"  # all of a run of initials, never fewer: a name tries one reading of it
_BARE_INITIALS = r"(?:[A-Z]-[A-Z]|[A-Z]{1,3})(?![\w'\u2019])"  # "CH", "H-J"
_CAPS = rf"[{_UP}]{{2,}}(?:-[{_UP}]{{2,}})?(?![\w'\u2019])"  # "ZHAO", "KILIN\u00c7"
_CAPS_FAMILY = (rf"(?!ORCID\b)(?=[{_UP}]*[AEIOUY\u00c0-\u00c6\u00c8-\u00cf\u00d2-\u00d6\u00d8-\u00dc])[{_UP}]{{3,}}"
                rf"(?:-[{_UP}]{{2,}})?(?![\w'\u2019])")  # "KIM", "AKINT\u00dcRK", not initials "CHK"
# Symbols after an author's name: notes ("*" and a PDF's "\u2217", daggers, "#": equal contribution) and the
# corresponding author's envelope ("Ana Ruiz 1,\u2709").
AUTHOR_SYMBOLS = "*\u2217\u2020\u2021\u00a7#\u00b6\u2709"
_MARKS = (rf"(?:\^\{{[^}}]{{1,15}}\}}"
          rf"|\^[\w{AUTHOR_SYMBOLS}]{{1,4}}(?:,[\w{AUTHOR_SYMBOLS}]{{1,4}})*"
          rf"|,?[{AUTHOR_SYMBOLS}]+"  # also after a comma: "Ana Ruiz 1,\u2709,#"
          r"|\d{1,2}(?:,\s?\d{1,2})*(?:,?[A-G](?![a-z]))*(?![\w.])|\(\d{1,2}(?:,\s?\d{1,2})*\)"
          r"|[\u00b9\u00b2\u00b3\u2070-\u2079\u1d43-\u1d9c]+)")
# Between names: comma, semicolon, "and", "&", a bar or a middle dot ("Ana Ruiz | Li Wei", "Ana Ruiz · Li Wei",
# printed as a spaced full stop when copied from a PDF), else a space.
_BY = re.compile(r"(?:by|BY|By)\s+(?=[A-Z])")
_NAME_START = re.compile(rf"[{_UP}]")
_SEPARATOR = re.compile(r"\s*(?:,|;|&|\||[\u00b7\u2022\u2219\u22c5]|\band\b)\s*|\s+\.\s+|\s+")
# Affiliation letters after a space: "Aditi Raghavan a,*", "Li Wei b, c" (then a separator or the end).
_LETTER_MARKS = (rf"\s[a-z](?:\s?,\s?[a-z\d{AUTHOR_SYMBOLS}])*"
                 r"(?=\s*(?:[,;&|\u00b7\u2022\u2219\u22c5]|\band\b|$))")
_TITLE_RUN_IN = re.compile(
    r"(?<=[a-z0-9)\]'\u2019])\s+(?=(?:A|An|The|This|These|We|Our|In|On|At|After|During|Here|Herein|His|Her|"
    r"She|He|Its|Two|Three|Four|Five|Several)\s+[a-z0-9])"
)
_OPEN_ENDINGS = frozenset(
    "a an the of and or to in on at by for with from into as than that after before during without "
    "group type grade class vitamin hepatitis zone arm cohort level phase stage series site part "
    "panel".split()
)


@lru_cache(maxsize=1)
def _names() -> dict[str, frozenset[str]]:
    data = json.loads(resources.files(__package__).joinpath("names.json").read_text(encoding="utf-8"))
    return {
        "surname_first": frozenset(data["surname_first"]),
        "particles": frozenset(data["particles"]),
        "degrees": frozenset(data["degrees"]),
        "not_name_words": frozenset(data["not_name_words"]) | frozenset(data["publisher_words"]),
        "publisher_words": frozenset(data["publisher_words"]),
    }


def names_publisher(text: str) -> bool:
    """Whether a line names a publisher ("Georg Thieme Verlag KG Stuttgart · New York")."""
    return any(w.strip(".,;·") in _names()["publisher_words"] for w in text.split())


# --- identifiers and dates ------------------------------------------------------------------

def normalize_doi(raw: str) -> str:
    """"https://doi.org/10.5555/CASE24019." -> "10.5555/case24019" (lower case, no trailing punctuation)."""
    d = _DOI_PREFIX.sub("", unquote(raw.strip())).lower()
    while d and d[-1] in ".,;:'\"*]>}":
        d = d[:-1]
    while d.endswith(")") and d.count(")") > d.count("("):
        d = d[:-1]
    return d


def find_dois(text: str) -> list[str]:
    """Every distinct DOI in `text`, normalised, in order of appearance."""
    out: list[str] = []
    text = unquote(text) if "%2" in text else text
    if "10." not in text:  # every DOI opens so
        return out
    for m in _DOI.finditer(text):
        d = normalize_doi(_GLUED_WORD.sub("", m.group()))
        if d not in out:
            out.append(d)
    return out


def date_year(text: str) -> int | None:
    """The year of the first date in `text` ("14 October 2025", "2025-02-24", "March 2026", "2024")."""
    for m in _DATE_YEAR.finditer(text):
        year = int(next(g for g in m.groups() if g))
        if 1900 <= year <= 2100:
            return year
    return None


_PUBLISHED = ("published", "epub", "available online", "first published", "online publication", "publication date",
              "date of publication", "date of web publication", "version of record", "issue date", "online first")
_HISTORY = ("accepted", "revised", "received", "submitted")


def _year_after(text: str, words: tuple[str, ...]) -> int | None:
    low = text.lower()
    for word in words:
        at = low.find(word)
        if at >= 0:
            year = date_year(text[at:at + len(word) + 40])
            if year:
                return year
    return None


def published_year(text: str) -> int | None:
    """Year of the publication date in an article-history line ("Published online 4 May 2021" -> 2021)."""
    return _year_after(text, _PUBLISHED)


# A stage of an article's history and its date: a month or a year a few characters after it, past
# words of the stage's own ("accepted for publication 9 June 2031", "Published online ahead of print
# ..."), or a full date (day and month, or numeric) after a few other words ("accepted after revision
# 9 June 2031", "Received by the editors 3 May 2031"). A month is a whole word ("novel" is none), a
# year no part of a longer number but a date written as one ("20310503").
_WHOLE_MONTH = rf"\b{_MONTH}(?![^\W\d_])"
_NUMERIC_DATE = r"\b\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b"
_FULL_DATE = rf"(?:\d{{1,2}}(?:st|nd|rd|th)?(?:\s+of)?[\s-]*{_WHOLE_MONTH}|{_WHOLE_MONTH}\s*\d{{1,2}}\b|{_NUMERIC_DATE})"
_STAGE_DATED = re.compile(
    r"\b(?:" + "|".join(sorted(map(re.escape, _PUBLISHED + _HISTORY), key=len, reverse=True)) + r")\b[\s:.,]*"
    r"(?:(?:for\s+publication|in\s+revised\s+form|online|ahead\s+of\s+print|on)\b[\s:.,]*)*"
    rf"(?=[^;]{{0,8}}?(?:{_WHOLE_MONTH}|{_NUMERIC_DATE}|(?<!\d){_YEAR}(?:[01]\d[0-3]\d)?(?!\d))"
    rf"|(?:[^\W\d_]+[\s:.,]+){{1,3}}{_FULL_DATE})", re.IGNORECASE)


def history_stages(text: str) -> int:
    """How many stages of an article's history a line dates ("Received 3 May 2031; accepted for
    publication 9 June 2031" -> 2; "Submitted forms from 2029 were accepted by the board" -> 0)."""
    return len(_STAGE_DATED.findall(text))


def history_year(text: str) -> int | None:
    """Latest stage year of an article-history line: published, else accepted, revised, received.
    "Received: 3 May 2024 / Accepted: 9 June 2024 / Published: 2 January 2025" -> 2025."""
    return _year_after(text, _PUBLISHED + _HISTORY) or date_year(text)


# --- citation lines -------------------------------------------------------------------------

@dataclass(frozen=True)
class Citation:
    """What a journal citation line states about the paper it cites."""

    journal: str | None
    year: int | None
    dois: tuple[str, ...]
    first_author: str | None = None


_PUBLISHED_IN = re.compile(r"^published\s+in\s*:?\s*", re.IGNORECASE)  # "Published in Spine Cases, Volume 9"


def _clean_journal(journal: str) -> str:
    return _PUBLISHED_IN.sub("", journal.strip().strip("*").strip()).rstrip(".").strip()


def parse_citation_line(text: str, max_words: int = 40) -> Citation | None:
    """A short line that cites a journal issue: "North Spine J. 2021;30:12-19. doi: ..." or a footer
    like "Spine Cases (2024) 3:2;41-45". None for anything else (reference items included)."""
    t = " ".join(text.split())
    if t.count(" ") >= max_words or not _ANY_YEAR.search(t):  # every form names the year
        return None
    for form in _CITATION_FORMS:
        m = form.match(t)
        if m:
            return Citation(_clean_journal(m.group("journal")) or None, int(m.group("year")), tuple(find_dois(t)))
    return None


_JOURNAL_FIELD = re.compile(rf"^(?P<journal>[^,;]{{2,120}}?)\s*[,;]\s*(?P<year>{_YEAR})(?:\s*\u0440\b\.?|\b)"
                            rf"(?:\s*[,;].*|\s+{_MONTH}\b.*|\s+\u2116.*)?$"  # "2024 р." (рік: year), "№ 2"
                            # a catalogue's issue of a journal: "Spine Cases 2021-04, Vol.17 (2), p.e118-e121"
                            rf"|^(?P<cjournal>.{{2,120}}?),?\s+(?P<cyear>{_YEAR})(?:-\d\d){{0,2}},\s*Vol\.\s*\d"
                            # its abbreviation in brackets before the date: "Spine Cases [Spine Cases] 2024 Apr 22;
                            # Vol. 7 (17)"
                            rf"|^(?P<bjournal>[^\[\]]{{2,120}}?)\s*\[[^\[\]]{{2,80}}\]\s*(?P<byear>{_YEAR})\b")


def parse_journal_field(value: str) -> Citation | None:
    """The value of a "Journal:" line that also gives the year and issue: "Spine Cases, 2021, № 2,
    p. 118-121", "Spine Cases; 2013 Apr; 19(2):88-93" or "Spine Cases 2021-04, Vol.17 (2), p.e118-e121" ->
    journal "Spine Cases", year 2021; or the
    year alone, as a catalogue prints it for a preprint ("2024": no journal)."""
    value = " ".join(value.strip(" |").split())  # "| Spine Cases 2021-04, Vol.17 |": a table's cell
    if year := re.fullmatch(rf"({_YEAR})(?:\s*\u0440\b\.?)?\.?", value):  # "2024", "2024 р." (рік: year)
        return Citation(None, int(year.group(1)), ())
    m = _JOURNAL_FIELD.match(value)
    return Citation(_clean_journal(m.group("journal") or m.group("cjournal") or m.group("bjournal")),
                    int(m.group("year") or m.group("cyear") or m.group("byear")), ()) if m else None


def parse_issue_line(text: str) -> Citation | None:
    """A journal issue line: "Spine Cases | Volume 9 | Issue 2 | 2021", "Volume 14, 2020, 101145",
    "Acta Spinalis, Vol. 3, No. 1, March 2019, pp. 12-15", "Spine Cases Q · 2020 · Vol 9". None unless
    a volume, issue or number is named and everything but the journal's name is such an item, or the
    authors' names at its end."""
    t = " ".join(text.split())
    low = folded(t)
    # `folded` keeps every character where it is, so a match in the lower-cased text is one in `t`
    key = _ISSUE_KEY_LOWER.search(low) if low is not None else _ISSUE_KEY.search(t)
    if not key or len(t.split()) > 30:
        return None
    dated = _DATED_JOURNAL.match(t[:key.start()])
    pieces = [dated.group("year")] if dated else [
        p for p in _ISSUE_PIECES.split(t[:key.start()].strip(" |\u00b7\u2022,;:")) if p]
    journal = _clean_journal(dated.group("journal")) if dated else None
    if pieces and not _ISSUE_ITEM.fullmatch(pieces[0]):
        m = _ISSUE_JOURNAL.match(pieces.pop(0))
        if not m:
            return None
        journal = _clean_journal(m.group("journal"))
        pieces.insert(0, m.group("year") or "")
    items = []
    for piece in pieces:
        if piece and not _ISSUE_ITEM.fullmatch(piece):
            return None
        items.append(piece)
    pos = key.start()
    while pos < len(t):
        item = _ISSUE_ITEM.match(t, pos)
        if t[pos:] == "." and items:  # a full stop may close the line
            break
        if not item or item.end() == pos:
            if items and _names_alone(t[pos:]):  # "Vol 8 | Issue 3 | 2022 | Page: 5-8 | Ana Ruiz, Li Wei": its authors
                break
            return None
        items.append(item.group())
        pos = _ISSUE_GAP.match(t, item.end()).end()
    if not _VOLUME_OR_ISSUE.search(t) and journal and _NUMBERED_LABEL.search(journal):
        return None  # "Case No. 2, 2019.", "Trial registration No. 2021": a numbered label, not an issue
    years = [date_year(i) for i in items
             if not re.match(r"(?:vol|v\.|iss|no\b|no\.|num|pp?\.|pages?\b|art|doi|http)", i, re.IGNORECASE)]
    year = next((y for y in years if y), None)
    if year is None and key.group().lower().startswith("vol") and 1900 <= int(key.group("n")) <= 2100:
        year = int(key.group("n"))  # "Volume 2019, Article ID 5550123": volumes named by year
    return Citation(journal, year, tuple(find_dois(t)))


def _names_alone(text: str) -> bool:
    """Whether `text` is two or more author names and nothing else."""
    b = parse_byline(text)
    return b is not None and len(b.names) >= 2 and b.end >= len(text.rstrip(" .")) - 1


def is_date(text: str) -> bool:
    """Whether a whole line is a date ("3 March 2020", "Published: 2021-03-02", "March 2020")."""
    return bool(_DATE_LINE.fullmatch(" ".join(text.split()).strip(" .")))


def parse_cite_as(text: str) -> Citation | None:
    """Journal, year, DOI and first author's surname from a "How to cite this article: ..." line."""
    m = _CITE_PREFIX.match(text)
    return parse_reference(text[m.end():]) if m else None


def parse_reference(text: str) -> Citation:
    """Journal, year, DOI and first author's surname of one cited paper ("3. Okafor C, Lee K. Title.
    Spine J. 2019;19:1-9. doi: ...")."""
    rest = _REFERENCE_NUMBER.sub("", " ".join(text.split()))
    author = _CITED_AUTHOR.match(rest)
    journal = _CITED_JOURNAL.search(rest)
    return Citation(
        _clean_journal(journal.group("journal")) if journal else None,
        int(journal.group("year")) if journal else date_year(rest),
        tuple(find_dois(rest)),
        author.group("sur") if author else None,
    )


# A surname as printed in a list of authors' surnames: "Ruiz", "McKay", "O'Neil", "van Dijk", "Ruiz-Costa".
# Each letter matches one alternative only: overlapping ones ("a" as [a-z] or as a letter) made a failed
# match of a long capitalised word try every way of reading it (2^n steps for n letters).
_SURNAME = (rf"(?:{_PARTICLE}\s+)*[A-Z](?:[^\W\d_A-Z]|['\u2019-]|(?<=Mc)[A-Z]|(?<=O['\u2019])[A-Z]|(?<=-)[A-Z])+")
# A title led by its authors' surnames, as a journal's page heads it: "Ruiz, Wei, and Costa: <title>",
# "Ruiz and Wei: <title>", "Kim et al.: <title>"; not words no surname ends in ("Kyphoplasty and
# Vertebroplasty: ..."), nor, for two names, words no name holds ("Cement and Spine: ...").
_NOT_A_TERM = (r"(?![\w'\u2019-]*(?:plasty|tomy|osis|itis|graphy|ation|ment|ness|ity|ism|plegia|paresis|ysis|logy|"
               r"pathy|algia|a?emia|oma|ica|ics|ure|age|ence|ance|ing|ion|ies|sis)\b)")
_AUTHORS_TITLE = re.compile(rf"^(?P<first>{_NOT_A_TERM}{_SURNAME})(?:(?:,\s+{_NOT_A_TERM}{_SURNAME})+,?\s+(?:and|&)\s+"
                            rf"{_NOT_A_TERM}{_SURNAME}|\s+(?:and|&)\s+(?P<second>{_NOT_A_TERM}{_SURNAME})|\s+et\s+al\.?)"
                            rf":\s+(?P<title>[A-Z(].{{9,}})$")


def authors_before_title(text: str) -> tuple[str, str] | None:
    """The first author's surname and the title of a title line led by its authors' names, else None."""
    m = _AUTHORS_TITLE.match(text)
    if not m or (m.group("second") and not (_name_ok(m.group("first")) and _name_ok(m.group("second")))):
        return None
    return m.group("first"), m.group("title")


def running_head_author(text: str) -> str | None:
    """The surname of a running head naming the authors: "Pritchard et al.", "R. Pritchard et al.",
    "van Dijk J, et al. Spine Cases 2021" -> "Pritchard", "van Dijk"."""
    m = _RUNNING_AUTHOR.match(" ".join(text.split()))
    return m.group("sur") if m else None


# Author lines of index pages: "Ana Ruiz et al.", "Nikita H Seth et al.", "Copyright © 2024, Ruiz et al."; "Ruiz,
# Ana; Wei, Li." Three names before "et al." are left alone: "Jae Bum Lim" has two given names, "Sara Fadili
# Hassani" two family names.
_ET_AL_LINE = re.compile(
    rf"^(?:(?i:copyright\s*)?(?:\u00a9|\([cC]\)|(?i:copyright))\s*(?:{_YEAR})?,?\s*)?"
    rf"(?:(?!{_PARTICLE}\s)[A-Z][a-z'\u2019]+(?:-[A-Z]?[a-z'\u2019]+)*\s+)?(?:[A-Z]\.?\s)*(?P<sur>(?:{_PARTICLE}\s+)*[A-Z](?:[a-z]|['\u2019][A-Z])[A-Za-z'\u2019-]*)"
    rf"(?:\s+[A-Z]{{1,3}})?,?\s+et\s+al\.?$")
_ET_AL_CITATION = re.compile(rf"^(?P<names>.{{3,60}}?\bet\s+al\.)\s+(?P<journal>[A-Z][\w&'\u2019 .()-]{{1,100}}?)\.\s+"
                             rf"(?P<year>{_YEAR})\b[^.]{{0,20}}\.?$")
_FAMILY_GIVEN = r"(?:{p}\s+)*[A-Z][\w'\u2019-]+(?:\s+[A-Z][\w'\u2019-]+)?,\s*[A-Z][\w.'\u2019-]*(?:[\s-]+[A-Z][\w.'\u2019-]*)*"


@lru_cache(maxsize=1)
def _family_given_list() -> re.Pattern[str]:
    """"Family, Given; Family, Given", each name with its degrees and marks ("Ruiz, Ana MD*; Wei, Li",
    "Wei, Li, MD1,a"), perhaps ending with a group of authors ("... the Spine Study Group")."""
    name = _FAMILY_GIVEN.format(p=_PARTICLE)
    marks = rf"(?:\s*,?\s*{_degrees_pattern()}(?![A-Za-z]))*\s*(?:[{AUTHOR_SYMBOLS}\d,]|(?<=[\d,])[a-z](?![A-Za-z]))*"
    group = (r"(?:\s*[,;]?\s*(?:and\s+|for\s+|on\s+behalf\s+of\s+)?(?:the\s+)?(?:[A-Z][\w-]*\s+){1,6}"
             r"(?:Group|Consortium|Investigators|Network|Society|Committee|Forum)(?:\s+[A-Z][\w-]*)?(?:\s*\([A-Z]{2,8}\))?)?")
    return re.compile(rf"^(?P<first>{name}){marks}(?:\s*;\s*{name}{marks}){{1,60}}{group}\s*\.?$")


def et_al_author(text: str) -> str | None:
    """The surname of a line naming the first author only: "Ana Ruiz et al.", "A. Ruiz et al.",
    "Copyright \u00a9 2024, Ruiz et al." -> "Ruiz"."""
    if not text.rstrip().endswith(("al", "al.")):  # the line ends "et al."
        return None
    m = _ET_AL_LINE.match(" ".join(text.split()))
    return m.group("sur") if m else None


def parse_et_al_citation(text: str) -> Citation | None:
    """A paper's own short citation, as PubMed prints it under the title: "Priya Ramanath et al. J Spinal
    Cord Med. 2011." -> first author "Ramanath", journal "J Spinal Cord Med", year 2011."""
    m = _ET_AL_CITATION.match(" ".join(text.split()))
    author = et_al_author(m.group("names")) if m else None
    if m is None or author is None:
        return None
    return Citation(_clean_journal(m.group("journal")), int(m.group("year")), (), author)


def family_given_author(text: str) -> str | None:
    """The first surname of an author list printed "Family, Given; Family, Given." ("Ruiz, Ana; Wei,
    Li; van Dijk, Jan.", "Ruiz, Ana MD*; Wei, Li MD") -> "Ruiz"."""
    if ";" not in text or "," not in text:  # "Family, Given; Family, Given"
        return None
    m = _family_given_list().match(" ".join(text.split()))
    return m.group("first").split(",", 1)[0].strip() if m else None


def cited_first_author(text: str) -> str | None:
    """The surname opening a Vancouver or APA author list: "Chen CH, Wang K." -> "Chen"."""
    m = _CITED_AUTHOR.match(" ".join(text.split()))
    return m.group("sur") if m else None


_SURNAMES_HEAD = re.compile(rf"(?:^|(?<=\s))(?P<sur>{_SURNAME})(?:\s*,\s*{_SURNAME}){{0,15}}(?:\s*,?\s*and\s+{_SURNAME})?\s*:$")


def own_citation(text: str, title: str) -> Citation | None:
    """The paper citing itself: its `title` printed after its authors, as a reference ("Okafor T, Lindqvist M.
    <title>. Thorac Case Rep 2019;31:212-19.", "Brennan, K. and Adeyemi, O. (2021) <title>. ...") or
    as a running head of surnames ("Varga, Osei, and Lund: <title>") -> first author, year, journal, DOI."""
    flat, key = " ".join(text.split()), " ".join(title.split()).rstrip(".").lower()
    at = flat.lower().find(key) if len(key) >= 20 else -1
    if not 0 < at <= 300:
        return None
    before = flat[:at].rstrip()
    # not a label ("Title: <title>"), nor a clinical word ending a title's first part ("Anterior Epidural
    # Hematoma: <subtitle>": names.json `not_name_words`)
    if (heads := _SURNAMES_HEAD.search(before)) and heads.group("sur") not in _names()["not_name_words"]:
        return Citation(None, None, (), heads.group("sur"))
    if not before.endswith((".", ")")) or not _CITED_AUTHOR.match(before):
        return None
    return parse_reference(flat)


def latest_version(dois: list[str]) -> str | None:
    """The first DOI, or a later version of it printed beside it ("10.5555/openres.3021.2" over
    "...3021.1": versioned journals print the DOI of every version on page 1)."""
    if not dois:
        return None
    first = dois[0]
    stem = re.sub(r"\.\d{1,2}$", "", first)
    versions = [d for d in dois if re.fullmatch(re.escape(stem) + r"\.\d{1,2}", d)]
    return max(versions, key=lambda d: int(d.rsplit(".", 1)[1])) if versions else first


# In order of trust: the issue a citation line names, then the licence and history dates.
_PRINTED_YEAR_CUES = [
    re.compile(rf"\bvol(?:ume|\.)?\s*({_YEAR})\b", re.IGNORECASE),
    re.compile(rf"\(\s*({_YEAR})\s*\)\s*[,;:]?\s*\d"),
    re.compile(rf"\b({_YEAR})\s*[,;]\s*\d+\s*[:(]"),
    re.compile(rf"\bpublished(?:\s+online)?\s*:?\s*(?:\w+\s+){{0,3}}({_YEAR})\b", re.IGNORECASE),
    re.compile(rf"(?:\u00a9|\(c\)|copyright)\s*(?:\D{{0,60}}?\s)?({_YEAR})\b", re.IGNORECASE),
    re.compile(rf"\baccepted\s*:?\s*(?:\w+\s+){{0,3}}({_YEAR})\b", re.IGNORECASE),
]
_HEADER_JOURNAL_CUES = [
    re.compile(r"et al\.?\s*(?P<j>[A-Z][A-Za-z&.,:' -]{2,80}?)\s+\(?(?:19|20)\d\d\b"),
    re.compile(r"^(?P<j>[A-Z][A-Za-z&.,:' -]{2,80}?)\s*\((?:19|20)\d\d\)"),
    re.compile(r"^(?P<j>[A-Z][A-Za-z&.,:' -]{2,80}?)\s+(?:19|20)\d\d\s*[;,]\s*\d"),
]


def printed_year(text: str) -> int | None:
    """The publication year a printed first page states: its volume or issue line, else its publication,
    copyright or acceptance date ("Volume 2016, Article ID 5", "(2015), 31:2", "Copyright 2014")."""
    for cue in _PRINTED_YEAR_CUES:
        m = cue.search(text)
        if m:
            return int(m.group(1))
    return None


def header_journal(lines: list[str]) -> str | None:
    """The journal a printed first page names in its header ("Case Reports in Surgery" above "Volume
    2016, ...") or a citation line ("Ferrante et al. Trials 2016, 17:384")."""
    for k, text in enumerate(lines[:-1]):
        if re.match(r"^vol(?:ume|\.)\s*\d", lines[k + 1], re.IGNORECASE) and not _DOI.search(text):
            return text.strip()
    for text in lines:
        for cue in _HEADER_JOURNAL_CUES:
            m = cue.search(text)
            if m and len(m.group("j").split()) <= 10:
                return m.group("j").strip(" ,.:")
    return None


# --- bylines and names ----------------------------------------------------------------------

@dataclass(frozen=True)
class Byline:
    """Author names read from the start of a line; `end` is where the names stop in that line."""

    names: tuple[str, ...]
    end: int
    marked: bool


def _degree_regex(degree: str) -> str:
    """"MD" -> M.D. with or without the dots; "PhD" -> Ph.D.; "PA-C" as printed."""
    chunks = re.findall(r"[A-Z][a-z]*|[a-z]+|-", degree)
    return r"\.?".join(re.escape(c) for c in chunks) if "".join(chunks) == degree else re.escape(degree)


@lru_cache(maxsize=1)
def _degrees_pattern() -> str:
    """Any degree of names.json, dotted or not, longest first, ending with an optional full stop."""
    degrees = sorted(_names()["degrees"], key=len, reverse=True)
    return rf"(?:{'|'.join(_degree_regex(d) for d in degrees)})"


@lru_cache(maxsize=1)
def _name_pattern() -> re.Pattern[str]:
    short_degrees = "|".join(d for d in _names()["degrees"] if len(d) <= 3 and d.isupper())
    initials = rf"(?!(?:{short_degrees})(?![\w'\u2019])){_BARE_INITIALS}"
    word = rf"(?!{_degrees_pattern()}(?![\w'\u2019-])){_WORD}"  # "MSc" spells like "McKay"
    middle = rf"(?:{word}|{_INITIAL}|{_PARTICLE}|{initials}(?=\s))"  # "Olumide A Adeyemi", "Keith DK Luk"
    return re.compile(
        rf"(?:(?:Dr|Prof)\.?\s+)?(?P<name>"
        rf"{_CAPS}\s+{word}(?:\s+{word})?"  # ZHAO Minghui
        rf"|{word}(?:\s+{word}){{0,2}}\s+(?!{_degrees_pattern()}(?![\w'\u2019-])){_CAPS_FAMILY}"  # Sang Bum JANG
        rf"|(?:{word}|{_INITIAL})(?:\s+{middle}){{0,3}}"
        rf"\s+(?:{_PARTICLE}\s+)*{word}"
        rf"|{word}(?:\s+{word})?\s+{initials}(?:\s+{initials}){{0,2}}"  # Chen CH, Chen C H
        # K Doe, S Morad Hameed, J Smith, where a name's end follows (not "J Korean Orthop", a journal's name;
        # not the articles "A" and "I" of a title, though an initial after a comma or "and": "..., A Leber",
        # "... and I Costa")
        rf"|(?:(?<=[,;&]\s)|(?<=\band\s)|(?![AI]\s)){_BARE_INITIALS}(?:\s+{middle}){{0,2}}\s+(?:{_PARTICLE}\s+)*{word}"
        rf"(?=\s*(?:[,;&|\d(^\u00b7\u2022{AUTHOR_SYMBOLS}\u00b9\u00b2\u00b3\u2070-\u2079]|\band\b|$)"
        rf"|\s*,?\s*{_degrees_pattern()}(?![\w'\u2019-])))"
    )


def _name_ok(name: str) -> bool:
    vocab = _names()
    return not any((t.strip(".") in vocab["not_name_words"] and not re.fullmatch(r"[A-Z]\.?", t))
                   or t in vocab["degrees"] for t in name.split())


# The words a page prints for an author's ORCID icon or identifier ("Ari Fish ORCID logo1", "Li Wei ORCID
# 0000-0002-1825-0097"): skipped after a name, but no mark that makes one name a byline.
_ORCID = re.compile(r"\s?ORCID(?:\s+(?:logo|iD|icon))?(?::?\s*\d{4}-\d{4}-\d{4}-\d{3}[\dX])?(?![A-Za-z-])")


@lru_cache(maxsize=1)
def _marks_pattern() -> re.Pattern[str]:
    return re.compile(rf"\s?{_MARKS}|\s*,?\s*{_degrees_pattern()}(?:[a-z](?:,[a-z])*)?(?![A-Za-z])\.?"
                      rf"|{_LETTER_MARKS}")


def _skip_marks(text: str, pos: int) -> tuple[int, bool]:
    """Skip superscript markers, affiliation letters, degrees and ORCID icons ("^a", "^{a,*}", "1,2", " a,*",
    ", PhD^b", ", M.D.", ", MDc", " ORCID logo") after a name; whether a mark other than an icon was there."""
    marked = False
    while True:
        if (icon := _ORCID.match(text, pos)) and icon.end() > pos:
            pos = icon.end()
            continue
        m = _marks_pattern().match(text, pos)
        if not m or m.end() == pos:
            return pos, marked
        pos, marked = m.end(), True


def _capitalised(word: str) -> str:
    """A name printed in capitals as it is written: "ZHAO" -> "Zhao", "ŞAHİN" -> "Şahin" (not the "i" and
    combining dot that lower-casing the dotted capital I gives)."""
    return word.title().replace("i\u0307", "i")


def _title_cased(text: str) -> str:
    """"RHYS PRITCHARD, MD" -> "Rhys Pritchard, MD" (degrees kept as printed)."""
    degrees = _names()["degrees"]
    text = re.sub(r"\bAND\b", "and", text)
    return re.sub(r"[A-Z][A-Z'\u2019-]+", lambda m: m.group() if m.group() in degrees else _capitalised(m.group()), text)


# Where one name's link ends and the next begins with no space: after a capitalised word of four letters or
# more ("RuizLi", never "McDonald", "DeAngelis", "MacKenzie").
_GLUED_NAMES = re.compile(r"\b([A-Z][a-z]{3,})(?=[A-Z][a-z])")


def _glued_byline(t: str) -> Byline | None:
    """The names of a line whose name links ran together ("Ana RuizTomas LindqvistAnders Brekke"): no separator
    anywhere, each name of two words or more once split, the whole line names ("Sean FitzGerald" alone is one
    name). Its end is the line's."""
    if len(_GLUED_NAMES.findall(t)) < 2 or re.search(r"[,;]|\band\b", t):
        return None
    split = _GLUED_NAMES.sub(r"\1, ", t)
    b = _read_names(split, 0)
    if b is None or b.end < len(split.rstrip(" .,;")) or not all(len(name.split()) >= 2 for name in b.names):
        return None
    return Byline(b.names, len(t), b.marked)


@text_cache(1024)  # a paper's lines and paragraphs: the reader asks again of some
def parse_byline(text: str) -> Byline | None:
    """The author names a byline opens with ("Ana Ruiz^1, Li Wei^2", "Chen CH(1), Wang K."), or None.

    A byline holds two or more names, or one name with a superscript marker or degree; what follows
    the names must be nothing, or affiliations starting with a marker (handled by the caller). A byline
    may open with "by"; one in capitals ("RHYS PRITCHARD, ELEANOR HUGHES") holds two or more names and
    nothing else.
    """
    t = " ".join(text.split())
    if glued := _glued_byline(t):
        return glued
    if spaced := _initial_led_names(t):
        return spaced
    start = len(m.group()) if (m := _BY.match(t)) else 0
    if not _NAME_START.match(t, start):  # every name opens with a capital
        return None
    if t and not re.search(r"[a-z]", t[start:]):
        b = _read_names(_title_cased(t), start)
        return b if b and len(b.names) >= 2 and b.end >= len(t.rstrip(" .,;")) else None
    return _read_names(t, start)


# A name of an initial and a family name; a line of three or more of them with spaces alone between is a byline
# ("R. Pritchard T. Osei K. Lund"), where two may be a title's species ("S. Aureus E. Coli").
_INITIAL_LED = r"[A-Z]\.(?:\s?-?[A-Z]\.)*\s[A-Z][\w'\u2019-]+"
_INITIAL_LED_LINE = re.compile(rf"{_INITIAL_LED}(?:\s{_INITIAL_LED}){{2,}}")


def _initial_led_names(t: str) -> Byline | None:
    """The names of a line that is only names each opened by an initial, three or more, spaces alone between."""
    if not _INITIAL_LED_LINE.fullmatch(t):
        return None
    names = tuple(re.findall(_INITIAL_LED, t))
    return Byline(names, len(t), False) if all(map(_name_ok, names)) else None


def _read_names(t: str, pos: int) -> Byline | None:
    names: list[str] = []
    marked = False
    while pos < len(t):
        pos += len(t[pos:]) - len(t[pos:].lstrip())
        m = _name_pattern().match(t, pos)
        if not m:
            break
        after, mk = _skip_marks(t, m.end())
        # a short word that is rarely a name is one where the names before it and it carry marks ("Da He1"),
        # or opens a name of three words after two names or more ("Tae Gon Kim, In Bo Hahn")
        short = " ".join(w for w in m.group("name").split() if len(w) > 2)
        if not _name_ok(m.group("name")) and not (len(names) >= 2 and _name_ok(short) and (
                (mk and marked) or len(m.group("name").split()) == 3)):
            break
        names.append(m.group("name"))
        pos = after
        marked = marked or mk
        sep = _SEPARATOR.match(t, pos)
        if not sep:
            break
        pos, mk = _skip_marks(t, sep.end())
        marked = marked or mk
        sep = _SEPARATOR.match(t, pos)  # "Ana Ruiz,1,2 and Li Wei": a separator after the markers
        pos = sep.end() if sep else pos
    if not names or (len(names) == 1 and not marked):
        return None
    return Byline(tuple(names), pos, marked)


def _is_initials(token: str) -> bool:
    return bool(re.fullmatch(rf"{_BARE_INITIALS}|{_INITIAL}", token))


def is_name_part(token: str) -> bool:
    """An initial ("J.", "J.-P.", "Y") or a suffix ("Jr.", "III") of a name, never a word in capitals
    ("CT")."""
    return bool(re.fullmatch(rf"{_INITIAL}|[A-Z]|(?:Jr|Sr)\.?|I{{2,3}}|IV", token))


def names_surname_first(names: list[str] | tuple[str, ...]) -> bool:
    """Whether a byline prints family names first ("Zhao Minghui, Sun Jiaqi").

    Each two-part name votes: a known first-printed family name before a name that is not one votes
    yes, the reverse votes no. A middle initial between two names ("Rhys J Pritchard", given name first)
    votes no as well; it never counts among the two-part names. Ties and no votes mean given name first.
    Yes must also come from a quarter of the two-part names at least: one given name that is also such a
    family name ("Ko Hashimoto" among six Japanese names printed given name first) does not turn the
    byline round.
    """
    families = _names()["surname_first"]
    votes = yes = two_part = 0
    for name in names:
        toks = name.split()
        if len(toks) == 3 and is_name_part(toks[1]) and not any(map(is_name_part, (toks[0], toks[2]))):
            votes -= 1
        if len(toks) != 2 or _is_initials(toks[-1]):
            continue
        two_part += 1
        first, last = (t.lower() in families for t in toks)
        yes += first and not last
        votes += (first and not last) - (last and not first)
    return votes > 0 and 4 * yes >= two_part


def surname(name: str, surname_first: bool = False) -> str:
    """The family name in one printed name: "Chia-Hui Chen" -> "Chen", "Chen CH" -> "Chen",
    "ZHAO Minghui" -> "Zhao", "Zhao, Minghui" -> "Zhao", "Sun Jiaqi" (surname_first) -> "Sun",
    "Jan van Dijk" -> "van Dijk"."""
    if "," in name:  # "Zhao, Minghui" and "Zhao, M." put the family name first
        return name.split(",", 1)[0].strip()
    toks = [t for t in name.split() if re.search(r"[^\W\d_]", t)]  # not the marks: "Masami Sato [1]"
    if not toks:
        return ""
    if len(toks) > 1 and re.fullmatch(_CAPS_FAMILY, toks[-1]) and not re.fullmatch(_CAPS, toks[0]):
        return _capitalised(toks[-1])  # "Sang Bum JANG"
    if len(toks) > 1 and _is_initials(toks[-1]):
        return " ".join(t for t in toks[:-1] if not _is_initials(t)) or toks[0]
    if len(toks) > 1 and re.fullmatch(_CAPS, toks[0]) and not re.fullmatch(_CAPS, toks[-1]) \
            and (surname_first or (len(toks[0]) > 2 and re.search("[AEIOUY]", toks[0]))):
        # "ZHAO Minghui"; "JM Louppe", "SY Park": initials
        return _capitalised(toks[0])
    if surname_first:
        return toks[0]
    particles = _names()["particles"]
    i = len(toks) - 1
    while i > 0 and toks[i - 1].lower() in particles and not is_name_part(toks[i - 1]):
        i -= 1  # "Jan van Dijk"; not the initial of "Chao Y Gu"
    return " ".join(toks[i:])


def first_author_surname(names: list[str] | tuple[str, ...]) -> str | None:
    """Family name of the first of a byline's names, reading the byline's name order."""
    return surname(names[0], names_surname_first(names)) if names else None


# --- titles ---------------------------------------------------------------------------------

def split_run_in_title(text: str, max_words: int = 25) -> tuple[str, str] | None:
    """("Cement leak after kyphoplasty", "A 70-year-old man ...") when a title runs into the first
    sentence without a break: title words, then a sentence opener ("A", "An", "The", "We" ...)
    followed by a lower-case word or a number, where no sentence can start in English."""
    t = " ".join(text.split())
    if not t[:1].isupper():
        return None
    for m in _TITLE_RUN_IN.finditer(t):
        head = t[:m.start()]
        words = head.split()
        if len(words) > max_words or re.search(r"[.!?;]\s", head):
            return None
        if len(words) < 3 or words[-1].lower().strip("()") in _OPEN_ENDINGS:
            continue
        rest = t[m.end():]
        return (head, rest) if len(rest.split()) >= 8 else None
    return None


# --- embedded JSON records ------------------------------------------------------------------

def _lookup(obj: dict[str, Any], *keys: str) -> Any:
    lowered = {k.lower().replace("_", "").replace("-", ""): v for k, v in obj.items()}
    for key in keys:
        v = lowered.get(key)
        if v not in (None, "", [], {}):
            return v
    return None


def _text_of(value: Any) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = _lookup(value, "name", "title", "value")
    return " ".join(str(value).split()) if value not in (None, "") else None


def _author_names(value: Any) -> tuple[list[str], str | None]:
    """Names and, when the record says so, the first author's family name."""
    if isinstance(value, str):
        return [n.strip() for n in re.split(r"\s*[,;]\s*", value) if n.strip()], None
    names, first = [], None
    for item in value if isinstance(value, list) else []:
        if isinstance(item, str):
            names.append(item.strip())
        elif isinstance(item, dict):
            family = _lookup(item, "family", "lastname", "surname")
            given = _lookup(item, "given", "firstname", "forename")
            full = _lookup(item, "name", "fullname")
            names.append(str(full or " ".join(str(p) for p in (given, family) if p)))
            if family and first is None and len(names) == 1:
                first = str(family)
    return [n for n in names if n], first


def _year_of(value: Any) -> int | None:
    if isinstance(value, dict):
        parts = _lookup(value, "dateparts")
        value = parts[0][0] if parts and parts[0] else None
    if isinstance(value, int):
        return value if 1900 <= value <= 2100 else None
    return date_year(str(value)) if value else None


def looks_like_record(obj: Any) -> bool:
    """Whether a JSON value is a bibliographic record (it has a title, a DOI or authors)."""
    return isinstance(obj, dict) and _lookup(obj, "title", "doi", "authors", "author") is not None


def record_metadata(obj: dict[str, Any]) -> dict[str, Any]:
    """Title, authors, first author, journal, year, DOI, PMID, PMCID and abstract of a JSON record
    (Semantic Scholar, Crossref/CSL and similar exports)."""
    authors, first = _author_names(_lookup(obj, "authors", "author", "creators") or [])
    doi = _text_of(_lookup(obj, "doi"))
    year = None
    for key in ("year", "publicationyear", "publicationdate", "pubdate", "published", "issued",
                "publishedprint", "publishedonline", "date", "epubdate"):
        year = _year_of(_lookup(obj, key))
        if year:
            break
    pmcid = _text_of(_lookup(obj, "pmcid"))
    return {
        "title": _text_of(_lookup(obj, "title", "articletitle")),
        "authors": authors,
        "first_author": first or first_author_surname(authors),
        "journal": _text_of(_lookup(obj, "journal", "containertitle", "journaltitle", "periodicalname",
                                     "venue", "source")),
        "year": year,
        "doi": normalize_doi(doi) if doi and _DOI.search(doi) else None,
        "pmid": _text_of(_lookup(obj, "pmid")),
        "pmcid": pmcid.upper() if pmcid else None,
        "abstract": _text_of(_lookup(obj, "abstract")),
    }
