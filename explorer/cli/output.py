"""Where a command's output goes: the screen, or a file named with -o/--output."""

import click


def write_output(text: str, path: str | None):
    """Echo ``text``, or write it to ``path`` (saying so on stderr); a file that cannot be written is a
    usage error with the reason, never a traceback."""
    if not path:
        click.echo(text, nl=False)
        return
    try:
        with open(path, "w", encoding="utf-8") as out:
            out.write(text)
    except OSError as exc:
        raise click.UsageError(f"cannot write {path}: {exc.strerror}") from None
    click.echo(f"symptom-explorer: wrote {path}", err=True)
