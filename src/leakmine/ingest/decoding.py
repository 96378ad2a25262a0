"""Bytes -> text for every reader: which encoding a file is in, and stray control characters.

`sniff_encoding` reads a byte-order mark, else recognises UTF-32 and UTF-16 without one by where
their zero bytes fall (Latin text in UTF-16LE has a zero in every second byte), else answers UTF-8
when the bytes are valid UTF-8 and cp1252 (the Windows superset of Latin-1) when they are not.
`decode_text` decodes with it and drops control characters (a stray NUL from a broken copy or
export) with a warning, so one bad byte does not turn a paper into "binary data".
"""

from __future__ import annotations

import codecs
import logging
import re
from collections.abc import Iterable, Iterator

log = logging.getLogger(__name__)

_BOMS = (  # UTF-32 first: its little-endian mark starts with UTF-16's
    (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"), (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_PROBE = 4096
# C0 controls other than tab, line feed and carriage return, and DEL; form and line tabulations
# (page breaks in text exported from PDFs) become line breaks.
CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f]")


def bom(data: bytes) -> tuple[str, int] | None:
    """(encoding, length of the mark) for data that starts with a byte-order mark."""
    return next(((enc, len(mark)) for mark, enc in _BOMS if data.startswith(mark)), None)


def sniff_encoding(data: bytes) -> str:
    """The encoding of `data` as a Python codec name (judged from its first bytes, but for UTF-8,
    which must hold for the whole of it)."""
    marked = bom(data)
    if marked:
        return marked[0]
    wide = _wide_encoding(data[:_PROBE])
    if wide:
        return wide
    return "utf-8" if _decodes(data, "utf-8") else "cp1252"


def _wide_encoding(probe: bytes) -> str | None:
    """UTF-32 or UTF-16 (LE or BE) told by the zero bytes of mostly Latin text, else None."""
    n = len(probe) // 4 * 4
    if n >= 8:
        zeros = [probe[i:n:4].count(0) for i in range(4)]
        units = n // 4
        for enc, always, mostly in (("utf-32-le", (2, 3), 1), ("utf-32-be", (0, 1), 2)):
            if all(zeros[i] == units for i in always) and zeros[mostly] >= units * 0.6 \
                    and _decodes(probe[:n], enc):
                return enc
    n = len(probe) // 2 * 2
    if n >= 4:
        even, odd, pairs = probe[0:n:2].count(0), probe[1:n:2].count(0), n // 2
        for enc, high, low in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
            if high >= pairs * 0.6 and low <= pairs * 0.05 and _decodes(probe[:n], enc):
                return enc
    return None


def _decodes(data: bytes, encoding: str) -> bool:
    try:
        codecs.getincrementaldecoder(encoding)().decode(data, final=False)
    except UnicodeDecodeError:
        return False
    return True


def decode_head(data: bytes) -> str | None:
    """The first bytes as text (a character cut at the end is left out), None if they are not text."""
    probe = data[:65536]
    encoding = sniff_encoding(probe)
    try:
        text = codecs.getincrementaldecoder(encoding)().decode(probe, final=False)
    except UnicodeDecodeError:
        return None
    return text.lstrip("\ufeff")


def decode_text(data: bytes, path: object = "") -> str:
    """The whole text of a file, without its byte-order mark and control characters; a warning
    names the file and how many characters were dropped."""
    return clean_controls(_unmarked(data, sniff_encoding(data)), path)


def _unmarked(data: bytes, encoding: str) -> str:
    """`data` decoded, without its byte-order mark; a byte that is no character becomes U+FFFD."""
    marked = bom(data)
    return data[marked[1] if marked else 0:].decode(encoding, errors="replace")


def clean_controls(text: str, path: object = "") -> str:
    """`text` with control characters dropped (with a warning naming `path`) and page breaks as line breaks."""
    text = text.replace("\x0b", "\n").replace("\x0c", "\n")
    text, dropped = CONTROL.subn("", text)
    warn_dropped(path, dropped)
    return text


def warn_dropped(path: object, count: int) -> None:
    """Say that `count` control characters of `path` were dropped (nothing when none were)."""
    if count:
        log.warning("%s: dropped %d control character%s (NUL or other)", path, count, "s" * (count > 1))


# The encoding named in an XML declaration, and the names of the encodings the XML parser (expat)
# reads itself (an alias such as "utf8" it does not know; ASCII it knows, but refuses a byte outside it).
_DECLARED = re.compile(rb"""^(\s*<\?xml\b[^>]*?\bencoding\s*=\s*)(["'])([^"'>]*)(["'])""")
_EXPAT_NAMES = frozenset({"utf-8", "iso-8859-1"})
_XML_CONTROL = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def xml_bytes(data: bytes, path: object = "") -> bytes:
    """XML bytes the parser can read: UTF-16 and UTF-32 (with or without a byte-order mark) and
    encodings the parser does not know itself are recoded to UTF-8 (`xml_recoded`); control
    characters, which XML forbids, are dropped with a warning."""
    data, dropped = without_controls(b"".join(xml_recoded([data], path)))
    warn_dropped(path, dropped)
    return data


def xml_recoded(blocks: Iterable[bytes], path: object = "") -> Iterator[bytes]:
    """XML read in blocks, as blocks the parser can read: in UTF-8 when the file is in UTF-16, UTF-32
    or an encoding the parser does not know itself (its declaration then says UTF-8), decoded
    block by block, so a file is never held whole. The encoding is judged on the first block (at
    least 4 KiB; all of the file for `xml_bytes`): an encoding Python does not know either is read as
    UTF-8 when that block is valid UTF-8, else as cp1252, with a warning."""
    blocks = iter(blocks)
    head = b""
    for block in blocks:
        head += block
        if len(head) >= _PROBE:
            break
    encoding = _xml_encoding(head, path)
    if not encoding:
        yield head
        yield from blocks
        return
    decoder = codecs.getincrementaldecoder(encoding)(errors="replace")
    marked = bom(head)
    first = decoder.decode(head[marked[1] if marked else 0:]).encode("utf-8")
    yield _DECLARED.sub(rb"\g<1>\g<2>UTF-8\g<4>", first, count=1)
    for block in blocks:
        yield decoder.decode(block).encode("utf-8")
    yield decoder.decode(b"", final=True).encode("utf-8")


def without_controls(data: bytes) -> tuple[bytes, int]:
    """XML bytes without the control characters XML forbids (single bytes, so a file may be cleaned
    chunk by chunk), and how many there were."""
    return _XML_CONTROL.subn(b"", data)


def _xml_encoding(data: bytes, path: object) -> str | None:
    """The codec to recode `data` from, None when the parser reads it as it is."""
    marked = bom(data)
    if marked and marked[0] != "utf-8":
        return marked[0]
    wide = None if marked else _wide_encoding(data[:_PROBE])
    if wide:
        return wide
    start = marked[1] if marked else 0
    m = _DECLARED.match(data[start:start + 1024])
    if not m:
        return None
    name = m.group(3).decode("ascii", errors="replace").strip()
    try:
        codec = codecs.lookup(name).name
    except LookupError:
        codec = sniff_encoding(data)
        log.warning("%s: unknown XML encoding %r, read as %s", path, name, codec.upper())
        return codec
    if codec == "ascii":  # a stray byte outside it: read as the bytes say (UTF-8 and cp1252 both hold ASCII)
        return sniff_encoding(data)
    return None if name.lower() in _EXPAT_NAMES else codec
