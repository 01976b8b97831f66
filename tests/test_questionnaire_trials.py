"""The questionnaire's fast question choice (trials on finding ids, skipped runs, early stop) must pick
exactly what the straightforward choice picks: every candidate tried yes and no through explore().

Both are computed here, in the same run, over questionnaire states reached by answering the chosen
questions (seeded), so the test follows whatever order the questionnaire asks in."""

import random

import pytest
import yaml

from explorer.knowledge.loader import load_knowledge, packaged_folders
from explorer.language.vocabulary import vocabulary_for
from explorer.reasoning.engine import engine_for
from explorer.reasoning.questionnaire import Questionnaire
from explorer.reasoning.trials import Trials, _rule_views, picture_of
from tests.kbedit import edit

pytestmark = pytest.mark.slow  # every question chosen both ways, slowly and fast: left out by pytest -m 'not slow'


def _starts(kb):
    vocabulary = vocabulary_for(kb)
    text = packaged_folders()[0].joinpath("cases", "examples.yaml").read_text(encoding="utf-8")
    starts = []
    for case in yaml.safe_load(text):
        found = [vocabulary.resolve(t).symptom for t in case.get("symptoms", [])]
        starts.append(list(dict.fromkeys(s.id for s in found if s)))
    rng = random.Random(3)
    named = sorted(set(_rule_views(kb)[0]) & set(kb.symptoms))
    starts += [rng.sample(named, rng.randint(1, 3)) for _ in range(4)]
    return starts


def _states(kb, per_session=8, seed=7):
    """(answers, the straightforward choice for them) along seeded sessions that answer that choice."""
    rng = random.Random(seed)
    states = []
    for start in _starts(kb):
        session = Questionnaire(kb)
        for finding in start:
            session.record(finding, "yes", entered=True)
        for _ in range(per_session):
            question = session.next_question(exhaustive=True)
            states.append((list(session.answers), question))
            if question is None:
                break
            session.record(question.finding.id, rng.choice(["yes", "no", "no", "unsure"]))
    return states


@pytest.fixture(scope="module")
def states(kb):
    found = _states(kb)
    assert len(found) > 40
    return found


def test_fast_choice_equals_the_straightforward_choice(kb, states):
    asked = 0
    for answers, full in states:
        fast = Questionnaire(kb, answers=list(answers)).next_question()
        assert fast == full, [(a.finding, a.answer) for a in answers]
        asked += fast is not None
    assert asked > len(states) // 2  # most states still have a question to ask


def test_runs_skipped_as_unable_to_change_the_rules_change_nothing(kb, states):
    """Every trial, skipped or not, gives the picture of a real engine run; the skip test is sound."""
    skipped = 0
    for answers, _ in states[:: max(1, len(states) // 6)]:
        present = {a.finding for a in answers if a.answer == "yes"}
        absent = {a.finding for a in answers if a.answer == "no"}
        for finding in sorted(set(kb.symptoms) - present - absent):
            for answer in ("yes", "no"):
                trials = Trials(kb, present, absent)
                shortcut = trials.picture(finding, answer)
                ran = trials.engine_runs
                skipped += not trials.may_change(finding, answer)
                trial_present = present | ({finding} if answer == "yes" else set())
                trial_absent = absent | ({finding} if answer == "no" else set())
                real = engine_for(kb).run(trial_present, trial_absent)
                assert shortcut == picture_of(kb, real, trial_present, trial_absent), (finding, answer)
                assert ran <= 1  # the trial itself, the current answers for a skipped one, or none
    assert skipped > 0  # some trials did take the shortcut


def _random_answers(kb, count=400, seed=11):
    rng = random.Random(seed)
    named = sorted(set(_rule_views(kb)[0]) & set(kb.symptoms))
    absent_named = sorted(set(_rule_views(kb)[1]) & set(kb.symptoms))
    out = []
    for _ in range(count):
        present = set(rng.sample(named, rng.randint(1, 8)))
        absent = set(rng.sample(absent_named, rng.randint(0, min(3, len(absent_named))))) - present
        out.append((present, absent))
    return out


@pytest.fixture
def chained_kb(kb_copy):
    """A copy of the knowledge with a deeper chain of patterns: peripheral nerve involvement needs two of
    sensory symptoms, motor symptoms and numbness, and sicca symptoms can come from it."""
    path = kb_copy / "rules" / "10_patterns.yaml"
    edit(
        path,
        "any: [sensory_nerve_symptoms, motor_nerve_symptoms]\n  infer: peripheral_nerve_involvement",
        "any: [sensory_nerve_symptoms, motor_nerve_symptoms, numbness]\n    at_least: 2\n"
        "  infer: peripheral_nerve_involvement",
    )
    edit(
        path,
        "any: [dry_eyes, dry_mouth]\n  infer: sicca_symptoms",
        "any: [dry_eyes, dry_mouth, peripheral_nerve_involvement]\n  infer: sicca_symptoms",
    )
    return load_knowledge(kb_copy)


@pytest.fixture(params=["shipped", "chained"])
def any_kb(request):
    return request.getfixturevalue("kb" if request.param == "shipped" else "chained_kb")


def test_a_replayed_run_is_the_real_run(any_kb):
    """replay.py against the engine: the same firings in the same order, matching the same findings, and
    the same support for every finding, also for patterns inferred from patterns (where the firing order
    decides what a pattern passes on)."""
    from explorer.reasoning.replay import replay

    kb, chained, grouped = any_kb, 0, 0
    patterns = {rule.target for rule in kb.rules if rule.conclusion == "infer"}
    for present, absent in _random_answers(kb):
        real = engine_for(kb).run(present, absent)
        replayed = replay(kb, present, absent)
        assert replayed is not None
        assert (replayed.steps, replayed.support) == (real.steps, real.support), sorted(present)
        chained += any(s.conclusion == "infer" and patterns & set(s.matched_present) for s in real.steps)
        grouped += any(kb.rule_index[s.rule].any for s in real.steps)
    assert chained > 5 and grouped > 100  # the order-dependent chains and the "any" groups are exercised


def test_a_run_replayed_from_the_current_answers_is_the_real_run(any_kb):
    """A trial replays from a Start of the current answers (what they do before any rule fires) and adds its
    one answer, yes or no: the same firings, order and support as a real run of all the answers."""
    from explorer.reasoning.replay import Start, replay

    kb, rng, compared = any_kb, random.Random(5), 0
    named = sorted(set(_rule_views(kb)[0]) & set(kb.symptoms))
    for present, absent in _random_answers(kb):
        start = Start(kb, present, absent)
        for finding in rng.sample(named, 3):
            if finding in present or finding in absent:
                continue
            for more_present, more_absent in ((present | {finding}, absent), (present, absent | {finding})):
                real = engine_for(kb).run(more_present, more_absent)
                replayed = replay(kb, more_present, more_absent, start)
                assert (replayed.steps, replayed.support) == (real.steps, real.support), (sorted(present), finding)
                compared += 1
    assert compared > 100


def test_an_answer_no_pattern_rule_reads_is_added_to_the_current_run(any_kb):
    """A trial whose answer no pattern rule reads takes the current run and adds what the answer changes
    (Trials._edited: the red-flag and suggestion rules that now fire, what a suggestion's "any" group now
    matches), without a replay: the same suggestions fire, matching the same findings, and the same red
    flags are raised as in a real run (in another order, which a picture does not read), so its picture is
    the real run's, for a yes and a no."""
    kb, rng, edited, regrouped = any_kb, random.Random(13), 0, 0
    named = sorted(set(_rule_views(kb)[0]) | set(_rule_views(kb)[1]))
    # Random answers seldom fill an "any" group just enough for a yes to add to it: one case per such group too.
    grown = [
        (set(r.all) | set(r.any[: r.at_least]), set())
        for r in kb.rules
        if r.conclusion == "suggest" and len(r.any) > r.at_least
    ]
    for present, absent in grown + _random_answers(kb, count=200):
        trials = Trials(kb, present, absent)
        # Also the other findings of the "any" groups of suggestions made: a yes changes what those matched.
        grouped = {f for s in trials.base().steps if s.conclusion == "suggest" for f in kb.rule_index[s.rule].any}
        for finding in rng.sample(named, 4) + sorted(grouped):
            if finding in present or finding in absent:
                continue
            for more_present, more_absent, answer in (
                (present | {finding}, absent, "yes"),
                (present, absent | {finding}, "no"),
            ):
                made = trials._edited(finding, answer)
                if made is None:
                    continue
                real = engine_for(kb).run(more_present, more_absent)
                assert _firings(made) == _firings(real), (sorted(present), sorted(absent), finding, answer)
                assert picture_of(kb, made, more_present, more_absent) == picture_of(
                    kb, real, more_present, more_absent
                )
                edited += 1
                base = {s.rule: s.matched_present for s in trials.base().steps}
                regrouped += any(s.matched_present != base.get(s.rule, s.matched_present) for s in made.steps)
    assert trials.engine_runs <= 1 and edited > 200 and regrouped > 0


def _firings(inference) -> tuple:
    """What a picture reads of a run: each suggestion firing and what it matched, the red flags raised."""
    suggested = {(s.rule, s.matched_present) for s in inference.steps if s.conclusion == "suggest"}
    return suggested, {s.target for s in inference.steps if s.conclusion == "red_flag"}


def test_patterns_followed_from_the_current_answers_are_the_fixed_point(any_kb):
    """reach.holding_from (a trial's patterns, found from the current answers' by trying only the pattern
    rules that name something new) against reach.holding worked out afresh, for a yes and a no."""
    from explorer.reasoning.reach import holding, holding_from

    kb, rng, grew = any_kb, random.Random(9), 0
    named = sorted(set(_rule_views(kb)[0]) | set(_rule_views(kb)[1]))
    for present, absent in _random_answers(kb):
        held = holding(kb, present, absent)
        for finding in rng.sample(named, 3):
            fresh = holding(kb, present | {finding}, absent)
            assert holding_from(kb, held, absent, added=(finding,)) == fresh, (sorted(present), finding)
            more_absent = absent | {finding}
            assert holding_from(kb, held, more_absent, added_absent=(finding,)) == holding(kb, present, more_absent)
            grew += len(fresh) > len(held | {finding})
    assert grew > 20  # answers that lead to new patterns are among those compared


def test_rules_a_replay_cannot_follow_are_run(kb, monkeypatch):
    """A rule field replay.py does not know (through reach.understood) makes the trials run the engine,
    with the real run's picture."""
    from explorer.reasoning import reach, replay

    present, absent = {"numbness", "dry_eyes"}, set()
    real = picture_of(kb, engine_for(kb).run(present | {"dry_mouth"}, absent), present | {"dry_mouth"}, absent)
    reach.understood.cache_clear()
    replay._index.cache_clear()
    monkeypatch.setattr(reach, "KNOWN_FIELDS", reach.KNOWN_FIELDS - {"absent"})
    try:
        assert replay.replay(kb, present, absent) is None
        trials = Trials(kb, present, absent)
        assert trials.picture("dry_mouth", "yes") == real
        assert trials.engine_runs == 1
    finally:
        reach.understood.cache_clear()
        replay._index.cache_clear()


def test_fast_choice_equals_the_straightforward_choice_with_deeper_chains(chained_kb):
    for answers, full in _states(chained_kb, per_session=5):
        assert Questionnaire(chained_kb, answers=list(answers)).next_question() == full


def test_conditions_named_alike_are_ordered_as_they_fired(kb_copy):
    """Two conditions with one name tie on every ranking key; the ranking then keeps the order the rules
    fired in, which the replay follows."""
    from explorer.reasoning.replay import replay

    conditions = kb_copy / "data" / "conditions.yaml"
    edit(conditions, "name: Neuropathy after or during an infection", "name: Neuropathy of a cause")
    edit(conditions, "name: Toxic neuropathy", "name: Neuropathy of a cause")
    same = load_knowledge(kb_copy)
    for present in (
        {"nerve_pain", "recent_infection", "toxin_exposure"},
        {"leg_weakness", "recent_infection", "toxin_exposure"},
    ):
        real = picture_of(same, engine_for(same).run(present, set()), present, set())
        assert {"infection_related_neuropathy", "toxic_neuropathy"} <= {c for c, _ in real.suggestions}
        assert picture_of(same, replay(same, present, set()), present, set()) == real
    for answers, full in _states(same, per_session=5):
        assert Questionnaire(same, answers=list(answers)).next_question() == full
