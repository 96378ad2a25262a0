"""Cohorts: the groups a paper reports in aggregate, each with its size, sex counts, age statistics
and denominator, and how the groups relate ("drawn from", "part of", "compared with").

`build_cohorts(document, mentions)` reads the COHORT_SIZE, SEX_COUNT and AGE_STAT mentions about the
paper's own patients (not cited studies, not a review's pooled numbers) and returns one
`CohortRecord` per group, in the order the text first names them:

- a group counted against its population ("leakage occurred in 48 of 312 patients": 48 drawn from 312),
  or a group with the paper's complication counted after the study population ("we enrolled 96
  patients ... cement leakage was seen in 7 patients": 7 drawn from 96);
- a named comparison group ("the leakage group (n = 48)", "group B (n = 32)"), drawn from the
  population whose size its arms add up to;
- the study population when the text gives its sex or age ("199 patients (112 F; 87 M), mean age 70").

A count of what happened to a group already counted ("9 of the 17 patients required reoperation") is
an outcome tally, not a group; so are groups no larger than the patients described one by one, save
those patients' own incidence ("four of our 274 patients", the four described).
Sex counts join the group they add up to; one sex alone, and age statistics, the group counted just
before them in the same section. A value the text does not state (the other sex by subtraction)
stays None.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any

from leakmine.assemble.cues import CueIndex
from leakmine.assemble.roles import clause
from leakmine.assemble.scope import before_index
from leakmine.assemble.sentences import sentence_voice
from leakmine.records import Document, Evidence, Mention

COHORT_FIELDS = ("n_patients", "n_male", "n_female", "age_mean", "age_sd", "age_min", "age_max", "denominator")
RELATIONS = ("drawn from", "part of", "compared with")
_STAT_LABELS = ("COHORT_SIZE", "SEX_COUNT", "AGE_STAT")
_AGE_FIELDS = (("age_mean", "mean"), ("age_sd", "sd"), ("age_min", "min"), ("age_max", "max"))
_MIN_COHORT = 3  # fewer are a group only when counted against a study's population ("two of 298 patients")
_COMMENTARY_KINDS = frozenset({"introduction", "discussion", "conclusion"})
_COMMENTARY_PARTS = frozenset({"background", "introduction", "objective", "objectives", "purpose", "aim", "aims",
                               "context", "conclusion", "conclusions", "discussion"})
_IN_GROUP = re.compile(r"\s*(?:years?\s*|y\s*)?\)?\s*(?:\(\s*\d[\d.]*\s*%\s*\)\s*)?,?\s*(?:in|for|of|among)\s+(?:the\s+|those\s+of\s+the\s+)?"
                       r"(?:group\s+([A-D]|I{1,3}|[1-4])\b|((?:[A-Za-z][\w‐-]*\s+){1,3}?)group\b)", re.IGNORECASE)
_ABSTRACT_LABEL = re.compile(
    r"(?:^|(?<=[.\n])\s*)\s*((?i:background|introduction|objectives?|purpose|aims?|context|methods?|materials|"
    r"patients\s+and\s+methods|results?|findings|case\s+(?:presentation|report|description)s?|conclusions?|"
    r"discussion))\s*(?::|(?=\s+[A-Z]))")
_MIN_BARE_COHORT = 10
_FINDING_GAP = 8  # characters from a complication to the count in parentheses after it ("numbness/pain (9")
_SEX_WORDS = r"(women|men|females?|males?|female\s+patients|male\s+patients)\b"
_ONE_SEX_BEFORE = re.compile(rf"(?:^\s*|\b(?:the|in|for|among)\s+){_SEX_WORDS}", re.IGNORECASE)
_ONE_SEX_AFTER = re.compile(rf"^\s*(?:years?\s*)?\)?\s*(?:in|for|among)\s+(?:the\s+)?{_SEX_WORDS}", re.IGNORECASE)
_CLAUSE_BREAK = re.compile(r"[;,]\s*|\b(?:while|whereas)\b")
_COMPLICATION_LABELS = frozenset({"CAUSE", "LEAK_LOCATION", "SYMPTOM"})


@dataclass(frozen=True)
class Relation:
    """This cohort stands in `kind` (one of RELATIONS) to cohort number `other` (1-based)."""

    kind: str
    other: int
    mention_id: str


@dataclass
class CohortRecord:
    """One group of the paper: SCHEMA.md's eight cohort fields, the group's name when the paper names
    it, its relations to the paper's other cohorts, and (field, value, mention id) evidence."""

    n_patients: int
    n_male: int | None = None
    n_female: int | None = None
    age_mean: float | None = None
    age_sd: float | None = None
    age_min: float | None = None
    age_max: float | None = None
    denominator: int | None = None
    name: str | None = None
    relations: list[Relation] = field(default_factory=list)
    evidence: list[tuple[str, str, str]] = field(default_factory=list)


def to_json(cohort: CohortRecord) -> dict[str, Any]:
    """The cohort as the extraction contract prints it (SCHEMA.md's eight fields)."""
    return {f: getattr(cohort, f) for f in COHORT_FIELDS}


def cohort_evidence(cohorts: list[CohortRecord]) -> list[Evidence]:
    """Evidence records of every cohort: its values, and its relations as field "drawn from" (etc.)
    with value "cohort:N"."""
    out = []
    for k, c in enumerate(cohorts, start=1):
        out += [Evidence(f"cohort:{k}", f, v, mid) for f, v, mid in c.evidence]
        out += [Evidence(f"cohort:{k}", r.kind, f"cohort:{r.other}", r.mention_id) for r in c.relations]
    return out


def own_statistics(document: Document, mentions: list[Mention], cues: CueIndex) -> list[Mention]:
    """Aggregate mentions about the paper's own groups: never a sentence that cites or speaks of the
    literature; the introduction, discussion, conclusion and an abstract's background or conclusion
    part only where they speak of "our study" / "this series"; the title never."""
    out = []
    parts: dict[int, tuple[list[int], list[str]]] = {}  # each abstract's labelled parts, read once
    for m in mentions:
        if m.label not in _STAT_LABELS or not m.asserted:
            continue
        section = document.sections[m.section_index]
        if not section.mined or section.kind == "title":
            continue
        voice = sentence_voice(cues.of(m))
        if voice.literature or voice.skip or voice.citation:
            continue
        if section.kind == "abstract" and m.section_index not in parts:
            parts[m.section_index] = _abstract_parts(section.text)
        commentary = section.kind in _COMMENTARY_KINDS or (
            section.kind == "abstract" and _part_at(*parts[m.section_index], m.start_char - section.start_char)
            in _COMMENTARY_PARTS)
        if commentary and not cues.of(m).has("OUR_STUDY"):
            continue
        out.append(m)
    return out


def _abstract_parts(text: str) -> tuple[list[int], list[str]]:
    """Where each labelled part of a structured abstract begins, and its label's first word in lower case
    ("background", "methods", "results", ...)."""
    found = list(_ABSTRACT_LABEL.finditer(text))
    return [f.end() for f in found], [f.group(1).lower().split()[0] for f in found]


def _part_at(ends: list[int], labels: list[str], offset: int) -> str | None:
    """The label of the part of an abstract (`_abstract_parts`) that `offset` lies in; None when unlabelled."""
    k = bisect_right(ends, offset)
    return labels[k - 1] if k else None


@dataclass
class _Group:
    """A group while it is being built: every mention that states its size, and its statistics."""

    n: int
    name: str | None
    sizes: list[Mention]
    sex: Mention | None = None
    ages: list[Mention] = field(default_factory=list)
    population: _Group | None = None  # the study population it is drawn from, when no size states it
    only: str | None = None  # "n_female" or "n_male": the group is that sex of its population
    arm_of: _Group | None = None  # the group its named arms add up to (`_draw_arms`)
    breakdown: bool = False  # named parts of a group that is itself drawn from the population
    whole_of: Mention | None = None  # a part's count that tells this group as its denominator only
    whole_unknown: bool = False  # a complication group whose stated share fits no group the paper counts
    selected: bool = False  # a study population selected from one counted before it (`_selected`)

    @property
    def first(self) -> Mention:
        """The mention that first states the group: its first size, else its sex count, else the count
        of a part of it that tells it as the part's whole."""
        return self.sizes[0] if self.sizes else (self.sex or self.whole_of)

    @property
    def named(self) -> bool:
        """A comparison group: a size says its name, or a part of it names it as its whole ("in the PKP
        group (27/109)")."""
        return any(m.attrs.get("kind") == "group" for m in self.sizes) or (
            self.whole_of is not None and self.name is not None)

    @property
    def denominator(self) -> tuple[int, Mention] | None:
        stated = next(((m.attrs["denominator"], m) for m in self.sizes
                       if isinstance(m.attrs.get("denominator"), int)), None)
        if stated is None and self.population is not None:
            return self.population.n, self.population.first
        return stated

    @property
    def predicate(self) -> str | None:
        return next((m.attrs["predicate"] for m in self.sizes if m.attrs.get("predicate")), None)

    @property
    def rate(self) -> str | None:
        """The percentage of its whole the group is told with ("0.46"), as written."""
        return next((m.attrs["rate"] for m in self.sizes if m.attrs.get("rate")), None)


def build_cohorts(document: Document, mentions: list[Mention], cues: CueIndex, described: int = 0,
                  case_like: bool = True) -> list[CohortRecord]:
    """The paper's cohorts (see the module docstring). `described`: how many patients the paper
    describes one by one (a group must be larger); `case_like`: the paper tells cases, so a bare
    count with no statistic is not taken for a cohort."""
    if document.meta.pools_studies:  # a systematic review's counts are other authors' patients
        return []
    stats = sorted(own_statistics(document, mentions, cues), key=lambda m: (m.start_char, m.end_char))
    findings = [m for m in mentions if m.label in _COMPLICATION_LABELS]
    counted = [m for m in stats if m.label == "COHORT_SIZE" and isinstance(m.attrs.get("n"), int)
               and (not m.attrs.get("after_finding") or _follows_finding(m, findings))]
    wholes = {m.attrs["n"] for m in counted if m.attrs.get("kind") in ("population", "group")}
    sizes = [m for m in counted if (m.attrs["n"] >= _MIN_COHORT or (
        m.attrs.get("denominator") in wholes and m.attrs["denominator"] >= _MIN_BARE_COHORT) or _share_of_whole(m, counted))
        and not any(w.attrs["n"] == m.attrs.get("within") and w.attrs.get("kind") == "subgroup"
                    and w.start_char < m.start_char for w in counted)]
    sexes = [m for m in stats if m.label == "SEX_COUNT"]
    ages = [m for m in stats if m.label == "AGE_STAT"
            and (m.attrs.get("mean") is not None or m.attrs.get("min") is not None)]
    complications = _complication_sentences(mentions, cues)
    groups = _told_as_wholes(_counted_by_sex(_groups(sizes), sexes), complications)
    _draw_from_population(groups, complications, {m.sentence_start for m in mentions if m.label == "OUTCOME"},
                          findings, cues, _told_with_figures(mentions, sexes + ages))
    tallies = _tallies(groups, sexes, findings)
    _attach_sexes(groups, sexes, tallies)
    _attach_ages(groups, ages, sexes, tallies)
    groups += _by_sex(groups)
    # a group counted against operations ("30 of 120 procedures") where the paper counts its patients
    # counts treated vertebrae, not people
    people = any(m.attrs.get("kind") == "population" and m.attrs.get("counted_in") is None for m in sizes)
    kept = [g for g in groups if (g.n > described or _drawn_series(g, described)) and id(g) not in tallies
            and (g.named or g.denominator or g.sex or g.ages or g.whole_unknown)
            and not (people and g.sizes and all(m.attrs.get("counted_in") == "operations" for m in g.sizes))
            and not (g.sizes and all(m.attrs.get("share_only") for m in g.sizes) and _share_of(g, groups) is None)]
    if all(g.whole_unknown for g in kept) and not case_like:  # a group with no whole leaves the bare count
        bare = [g for g in groups if g.n > described and g.n >= _MIN_BARE_COHORT and id(g) not in tallies][:1]
        kept = sorted({id(g): g for g in bare + kept}.values(), key=lambda g: g.first.start_char)
    return _records(kept)


def _drawn_series(g: _Group, described: int) -> bool:
    """The patients described one by one are this group, counted against the population they came
    from ("four of our 274 laminectomy patients developed a foot drop"): its incidence is a cohort."""
    return g.n == described and g.denominator is not None and g.denominator[0] > g.n


def _groups(sizes: list[Mention]) -> list[_Group]:
    """One group per stated size: restatements of a size join the first group of that size; two
    named groups of the same size stay two. A size told for each of several arms ("35 cases in each
    group") is one group for each, joining the arm of its name where that is counted already."""
    groups: list[_Group] = []
    for m in sizes:
        n = m.attrs["n"]
        if arms := m.attrs.get("arms"):
            for name in arms:
                target = next((g for g in groups if g.n == n and name is not None and g.name == name), None)
                if target is None:
                    groups.append(_Group(n, name, [m]))
                else:
                    target.sizes.append(m)
            continue
        name = m.attrs.get("name") if m.attrs.get("kind") == "group" else None
        same = [g for g in groups if g.n == n]
        target = next((g for g in same if name is None or g.name in (None, name)), None)
        if target is None:
            groups.append(_Group(n, name, [m]))
        else:
            target.sizes.append(m)
            target.name = target.name or name
    return sorted(groups, key=lambda g: g.first.start_char)


def _counted_by_sex(groups: list[_Group], sexes: list[Mention]) -> list[_Group]:
    """`groups` and, in text order, a group for each sex count that adds up to no group's size: "The
    series included 26 females and five males" counts 31 patients though no size says 31; not one
    written as a ratio ("M:F = 47:38"), which counts only a group it adds up to."""
    for m in sexes:
        total = _sex_total(m)
        if total is not None and total >= _MIN_COHORT and all(g.n != total for g in groups) \
                and not m.attrs.get("adds_up"):  # "M:F = 2:1" is a ratio
            groups.append(_Group(total, None, [], sex=m))
    return sorted(groups, key=lambda g: g.first.start_char)


def _told_as_wholes(groups: list[_Group], complications: set[int]) -> list[_Group]:
    """`groups` and a group for each denominator told as a group of its own that no size states ("Six of
    the 10 patients with C5 palsy recovered" counts the 10 with a palsy), when a larger group is counted
    before it (so it is not the population itself), or when its patients are told as an arm ("9 out of
    the 40 patients in the PVP group"). A part told after its group's name ("in the PMCP group
    (19/127)") is one only in a sentence about a complication (not "a fusion rate of 92% in the TLIF
    group (46/50)") where its whole is counted or drawn so (not "(19/230)" screws of 96 patients)."""
    out = []
    for g in groups:
        for m in g.sizes:
            den = m.attrs.get("denominator")
            if not (m.attrs.get("whole_told") and isinstance(den, int)):
                continue
            named = m.attrs.get("name") is not None
            if named and m.sentence_start not in complications:
                break  # not a part of its group: the group goes
            if any(o.n == den for o in groups + out):
                continue
            if m.attrs.get("whole_people") or any(o.n > den and o.first.start_char < m.start_char for o in groups):
                out.append(_Group(den, m.attrs.get("name"), [], whole_of=m))
            elif named:
                break
        else:
            out.append(g)
    return sorted(out, key=lambda g: g.first.start_char)


# A sentence that opens by speaking of the whole population ("Overall, ...", "Among them, ...", "Of these,
# ..."), or a clause that does so with "overall" ("The mean age was 70 years; overall, ...").
_WHOLE = re.compile(r"^\W{0,3}(?:overall|in\s+total|(?:among|of)\s+(?:them|these|those|all(?:\s+the)?\s+patients))\b"
                    r"|[;:]\s{0,3}overall\b", re.IGNORECASE)
# Words of a complication's clause that tell it as a change: new or worse than before, or the state before
# surgery (a BEFORE_INDEX cue) it is compared with or said absent in.
_CHANGED = re.compile(r"\b(?:new|newly|worse|worsen\w*|deteriorat\w*|aggravat\w*)\b", re.IGNORECASE)
_COMPARED = re.compile(r"\b(?:compared\s+(?:with|to)\s+(?:the\s+)?|than\s+|(?:absent|not\s+present)\s+)$",
                       re.IGNORECASE)


def _complication_sentences(mentions: list[Mention], cues: CueIndex) -> set[int]:
    """Starts of the sentences that tell of the field's complications: a cause, leak site or symptom
    named, had or not ("371 patients without leakage" are the group compared), or cement named; not one
    told as there before surgery ("Preoperative deficits were seen in 12 patients": a baseline; not one told
    as a change from it, "new deficits compared with the preoperative status", "weakness, absent
    preoperatively")."""
    return {m.sentence_start for m in mentions
            if m.label in _COMPLICATION_LABELS and not (before_index(m, cues) and not _changed(m, cues))
            or (m.label == "COHORT_SIZE" and cues.of(m).has("CEMENT"))}


def _changed(m: Mention, cues: CueIndex) -> bool:
    """Whether `m`'s clause tells it as a change from the state before surgery ("new deficits compared with
    the preoperative status"; not "... present preoperatively in 18, more often in women than in men")."""
    here = cues.of(m)
    lo, hi = clause(here, m.start_char - m.sentence_start, m.end_char - m.sentence_start)
    return bool(_CHANGED.search(here.text[lo:hi])) or any(
        lo <= s and e <= hi and _COMPARED.search(here.text[lo:s]) for s, e in here.spans("BEFORE_INDEX"))


def _draw_from_population(groups: list[_Group], complications: set[int], outcomes: set[int],
                          findings: list[Mention], cues: CueIndex, figured: set[int]) -> None:
    """A group counted with no denominator in a sentence about a complication ("cement leakage was seen
    in 7 patients"), counted after the study population ("we enrolled 96 patients", "61 women and 22
    men") and smaller than it, is drawn from that population, though the group was named before it
    ("the cases of 6 patients who developed a palsy" in an objective); named groups whose sizes add up
    to a population are its arms ("group H (n = 17)" and "group L (n = 19)" of 36), drawn from it. A
    group told with its share ("occurred in 61 cases (0.46%)") is drawn from the group before it whose
    size that share is of: from a population when the group is counted for a complication, or for an
    event in a sentence that tells no outcome (`outcomes`: "Nine (7.5%) patients experienced
    complications" of 120, not "42 (84%) experienced complete pain relief"), from any other group
    always ("Twenty-one palsy patients (34.43%)" are a part of the 61, not of the population). A share that
    fits no group draws the group as any other, unless it denies the population (`_share_denies`): then
    the group stands with no denominator. A named group that no arms add up to is drawn from the
    population when its size names the complication or its lack ("37 patients who had a symptomatic SEH
    were assigned to the SEH group", "the 258 patients without complications were assigned to the
    control group", `_names`), not when it names the care ("the PVP group (n = 30)") or is formed
    beside the population ("an age-matched control group was created (111 patients without ...)"). The
    population is the last of those selected one from another (`_selected`)."""
    for g in groups:  # "leakage was seen in 5 patients in group A": drawn from the arm it names
        arm = next((a for m in g.sizes if (a := _named_after(groups, m)) is not None), None) \
            if g.denominator is None and not g.named else None
        if arm is not None and arm.n > g.n and _complication_group(g, complications):
            g.population = arm
    populations = _selected([g for g in groups if not g.named and g.denominator is None and (
        (g.sex is not None and not g.sizes) or any(m.attrs.get("kind") == "population" for m in g.sizes))], cues,
        figured)
    rated = {id(g): whole for g in groups if g.denominator is None and g.rate is not None
             and (whole := _share_of(g, groups)) is not None}
    for g in groups:
        whole = rated.get(id(g))
        if whole is not None and (all(whole is not p for p in populations) or _complication_group(g, complications)
                                  or (g.predicate == "event" and g.first.sentence_start not in outcomes)):
            g.population = whole
    population = populations[0] if populations else None
    for g in groups:
        if (population is not None and g is not population and id(g) not in rated and g.n < population.n
                and g.denominator is None and all(m.attrs.get("kind") == "subgroup" for m in g.sizes)
                and _complication_group(g, complications, after=population)):
            if _share_denies(g, population):
                g.whole_unknown = True  # "11 (8%) cases" of 143 levels in 87 patients: a group, its whole uncounted
            else:
                g.population = population
    _draw_arms(groups)
    for g in groups:  # a group named for its complication (or its lack), drawn like any complication group
        if (population is not None and g.arm_of is None and g.denominator is None and g.n < population.n
                and g.first.start_char > population.first.start_char
                and any(_names(m, findings) and not m.attrs.get("apart") for m in g.sizes)):
            g.population = population


def _told_with_figures(mentions: list[Mention], figures: list[Mention]) -> set[int]:
    """The sentences (starts) whose patients the sex or age figures are of: each sentence that gives
    them, and the one before it among those with a mention ("... went on to be included in the final
    analysis. There were 200 women ...")."""
    starts = sorted({m.sentence_start for m in mentions})
    told = {m.sentence_start for m in figures}
    return told | {a for a, b in pairwise(starts) if b in told}


def _selected(populations: list[_Group], cues: CueIndex, figured: set[int]) -> list[_Group]:
    """The study populations without those the next was selected from: a population told in a later
    sentence as selected from a larger one counted before it (cue SELECTED: "1,240 patients were
    preliminarily enrolled. In all, 1,105 patients (402 males ...) who satisfied the inclusion criteria were
    eventually enrolled", "We reviewed 480 patients. Of these, 356 went on to be included in the final analysis. There
    were 200 women ...") is drawn from it, and takes its place as the population the paper's groups are
    drawn from, where the study's sex or age figures are of it (`figured`; not a substudy or a second
    centre told without them)."""
    out: list[_Group] = []
    for p in populations:
        whole = out[-1] if out else None
        if whole is not None and whole.n > p.n and p.first.sentence_start != whole.first.sentence_start \
                and any(cues.of(m).has("SELECTED") and m.sentence_start in figured for m in p.sizes):
            p.population, p.selected = whole, True
            out[-1] = p
        else:
            out.append(p)
    return out


def _draw_arms(groups: list[_Group]) -> None:
    """Named groups told one after another whose sizes add up to a group counted before them are drawn
    from it: the arms of a population ("group H (n = 17)" and "group L (n = 19)" of 36), or the
    breakdown of a group ("leakage in 20 patients: PVP (n = 12) and PKP (n = 8)"), which then counts as
    no group of its own (`_tallies`), whatever whole its parts are also counted against."""
    named = [g for g in groups if g.named]
    wholes: dict[int, list[_Group]] = {}
    for w in groups:
        if not w.named:
            wholes.setdefault(w.n, []).append(w)
    largest = max(wholes, default=0)
    i = 0
    while i < len(named):
        total, whole = named[i].n, None
        for j in range(i + 1, len(named)):
            total += named[j].n
            if total > largest:
                break
            whole = max((w for w in wholes.get(total, ()) if w.first.start_char < named[i].first.start_char),
                        key=lambda w: w.first.start_char, default=None)
            if whole is not None:
                break
        if whole is None:
            i += 1
            continue
        for g in named[i:j + 1]:
            g.arm_of = whole
            g.breakdown = whole.denominator is not None
            if g.denominator is None:
                g.population = whole
        i = j + 1


def _complication_group(group: _Group, complications: set[int], after: _Group | None = None) -> bool:
    """Whether `group` is counted for a complication: in a sentence that tells of one (after `after`
    is first counted), and not for an outcome."""
    return group.predicate != "outcome" and any(
        (after is None or m.start_char > after.first.start_char) and m.sentence_start in complications
        for m in group.sizes or [group.first])


def _share_denies(group: _Group, whole: _Group) -> bool:
    """Whether the rate told with `group` is far from its share of `whole` (more than a third off: "20
    (80%) patients" are not of 75), so that `whole` is not what it is counted in; a rate a little off
    is the authors' rounding or base ("23 patients (0.7%)" of 2,964)."""
    if group.rate is None:
        return False
    return abs(_share_gap(group, whole)) > max(float(group.rate) / 3, _rate_unit(group.rate))


def _share_of(group: _Group, groups: list[_Group]) -> _Group | None:
    """The nearest larger group counted before `group` of whose size its stated rate (percent, as
    written) is its share, within the rounding the rate's decimals allow."""
    if group.rate is None:
        return None
    rate = str(group.rate)
    if float(rate) <= 0:  # "(0%)" is no share of any size
        return None
    fits = [g for g in groups if g is not group and g.n > group.n and g.first.start_char < group.first.start_char
            and _rate_fits(group.n, rate, g.n)]
    return max(fits, key=lambda g: g.first.start_char) if fits else None


def _share_of_whole(size: Mention, counted: list[Mention]) -> bool:
    """Whether a count told with its rate is that share of a population or group of at least
    `_MIN_BARE_COHORT` counted before it ("106 patients ... 2 patients (1.9%) had a deficit")."""
    rate = size.attrs.get("rate")
    return bool(rate) and float(rate) > 0 and any(
        w.attrs.get("kind") in ("population", "group") and w.attrs["n"] >= _MIN_BARE_COHORT
        and w.start_char < size.start_char and _rate_fits(size.attrs["n"], str(rate), w.attrs["n"]) for w in counted)


def _rate_fits(n: int, rate: str, whole: int) -> bool:
    """Whether `rate` (percent, as written) is n's share of `whole`: rounded ("5.7" of 5.65-5.75) or cut
    off ("0.66" of 1/150 = 0.667); a hair of slack for binary fractions."""
    unit = _rate_unit(rate)
    return -unit / 2 - 1e-9 <= 100 * n / whole - float(rate) < unit - 1e-9


def _share_gap(group: _Group, whole: _Group) -> float:
    """How far `group`'s share of `whole` lies above the rate it is told with, in percentage points."""
    return 100 * group.n / whole.n - float(str(group.rate))


def _rate_unit(rate: str) -> float:
    """The last written digit's worth of a rate ("5.7" -> 0.1, "10" -> 1)."""
    return 10.0 ** -len(rate.partition(".")[2])


def _tallies(groups: list[_Group], sexes: list[Mention], findings: list[Mention]) -> set[int]:
    """Counts that are not groups of their own (ids): named parts of a group drawn from the population
    (`_draw_arms`), a breakdown of a group already counted against its population or named (its
    denominator is no larger than that group: "8 of the 11 patients with loose screws" within 30
    patients drawn from 4078) unless that group is an arm or a named group not named for a complication
    (`findings`: "5 of the 17 patients in group H" are the arm's complication group, "9 of the 48 patients" of
    "the leakage group (n = 48)" a breakdown), an outcome of the study population whose sex counts are given ("9 of
    the 17 patients required reoperation"), and an outcome counted against fewer patients than a population the
    paper counts ("walking improved in 7/9 patients" of 20 treated: the 9 are some of them)."""
    subgroups = {g.n for g in groups if (g.named or g.denominator) and not g.selected
                 and ((g.arm_of is None and not g.named) or any(_names(m, findings) for m in g.sizes))}
    populations = {t for m in sexes if (t := _sex_total(m))} - subgroups
    counted = {g.n for g in groups if not g.named and g.denominator is None}
    out = set()
    for g in groups:
        den = g.denominator
        if g.breakdown:
            out.add(id(g))
        if g.named or den is None:
            continue
        if any(den[0] <= n for n in subgroups - {g.n}) or g.predicate == "outcome" and (
                any(den[0] <= n for n in populations - {g.n}) or any(den[0] < n for n in counted)):
            out.add(id(g))
    return out


def _follows_finding(size: Mention, findings: list[Mention]) -> bool:
    """Whether a count in parentheses stands right after the complication it counts ("psoas weakness (4
    cases, 3.1%)", "thigh numbness/pain (9 cases)"), not after a diagnosis or a pain alone, which is as
    often the indication or another site's ("spondylolisthesis (47 cases)", "chronic low back pain (6
    cases)", "donor-site pain (19 cases)")."""
    return any(size.sentence_start == f.sentence_start and f.value != "pain" and 0 <= size.start_char - f.end_char
               <= _FINDING_GAP for f in findings)


def _names(size: Mention, findings: list[Mention]) -> bool:
    """Whether a group's size names it for a complication ("the leakage group (n = 48)")."""
    return size.attrs.get("kind") == "group" and any(
        size.start_char <= f.start_char and f.end_char <= size.end_char for f in findings)


def _attach_sexes(groups: list[_Group], sexes: list[Mention], tallies: set[int]) -> None:
    """Each group takes the sex count that adds up to its size (both sexes counted), else one sex
    counted after it, within its size: in its section, else (a section that counts no group of its own:
    "We reviewed 58 patients." then Results: "Of the 58 patients, 35 were female") anywhere before, when
    its sentence names that group (its size, "overall"; not "of the patients with leakage, 12 were women")."""
    candidates = [g for g in groups if id(g) not in tallies]
    for m in sexes:
        total = _sex_total(m)
        if total is not None:
            fitting = [g for g in candidates if g.n == total and (g.sex is None or _sex_total(g.sex) is None)]
            if m.attrs.get("adds_up"):  # a ratio tells of a group counted before it or in its sentence
                fitting = [g for g in fitting if any(z.start_char < m.start_char or z.sentence_start == m.sentence_start
                                                     for z in g.sizes)]
            target = _named_after(fitting, m) or _nearest_before(fitting, m) or (fitting[0] if fitting else None)
        else:
            one = next(v for k in ("n_male", "n_female") if isinstance(v := m.attrs.get(k), int))
            within = [g for g in candidates if g.n > one and g.sex is None]
            target = _nearest_before(within, m, same_section=True)
            if target is None and _nearest_before(candidates, m, same_section=True) is None:
                target = _whole_named(_nearest_before(within, m), m)
        if target is not None:
            target.sex = m


def _whole_named(group: _Group | None, m: Mention) -> _Group | None:
    """`group` when `m`'s sentence names it as a whole: by its size ("Of the 58 patients", "the 58 patients")
    or as it opens ("Overall, ...", "Among them, ...", "Of these, ...")."""
    if group is None:
        return None
    n = group.n
    size = re.search(rf"\bof\s+(?:the\s+|all\s+|these\s+)?{n}\b(?![.,]\d)|(?<![\d.,]){n}\s+(?:[\w-]+\s+)?"
                     rf"(?:patients|cases|subjects|individuals|people)\b", m.sentence, re.IGNORECASE)
    return group if size or _WHOLE.search(m.sentence) else None


def _attach_ages(groups: list[_Group], ages: list[Mention], sexes: list[Mention], tallies: set[int]) -> None:
    """Each age statistic joins the group whose sexes its sentence counts, else the group counted last
    before it in its section (or in its own sentence), else the group counted last before it in the
    text ("We reviewed 64 patients." then Results: "The mean age was 57.3"); else, when the paper has
    one group, that group."""
    candidates = [g for g in groups if id(g) not in tallies]
    for m in ages:
        told = [s for s in sexes if s.sentence_start == m.sentence_start and not s.attrs.get("adds_up")]
        sex_groups = [g for g in candidates if any(s is g.sex or _sex_total(s) == g.n for s in told)]
        target = _named_after(candidates, m) or (sex_groups[0] if len(sex_groups) == 1 else None) or _nearest_before(
            candidates, m, same_section=True, outside=True) or next(
            (g for g in candidates if any(s.sentence_start == m.sentence_start for s in g.sizes)), None) or (
            _nearest_before(candidates, m, outside=True))
        if target is None and len(candidates) == 1:
            target = candidates[0]
        if target is not None:
            target.ages.append(m)


def _by_sex(groups: list[_Group]) -> list[_Group]:
    """A group of one sex for the ages a group with counted sexes tells of that sex alone ("The women
    ranged ... (average age 72.3), while the men were aged 56-81 (average age 66.7)": the 13 women
    and the 5 men of 18); those ages leave the whole group."""
    out = []
    for g in groups:
        for sex in ("n_female", "n_male"):
            n = g.sex.attrs.get(sex) if g.sex is not None else None
            own = [a for a in g.ages if _age_sex(a) == sex]
            if own and isinstance(n, int) and _MIN_COHORT <= n < g.n:
                g.ages = [a for a in g.ages if a not in own]
                out.append(_Group(n, None, [], sex=g.sex, ages=own, population=g, only=sex))
    return out


def _age_sex(m: Mention) -> str | None:
    """"n_female" or "n_male" when age statistic `m` is told of one sex: "in women" follows it, or its
    clause is about "the women" / "the men" ("72.3 years in women and 66.7 years in men": the second is
    the men's); else None ("14 men and 16 women (mean age 65)" is about all of them)."""
    before = _CLAUSE_BREAK.split(m.sentence[:m.start_char - m.sentence_start])[-1]
    after = m.sentence[m.end_char - m.sentence_start:][:30]
    said = _ONE_SEX_AFTER.findall(after) or _ONE_SEX_BEFORE.findall(before)
    return None if not said else "n_female" if said[-1].lower().startswith(("wom", "fem")) else "n_male"


def _named_after(groups: list[_Group], m: Mention) -> _Group | None:
    """The named group that the words right after `m` assign it to ("... in group A", "... for the
    leakage group")."""
    after = m.sentence[m.end_char - m.sentence_start:][:60]
    said = _IN_GROUP.match(after)
    if said is None:
        return None
    name = (said.group(1) or said.group(2) or "").lower().strip()
    name = re.sub(r"[\s‐-]+", " ", re.sub(r"^(?:the|a|an)\s+", "", name))
    return next((g for g in groups if g.name == name), None)


def _nearest_before(groups: list[_Group], m: Mention, same_section: bool = False,
                    outside: bool = False) -> _Group | None:
    """The group with a size mention closest before `m` (in `m`'s section when `same_section`; with
    `outside`, not a part counted in parentheses after its whole, unless `m` stands in those parentheses
    too: "113 patients (PLIF n = 30, TLIF n = 83), with a mean age of 71" gives the age to the 113)."""
    sizes = [(s, g) for g in groups for s in g.sizes if s.start_char <= m.start_char
             and (not same_section or s.section_index == m.section_index)]
    if outside:
        every = [s for g in groups for s in g.sizes]
        sizes = [(s, g) for s, g in sizes if not (_is_part(s, every) and (
            s.sentence_start != m.sentence_start or _closed_between(s, m)))]
    return max(sizes, key=lambda sg: sg[0].start_char)[1] if sizes else None


def _depth(sentence: str, at: int) -> int:
    """How many parentheses are open at offset `at` of `sentence`."""
    return max(0, sentence[:at].count("(") - sentence[:at].count(")"))


def _is_part(size: Mention, sizes: list[Mention]) -> bool:
    """Whether `size` is counted in parentheses after another size of its sentence that is not ("113
    patients (PLIF n = 30, ...)": the 30 is a part of the 113)."""
    at = size.start_char - size.sentence_start
    return _depth(size.sentence, at) > 0 and any(
        w.sentence_start == size.sentence_start and w.end_char <= size.start_char
        and _depth(w.sentence, w.start_char - w.sentence_start) == 0 for w in sizes)


def _closed_between(size: Mention, m: Mention) -> bool:
    """Whether `size` stands in parentheses that close before `m` in their sentence."""
    if size.sentence_start != m.sentence_start:
        return False
    depth = 0
    for ch in m.sentence[size.end_char - m.sentence_start:m.start_char - m.sentence_start]:
        depth += (ch == "(") - (ch == ")")
        if depth < 0:
            return True
    return False


def _records(groups: list[_Group]) -> list[CohortRecord]:
    records = [_record(g) for g in groups]
    index = {id(g): k for k, g in enumerate(groups, start=1)}
    for g, rec in zip(groups, records, strict=True):
        den = g.denominator
        if den is not None:
            parent = next((p for p in groups if p.n == den[0] and p is not g), None)
            if parent is not None:
                rec.relations.append(Relation("drawn from", index[id(parent)], den[1].mention_id))
    named = [g for g in groups if g.named]
    for g in named:
        rivals = [o for o in named if o is not g and o.first.section_index == g.first.section_index]
        records[index[id(g)] - 1].relations += [
            Relation("compared with", index[id(o)], g.first.mention_id) for o in rivals]
        if g.arm_of is not None and id(g.arm_of) in index:
            records[index[id(g)] - 1].relations.append(Relation("part of", index[id(g.arm_of)], g.first.mention_id))
    return records


def _record(g: _Group) -> CohortRecord:
    rec = CohortRecord(n_patients=g.n, name=g.name)
    if g.sizes:
        rec.evidence.append(("n_patients", str(g.n), g.first.mention_id))
    den = g.denominator
    if den is not None:
        rec.denominator = den[0]
        rec.evidence.append(("denominator", str(den[0]), den[1].mention_id))
    if g.sex is not None:
        counts = {"n_male": 0, "n_female": 0, g.only: g.n} if g.only else g.sex.attrs
        for f in ("n_male", "n_female"):
            if isinstance(v := counts.get(f), int):
                setattr(rec, f, v)
                rec.evidence.append((f, str(v), g.sex.mention_id))
        if not g.sizes:
            rec.evidence.append(("n_patients", str(g.n), g.sex.mention_id))
    if g.whole_of is not None:
        rec.evidence.append(("n_patients", str(g.n), g.whole_of.mention_id))
    ages = sorted(g.ages, key=lambda m: m.attrs.get("sd") is None)
    for age in ages:
        if age.attrs.get("mean") not in (None, rec.age_mean) and rec.age_mean is not None:
            continue
        for f, key in _AGE_FIELDS:
            if age.attrs.get(key) is not None and getattr(rec, f) is None:
                setattr(rec, f, age.attrs[key])
                rec.evidence.append((f, str(age.attrs[key]), age.mention_id))
    return rec


def _sex_total(m: Mention) -> int | None:
    male, female = m.attrs.get("n_male"), m.attrs.get("n_female")
    return male + female if isinstance(male, int) and isinstance(female, int) else None
