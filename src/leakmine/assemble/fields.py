"""One patient's fields (SCHEMA.md) from the mentions attributed to it, with their evidence."""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from leakmine.assemble.cues import CueIndex, SentenceCues, value_set, vocabulary
from leakmine.assemble.patients import Attribution, Cluster
from leakmine.assemble.roles import (
    Cue,
    after_operation,
    called_rescue,
    indicated,
    level_roles,
    merge_cues,
    planned,
    procedure_role,
    told_as_reason,
    word_cues,
)
from leakmine.assemble.scope import HISTORY_ANCHORS, PROCEDURE_LABELS, pre_index_symptoms
from leakmine.assemble.sections import unit_flow
from leakmine.assemble.timepoints import (
    FOLLOW_UP,
    POST_TREATMENT,
    PRESENTATION,
    Timeline,
    grade_time,
    local_cue,
    read_unit,
)
from leakmine.records import Mention

LIST_FIELDS = ("index_procedures", "treated_levels", "causes", "leak_locations", "leak_levels",
               "symptoms", "treatments", "treatment_levels")
# A part of the index operation with no contract term of its own ("posterior screw fixation" done with a
# laminectomy): no procedure value, but its levels are the index operation's.
PART = "part"
_LEVEL_ROLE_OF = {"index": "treated", PART: "treated", "rescue": "treatment"}  # what a role makes a level
_IMPROVING = frozenset({"improved", "partial recovery", "full recovery"})  # outcomes that are some relief
_LEVEL_FIELD = {"treated": "treated_levels", "leak": "leak_levels", "treatment": "treatment_levels"}
_UNIT_PRIORITY = {"body": 0, "caption": 1, "abstract": 2, "title": 3, "commentary": 4}
_DAYS_PER = {"day": 1, "week": 7, "month": 30.4, "year": 365.25}
_PROCEDURE_LABELS = PROCEDURE_LABELS
_FINDING_LABELS = frozenset({"SYMPTOM", "CAUSE", "LEAK_LOCATION"})
_RESCUE_REACH = 40  # a rescue operation named this close after a timing is what the timing dates
_JOINED_REACH = 60  # an operation this close to the cement augmentation, in one phrase, is part of it
_DURING_REACH = 12  # medication or rehabilitation this close after "whilst undergoing" was under way


def is_complication(m: Mention) -> bool:
    """An asserted symptom, cause, leak or reduced muscle grade: the complication being told."""
    return (m.asserted and m.label in value_set("complication_labels")
            and not (m.label == "MUSCLE_GRADE" and m.value == "5"))


def empty_patient(n: int) -> dict[str, Any]:
    return {"patient": n, "age": None, "sex": None, **{f: [] for f in LIST_FIELDS}, "onset": None,
            "onset_days": None, "muscle_grades": [], "outcome": None, "follow_up": None}


@dataclass
class PatientBuilder:
    """Collects one patient's values and the mentions behind them."""

    patient: dict[str, Any]
    evidence: list[tuple[str, str, str]] = field(default_factory=list)

    def add(self, name: str, value: str, mention_id: str) -> None:
        if value not in self.patient[name]:
            self.patient[name].append(value)
        self.evidence.append((name, value, mention_id))

    def set(self, name: str, value: Any, mention_id: str | None) -> None:
        self.patient[name] = value
        if mention_id:
            self.evidence.append((name, str(value), mention_id))


def _unit_rank(a: Attribution) -> tuple[int, int]:
    return _UNIT_PRIORITY.get(unit_flow(a.unit), 9), a.mention.start_char


class PatientView:
    """The attributions of one patient with the sentence context they need."""

    def __init__(self, attributions: list[Attribution], by_sentence: dict[int, list[Mention]], cues: CueIndex,
                 restarts: frozenset[int] = frozenset()):
        self.items = _tellings(attributions, restarts)
        self.by_sentence = by_sentence
        self.cues = cues
        cement = self.cement = value_set("cement_procedures")
        self.index = value_set("index_procedures")
        self.own: list[Attribution] = []
        self.items_by_unit: dict[str, list[Attribution]] = {}  # units in order of first appearance
        self.own_by_unit: dict[str, list[Attribution]] = {}
        self.own_by_label: dict[str, list[Attribution]] = {}
        self.operations: list[Attribution] = []  # own procedures and treatments
        findings: list[Attribution] = []  # own symptoms, causes and leak locations
        shared_operations: list[Attribution] = []  # what all cases share
        shared_findings: list[Attribution] = []
        self.cement_index = False
        for a in self.items:
            m = a.mention
            label = m.label
            self.items_by_unit.setdefault(a.unit, []).append(a)
            if label == "PROCEDURE" and m.value in cement and m.asserted:
                self.cement_index = True
            if a.broadcast:
                if label in _PROCEDURE_LABELS:
                    shared_operations.append(a)
                elif label in _FINDING_LABELS:
                    shared_findings.append(a)
                continue
            self.own.append(a)
            self.own_by_unit.setdefault(a.unit, []).append(a)
            self.own_by_label.setdefault(label, []).append(a)
            if label in _PROCEDURE_LABELS:
                self.operations.append(a)
            elif label in _FINDING_LABELS:
                findings.append(a)
        # What all cases share fills in after the patient's own.
        self.operations_first = self.operations + shared_operations
        self.findings_first = findings + shared_findings
        self.non_surgical = value_set("non_surgical_treatments")
        self.remote = value_set("remote_leak_locations")
        self.first_operation: dict[str, Mention] = {}
        self.rescue = value_set("treatments")
        self.pre_index = self._pre_index()
        self.rescue_from = self._rescue_phases()
        self._roles: dict[tuple[int, int], str | None] = {}
        self._sentence_cues: dict[tuple[int, str], list[Cue]] = {}

    @cached_property
    def cement_leaked(self) -> bool:
        """Whether the patient's cement is told to have leaked: a leak site, or cement leakage as a cause."""
        leak = vocabulary()["leak_cause"]
        return any(a.mention.asserted and (a.mention.label == "LEAK_LOCATION" or (
            a.mention.label == "CAUSE" and a.mention.value == leak)) for a in self.findings_first)

    def own_of(self, label: str) -> list[Attribution]:
        """The patient's own mentions of `label`, in text order."""
        return self.own_by_label.get(label, [])

    def complication(self, m: Mention) -> bool:
        """A finding of the complication: not a symptom the patient had before the index operation, nor
        the back pain the operation relieved."""
        return is_complication(m) and (m.start_char, m.end_char) not in self.pre_index and not self.relief(m)

    def relief(self, m: Mention) -> bool:
        """Whether `m` tells the relief the index operation was done for ("the back pain improved"): back
        pain relieved before any rescue work is told in its section (after "removal of the leaked cement",
        it is the complication's)."""
        rescue_only = self.rescue - self.index
        return self.cues.of(m).covers("RELIEF", m.start_char - m.sentence_start, m.end_char - m.sentence_start) \
            and not any(o.label in _PROCEDURE_LABELS and o.value in rescue_only and o.asserted
                        and o.section_index == m.section_index and o.start_char < m.start_char
                        for o in (a.mention for a in self.own))

    def _pre_index(self) -> set[tuple[int, int]]:
        """The symptoms told as the reason for the index operation, over every unit (scope.py)."""
        cement, index, rescue = self.cement, self.index, self.rescue

        def is_index(m: Mention) -> bool:
            if m.label != "PROCEDURE" or m.value not in index:
                return False
            if m.value in cement or m.value not in rescue:
                return True
            return not self.cement_index and not called_rescue(self.cues.of(m), m.start_char - m.sentence_start)

        out: set[tuple[int, int]] = set()
        for mine in self.items_by_unit.values():
            out |= pre_index_symptoms([a.mention for a in mine], self.cues, is_index, is_complication)
        return out

    def _rescue_phases(self) -> dict[str, int]:
        """Per unit, where the story moves past the index procedure: the first rescue-only operation
        after the first operation, or the first complication or outcome told in a later sentence
        (medication and rehabilitation do not move the story)."""
        non_surgical = self.non_surgical
        rescue_only = self.rescue - self.index
        first_procedure = self.first_operation
        out: dict[str, int] = {}
        for a in self.own:
            m = a.mention
            if not m.asserted or a.unit in out or m.value in non_surgical or self._word_of(m):
                continue
            first = first_procedure.get(a.unit)
            if m.label in _PROCEDURE_LABELS and first is None:
                first_procedure[a.unit] = m
                if (m.value in rescue_only and not self._with_index(m) and not self._unnamed_opener(m, a.unit)) \
                        or self._follows(m):
                    out[a.unit] = m.end_char
            elif first is not None and m.start_char >= first.end_char and (
                    m.label in _PROCEDURE_LABELS and m.value in rescue_only and not self._with_index(m)
                    and not self._unnamed_opener(m, a.unit)
                    or m.sentence_start > first.sentence_start and (
                        self.complication(m) or m.label == "OUTCOME" and not self._relieves_indication(m))):
                out[a.unit] = m.start_char
        return out

    def _relieves_indication(self, outcome: Mention) -> bool:
        """Whether an outcome tells what the index operation did for the symptoms it was done for: an
        improvement, in a sentence that names symptoms, all of them the patient's before the operation, and
        no complication, no recurrence and no operation called rescue work ("Preoperative leg pain improved
        after the decompression. Two days later ..."; not "... leg pain recurred and improved only after the
        decompression was repeated", "... improved only after a second decompression", nor "... did not
        improve")."""
        cues, at = self.cues.of(outcome), outcome.sentence_start
        if outcome.value not in _IMPROVING or cues.has("RECURRENCE") or cues.has("RESCUE_OPERATION"):
            return False
        told = self.by_sentence.get(at, [])
        symptoms = [o for o in told if o.label == "SYMPTOM" and o.asserted]
        return bool(symptoms) and all((o.start_char, o.end_char) in self.pre_index for o in symptoms) \
            and not any(self.complication(o) or o.label in _PROCEDURE_LABELS and called_rescue(cues, o.start_char - at)
                        for o in told)

    def _follows(self, procedure: Mention) -> bool:
        """Whether a complication told before the operation is said to follow it ("developed dyspnea
        2 days after vertebroplasty"): the story is past the operation once it is named."""
        return after_operation(self.cues.of(procedure), procedure.start_char - procedure.sentence_start) and any(
            self.complication(o) and o.end_char <= procedure.start_char
            for o in self.by_sentence.get(procedure.sentence_start, []))

    def _after_complication(self, m: Mention, unit: str) -> bool:
        """Whether a complication of the patient is told before `m` in its unit."""
        return any(self.complication(a.mention) and a.mention.end_char <= m.start_char
                   for a in self.own_by_unit.get(unit, ()))

    def role(self, m: Mention, unit: str) -> str | None:
        """Index/rescue role of a procedure or treatment mention, or PART of the index operation (cached
        per span). Medication and rehabilitation before the story reaches the complication (or, in a unit
        naming no operation, before any complication is told), or under way when it began ("whilst
        undergoing rehabilitation"), are history, not rescue treatment."""
        key = (m.start_char, m.end_char)
        if key not in self._roles:
            first = self.rescue_from.get(unit)
            before = first is None or m.start_char < first
            if whole := self._word_of(m):  # the operation it is a word of decides
                role = self.role(whole, unit)
                self._roles[key] = PART if role == "index" else role
            elif m.attrs.get("augmented") and not called_rescue(self.cues.of(m), m.start_char - m.sentence_start) \
                    and (before or not self._with_other_work(m)):  # the screws the cement went through
                self._roles[key] = "index" if m.value in self.index else PART
            elif m.value in self.non_surgical and (
                    (before and (first is not None or not self._after_complication(m, unit))) or self._began_during(m)):
                self._roles[key] = None
            elif self.cement_index and self._with_augmentation(m, before):  # "index", or a part of it
                self._roles[key] = "index" if m.value in self.index else PART
            elif before and m.value not in self.index and self._with_index(m):
                self._roles[key] = PART
            elif self._opens_story(m, unit) or self._unnamed_opener(m, unit):
                self._roles[key] = "index"
            else:
                outcome = any(o.label == "OUTCOME" for o in self.by_sentence.get(m.sentence_start, []))
                if m.value in value_set("unnamed_index") and not outcome and self._deficit_followed(m, unit):
                    self._roles[key] = None
                else:
                    self._roles[key] = procedure_role(
                        m.value, self.cues.of(m), m.start_char - m.sentence_start, cement_index=self.cement_index,
                        outcome_in_sentence=outcome, before_complication=before, historical=m.historical)
        return self._roles[key]

    def _word_of(self, m: Mention) -> Mention | None:
        """The index-type operation whose name a rescue-type one is a word of, written right before it
        ("posterior instrumented fusion": the fusion's instrumentation, one operation), else None."""
        if m.value not in self.rescue or m.value in self.index:
            return None
        at = m.sentence_start
        return next((o for o in self.by_sentence.get(at, []) if o.label == "PROCEDURE" and o.value in self.index
                     and o.start_char >= m.end_char and not m.sentence[m.end_char - at:o.start_char - at].strip()),
                    None)

    def _deficit_followed(self, m: Mention, unit: str) -> bool:
        """Whether `m` is the operation a deficit told before it in its case's sentence followed (or another
        complication said to follow it, `_followed`), no other work between and no index operation named
        before it in its unit ("quadriparesis hours after a two-level cervical corpectomy", "epidural
        hematoma after posterior fixation"; not "removal of the cement after a durotomy", nor "... after
        vertebroplasty. Numbness was noted after posterior fixation"): for an operation that may be an index
        one the index vocabulary does not name (vocabulary.json `unnamed_index`), no rescue work."""
        at, cues = m.start_char - m.sentence_start, self.cues.of(m)
        if not after_operation(cues, at) or called_rescue(cues, at) or cues.has("GENERIC"):
            return False
        if any(o.label in _PROCEDURE_LABELS and o.asserted and not o.historical and o.value in self.index
               and o.start_char < m.start_char for o in (a.mention for a in self.own_by_unit.get(unit, ()))):
            return False
        before = [o for o in self.by_sentence.get(m.sentence_start, []) if o.end_char <= m.start_char]
        deficits = [o for o in before if self.complication(o) and (o.label == "SYMPTOM" or self._followed(cues, o, m))]
        return bool(deficits) and not any(o.label in _PROCEDURE_LABELS and o.asserted
                                          and o.start_char > deficits[0].start_char for o in before)

    def _with_other_work(self, m: Mention) -> bool:
        """Whether its sentence names another operation or treatment beside `m` ("removal of the cement
        and cement-augmented screw fixation": rescue work once the story is past the index operation)."""
        return any(o.label in _PROCEDURE_LABELS and o.asserted and o.start_char != m.start_char
                   for o in self.by_sentence.get(m.sentence_start, []))

    def _opens_story(self, m: Mention, unit: str) -> bool:
        """Whether an operation called rescue work opens its unit's story, no complication told before it,
        nor in its sentence save one it is said to have developed after: the operation the complication
        followed ("An emergency discectomy was done. Two days later ...", "a woman who had a revision
        laminectomy developed a cauda equina syndrome"; not "emergency decompression for an epidural
        hematoma", "a hematoma after discectomy treated by laminectomy")."""
        first, at = self.first_operation.get(unit), m.sentence_start
        if first is None or (first.start_char, first.end_char) != (m.start_char, m.end_char) \
                or m.value not in self.index or self.cement_index or m.historical:
            return False
        cues = self.cues.of(m)
        if not called_rescue(cues, m.start_char - at) or self._after_complication(m, unit):
            return False
        return all(o.start_char >= m.end_char and cues.has("ONSET", m.end_char - at, o.start_char - at)
                   for o in self.by_sentence.get(at, []) if self.complication(o))

    def _unnamed_opener(self, m: Mention, unit: str) -> bool:
        """Whether an operation that may be an index one the index vocabulary does not name (vocabulary.json
        `unnamed_index`: "posterior fixation", "anterior fixation", "corpectomy") is the index operation: told
        in the sentence of its unit's first operation, itself of such a kind, in a case with no cement
        augmentation, no complication told before that sentence in the unit nor in it ("to correct a
        malpositioned screw", "; he had developed leg numbness a week earlier"), no "after" in the sentence (an
        operation dated after another or after a mishap stays as it was read before: "fixation one week after
        corpectomy"), and no operation of the sentence, nor the same operation in another unit, told as rescue
        work (`_told_as_rescue`) ("underwent pedicle screw fixation of T10-L2 and corpectomy of T12. Two days
        later ..."; not "fixation of T10-L2 for an epidural hematoma", nor under the title "Epidural hematoma
        treated with posterior fixation"); its levels are the treated ones."""
        unnamed = value_set("unnamed_index")
        first = self.first_operation.get(unit)
        if first is None or first.sentence_start != m.sentence_start or first.value not in unnamed \
                or m.value not in unnamed or self.cement_index or m.historical or self._after_complication(first, unit):
            return False
        at, cues = m.sentence_start, self.cues.of(m)
        sentence = self.by_sentence.get(at, [])
        here = [o for o in sentence if o.label in _PROCEDURE_LABELS and o.asserted]
        # with no complication in the sentence, an operation of it is told as rescue work only when called so
        if cues.has("AFTER") or any(self.complication(o) for o in sentence) \
                or any(called_rescue(cues, o.start_char - at) for o in here):
            return False
        values = {o.value for o in here}
        return not any(self._told_as_rescue(a.mention) for a in self.operations
                       if a.unit != unit and a.mention.value in values)

    def _told_as_rescue(self, m: Mention) -> bool:
        """Whether an operation is told as rescue work: called so, named after a complication of its sentence
        that is not said to follow it ("Epidural hematoma treated with posterior fixation"; not "Epidural
        hematoma after posterior fixation"), or before one told as what it was for ("fixation for an epidural
        hematoma"; not "fixation, and two days later a hematoma")."""
        if not m.asserted or m.historical:
            return False
        cues, at = self.cues.of(m), m.sentence_start
        if called_rescue(cues, m.start_char - at):
            return True
        for o in self.by_sentence.get(at, []):
            if not self.complication(o):
                continue
            if o.end_char <= m.start_char and not self._followed(cues, o, m):
                return True
            if told_as_reason(cues, m.end_char - at, o.start_char - at):
                return True
        return False

    @staticmethod
    def _followed(cues: SentenceCues, complication: Mention, operation: Mention) -> bool:
        """Whether a complication named before an operation of its sentence is said to follow it: "after" or
        "following" after the complication and at most three words before the operation, no "underwent"
        between ("epidural hematoma after posterior fixation"; not "a hematoma after a fall and underwent
        fixation", nor, left unread, "after she underwent fixation")."""
        at = operation.sentence_start
        return cues.links_to("AFTER", operation.start_char - at, lo=complication.end_char - at, unless="UNDERGONE")

    def _began_during(self, m: Mention) -> bool:
        """Whether the sentence tells the complication beginning while the care of `m` was under way:
        "whilst undergoing"/"while on" right before it, after a complication with no outcome between
        ("his weakness improved while receiving steroids" tells the treatment)."""
        here = self.by_sentence.get(m.sentence_start, [])
        began = [o.end_char for o in here if self.complication(o) and o.end_char <= m.start_char]
        return (self.cues.of(m).leads_to("DURING", m.start_char - m.sentence_start, _DURING_REACH) and bool(began)
                and not any(o.label == "OUTCOME" and began[-1] <= o.start_char < m.start_char for o in here))

    def _with_augmentation(self, m: Mention, before: bool) -> bool:
        """Whether an operation is named with the cement augmentation (or cement-augmented screws) as one
        operation ("vertebroplasty with posterior fixation of T9-L1 and T11 corpectomy", "kyphoplasty and
        short-segment fusion"), or, while the story is `before` the complication, named first
        ("interbody fusion and vertebroplasty") with an augmentation that is not called rescue work."""
        cues = self.cues.of(m)
        return self._named_with(m, lambda o: (o.value in self.cement or o.attrs.get("augmented")) and (
            o.start_char < m.start_char or (before and not called_rescue(cues, o.start_char - o.sentence_start))))

    def _with_index(self, m: Mention) -> bool:
        """Whether rescue-type work is named as one operation with an index operation before any
        complication is told in the sentence ("posterior screw stabilization and laminectomy", "a
        laminectomy with fixation", "cement-augmented screws and fusion"), the index operation not called
        rescue work. A cement augmentation's parts are `_with_augmentation`'s."""
        if self.cement_index:
            return False
        here = self.by_sentence.get(m.sentence_start, [])
        if any(self.complication(o) and o.end_char <= m.start_char for o in here):
            return False
        cues = self.cues.of(m)
        return self._named_with(m, lambda o: (o.value in self.index or o.attrs.get("augmented")) and not o.historical
                                and not called_rescue(cues, o.start_char - o.sentence_start))

    def _named_with(self, m: Mention, other: Callable[[Mention], bool]) -> bool:
        """Whether `m` and an asserted procedure (or cement-augmented screws) of its sentence that `other`
        accepts are named as one operation: joined by "and"/"with" in one phrase (either first), no verb
        or story step between."""
        cues = self.cues.of(m)
        if not (cues.spans("JOINED") or cues.spans("WITH")):
            return False
        at = m.sentence_start
        for o in self.by_sentence.get(at, []):
            if not (o.label == "PROCEDURE" or o.attrs.get("augmented")) or not o.asserted \
                    or o.start_char == m.start_char or not other(o):
                continue
            first, second = sorted((o, m), key=lambda x: x.start_char)
            lo, hi = first.end_char - at, second.start_char - at
            if 0 <= hi - lo <= _JOINED_REACH and (cues.has("JOINED", lo, hi) or cues.has("WITH", lo, hi)) and not (
                    cues.has("FINITE", lo, hi) or cues.has("CLAUSE", lo, hi)):
                return True
        return False

    def sentence_levels(self, m: Mention) -> list[tuple[int, int]]:
        """Where the levels of `m`'s sentence stand in it."""
        return [(o.start_char - m.sentence_start, o.end_char - m.sentence_start)
                for o in self.by_sentence.get(m.sentence_start, []) if o.label == "LEVEL"]

    def sentence_cues(self, m: Mention, unit: str) -> list[Cue]:
        """The role-carrying cues of `m`'s sentence (cached per sentence and unit)."""
        key = (m.sentence_start, unit)
        if key not in self._sentence_cues:
            self._sentence_cues[key] = self._find_sentence_cues(m, unit)
        return self._sentence_cues[key]

    def _find_sentence_cues(self, m: Mention, unit: str) -> list[Cue]:
        """Its procedures, treatments and leak sites, and the role words of its cues. In a case with no
        cement augmentation (which treats a fracture), an operation of no kind the vocabularies name is
        the index one in a sentence that `_opens_unit` ("was operated for ..."; not one planned, "was
        scheduled for surgery at ..."), and a diagnosis at a level is treated there when it is what the index
        operation was for (`indicated`) and no level of the sentence is treated otherwise."""
        cues = self.cues.of(m)
        opening = self._opens_unit(m, unit)
        found = word_cues(cues)
        operated = [c for c in found if c.role == "operated"
                    and opening and not called_rescue(cues, c.start) and not planned(cues, c)]
        words = [c for c in found if c.role != "operated"] + [c._replace(role="treated") for c in operated]
        mention_cues = []
        index_operations = [(c.start, c.end) for c in operated]  # the operation words, not a fracture's
        for o in self.by_sentence.get(m.sentence_start, []):
            s, e = o.start_char - m.sentence_start, o.end_char - m.sentence_start
            if o.label in _PROCEDURE_LABELS:
                role = _LEVEL_ROLE_OF.get(self.role(o, unit), "none")
                mention_cues.append(Cue(s, e, role))
                if role == "treated" and o.asserted and not self.cement_index:
                    index_operations.append((s, e))
            elif o.label == "LEAK_LOCATION":
                mention_cues.append(Cue(s, e, "remote" if o.value in self.remote else "leak"))
            elif o.label == "CAUSE" and o.value == vocabulary()["hematoma_cause"]:  # where it lies: no level operated
                mention_cues.append(Cue(s, e, "none"))
        told = merge_cues(mention_cues, [c._replace(role="anatomy") if c.role == "diagnosis" else c for c in words])
        levels = self.sentence_levels(m)
        if not index_operations or not any(c.role == "diagnosis" for c in words) \
                or any("treated" in level_roles(cues, s, e, told, levels) for s, e in levels):
            return told  # no diagnosis, or the sentence names its treated level otherwise ("... at L4-L5")
        return merge_cues(mention_cues, [c._replace(role="treated" if indicated(cues, c, index_operations) else "anatomy")
                                         if c.role == "diagnosis" else c for c in words])

    def _opens_unit(self, m: Mention, unit: str) -> bool:
        """Whether `m`'s sentence tells the patient's operation before the story moves on in its unit: a
        case with no cement augmentation, no complication told in the unit up to the sentence's end, the
        story not yet past the first operation, nothing told back ("had undergone", "years ago"), and no
        index operation of a named kind told after it in the unit with levels in its sentence (then this one
        is history: "In 2015 she had surgery at L4-L5. In 2020 she underwent discectomy at L2-L3"; not "She
        was operated on at L4-L5. A decompression and fusion were performed.")."""
        end = m.sentence_start + len(m.sentence)
        first, told = self.rescue_from.get(unit), self._complication_from.get(unit)
        return not self.cement_index and (first is None or end <= first) and (told is None or end <= told) \
            and not self.cues.of(m).has("FLASHBACK") \
            and not any(a.mention.start_char >= end and self.role(a.mention, unit) in ("index", PART)
                        and any(o.label == "LEVEL" for o in self.by_sentence.get(a.mention.sentence_start, []))
                        for a in self.operations if a.unit == unit)

    @cached_property
    def _complication_from(self) -> dict[str, int]:
        """Per unit, where the first complication of the patient is told."""
        out: dict[str, int] = {}
        for a in self.own:
            if self.complication(a.mention):
                out[a.unit] = min(a.mention.start_char, out.get(a.unit, a.mention.start_char))
        return out


def _tellings(items: list[Attribution], restarts: frozenset[int]) -> list[Attribution]:
    """Split a unit where the patient is introduced again: a summary paragraph and the case told in
    full within one unit are two tellings, each read from presentation on. A unit told once keeps its
    name (a telling is only ever a key); `items` are in text order."""
    if not restarts:
        return items
    unit_of_restart: dict[int, str] = {}
    first: dict[str, int] = {}  # each unit's first sentence
    for a in items:
        start = a.mention.sentence_start
        if a.unit not in first:
            first[a.unit] = start
        if start in restarts:
            unit_of_restart[start] = a.unit
    restarts_of: dict[str, list[int]] = {}
    for r, u in sorted(unit_of_restart.items()):
        restarts_of.setdefault(u, []).append(r)
    # A unit is told once when it opens with its only introduction.
    told_twice = {u for u, rs in restarts_of.items() if len(rs) > 1 or first[u] < rs[0]}
    if not told_twice:
        return items
    return [a if a.unit not in told_twice else Attribution(
        a.mention, f"{a.unit}:{bisect_right(restarts_of[a.unit], a.mention.sentence_start)}", a.patients, a.broadcast)
        for a in items]


def build_patient(n: int, cluster: Cluster | None, attributions: list[Attribution],
                  by_sentence: dict[int, list[Mention]], cues: CueIndex,
                  restarts: frozenset[int] = frozenset()) -> PatientBuilder:
    """One patient's fields from its `attributions` (in text order); `restarts` are the sentences where
    the patient is introduced."""
    view = PatientView(attributions, by_sentence, cues, restarts)
    b = PatientBuilder(empty_patient(n))
    _age_sex(b, cluster, view)
    _levels(b, view)
    timeline = _timeline(view)

    def when(m: Mention) -> str:
        return timeline.at(m.sentence_start, m.start_char - m.sentence_start)

    def after(m: Mention) -> str:
        """The state a sentence ends in: an outcome told with the rescue operation follows it."""
        return timeline.at(m.sentence_start, len(m.sentence))

    _procedures(b, view, when)
    _grades(b, view, timeline, when)
    _findings(b, view)
    _onset(b, view, when)
    _outcome(b, view, after, timeline.treated)
    _follow_up(b, view)
    return b


def _age_sex(b: PatientBuilder, cluster: Cluster | None, view: PatientView) -> None:
    if cluster is not None:
        for name, value, mid in cluster.evidence:
            if name in ("age", "sex"):
                b.evidence.append((name, value, mid))
        b.patient["age"], b.patient["sex"] = cluster.age, cluster.sex
    if b.patient["age"] is None:
        age = next((a.mention for a in view.own_of("AGE")
                    if isinstance(a.mention.attrs.get("age"), int) and a.mention.attrs.get("year_old")), None)
        if age is not None:
            b.set("age", age.attrs["age"], age.mention_id)
    if b.patient["sex"] is None:
        sexes = [a.mention for a in view.own_of("SEX") if a.mention.attrs.get("kind") != "group"]
        nouns = [m for m in sexes if m.attrs.get("kind") == "noun"]
        # "two elderly women" said of two patients together: each is a woman
        groups = [a.mention for a in view.own_of("SEX") if a.mention.attrs.get("kind") == "group"
                  and a.mention.attrs.get("n") == len(a.patients) > 1]
        if nouns:
            b.set("sex", nouns[0].value, nouns[0].mention_id)
        elif sexes:
            value = Counter(m.value for m in sexes).most_common(1)[0][0]
            b.set("sex", value, next(m.mention_id for m in sexes if m.value == value))
        elif groups:
            b.set("sex", groups[0].value, groups[0].mention_id)


def _procedures(b: PatientBuilder, view: PatientView, when: Callable[[Mention], str]) -> None:
    """Index procedures and rescue treatments. What a sentence says of all cases fills in an index
    procedure a patient has none of its own; an operation named at follow-up ("the fusion appeared
    solid") is the one already done, not a new treatment."""
    index, rescue = view.index, view.rescue
    for a in view.operations_first:
        m = a.mention
        if not m.asserted:
            continue
        role = view.role(m, a.unit)
        if role == "index" and m.value in index:
            if not (a.broadcast and b.patient["index_procedures"] and m.value not in b.patient["index_procedures"]):
                b.add("index_procedures", m.value, m.mention_id)
        elif role == "rescue" and m.value in rescue:
            if m.value in index and when(m) == FOLLOW_UP and not called_rescue(view.cues.of(m),
                                                                               m.start_char - m.sentence_start):
                continue
            if m.attrs.get("needs_leak") and not view.cement_leaked:
                continue  # "a sternotomy to remove the fragment" takes out cement only where cement leaked
            b.add("treatments", m.value, m.mention_id)


def _levels(b: PatientBuilder, view: PatientView) -> None:
    for a in view.own_of("LEVEL"):
        m = a.mention
        if not m.asserted:
            continue
        s, e = m.start_char - m.sentence_start, m.end_char - m.sentence_start
        levels = view.sentence_levels(m)
        for role in sorted(level_roles(view.cues.of(m), s, e, view.sentence_cues(m, a.unit), levels)):
            for lvl in m.attrs.get("levels") or m.value.split(";"):
                b.add(_LEVEL_FIELD[role], lvl, m.mention_id)


def _timeline(view: PatientView) -> Timeline:
    """The patient's story states over every unit: pivots at the first surgical rescue treatment
    (any rescue treatment when none was surgical), or at a rescue operation named without a treatment
    word ("an emergency operation", "he was reoperated") once the complication is told."""
    non_surgical = view.non_surgical
    rescue = [a for a in view.operations if a.mention.asserted
              and view.role(a.mention, a.unit) == "rescue"]
    surgical = [a for a in rescue if a.mention.value not in non_surgical]
    pivots: dict[int, tuple[int, int]] = {}
    for a in surgical or rescue:
        m = a.mention
        named = (m.start_char - m.sentence_start, m.end_char - m.sentence_start)
        pivots[m.sentence_start] = min(named, pivots.get(m.sentence_start, named))
    timeline = Timeline()
    for own in view.own_by_unit.values():
        mine = []
        sentences: dict[int, str] = {}  # in text order, as the mentions are
        follow_ups: dict[int, int] = {}
        for a in own:
            m = a.mention
            mine.append(m)
            if m.sentence_start not in sentences:
                sentences[m.sentence_start] = m.sentence
            if m.label == "FOLLOW_UP":
                offset = m.start_char - m.sentence_start
                follow_ups[m.sentence_start] = min(offset, follow_ups.get(m.sentence_start, offset))
        unit_pivots = {s: o for s, o in pivots.items() if s in sentences}
        for start, text in sentences.items():
            named = [(o, e) for o, e in view.cues.at(start, text).spans("RESCUE_OPERATION")
                     if any(view.complication(m) and m.end_char <= start + o for m in mine)]
            if named:
                unit_pivots[start] = min([*named, unit_pivots.get(start, (len(text), len(text)))])
        read_unit(timeline, sentences.items(), unit_pivots, follow_ups, view.cues)
    return timeline


def _grades(b: PatientBuilder, view: PatientView, timeline: Timeline, when: Callable[[Mention], str]) -> None:
    """Muscle grades with their time points. A baseline is no time point of the complication: one
    told before the index procedure ("preoperative strength was normal", then the operation), or
    normal strength after the operation but before the complication is told."""
    seen = set()
    first_index: dict[str, int] = {}
    for a in view.operations:
        if view.role(a.mention, a.unit) == "index":
            first_index.setdefault(a.unit, a.mention.sentence_start)
    for a in view.own_of("MUSCLE_GRADE"):
        m = a.mention
        if not m.asserted:
            continue
        if m.sentence_start < first_index.get(a.unit, -1) and \
                local_cue(view.cues.of(m), m.start_char - m.sentence_start) == PRESENTATION:
            continue
        if m.value == "5" and _before_complication(m, view, a.unit):
            continue
        offset = m.start_char - m.sentence_start
        time = grade_time(view.cues.of(m), offset, when(m), timeline.next_turn(m.sentence_start, offset),
                          pivoted=m.sentence_start in timeline.pivoted)
        grade = {"value": m.value, "side": m.attrs.get("side"), "limb": m.attrs.get("limb"),
                 "muscle": m.attrs.get("muscle"), "time": time}
        key = tuple(grade.values())
        b.evidence.append(("muscle_grades", m.value, m.mention_id))
        if key not in seen:
            seen.add(key)
            b.patient["muscle_grades"].append(grade)


def _before_complication(m: Mention, view: PatientView, unit: str) -> bool:
    """Whether `m`'s sentence lies after the first operation of its unit and wholly before the
    story reaches the complication."""
    first, rescue_from = view.first_operation.get(unit), view.rescue_from.get(unit)
    return (first is not None and rescue_from is not None and first.sentence_start <= m.sentence_start
            and m.sentence_start + len(m.sentence) <= rescue_from)


def _of_several(a: Attribution, view: PatientView) -> bool:
    """Whether `a`'s sentence, outside the title, speaks of several of the paper's cases at once: "both
    patients", "in all cases" (an EACH cue) or a count of its cases ("we report three patients who developed
    ...", "the records of three patients who ... were reviewed")."""
    m = a.mention
    n = len(a.patients)
    return n > 1 and unit_flow(a.unit) != "title" and (view.cues.of(m).has("EACH") or any(
        o.label == "CASE_COUNT" or (o.label == "COHORT_SIZE" and o.attrs.get("n") == n)
        for o in view.by_sentence.get(m.sentence_start, ())))


def _findings(b: PatientBuilder, view: PatientView) -> None:
    """Symptoms, causes and leak locations; weakness implied by a reduced grade or a foot drop. A cause
    said of all cases fills in for a patient without one of its own. An unspecified symptom ("neurological
    deficit") gives way to a specific one, unless a sentence says it of several cases at once (`_of_several`):
    a series' own word for what its cases share."""
    vocab = vocabulary()
    said_of_several = set()
    for a in view.findings_first:
        m = a.mention
        if not m.asserted or (a.broadcast and m.label == "CAUSE" and b.patient["causes"]):
            continue
        if m.label == "SYMPTOM" and view.complication(m):
            b.add("symptoms", m.value, m.mention_id)
            if _of_several(a, view):
                said_of_several.add(m.value)
            for implied in vocab["implied_symptoms"].get(m.value, []):
                b.add("symptoms", implied, m.mention_id)
        elif m.label == "CAUSE":
            b.add("causes", m.value, m.mention_id)
        elif m.label == "LEAK_LOCATION" and view.cues.of(m).has("CEMENT"):
            b.add("leak_locations", m.value, m.mention_id)
            if view.cement_index:
                b.add("causes", vocab["leak_cause"], m.mention_id)
    specific = [s for s in b.patient["symptoms"] if s in vocab["specific_neurological_symptoms"]]
    for general in vocab["unspecified_symptoms"]:
        if specific and general in b.patient["symptoms"] and general not in said_of_several:
            b.patient["symptoms"].remove(general)
            b.evidence = [e for e in b.evidence if e[:2] != ("symptoms", general)]
    for a in view.own_of("MUSCLE_GRADE"):
        m = a.mention
        base = m.attrs.get("base")
        if m.asserted and isinstance(base, int) and base < 5 and any(
                g["time"] == PRESENTATION and g["value"] == m.value for g in b.patient["muscle_grades"]):
            b.add("symptoms", vocab["weakness"], m.mention_id)


def _onset(b: PatientBuilder, view: PatientView, when: Callable[[Mention], str]) -> None:
    """Timing of the complication: a timing said with the complication, before any rescue work."""
    candidates = []
    for a in view.own_of("TIMING"):
        m = a.mention
        if not m.asserted or when(m) != PRESENTATION:
            continue
        if str(m.attrs.get("anchor") or "").lower() in HISTORY_ANCHORS or m.attrs.get("from_injury"):
            continue  # before the operation: a history, or days after the injury
        others = view.by_sentence.get(m.sentence_start, [])
        if not any(view.complication(o) for o in others) or not _dates_onset(m, others, view):
            continue
        if any(o.label in _PROCEDURE_LABELS and o.start_char < m.end_char + _RESCUE_REACH
               and view.role(o, a.unit) == "rescue" for o in others):
            continue
        candidates.append(a)
    if candidates:
        m = min(candidates, key=_onset_rank).mention
        days = m.attrs.get("days")
        if days is None and m.value == "immediate":
            days = 0
        if isinstance(days, float) and days.is_integer():
            days = int(days)
        b.set("onset", m.value, m.mention_id)
        b.set("onset_days", days, m.mention_id if days is not None else None)


def _dates_onset(timing: Mention, others: list[Mention], view: PatientView) -> bool:
    """Whether a timing can date the complication's start. Unless the sentence says when it began
    ("developed", "noticed"), not when it dates the admission ("was admitted 1 week after PKP") or the
    state at an outcome ("at 6 months she had improved"); an implicit timing ("presented with
    paraparesis following vertebroplasty") not in a sentence that only says what the patient
    presented with, nor where the authors tell of meeting the case ("we experienced a case of ...
    after PVP"); never when it dates an imaging study ("MRI was obtained 9 days after")."""
    cues = view.cues.of(timing)
    if cues.has("IMAGING_DATED") or (timing.attrs.get("implicit") and cues.has("MET_CASE")):
        return False
    if cues.has("ONSET"):
        return True
    if cues.has("ADMISSION") or (timing.attrs.get("implicit") and cues.has("PRESENTED")):
        return False
    return not any(o.label == "OUTCOME" and o.asserted and o.value != "no recovery" for o in others)


def _onset_rank(a: Attribution) -> tuple[bool, bool, int, int, bool, bool, int]:
    """Explicit timings with a number of days first, then by unit (body before abstract) and order;
    within one sentence a timing that tells the onset itself (rule attr `tells_onset`: "chest pain since
    her procedure" after "presented three days after PKP"), then one dated from an operation ("2 days
    after the vertebroplasty")."""
    m = a.mention
    from_operation = bool(m.attrs.get("from_operation"))
    flow_rank, _ = _unit_rank(a)
    return (bool(m.attrs.get("implicit")), m.attrs.get("days") is None, flow_rank, m.sentence_start,
            not m.attrs.get("tells_onset"), not from_operation, m.start_char)


def _outcome(b: PatientBuilder, view: PatientView, when: Callable[[Mention], str], treated: bool) -> None:
    """The outcome after treatment: the final state. Statements at follow-up or at the end of the
    story ("eventually", "at the last visit") win over early ones ("improved on day 1"); then a stated
    degree of recovery wins over a mere "improved" (the body before the abstract, the last statement
    within a unit); improvement or a resolved symptom with a deficit still present is partial recovery;
    with nothing stated, the grades tell."""
    found = [a for a in view.own_of("OUTCOME") if a.mention.asserted and not view.relief(a.mention)
             and (not treated or when(a.mention) != PRESENTATION)]
    final = [a for a in found if when(a.mention) == FOLLOW_UP or view.cues.of(a.mention).has("FINAL")
             or view.cues.of(a.mention).has("FOLLOW_UP")]
    found = final or found
    if not found:
        derived = _outcome_from_grades(b.patient["muscle_grades"])
        if derived is not None:
            b.set("outcome", derived, next(mid for name, _, mid in b.evidence if name == "muscle_grades"))
        return
    best_unit = min(_unit_rank(a)[0] for a in found)
    best = [a for a in found if _unit_rank(a)[0] == best_unit]
    values = {a.mention.value for a in best}
    if "partial recovery" in values or ("no recovery" in values and values & {"improved", "full recovery"}):
        residual = [a for a in best if a.mention.value in ("partial recovery", "no recovery")]
        m = max(residual, key=_unit_rank).mention
        b.set("outcome", "partial recovery", m.mention_id)
        return
    pool = [a for a in found if a.mention.value != "improved"] or found
    best_unit = min(_unit_rank(a)[0] for a in pool)
    m = max((a for a in pool if _unit_rank(a)[0] == best_unit), key=lambda a: a.mention.start_char).mention
    graded = _outcome_from_grades(b.patient["muscle_grades"])
    if graded is not None and m.value in ("improved", "full recovery") and graded != m.value and (
            m.value == "improved" or graded == "partial recovery"):
        # The final grades state the degree a recovery left unstated, or the deficit a "recovered" leaves.
        b.set("outcome", graded, next(mid for name, _, mid in b.evidence if name == "muscle_grades"))
        return
    b.set("outcome", m.value, m.mention_id)


def _outcome_from_grades(grades: list[dict[str, Any]]) -> str | None:
    """Full recovery when the last grades are all normal after a weaker presentation; partial when
    they rose but stayed below normal."""
    before = [_grade_number(g["value"]) for g in grades if g["time"] == PRESENTATION]
    for time in (FOLLOW_UP, POST_TREATMENT):
        last = [_grade_number(g["value"]) for g in grades if g["time"] == time]
        if before and last:
            if min(before) < 5 <= min(last):
                return "full recovery"
            if min(before) < max(last) < 5:
                return "partial recovery"
            return None
    return None


def _grade_number(value: str) -> float:
    return float(value.rstrip("+-")) + (0.3 if value.endswith("+") else -0.3 if value.endswith("-") else 0)


def _follow_up(b: PatientBuilder, view: PatientView) -> None:
    """The longest follow-up stated for the patient."""
    best: tuple[float, Mention] | None = None
    for a in view.own_of("FOLLOW_UP"):
        m = a.mention
        if not m.asserted:
            continue
        unit = str(m.attrs.get("unit") or "").rstrip("s")
        number = m.attrs.get("number")
        days = float(number) * _DAYS_PER.get(unit, 0) if isinstance(number, (int, float)) else 0.0
        if best is None or days > best[0]:
            best = (days, m)
    if best is not None:
        b.set("follow_up", best[1].value, best[1].mention_id)
