"""The questionnaire session's state and its commands (why, how, back, help, add), for `ask`. The
terminal loop that reads answers lives in ask.py; the logic in reasoning/questionnaire.py."""

import click

from ..cases.casefile import check_writable, load_one_case, save_answers
from ..formats.common import cite, leftover_hint, may_have_described
from ..formats.escape import terminal_safe
from ..formats.terminal import Display
from ..formats.text_format import render_text
from ..knowledge.disclaimer import DISCLAIMER
from ..knowledge.urgency import URGENCY_LABELS
from ..language.parser import parse
from ..limits import findings_problem
from ..reasoning.questionnaire import Questionnaire, asked_as_urgent
from .ask_numbers import QuestionNumbers

NOTICE = (
    "This questionnaire is for learning, not a diagnosis: it suggests conditions to read about and "
    "shows why. If something feels urgent, stop here and get medical help."
)
HELP = """Answer with: yes (y), no (n), not sure (?).
Other commands, at any prompt:
  why        the conditions this question tells apart, and the rules behind it
  how        how the suggestions were reached: rules fired, findings, sources
  back       take back the last answer to a question (what you typed stays)
  skip       skip this question (it will not be asked again)
  add TEXT   add findings in your own words, e.g. "add fever, joint pain"
  quit       stop and show what was found so far (Ctrl-D does the same)
  help       this text"""
YES = {"y", "yes", "yeah", "yep", "ja", "true"}
NO = {"n", "no", "nope", "false"}
UNSURE = {"?", "not sure", "notsure", "unsure", "dont know", "don't know", "idk", "maybe", "ns"}
QUIT = {"q", "quit", "exit", "stop", "done", "end"}


class Ended(Exception):
    """The person ended the session: quit, end of input, or Ctrl-C."""


class SessionCommands:
    def __init__(self, kb, save_path=None, echo_input=False, display: Display | None = None):
        self.kb = kb
        self.display = display or Display()  # the terminal's width and colour, as for match
        self.questionnaire = Questionnaire(kb)
        self.save_path = save_path
        self.echo_input = echo_input
        self.flags_shown: set = set()
        self.saved = False  # whether save_path holds this session's answers
        self.numbers = QuestionNumbers()

    # -- input and output -------------------------------------------------------------------------------
    def read(self, prompt: str) -> str:
        try:
            line = input(prompt)
        except EOFError:
            click.echo()
            raise Ended from None
        except KeyboardInterrupt:
            click.echo()
            raise Ended from None
        if self.echo_input:
            click.echo(terminal_safe(line))  # piped answers: keep the transcript readable
        return line.strip()

    def say(self, text: str, indent: str = "", subsequent: str | None = None, keep: tuple[str, ...] = ()):
        """``text`` wrapped to the terminal's width, at spaces only, never inside one of ``keep`` (a path)."""
        click.echo("\n".join(self.display.wrap(text, indent, subsequent, keep)))

    def check_save(self):
        if self.save_path:
            check_writable(self.save_path)

    def save(self):
        """Save the answers; until one can be read back (a finding answered yes or no) there is no file."""
        if self.save_path:
            self.saved = save_answers(
                self.save_path,
                self.questionnaire.as_case(),
                self.kb,
                header="# symptom-explorer questionnaire answers. Replay with: symptom-explorer ask --answers "
                "FILE\n# Also valid input for: symptom-explorer match --from FILE, and batch.\n",
            )

    def changed(self):
        """After every change: save, then show any red flag that has just become known."""
        self.save()
        for flag in self.questionnaire.result().red_flags:
            if flag.id not in self.flags_shown:
                self.flags_shown.add(flag.id)
                d = self.display
                head = d.wrap(f"!! URGENT - {URGENCY_LABELS[flag.level].upper()}: {flag.action}", "", "   ")
                title = flag.title[:1].upper() + flag.title[1:]
                because = ", ".join(s.label for s in flag.because)
                click.echo("\n" + "\n".join(d.paint(line, "bold", "red") for line in head))
                click.echo("\n".join(d.wrap(f"{title}: {flag.message} (because: {because})", "   ")) + "\n")

    # -- phases -----------------------------------------------------------------------------------------
    def load(self, path):
        case = load_one_case(path, self.kb)
        unknown = []
        for texts, given in ((case.present, "yes"), (case.absent, "no"), (case.unsure, "unsure")):
            for text in texts:
                reading = parse(text, self.kb)
                unknown.extend(x.text for x in reading.leftovers)
                for mention in reading.mentions:
                    answer = given if given != "yes" or mention.present else "no"
                    self.questionnaire.record(mention.symptom.id, answer, entered=answer == "yes")
        self.numbers.load(len(self.questionnaire.answers))
        click.echo(f"Loaded {len(self.questionnaire.answers)} answer(s) from {path}.")
        if unknown:
            left_out = ", ".join(repr(terminal_safe(u)) for u in unknown)
            where = terminal_safe(str(path))
            self.say(f"Not recognized in {where}, left out: {left_out}", "", "  ", keep=(where,))
        self.changed()

    def add(self, text: str, question=None) -> int:
        """Findings in the person's own words, read by the parser: present ones are recorded as yes, negated
        ones as no. With ``question``, a mention of its finding answers it."""
        added = 0
        problem = findings_problem([text])
        if problem:
            self.say(f"Not used: {problem}.", "  ", "    ")
            return 0
        reading = parse(text, self.kb)
        for left in reading.leftovers:  # an urgent finding the words may have meant: said first
            for symptom in left.maybe:
                lines = self.display.wrap("!! " + may_have_described(left.text, symptom), "", "   ")
                click.echo("\n".join(self.display.paint(line, "bold", "red") for line in lines))
        for mention in reading.mentions:
            label = mention.symptom.label + (f" - {', '.join(s.label for s in mention.sites)}" if mention.sites else "")
            notes = f" ({'; '.join(mention.notes())})" if mention.notes() else ""
            answer = "yes" if mention.present else "no"
            entered = question is None or mention.symptom.id != question.finding.id
            if self.questionnaire.record(mention.symptom.id, answer, entered=entered):
                self.say(f"{'+' if mention.present else '-'} {label}{notes}", "  ", "    ")
                added += 1
            else:
                click.echo(f"  (already answered: {mention.symptom.label})")
        if not reading.mentions and not reading.leftovers:  # only filler words: say so rather than nothing
            click.echo("  Nothing in that reads as a finding (for example: numbness, dry eyes).")
        for left in reading.leftovers:
            said = "Not used" if left.past or left.someone_else else "Not recognized"
            self.say(f'{said}: "{terminal_safe(left.text)}" - {leftover_hint(left)}', "  ", "    ")
        if added:
            self.changed()
        return added

    def number_key(self, finding: str) -> str:
        """What a question is numbered by: its finding, or for a choice question its dimension, since the
        answer taken back is the value picked, not the first value the question is named by."""
        symptom = self.kb.symptoms[finding]
        asked = {dimension for dimension, _ in self.kb.time_course.ask}
        return f"choice:{symptom.system}" if symptom.kind == "course" and symptom.system in asked else finding

    def why(self, question) -> None:
        """Why ``question`` is asked: first, for a warning sign on its own, that it comes before the others;
        then the suggested conditions it belongs to, with their rules and links."""
        if question is None:
            click.echo("  why explains a question; there is no question yet.")
            return
        level = asked_as_urgent(self.kb, question)
        if level:  # the reason it comes first; the conditions it belongs to follow
            self.say(
                f"Asked before any other question: {question.finding.label.lower()} is a warning sign on its own "
                f"(a yes shows {URGENCY_LABELS[level].upper()} at once, with what to do).",
                "  ",
                "  ",
            )
        if not question.reasons:
            click.echo(f"  {question.finding.label} is one of the core nerve symptoms the article names; the")
            click.echo("  answer gives the questions a place to start.")
            return
        click.echo(f"  {question.finding.label} is part of the picture of:")
        for reason in question.reasons:
            basis = []
            if reason.rules:
                basis.append("rules " + ", ".join(reason.rules))
            if reason.links:
                basis.append("linked by " + "; ".join(dict.fromkeys(cite(s) for s in reason.links)))
            self.say(f"- {reason.condition_name}: {'; '.join(basis)}", "  ", "    ")
        if question.others:
            self.say(f"but not of: {', '.join(question.others)}. Your answer helps to tell them apart.", "  ")
        else:
            click.echo("  Your answer changes how strongly the findings match these conditions.")

    def command(self, word: str, question) -> bool:
        if word == "why":
            self.why(question)
            return False
        if word == "how":
            result = self.questionnaire.result()
            if not result.usable:
                click.echo("  Nothing has been entered yet.")
            else:
                click.echo(render_text(result, explain=True, display=self.display))
            return False
        if word == "back":
            undone = self.questionnaire.back()
            if undone is None:
                typed = self.questionnaire.answers and self.questionnaire.answers[-1].entered
                click.echo(
                    "  There is no question to go back to (the findings you typed stay)."
                    if typed
                    else "  There is nothing to take back."
                )
                return False
            self.numbers.back(self.number_key(undone.finding), len(self.questionnaire.answers))
            label = self.kb.symptoms[undone.finding].label
            click.echo(f"  Took back: {label} = {undone.answer}")
            self.flags_shown &= {f.id for f in self.questionnaire.result().red_flags}
            self.save()
            return True
        if word in ("help", "h"):
            click.echo(HELP)
            return False
        if question is not None and question.choices:
            click.echo(f"  Answer with a number from 1 to {len(question.choices)}, or not sure (or type help).")
        else:
            click.echo("  Please answer yes, no or not sure (or type help).")
        return False

    def finish(self):
        result = self.questionnaire.result()
        click.echo("\n" + "=" * 60)
        if not result.usable:
            click.echo("Nothing was entered, so there is nothing to show.\n")
            click.echo("\n".join(self.display.wrap(DISCLAIMER)))
            return
        click.echo("What was found so far:\n")
        click.echo(render_text(result, display=self.display), nl=False)
        if self.saved:
            click.echo(f"\nAnswers saved in {self.save_path}.")
