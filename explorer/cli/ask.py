"""`symptom-explorer ask`: the interactive questionnaire's input and output. Its logic lives in
reasoning/questionnaire.py; this module only reads lines, prints, and saves."""

import shlex
import sys
from pathlib import Path

import click

from ..cases.batch import BatchFileError
from ..cases.casefile import save_lock
from ..formats.escape import terminal_safe
from ..language.parser import parse
from .app import cli, knowledge_option
from .ask_commands import HELP, NO, NOTICE, QUIT, UNSURE, YES, Ended, SessionCommands
from .display import color_option
from .terminate import stop_cleanly_on_signals


class AskSession(SessionCommands):
    """The terminal loop: findings first, then one question at a time."""

    def collect_findings(self):
        self.say(
            "What do you notice? Type findings in your own words, separated by commas "
            "(for example: numbness, dry eyes)."
        )
        self.say("Press Enter on an empty line when done; type help for commands.")
        while True:
            line = self.read("findings> ")
            word = line.lower()
            if not line:
                if self.questionnaire.present():
                    return
                click.echo("  Enter at least one finding, or quit.")
            elif word in QUIT:
                raise Ended
            elif word in ("help", "h"):
                click.echo(HELP)
            elif word in YES | NO | UNSURE:
                click.echo(
                    "  No question has been asked yet: type what you notice, or press Enter to start the questions."
                )
            elif word in ("how", "why", "back", "skip"):
                self.command(word, None)
            else:
                self.add(line[4:] if word.startswith("add ") else line)

    def ask_questions(self):
        while True:
            question = self.questionnaire.next_question(choices=True)
            if question is None:
                if self.questionnaire.result().suggestions:
                    click.echo("\nNo further question would change the picture.")
                else:
                    click.echo()
                    self.say(
                        "No related condition matches yet, so there is nothing to ask about. "
                        "Add findings with: add TEXT"
                    )
                    if self.read_command_only():
                        continue
                return
            number = self.numbers.show(self.number_key(question.finding.id))
            click.echo()
            self.say(f"Question {number}: {question.text}", "", "  ")
            for index, shown in enumerate(question.shown, start=1):
                self.say(f"{index}. {shown}", "    ", "       ")
            while not (self.choose(question) if question.choices else self.answer(question)):
                pass

    def read_command_only(self) -> bool:
        """When there is nothing to ask: let the person add findings or go back; True to look again."""
        while True:
            line = self.read("> ")
            word = line.lower()
            if not line or word in QUIT:
                return False
            if word.startswith("add "):
                if self.add(line[4:]):
                    return True
            elif word == "back":
                self.command("back", None)
                return True
            else:
                self.command(word, None)

    def choose(self, question) -> bool:
        """Read the pick for a choice question (onset, spread, symmetry); True once it is settled."""
        line = self.read(f"[1-{len(question.choices)}, not sure, why, how, back, skip, quit, help] > ")
        word = " ".join(line.lower().replace("'", "").split())
        if word.isdigit() and 1 <= int(word) <= len(question.choices):
            self.questionnaire.record(question.choices[int(word) - 1].id, "yes")
        elif word in UNSURE or word in ("skip", "s"):
            self.questionnaire.record(question.finding.id, "unsure")  # one value marked: not asked again
        elif word in QUIT:
            raise Ended
        elif word in ("why", "w"):
            self.say(question.why(), "  ", "  ")
            return False
        else:
            if word in YES or word in NO:
                click.echo(f"  Answer with a number from 1 to {len(question.choices)}, or not sure.")
                return False
            if word.startswith("add ") or (word not in ("how", "back", "help", "h") and parse(line, self.kb).mentions):
                # findings in words ("it started in my toes"): read, and the next question chosen again
                return self.add(line[4:] if word.startswith("add ") else line) > 0
            return self.command(word, question)
        self.changed()
        return True

    def answer(self, question) -> bool:
        """Read one reply to ``question``; True once the question is settled (answered, skipped, undone)."""
        line = self.read("[yes/no/not sure, why, how, back, skip, quit, help] > ")
        word = " ".join(line.lower().replace("'", "").split())
        finding = question.finding.id
        if word in YES or word in NO or word in UNSURE:
            answer = "yes" if word in YES else "no" if word in NO else "unsure"
            self.questionnaire.record(finding, answer)
            self.changed()
            return True
        if word in ("skip", "s"):
            self.questionnaire.record(finding, "unsure")
            self.changed()
            return True
        if word.startswith("add "):
            return self.add(line[4:]) > 0
        if word in QUIT:
            raise Ended
        if word not in ("why", "how", "back", "help", "h") and parse(line, self.kb).mentions:
            # An answer in words ("my mouth is dry", "no, but my eyes are"): the parser reads it.
            self.add(line, question)
            return question.finding.id in {a.finding for a in self.questionnaire.answers}
        return self.command(word, question)


def run(kb, save_path, answers_path, display=None):
    session = AskSession(kb, save_path=save_path, echo_input=not sys.stdin.isatty(), display=display)
    session.say(NOTICE)
    click.echo()
    session.check_save()  # fail now, not after the first answer, if the file cannot be written
    if answers_path:
        session.load(answers_path)
    try:
        if not session.questionnaire.present():
            session.collect_findings()
        session.ask_questions()
    except (Ended, KeyboardInterrupt):  # Ctrl-C while the engine is thinking ends the session too
        pass
    session.finish()


@cli.command()
@click.option(
    "--save",
    metavar="FILE",
    type=click.Path(dir_okay=False),
    help="Save the answers to FILE (YAML) after every answer, so nothing is lost if the session is cut off.",
)
@click.option(
    "--answers",
    metavar="FILE",
    type=click.Path(exists=True, dir_okay=False),
    help="Replay answers saved with --save (or any one-case file) and continue from there.",
)
@color_option
@knowledge_option
def ask(save, answers, display, kb):
    """Answer questions one at a time; the rules choose what to ask next.

    Start with the findings you already have, in your own words. The explorer
    then asks yes / no / not sure questions about the finding that best helps
    to tell apart the conditions it currently suggests, and stops when no
    answer would change the picture. At any prompt: why, how, back, skip,
    quit, help. Ctrl-D or Ctrl-C end the session with the results so far.
    Answers can also be piped on stdin, one per line.
    """
    stop_cleanly_on_signals()  # a killed terminal (SIGHUP) or SIGTERM releases the lock on the way out
    try:
        with save_lock(save) as taken_over:
            if taken_over:
                _say_taken_over(taken_over)
            _ask(save, answers, kb, display)
    except BatchFileError as exc:
        raise click.UsageError(str(exc)) from None
    except OSError as exc:
        if exc.filename is None:  # writing to the terminal or a pipe, not the save file
            raise
        raise click.UsageError(f"cannot save to {save}: {exc.strerror}") from None


def _say_taken_over(taken_over):
    ended = f" (pid {taken_over.pid})" if taken_over.pid else ""
    where = terminal_safe(taken_over.lock_path)
    click.echo(f"symptom-explorer: note: took over {where}, left by a session that ended{ended}", err=True)


def _ask(save, answers, kb, display):
    if save and Path(save).exists() and not (answers and Path(answers).resolve() == Path(save).resolve()):
        quoted = terminal_safe(shlex.quote(save))  # the command is on a line of its own, to be copied whole
        raise click.UsageError(
            f"{terminal_safe(save)} already exists. To carry on with it:\n"
            f"  symptom-explorer ask --answers {quoted} --save {quoted}\nor save to a new file."
        )
    run(kb, save, answers, display)
