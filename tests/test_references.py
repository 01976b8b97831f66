"""Every `reference:` address the knowledge cites must be in data/references.yaml, the list of references
someone actually read and checked, so an address written from memory cannot be added silently."""

import datetime
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
DATA, RULES = ROOT / "data", ROOT / "rules"
ALLOW_LIST = DATA / "references.yaml"
FIELDS = {"url", "title", "supports", "evidence", "verified", "date"}


def allow_list() -> list[dict]:
    return yaml.safe_load(ALLOW_LIST.read_text(encoding="utf-8"))


def cited_references(folders) -> list[tuple[str, str]]:
    """(file name, address) for every `reference:` key, at any depth, in the folders' knowledge files."""
    found = []

    def walk(node, name):
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "reference" and isinstance(value, str):
                    found.append((name, value))
                walk(value, name)
        elif isinstance(node, list):
            for item in node:
                walk(item, name)

    for folder in folders:
        for path in sorted(Path(folder).glob("*.yaml")):
            if path.name != ALLOW_LIST.name:
                walk(yaml.safe_load(path.read_text(encoding="utf-8")), path.name)
    return found


def unverified(folders) -> list[tuple[str, str]]:
    verified = {entry["url"] for entry in allow_list()}
    return [(name, url) for name, url in cited_references(folders) if url not in verified]


def test_every_cited_reference_is_verified():
    cited = cited_references((DATA, RULES))
    assert cited, "no reference found: the walk is not reading the knowledge files"
    assert unverified((DATA, RULES)) == []


def test_the_check_catches_an_address_not_in_the_list(kb_copy):
    flags = kb_copy / "data" / "red_flags.yaml"
    text = flags.read_text(encoding="utf-8")
    flags.write_text(text + "\n# added\n- {reference: https://www.nhs.uk/conditions/made-up/}\n", encoding="utf-8")
    assert unverified((kb_copy / "data", kb_copy / "rules")) == [
        ("red_flags.yaml", "https://www.nhs.uk/conditions/made-up/")
    ]


def test_the_loaded_knowledge_cites_only_listed_references(kb):
    """The same rule seen through the records the explorer uses (not only the YAML walk)."""
    verified = {entry["url"] for entry in allow_list()}
    sources = [s for rule in kb.rules for s in rule.sources]
    sources += [s for flag in kb.red_flags.values() for s in flag.sources]
    for condition in kb.conditions.values():
        sources += [*condition.sources, *(link.source for link in condition.links)]
    refs = {s.ref for s in sources if s.kind == "reference"}
    assert refs and refs <= verified, sorted(refs - verified)


@pytest.mark.parametrize("entry", allow_list(), ids=lambda e: e.get("url", "?"))
def test_each_listed_reference_says_what_it_supports_and_how_it_was_checked(entry):
    assert set(entry) == FIELDS
    assert entry["url"].startswith("https://")
    assert entry["title"].strip() and entry["evidence"].strip() and entry["verified"].strip()
    assert isinstance(entry["supports"], list) and entry["supports"]
    assert isinstance(entry["date"], datetime.date)


def test_the_list_has_no_duplicates_and_no_stale_entries():
    urls = [entry["url"] for entry in allow_list()]
    assert len(urls) == len(set(urls))
    cited = {url for _, url in cited_references((DATA, RULES))}
    assert set(urls) - cited == set(), "listed but never cited: remove it or cite it"
