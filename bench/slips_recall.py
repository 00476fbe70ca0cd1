#!/usr/bin/env python3
"""Recall of the slips rules on sentences of the project's own.

    slips_recall.py KANWU [--sentences bench/slips-recall.yaml] [--show-missed]

For each class of bench/slips-recall.yaml, kanwu checks every sentence with
the class's rules enabled (and only those: --disable for the rest is not
needed, findings of other rules are ignored); a sentence counts as found when
one of the class's rules reports a finding whose text contains the slip.
Prints one row per class (Markdown).
"""
import argparse
import json
import os
import subprocess
import sys

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))


def found(kanwu, rules, text, slip):
    enable = [a for r in rules for a in ("--enable", r)]
    p = subprocess.run([kanwu, "check", "--format", "json", *enable, "-"], input=text, capture_output=True,
                       text=True)
    if p.returncode not in (0, 1):
        sys.exit(f"slips_recall: kanwu exited {p.returncode}: {p.stderr.strip()[:300]}")
    col = text.index(slip) + 1
    for f in json.loads(p.stdout)["findings"]:
        if f["rule"] in rules and f["column"] <= col + len(slip) - 1 and f["end_column"] > col:
            return True
    return False


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("kanwu")
    ap.add_argument("--sentences", default=os.path.join(HERE, "slips-recall.yaml"))
    ap.add_argument("--show-missed", action="store_true")
    args = ap.parse_args()
    data = yaml.safe_load(open(args.sentences, encoding="utf-8"))
    print("| class | rules | sentences | found | recall |")
    print("|---|---|---:|---:|---:|")
    missed = []
    for name, c in data["classes"].items():
        hits = 0
        for s in c["sentences"]:
            if found(args.kanwu, c["rules"], s["text"], s["slip"]):
                hits += 1
            else:
                missed.append((name, s["text"]))
        n = len(c["sentences"])
        print(f"| {name} | {', '.join(c['rules'])} | {n} | {hits} | {100 * hits / n:.0f}% |")
    if args.show_missed:
        for name, text in missed:
            print(f"missed [{name}] {text}", file=sys.stderr)


if __name__ == "__main__":
    main()
