#!/usr/bin/env python3
"""How much of the seed catalogue kanwu finds, and which seed findings the
catalogue does not explain.

  seed_recall.py KANWU [--catalogue fixtures/seed-catalogue.tsv]
                 [--seeds fixtures/seeds] [--min-high R] [--min-all R]
                 [--show-found] [--show-unexplained]

A defect (one row of the catalogue) counts as found when kanwu, run with its
default rules on the five seed pages together, reports a finding of a rule of
the defect's class on one of the defect's places. The class→rules map below is
deliberately by class, not by defect: a rule earns a defect only by reporting
the kind of problem the copy editor found there.

Findings that fall on no catalogued place are printed with --show-unexplained:
each is either a defect the copy edit missed or a wrong finding, and must be
read. Exits 1 when recall of high-confidence defects or of all defects is
below --min-high / --min-all.
"""
import argparse
import collections
import json
import os
import re
import subprocess
import sys

# The rules that can find each class of the catalogue.
CLASS_RULES = {
    # A pull quote repeating the body is reported by layout-debris as 重复正文的…
    # (the evidence column of A3 asks for those words).
    'A': {'duplicate-paragraph', 'duplicate-across-files', 'duplicate-sentence', 'layout-debris'},
    'B': {'figure-conflict', 'name-variant'},
    'C': {'figure-arithmetic', 'rate-range'},
    'D': {'broken-paragraph', 'wrapped-heading', 'layout-debris', 'split-heading', 'misplaced-lead'},
    'E': {'repeated-word', 'repeated-char', 'set-phrase', 'de-before-verb', 'repeated-in-brackets', 'measure-word-for-group', 'plan-title'},
    'F': {'punctuation-width', 'paired-marks', 'quoted-list-comma', 'stop-before-continuation', 'space-after-fullwidth', 'mixed-forms'},
    'G': {'number-style', 'rate-range', 'number-mixed-style', 'long-number', 'mixed-forms', 'indicator-unit'},
    'H': {'layout-debris'},
    'I': {'date-weekday', 'year-vs-period'},
    'J': set(),
}


def parse_places(text):
    places = []
    for token in text.split():
        name, _, lines = token.partition(':')
        if lines == '*':
            places.append((name, 1, 10**9))
        else:
            first, _, last = lines.partition('-')
            places.append((name, int(first), int(last or first)))
    return places


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.dirname(here)
    ap = argparse.ArgumentParser()
    ap.add_argument('kanwu')
    ap.add_argument('--catalogue', default=os.path.join(root, 'fixtures/seed-catalogue.tsv'))
    ap.add_argument('--seeds', default=os.path.join(root, 'fixtures/seeds'))
    ap.add_argument('--min-high', type=float, default=0.0)
    ap.add_argument('--min-all', type=float, default=0.0)
    ap.add_argument('--max-unexplained', type=int, default=-1,
                    help='fail when more seed findings than this fall on no catalogued place')
    ap.add_argument('--show-found', action='store_true')
    ap.add_argument('--show-unexplained', action='store_true')
    args = ap.parse_args()

    run = subprocess.run([args.kanwu, 'check', '--format', 'json', args.seeds],
                         capture_output=True, text=True)
    if run.returncode not in (0, 1):
        sys.exit(f'kanwu failed ({run.returncode}): {run.stderr}')
    findings = json.loads(run.stdout)['findings']
    for f in findings:
        f['seed'] = os.path.basename(f['file'])[:3]

    defects = []
    for line in open(args.catalogue, encoding='utf-8'):
        if line.startswith('#') or line.startswith('id\t') or not line.strip():
            continue
        did, confidence, places, evidence = (line.rstrip('\n').split('\t') + [''])[:4]
        defects.append((did, confidence, parse_places(places), re.compile(evidence or '.')))

    explained = set()
    found_by_conf = collections.Counter()
    total_by_conf = collections.Counter()
    found_by_class = collections.Counter()
    total_by_class = collections.Counter()
    used = set()
    for did, confidence, places, evidence in defects:
        rules = CLASS_RULES[did[0]]
        hits = [i for i, f in enumerate(findings)
                if i not in used and f['rule'] in rules and evidence.search(f['message']) and any(
                    f['seed'] == name and first <= f['line'] <= last for name, first, last in places)]
        total_by_conf[confidence] += 1
        total_by_class[did[0]] += 1
        if hits:
            found_by_conf[confidence] += 1
            found_by_class[did[0]] += 1
            used.add(hits[0])
            explained.update(hits)
            if args.show_found:
                f = findings[hits[0]]
                print(f'found {did} ({confidence}) {f["seed"]}:{f["line"]} [{f["rule"]}] {f["message"][:70]}')
    # A finding on any catalogued place of its class is explained even when
    # the defect was already counted through another finding.

    def pct(a, b):
        return 100.0 * a / b if b else 0.0
    print(f'{"class":<6} {"defects":>7} {"found":>6}')
    for c in sorted(total_by_class):
        print(f'{c:<6} {total_by_class[c]:>7} {found_by_class[c]:>6}')
    for conf in 'HML':
        print(f'confidence {conf}: {found_by_conf[conf]}/{total_by_conf[conf]} '
              f'({pct(found_by_conf[conf], total_by_conf[conf]):.0f}%)')
    high = pct(found_by_conf['H'], total_by_conf['H'])
    everything = pct(sum(found_by_conf.values()), sum(total_by_conf.values()))
    print(f'high-confidence recall {high:.1f}%, all defects {everything:.1f}% '
          f'({sum(found_by_conf.values())}/{sum(total_by_conf.values())}), '
          f'{len(findings)} findings, {len(findings) - len(explained)} on no catalogued place')
    if args.show_unexplained:
        for i, f in enumerate(findings):
            if i not in explained:
                print(f'unexplained {f["seed"]}:{f["line"]}:{f["column"]} [{f["rule"]}] {f["message"][:90]}')
    unexplained = len(findings) - len(explained)
    if args.max_unexplained >= 0 and unexplained > args.max_unexplained:
        print(f'{unexplained} findings on no catalogued place (at most {args.max_unexplained}): run with --show-unexplained')
        sys.exit(1)
    if high < 100 * args.min_high or everything < 100 * args.min_all:
        print(f'below the bar: high-confidence {high:.1f}% (min {100 * args.min_high:.0f}%), '
              f'all {everything:.1f}% (min {100 * args.min_all:.0f}%)')
        sys.exit(1)


if __name__ == '__main__':
    main()
