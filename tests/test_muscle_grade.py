"""MRC muscle grades: phrasings that state grades (with side, limb and muscle) and ones that must not."""

import json
from importlib import resources

import pytest
import spacy

from leakmine.components.muscle_grade import load_grade_rules
from leakmine.components.muscle_grade.normalize import (
    find_grades,
    find_muscles,
    find_sides,
    grade_value,
    load_anatomy,
    parse_anatomy,
)
from leakmine.nlp.rules import RuleError, parse_rules
from leakmine.nlp.tokenizer import create_scispacy_tokenizer

PKG = "leakmine.components.muscle_grade"
RULES = load_grade_rules(PKG)
ANATOMY = load_anatomy(PKG)


def grades(text: str, previous: str = "") -> list[tuple[str, str, str | None, str | None, str | None]]:
    return [(text[g.start:g.end], g.value, g.side, g.limb, g.muscle)
            for g in find_grades(text, RULES, ANATOMY, previous)]


@pytest.mark.parametrize("text, expected", [
    ("Muscle strength was grade 4 in the right leg.", [("grade 4", "4", "right", "lower", None)]),
    ("Strength of the left quadriceps was grade 4+.", [("grade 4+", "4+", "left", None, "quadriceps")]),
    ("Strength of the left quadriceps was grade 4-.", [("grade 4-", "4-", "left", None, "quadriceps")]),
    ("Quadriceps power was 4−/5 on the left.", [("4−/5", "4-", "left", None, "quadriceps")]),
    ("Motor power was 4/5 in the right hip flexors.", [("4/5", "4", "right", None, "hip flexion")]),
    ("Power 3/5 in the right hip flexors.", [("3/5", "3", "right", None, "hip flexion")]),
    ("Hip flexion was weak (4/5).", [("4/5", "4", None, None, "hip flexion")]),
    ("Right-sided weakness (4+/5) was noted.", [("4+/5", "4+", "right", None, None)]),
    ("Weakness of the right EHL, M4.", [("M4", "4", "right", None, "extensor hallucis longus")]),
    ("EHL strength was M3 on the right.", [("M3", "3", "right", None, "extensor hallucis longus")]),
    ("MRC 3 in the left tibialis anterior.", [("MRC 3", "3", "left", None, "tibialis anterior")]),
    ("MRC grade 4 weakness of the left deltoid.", [("MRC grade 4", "4", "left", None, "deltoid")]),
    ("She had weakness of left foot dorsiflexion (MRC grade 2).",
     [("MRC grade 2", "2", "left", None, "ankle dorsiflexion")]),
    ("Muscle power in the left upper limb was graded as 3.", [("graded as 3", "3", "left", "upper", None)]),
    ("Muscle strength was grade 3 for the left leg and grade 1 for the right leg.",
     [("grade 3", "3", "left", "lower", None), ("grade 1", "1", "right", "lower", None)]),
    ("The power of the left ankle was grade 1.", [("grade 1", "1", "left", None, None)]),
    ("The muscle strength of the right lower limb was grade 4+.", [("grade 4+", "4+", "right", "lower", None)]),
    ("Left leg strength was grade 3+, bilateral ankle plantarflexion strength was normal, reflexes were brisk.",
     [("grade 3+", "3+", "left", "lower", None), ("normal", "5", "bilateral", None, "ankle plantarflexion")]),
    ("Reflexes were brisk, and the muscle power in the right upper limb was graded as 2.",
     [("graded as 2", "2", "right", "upper", None)]),
    ("She had normal strength in both legs.", [("normal strength", "5", "bilateral", "lower", None)]),
    ("He regained full strength.", [("full strength", "5", None, None, None)]),
    ("Full muscle power was restored.", [("Full muscle power", "5", None, None, None)]),
    ("At the last visit, the power of both lower limbs was back to normal.",
     [("normal", "5", "bilateral", "lower", None)]),
    ("Her muscle strength improved to normal.", [("normal", "5", None, None, None)]),
    ("Motor strength was intact (5/5) in all extremities.", [("intact", "5", None, None, None)]),
    ("Strength was full (5/5) throughout.", [("full", "5", None, None, None)]),
    ("Muscle strength and sensation were normal.", [("normal", "5", None, None, None)]),
    ("Lower-limb strength was noted as grade 2 or 3 on the second day.",
     [("grade 2", "2", None, "lower", None), ("3", "3", None, "lower", None)]),
    ("Muscle strength was grade 3 to 4 in the left leg.",
     [("grade 3", "3", "left", "lower", None), ("4", "4", "left", "lower", None)]),
    ("She had strength of 2/5 and 3/5 in the right and left ankle dorsiflexors, respectively.",
     [("2/5", "2", "right", None, "ankle dorsiflexion"), ("3/5", "3", "left", None, "ankle dorsiflexion")]),
    ("Strength was 2/5 and 3/5 in the right and left legs.",
     [("2/5", "2", "bilateral", "lower", None), ("3/5", "3", "bilateral", "lower", None)]),
    ("She had dorsiflexion and grade 3 muscle strength in her left ankle 4 days after surgery.",
     [("grade 3", "3", "left", None, "ankle dorsiflexion")]),
    ("A man had grade 1 knee extension muscle strength 2 days after surgery.",
     [("grade 1", "1", None, None, "knee extension")]),
    ("She felt pain in her right buttock and had grade 2 hip flexion strength on day 1.",
     [("grade 2", "2", None, None, "hip flexion")]),
    ("Strength was 4-/5 in dorsiflexion of the left ankle.", [("4-/5", "4-", "left", None, "ankle dorsiflexion")]),
    ("Weakness of great toe extension (3/5) on the right.", [("3/5", "3", "right", None, "great toe extension")]),
    ("Strength of great toe dorsiflexion was 3/5.", [("3/5", "3", None, None, "great toe extension")]),
    ("Dorsiflexion of the right foot was grade 1.", [("grade 1", "1", "right", None, "ankle dorsiflexion")]),
    ("Muscle strength of hip flexion grade IV on the left side.", [("grade IV", "4", "left", None, "hip flexion")]),
    ("Muscle strength was grade III in the right leg.", [("grade III", "3", "right", "lower", None)]),
    ("Muscle strength was III+ on the left.", [("III+", "3+", "left", None, None)]),
    ("Right hip flexion 3/5 and knee extension 4/5.",
     [("3/5", "3", "right", None, "hip flexion"), ("4/5", "4", "right", None, "knee extension")]),
    ("Muscle power of the left leg was grade 2 in hip flexion and grade 3 in knee extension.",
     [("grade 2", "2", "left", "lower", "hip flexion"), ("grade 3", "3", "left", "lower", "knee extension")]),
    ("Knee extension was 4/5 on the right and 5/5 on the left.",
     [("4/5", "4", "right", None, "knee extension"), ("5/5", "5", "left", None, "knee extension")]),
    ("Muscle power: right hip flexion 4/5, left hip flexion 5/5.",
     [("4/5", "4", "right", None, "hip flexion"), ("5/5", "5", "left", None, "hip flexion")]),
    ("Muscle strength: right lower limb 3/5, left lower limb 4/5.",
     [("3/5", "3", "right", "lower", None), ("4/5", "4", "left", "lower", None)]),
    ("Manual muscle testing revealed 4/5 strength in the left hip flexors.",
     [("4/5", "4", "left", None, "hip flexion")]),
    ("Her right quadriceps strength was 3/5.", [("3/5", "3", "right", None, "quadriceps")]),
    ("Motor examination showed right ankle dorsiflexion 2/5 and plantarflexion 4/5.",
     [("2/5", "2", "right", None, "ankle dorsiflexion"), ("4/5", "4", "right", None, "ankle plantarflexion")]),
    ("The tibialis anterior was graded 4-/5 bilaterally.", [("graded 4-/5", "4-", "bilateral", None, "tibialis anterior")]),
    ("Power in both lower limbs was 5/5.", [("5/5", "5", "bilateral", "lower", None)]),
    ("Left lower limb muscle strength decreased to grade 2.", [("grade 2", "2", "left", "lower", None)]),
    ("Muscle strength of the right upper limb was grade 3.", [("grade 3", "3", "right", "upper", None)]),
    ("grade 4+ power in the right iliopsoas", [("grade 4+", "4+", "right", None, "iliopsoas")]),
    ("The strength of the extensor hallucis longus was 4 out of 5 on the left.",
     [("4 out of 5", "4", "left", None, "extensor hallucis longus")]),
    ("Muscle strength had recovered to grade 5 at 6 months.", [("grade 5", "5", None, None, None)]),
    ("Bilateral lower limb muscle strength was grade 0.", [("grade 0", "0", "bilateral", "lower", None)]),
    ("Paresis of the right leg (M2) persisted.", [("M2", "2", "right", "lower", None)]),
    ("The patient's left leg power was 0/5.", [("0/5", "0", "left", "lower", None)]),
    ("She could not lift her legs against gravity (grade 2).", [("grade 2", "2", None, "lower", None)]),
    ("Power was reduced to 4/5 in the left ankle plantar flexors.",
     [("4/5", "4", "left", None, "ankle plantarflexion")]),
    ("There was 4/5 weakness in the right hip abductors.", [("4/5", "4", "right", None, "hip abduction")]),
    ("Muscle strength grade 4 in the right lower limb, grade 5 in the left.",
     [("grade 4", "4", "right", "lower", None), ("grade 5", "5", "left", "lower", None)]),
    ("Muscle strength was grade 4 after surgery, with right leg pain resolved.", [("grade 4", "4", None, None, None)]),
    ("She could turn onto her right side again, with muscle power of grade 3.", [("grade 3", "3", None, None, None)]),
    ("Quadriceps 4+ strength on the right.", [("4+", "4+", "right", None, "quadriceps")]),
    ("Strength of the biceps was 2/5 on the left.", [("2/5", "2", "left", None, "biceps")]),
    ("Her strength improved to grade 4 one week after surgery.", [("grade 4", "4", None, None, None)]),
    ("The right S1 pedicle screw was redirected and her strength recovered to grade 4 within days.",
     [("grade 4", "4", None, None, None)]),
    ("Bilateral pedicle screws were placed and strength was grade 4.", [("grade 4", "4", None, None, None)]),
    ("A woman had grade 3 knee extension on the right the morning after surgery.",
     [("grade 3", "3", "right", None, "knee extension")]),
    ("She had grade 2 hip flexion bilaterally 8 hours after fusion.",
     [("grade 2", "2", "bilateral", None, "hip flexion")]),
    ("Two days later he had pain in the left thigh and weakness of hip flexion (grade 3/5).",
     [("grade 3/5", "3", "left", None, "hip flexion")]),
    ("A left-sided hemiparesis (Grade 2/5) developed after surgery.", [("Grade 2/5", "2", "left", None, None)]),
    ("Paraparetic legs (grade 3/5) on waking.", [("grade 3/5", "3", None, "lower", None)]),
])
def test_grades_found(text, expected):
    assert grades(text) == expected


def test_strength_named_in_the_sentence_before():
    assert grades("All patients were later recorded as grade 4.", previous="Muscle strength was assessed daily.") == [
        ("grade 4", "4", None, None, None)]
    assert grades("All patients were later recorded as grade 4.", previous="Pain was assessed daily.") == []


@pytest.mark.parametrize("text", [
    "Muscle strength was examined; the patient was seen on 4/5/2020.",
    "Muscle weakness was noted with grade 1 spondylolisthesis at L4/5.",
    "A grade 2 anterolisthesis and leg weakness.",
    "Radiographs showed Meyerding grade II slip and leg weakness.",
    "Meyerding grade 2 with leg weakness.",
    "Genant grade 2 fracture with muscle weakness.",
    "Muscle strength was examined; ASIA grade C at admission.",
    "Frankel D with leg weakness.",
    "AIS grade D motor incomplete injury.",
    "A WHO grade 3 tumour caused leg weakness.",
    "A WHO grade III astrocytoma with weakness.",
    "A grade 2 chondrosarcoma with weakness.",
    "Cement leakage of grade 3 was seen with weakness.",
    "Grade 3 leakage and muscle weakness.",
    "The fracture was graded as 3 with weakness.",
    "Level 4 evidence; muscle strength outcomes were reviewed.",
    "Oswestry score 4 and muscle weakness.",
    "Pain VAS 4/10 with weakness.",
    "Weakness improved in 3 of 5 patients.",
    "Strength improved in 4/5 cases.",
    "Muscle strength recovered in 4/5 (80%) of the patients.",
    "Muscle strength improved in 3/5 of the patients.",
    "In 2/5 patients strength improved.",
    "Reflexes graded 2+ bilaterally, muscle weakness absent.",
    "The patient had weakness for 4 weeks.",
    "Grip strength of 4 kg.",
    "Muscle strength at 1 month was good.",
    "Muscle power of 2 hours.",
    "Sensation and muscle tone were normal.",
    "Muscle strength was not normal.",
    "Muscle strength was near-normal.",
    "Sensation was normal and the wound healed.",
    "Grade 2 muscle atrophy with weakness.",
    "Goutallier grade 3 fatty infiltration of the multifidus muscle.",
    "Spasticity (modified Ashworth grade 2) with weakness.",
    "House-Brackmann grade 3 facial weakness.",
    "A grade 3 ankle sprain with weakness.",
    "Clavien-Dindo grade 3 complications with weakness.",
    "Kellgren-Lawrence grade 3 knee osteoarthritis and quadriceps weakness.",
    "Pfirrmann grade 4 disc degeneration with weakness.",
    "The tumor was grade 2.",
    "Grade 4 evidence supports early surgery.",
    "The cement leak was grade 2 on CT.",
    "A 4/5 score on the satisfaction scale.",
    "Four of five patients were women, and 2 had grade 1 slips.",
    "He was discharged on 4/5.",
    "M1 segment of the middle cerebral artery.",
    "Weakness was more common with grade 3 or higher leakage.",
    "Grade 2 or 3 spondylolisthesis with leg weakness.",
    "A grade 2 slip; paraplegia was absent.",
    "Hemiparesis after a grade 3 subarachnoid haemorrhage.",
    "Paraplegia and a grade 3 decubitus on the sacrum.",
    "Gastroparesis with grade 2 retinopathy.",
])
def test_grades_not_found(text):
    assert grades(text) == []


def test_grade_of_sensation_is_not_strength():
    assert grades("Muscle strength was 4/5, and sensation was normal.") == [("4/5", "4", None, None, None)]
    assert grades("Strength was 4/5 and sensation was normal.") == [("4/5", "4", None, None, None)]


@pytest.mark.parametrize("base, modifier, expected", [
    ("4", "+", ("4+", 4, "+")), ("4", "-", ("4-", 4, "-")), ("4", "−", ("4-", 4, "-")),
    ("0", None, ("0", 0, None)), ("IV", None, ("4", 4, None)), ("V", "+", ("5+", 5, "+")),
    ("III", "", ("3", 3, None)),
])
def test_grade_value(base, modifier, expected):
    assert grade_value(base, modifier) == expected


def test_grade_value_rejects_non_grades():
    with pytest.raises(ValueError):
        grade_value("6")


@pytest.mark.parametrize("text, expected", [
    ("ankle dorsiflexion", ["ankle dorsiflexion"]),
    ("ankle dorsiflexors", ["ankle dorsiflexion"]),
    ("dorsiflexion of the left ankle", ["ankle dorsiflexion"]),
    ("foot dorsiflexion", ["ankle dorsiflexion"]),
    ("dorsiflexion", ["ankle dorsiflexion"]),
    ("plantar flexion", ["ankle plantarflexion"]),
    ("hip flexors", ["hip flexion"]),
    ("flexion of the hip", ["hip flexion"]),
    ("knee extensors", ["knee extension"]),
    ("great toe extension", ["great toe extension"]),
    ("big toe dorsiflexion", ["great toe extension"]),
    ("extensor hallucis longus", ["extensor hallucis longus"]),
    ("EHL", ["extensor hallucis longus"]),
    ("quadriceps femoris", ["quadriceps"]),
    ("iliopsoas and tibialis anterior", ["iliopsoas", "tibialis anterior"]),
    ("triceps surae", ["gastrocnemius"]),
])
def test_find_muscles(text, expected):
    assert [f.name for f in find_muscles(text, ANATOMY) if f.kind == "muscle"] == expected


@pytest.mark.parametrize("text, expected", [
    ("the left leg", ["left"]), ("right-sided", ["right"]), ("bilaterally", ["bilateral"]),
    ("both lower limbs", ["bilateral"]), ("left and right legs", ["bilateral"]),
    ("he left the hospital", []), ("right after surgery", []), ("was left with weakness", []),
    ("both hip flexion and knee extension", []),
])
def test_find_sides(text, expected):
    assert [f.name for f in find_sides(text, ANATOMY)] == expected


def _anatomy_data() -> dict:
    return json.loads(resources.files(PKG).joinpath("anatomy.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("change, message", [
    (lambda d: d.update(extra=[]), "unknown keys"),
    (lambda d: d.pop("muscles"), "missing keys"),
    (lambda d: d["sides"].pop("bilateral"), "left, right and bilateral"),
    (lambda d: d["limbs"].update(middle=["torso"]), "only lower and upper"),
    (lambda d: d["muscles"].update(bad=["(unclosed"]), "bad regex"),
    (lambda d: d["muscles"].update(empty=[]), "non-empty list"),
    (lambda d: d["implied_joint"].update(flexion="elbowz"), "implied_joint"),
    (lambda d: d.update(renamed=["a"]), "renamed"),
    (lambda d: d.update(side_not_after="was"), "side_not_after"),
])
def test_anatomy_is_validated(change, message):
    data = _anatomy_data()
    change(data)
    with pytest.raises(ValueError, match=message):
        parse_anatomy(data)


def test_grade_rules_take_only_mrc_values_and_known_groups():
    from leakmine.components.muscle_grade import GROUPS, VALUES
    line = '{"id": "grade.x", "label": "MUSCLE_GRADE", "value": "6", "regex": "six"}'
    with pytest.raises(RuleError, match="vocabulary"):
        parse_rules([line], "t", vocabulary=VALUES)
    line = '{"id": "grade.x", "label": "MUSCLE_GRADE", "regex": "(?P<grade>[0-5])"}'
    with pytest.raises(RuleError, match="unknown named groups"):
        parse_rules([line], "t", groups=GROUPS)


@pytest.fixture(scope="module")
def nlp():
    pipeline = spacy.blank("en")
    pipeline.tokenizer = create_scispacy_tokenizer()(pipeline)
    pipeline.add_pipe("leakmine_sentences")
    pipeline.add_pipe("leakmine_level")
    pipeline.add_pipe("leakmine_muscle_grade")
    return pipeline


@pytest.mark.parametrize("text, expected", [
    ("Right hip flexion power was 4+/5. Left was normal.", [("4+/5", "4+")]),
    ("Weakness (4/5) of the left leg.", [("4/5", "4")]),
    ("Power was M4, and sensation was intact.", [("M4", "4")]),
    ("Muscle strength was grade 3 or 4.", [("grade 3", "3"), ("4", "4")]),
    ("Strength:4/5 in the right leg.", [("4/5", "4")]),
    ("The L4/5 disc was removed. Strength was 4/5 at L4/5 myotome.", [("4/5", "4")]),
    ("Strength of both legs had returned to normal.", [("normal", "5")]),
])
def test_pipeline_one_span_per_grade_on_exact_offsets(nlp, text, expected):
    doc = nlp(text)
    spans = doc.spans["leakmine_muscle_grade"]
    assert [(s.text, s._.lm_value) for s in spans] == expected
    for s in spans:
        assert doc.text[s.start_char:s.end_char] == s.text
        assert s.label_ == "MUSCLE_GRADE" and s._.lm_attrs["scale"] == "MRC"
        assert set(s._.lm_attrs) == {"base", "modifier", "scale", "side", "limb", "muscle"}


def test_pipeline_keeps_levels_when_a_grade_splits_a_token(nlp):
    doc = nlp("At L2 the strength:4/5 was noted.")
    assert [s.text for s in doc.spans["leakmine_level"]] == ["L2"]
    assert [s.text for s in doc.spans["leakmine_muscle_grade"]] == ["4/5"]


def test_grades_stay_within_their_sentence(nlp):
    doc = nlp("The left leg was examined. Strength was grade 3.")
    assert [s._.lm_attrs["side"] for s in doc.spans["leakmine_muscle_grade"]] == [None]
