import json, sys, collections
sys.path.insert(0, __file__.rsplit('/',1)[0])
from tc import V
out = []
for v in V:
    n = int(v['pair'][1:])
    out.append(f"- id: h{n:02d}{v['tag']}")
    out.append(f"  text: {json.dumps(v['text'], ensure_ascii=False)}")
    out.append(f"  expected_first: {v['expected_first']}")
    out.append(f"  urgent: {v['urgent']}")
    out.append(f"  pair: {v['pair']}")
    out.append(f"  note: {json.dumps(v['note'], ensure_ascii=False)}")
open('time_course_h.yaml','w').write("\n".join(out)+"\n")
print(len(V), collections.Counter(v['expected_first'] for v in V), collections.Counter(v['urgent'] for v in V))
