"""The remission between the bouts of a relapsing course ("My legs go numb. It comes in bouts, and in between I'm
completely back to normal"): a recovery told between bouts (``between_episodes`` in data/words.yaml) does not end
the findings it speaks of, as a recovery told otherwise does; they are the bouts' findings. A bout said to have
cleared, beside the same finding now, is an earlier bout, not a denial."""

from ..knowledge.records import KnowledgeBase
from ..records import replace
from .concepts import has_cue
from .parse_records import Leftover, Mention
from .tokens import Token, sentences


def bouts(
    tokens: list[Token], mentions: list[Mention], leftovers: list[Leftover], kb: KnowledgeBase
) -> tuple[list[Mention], list[Leftover]]:
    """``mentions`` and ``leftovers`` with the bouts of a relapsing course read as bouts (the remission told
    between them, and a bout that cleared beside the same finding now); a course not told as relapsing is as it was."""
    if not any(m.symptom.id == "course_relapsing" and m.present for m in mentions):
        return mentions, leftovers
    mentions, ended = _ended_bouts(_between_bouts(tokens, mentions, kb))
    return mentions, sorted([*leftovers, *ended], key=lambda x: (x.start, x.end)) if ended else leftovers


def _between_bouts(tokens: list[Token], mentions: list[Mention], kb: KnowledgeBase) -> list[Mention]:
    """``mentions`` with the findings a later sentence said had recovered present again, when that sentence tells
    the remission between the bouts of a relapsing course: the bouts' findings, not findings gone, as a
    relapsing-remitting course is told. A recovery told otherwise ("... and now I'm back to normal") still ends
    them."""
    remissions = []
    for sentence in sentences(tokens):
        words = [t for t in sentence if t.norm]
        if words and has_cue([t.norm for t in words], kb.words.between_episodes) is not None:
            remissions.append((words[0].start, " ".join(t.text.lower() for t in words)))
    denials = kb.words.negation_before
    return [replace(m, present=True, cue=None) if _in_remission(m, remissions, denials) else m for m in mentions]


def _in_remission(m: Mention, remissions: list[tuple[int, str]], denials: frozenset[str]) -> bool:
    """Is ``m`` a finding made absent by a recovery that a later sentence telling a remission says? A denial ("I have
    no chest pain", "Not weak") is no recovery: it stays absent, whatever the remission sentence holds."""
    if m.present or not m.cue or m.past or m.symptom.kind != "symptom" or m.cue.lower() in denials:
        return False
    return any(m.end < start and f" {m.cue.lower()} " in f" {said} " for start, said in remissions)


def _ended_bouts(mentions: list[Mention]) -> tuple[list[Mention], list[Leftover]]:
    """In a relapsing course, a finding said to have cleared ("my legs went numb for a few weeks, cleared up") while
    the same finding is present now ("and now my left arm is numb") is an earlier bout, not a denial of it: left
    over with the words that ended it, as a past event named beside a present one is (parser._past_kept)."""
    now = {m.symptom.id for m in mentions if m.present}
    ended = [m for m in mentions if not m.present and m.cue and not m.past and m.symptom.id in now]
    if not ended:
        return mentions, []
    kept = [m for m in mentions if not any(m is e for e in ended)]
    return kept, [Leftover(m.text, m.start, m.end, (m.symptom,), past=m.cue) for m in ended]
