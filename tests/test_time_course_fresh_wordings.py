"""Twenty short vignettes written for this round in lay words from several Englishes (none from a blind set), one or
more for each time-course class: sudden, over days, over weeks, over years, relapsing, after an infection or an
exposure, one side against both, spreading. Each gets the right condition first; the sudden one-sided picture, a
stroke's, gets the emergency. Through explore(), as the blind benchmarks score."""

import pytest

from explorer import explore

VIGNETTES = [
    (
        "sudden1",
        None,
        "About an hour ago the left side of my face went droopy and my left arm went heavy all of a sudden. I'm 62.",
    ),
    (
        "days_gbs",
        "guillain_barre_syndrome",
        "Had a nasty stomach bug a fortnight back. Since Saturday my feet have gone tingly and now my legs "
        "are that weak I can barely get up the stairs, and it's creeping up to my hands.",
    ),
    (
        "days_gbs_us",
        "guillain_barre_syndrome",
        "I got over the flu last month. Over the past four days both my legs got weaker and weaker and today "
        "I couldn't walk to the bathroom without help.",
    ),
    (
        "weeks_lupus",
        "systemic_lupus_erythematosus",
        "I have lupus. Over the last few weeks my joints have flared, I've had a rash across my cheeks, and "
        "both my hands have gone numb.",
    ),
    (
        "years_diab",
        "diabetic_neuropathy",
        "I've been a diabetic for fifteen years. My toes went numb first and over the years it has crept up "
        "to my ankles on both sides, slowly.",
    ),
    (
        "years_diab_in",
        "diabetic_neuropathy",
        "I am having sugar since twelve years. Since some years both my feet are burning and numb at night, "
        "it is slowly increasing.",
    ),
    (
        "years_alc",
        "alcohol_related_neuropathy",
        "I've been on the grog heavy for twenty years, a slab most days. Over the last couple of years me "
        "feet have gone numb and burny, both sides the same.",
    ),
    (
        "relapse_ms",
        "multiple_sclerosis",
        "Three years ago I lost some sight in my right eye and it hurt to move it, then it came back. Last "
        "year my left leg went numb for a month and recovered. This week my right hand has gone numb again.",
    ),
    (
        "relapse_ms_ie",
        "multiple_sclerosis",
        "I'm 29. The numbness comes and goes: my legs went numb for a few weeks in the spring, cleared up, "
        "and now my left arm is numb. My eye was blurry and sore last winter too.",
    ),
    (
        "after_inf",
        "guillain_barre_syndrome",
        "After a chest infection three weeks ago my legs started going weak, first the feet and then up to "
        "the knees, both sides, over about five days.",
    ),
    (
        "after_exp",
        "toxic_neuropathy",
        "I started chemo in the spring. Since then my fingers and toes have gone numb and tingly on both "
        "sides, getting slowly worse.",
    ),
    (
        "after_exp_lead",
        "toxic_neuropathy",
        "I strip old lead paint off houses for a living. Over the last year my wrists have got weaker on both"
        " sides and I get bad tummy cramps.",
    ),
    (
        "brought_home",
        "toxic_neuropathy",
        "My husband works at a battery plant and brings the dust home on his overalls. Over the past few "
        "months my hands and feet have gone numb and weak on both sides.",
    ),
    (
        "one_side_slow",
        "multiple_sclerosis",
        "Over the last two weeks the right side of my body has gradually gone numb. A couple of years ago I "
        "had double vision for a month that went away.",
    ),
    (
        "both_sides",
        "peripheral_neuropathy",
        "For a year or so both my feet have been numb and tingly, the same on each side, slowly getting "
        "worse. I don't have diabetes and I don't drink.",
    ),
    (
        "patchy_ra",
        "rheumatoid_arthritis",
        "I have rheumatoid arthritis. Last month my right foot started to drop, and two weeks later my left "
        "hand went numb. One nerve at a time.",
    ),
    (
        "spread_up",
        "guillain_barre_syndrome",
        "It started in my toes on Monday and by Thursday the weakness had spread up to my hips and into my arms.",
    ),
    (
        "compared",
        "diabetic_neuropathy",
        "I've got type 2 diabetes. My feet are number than they were last year and the tingling is worse than"
        " last winter, both feet the same.",
    ),
    (
        "covid_again",
        "guillain_barre_syndrome",
        "I had covid years ago and again ten days ago. Since yesterday my legs have gone weak and wobbly and "
        "it's moving up.",
    ),
    (
        "sjogren",
        "sjogren_syndrome",
        "For years my eyes and mouth have been bone dry. Over the past few months my feet have started "
        "burning and tingling on both sides.",
    ),
]
# A reader's class, not the time course's: Australian drinking words ("on the grog", "a slab") are not read as heavy
# drinking (data/concepts.yaml, the reader's), so alcohol-related neuropathy is not first.
NOT_YET = {"years_alc": "the reader does not know 'on the grog' or 'a slab' as heavy drinking"}


def first(text: str) -> tuple[str | None, set[str], set[str]]:
    result = explore([text])
    top = result.suggestions[0].condition.id if result.suggestions else None
    return top, {f.level for f in result.red_flags}, {r.symptom.id for r in result.recognized}


@pytest.mark.parametrize(
    ("name", "want", "text"),
    [
        pytest.param(*v, marks=pytest.mark.xfail(reason=NOT_YET[v[0]], strict=True)) if v[0] in NOT_YET else v
        for v in VIGNETTES
        if v[0] != "sudden1"
    ],
)
def test_each_time_course_class_gets_the_right_condition_first(name, want, text):
    top, _, read = first(text)
    assert top == want, (name, top, sorted(read))


def test_a_sudden_one_sided_picture_is_a_strokes_emergency():
    text = next(t for n, _, t in VIGNETTES if n == "sudden1")
    _, levels, read = first(text)
    assert "emergency" in levels and {"onset_sudden", "symmetry_one_side"} <= read, (levels, sorted(read))


def test_the_guillain_barre_pictures_raise_the_emergency():
    for name, want, text in VIGNETTES:
        if want == "guillain_barre_syndrome":
            assert "emergency" in first(text)[1], name


def test_the_slow_pictures_raise_no_emergency():
    for name in ("years_diab", "years_diab_in", "both_sides", "compared", "sjogren", "after_exp"):
        text = next(t for n, _, t in VIGNETTES if n == name)
        assert "emergency" not in first(text)[1], name
