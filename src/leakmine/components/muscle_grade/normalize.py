"""MRC muscle grades in one sentence -> values with side, limb and muscle (pure functions).

A grade is accepted only in a muscle-strength context (a cue such as "strength", "power", "MRC",
"weakness" in its sentence, or "strength"/"power" in the sentence before); "normal"/"full" count
as grade 5 only when "strength" or "power" is their subject. Side, limb and muscle come from the
grade's own clause: first the words right after it ("grade 3 for the left leg"), then its clause
before it ("the right lower limb was grade 3+"), widened past commas only when that clause does
not name strength itself. Grades joined by "or"/"and" ("grade 3 or 4") share what either names,
and "respectively" hands sides out in order.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace
from importlib import resources
from typing import Any

from leakmine.nlp.rules import Match, Rule, find_matches

ROMAN = {"0": 0, "I": 1, "II": 2, "III": 3, "IV": 4, "V": 5}
MODIFIERS = {"+": "+", "-": "-", "−": "-"}
_ANATOMY_KEYS = {
    "comment", "strength_cues", "strength_nouns", "sides", "side_not_after", "side_not_before", "side_standalone_after",
    "side_followers", "limbs",
    "joints", "movements", "implied_joint", "renamed", "muscles", "hard_boundaries", "soft_boundaries",
    "trailing_stops", "trailing_attach", "respectively", "coordination",
}
_TRAILING_SPAN = 80


@dataclass(frozen=True)
class Anatomy:
    """The compiled vocabulary of anatomy.json."""

    strength_cues: re.Pattern[str]
    strength_nouns: re.Pattern[str]
    sides: tuple[tuple[str, re.Pattern[str]], ...]
    side_not_after: frozenset[str]
    side_not_before: re.Pattern[str]
    side_standalone_after: re.Pattern[str]
    side_followers: re.Pattern[str]
    limbs: tuple[tuple[str, re.Pattern[str]], ...]
    joints: tuple[tuple[str, re.Pattern[str]], ...]
    movements: tuple[tuple[str, re.Pattern[str]], ...]
    implied_joint: dict[str, str]
    renamed: dict[str, str]
    muscles: tuple[tuple[str, re.Pattern[str]], ...]
    any_muscle: re.Pattern[str]  # all regexes of muscles, joints and movements: whether a text names one
    hard: re.Pattern[str]
    soft: re.Pattern[str]
    trailing_stops: re.Pattern[str]
    trailing_attach: re.Pattern[str]
    respectively: re.Pattern[str]
    coordination: re.Pattern[str]


@dataclass(frozen=True)
class Grade:
    """One MRC grade: characters [start, end) of the sentence, value "4+", and what it is about."""

    start: int
    end: int
    value: str
    base: int
    modifier: str | None
    rule_id: str
    side: str | None = None
    limb: str | None = None
    muscle: str | None = None

    def attrs(self) -> dict[str, Any]:
        return {"base": self.base, "modifier": self.modifier, "scale": "MRC", "side": self.side,
                "limb": self.limb, "muscle": self.muscle}


@dataclass(frozen=True)
class Found:
    """A side, limb, joint, movement or muscle named at [start, end)."""

    start: int
    end: int
    kind: str
    name: str


def _union(patterns: list[str], where: str) -> re.Pattern[str]:
    if not isinstance(patterns, list) or not patterns or not all(isinstance(p, str) and p for p in patterns):
        raise ValueError(f"anatomy {where}: expected a non-empty list of regexes")
    try:
        return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)
    except re.error as e:
        raise ValueError(f"anatomy {where}: bad regex ({e})") from e


def _named(table: dict[str, list[str]], where: str) -> tuple[tuple[str, re.Pattern[str]], ...]:
    if not isinstance(table, dict) or not table:
        raise ValueError(f"anatomy {where}: expected an object of name -> regexes")
    return tuple((name, _union(patterns, f"{where}.{name}")) for name, patterns in table.items())


def _words(words: list[str], where: str) -> list[str]:
    if not isinstance(words, list) or not all(isinstance(w, str) and w.strip() for w in words):
        raise ValueError(f"anatomy {where}: expected a list of words")
    return words


def _mapping(table: dict[str, str], where: str) -> dict[str, str]:
    if not isinstance(table, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in table.items()):
        raise ValueError(f"anatomy {where}: expected an object of names")
    return dict(table)


def parse_anatomy(data: dict[str, Any]) -> Anatomy:
    """Validate and compile the anatomy vocabulary; any unknown or missing key is an error."""
    if not isinstance(data, dict) or set(data) != _ANATOMY_KEYS:
        keys = set(data) if isinstance(data, dict) else set()
        raise ValueError(f"anatomy: unknown keys {sorted(keys - _ANATOMY_KEYS)}, "
                         f"missing keys {sorted(_ANATOMY_KEYS - keys)}")
    sides = _named(data["sides"], "sides")
    if {name for name, _ in sides} != {"left", "right", "bilateral"}:
        raise ValueError("anatomy sides: must be exactly left, right and bilateral")
    limbs = _named(data["limbs"], "limbs")
    if not {name for name, _ in limbs} <= {"lower", "upper"}:
        raise ValueError("anatomy limbs: only lower and upper")
    joints, movements = _named(data["joints"], "joints"), _named(data["movements"], "movements")
    implied = _mapping(data["implied_joint"], "implied_joint")
    if not all(m in dict(movements) and j in dict(joints) for m, j in implied.items()):
        raise ValueError("anatomy implied_joint: maps a movement to a joint, both named above")
    return Anatomy(
        strength_cues=_union(data["strength_cues"], "strength_cues"),
        strength_nouns=_union(data["strength_nouns"], "strength_nouns"),
        sides=sides,
        side_not_after=frozenset(w.lower() for w in _words(data["side_not_after"], "side_not_after")),
        side_not_before=re.compile(r"^[\s-]*(?:" + _union(data["side_not_before"], "side_not_before").pattern + r")\b",
                                   re.IGNORECASE),
        side_standalone_after=re.compile(r"\b(?:" + "|".join(
            re.escape(p).replace(r"\ ", r"\s+") for p in _words(data["side_standalone_after"], "side_standalone_after")
        ) + r")\s+$", re.IGNORECASE),
        side_followers=_union(data["side_followers"], "side_followers"),
        limbs=limbs, joints=joints, movements=movements,
        implied_joint=implied, renamed=_mapping(data["renamed"], "renamed"),
        muscles=_named(data["muscles"], "muscles"),
        any_muscle=_union([p for key in ("muscles", "joints", "movements") for ps in data[key].values() for p in ps],
                          "muscles, joints and movements"),
        hard=_union(data["hard_boundaries"], "hard_boundaries"),
        soft=_union(data["soft_boundaries"], "soft_boundaries"),
        trailing_stops=_union(data["trailing_stops"], "trailing_stops"),
        trailing_attach=_union(data["trailing_attach"], "trailing_attach"),
        respectively=_union([data["respectively"]], "respectively"),
        coordination=_union([data["coordination"]], "coordination"),
    )


def load_anatomy(package: str, resource: str = "anatomy.json") -> Anatomy:
    ref = resources.files(package).joinpath(resource)
    return parse_anatomy(json.loads(ref.read_text(encoding="utf-8")))


def grade_value(base: str, modifier: str | None = None) -> tuple[str, int, str | None]:
    """("4", "+") -> ("4+", 4, "+"); ("IV", None) -> ("4", 4, None); "−" counts as "-"."""
    n = ROMAN[base.upper()] if base.upper() in ROMAN and not base.isdigit() else int(base)
    if not 0 <= n <= 5:
        raise ValueError(f"not an MRC grade: {base!r}")
    mod = MODIFIERS.get(modifier or "")
    return f"{n}{mod or ''}", n, mod


# --- what a stretch of text names ---------------------------------------------------------------

def _valid_side(text: str, m: re.Match[str], anatomy: Anatomy) -> bool:
    """A side word that describes a limb, a muscle, a side, or stands alone ("on the left",
    "bilaterally"); not the verb "left", not "right after", not the side of some other thing
    ("the left L5 pedicle screw")."""
    word = m.group().lower()
    before = text[max(0, m.start() - 20):m.start()]
    words = re.findall(r"[A-Za-z]+", before)
    if words and words[-1].lower() in anatomy.side_not_after and word in ("left", "right"):
        return False
    after = text[m.end():]
    if anatomy.side_not_before.match(after[:25]):
        return False
    if word not in ("left", "right", "bilateral") or anatomy.side_standalone_after.search(before):
        return True
    return bool(anatomy.side_followers.match(after) or _body_start(after, anatomy, sides=False))


def find_sides(text: str, anatomy: Anatomy, single: bool = False) -> list[Found]:
    """Sides named in `text`; with `single`, only "left"/"right" words (for "respectively")."""
    out: list[Found] = []
    for name, pattern in anatomy.sides:
        if single and name == "bilateral":
            continue
        for m in pattern.finditer(text):
            if _valid_side(text, m, anatomy) and all(m.end() <= f.start or m.start() >= f.end for f in out):
                out.append(Found(m.start(), m.end(), "side", name))
    return sorted(out, key=lambda f: f.start)


def _find_named(text: str, table: tuple[tuple[str, re.Pattern[str]], ...], kind: str) -> list[Found]:
    out: list[Found] = []
    for name, pattern in table:
        for m in pattern.finditer(text):
            if all(m.end() <= f.start or m.start() >= f.end for f in out):
                out.append(Found(m.start(), m.end(), kind, name))
    return sorted(out, key=lambda f: f.start)


def find_limbs(text: str, anatomy: Anatomy) -> list[Found]:
    return _find_named(text, anatomy.limbs, "limb")


def _muscle_name(joint: str, movement: str, anatomy: Anatomy) -> str:
    name = f"{joint} {movement}"
    return anatomy.renamed.get(name, name)


def find_muscles(text: str, anatomy: Anatomy) -> list[Found]:
    """Muscles and movements named in `text`, each as "muscle" (complete name) or "movement"/"joint".

    "ankle dorsiflexors", "dorsiflexion of the left ankle" and a lone "dorsiflexion" (an ankle
    movement) are "ankle dorsiflexion"; a lone "flexion" is a movement, a lone "knee" a joint.
    """
    if not anatomy.any_muscle.search(text):
        return []
    muscles = _find_named(text, anatomy.muscles, "muscle")

    def free(found: Found) -> bool:
        return all(found.end <= f.start or found.start >= f.end for f in muscles)

    joints = [j for j in _find_named(text, anatomy.joints, "joint") if free(j)]
    moves = [m for m in _find_named(text, anatomy.movements, "movement") if free(m)]
    out = list(muscles)
    used: set[Found] = set()
    for mv in moves:
        partner = next((j for j in joints if j not in used and (
            re.fullmatch(r"[\s-]*", text[j.end:mv.start])
            or re.fullmatch(r"\s+(?:of|at|in)\s+(?:the\s+)?(?:(?:left|right|bilateral|both)\s+)?", text[mv.end:j.start])
        )), None)
        if partner is not None:
            used.add(partner)
            out.append(Found(min(partner.start, mv.start), max(partner.end, mv.end), "muscle",
                             _muscle_name(partner.name, mv.name, anatomy)))
        elif mv.name in anatomy.implied_joint:
            out.append(Found(mv.start, mv.end, "muscle", _muscle_name(anatomy.implied_joint[mv.name], mv.name, anatomy)))
        else:
            out.append(mv)
    out.extend(j for j in joints if j not in used)
    return sorted(out, key=lambda f: f.start)


# --- which grades a sentence states ------------------------------------------------------------

def _candidates(matches: list[Match]) -> list[tuple[Grade, Match]]:
    out = []
    for m in matches:
        g = m.groups
        start, end = m.group_spans.get("g", (m.start, m.end))
        base = m.rule.value or g.get("base") or g.get("roman")
        if base is None:
            continue
        value, n, mod = grade_value(base, g.get("mod"))
        out.append((Grade(start, end, value, n, mod, m.rule.id), m))
        if g.get("g2") and g.get("base2"):
            s2, e2 = m.group_spans["g2"]
            value2, n2, mod2 = grade_value(g["base2"], g.get("mod2"))
            out.append((Grade(s2, e2, value2, n2, mod2, m.rule.id), m))
    return out


def _one_per_grade(found: list[tuple[Grade, Match]]) -> list[tuple[Grade, Match]]:
    """Overlapping candidates keep the longest (then the earliest rule)."""
    kept: list[tuple[Grade, Match]] = []
    for gr, m in sorted(found, key=lambda gm: (gm[0].start - gm[0].end, gm[0].start)):
        if all(gr.end <= k.start or gr.start >= k.end for k, _ in kept):
            kept.append((gr, m))
    return sorted(kept, key=lambda gm: gm[0].start)


def _restated(sentence: str, grades: list[Grade]) -> list[Grade]:
    """Drops a grade that only restates the one before it in brackets ("full (5/5)", "grade 4 (4/5)")."""
    out: list[Grade] = []
    for gr in grades:
        if out and out[-1].value == gr.value and re.fullmatch(r"[\s(\[]*", sentence[out[-1].end:gr.start]):
            continue
        out.append(gr)
    return out


def _last_end(pattern: re.Pattern[str], text: str, start: int, end: int) -> int:
    ends = [m.end() for m in pattern.finditer(text, start, end) if m.end() <= end]
    return max(ends, default=start)


def _first_start(patterns: list[re.Pattern[str]], text: str, start: int, end: int) -> int:
    starts = [m.start() for p in patterns for m in [p.search(text, start, end)] if m]
    return min(starts, default=end)


@dataclass(frozen=True)
class _Windows:
    trailing: tuple[int, int]
    near: tuple[int, int]
    wide: tuple[int, int]


def _body_start(text: str, anatomy: Anatomy, sides: bool = True) -> bool:
    """Whether `text` begins by naming a limb, joint or muscle, or (with `sides`) a side of one."""
    head = text[:60]
    found = [*find_muscles(head, anatomy), *find_limbs(head, anatomy)]
    found += find_sides(head, anatomy) if sides else []
    first = [f for f in found if not head[:f.start].strip(" \t\n()[]:-")]
    return any(f.kind != "side" or f.name == "bilateral" or _body_start(head[f.end:], anatomy) for f in first)


def _windows(sentence: str, grades: list[Grade], anatomy: Anatomy) -> list[_Windows]:
    out: list[_Windows] = []
    prev_end = 0
    for i, gr in enumerate(grades):
        nxt = grades[i + 1].start if i + 1 < len(grades) else len(sentence)
        limit = min(nxt, gr.end + _TRAILING_SPAN)
        t_end = _first_start([anatomy.hard, anatomy.soft, anatomy.trailing_stops], sentence, gr.end, limit)
        tail = sentence[gr.end:t_end]
        attached = anatomy.trailing_attach.match(tail.lstrip(" \t\n()[]:-")) or _body_start(tail, anatomy)
        trailing = (gr.end, t_end) if attached else (gr.end, gr.end)
        wide_start = _last_end(anatomy.hard, sentence, prev_end, gr.start)
        near_start = _last_end(anatomy.soft, sentence, wide_start, gr.start)
        out.append(_Windows(trailing, (near_start, gr.start), (wide_start, gr.start)))
        prev_end = trailing[1] if attached else gr.end
    return out


def _pick(sentence: str, w: _Windows, anatomy: Anatomy) -> dict[str, str | None]:
    """Side, limb and muscle of one grade from its windows: after it first, then nearest before."""
    wide_ok = not anatomy.strength_nouns.search(sentence, *w.near)
    spans = [(w.trailing, False), (w.near, True)] + ([((w.wide[0], w.near[0]), True)] if wide_ok else [])
    found: dict[str, list[Found]] = {"side": [], "limb": [], "muscle": []}
    for (a, b), backwards in spans:
        text = sentence[a:b]
        for kind, items in (("side", find_sides(text, anatomy)), ("limb", find_limbs(text, anatomy)),
                            ("muscle", find_muscles(text, anatomy))):
            found[kind].extend(reversed(items) if backwards else items)
    muscle = next((f.name for f in found["muscle"] if f.kind == "muscle"), None)
    if muscle is None:
        move = next((f.name for f in found["muscle"] if f.kind == "movement"), None)
        joint = next((f.name for f in found["muscle"] if f.kind == "joint"), None)
        muscle = _muscle_name(joint, move, anatomy) if move and joint else None
    return {"side": next((f.name for f in found["side"]), None),
            "limb": next((f.name for f in found["limb"]), None), "muscle": muscle}


def _groups(sentence: str, grades: list[Grade], anatomy: Anatomy) -> list[list[int]]:
    """Runs of grades joined only by "or", "and", "to", "-" or commas ("grade 3 or 4", "2/5 and 3/5")."""
    groups: list[list[int]] = []
    for i, gr in enumerate(grades):
        if groups and anatomy.coordination.match(sentence[grades[i - 1].end:gr.start]):
            groups[-1].append(i)
        else:
            groups.append([i])
    return groups


def _distribute(sentence: str, grades: list[Grade], group: list[int], anatomy: Anatomy) -> list[str] | None:
    """Sides handed out in order when the clause says "respectively" and names one side per grade."""
    start, end = grades[group[0]].start, grades[group[-1]].end
    stop = anatomy.hard.search(sentence, end)
    after = sentence[end:stop.start() if stop else len(sentence)]
    before = sentence[_last_end(anatomy.hard, sentence, 0, start):start]
    for text in (after, before):
        if anatomy.respectively.search(text):
            sides = [f.name for f in find_sides(text, anatomy, single=True)]
            if len(sides) == len(group):
                return sides
    return None


def attribute(sentence: str, grades: list[Grade], anatomy: Anatomy) -> list[Grade]:
    """Each grade with the side, limb and muscle its clause names.

    A grade that names none of them itself takes them from the grade before it when nothing but a
    list separator stands between them ("right hip flexion 3/5 and knee extension 4/5").
    """
    picks = [_pick(sentence, w, anatomy) for w in _windows(sentence, grades, anatomy)]
    for group in _groups(sentence, grades, anatomy):
        for key in ("side", "limb", "muscle"):
            shared = next((picks[i][key] for i in group if picks[i][key]), None)
            for i in group:
                picks[i][key] = picks[i][key] or shared
        sides = _distribute(sentence, grades, group, anatomy) if len(group) > 1 else None
        for i, side in zip(group, sides or [], strict=False):
            picks[i]["side"] = side
    for i in range(1, len(grades)):
        between = sentence[grades[i - 1].end:grades[i].start]
        if not anatomy.hard.search(between) and not anatomy.strength_nouns.search(between):
            for key in ("side", "limb", "muscle"):
                picks[i][key] = picks[i][key] or picks[i - 1][key]
    return [replace(gr, **pick) for gr, pick in zip(grades, picks, strict=True)]


def in_strength_context(sentence: str, previous: str, anatomy: Anatomy) -> bool:
    """A cue or a named muscle ("hip flexion") in the sentence, or "strength"/"power" in the one before."""
    return bool(anatomy.strength_cues.search(sentence) or anatomy.strength_nouns.search(previous)
                or any(f.kind == "muscle" for f in find_muscles(sentence, anatomy)))


def _names_strength(sentence: str, gr: Grade, since: int, anatomy: Anatomy) -> bool:
    """For "normal"/"full": strength or power is named in its clause, after any grade before it."""
    start = _last_end(anatomy.hard, sentence, since, gr.start)
    return bool(anatomy.strength_nouns.search(sentence, start, gr.start))


def find_grades(sentence: str, rules: list[Rule], anatomy: Anatomy, previous: str = "") -> list[Grade]:
    """The MRC grades one sentence states, with side, limb and muscle; offsets index `sentence`."""
    return grades_of(sentence, find_matches(sentence, rules), anatomy, previous)


def grades_of(sentence: str, matches: list[Match], anatomy: Anatomy, previous: str = "") -> list[Grade]:
    """`find_grades` from the sentence's rule matches (`find_matches`)."""
    candidates = _candidates(matches)
    if not candidates or not in_strength_context(sentence, previous, anatomy):
        return []
    kept: list[Grade] = []
    since = 0
    for gr, m in _one_per_grade(candidates):
        if m.rule.attrs.get("needs") != "strength" or _names_strength(sentence, gr, since, anatomy):
            kept.append(gr)
        since = gr.end
    kept = _restated(sentence, kept)
    return attribute(sentence, kept, anatomy) if kept else []
