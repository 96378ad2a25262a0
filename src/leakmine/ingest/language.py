"""Language of a passage, told from its script and, for Latin script, its function words.

No model: a passage mostly in Han, kana, Hangul, Cyrillic, Greek, Arabic, Hebrew, Thai or
Devanagari letters takes that script's language; a Latin passage is English unless the frequent
words of another language (language_words.json) clearly outnumber the English ones.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from functools import lru_cache
from importlib import resources

# (language, first code point, last code point); kana and Hangul are checked before Han.
_SCRIPTS = (
    ("ja", 0x3040, 0x30FF), ("ko", 0xAC00, 0xD7AF), ("ko", 0x1100, 0x11FF), ("ko", 0x3130, 0x318F),
    ("zh", 0x4E00, 0x9FFF), ("zh", 0x3400, 0x4DBF), ("zh", 0xF900, 0xFAFF),
    ("ru", 0x0400, 0x04FF), ("el", 0x0370, 0x03FF), ("ar", 0x0600, 0x06FF), ("he", 0x0590, 0x05FF),
    ("th", 0x0E00, 0x0E7F), ("hi", 0x0900, 0x097F),
)
_ANY_SCRIPT = re.compile("[" + "".join(f"{chr(lo)}-{chr(hi)}" for _, lo, hi in _SCRIPTS) + "]")
_WORD = re.compile(r"[^\W\d_]+")
_WORD_CHAR_BEYOND_ASCII = re.compile(r"[^\W\x00-\x7f]")
_ASCII_LETTERS = "".join(c if c.islower() else " " for c in map(chr, range(128)))  # a table: other characters -> " "
_MIN_WORDS = 6


@lru_cache(maxsize=1)
def _function_words() -> dict[str, frozenset[str]]:
    ref = resources.files(__package__).joinpath("language_words.json")
    data = json.loads(ref.read_text(encoding="utf-8"))
    return {lang: frozenset(words) for lang, words in data.items() if not lang.startswith("_")}


@lru_cache(maxsize=1)
def _languages_of() -> dict[str, tuple[str, ...]]:
    """Each function word -> the languages it is a function word of."""
    out: dict[str, tuple[str, ...]] = {}
    for lang, words in _function_words().items():
        for w in words:
            out[w] = (*out.get(w, ()), lang)
    return out


def script_of(ch: str) -> str | None:
    """The language whose script `ch` belongs to, "latin" for Latin letters, None for non-letters."""
    if not ch.isalpha():
        return None
    cp = ord(ch)
    if cp < 0x0250:
        return "latin"
    for lang, lo, hi in _SCRIPTS:
        if lo <= cp <= hi:
            return lang
    return "latin" if 0x1E00 <= cp <= 0x1EFF else None


def script_language(text: str, share: float = 0.3) -> str | None:
    """The non-Latin language whose letters make up at least `share` of the letters, else None.

    Japanese text mixes kana with Han, so any kana among the Han letters makes it Japanese.
    """
    if text.isascii() or not _ANY_SCRIPT.search(text):
        return None
    counts = Counter(s for s in map(script_of, text) if s)
    letters = sum(counts.values())
    if not letters:
        return None
    if counts["ja"] and counts["ja"] + counts["zh"] >= share * letters:
        return "ja"
    others = [(k, v) for k, v in counts.items() if k != "latin"]
    lang, n = max(others, key=lambda kv: kv[1], default=(None, 0))
    return lang if n >= share * letters else None


def word_language(text: str, default: str = "en") -> str:
    """English or the Latin-script language whose function words clearly dominate `text`."""
    if text.isascii() or not _WORD_CHAR_BEYOND_ASCII.search(text):  # then the rest only parts words
        words = text.encode("ascii", "replace").decode("ascii").lower().translate(_ASCII_LETTERS).split()
    else:
        words = [w.lower() for w in _WORD.findall(text)]
    if len(words) < _MIN_WORDS:
        return default
    languages_of = _languages_of()
    hits = dict.fromkeys(_function_words(), 0)
    for word, n in Counter(filter(languages_of.__contains__, words)).items():
        for lang in languages_of[word]:
            hits[lang] += n
    scores = {lang: n / len(words) for lang, n in hits.items()}
    english = scores.pop("en", 0.0)
    lang, best = max(scores.items(), key=lambda kv: kv[1])
    return lang if best >= 0.12 and best > 1.5 * english else default


def detect_language(text: str, default: str = "en") -> str:
    """ISO 639-1 code of the language `text` is written in ("en" when unsure)."""
    return script_language(text) or word_language(text, default)
