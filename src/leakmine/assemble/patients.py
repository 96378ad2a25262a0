"""Which patients a paper describes, and which mentions speak of which patient.

A patient is announced by an anchor: a case marker ("Case 2", "the second patient", a "Case 2"
heading) or an introduction (an individual age with the patient's sex: "A 62-year-old female").
Anchors that name the same patient (a repeated abstract, the abstract and the case section, a
marker and the introduction it opens) are merged into one cluster; clusters in order of first
appearance are the paper's patients. A mention belongs to the patient of the nearest anchor before
it in its unit (abstract, body, one caption), to every patient when its sentence speaks of all
cases, and in a single-patient paper to that patient wherever the sentence speaks of the patient.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from leakmine.assemble.cues import CueIndex, SentenceCues, vocabulary
from leakmine.assemble.sections import unit_flow
from leakmine.assemble.sentences import Voice, about_patient, sentence_voice
from leakmine.nlp.numbers import NUMWORD, ORDINAL
from leakmine.records import Document, Mention

# "Four patients with ...": a title's words, or a sentence's; "Two patients, who ..., presented with ...", a section's first
_OPENING_COUNTS = frozenset({"case_count.opening_patients", "case_count.opening_presented"})
_SERIES_MOST = 10  # a case part that counts this many patients or more tells a cohort, not a series
# How a case part says the patients it counts are the ones it reports, or presents them.
_INCLUDED = re.compile(r"\b(?:were|are)\s+(?:\w+\s+)?(?:included|enrolled|reported|described|presented|"
                       r"reviewed|analy[sz]ed|studied|collected|admitted|treated|identified)\b|\bpresented\s+(?:with|to)\b",
                       re.IGNORECASE)

ANCHOR_FLOWS = frozenset({"title", "abstract", "body", "caption", "commentary"})
COHORT_LABELS = frozenset({"COHORT_SIZE", "SEX_COUNT", "AGE_STAT"})
BROADCAST_LABELS = frozenset({"PROCEDURE", "CAUSE", "TREATMENT"})
# What a sentence says of each case ("in both cases", "both patients improved", "two women aged 71 and 78
# ... developed"); a paper's summary of its cases ("we report two patients with ...") gives only
# procedures, causes and treatments, and those only fill in what a patient lacks (broadcast), besides the
# complication it counts them by (`_summary_gives`).
SHARED_LABELS = BROADCAST_LABELS | {"SYMPTOM", "LEAK_LOCATION", "OUTCOME", "TIMING", "FOLLOW_UP"}
_IN_ONE = re.compile(r"\bin\s+one\s+(?:patient|case)\b", re.IGNORECASE)
_IN_THE_OTHER = re.compile(r"\bin\s+the\s+other(?:\s+(?:patient|case|one)\b|(?=\s*(?:[,.;:)]|$)))", re.IGNORECASE)
_RESPECTIVELY = re.compile(r"\brespectively\b", re.IGNORECASE)
_NUMBERS = re.compile(rf"\d+|\b{NUMWORD}|\b{ORDINAL}\b", re.IGNORECASE)  # "3", "three", "third"
# Numbers that name the cases themselves: "in patients 1 and 2", "in patient one", "the first patient".
_CASE_NUMBERS = re.compile(rf"\b(?:patients?|cases?)\s+(?:\d+|{NUMWORD})(?:\s*(?:,|and)\s*(?:\d+|{NUMWORD}))*"
                           rf"|\b{ORDINAL}\s+(?:patient|case)s?\b", re.IGNORECASE)
# Words that part a summary's cases: "in one", "one of whom", "one of two patients", "... respectively".
_SOME = re.compile(r"\b(?:in\s+one|one\s+of\s+(?:whom|which|them|these|those|(?:the\s+)?(?:two|three|four|five|six|"
                   r"seven|eight|nine|\d+)\b))|" + _RESPECTIVELY.pattern, re.IGNORECASE)
_JOINED = re.compile(r"^[\s,;)‐‑–-]*(?:and|&)?[\s,]*(?:an?|the)?\s*$", re.IGNORECASE)
_INTRODUCTION = re.compile(r"^(?:(?:patient|case)\s+\d{1,2}\s*\(?\s*(?:an?\s+)?)?\d{1,3}(?:\s*[-‐‑–]?\s*(?:years?|yrs?)\s*[-‐‑–]?\s*old)?"
                           r"(?:\s+(?:man|woman|male|female|lady|gentleman|boy|girl|patient))?", re.IGNORECASE)
NARRATIVE_LABELS = frozenset({"PROCEDURE", "SYMPTOM", "TREATMENT", "LEAK_LOCATION", "CAUSE", "MUSCLE_GRADE"})
_INTRO_WINDOW = 60
MAX_NUMBERED = 10
# The words just before an introduction: a determiner joined to its age or sex ("the 72-year-old
# woman"), read as the relation of the mentions (a cue for every "the" would swamp the tables).
_DEFINITE = re.compile(r"\b(?:the|this|our|that|said|same)\s+$", re.IGNORECASE)
_AGED_REACH = 25


@dataclass
class Anchor:
    """One place that announces a patient: a case marker or an introduction."""

    start: int
    sentence_start: int
    section_index: int
    unit: str
    number: int | None = None
    age: int | None = None
    sex: str | None = None
    definite: bool = False
    joint: bool = False  # one of several patients introduced together ("aged 71 and 78 years")
    evidence: list[tuple[str, str, str]] = field(default_factory=list)  # (field, value, mention_id)


@dataclass
class Cluster:
    """Anchors that name the same patient."""

    first: int
    markers: set[int] = field(default_factory=set)
    age: int | None = None
    sex: str | None = None
    evidence: list[tuple[str, str, str]] = field(default_factory=list)

    def compatible(self, age: int | None, sex: str | None) -> bool:
        return (age is not None and self.age == age
                and (sex is None or self.sex is None or sex == self.sex))

    def absorb(self, anchor: Anchor) -> None:
        self.first = min(self.first, anchor.start)
        if anchor.number is not None:
            self.markers.add(anchor.number)
        if self.age is None and anchor.age is not None:
            self.age = anchor.age
        if self.sex is None and anchor.sex is not None:
            self.sex = anchor.sex
        self.evidence.extend(anchor.evidence)


@dataclass
class Attribution:
    """A mention attributed to patients (1-based numbers); `broadcast` when said of all cases."""

    mention: Mention
    unit: str
    patients: tuple[int, ...]
    broadcast: bool = False


def _near(a: Mention, b: Mention) -> int:
    return max(a.start_char, b.start_char) - min(a.end_char, b.end_char)


def intro_anchors(document: Document, mentions: list[Mention], cues: CueIndex, unit_of: list[str],
                  by_sentence: dict[int, list[Mention]]) -> list[Anchor]:
    """Introductions: an individual age ("52-year-old", "aged 70") with the sex of the same person."""
    out = []
    for m in mentions:
        if m.label != "AGE" or not isinstance(m.attrs.get("age"), int) or m.negated or m.hypothetical:
            continue
        unit = unit_of[m.section_index]
        flow = unit_flow(unit)
        voice = sentence_voice(cues.of(m))
        if flow not in ANCHOR_FLOWS or voice.literature or voice.skip:
            continue
        if flow == "commentary" and not cues.of(m).has("WE_PRESENT"):
            continue
        if flow != "body" and flow != "caption" and voice.citation:
            continue
        here = by_sentence[m.sentence_start]
        if any(s.label == "AGE_STAT" and s.start_char <= m.start_char and m.end_char <= s.end_char for s in here):
            continue  # an end of a group's range ("the youngest was 17, whereas the oldest ...")
        if "joint" in m.attrs:
            sex = _joint_sex(m, here)
            if sex is None and not cues.of(m).has("BROADCAST"):
                continue
        else:
            nouns = sorted((s for s in here if s.label == "SEX" and s.attrs.get("kind") == "noun"
                            and _near(s, m) <= _INTRO_WINDOW), key=lambda s: _near(s, m))
            sex = nouns[0] if nouns else None
        if "joint" not in m.attrs and not m.attrs.get("year_old") and not (
                m.attrs.get("aged") and sex is not None and _near(sex, m) <= _AGED_REACH):
            continue
        first = min(m.start_char, sex.start_char) if sex else m.start_char
        before = document.text[m.sentence_start:first]
        anchor = Anchor(m.start_char, m.sentence_start, m.section_index, unit, age=m.attrs["age"],
                        sex=sex.value if sex else None, definite=bool(_DEFINITE.search(before)),
                        joint="joint" in m.attrs,
                        evidence=[("age", str(m.attrs["age"]), m.mention_id)])
        if sex is not None:
            anchor.evidence.append(("sex", sex.value, sex.mention_id))
        out.append(anchor)
    return out + _definite_references(mentions, unit_of, out)


def _joint_sex(age: Mention, sentence: list[Mention]) -> Mention | None:
    """The sex of one of the patients introduced together: the group noun before the ages ("two women
    aged 71 and 78"), else the singular nouns listed before them in the same order ("a man and a woman
    aged 58 and 66 years, respectively")."""
    before = [s for s in sentence if s.label == "SEX" and s.end_char <= age.start_char
              and age.start_char - s.end_char <= _INTRO_WINDOW * 2]
    groups = [s for s in before if s.attrs.get("kind") == "group"]
    if groups:
        return groups[-1]
    ages = [o for o in sentence if o.label == "AGE" and "joint" in o.attrs]
    after = [s for s in sentence if s.label == "SEX" and s.attrs.get("kind") == "group"
             and 0 <= s.start_char - max(o.end_char for o in ages) <= 20]
    if after:
        return after[0]
    nouns = [s for s in before if s.attrs.get("kind") == "noun"]
    k = age.attrs["joint"]
    return nouns[k] if len(nouns) >= len(ages) > k else None


def _definite_references(mentions: list[Mention], unit_of: list[str], intros: list[Anchor]) -> list[Anchor]:
    """"The man underwent TLIF ...", "In the woman, ...": where the patients introduced together differ
    in sex, a definite sex noun names one of them. Kept only when the introductions leave one patient
    of that sex (checked when clustering: an anchor with a sex and no age joins the one cluster of that sex)."""
    sexes: dict[str, set[int | None]] = {}
    for a in intros:
        sexes.setdefault(a.unit, set()).add(a.sex and a.age and hash((a.sex, a.age)))
    out: list[Anchor] = []
    if all(len(s) < 2 for s in sexes.values()):
        return out
    for m in mentions:
        unit = unit_of[m.section_index]
        if m.label != "SEX" or m.attrs.get("kind") != "noun" or len(sexes.get(unit, ())) < 2:
            continue
        before = m.sentence[max(0, m.start_char - m.sentence_start - 30): m.start_char - m.sentence_start]
        if not _DEFINITE.search(before) or any(a.start <= m.start_char <= a.start + _INTRO_WINDOW and
                                               a.sentence_start == m.sentence_start for a in intros):
            continue
        out.append(Anchor(m.start_char, m.sentence_start, m.section_index, unit, sex=m.value, definite=True,
                          evidence=[("sex", m.value, m.mention_id)]))
    return out


def marker_anchors(document: Document, mentions: list[Mention], cues: CueIndex, unit_of: list[str],
                   counted: int | None) -> list[Anchor]:
    """Case markers in the text and in section titles ("Case 2" as a heading, found at ingest). A
    marker that only opens a series ("One patient ...") counts where a later marker of its unit names
    the next case ("The second patient ...", "The other patient ..."); one that only closes it ("The
    other patient") where such an opening came before it in its unit, in a paper that reports two cases
    (`counted`: `reported_count`)."""
    markers = [m for m in mentions if m.label == "CASE_MARKER"]
    markers = [m for m in markers if not m.attrs.get("closes_series") or counted == 2 and any(
        o.end_char < m.start_char and unit_of[o.section_index] == unit_of[m.section_index]
        and o.attrs.get("opens_series") for o in markers)]
    out = []
    for m in markers:
        if unit_flow(unit_of[m.section_index]) in ANCHOR_FLOWS:
            if sentence_voice(cues.of(m)).literature:
                continue
            if m.attrs.get("opens_series") and not any(
                    o.start_char > m.end_char and unit_of[o.section_index] == unit_of[m.section_index]
                    and o.attrs.get("n") == m.attrs["n"] + 1 for o in markers):
                continue
            out.append(Anchor(m.start_char, m.sentence_start, m.section_index, unit_of[m.section_index],
                              number=int(m.value), evidence=[("patient", m.value, m.mention_id)]))
    for i, s in enumerate(document.sections):
        if s.case_number is not None and unit_flow(unit_of[i]) in ANCHOR_FLOWS - {"commentary"}:
            out.append(Anchor(s.start_char, s.start_char, i, unit_of[i], number=s.case_number))
    return out


def cluster_anchors(anchors: list[Anchor]) -> tuple[list[Cluster], dict[int, int]]:
    """Merge anchors that name the same patient; returns clusters in order of appearance and, for each
    anchor (by its index in `anchors`), the index of its cluster."""
    order = sorted(range(len(anchors)), key=lambda i: (anchors[i].start, anchors[i].number is None))
    clusters: list[Cluster] = []
    of: dict[int, int] = {}
    active_marker: dict[str, int] = {}
    current: dict[str, int] = {}
    sentence_marker: dict[int, int] = {}
    for i in order:
        a = anchors[i]
        if a.number is not None:
            c = _marker_cluster(a.number, clusters)
            if c is None and unit_flow(a.unit) == "commentary":
                continue
            if c is None:
                clusters.append(Cluster(a.start))
                c = len(clusters) - 1
            active_marker[a.unit] = c
            sentence_marker[a.sentence_start] = c
        else:
            c = _intro_cluster(a, clusters, active_marker, current, sentence_marker)
            if c is None:
                continue
        clusters[c].absorb(a)
        of[i] = current[a.unit] = c
    return _merge(clusters, of)


def _marker_cluster(number: int, clusters: list[Cluster]) -> int | None:
    """The cluster a case marker names: the one carrying that number, else the patient introduced in
    that place without a number ("the first case" after the introductions)."""
    c = next((k for k, cl in enumerate(clusters) if number in cl.markers), None)
    if c is None:
        ordered = sorted(range(len(clusters)), key=lambda k: clusters[k].first)
        if number <= len(ordered) and not clusters[ordered[number - 1]].markers:
            c = ordered[number - 1]
    return c


def _intro_cluster(a: Anchor, clusters: list[Cluster], active_marker: dict[str, int], current: dict[str, int],
                   sentence_marker: dict[int, int]) -> int | None:
    if a.sentence_start in sentence_marker:
        return sentence_marker[a.sentence_start]
    if a.age is None and a.sex is not None and a.definite and not a.evidence[1:]:
        same = [k for k, cl in enumerate(clusters) if cl.sex == a.sex]
        return same[0] if len(same) == 1 and len(clusters) > 1 else current.get(a.unit)
    match = next((k for k, cl in enumerate(clusters) if cl.compatible(a.age, a.sex)), None)
    if a.unit in active_marker:
        c = active_marker[a.unit]
        if clusters[c].age is None or clusters[c].compatible(a.age, a.sex):
            return c
        return match
    if a.definite and a.unit in current:
        return current[a.unit]
    if match is not None:
        return match
    if a.sex is None and clusters and not a.joint:
        return current.get(a.unit)
    if unit_flow(a.unit) == "commentary" and clusters:
        return None
    clusters.append(Cluster(a.start))
    return len(clusters) - 1


def _merge(clusters: list[Cluster], of: dict[int, int]) -> tuple[list[Cluster], dict[int, int]]:
    """Join clusters of the same age and sex where at most one carries case markers; order by appearance."""
    parent = list(range(len(clusters)))
    for j, b in enumerate(clusters):
        for i in range(j):
            a = clusters[parent[i]]
            if parent[i] == i and a.compatible(b.age, b.sex) and not (a.markers and b.markers):
                a.first = min(a.first, b.first)
                a.markers |= b.markers
                a.sex = a.sex or b.sex
                a.evidence.extend(b.evidence)
                parent[j] = i
                break
    roots = sorted({parent[k] for k in range(len(clusters))}, key=lambda k: clusters[k].first)
    merged = [clusters[r] for r in roots]
    renum = {r: n for n, r in enumerate(roots)}
    return _number_by_markers(merged, {a: renum[parent[c]] for a, c in of.items()})


def _number_by_markers(clusters: list[Cluster], of: dict[int, int]) -> tuple[list[Cluster], dict[int, int]]:
    """When every patient carries a case number, the numbers give the order, and a number never
    reached ("Case 2" with no "Case 1" found) keeps its place as a patient with nothing known."""
    if not clusters or not all(cl.markers for cl in clusters):
        return clusters, of
    top = max(max(cl.markers) for cl in clusters)
    if len({min(cl.markers) for cl in clusters}) < len(clusters) or top > MAX_NUMBERED:
        return clusters, of
    slots: list[Cluster] = [Cluster(first=-1) for _ in range(top)]
    where = {}
    for k, cl in enumerate(clusters):
        where[k] = min(cl.markers) - 1
        slots[where[k]] = cl
    return slots, {a: where[c] for a, c in of.items()}


def plausible_single_patient(document: Document, mentions: list[Mention], cues: CueIndex, unit_of: list[str]) -> bool:
    """A paper without introductions still describes one patient when it has a case section or tells
    of one case ("the patient", "we report a woman", "a case of") where a procedure, symptom,
    treatment or leak is told (not denied or supposed: "if the patient reported pain")."""
    if any(s.kind == "case" and s.mined for s in document.sections):
        return True
    if document.meta.pools_studies:  # a review tells its own case only in a case section
        return False
    for m in mentions:
        flow = unit_flow(unit_of[m.section_index])
        if m.label in NARRATIVE_LABELS and m.asserted and flow in ("title", "abstract", "body", "caption"):
            voice = sentence_voice(cues.of(m))
            if cues.of(m).has("CASE_TOLD") and not voice.generic and about_patient(voice, flow):
                return True
    return False


def reported_count(document: Document, mentions: list[Mention], cues: CueIndex, flows: list[str]) -> int | None:
    """How many cases the authors say they report ("we report three cases", "a report of two cases"):
    the first such count in the title (the authors' own words, "... report of four cases and review of
    the literature"), or in the abstract (its background and objective too: "To report 3 cases ...") or
    body where the sentence is not about the literature or patients in general; never in a paper that
    pools other studies. A series whose patients are never told apart has that many patients (when the
    paper reports no cohort). Without such words, the few patients a case part says were included before
    any patient's age or sex is told ("Patient concerns: A total of 4 patients with ... were included",
    not "5 patients underwent vertebroplasty that week"), in the authors' voice and with no statistics of
    theirs, in a paper whose authors count no population elsewhere; or the few patients a sentence of the
    abstract or body opens with and says were admitted or treated ("Four patients with ... were treated")."""
    if document.meta.pools_studies:
        return None
    for m in mentions:
        flow = flows[m.section_index]
        in_abstract = flow == "commentary" and m.section_kind == "abstract"  # its background or objective
        if m.label != "CASE_COUNT" or (flow not in ("title", "abstract", "body") and not in_abstract) or (
                m.attrs.get("title_only") and flow != "title"):
            continue
        voice = sentence_voice(cues.of(m))
        if flow == "title" or not (voice.skip or voice.literature or voice.citation or voice.tally
                                   or (voice.generic and not voice.patient)):
            return m.attrs["n"]
    own = [m for m in mentions if m.label == "COHORT_SIZE" and m.attrs.get("kind") == "population"
           and not _others(sentence_voice(cues.of(m)))]
    first_told = min((o.start_char for o in mentions if o.label in ("AGE", "SEX")
                      and not _others(sentence_voice(cues.of(o)))), default=len(document.text))

    def included(m: Mention) -> bool:
        n = m.attrs.get("n")
        return isinstance(n, int) and 1 < n < _SERIES_MOST and m.start_char <= first_told \
            and bool(_INCLUDED.search(m.sentence)) and not any(
                o.label in ("SEX_COUNT", "AGE_STAT") and o.sentence_start == m.sentence_start for o in mentions)

    # a sentence of the abstract or body that opens with the patients it says were treated ("Four patients
    # with leg weakness after ... were treated at our unit"), in a paper that counts no other population
    # and no group against one
    opening = next((m for m in mentions if m.rule_id in _OPENING_COUNTS and flows[m.section_index] in ("abstract", "body")
                    and included(m) and not _others(sentence_voice(cues.of(m)))), None)
    if opening is not None and all(o.attrs.get("n") == opening.attrs["n"] for o in own) and not any(
            m.label == "COHORT_SIZE" and m.attrs.get("denominator") for m in mentions):
        return opening.attrs["n"]
    if any(m.section_kind != "case" for m in own):
        return None
    return next((m.attrs["n"] for m in own if included(m)), None)


def _others(voice: Voice) -> bool:
    """A sentence that tells of other authors' or of patients in general."""
    return voice.skip or voice.literature or voice.citation or voice.tally or voice.generic


def _introduced_together(text: str, before: list[tuple[Anchor, int]]) -> list[int]:
    """The patients (cluster indexes) introduced together just before a mention: ages of one list
    ("aged 71 and 78 years") or introductions joined by "and" or commas ("a 58-year-old man and a
    66-year-old woman developed ...", "patient 1 (a 70-year-old man) and patient 2 (...) developed")."""
    groups: list[tuple[Anchor, Anchor, int]] = []  # first and last anchor of each patient, in order
    for anchor, cluster in before:
        if groups and groups[-1][2] == cluster:
            groups[-1] = (groups[-1][0], anchor, cluster)
        else:
            groups.append((anchor, anchor, cluster))
    chosen = [groups[-1][2]] if groups else []
    for (_, last, cluster), (first, _, _) in zip(groups[-2::-1], groups[:0:-1], strict=False):
        if not _JOINED.match(_INTRODUCTION.sub("", text[last.start:first.start], count=1)):
            break
        chosen.append(cluster)
    return chosen


def _distributive(m: Mention, others: list[Mention], cues: SentenceCues) -> bool:
    """A sentence about all cases that names several values of one kind gives each case its own
    ("a misplaced screw, a migrated cage and leaked cement"): none of them belongs to every case.
    Values named as one ("decompression with discectomy": a WITH cue between them) or read from one
    phrase ("radicular pain": radiculopathy and pain) are not several."""
    return any(o.value != m.value and not _named_as_one(m, o, cues) for o in others)


def _one_and_the_other(m: Mention, others: list[Mention]) -> tuple[int, ...] | None:
    """Two patients told apart within a sentence: "noticed after twelve hours in one patient and after four
    days in the other", "in one case the cement reached the foramen, in the other, the canal".
    A value in the first part is patient 1's, one in the second patient 2's, when the other part names
    a value of the same kind; what the sentence says of both ("after kyphoplasty at L1, cement was
    found at L2 in one patient and at L3 in the other": the L1) stays both patients'."""
    one = _IN_ONE.search(m.sentence)
    other = _IN_THE_OTHER.search(m.sentence, one.end()) if one else None
    if other is None:
        return None
    same = [o for o in others if o.label == m.label]
    before = [o.end_char - o.sentence_start for o in same if o.start_char - o.sentence_start < one.start()]
    # The first patient's value is the last one named before "in one patient"; those before it are both's.
    parts = ((one.end(), other.start()), (other.end(), len(m.sentence))) if not before else (
        (max(before[:-1], default=0), one.start()), (one.end(), other.start()))

    def part(x: Mention) -> int | None:
        at = x.start_char - x.sentence_start
        return next((k for k, (a, b) in enumerate(parts, 1) if a <= at < b), None)

    mine = part(m)
    return (mine,) if mine and any(part(o) == 3 - mine for o in same) else None


def _told_in_turn(by_sentence: dict[int, list[Mention]]) -> dict[int, tuple[int, int]]:
    """Two patients told apart in two sentences: "In one patient, the cement reached the foramen. In the
    other, it filled the canal." -> {first sentence: (1, second), second sentence: (2, first)} (starts)."""
    starts = sorted(by_sentence)
    out: dict[int, tuple[int, int]] = {}
    for a, b in zip(starts, starts[1:], strict=False):
        first, second = by_sentence[a][0], by_sentence[b][0]
        if first.section_index == second.section_index and _IN_ONE.match(first.sentence.lstrip()) \
                and _IN_THE_OTHER.match(second.sentence.lstrip()) and not _IN_THE_OTHER.search(first.sentence):
            out[a], out[b] = (1, b), (2, a)
    return out


def _summary_gives(m: Mention, flow: str, by_sentence: dict[int, list[Mention]], cues: SentenceCues,
                   n_patients: int) -> bool:
    """Whether a series' summary of its cases gives `m` to each: a procedure, cause or treatment; and, in the
    title or where it counts all of them, the complication they share ("we report two cases of cauda equina
    syndrome after ..."), unless unspecified ("two patients with neurological deficits": each case tells its
    own) or the sentence parts them ("one of whom had foot drop", "... respectively", "in one of two patients")."""
    if m.label in BROADCAST_LABELS:
        return True
    if m.label != "SYMPTOM" or m.value in vocabulary()["unspecified_symptoms"] or cues.has("PART") \
            or _SOME.search(m.sentence):
        return False
    return flow == "title" or any(o.label == "CASE_COUNT" and o.value == str(n_patients)
                                  for o in by_sentence[m.sentence_start])


def _respective(m: Mention, others: list[Mention], n_patients: int) -> tuple[int, ...] | None:
    """The case `m` is said of where its sentence names one value of its kind for each of the series'
    cases, in order, and says so after them ("with 3/5 and 4/5 hip flexor weakness, respectively"): the k-th
    value the k-th case's; else None. The list is the one nearest "respectively" ("weakness and bladder
    and bowel trouble 13 months, 3 years and 5 years later, respectively": the times, not the symptoms;
    nor values of another kind as many as the cases between)."""
    said = _RESPECTIVELY.search(m.sentence, m.end_char - m.sentence_start)
    if said is None:
        return None
    end = m.sentence_start + said.start()
    named = sorted({(o.start_char, o.end_char) for o in others if o.label == m.label and o.end_char <= end})
    tail = _CASE_NUMBERS.sub(" ", m.sentence[named[-1][1] - m.sentence_start:said.start()] if named else "")
    if len(named) != n_patients or len(_NUMBERS.findall(tail)) > 1:
        return None  # a list of numbers between the list and "respectively" is the list it closes
    between: dict[str, set[int]] = {}
    for o in others:
        if o.label != m.label and named[0][0] < o.start_char and o.end_char <= end:
            between.setdefault(o.label, set()).add(o.start_char)
    if any(len(v) >= n_patients for v in between.values()):
        return None
    return (named.index((m.start_char, m.end_char)) + 1,)


def _one_of_two(m: Mention, by_sentence: dict[int, list[Mention]],
                in_turn: dict[int, tuple[int, int]]) -> tuple[int, ...] | None:
    """The one patient of a two-patient series `m` is said of, where the text tells them apart: within
    its sentence (`_one_and_the_other`) or in two sentences in turn (`in_turn`, from `_told_in_turn`),
    the other telling a value of the same kind; else None."""
    split = _one_and_the_other(m, by_sentence[m.sentence_start])
    if split or m.sentence_start not in in_turn:
        return split
    k, partner = in_turn[m.sentence_start]
    return (k,) if any(o.label == m.label for o in by_sentence[partner]) else None


def _said_of_some(cues: SentenceCues, at: int) -> bool:
    """Whether a PART cue ("one of them") stands before offset `at` of the sentence with no EACH cue
    ("both", "all patients") starting between it and `at`."""
    parts = [e for _, e in cues.spans("PART") if e <= at]
    return bool(parts) and not any(parts[-1] <= s < at for s, _ in cues.spans("EACH"))


def _named_as_one(a: Mention, b: Mention, cues: SentenceCues) -> bool:
    first, second = sorted((a, b), key=lambda x: x.start_char)
    at = first.sentence_start
    gap = first.sentence[first.end_char - at:second.start_char - at]
    return gap in ("", " ") or cues.joins("WITH", first.end_char - at, second.start_char - at)


def attribute(document: Document, mentions: list[Mention], cues: CueIndex, anchors: list[Anchor],
              of: dict[int, int], n_patients: int, cohort: bool, unit_of: list[str],
              by_sentence: dict[int, list[Mention]]) -> list[Attribution]:
    """Each patient-level mention with the patients it speaks of (mentions of no patient left out);
    `unit_of` gives each section's unit, `by_sentence` the mentions of each sentence.

    A sentence that names a case ("In Case 2, ...") speaks of that patient even in the discussion.
    """
    if n_patients == 0:
        return []
    flows = [unit_flow(u) for u in unit_of]
    placed = sorted((anchors[i].start, i) for i in of)
    in_sentence: dict[int, list[int]] = {}
    in_unit: dict[str, list[tuple[int, int]]] = {}
    for start, i in placed:
        in_sentence.setdefault(anchors[i].sentence_start, []).append(i)
        in_unit.setdefault(anchors[i].unit, []).append((start, i))
    # Patients never told apart (the one patient of a case report, a series known only by its count, or
    # the rest of a series that tells fewer cases than it counts) share every statement about a patient
    # that no told case owns, save, in a series, one about some of them ("one of them").
    alike = (n_patients == 1 or n_patients > len(set(of.values()))) and not cohort
    everyone = tuple(range(1, n_patients + 1))
    some = alike and n_patients > 1
    told = case_told_at(mentions, cues, unit_of, flows) if alike else {}
    two = some and n_patients == 2
    in_turn = _told_in_turn(by_sentence) if two else {}
    # What a sentence (within one section) tells by itself: its flow, unit, voice, whether it speaks of
    # each case and whether it may tell about a patient.
    said: dict[tuple[int, int], tuple[str, str, Voice, bool, bool]] = {}
    out = []
    for m in mentions:
        if m.label in COHORT_LABELS:
            continue
        key = (m.sentence_start, m.section_index)
        facts = said.get(key)
        if facts is None:
            flow = flows[m.section_index]
            voice = sentence_voice(here_cues := cues.of(m))
            facts = said[key] = (flow, unit_of[m.section_index], voice,
                                 flow != "title" and here_cues.has("EACH"), about_patient(voice, flow))
        flow, unit, voice, each, about = facts
        # What follows "one of them", "the others" in the sentence is said of some of the patients, until
        # "both", "all patients" ("One patient needed a shunt, but both fully recovered").
        some_of = _said_of_some(cues.of(m), m.start_char - m.sentence_start)
        part = some and some_of
        if flow == "none":
            continue
        if two and about and flow != "title" and (split := _one_of_two(m, by_sentence, in_turn)):
            out.append(Attribution(m, unit, split))
            continue
        here = in_sentence.get(m.sentence_start)
        if not here and not cohort and n_patients > 1 and about and flow != "title" and (
                own := _respective(m, by_sentence[m.sentence_start], n_patients)):
            out.append(Attribution(m, unit, own))
            continue
        if here:
            before = [i for i in here if anchors[i].start <= m.start_char]
            pick = before[-1] if before else here[0]
            named = voice._replace(patient=True) if anchors[pick].number is not None else voice
            if about_patient(named, flow):
                together = _introduced_together(document.text, [(anchors[i], of[i]) for i in before])
                chosen = sorted(k + 1 for k in together) if m.label in SHARED_LABELS else [of[pick] + 1]
                out.append(Attribution(m, unit, tuple(chosen) or (of[pick] + 1,)))
            continue
        if flow == "title" or ((voice.broadcast or each) and flow in ("abstract", "body")):
            if alike:
                if about and not part:
                    out.append(Attribution(m, unit, everyone))
            elif not cohort and not some_of and about and (m.label in SHARED_LABELS if each else _summary_gives(
                    m, flow, by_sentence, cues.of(m), n_patients)) \
                    and not _distributive(m, [o for o in by_sentence[m.sentence_start] if o.label == m.label],
                                          cues.of(m)):
                out.append(Attribution(m, unit, tuple(range(1, n_patients + 1)),
                                       broadcast=m.label in BROADCAST_LABELS))
            continue
        if flow == "commentary":
            if alike and about and not part:
                out.append(Attribution(m, unit, everyone))
            continue
        scope = None
        for start, i in reversed(in_unit.get(unit, ())):
            if start < m.start_char and (not cohort or anchors[i].section_index == m.section_index):
                scope = i
                break
        if scope is not None:
            if about:
                out.append(Attribution(m, unit, (of[scope] + 1,)))
        elif alike and not part and about_patient(voice, flow, before_anchor=(
                flow == "abstract" and not told.get(unit, m.start_char + 1) <= m.sentence_start) or (
                flow == "body" and m.section_kind != "case" and unit in in_unit)):
            out.append(Attribution(m, unit, everyone))
    return out


def case_told_at(mentions: list[Mention], cues: CueIndex, unit_of: list[str], flows: list[str]) -> dict[str, int]:
    """Per unit, the first sentence that introduces the paper's case without an age ("We report a case
    of ...", "A case of ... is presented") or counts its cases ("we report three cases", "Two patients who
    had undergone ... presented with ..."): it and what follows tell of the patients. `unit_of` and `flows`
    give each section's unit and flow."""
    out: dict[str, int] = {}
    if "abstract" not in flows:
        return out
    for m in mentions:
        unit = unit_of[m.section_index]
        if unit in out or flows[m.section_index] != "abstract":
            continue
        voice = sentence_voice(cues.of(m))
        told = (m.label == "CASE_COUNT" and (not m.attrs.get("title_only") or (
            m.rule_id in _OPENING_COUNTS and _INCLUDED.search(m.sentence)))) or (
            cues.of(m).has("CASE_TOLD") and voice.patient)
        if told and not (voice.generic or voice.literature):
            out[unit] = m.sentence_start
    return out
