"""Rules' regexes compiled from code saved with the built pipeline.

`re.compile` parses a pattern and writes its matching code in Python; for the rules a short paper
tries, about a tenth of a CPU second of every start of leakmine. The code it writes depends only on
the pattern, its flags and the regex engine's version, so it is kept with the pipeline's other
analyses (nlp/analyses.py, whose file is passed over under another Python or engine) and handed back
to the engine (`_sre.compile`, which checks it) at the next start. The standard library has no public
way to do this; `re.compile` is used wherever the saved code is missing, malformed or refused.
"""

from __future__ import annotations

import _sre
import base64
import re
from array import array
from dataclasses import dataclass
from re import _compiler as sre_compiler  # the standard library's own regex compiler
from re import _parser as sre_parser
from typing import Any

from leakmine.nlp import analyses

_CODE = "I"  # the array type of a code word (`_sre.CODESIZE`, 4 on CPython, is in the analyses' hash)


@dataclass(frozen=True)
class _Compiled:
    """What `_sre.compile` takes besides the pattern."""

    flags: int
    code: list[int]
    groups: int
    groupindex: dict[str, int]

    def encode(self) -> list[Any]:
        return [self.flags, base64.b64encode(array(_CODE, self.code).tobytes()).decode("ascii"),
                self.groups, self.groupindex]

    @classmethod
    def decode(cls, saved: list[Any]) -> _Compiled:
        flags, code, groups, groupindex = saved
        return cls(flags, array(_CODE, base64.b64decode(code)).tolist(), groups, groupindex)


def _compile(pattern: str, flags: int) -> _Compiled:
    """What `re._compiler.compile` hands `_sre.compile`."""
    parsed = sre_parser.parse(pattern, flags)
    code = sre_compiler._code(parsed, flags)
    return _Compiled(flags | parsed.state.flags, list(code), parsed.state.groups, dict(parsed.state.groupdict))


def compiled(source: analyses.Source) -> re.Pattern[str]:
    """`re.compile(source.pattern, source.flags)`, from the saved code when there is some; by
    `re.compile` itself where the saved code is malformed or refused, or the standard library's
    compiler is not what this module reads."""
    pattern, flags = source.pattern, int(source.flags)
    try:
        made = analyses.remembered("compiled", source, lambda: _compile(pattern, flags), _Compiled.encode,
                                   _Compiled.decode)
        indexgroup = [None] * made.groups
        for name, index in made.groupindex.items():
            indexgroup[index] = name
        return _sre.compile(pattern, made.flags, made.code, made.groups - 1, made.groupindex, tuple(indexgroup))
    except (RuntimeError, TypeError, ValueError, KeyError, IndexError, AttributeError):
        return re.compile(pattern, flags)
