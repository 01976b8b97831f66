"""The piped outputs the screen tests compare against, byte for byte. Captured from the code before the
terminal screens (issue 24) were added, so scripts and the README's examples stay as they were; rerun only
for a change meant to alter piped output: python -m tests.golden.capture. The installed-*.txt files hold
what the installed command printed into a pipe for the same keys (CliRunner echoes the keys, a pipe does
not), from the code at 0b03400 run with `python -c "from explorer.entry import main; main()"`. Captured again when the
annotation rules (issue 19) added their folded line to the agenda and a step to the run: a change of content,
not of how a pipe is written."""

from pathlib import Path

from click.testing import CliRunner

from explorer.cli import cli

HERE = Path(__file__).parent
QUIZ_CASES = ["--case", "lookalike-gbs", "--case", "lookalike-ms", "--case", "lookalike-sjogren"]
CASES = {
    "step_piped.txt": (["match", "--step", "numbness", "dry eyes", "trouble breathing"], "\nb\nx\n\n\n\n\n\n\n\n"),
    "quiz_piped.txt": (["quiz", *QUIZ_CASES], "nonsense\nGBS\ns\n4\n"),
}


def piped(name: str) -> str:
    """What the command of ``name`` prints into a pipe at 80 columns."""
    args, keys = CASES[name]
    done = CliRunner().invoke(cli, args, input=keys, env={"NO_COLOR": None, "COLUMNS": "80"})
    assert done.exit_code == 0, done.output
    return done.stdout


if __name__ == "__main__":
    for name in CASES:
        (HERE / name).write_text(piped(name), encoding="utf-8")
