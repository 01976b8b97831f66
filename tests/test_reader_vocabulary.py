"""Round 3 of issue 20's reader: everyday findings (data/symptoms.yaml's background findings, their
concepts in data/concepts.yaml, lab shorthand in data/annotation_labels.yaml), a one-sided warning sign
named with both of a pair, urgent presentations told by what happens, figures of speech and past events.
Phrasings here are the project's own, written for these tests (never items of the blind set, which is for
measuring only)."""

import pytest

from explorer import explore
from explorer.language.parser import parse
from tests.kbedit import assert_breakage_reported


def reading(text, kb) -> dict:
    """finding id -> present (True) or absent (False), as the parser read ``text``."""
    return {m.symptom.id: m.present for m in parse(text, kb).mentions if m.symptom.kind != "course"}


# Each a kind of wording: the finding's name, a concept word with a cue, a lay name in another variety.
EVERYDAY = [
    ("the whole room goes round when I turn over", {"vertigo": True}),
    ("I come over all giddy", {"vertigo": True}),
    ("I go woozy when I stand up", {"orthostatic_lightheadedness": True}),
    ("my fingers tremble when I hold a cup", {"tremor": True}),
    ("I've noticed twitching in my thighs", {"fasciculations": True}),
    ("the muscles of my thighs have shrunk", {"muscle_wasting": True}),
    ("my legs are fidgety in bed", {"restless_legs": True}),
    ("I have to rush to the loo every hour", {"urinary_urgency": True}),
    ("I struggle to keep an erection", {"erectile_dysfunction": True}),
    ("I wake up drenched in sweat", {"night_sweats": True}),
    ("hot weather makes it worse", {"heat_intolerance": True}),
    ("I'm so sensitive to the cold these days", {"cold_intolerance": True}),
    ("my toes are ice cold", {"cold_extremities": True}),
    ("my tea tastes metallic", {"taste_change": True}),
    ("my eyes sting all day", {"burning_eyes": True}),
    ("my ankles are puffy", {"ankle_swelling": True}),
    ("I've come out in a rash on my arms", {"skin_rash": True}),
    ("my shins ache", {"leg_pain": True}),
    ("I get a jolt down my spine when I look down", {"lhermitte_sign": True}),
    ("Lhermitte's positive", {"lhermitte_sign": True}),
]


@pytest.mark.parametrize("text,expected", EVERYDAY, ids=[row[0] for row in EVERYDAY])
def test_everyday_findings_are_read_by_their_words(kb, text, expected):
    assert reading(text, kb) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        (
            "RF positive, anti-CCP positive",
            {"rheumatoid_factor_positive": True, "anti_citrullinated_protein_antibody_positivity": True},
        ),
        ("raised CRP", {"elevated_circulating_c_reactive_protein_concentration": True}),
        ("ANA negative", {"antinuclear_antibody_positivity": False}),
        ("dsDNA antibodies raised", {"anti_dsdna_antibody_positivity": True}),
    ],
)
def test_lab_shorthand_names_its_finding(kb, text, expected):
    assert reading(text, kb) == expected


def test_new_findings_are_denied_like_any_other(kb):
    assert reading("no rash, dizziness or night sweats", kb) == {
        "skin_rash": False,
        "vertigo": False,
        "night_sweats": False,
    }


def test_background_findings_are_shown_and_never_evidence(kb):
    result = explore(["dizzy", "tremor", "night sweats"], kb=kb)
    assert {r.symptom.id for r in result.recognized} == {"vertigo", "tremor", "night_sweats"}
    assert all(kb.symptoms[s].background for s in ("vertigo", "tremor", "night_sweats"))
    evidence = {e.symptom.id for s in result.suggestions for e in (*s.supporting, *s.missing, *s.against)}
    assert not {"vertigo", "tremor", "night_sweats"} & evidence


@pytest.mark.parametrize(
    "text,wrong",
    [
        ("my fingers go white in the cold", "cold_extremities"),  # Raynaud's words, not cold hands
        ("a shadow like a shade over my eye", "tremor"),  # "shade" is no slip for "shake"
        ("I brush my hair over my head", "orthostatic_lightheadedness"),  # nor "brush" for "rush"
        ("my hands are so stiff I can't do up my buttons", "erectile_dysfunction"),
    ],
)
def test_new_words_take_no_everyday_phrase(kb, text, wrong):
    assert wrong not in reading(text, kb)


# A one-sided warning sign named with both of a pair is not one-sided (data/symptoms.yaml both_sides).
BOTH_SIDES = [
    ("I can't lift my arms above my head", {"muscle_weakness"}, {}),
    ("I can't lift my arm", {"one_sided_weakness"}, {"one_sided_weakness": "emergency"}),
    ("all of a sudden I can't lift my arms", {"rapidly_spreading_weakness"}, {"spreading_weakness": "emergency"}),
    ("my left arm and left leg went weak", {"one_sided_weakness"}, {"one_sided_weakness": "emergency"}),
    ("suddenly my arm's gone weak", {"one_sided_weakness"}, {"one_sided_weakness": "emergency"}),  # not plural
]


@pytest.mark.parametrize("text,findings,flags", BOTH_SIDES, ids=[row[0] for row in BOTH_SIDES])
def test_a_one_sided_warning_named_with_both_of_a_pair(kb, text, findings, flags):
    assert set(reading(text, kb)) == findings
    assert {f.id: f.level for f in explore([text], kb=kb).red_flags} == flags


@pytest.mark.parametrize(
    "new,needle,message",
    [
        (
            "both_sides: {steady: muscle_weaknes, sudden: rapidly_spreading_weakness}",
            "steady: muscle_weaknes",
            "unknown symptom 'muscle_weaknes'",
        ),
        ("both_sides: muscle_weakness", "both_sides: muscle_weakness", "expected {steady: ID, sudden: ID}"),
    ],
)
def test_a_broken_both_sides_entry_is_reported_with_its_line(kb_copy, new, needle, message):
    old = "both_sides: {steady: muscle_weakness, sudden: rapidly_spreading_weakness}"
    assert_breakage_reported(kb_copy, "data/symptoms.yaml", old, new, needle, message)


# Urgent presentations told by what happens (data/concepts.yaml cue groups not_moving, into_arm, blackout...).
TOLD_BY_WHAT_HAPPENS = [
    ("I tried to get out of bed and my legs wouldn't respond", "paralysis"),
    ("my left eye just stopped working an hour ago", "vision_loss"),
    ("it feels like air hunger, worse lying flat", "breathing"),
    ("he's holding his chest, grey and sweaty", "chest_pain"),
    ("my heartburn is going down into my arm", "chest_pain"),
    ("my arm was twitching then I lost a few minutes", "seizures"),
    ("she shook all over then didn't remember anything", "seizures"),
]


@pytest.mark.parametrize("text,flag", TOLD_BY_WHAT_HAPPENS, ids=[row[0] for row in TOLD_BY_WHAT_HAPPENS])
def test_an_emergency_told_by_what_happens_raises_its_warning(kb, text, flag):
    assert {f.id: f.level for f in explore([text], kb=kb).red_flags}.get(flag) == "emergency"


# Figures of speech and everyday causes that use an urgent word raise nothing (data/concepts.yaml calm, causes).
CALM = [
    "I couldn't breathe, that sketch was too funny",
    "my dad threw a fit when he saw the bill",
    "talking it through took a weight off my chest",
    "everything went black for a second when I stood up too fast",
    "I choked on the wasabi",
    "the cream didn't work on my legs",
]


@pytest.mark.parametrize("text", CALM)
def test_a_figure_of_speech_or_an_everyday_cause_raises_no_warning(kb, text):
    assert explore([text], kb=kb).red_flags == ()


@pytest.mark.parametrize(
    "text,cue",
    [
        ("years ago I lost the sight in one eye", "years ago"),
        ("two years back I had trouble swallowing after an operation", "years back"),
        ("back in my twenties I had double vision", "back in"),
    ],
)
def test_a_cue_of_long_ago_works_on_either_side_and_its_own_words_do_not_cancel_it(kb, text, cue):
    reading_ = parse(text, kb)
    assert [m for m in reading_.present if m.symptom.kind != "course"] == []
    assert [m.past for m in reading_.mentions if m.past] == [cue]


@pytest.mark.parametrize(
    "text,expected",
    [
        ("on the lash every night", {"heavy_alcohol_use": True}),  # slang with a rate
        ("my eyelash fell out", {}),
        ("I can't get my eye lash out", {}),
        ("tomato sauce on everything", {}),
    ],
)
def test_slang_whose_small_words_are_dropped_needs_a_rate(kb, text, expected):
    assert reading(text, kb) == expected


# Someone else's findings: a pronoun that stands for a relative named earlier in the clause, more family
# words, a condition name with time words after it (explorer/language/others.py, data/words.yaml).
@pytest.mark.parametrize(
    "text,owner",
    [
        ("my grandad has diabetes and his toes are numb", "grandad"),
        ("my sister says her joints ache in the morning", "sister"),
        ("me mam has lupus", "mam"),
        ("my twin brother was recently diagnosed with lupus", "twin"),
        ("my uncle had Guillain-Barre two years ago", "uncle"),
    ],
)
def test_a_relatives_finding_or_condition_is_not_the_persons(kb, text, owner):
    reading_ = parse(text, kb)
    assert [m for m in reading_.mentions if m.symptom.kind != "course"] == []
    assert [x.someone_else for x in reading_.leftovers if x.someone_else][-1] == owner


@pytest.mark.parametrize(
    "text,expected",
    [
        ("my husband has diabetes and I have numb feet", {"numbness": True}),  # "I": the person's own
        ("my mum's fine but my feet tingle", {"tingling": True}),
        ("my son says he can't breathe", {"trouble_breathing": True}),  # a warning sign is never set aside
    ],
)
def test_the_persons_own_findings_and_anyones_warning_sign_stay(kb, text, expected):
    assert reading(text, kb) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        ("swallowing is normal", {"trouble_swallowing": False}),
        ("my bladder and bowels are absolutely fine", {"bladder_bowel_loss": False}),
        ("breathing fine", {"trouble_breathing": False}),
        ("I've no balance at all", {"unsteady_walking": True}),  # "no balance" names the finding
    ],
)
def test_a_warning_signs_function_said_to_be_normal_is_absent(kb, text, expected):
    assert reading(text, kb) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        ("sugar not controlled and toes burning", {"diabetes": True, "nerve_pain": True}),
        ("not sleeping well and hands are numb", {"numbness": True}),
        ("no fever and no rash", {"fever": False, "skin_rash": False}),
        ("no fever and numbness", {"fever": False, "numbness": False}),  # a denied list goes on past "and"
    ],
)
def test_a_cue_that_denied_something_else_ends_at_and(kb, text, expected):
    assert reading(text, kb) == expected


@pytest.mark.parametrize("text", ["my hair is coming out in clumps", "hair is falling in handfuls"])
def test_hair_with_a_falling_cue_is_hair_loss_not_a_fall(kb, text):
    assert reading(text, kb) == {"hair_loss": True}


def test_brushing_hair_is_no_hair_loss(kb):
    assert reading("I can't lift my arms to brush my hair", kb) == {"muscle_weakness": True}


@pytest.mark.parametrize(
    "text,finding,flag",
    [
        ("my husband can't breathe", "trouble_breathing", "breathing"),
        ("my mum's face has dropped on one side", "face_drooping", "one_sided_weakness"),
    ],
)
def test_a_relatives_warning_sign_raises_its_warning_but_is_not_the_persons_finding(kb, text, finding, flag):
    result = explore([text], kb=kb)
    assert flag in {f.id for f in result.red_flags}
    assert finding not in {r.symptom.id for r in result.recognized}
    assert [u.did_you_mean[0].id for u in result.unrecognized if u.someone_else] == [finding]
    assert result.suggestions == ()  # nothing suggested from someone else's emergency


def test_the_persons_own_findings_still_suggest_beside_a_relatives_warning_sign(kb):
    result = explore(["my daughter can't breathe and I have dry eyes and a dry mouth"], kb=kb)
    assert "breathing" in {f.id for f in result.red_flags}
    assert {r.symptom.id for r in result.recognized} == {"dry_eyes", "dry_mouth"}
    assert result.suggestions and result.suggestions[0].condition.id == "sjogren_syndrome"


@pytest.mark.parametrize(
    "text,finding,term",
    [
        ("Thenar muscle weakness", "muscle_weakness", "HP:0003427"),  # below Hand muscle weakness
        ("Foot dorsiflexor weakness", "leg_weakness", "HP:0009027"),
    ],
)
def test_weakness_of_the_hand_or_foot_reads_as_the_weakness_it_narrows(kb, text, finding, term):
    mention = parse(text, kb).mentions[0]
    assert (mention.symptom.id, mention.hpo.id) == (finding, term)


def test_footdrop_in_one_word_is_leg_weakness(kb):
    assert reading("Footdrop", kb) == {"leg_weakness": True}


@pytest.mark.parametrize(
    "text,expected_past",
    [
        ("years ago I went blind in one eye for a few weeks", True),  # how long the past episode lasted
        ("in my twenties I had double vision for about a fortnight", True),
        ("I've had numbness for years", False),  # "for years": it goes on
        ("I've had double vision for days, it started years ago", False),  # "started": it goes on
    ],
)
def test_for_with_a_span_that_ended_does_not_cancel_a_past_cue(kb, text, expected_past):
    reading_ = parse(text, kb)
    assert any(m.past for m in reading_.mentions) is expected_past


@pytest.mark.parametrize(
    "text, infection",
    [
        ("caught a bad cold last week, now my feet tingle", True),  # a cold told as an illness
        ("I had a stinking cold before this started", True),
        ("my feet are cold and numb", False),  # cold as a feeling: no infection
        ("my hands go a cold white colour", False),
    ],
)
def test_a_cold_told_as_an_illness_is_a_recent_infection_and_cold_as_a_feeling_is_not(text, infection, kb):
    assert ("recent_infection" in reading(text, kb)) == infection
