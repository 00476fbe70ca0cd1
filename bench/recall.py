#!/usr/bin/env python3
"""Recall per rule: injected defects (manifest.jsonl) found by kanwu (JSON).

  recall.py MANIFEST FINDINGS.json [--min RECALL]

A defect counts as found when kanwu reports the same rule in the same file on
the same line. Exits 1 if any rule's recall is below --min.
"""
import argparse
import collections
import json
import os

ap = argparse.ArgumentParser()
ap.add_argument('manifest')
ap.add_argument('findings')
ap.add_argument('--min', type=float, default=0.0)
args = ap.parse_args()

def norm(p):
    return os.path.normpath(os.path.abspath(p))
found = set()
report = json.load(open(args.findings, encoding='utf-8'))
# Rules split from one kind of defect count for it: a doubled character
# after a word (新建建) is repeated-char, a doubled word repeated-word.
FAMILY = {'repeated-char': 'repeated-word', 'duplicate-across-files': 'duplicate-paragraph'}
for f in report['findings']:
    found.add((norm(f['file']), f['line'], FAMILY.get(f['rule'], f['rule'])))
injected = collections.Counter()
hit = collections.Counter()
for line in open(args.manifest, encoding='utf-8'):
    d = json.loads(line)
    injected[d['rule']] += 1
    if (norm(d['file']), d['line'], d['rule']) in found:
        hit[d['rule']] += 1
worst = 1.0
print(f'{"rule":<22} {"injected":>8} {"found":>6} {"recall":>7}')
for rule in sorted(injected):
    r = hit[rule] / injected[rule]
    worst = min(worst, r)
    print(f'{rule:<22} {injected[rule]:>8} {hit[rule]:>6} {100 * r:>6.1f}%')
raise SystemExit(1 if worst < args.min else 0)
