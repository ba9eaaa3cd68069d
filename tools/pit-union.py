#!/usr/bin/env python3
# Used for the scores in docs/testing.md: python3 tools/pit-union.py <run1>/mutations.xml <run2>/mutations.xml ...
"""Union of several PIT mutations.xml reports (one per group of classes): each mutant is keyed by
class, method, descriptor, line, mutator and index; a mutant found in several reports counts once and
is killed if any report detected it. Prints killed/total per package and overall. Union only runs made
on the same production code (the groups of docs/testing.md are disjoint sets of classes); line numbers
of a changed class differ between trees."""
import sys, xml.etree.ElementTree as ET, collections
best = {}
for path in sys.argv[1:]:
    for m in ET.parse(path).getroot():
        key = tuple((m.findtext(t) or '') for t in ('mutatedClass', 'mutatedMethod', 'methodDescription', 'lineNumber', 'mutator', 'indexes')) + (','.join(i.text for i in m.iter('index')),)
        det = m.get('detected') == 'true'
        best[key] = best.get(key, False) or det
pk_t, pk_k = collections.Counter(), collections.Counter()
for key, det in best.items():
    cls = key[0].split('$')[0]
    pkg = cls.rsplit('.', 1)[0]
    pk_t[pkg] += 1; pk_k[pkg] += det
for p in sorted(pk_t):
    print(f"{p:40s} {pk_k[p]:5d}/{pk_t[p]:5d} {100*pk_k[p]/pk_t[p]:5.1f} %")
T, K = sum(pk_t.values()), sum(pk_k.values())
print(f"{'all':40s} {K:5d}/{T:5d} {100*K/T:5.1f} %")
