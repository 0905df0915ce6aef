#!/usr/bin/env python3
"""include_circles.py DIR... -> prints each circle of modules tied by #include; exit 1 if any.

A module is x.c with x.h, in any of the DIRs; x depends on y when x.c or x.h
has #include "y.h" (a header of another module). A circle is a set of modules
that reach each other through such includes (a strongly connected component
of two or more), printed as "circle: a b c"; a module may include its own
header. ctest runs it over analyzer/ and reports/ (the include_circles test).
"""
import os, re, sys
mods, edges = set(), {}
for d in sys.argv[1:]:
    for f in os.listdir(d):
        if f.endswith((".c", ".h")):
            m = f[:-2]; mods.add(m)
            for inc in re.findall(r'^\s*#\s*include\s+"([^"]+)\.h"', open(os.path.join(d, f), errors="replace").read(), re.M):
                inc = os.path.basename(inc)
                if inc != m: edges.setdefault(m, set()).add(inc)
edges = {a: {b for b in bs if b in mods} for a, bs in edges.items()}
index, low, stack, on, out, n = {}, {}, [], set(), [], [0]
sys.setrecursionlimit(10000)
def scc(v):
    index[v] = low[v] = n[0]; n[0] += 1; stack.append(v); on.add(v)
    for w in edges.get(v, ()):
        if w not in index: scc(w); low[v] = min(low[v], low[w])
        elif w in on: low[v] = min(low[v], index[w])
    if low[v] == index[v]:
        comp = []
        while True:
            w = stack.pop(); on.discard(w); comp.append(w)
            if w == v: break
        if len(comp) > 1: out.append(sorted(comp))
for v in sorted(mods):
    if v not in index: scc(v)
for c in out: print("circle: " + " ".join(c))
sys.exit(1 if out else 0)
