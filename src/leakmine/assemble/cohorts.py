"""Cohorts: a group the paper reports in aggregate (n, sex counts, age statistics, denominator)."""

from __future__ import annotations

from collections import Counter
from typing import Any

from leakmine.assemble.cues import CueIndex
from leakmine.assemble.sections import section_flow
from leakmine.assemble.sentences import sentence_voice
from leakmine.records import Document, Mention

COHORT_FIELDS = ("n_patients", "n_male", "n_female", "age_mean", "age_sd", "age_min", "age_max", "denominator")
_MIN_COHORT = 3
_MIN_BARE_COHORT = 10


def own_statistics(document: Document, mentions: list[Mention], cues: CueIndex) -> list[Mention]:
    """Aggregate mentions about the paper's own group: literature and cited studies left out; the
    introduction and discussion only where they speak of "our study" / "this series"."""
    out = []
    for m in mentions:
        if m.label not in ("COHORT_SIZE", "SEX_COUNT", "AGE_STAT") or not m.asserted:
            continue
        flow = section_flow(document.sections[m.section_index])
        voice = sentence_voice(cues.of(m))
        if flow == "none" and document.sections[m.section_index].kind != "table":
            continue
        if voice.literature or voice.skip:
            continue
        if flow in ("commentary", "abstract") and voice.citation:
            continue
        if flow == "commentary" and not cues.of(m).has("OUR_STUDY"):
            continue
        out.append(m)
    return out


def build_cohort(stats: list[Mention], n_individual: int,
                 case_like: bool = True) -> tuple[dict[str, Any] | None, list[tuple[str, str, str]]]:
    """The paper's cohort, or None when the paper gives no aggregate group beyond its described
    patients. A group needs at least 3 members, more than are described one by one, and a sex count,
    an age statistic or a denominator; in a paper that tells no case, a group of 10 or more suffices."""
    sizes = [m for m in stats if m.label == "COHORT_SIZE" and isinstance(m.attrs.get("n"), int)]
    sexes = [m for m in stats if m.label == "SEX_COUNT"]
    ages = [m for m in stats if m.label == "AGE_STAT" and m.attrs.get("mean") is not None
            or m.label == "AGE_STAT" and m.attrs.get("min") is not None]
    with_denominator = [m for m in sizes if isinstance(m.attrs.get("denominator"), int)]
    size = _pick_size(with_denominator or sizes, sexes)
    if size is None:
        n = next((_sex_total(m) for m in sexes if _sex_total(m)), None)
    else:
        n = size.attrs["n"]
    if n is None or n < _MIN_COHORT or n <= n_individual:
        return None, []
    if not (with_denominator or sexes or ages or (not case_like and n >= _MIN_BARE_COHORT)):
        return None, []
    cohort: dict[str, Any] = dict.fromkeys(COHORT_FIELDS)
    evidence: list[tuple[str, str, str]] = []
    cohort["n_patients"] = n
    if size is not None:
        evidence.append(("n_patients", str(n), size.mention_id))
        if isinstance(size.attrs.get("denominator"), int):
            cohort["denominator"] = size.attrs["denominator"]
            evidence.append(("denominator", str(cohort["denominator"]), size.mention_id))
    sex = next((m for m in sexes if _sex_total(m) == n or _sex_total(m) is None and _one_sex(m) <= n), None)
    if sex is not None:
        for f in ("n_male", "n_female"):
            if isinstance(sex.attrs.get(f), int):
                cohort[f] = sex.attrs[f]
                evidence.append((f, str(sex.attrs[f]), sex.mention_id))
    age = next((m for m in ages if m.attrs.get("sd") is not None), ages[0] if ages else None)
    if age is not None:
        for f, key in (("age_mean", "mean"), ("age_sd", "sd"), ("age_min", "min"), ("age_max", "max")):
            if age.attrs.get(key) is not None:
                cohort[f] = age.attrs[key]
                evidence.append((f, str(age.attrs[key]), age.mention_id))
    return cohort, evidence


def _sex_total(m: Mention) -> int | None:
    male, female = m.attrs.get("n_male"), m.attrs.get("n_female")
    return male + female if isinstance(male, int) and isinstance(female, int) else None


def _one_sex(m: Mention) -> int:
    return next((m.attrs[f] for f in ("n_male", "n_female") if isinstance(m.attrs.get(f), int)), 0)


def _pick_size(sizes: list[Mention], sexes: list[Mention]) -> Mention | None:
    """The group size most often stated, preferring one that the sex counts add up to."""
    if not sizes:
        return None
    totals = {_sex_total(m) for m in sexes} - {None}
    matching = [m for m in sizes if m.attrs["n"] in totals]
    if matching:
        return matching[0]
    counts = Counter(m.attrs["n"] for m in sizes)
    top = max(counts.values())
    return next(m for m in sizes if counts[m.attrs["n"]] == top)
