"""Aggregate statistics of a group: its size ("Twenty-two patients (22/3150)"), what the group did
(an event that defines it or an outcome of it), sex counts ("9 men and 13 women", "58.3% (n=35) were
men") and age statistics ("mean age 58.4 ± 11.2", "range 45–82") (pure functions)."""

from __future__ import annotations

import json
import re
from collections import deque
from functools import cache
from importlib import resources
from typing import Any

from leakmine.nlp.numbers import as_number, parse_number

MIN_COHORT = 2
# Where a sentence (or its part before a semicolon) ends in the text the cohort rules read.
SENTENCE_BREAK = re.compile(r"[.;]\s")
_DEC = r"\d{1,3}(?:\.\d+)?"
_DASH = r"\s*(?:-|–|—|‐|~|～|∼|〜|to|and)\s*"  # "61 ~ 88": the tilde of many authors' ranges
# What a count counts: people, or things and animals (one list each, for the checks below).
_PERSONS = r"patients?|subjects?|participants?|individuals?|persons?|people|men|women|males?|females?|adults?|children"
_PEOPLE_NOUNS = rf"{_PERSONS}|cases?|cohort|incidence"  # "cases" and the rest may count vertebrae too
_THING_NOUNS = (r"cells?|animals?|rats?|mice|rabbits?|dogs?|pigs?|sheep|specimens?|samples?|cadavers?|vertebrae|"
                r"vertebral\s+bodies|(?<![-‐‑–])(?:levels?|segments?)|screws?|discs?|images?|studies|trials?|articles?|"
                r"papers?|reports?|sections?|wells?|experiments?|replicates?")
_PEOPLE = re.compile(rf"\b(?:{_PEOPLE_NOUNS})\b", re.IGNORECASE)
_COUNT_OF_PERSONS = re.compile(rf"\w\s+(?:{_PERSONS})\b", re.IGNORECASE)
_NOT_PEOPLE = re.compile(rf"\b(?:{_THING_NOUNS})\b", re.IGNORECASE)
# A count and what it counts, for `counted_people_before`.
_COUNTED = re.compile(r"\b(?:\d[\d,]*|these|those|[a-z]*(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|"
                      r"twelve|teen|ty|hundred|thousand))\s+(?:[\w-]+\s+){0,3}?"
                      rf"({_PEOPLE_NOUNS}|{_THING_NOUNS}|procedures|operations|surgeries|fractures)\b", re.IGNORECASE)
_NOT_RANGE = re.compile(r"\b(?:IQR|interquartile\s+range|(?:95\s*%\s*)?CI|confidence\s+interval)\b[^()]*",
                        re.IGNORECASE)
_IQR_LABEL = re.compile(r"\(\s*(?:IQR|interquartile\s+range)\s*\)\s*age\b", re.IGNORECASE)
# "mean (SD) age of 61.3 (8.2)", "mean age (SD) 61.3 (8.2)": the lone number after the value is its SD
_SD_LABEL = re.compile(r"\(\s*(?:±\s*)?(?:SD|standard\s+deviation)\s*\)\s*age\b|\bage\s*\(\s*(?:±\s*)?(?:SD|standard\s+deviation)\s*\)",
                       re.IGNORECASE)
_BARE_SD = re.compile(rf"^\s*(?:(?:years?|yrs?)\s*)?\(\s*({_DEC})\s*(?:years?|yrs?)?\s*\)")
_SD = re.compile(rf"(?:±|\+/-|\+-|\+/−)\s*({_DEC})|\b(?:SD|standard\s+deviation)\b\s*[,:=]?\s*(?:of\s+)?({_DEC})",
                 re.IGNORECASE)
_RANGE = re.compile(rf"\b(?:range[ds]?|ranging)\b\s*(?:[,:=]|from|of|was|between)?\s*(?:from\s+|between\s+)?"
                    rf"({_DEC})(?:\s*(?:years?|yrs?|y))?{_DASH}({_DEC})", re.IGNORECASE)
# A group's share of its whole, told with its count: "23 (8%) patients", "61 cases (0.46%)", "(n = 12,
# 5.5%)", "(incidence, 0.21%)"; not a confidence interval's "95% CI" nor a share of something else
# ("(12% of the levels)").
_RATE = re.compile(r"\(\s*(?:\*?[nN]\*?\s*=\s*\d+\s*[,;]\s*|\d[\d,]*\s+(?:patients|cases|subjects|participants)\s*[,;]\s*|"
                   r"(?:(?:overall|cumulative|total)\s+)?(?:(?:leak|leakage|complication|palsy|deficit|embolism|hematoma|infection)\s+)?"
                   r"(?:incidence|rate|prevalence)\s*[,:=]?\s*)?"
                   r"(\d{1,3}(?:\.\d+)?)\s*%\s*(?:[,;)]|$)(?!\s*CI\b)", re.IGNORECASE)
# ... or told in its clause: "19 patients had a new deficit, giving an overall rate of 0.183%".
_RATE_IN_CLAUSE = re.compile(r"(?:[^.;]|\.(?=\d)){0,120}?,\s*(?:yielding|giving|with|for|and)?\s*(?:an?\s+|the\s+)?"
                             r"(?:overall\s+)?(?:incidence|rate|prevalence)(?:\s+rate)?\s+(?:of|was)\s+"
                             r"(\d{1,3}(?:\.\d+)?)\s*%"
                             r"(?!\s*(?:per\b|of\s+(?:the\s+)?(?:\w+\s+)?(?:levels|vertebrae|segments|screws)))",
                             re.IGNORECASE)
# A denominator told as a group of its own, the one whose outcome or care a count tells: "six of the 10
# patients with C5 palsy recovered", "of the 14 patients who developed leakage, 3 required surgery"; not
# "of the 120 patients with osteoporosis, 30 developed leakage" (a stratum, and the group the 30).
_WHOLE_TOLD = (r"\b(?:of|among)\s+(?:the|these|those|all)\s+[\w,-]+\s+(?:[\w-]+\s+){0,3}?"
               r"(?:patients|cases|subjects)\s+"
               r"(?:with|who\s+(?:had|developed|experienced|suffered|sustained|presented))\b"
               r"(?:(?!\b(?:who|which|that)\b)[^.;,]){1,60}?"
               r"(?:,\s*[\w-]+(?:\s*\([^()]{0,20}\))?(?:\s+(?:patients|cases))?)?\s+")
# The arms a size "in each group" is told for, in the words before it in its paragraph: groups named by a
# letter or number ("group A and group B", "groups I, II and III"), else counted ("two groups").
ARM_NAME = r"(?:[A-D]|I{1,3}|[1-4])\b"  # the letter or number of an arm: "group A", "group II"
_ARMS_NAMED = re.compile(rf"\b[Gg]roups?\s+({ARM_NAME}(?:\s*(?:,|and|or|&)\s*{ARM_NAME})*)")
_ARMS_COUNTED = re.compile(r"\b(two|three|four|2|3|4)\s+(?:[\w-]+\s+){0,2}?(?:groups|arms)\b", re.IGNORECASE)
_ARM_REACH = 300
# A range alone in a parenthesis after the value: "(60-85 years)", "(from 41 to 86 years)".
# a range alone in parentheses or square brackets: "73 years (60-85 years)", "77.4 [68–86] years"
_BARE_RANGE = re.compile(rf"[(\[]\s*(?:from\s+|between\s+)?({_DEC})(?:\s*(?:years?|yrs?|y))?{_DASH}({_DEC})\s*(?:years?|yrs?|y)?\s*[)\]]",
                         re.IGNORECASE)


def cohort_size(n: str, n2: str | None = None, denominator: str | None = None) -> dict[str, int | None] | None:
    """{"n", "denominator"} of a group ("Twenty-two", "22", "3150" -> 22 of 3150); None when implausible."""
    size = parse_number(n)
    den = parse_number(denominator.replace(",", "")) if denominator else None
    if not isinstance(size, int) or size < MIN_COHORT:
        return None
    if n2 is not None and parse_number(n2) != size:
        den = None
    if not isinstance(den, int) or den < size:
        den = None
    return {"n": size, "denominator": den}


@cache
def _predicates() -> dict[str, re.Pattern[str]]:
    data = json.loads(resources.files(__package__).joinpath("predicates.json").read_text(encoding="utf-8"))
    return {kind: re.compile(r"\b(?:" + "|".join(data[kind]) + r")\b") for kind in ("event", "outcome")}


def stated_rate(text: str, start: int, end: int) -> str | None:
    """The percentage a group's count at text[start:end] is told with, as written: in parentheses in the
    match or opening right after it ("developed in 23 (8%) patients", "occurred in 61 cases (0.46%)"
    -> "8", "0.46"), else as the incidence its clause gives ("..., an incidence rate of 5.7%"); None
    when none is told."""
    after = text[end:end + 40]
    m = _RATE.search(text, start, end + 40)
    if m and m.start() <= end + len(after) - len(after.lstrip()):
        return m.group(1)
    m = _RATE_IN_CLAUSE.match(text, end)
    return m.group(1) if m else None


def whole_told(text: str, start: int, end: int) -> bool:
    """Whether the denominator of the group counted at text[start:end] is told as a group of its own,
    the one the count breaks down ("Six of the 10 patients with C5 palsy recovered": the 10 with a
    palsy)."""
    m = _whole_told().search(text, start, end + 80)
    return m is not None and m.start() < end


@cache
def _whole_told() -> re.Pattern[str]:
    """`_WHOLE_TOLD` followed by an outcome cue of predicates.json."""
    return re.compile(_WHOLE_TOLD + r"(?=" + _predicates()["outcome"].pattern + r")", re.IGNORECASE)


# Where a count's clause ends after it: a sentence's end, the next count of patients, or a new subject.
_CLAUSE_END = re.compile(SENTENCE_BREAK.pattern + r"|,\s+(?=\d[\d,]*\s+(?:patients|cases|subjects)\b)"
                         r"|\b(?:and|but|while|whereas)\s+(?=\d|[a-z]+\s+(?:of|patients))")


def predicate(text: str, start: int, end: int) -> str | None:
    """"event" or "outcome": what the group counted at text[start:end] did, from the nearest cue after
    the count in its clause (up to the next count of patients: "6 had a deterioration, 45 patients
    improved"), else the nearest before it in its sentence ("leakage occurred in 48 of 312 patients" ->
    event; "9 of the 17 patients required reoperation" -> outcome); None when unsaid."""
    after = _CLAUSE_END.split(text[end:end + 90])[0]
    before = SENTENCE_BREAK.split(text[max(0, start - 120):start])[-1]
    hits: list[tuple[int, str]] = []
    for kind, cue in _predicates().items():
        if m := cue.search(after.lower()):
            hits.append((m.start(), kind))
    if hits:
        return min(hits)[1]
    for kind, cue in _predicates().items():
        for m in cue.finditer(before.lower()):
            hits.append((len(before) - m.end(), kind))
    return min(hits)[1] if hits else None


def group_name(text: str | None) -> str | None:
    """"The non-leakage " -> "non-leakage"; None when empty."""
    words = re.sub(r"^(?:the|a|an|our)\s+", "", (text or "").strip().lower(), flags=re.IGNORECASE)
    return re.sub(r"[\s‐-]+", " ", words).strip() or None


def not_people(text: str, start: int, end: int) -> bool:
    """True when the words just before `start` (same sentence; not those in parentheses or brackets, which
    count another group's things: "(24 cases, 31 vertebrae) and the PVP group (28 cases)") or in the match
    name animals, cells or things ("rats were divided into groups (n = 12)")."""
    head = SENTENCE_BREAK.split(re.sub(r"\([^()]*\)|\[[^\[\]]*\]", " ", text[max(0, start - 200):start]))[-1][-60:]
    return bool(_NOT_PEOPLE.search(head + " " + text[start:end]))


def about_people(text: str, start: int, end: int) -> bool:
    """True when the words just before `start` (same sentence), in the match or right after `end` name
    patients, not cells or vertebrae."""
    head = SENTENCE_BREAK.split(text[max(0, start - 60):start])[-1]
    tail = re.match(r"\s*\w+(?:\s+\w+)?", text[end:end + 30])
    words = head + " " + text[start:end] + " " + (tail.group(0) if tail else "")
    return bool(_PEOPLE.search(words)) and not _NOT_PEOPLE.search(words)


def told_in_persons(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] counts persons by a noun that counts nothing else ("(47 subjects)", not
    "(24 cases)")."""
    return _COUNT_OF_PERSONS.search(text, start, end) is not None


def counted_people_before(text: str, end: int) -> bool:
    """True when the last count before `end` (in its sentence or the one before it) counts people, not
    vertebrae or operations ("241 patients were reviewed, and 137 were included"; "We screened 300
    patients. Of these, 250 were included")."""
    counts = _COUNTED.findall(text, max(0, end - 400), end)
    return bool(counts) and bool(_PEOPLE.fullmatch(counts[-1]))


# "Among these nine patients, five had ...": the group a sentence's counts break down, named as one
# counted before it
_AMONG_THESE = re.compile(r"^\s*(?:[Aa]mong|[Oo]f|[Ii]n)\s+(?:these|those)\s+(\w+)\s+(?:patients|cases|subjects)\s*,")


def within_told(text: str, start: int) -> int | None:
    """The size of the group counted before that the clause opening the sentence of `start` says its
    counts are of ("Among these nine patients, five (4.3%) had ..." -> 9), else None (assembly keeps
    it only where that group is a subgroup, not the population: "Of these 200 patients, 20 ...")."""
    head = SENTENCE_BREAK.split(text[max(0, start - 400):start])[-1]
    m = _AMONG_THESE.match(head)
    size = cohort_size(m.group(1)) if m else None
    return size["n"] if size else None


def opens_after_people(text: str, start: int) -> bool:
    """True when `start` is just inside the parenthesis that follows a count of people ("in 83 cases (",
    "140 consecutive patients (")."""
    head = text[max(0, start - 60):start].rstrip()
    if not head.endswith("("):
        return False
    head = head[:-1].rstrip()
    last = deque(_COUNTED.finditer(head), maxlen=1)  # the count nearest before the parenthesis
    return bool(last) and last[0].end() == len(head) and bool(_PEOPLE.fullmatch(last[0].group(1)))


def counted_things_before(text: str, start: int) -> bool:
    """True when the last count before `start` (in its sentence or the one before it) counts vertebrae,
    levels or other things ("Of the 45 vertebrae treated, 30 met the inclusion criteria")."""
    counts = _COUNTED.findall(text, max(0, start - 400), start)
    return bool(counts) and bool(_NOT_PEOPLE.fullmatch(counts[-1]))


def sex_count(male: str | None, female: str | None) -> dict[str, int | None] | None:
    """{"n_male", "n_female"} ("12", "eighteen" -> 12, 18); one sex alone when only it is counted
    ("35", None -> 35, None: the other is left to arithmetic, so not given); None unless a count."""
    m = parse_number(male) if male else None
    f = parse_number(female) if female else None
    counts = [v for v in (m, f) if v is not None]
    if not counts or not all(isinstance(v, int) for v in counts) or sum(counts) < MIN_COHORT:
        return None
    return {"n_male": m, "n_female": f}


def age_stat(text: str, groups: dict[str, str | None], kind: str = "mean") -> dict[str, Any] | None:
    """mean/median, sd, min, max of an age statistic phrase; None when the numbers are not ages.

    "mean age 58.4 ± 11.2" -> mean 58.4, sd 11.2; "mean age was 65 (range 45–82)" -> min 45, max 82;
    "median age 70 (IQR 60–78)" and "median (IQR) age of 70 (60–78)" -> median 70 (an interquartile range
    is not the range).
    """
    kind = (groups.get("kind") or kind).lower()
    kind = "median" if kind == "median" else "mean"
    center = parse_number(groups["val"]) if groups.get("val") else None
    clean = _NOT_RANGE.sub(" ", text)
    # "median (IQR) age of 70 (60-78)": the bare range after the value is the one its label names
    iqr_labelled = bool(_IQR_LABEL.search(text))
    lo = parse_number(groups["lo"]) if groups.get("lo") else None
    hi = parse_number(groups["hi"]) if groups.get("hi") else None
    if lo is None:
        m = _RANGE.search(clean) or (None if iqr_labelled else _BARE_RANGE.search(clean))
        if m:
            lo, hi = parse_number(m.group(1)), parse_number(m.group(2))
    sd = None
    if center is not None:
        after = clean[clean.find(groups["val"] or "") + len(groups["val"] or ""):]
        m = _SD.search(after)
        sd = parse_number(m.group(1) or m.group(2)) if m else None
        if sd is None and _SD_LABEL.search(text) and (m := _BARE_SD.match(after)):
            sd = parse_number(m.group(1))
    stat: dict[str, Any] = {"mean": None, "sd": None, "min": None, "max": None, "median": None}
    if center is not None:
        if not 1 <= center <= 120:
            return None
        stat[kind] = as_number(center)
        if sd is not None and sd < center:
            stat["sd"] = as_number(sd)
    if lo is not None and hi is not None and 0 < lo <= hi <= 120 and (center is None or lo <= center <= hi):
        stat["min"], stat["max"] = as_number(lo), as_number(hi)
    if stat["mean"] is None and stat["median"] is None and stat["min"] is None:
        return None
    return stat


def age_stat_value(stat: dict[str, Any]) -> str:
    """"58.4±11.2", "65 (45-82)", "median 70", "45-82"."""
    parts = []
    if stat["mean"] is not None:
        parts.append(f"{stat['mean']}" + (f"±{stat['sd']}" if stat["sd"] is not None else ""))
    elif stat["median"] is not None:
        parts.append(f"median {stat['median']}")
    if stat["min"] is not None:
        rng = f"{stat['min']}-{stat['max']}"
        parts.append(f"({rng})" if parts else rng)
    return " ".join(parts)


def arms_before(text: str, start: int) -> list[str | None] | None:
    """The arms that a size told for each group at `start` counts (`_ARMS_NAMED`: their names, lower case;
    `_ARMS_COUNTED`: as many unnamed), or None when the words before it name or count none."""
    before = text[max(0, start - _ARM_REACH):start].rpartition("\n\n")[2]
    names = [n.lower() for m in _ARMS_NAMED.finditer(before) for n in re.findall(ARM_NAME, m.group(1))]
    names = list(dict.fromkeys(names))
    if len(names) >= 2:
        return names
    counted = _ARMS_COUNTED.findall(before)
    return [None] * int(parse_number(counted[-1]) or 0) if counted else None
