"""Character and line clean-up shared by the PDF and plain-text readers (pure functions).

`fix_chars` repairs what typesetting leaves in extracted text (ligatures, soft hyphens, odd spaces
and dashes); `join_wrapped` rejoins the hard-wrapped lines of one paragraph, undoing end-of-line
hyphenation without breaking level and number notation ("T12-" + "L2" stays "T12-L2").
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Collection
from functools import lru_cache
from importlib import resources
from re import _casefix  # the letters `re` equates beyond simple lower-casing
from string import ascii_lowercase

LIGATURES = {"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl",
             "\ufb05": "st", "\ufb06": "st"}
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff"
_SPACES = re.compile("[\xa0\u2000-\u200a\u202f\u205f\u3000]")
# Hyphen-like characters other than "-", "–" and "—": hyphen, non-breaking hyphen, figure dash,
# horizontal bar, minus sign, small and full-width hyphen-minus.
_ODD_DASH = "\u2010\u2011\u2012\u2015\u2212\ufe58\ufe63\uff0d"
_ODD_DASH_RE = re.compile(f"[{_ODD_DASH}]")
_NUMBER_JOIN = re.compile(rf"(?<=\d)\s?[{_ODD_DASH}]\s?(?=[A-Za-z]{{0,2}}\d)")
_SOFT_BREAK = re.compile(r"\xad[ \t]*\r?\n[ \t]*")
# Spacing accents that PDFs print after their letter ("Waldenstro\u00a8m", "Sa\u02dco") -> the combining
# accent, for the letters that take it in names and loanwords.
_ACCENTS = {"\u00a8": ("\u0308", "aeiouyAEIOUY"), "\u00b4": ("\u0301", "aeiouycnAEIOUYCN"),
            "\u0060": ("\u0300", "aeiouAEIOU"), "\u02c6": ("\u0302", "aeiouAEIOU"),
            "\u02dc": ("\u0303", "aonAON"), "\u00b8": ("\u0327", "cC"), "\u02c7": ("\u030c", "cszrneCSZRNE"),
            "\u02da": ("\u030a", "auAU")}
_ACCENT = re.compile("[" + "".join(_ACCENTS) + "]")
_ACCENTED = re.compile(f"([A-Za-z])({_ACCENT.pattern})")
# The letters outside ASCII that `re` equates with an ASCII one when it ignores case (dotless "\u0131"
# with "i", long "\u017f" with "s").
_RE_ALIASES = re.compile("[" + "".join(
    chr(c) for k, v in _casefix._EXTRA_CASES.items() if k < 128 for c in v if c > 127) + "]")
# Every character one of the repairs below starts from.
_FIXABLE = re.compile("[" + "".join(LIGATURES) + "\xad" + _INVISIBLE + _SPACES.pattern[1:-1] + _ODD_DASH
                      + "".join(_ACCENTS) + "]")
_LINE_HYPHENS = "-\u2010\u2011"
_EDGE_PUNCT = "()[]{}\"'\u201c\u201d\u2018\u2019,.;:!?"


def fix_chars(text: str) -> str:
    """Ligatures spelled out, soft hyphens and zero-width marks dropped, odd spaces made plain,
    spacing accents after a letter joined to it ("e\u00b4" -> "\u00e9").

    Odd dashes become an en dash where they join numbers or levels ("3\u20125", "T12\u2010L2") and a
    plain hyphen elsewhere ("X\u2010ray").
    """
    if not _FIXABLE.search(text):
        return text
    for lig, plain in LIGATURES.items():
        text = text.replace(lig, plain)
    if "\xad" in text:
        text = _SOFT_BREAK.sub("", text).replace("\xad", "")
    for ch in _INVISIBLE:
        text = text.replace(ch, "")
    text = _SPACES.sub(" ", text)
    if _ODD_DASH_RE.search(text):
        text = _ODD_DASH_RE.sub("-", _NUMBER_JOIN.sub("\u2013", text))
    return _ACCENTED.sub(_compose, text) if _ACCENT.search(text) else text


def folded(text: str) -> str | None:
    """`text` lower-cased, when that lower-cases it letter for letter as `re` ignores case (no dotted
    "\u0130", dotless "\u0131" or long "\u017f", which `re` equates with "i" and "s"), else None: a
    literal a case-insensitive pattern needs is then looked up in it."""
    if text.isascii():
        return text.lower()
    low = text.lower()
    return low if len(low) == len(text) and not _RE_ALIASES.search(text) else None


def _compose(m: re.Match[str]) -> str:
    letter, accent = m.groups()
    combining, letters = _ACCENTS[accent]
    return unicodedata.normalize("NFC", letter + combining) if letter in letters else m.group(0)


@lru_cache(maxsize=1)
def _hyphenation() -> dict[str, frozenset[str]]:
    data = json.loads(resources.files(__package__).joinpath("hyphenation.json").read_text(encoding="utf-8"))
    return {k: frozenset(v) for k, v in data.items() if isinstance(v, list)}


def keeps_hyphen(fragment: str, continuation: str, known: Collection[str] = ()) -> bool:
    """Whether "fragment-" at a line end followed by `continuation` is a real hyphen, not a word break.

    Numbers and levels ("T12-" "L2", "3-" "5"), capitalised or digit continuations ("non-" "Hodgkin"),
    acronyms ("MRI-" "guided") and known compounds ("follow-" "up") keep it. `known` holds the words
    and hyphenated compounds (lower-case) the same text prints within its lines: a joined word found
    there ("tendon") drops the hyphen; a compound found there ("high-speed"), or two words of three
    letters or more found there on their own ("left" "side"), keep it.
    """
    frag = fragment.lstrip(_EDGE_PUNCT)
    cont = continuation.strip(_EDGE_PUNCT)
    if not frag or not cont or not frag[-1].isalnum():
        return True
    if any(c.isdigit() for c in frag) or cont[0].isdigit() or cont[0].isupper() or frag.isupper():
        return True
    low_frag, low_cont = frag.lower(), cont.lower()
    if known and f"{low_frag}{low_cont}" in known:
        return False
    lexicon = _hyphenation()
    last, head = low_frag.rsplit("-", 1)[-1], low_cont.split("-", 1)[0]
    if last in lexicon["first"] or head in lexicon["second"] or f"{low_frag}-{low_cont}" in known:
        return True
    words = (last, head)
    return all(w in known and len(w) >= 3 and w not in lexicon["function_words"] for w in words)


def _join(left: str, right: str, known: Collection[str]) -> str:
    if left.endswith("\xad"):
        return left[:-1] + right
    last = left[-1]
    if last in _LINE_HYPHENS:
        body = left[:-1]
        if not body or not body[-1].isalnum():  # a dash standing alone: "pain -" + "worse"
            return f"{left} {right}"
        fragment = body.rsplit(None, 1)[-1]
        following = right.split(None, 1)[0]
        if following in ("and", "or", "to", "nor"):  # a suspended hyphen: "first- and second-line"
            return f"{left} {right}"
        if keeps_hyphen(fragment, following, known):
            return f"{body}-{right}"
        return body + right
    if last in "\u2013\u2014/" and left[-2:-1].strip():
        return left + right
    if known and _lost_hyphen(left, right, known):
        return left + right
    return f"{left} {right}"


def _lost_hyphen(left: str, right: str, known: Collection[str]) -> bool:
    """Whether a line ends inside a word whose hyphen the text layer lost ("in" + "volvement"): the
    joined word is printed elsewhere in the text and the line's first word is no word of it."""
    fragment = left[len(left.rstrip(ascii_lowercase)):]  # read from the end: `left` is the paragraph so far
    following = re.match(r"[a-z]{3,}", right)
    if not fragment or not following or right[following.end():following.end() + 1].isalpha():
        return False
    return f"{fragment}{following.group()}" in known and following.group() not in known


def join_wrapped(lines: list[str], known: Collection[str] = ()) -> str:
    """Hard-wrapped lines of one paragraph -> one string, with end-of-line hyphenation undone.

    `known` holds words and hyphenated compounds (lower-case) the same text prints within its lines
    (see `text_words`); they decide line-end hyphens that spelling alone cannot.
    """
    out = ""
    for line in lines:
        line = line.strip()
        if line:
            out = _join(out, line, known) if out else line
    return out


def text_words(lines: list[str]) -> frozenset[str]:
    """Lower-case words and hyphenated compounds printed within lines (not split by a line end), and the
    parts of those compounds: the evidence `join_wrapped` uses for line-end hyphens."""
    seen: set[str] = set()
    broken = False
    for line in lines:
        tokens = re.findall(r"[A-Za-z]+(?:-[A-Za-z]+)*-?", line)
        if tokens:  # a line's first word may end a word broken at the line end before
            tokens = tokens[1:]
        broken = line.rstrip().endswith(tuple(_LINE_HYPHENS))
        if broken and tokens:
            tokens = tokens[:-1]
        for t in tokens:
            t = t.rstrip("-").lower()
            seen.add(t)
            if "-" in t:
                seen.update(t.split("-"))
    return frozenset(seen)


_NOT_ALNUM = bytes(c for c in range(128) if not chr(c).isalnum())


def normalized(text: str) -> str:
    """Letters and digits only, lower case: how repeated paragraphs are recognised."""
    if text.isascii():
        return text.encode("ascii").lower().translate(None, _NOT_ALNUM).decode("ascii")
    return re.sub(r"[\W_]+", "", text.lower())
