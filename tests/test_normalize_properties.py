"""Property tests (hypothesis) for the normalizers: levels, MRC grades, numbers and ages.

Each property holds for every value a generator draws: written levels expand to contiguous runs in
spine order, numbers read back as written (digits, thousands separators, words), grades and ages
keep their value whatever the notation.
"""

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from leakmine.components.age.normalize import age_value, decade_range, is_individual_age
from leakmine.components.level.normalize import (
    ORDER,
    canonical_level,
    level_from_words,
    parse_level_words,
    parse_levels,
)
from leakmine.components.muscle_grade.normalize import find_grades, grade_value
from leakmine.nlp.numbers import parse_number, parse_ordinal
from test_muscle_grade import ANATOMY, RULES

settings.register_profile("leakmine", max_examples=150, deadline=None, derandomize=True)
settings.load_profile("leakmine")

levels = st.sampled_from(ORDER)
index = {lvl: i for i, lvl in enumerate(ORDER)}
SPINE = [*ORDER[:ORDER.index("S1")], "L6", *ORDER[ORDER.index("S1"):]]  # a transitional L6 where named
spine_index = {lvl: i for i, lvl in enumerate(SPINE)}
RANGE_WORDS = ["-", "\u2013", "\u2014", " to ", " through ", "/", " - "]
UNITS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
         "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
ORDINALS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
            "eleventh", "twelfth"]
REGION_WORDS = {"C": "cervical", "T": "thoracic", "L": "lumbar", "S": "sacral"}


def written(level: str, style: int) -> str:
    """One of the ways a level is written: "L4", "l4", "L-4", "L 4", "Th12"/"D12" for thoracic."""
    region, n = level[0], level[1:]
    if region == "T" and style == 4:
        return f"Th{n}"
    if region == "T" and style == 5:
        return f"D{n}"
    return (f"{region}{n}", f"{region.lower()}{n}", f"{region}-{n}", f"{region} {n}")[style % 4]


def words(n: int) -> str:
    if n < 20:
        return UNITS[n]
    tens, unit = divmod(n, 10)
    return TENS[tens] + (f"-{UNITS[unit]}" if unit else "")


# --- levels ------------------------------------------------------------------------------------

@given(levels, st.integers(0, 5))
def test_every_notation_of_a_level_reads_back(level, style):
    assert canonical_level(written(level, style)) == level
    assert parse_levels(written(level, style)) == [level]


@given(levels, levels, st.sampled_from(RANGE_WORDS), st.integers(0, 3), st.integers(0, 3))
@example("T12", "L2", " to ", 0, 0)
@example("L5", "S1", "-", 0, 0)
def test_a_range_expands_to_contiguous_levels_in_spine_order(first, last, sep, s1, s2):
    got = parse_levels(written(first, s1) + sep + written(last, s2))
    a, b = sorted((index[first], index[last]))
    assert got == ORDER[a:b + 1]


@given(levels, st.integers(1, 12))
def test_a_range_written_short_stays_in_its_region(first, span):
    region, n = first[0], int(first[1:])
    last = f"{region}{n + span}"
    if last not in index:
        return
    assert parse_levels(f"{first}-{n + span}") == ORDER[index[first]:index[last] + 1]  # L2-4, T3-12


@given(levels, levels)
def test_between_and_reads_as_a_range(first, last):
    a, b = sorted((index[first], index[last]))
    assert parse_levels(f"between {first} and {last}") == ORDER[a:b + 1]


@given(st.integers(0, len(ORDER) - 2))
def test_a_pair_written_short_names_the_next_level(i):
    first, second = ORDER[i], ORDER[i + 1]
    assert parse_levels(f"{first}/{second[1:]}") == [first, second]  # L4/5, T12/1, L5/1


@given(st.lists(levels, min_size=1, max_size=6), st.sampled_from([", ", " and ", " or ", "; ", " & "]))
def test_a_list_names_each_level_once_in_spine_order(chosen, sep):
    got = parse_levels(sep.join(chosen))
    assert got == sorted(set(chosen), key=index.__getitem__)


@given(st.lists(st.sampled_from([*ORDER, "L6", "S7", "C0", "T13", "4", "12", "and", "to", "-", "/", ",", "or",
                                 "between", "through"]), max_size=8))
def test_whatever_is_written_levels_come_out_unique_and_in_spine_order(tokens):
    got = parse_levels(" ".join(tokens))
    assert got == sorted(set(got), key=spine_index.__getitem__)
    assert set(got) <= set(SPINE)


@given(levels)
def test_a_level_in_words_reads_back(level):
    region, n = level[0], int(level[1:])
    if n > len(ORDINALS):
        return
    word = REGION_WORDS[region]
    assert level_from_words(ORDINALS[n - 1], word) == level
    assert parse_level_words(f"the {ORDINALS[n - 1]} {word} vertebra") == [level]


# --- muscle grades -----------------------------------------------------------------------------

ROMAN = ["0", "I", "II", "III", "IV", "V"]


@given(st.integers(0, 5), st.sampled_from([None, "", "+", "-", "\u2212"]))
def test_grade_value_is_the_same_in_arabic_and_roman(n, modifier):
    value, base, mod = grade_value(str(n), modifier)
    assert (value, base, mod) == grade_value(ROMAN[n], modifier)
    assert base == n and value == f"{n}{mod or ''}" and mod in (None, "+", "-")


@given(st.integers(6, 99))
def test_numbers_above_five_are_no_grade(n):
    with pytest.raises(ValueError):
        grade_value(str(n))


@settings(max_examples=60)
@given(st.integers(0, 5), st.sampled_from(["", "+", "-"]),
       st.sampled_from(["{g}/5", "{g} / 5", "grade {g}", "MRC grade {g}", "{g} out of 5", "graded as {g}",
                        "grade {r}", "M{g}"]),
       st.sampled_from(["Strength of the left quadriceps was {x}.", "Right hip flexion power was {x}.",
                        "Motor strength was {x} in the left leg."]))
def test_a_stated_grade_is_found_with_its_value(n, modifier, notation, sentence):
    if modifier and "out of" in notation:
        return
    text = sentence.format(x=notation.format(g=f"{n}{modifier}", r=f"{ROMAN[n]}{modifier}"))
    assert [g.value for g in find_grades(text, RULES, ANATOMY)] == [f"{n}{modifier}"]


# --- numbers -----------------------------------------------------------------------------------

@given(st.integers(0, 10**9))
def test_digits_and_thousands_separators_read_back(n):
    assert parse_number(str(n)) == n
    assert parse_number(f"{n:,}") == n


@given(st.integers(0, 99), st.sampled_from([str.lower, str.capitalize, str.upper]),
       st.sampled_from(["-", " ", "\u2010", "\u2013"]))
def test_number_words_read_back(n, case, hyphen):
    assert parse_number(case(words(n).replace("-", hyphen))) == n


@given(st.decimals(min_value=0, max_value=1000, places=1, allow_nan=False))
def test_decimals_read_back(x):
    assert parse_number(str(x)) == float(x)


@given(st.integers(1, 999))
def test_ordinals_read_back(n):
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    assert parse_ordinal(f"{n}{suffix}") == n
    if n <= len(ORDINALS):
        assert parse_ordinal(ORDINALS[n - 1].capitalize()) == n


@given(st.text(alphabet="0123456789,. -abcdefghijklmnopqrstuvwxyz", max_size=12))
def test_parse_number_never_fails_and_reads_only_numbers(text):
    value = parse_number(text)
    assert value is None or (isinstance(value, int | float) and value >= 0)


# --- ages --------------------------------------------------------------------------------------

@given(st.integers(-5, 200))
def test_age_value_keeps_plausible_ages_only(n):
    expected = n if 1 <= n <= 120 else None
    assert age_value(str(n)) == expected
    if 1 <= n <= 99:
        assert age_value(words(n)) == n


@given(st.integers(1, 9), st.sampled_from([None, "early", "mid", "late"]))
def test_a_decade_covers_ten_years_and_its_parts_lie_inside(d, part):
    base = d * 10
    lo, hi = decade_range(f"{base}s", part)
    assert base <= lo <= hi <= base + 9
    assert decade_range(f"{base}s") == (base, base + 9)
    if d >= 2:
        assert decade_range(["twenties", "thirties", "forties", "fifties", "sixties", "seventies",
                             "eighties", "nineties"][d - 2], part) == (lo, hi)


@given(st.integers(18, 99), st.sampled_from(["-year-old", " years old", "-yr-old"]))
def test_an_individual_age_is_kept_and_a_threshold_range_or_statistic_is_not(n, unit):
    for before, mention, after, individual in [
        ("A ", f"{n}{unit}", " woman", True),
        ("The patient, ", f"aged {n}", ", had", True),
        ("patients older than ", f"{n} years of age", "", False),
        ("\u2265", f"{n} years of age", "", False),
        ("The mean ", f"age {n} years", "", False),
        ("patients ", f"aged {n}", f"-{n + 5} years", False),
        ("all ", f"{n}{unit}", " or older", False),
    ]:
        text = before + mention + after
        assert is_individual_age(text, len(before), len(before) + len(mention)) == individual, text
