#!/usr/bin/env python3
"""The figure rules on all the real text there is, every finding read.

    figure_precision.py KANWU CORPUS_DIR AUDIT_TSV [--write-md FILE] [--unaudited FILE]
                        [--rules R1,R2] [--tops real,real-more] [--min-precision P] [--max-unread N]

--rules, --tops and the bars let the same ratchet hold other rules on other
folders (the structural rules on real-more/, whose findings the precision
ratchet over real/ does not see).

CORPUS_DIR is ../shared/corpus: its real/ and real-more/ folders (reports of
1954–2026, People's Daily 2025, congress reports, news transcripts). Each
source folder is checked as one run with figure-conflict, figure-arithmetic
and rate-range on (a newsroom checking a folder of drafts together: conflicts
across files count), and every finding is looked up in AUDIT_TSV
(fixtures/figure-audit.tsv: rule, file, line, matched text, verdict
true/false, reason — the same format as the precision ratchet's). Fails
(exit 1) when a finding has not been read, when a rule is right less than
90% of the time, or when there are more than 0.05 unread findings per 10,000
characters (issue 21's bars).
"""
import argparse
import collections
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from precision import load_audit, run_kanwu, tally, write_unaudited  # noqa: E402

RULES = ["figure-conflict", "figure-arithmetic", "rate-range"]
MIN_PRECISION = 0.9
MAX_UNREAD_PER_10K = 0.05


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("kanwu")
    ap.add_argument("corpus")
    ap.add_argument("audit")
    ap.add_argument("--write-md")
    ap.add_argument("--unaudited")
    ap.add_argument("--rules", default=",".join(RULES))
    ap.add_argument("--tops", default="real,real-more")
    ap.add_argument("--min-precision", type=float, default=MIN_PRECISION)
    ap.add_argument("--max-unread", type=float, default=MAX_UNREAD_PER_10K, help="per 10,000 characters")
    a = ap.parse_args()
    rules = a.rules.split(",")
    audit = load_audit(a.audit)
    sources = []
    for top in a.tops.split(","):
        root = os.path.join(a.corpus, top)
        if not os.path.isdir(root):
            sys.exit(f"figure_precision: {root} not found")
        sources += [os.path.join(top, d) for d in sorted(os.listdir(root)) if os.path.isdir(os.path.join(root, d))]
    stats = collections.defaultdict(collections.Counter)
    chars = {}
    unaudited = []
    enable = [arg for r in rules for arg in ("--enable", r)]
    for source in sources:
        folder = os.path.join(a.corpus, source)
        chars[source] = sum(len(open(os.path.join(r, n), encoding="utf-8").read())
                            for r, _, files in os.walk(folder) for n in files if n.endswith((".txt", ".md")))
        report = run_kanwu(a.kanwu, [*enable, folder])
        tally(report, a.corpus, source, audit, stats, unaudited, rules)
    total_chars = sum(chars.values())
    by_rule = collections.defaultdict(collections.Counter)
    for (rule, _), c in stats.items():
        by_rule[rule].update(c)
    failures = []
    for rule, c in sorted(by_rule.items()):
        read = c["true"] + c["false"]
        if read and c["true"] / read < a.min_precision:
            failures.append(f"{rule}: right {c['true']} of {read} ({c['true'] / read:.0%}) < {a.min_precision:.0%}")
    unread_rate = len(unaudited) / total_chars * 1e4
    if unread_rate > a.max_unread:
        failures.append(f"{len(unaudited)} unread findings ({unread_rate:.3f} per 10k characters)")
    folders = " and ".join(f"`../shared/corpus/{t}/`" for t in a.tops.split(","))
    lines = [f"## {', '.join(rules)} on all the real text (`bench/figure_precision.py`)", "",
             f"Each source folder of {folders} checked as one run (findings across its",
             f"files count); every finding read and judged in `{os.path.relpath(a.audit)}`.", "",
             "| rule | source | findings | right | wrong | unread | findings / 10k chars |",
             "|---|---|---:|---:|---:|---:|---:|"]
    for (rule, source), c in sorted(stats.items()):
        lines.append(f"| {rule} | {source} | {c['findings']} | {c['true']} | {c['false']} | {c['unaudited']} | "
                     f"{c['findings'] / chars[source] * 1e4:.4f} |")
    lines += ["", f"{total_chars:,} characters in {len(sources)} sources; "
              f"{sum(c['findings'] for c in stats.values())} findings, {len(unaudited)} unread "
              f"({unread_rate:.3f} per 10k characters).", ""]
    text = "\n".join(lines)
    print(text)
    if a.write_md:
        open(a.write_md, "w", encoding="utf-8").write(text)
    if a.unaudited:
        write_unaudited(a.unaudited, unaudited)
    for f in failures:
        print("FAIL " + f)
    print(f"precision: {sum(c['findings'] for c in stats.values())} findings, {len(unaudited)} unread, "
          f"{len(failures)} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
