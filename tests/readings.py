"""What a text is read as, for the reader's tests: the warnings raised and the findings read present or absent,
through the library (``explore``) or the command line (``match --format json``)."""

import json

from click.testing import CliRunner

from explorer import explore
from explorer.cli import cli


def warnings(text, kb=None) -> dict:
    """red flag id -> level, as the explorer raised them for ``text``."""
    return {f.id: f.level for f in explore([text], kb=kb).red_flags}


def present(text, kb=None) -> set:
    return {r.symptom.id for r in explore([text], kb=kb).recognized}


def absent(text, kb=None) -> set:
    return {r.symptom.id for r in explore([text], kb=kb).absent}


def cli_warnings(text: str) -> dict:
    """red flag id -> level, as `symptom-explorer match --format json` raised them for ``text``."""
    done = CliRunner().invoke(cli, ["match", "--format", "json", text])
    return {flag["id"]: flag["level"] for flag in json.loads(done.stdout)["red_flags"]}
