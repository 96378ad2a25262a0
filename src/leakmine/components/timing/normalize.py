"""When something began after a procedure: "immediately after surgery" -> 0 days, "3 days later" -> 3,
"on postoperative day 2" -> 2, "the next day" -> 1, "2 weeks after" -> 14 (pure functions)."""

from __future__ import annotations

import re

from leakmine.nlp.numbers import as_number, parse_number, parse_ordinal, to_days, unit_name

_AGGREGATE_BEFORE = re.compile(r"\b(?:mean|average|median|on\s+average|averaged?)\b[^.;]{0,25}$",
                               re.IGNORECASE)
_DURATION_BEFORE = re.compile(r"\b(?:for|lasting|lasted|persisting|persisted|during|over)\s+(?:the\s+)?"
                              r"(?:(?:first|next|past|last)\s+)?$", re.IGNORECASE)
_FOLLOW_UP_BEFORE = re.compile(r"follow[\s‐-]*ups?\b[^.;]{0,30}$", re.IGNORECASE)
_ONSET_VERB = re.compile(r"\b(?:observed|noted|noticed|developed|occurred|appeared|emerged|experienced|"
                         r"complained|presented|suffered|began|started|felt|showed)\b", re.IGNORECASE)
# What a delay counted from an operation names: "2 days after the procedure", "... after PVP".
_OPERATION = re.compile(r"procedure|surgery|surgical|operation|operative|plasty|\b(?:P?VP|PKP|BKP|KP|PLIF|TLIF|PLF|"
                        r"ALIF|XLIF|OLIF|ACDF)\b|fusion|arthrodesis|discectomy|laminectomy|decompression|osteotomy|"
                        r"injection|augmentation|instrumentation|fixation", re.IGNORECASE)
# What a delay counted from the injury names: "4 days after the injury", "a week after the fall" (before
# the operation, so no onset of its complication).
_INJURY = re.compile(r"\b(?:injury|injuries|fall|accident|fracture)\b", re.IGNORECASE)  # not "trauma" (of surgery)
_NOT_ONSET = re.compile(r"\b(?:reliev\w*|relief|improv\w*|resol\w*|recover\w*|remov\w*|disappear\w*|"
                        r"no|not|without|never|normal|average|mean|median|time|within|if|should|may|might|"
                        r"could|would|can|risk\w*)\b", re.IGNORECASE)


_WITHIN_THE_HOUR = 1 / 24


def onset_value(days: float | None) -> str:
    """"immediate" for day 0 or minutes after ("10 minutes after the injection"), else "delayed" (also an hour
    or more after, and when the delay is not stated in days). `days` of a range is its end."""
    return "immediate" if days is not None and days < _WITHIN_THE_HOUR else "delayed"


def delay_days(groups: dict[str, str | None], fixed_days: float | None = None) -> float | None:
    """Days named by a timing match's groups: `num` + `unit`, or `ordinal` (+ `unit`, days when none), or a
    rule's fixed number of days; None when the delay is vague ("several days later"), a range or a
    summary with its spread ("13 months (range 8-17 months) after")."""
    if fixed_days is not None:
        return float(fixed_days)
    if groups.get("num2") or groups.get("spread"):
        return None
    if groups.get("ordinal"):
        n = parse_ordinal(groups["ordinal"])
        unit = unit_name(groups.get("unit") or "day")
        return to_days(n, unit) if n is not None and unit is not None else None
    if groups.get("num"):
        n = parse_number(groups["num"])
        unit = unit_name(groups.get("unit") or "day")
        if n is None or unit is None:
            return None
        days = to_days(n, unit)
        return 0.0 if days < _WITHIN_THE_HOUR else days  # minutes after: the operating day's end, day 0
    return None


def is_duration(text: str, start: int) -> bool:
    """True when the phrase at `start` measures how long something lasted ("for 3 days after")."""
    return bool(_DURATION_BEFORE.search(text[max(0, start - 30):start]))


def clause_start(text: str, start: int) -> int:
    """Where the clause holding `start` begins (after the last ".", ";", ":" within 150 characters)."""
    lo = max(0, start - 150)
    ends = [m.end() for m in re.finditer(r"[.;:!?]\s", text[lo:start])]
    return lo + (ends[-1] if ends else 0)


def is_onset_clause(text: str, start: int) -> bool:
    """True when the clause before `start` reports something new ("weakness was observed [after the
    procedure]") rather than an improvement, an absence, a group average or a possibility."""
    clause = text[clause_start(text, start):start]
    return bool(_ONSET_VERB.search(clause)) and not _NOT_ONSET.search(clause)


def timing_attrs(text: str, start: int, groups: dict[str, str | None], days: float | None,
                 rule_attrs: dict[str, object]) -> dict[str, object]:
    """attrs of a TIMING mention: days, anchor, reference (what it is counted from), whether that is an
    operation (`from_operation`) or the injury (`from_injury`) and flags."""
    before = text[max(0, start - 40):start]
    anchor = re.sub(r"\s+", " ", (groups.get("anchor") or str(rule_attrs.get("anchor", ""))).lower())
    attrs: dict[str, object] = {**{k: v for k, v in rule_attrs.items() if k != "days"},
                                "days": days, "anchor": anchor}
    number = parse_number(groups.get("num") or "")
    unit = unit_name(groups.get("unit") or "")
    if number is not None and unit:
        attrs["number"], attrs["unit"] = as_number(number), unit
    high = parse_number(groups.get("num2") or "")
    if number is not None and high is not None and unit:
        attrs["days_min"], attrs["days_max"] = to_days(number, unit), to_days(high, unit)
    if groups.get("ref"):
        attrs["reference"] = re.sub(r"\s+", " ", groups["ref"].strip())
        attrs["from_operation"] = bool(_OPERATION.search(attrs["reference"]))
        attrs["from_injury"] = not attrs["from_operation"] and bool(_INJURY.search(attrs["reference"]))
    if _AGGREGATE_BEFORE.search(before):
        attrs["aggregate"] = True
    if _FOLLOW_UP_BEFORE.search(before):
        attrs["follow_up"] = True
    return attrs
