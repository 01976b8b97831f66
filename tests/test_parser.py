"""The free-text parser: mentions with spans, body sites, negation scopes, spelling, HPO widening,
leftovers, and texts that are huge or odd (emoji, control characters, right-to-left scripts)."""

import json
import subprocess
import sys

import pytest

import explorer
from explorer.language.parser import parse
from tests.workcount import LINEAR_BOUND, growth


def test_every_mention_keeps_its_span(kb):
    text = "I have tingling in my feet but no dry mouth"
    reading = parse(text, kb)
    for mention in reading.mentions:
        assert text[mention.start : mention.end] == mention.text
    tingling, dry_mouth = reading.mentions
    assert (tingling.symptom.id, tingling.present, tingling.text) == ("tingling", True, "tingling in my feet")
    assert [s.id for s in tingling.sites] == ["feet"]
    assert (dry_mouth.symptom.id, dry_mouth.present, dry_mouth.cue) == ("dry_mouth", False, "no")


@pytest.mark.parametrize(
    "text",
    ["tingling in my feet", "feet tingling", "my feet tingle", "tingly feet", "Tingling (both feet)"],
)
def test_word_order_inflection_and_filler_do_not_matter(kb, text):
    (mention,) = [m for m in parse(text, kb).mentions if m.symptom.kind != "course"]  # "both feet" is a pattern too
    assert mention.symptom.id == "tingling" and [s.id for s in mention.sites] == ["feet"]


def test_a_site_can_change_the_finding_and_says_so(kb):
    (mention,) = parse("weakness of the thighs", kb).mentions
    assert mention.symptom.id == "leg_weakness" and mention.site_changed.id == "general_weakness"
    assert "Feeling weak all over in the legs is read as Weakness in the feet or lower legs" in mention.notes()
    (arms,) = parse("weakness in my arms", kb).mentions
    assert arms.symptom.id == "muscle_weakness"


def test_one_side_of_the_body_carries_its_note(kb):
    (mention,) = parse("numbness down one side of my body", kb).mentions
    assert [s.id for s in mention.sites] == ["one_side"]
    assert any("one side of the body" in note for note in mention.notes())


def test_sites_in_a_list_go_with_the_finding_before(kb):
    (mention,) = parse("numb hands and feet", kb).mentions
    assert [s.id for s in mention.sites] == ["hands", "feet"]
    assert parse("numb hands and feet", kb).leftovers == ()


def test_but_and_except_close_a_negation_scope(kb):
    reading = parse("no fever or rash but joint pain, except no dry eyes", kb)
    assert {m.symptom.id: m.present for m in reading.mentions} == {
        "fever": False,
        "skin_rash": False,
        "joint_pain": True,
        "dry_eyes": False,
    }


def test_phrases_that_contain_a_negation_word_are_findings(kb):
    assert [(m.symptom.id, m.present) for m in parse("no energy and no saliva", kb).mentions] == [
        ("fatigue", True),
        ("dry_mouth", True),
    ]


def test_spelling_is_corrected_only_when_one_candidate_is_clearly_best(kb):
    (mention,) = parse("tinglng", kb).mentions
    assert mention.symptom.id == "tingling" and mention.corrections == (("tinglng", "tingling"),)
    assert "read 'tinglng' as 'tingling'" in mention.notes()
    assert parse("pian", kb).mentions == ()  # short words are never guessed at
    assert parse("tinggeling", kb).mentions == ()  # two slips: a did-you-mean instead
    (left,) = parse("tinggeling", kb).leftovers
    assert left.did_you_mean[0].id == "tingling"


def test_a_narrower_hpo_term_is_read_as_the_finding_above_it(kb):
    (mention,) = parse("Areflexia", kb).mentions
    assert mention.symptom.id == "reduced_reflexes" and mention.hpo.id == "HP:0001284"
    assert "Areflexia (HP:0001284), read as Reduced reflexes, a broader term" in mention.notes()
    (by_id,) = parse("HP:0003438", kb).mentions  # Absent Achilles reflex, below Areflexia
    assert by_id.symptom.id == "reduced_reflexes" and by_id.hpo.label == "Absent Achilles reflex"


def test_terms_above_or_beside_our_findings_are_never_forced_onto_one(kb):
    # Abnormality of the nervous system (above everything) and Pain (beside): left over, not guessed.
    for text in ("HP:0000707", "Abnormality of the nervous system", "HP:0012531"):
        reading = parse(text, kb)
        assert reading.mentions == () and reading.leftovers, text


def test_unmatched_text_is_reported_with_its_span(kb):
    text = "numbness, glowing toenails; a blue nose"
    reading = parse(text, kb)
    assert [m.symptom.id for m in reading.mentions] == ["numbness"]
    assert [(x.text, text[x.start : x.end]) for x in reading.leftovers] == [
        ("glowing toenails", "glowing toenails"),
        ("blue nose", "blue nose"),
    ]


def test_a_condition_name_left_over_points_to_its_card(kb):
    (left,) = parse("Sjögren", kb).leftovers
    assert left.condition.id == "sjogren_syndrome"


def test_records_are_plain_data_for_json(kb):
    data = parse("tinglng in my feet but no dry mouth, Areflexia, zzz", kb).to_dict()
    assert json.loads(json.dumps(data)) == data
    assert data["mentions"][0]["corrections"] == [{"typed": "tinglng", "read_as": "tingling"}]
    assert data["mentions"][1]["status"] == "absent"
    assert data["leftovers"][0]["text"] == "zzz"


def test_parse_and_explore_are_public_and_a_string_is_one_text():
    assert explorer.parse("numbness").mentions[0].symptom.id == "numbness"
    result = explorer.explore("numbness and tingling in my feet, no dry mouth")
    assert {r.symptom.id for r in result.recognized} == {"numbness", "tingling"}
    assert [r.symptom.id for r in result.absent] == ["dry_mouth"]
    assert explorer.explore("numbness").recognized[0].input == "numbness"


@pytest.mark.parametrize(
    "text",
    [
        "numbness 😀😀 and tingling 🦶",
        "numbness\x00\x1b[31m tingling\x07",
        "אני מרגיש numbness ו tingling",  # right-to-left script around known words
        "\u202enumbness\u202c and tingling",
        "",
        "   \n\t  ",
        "😀" * 1000,
    ],
)
def test_odd_text_gives_a_clear_result(kb, text):
    reading = parse(text, kb)
    assert isinstance(reading.mentions, tuple) and isinstance(reading.leftovers, tuple)
    for item in (*reading.mentions, *reading.leftovers):
        assert text[item.start : item.end] == item.text
    if "numbness" in text:
        assert {m.symptom.id for m in reading.mentions} == {"numbness", "tingling"}


def _sentences(count: int) -> str:
    """``count`` sentences, each with its own unknown word, so no reading of one is reused for another."""
    return "".join(f"I have tingling in my feet but no dry mouth and some zq{i}x words. " for i in range(count))


def test_many_sentences_are_read_in_linear_work(kb):
    reading = parse(_sentences(200), kb)
    assert len(reading.mentions) == 400
    assert {m.symptom.id for m in reading.mentions} == {"tingling", "dry_mouth"}
    assert all(not m.present for m in reading.mentions if m.symptom.id == "dry_mouth")
    assert growth(lambda n: lambda: parse(_sentences(n), kb), 50) < LINEAR_BOUND


def test_one_long_list_item_is_read_in_linear_work(kb):
    # One list item with hundreds of findings and sites: each keeps its own site, nothing is shared.
    long_item = parse("numb feet tingling " * 400, kb)
    assert len(long_item.mentions) == 800
    assert all([s.id for s in m.sites] == ["feet"] for m in long_item.mentions if m.symptom.id == "numbness")
    assert growth(lambda n: lambda: parse("numb feet tingling " * n, kb), 100) < LINEAR_BOUND


def test_a_long_run_of_unknown_words_is_one_leftover_read_in_linear_work(kb):
    junk = parse("qwzx " * 2000, kb)  # one long run of unknown words: one leftover, no close matches
    assert junk.mentions == () and len(junk.leftovers) == 1 and junk.leftovers[0].did_you_mean == ()
    assert growth(lambda n: lambda: parse("qwzx " * n, kb), 500) < LINEAR_BOUND


@pytest.mark.slow
def test_known_words_never_load_the_spelling_library_or_the_hpo_index():
    code = (
        "import sys; from explorer.cli import main; sys.argv=['symptom-explorer','match','numbness','dry eyes'];\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print('MODULES', 'rapidfuzz' in sys.modules, 'explorer.language.hpo_index' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert "MODULES False False" in done.stdout, done.stdout + done.stderr


def test_a_short_text_is_read_once_and_remembered_a_long_one_is_not(kb):
    from explorer.language.parser import CACHED_LENGTH, parser_for

    parser = parser_for(kb)
    short = "tingling in my toes but no dry mouth"
    assert parser.parse(short) is parser.parse(short)  # remembered (a Parse is frozen)
    long = "numbness in my feet " + "and more " * (CACHED_LENGTH // 9)
    assert len(long) > CACHED_LENGTH
    first, again = parser.parse(long), parser.parse(long)
    assert first is not again and first == again  # read afresh, the same way
