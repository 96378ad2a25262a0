"""`leakmine_cohort`: aggregate statistics of a group of patients -> span group `leakmine_cohort`:
COHORT_SIZE (value "30", attrs `n`, `denominator`, `kind` population/subgroup/group, `name` of a
comparison group, `rate` the percentage told with the count, `whole_told` its denominator told as a
group of its own, `share_only` a count with no noun, a group only where its share is of a counted
group, `after_finding` a count in parentheses, a group only right after the complication it counts,
`arms` the arms (their names, or None each) a size told "in each group" counts, `within` the size
of the group counted before that the sentence says it is part of ("Among these nine patients, five ..."), `predicate`
event/outcome: the rule's own when its words say it, "17 patients who developed"), SEX_COUNT
("12M/18F", attrs `n_male`, `n_female`, either may be None, `adds_up` when written as a ratio, "M:F =
47:38") and AGE_STAT ("58.4±11.2", attrs `mean`, `sd`, `min`, `max`, `median`)."""

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from itertools import takewhile
from operator import itemgetter
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from leakmine.components.cohort.normalize import (
    ARM_NAME,
    SENTENCE_BREAK,
    about_people,
    age_stat,
    age_stat_value,
    arms_before,
    cohort_size,
    counted_people_before,
    counted_things_before,
    group_name,
    not_people,
    opens_after_people,
    predicate,
    sex_count,
    stated_rate,
    told_in_persons,
    whole_told,
    within_told,
)
from leakmine.nlp.docs import doc_text
from leakmine.nlp.numbers import load_number_rules
from leakmine.nlp.rules import Match, Rule, find_matches
from leakmine.nlp.spans import SPAN_ASSIGNS, write_found

GROUP = "leakmine_cohort"
LABELS = frozenset({"COHORT_SIZE", "SEX_COUNT", "AGE_STAT"})


# Words before a match that a rule with attr `after_age` needs: its clause spoke of age ("mean age was
# 68.2 years in group A and 67.6 ...").
_AGE_BEFORE = re.compile(r"\bage\b(?:(?![.;]\s).)*$")
# What the name of an arm that a rule with attr `named_by_care` reads must hold: an operation or care, not an
# imaging study or a drug ("142 patients received PVP", not "98 patients underwent CT").
_CARE = re.compile(r"plast|\b(?:PVP|PKP|BKP|VP|KP|NSM)\b|fusion|ectom|otom|fixation|surg|stabili[sz]|decompress|augment|"
                   r"instrument|approach|technique|cement|screw|conservative|non-?surgical|operat", re.IGNORECASE)
# A group's name told after what its patients had: "... were treated with mesh containers (MC group)".
_GROUP_NAMED = re.compile(r"\s*\((?:the\s+)?[\w/-]{1,20}(?:\s+[\w/-]{1,20})?\s+group\)", re.IGNORECASE)
# What makes named parts arms though no size they add up to is told: the clause allocates patients to them
# ("were randomized ... to undergo bilateral BKP (n = 118) or NSM (n = 121)").
_ALLOCATION_TO = re.compile(r"\b(?:randomi[sz]ed|randomi[sz]ation|randomly\s+(?:assigned|allocated)|allocated|assigned)\b"
                            r"[^.;()]{0,80}?\b(?:to|into)\s+(?:(?:undergo|receive|either|one\s+of)\s+)?(?:the\s+)?$",
                            re.IGNORECASE)
# Words before a match that a rule with attr `after_allocation` needs: its clause divides or compares
# patients ("were divided into augmented screws (n=64) and ...", "the cohort consisted of ..."), not "leakage
# occurred in the PVP (n = 18) ..." nor "the complications comprised ...".
_ALLOCATION_BEFORE = re.compile(r"\b(?:divided|randomi[sz]ed|randomly|allocated|assigned|classified|categori[sz]ed|"
                                r"stratified|separated|grouped|compared?|comparing|comparison|between|enrolled|"
                                r"included|(?<!complications\s)(?:comprised|consisted))\b(?:(?![.;]\s).)*$", re.IGNORECASE)
# A class's label right before a count in parentheses ("type B (group I, 14 cases)"): the count is what
# falls into that class (leaks, fractures), no arm of patients.
_CLASS_LABEL_BEFORE = re.compile(r"\b(?:type|grade|class|stage|pattern|zone)\s+[\w-]{1,4}\s*$", re.IGNORECASE)
# What ends a list of arms told one after another ("45 in group A and 42 in group B, and 3 in group A ...").
_CLAUSE_TURN = re.compile(r",|\bwith\b")
# What follows a complication group counted in an arm ("12 patients (26.7%) in group A").
_IN_ARM = re.compile(rf"\s*(?:\(\s*\d[\d.]*\s*%\s*\)\s*)?in\s+(?:the\s+)?[Gg]roup\s+{ARM_NAME}")
# Rule attrs a size carries on for assembly: `share_only` (no noun says what it counts: a group only where
# its share fits one), `after_finding` (a group only right after the complication it counts), `counted_in`
# ("operations": its denominator counts operations), `apart` (a group formed beside the population, as
# matched controls are: never drawn from it).
_PASSED_ON = ("share_only", "after_finding", "counted_in", "apart", "whole_people")
_WHOLE_REACH = 200  # characters from a size to the first of the parts told after it
_GROUPS_REACH = 300  # characters from a count of patients to the named groups it is divided into
# What may stand between two named parts of one size: "(PLIF n = 30, TLIF n = 83)", "NPVP (n=24) or
# HPVP (n=29)", "142 patients received PVP, while 121 ...", "... by unilateral PKP (group U) and 26 ...".
_PART_GAP = re.compile(r"\s*(?:\([^()]{1,20}\)\s*)?[,;]?\s*(?:(?:and|or|versus|vs\.?|while|whereas)\s+)?(?:the\s+)?",
                       re.IGNORECASE)


# Rule attrs that gate a match on its context, each with the test a match of such a rule must pass.
_GATES: dict[str, Callable[[str, Match], bool]] = {
    "after_age": lambda text, m: bool(_AGE_BEFORE.search(text[max(0, m.start - 80):m.start])),
    "after_allocation": lambda text, m: bool(_ALLOCATION_BEFORE.search(text[max(0, m.start - 150):m.start])),
    "named_by_care": lambda text, m: bool(_CARE.search(m.groups.get("name") or "") or _GROUP_NAMED.match(text, m.end)),
    "after_people": lambda text, m: counted_people_before(text, m.end),
    "opens_count_of_people": lambda text, m: opens_after_people(text, m.start),
    "not_after_things": lambda text, m: not counted_things_before(text, m.start),
    "not_after_class": lambda text, m: not _CLASS_LABEL_BEFORE.search(text, max(0, m.start - 30), m.start),
}


def _normalize(text: str, m: Match) -> tuple[str, dict[str, Any]] | None:
    g = m.groups
    if any(m.rule.attrs.get(attr) and not passes(text, m) for attr, passes in _GATES.items()):
        return None
    if m.rule.label == "COHORT_SIZE":
        # "(n = 12)" of rats; "the screw group (47 subjects)" counts people, and so does "(24 cases, 31
        # vertebrae)" or "[n = 271; screws = 1694]", the things counted after it; "(24 cases)" of vertebrae
        # named before it may not
        told = next((m.group_spans[k][1] for k in ("nw", "n") if k in m.group_spans), m.end)
        if m.rule.attrs.get("about_people") and not told_in_persons(text, m.start, m.end) \
                and not_people(text, m.start, told):
            return None
        size = cohort_size(g.get("n") or g.get("nw") or "", g.get("n2"), g.get("den"))
        among = cohort_size(g.get("among") or "", None, None) if m.rule.attrs.get("within_among") else None
        if not size or (among and among["n"] < size["n"]):  # "52 cases of leakage in 40 patients": events
            return None
        if m.rule.attrs.get("within_den") and g.get("den") and size["denominator"] is None:
            return None  # "30 leaks in 25 patients": events
        attrs = {**size, "kind": m.rule.attrs.get("kind", "population"), "name": group_name(g.get("name")),
                 "predicate": m.rule.attrs.get("predicate") or predicate(text, m.start, m.end)}
        if size["denominator"] and (m.rule.attrs.get("whole_told") or whole_told(text, m.start, m.end)):
            attrs["whole_told"] = True  # its denominator is a group of its own, the one it breaks down
        if (rate := stated_rate(text, m.start, m.end)) is not None:
            attrs["rate"] = rate  # the group's share of its whole, in percent as written ("0.46")
        if (within := within_told(text, m.start)) is not None and within > size["n"]:
            attrs["within"] = within  # a part of a group counted before: "Among these nine patients, five ..."
        attrs |= {k: m.rule.attrs[k] for k in _PASSED_ON if k in m.rule.attrs}
        if m.rule.attrs.get("each"):  # "with 40 cases in each group": one size for each arm told before it
            if not (arms := arms_before(text, m.start)):
                return None
            attrs["arms"] = arms
        if m.rule.attrs.get("needs_people") and not about_people(text, m.start, m.end):
            attrs["unsaid"] = True  # kept only when its denominator counts people elsewhere
        return str(size["n"]), attrs
    if m.rule.label == "SEX_COUNT":
        if m.rule.attrs.get("one_sex"):
            n = g.get("n") or g.get("nw")
            counts = sex_count(n if g.get("male") else None, n if g.get("female") else None)
        else:
            counts = sex_count(g.get("m") or g.get("m2") or "", g.get("f") or g.get("f2") or "")
        if not counts:
            return None
        value = "/".join(f"{v}{k[2].upper()}" for k, v in counts.items() if v is not None)
        if m.rule.attrs.get("adds_up"):  # written as a ratio: counts only of a group they add up to
            counts = {**counts, "adds_up": True}
        return value, counts
    stat = age_stat(text[m.start:m.end], g, str(m.rule.attrs.get("kind", "mean")))
    return (age_stat_value(stat), stat) if stat else None


def merge_overlaps(found: list[tuple[Match, str, dict[str, Any]]]) -> list[tuple[Match, str, dict[str, Any]]]:
    """One statistic per run of same-label matches that overlap with the same value, or nest: the
    first (longest) keeps its value, spans are joined and attrs combined ("25 patients (25/900) were
    included" is one size with its denominator)."""
    out: list[tuple[Match, str, dict[str, Any]]] = []
    live: list[int] = []  # the statistics in `out` that a later match may still overlap, in order
    for m, value, attrs in sorted(found, key=lambda f: (f[0].start, -f[0].end)):
        live = [i for i in live if m.start < out[i][0].end]  # matches come by start: those ended stay so
        prev = next((i for i in live if (o := out[i][0]).rule.label == m.rule.label
                     and (out[i][1] == value or m.end <= o.end)), None)
        if prev is None:
            live.append(len(out))
            out.append((m, value, dict(attrs)))
            continue
        o, v, a = out[prev]
        rule = o.rule if o.end - o.start >= m.end - m.start else m.rule
        if attrs.get("name") and not a.get("name"):  # the one that names its group tells what it counts
            a, attrs = attrs, a
        merged = {k: a.get(k) if a.get(k) is not None else attrs.get(k) for k in {**a, **attrs}}
        out[prev] = (Match(o.start, max(o.end, m.end), rule, {**m.groups, **o.groups}), v, merged)
    return out


def match_cohort(text: str, rules: list[Rule]) -> list[tuple[Match, str, dict[str, Any]]]:
    """Group statistics in `text`: (match, value, attrs), overlapping restatements merged; a count
    inside an age statistic, or overlapping a sex count ("of the 37, 21 (56.8%) were men") save one it
    holds ("of the 312 patients (198 women and 114 men), 48 developed"), is not a group size; a count
    that names no people ("the rate was 1.3% (16/1218)") is one only when its denominator counts people
    elsewhere ("1,218 cases were reviewed")."""
    matched = [(m, *norm) for m in find_matches(text, rules) if (norm := _normalize(text, m))]
    wholes = [f for f in matched if f[0].rule.attrs.get("whole_of_parts")]  # sizes only where parts add up
    normalized = _continued([f for f in matched if not f[0].rule.attrs.get("whole_of_parts")], text)
    people = {a["n"] for m, _, a in normalized if m.rule.label == "COHORT_SIZE" and not a.get("unsaid")}
    normalized += wholes
    found = merge_overlaps(_parts_of_wholes(text, [(m, v, {k: x for k, x in a.items() if k != "unsaid"})
                                                   for m, v, a in normalized
                                                   if not a.get("unsaid") or a.get("denominator") in people]))
    stats = [m for m, _, _ in found if m.rule.label != "COHORT_SIZE"]
    return [f for f in found if f[0].rule.label != "COHORT_SIZE" or not any(
        s.start <= f[0].start and f[0].end <= s.end or s.rule.label == "SEX_COUNT" and s.start < f[0].end
        and f[0].start < s.end and not f[0].start < s.start <= s.end < f[0].end for s in stats)]


def _continued(found: list[tuple[Match, str, dict[str, Any]]], text: str) -> list[tuple[Match, str, dict[str, Any]]]:
    """`found` without the next groups of a list (rules with attr `continues`: "... and foraminal leakage
    in 4 patients") that follow no group counted earlier in their sentence (a subgroup, or a count of
    patients told with its share who had something: "overall, 33 patients (14.0%) suffered leg pain"; not
    "we reviewed 120 patients"). The next of counts in named groups (`continues` "arm": "... and 42 in
    group B") goes on from the count just before it in its clause: an arm after a named arm, a
    complication group after one counted in an arm ("leakage in 12 patients in group A and 4 in group B";
    not after "9 cases of leakage, 4 cases in group A", nor "42 in group B, and 40 in group A ... were
    followed"). A next group told with its share and no noun after a head with no noun ("occurred in 9
    (47.4%), radicular pain in six (31.6%)") is, like it, a group only where its share fits
    (`share_only`)."""
    out: list[tuple[Match, str, dict[str, Any]]] = []
    breaks = [b.start() for b in SENTENCE_BREAK.finditer(text)]  # each "[.;]\s" that ends a sentence
    sentence: list[int] = []  # the sizes in `out[:seen]` that end after the last sentence break so far
    seen = 0
    for f in sorted(found, key=lambda f: f[0].start):
        m, value, attrs = f
        if not m.rule.attrs.get("continues"):
            out.append(f)
            continue
        k = bisect_right(breaks, m.start - 2)  # the last sentence break wholly before the match
        opened = breaks[k - 1] if k else -1
        sentence = [i for i in [*sentence, *range(seen, len(out))]
                    if out[i][0].rule.label == "COHORT_SIZE" and out[i][0].end > opened]
        seen = len(out)
        before = [(o, a) for o, _, a in (out[i] for i in sentence) if o.end <= m.start]
        if m.rule.attrs["continues"] == "arm":  # the count just before it, not one an arm restates
            arms = [o for o, a in before if a.get("kind") == "group" and a.get("name")]
            last = [(o, a) for o, a in before if not any(x is not o and x.start < o.end and o.start < x.end
                                                         for x in arms)][-1:]
            if not last or _CLAUSE_TURN.search(text, last[0][0].end, m.start):
                continue
            (o, a), = last
            arm = a.get("kind") == "group" and bool(a.get("name"))
            heads = [a] if a.get("kind") == "subgroup" and _IN_ARM.match(text, o.end) else []
        else:
            arm, heads = False, [a for _, a in before if a.get("kind") == "subgroup" or (
                a.get("kind") == "population" and a.get("rate") and a.get("predicate") == "event")]
        if arm:
            out.append((m, value, {**attrs, "kind": "group"}))
        elif heads:
            share_only = heads[-1].get("share_only") and text[m.end - 1] == ")"
            told = {**attrs, "kind": "subgroup", "name": None}
            out.append((m, value, {**told, "share_only": True} if share_only else told))
    return out


def _parts_of_wholes(text: str, found: list[tuple[Match, str, dict[str, Any]]]) -> list[tuple[Match, str, dict[str, Any]]]:
    """`found` without the named parts (rules with attr `part`) that do not add up, two or more told one
    after another, to a size told within `_WHOLE_REACH` characters before them, unless their clause allocates
    patients to them (`_ALLOCATION_TO`): "113 patients (PLIF n = 30, TLIF n = 83)" keeps both, and so do
    "53 patients who underwent NPVP (n=24) or HPVP (n=29)" and "randomized to BKP (n = 118) or NSM (n =
    121)". Parts with only `_PART_GAP` between them are told one after another. A count that is a size
    only as a whole (rule attr `whole_of_parts`) is kept only where such parts, or named groups counted one
    after another within `_GROUPS_REACH` characters after it, add up to it, and no count of people comes
    before it (the study population, not "of these, 9 patients ... (n = 5) or (n = 4)")."""
    runs: list[list[int]] = []
    for k, (m, _, _) in sorted(enumerate(found), key=lambda kf: kf[1][0].start):
        if not m.rule.attrs.get("part"):
            continue
        last = found[runs[-1][-1]][0] if runs else None
        if last and last.end <= m.start and _PART_GAP.fullmatch(text, last.end, m.start):
            runs[-1].append(k)
        else:
            runs.append([k])
    dropped = {k for k, (m, _, _) in enumerate(found) if m.rule.attrs.get("whole_of_parts")}
    counted = min((m.start for m, _, _ in found if m.rule.label == "COHORT_SIZE" and not m.rule.attrs.get("part")
                   and not m.rule.attrs.get("whole_of_parts")), default=len(text))
    sizes = [(m.end, k) for k, (m, _, _) in enumerate(found) if m.rule.label == "COHORT_SIZE"
             and not m.rule.attrs.get("part") and (not m.rule.attrs.get("whole_of_parts") or m.start <= counted)]
    for ks in runs:
        first = found[ks[0]][0].start
        total = sum(found[k][2]["n"] for k in ks)
        wholes = [k for end, k in sizes if end <= first <= end + _WHOLE_REACH]
        allocated = _ALLOCATION_TO.search(text, max(0, first - 80), first)
        if len(ks) < 2 or not (any(found[k][2]["n"] == total for k in wholes) or allocated):
            dropped.update(ks)
        else:
            dropped.difference_update(k for k in wholes if found[k][2]["n"] == total)
    counts = sorted(((m.start, -m.end, a) for m, _, a in found if m.rule.label == "COHORT_SIZE"), key=itemgetter(0, 1))
    starts = [c[0] for c in counts]
    for end, k in sizes:  # "Fifty patients ... were divided into group A (n = 24) and group B (n = 26)"
        if k in dropped and _named_groups_after(counts[bisect_left(starts, end):], end) == found[k][2]["n"]:
            dropped.discard(k)
    return [f for k, f in enumerate(found) if k not in dropped]


def _named_groups_after(counts: list[tuple[int, int, dict[str, Any]]], end: int) -> int | None:
    """What the named groups counted one after another within `_GROUPS_REACH` characters after `end` add up
    to (two or more, before any other count), or None; `counts`: (start, -end, attrs) of the sizes from
    `end` on, in text order."""
    after, reach = [], end
    for _, neg_end, a in takewhile(lambda c: c[0] <= end + _GROUPS_REACH, counts):
        if -neg_end > reach:  # not a count inside the one before it ("n = 24" in "group A (n = 24)")
            after.append(a)
            reach = -neg_end
    named = list(takewhile(lambda a: a.get("kind") == "group" and a.get("name"), after))
    return sum(a["n"] for a in named) if len(named) >= 2 else None


class CohortExtractor:
    def __init__(self, rules: list[Rule]):
        self.rules = rules

    def __call__(self, doc: Doc) -> Doc:
        return write_found(doc, GROUP, ((m.start, m.end, m.rule.label, value, m.rule.id, attrs)
                                        for m, value, attrs in match_cohort(doc_text(doc), self.rules)), by_label=True)


@Language.factory("leakmine_cohort", assigns=SPAN_ASSIGNS, retokenizes=True)
def make_cohort(nlp: Language, name: str) -> CohortExtractor:
    return CohortExtractor(load_number_rules(__name__, labels=LABELS))
