#!/usr/bin/env python3
"""Precision of the slips rules (repeated-char, idiom-slip, confusable-char, …)
on all the real text, split before any tuning.

    slips_precision.py KANWU CORPUS AUDIT_TSV --rules R1,R2 [--half tune|held|both]
                       [--write-md FILE] [--unaudited FILE]

CORPUS is ../shared/corpus; every file of real/ and real-more/ goes to the
tune half when the first hex digit of the SHA-1 of its file name is even,
to the held-out half when odd. Rules were read and fixed only on the tune
half's findings; the held-out half is scored once, at the end. Each rule is
enabled (whatever its default) and every finding looked up in AUDIT_TSV
(fixtures/slips-audit.tsv, same columns as fixtures/real-audit.tsv, files
relative to CORPUS). Exit 1 when a finding is unread.
"""
import argparse
import collections
import hashlib
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from precision import load_audit, run_kanwu, tally, write_unaudited  # noqa: E402

SOURCES = ("real", "real-more")


def half_of(name):
    return "tune" if int(hashlib.sha1(name.encode("utf-8")).hexdigest()[0], 16) % 2 == 0 else "held"


def split(corpus):
    halves = {"tune": [], "held": []}
    for source in SOURCES:
        for root, _, files in os.walk(os.path.join(corpus, source)):
            for name in sorted(files):
                if name.endswith((".txt", ".md")) and name != "SOURCES.md":
                    halves[half_of(name)].append(os.path.join(root, name))
    return halves


def characters(paths):
    return sum(len(open(p, encoding="utf-8").read()) for p in paths)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("kanwu")
    ap.add_argument("corpus")
    ap.add_argument("audit")
    ap.add_argument("--rules", required=True)
    ap.add_argument("--half", choices=("tune", "held", "both"), default="both")
    ap.add_argument("--write-md")
    ap.add_argument("--unaudited")
    args = ap.parse_args()
    rules = args.rules.split(",")
    audit = load_audit(args.audit)
    halves = split(args.corpus)
    stats = collections.defaultdict(collections.Counter)
    unaudited = []
    sizes = {}
    for half in ("tune", "held"):
        if args.half not in (half, "both"):
            continue
        paths = halves[half]
        sizes[half] = characters(paths)
        enable = [a for r in rules for a in ("--enable", r)]
        report = run_kanwu(args.kanwu, [*enable, "-j", "2", *paths])
        tally(report, args.corpus, half, audit, stats, unaudited, set(rules))
    lines = ["| rule | half | files | characters | findings | right | wrong | unread | precision | findings / 10k chars |",
             "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for rule in rules:
        for half in sizes:
            c = stats[(rule, half)]
            read = c["true"] + c["false"]
            precision = f"{100 * c['true'] / read:.0f}%" if read else "–"
            lines.append(f"| {rule} | {half} | {len(halves[half])} | {sizes[half]} | {c['findings']} | {c['true']} | "
                         f"{c['false']} | {c['unaudited']} | {precision} | {10000 * c['findings'] / sizes[half]:.3f} |")
    table = "\n".join(lines)
    print(table)
    if args.write_md:
        with open(args.write_md, "w", encoding="utf-8") as fh:
            fh.write(table + "\n")
    if args.unaudited:
        write_unaudited(args.unaudited, unaudited)
    if unaudited:
        print(f"slips_precision: {len(unaudited)} findings not in {args.audit}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
