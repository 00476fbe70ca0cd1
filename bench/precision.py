#!/usr/bin/env python3
"""The precision ratchet: kanwu's findings on real published text, each
compared with a list read by a person.

    precision.py KANWU REAL_DIR AUDIT_TSV [--write-md FILE] [--unaudited FILE]

REAL_DIR is ../shared/corpus/real (reports, news, Markdown docs nobody on
this project wrote). Every finding of the default rule set is looked up in
AUDIT_TSV (fixtures/real-audit.tsv: rule, file, line, matched text, verdict
true/false, reason). The run fails (exit 1) when

  * a finding is not in the audit list (nobody has read it yet), or
  * an enabled rule is right less than 90% of the time on the findings read,
  * or `kanwu check --fix` on a copy of the corpus adds or deletes a Han
    character (--fix may only change what cannot change the meaning).

--write-md writes the per-rule, per-source table (bench/PRECISION.md);
--unaudited writes the findings not in the list, as TSV rows to read and
add with a verdict.
"""
import argparse
import collections
import csv
import functools
import json
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
# Source folder → extra kanwu arguments (a house style set as a user would).
SOURCES = {
    "gov-reports-2026": [],
    "gov-reports-2026-one-line-paragraphs": [],
    "xinwenlianbo": [],
    "vue-docs-zh-cn": ["--config", os.path.join(HERE, "vue-docs.kanwu.yaml")],
}
MIN_PRECISION = 0.9
FIELDS = ["rule", "file", "line", "match", "verdict", "reason"]


def is_han(c):
    o = ord(c)
    return 0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF or 0x20000 <= o <= 0x2FFFF or 0xF900 <= o <= 0xFAFF


def run_kanwu(kanwu, args):
    p = subprocess.run([kanwu, "check", "--format", "json", *args], capture_output=True, text=True)
    if p.returncode not in (0, 1):
        sys.exit(f"precision: kanwu exited {p.returncode}: {p.stderr.strip()[:500]}")
    return json.loads(p.stdout)


@functools.lru_cache(maxsize=None)
def file_lines(path):
    return open(path, encoding="utf-8").read().split("\n")


def matched_text(path, f):
    lines = file_lines(path)
    line = lines[f["line"] - 1]
    end = f["end_column"] - 1 if f["end_line"] == f["line"] else len(line)
    return line[f["column"] - 1:end]


def load_audit(path):
    audit = {}
    if not os.path.exists(path):
        return audit
    with open(path, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            if row["verdict"] not in ("true", "false"):
                sys.exit(f"precision: {path}: verdict must be true or false: {row}")
            audit[(row["rule"], row["file"], int(row["line"]), row["match"])] = row
    return audit


def tally(report, root, source, audit, stats, unaudited, rules=None):
    """Counts a run's findings (of `rules`, or all) against the audit list:
    stats[(rule, source)] gains findings / true / false / unaudited, and
    each finding nobody has read is appended to `unaudited`. Keys are
    (rule, file relative to `root`, line, matched text)."""
    seen = set()
    for f in report["findings"]:
        if rules is not None and f["rule"] not in rules:
            continue
        key = (f["rule"], os.path.relpath(f["file"], root), f["line"], matched_text(f["file"], f))
        if key in seen:  # one place, one verdict
            continue
        seen.add(key)
        c = stats[(f["rule"], source)]
        c["findings"] += 1
        row = audit.get(key)
        if row is None:
            c["unaudited"] += 1
            unaudited.append(key)
        else:
            c[row["verdict"]] += 1


def write_unaudited(path, unaudited):
    """The findings nobody has read, as audit rows to fill in."""
    with open(path, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, delimiter="\t", quoting=csv.QUOTE_NONE, escapechar="\\", lineterminator="\n")
        w.writerow(FIELDS)
        for key in unaudited:
            w.writerow([*key, "", ""])


def han_only(text):
    return "".join(c for c in text if is_han(c))


def fix_changes_han(kanwu, real):
    """Runs --fix on a copy of every source; returns files whose Han text changed."""
    damaged = []
    with tempfile.TemporaryDirectory() as tmp:
        for source, extra in SOURCES.items():
            src = os.path.join(real, source)
            if not os.path.isdir(src):
                continue
            dst = os.path.join(tmp, source)
            shutil.copytree(src, dst)
            subprocess.run([kanwu, "check", "--fix", "--quiet", *extra, dst], capture_output=True)
            for root, _, files in os.walk(src):
                for name in files:
                    a = os.path.join(root, name)
                    b = os.path.join(dst, os.path.relpath(a, src))
                    if han_only(open(a, encoding="utf-8").read()) != han_only(open(b, encoding="utf-8").read()):
                        damaged.append(os.path.relpath(a, real))
    return damaged


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("kanwu")
    ap.add_argument("real")
    ap.add_argument("audit")
    ap.add_argument("--write-md")
    ap.add_argument("--unaudited")
    a = ap.parse_args()

    audit = load_audit(a.audit)
    stats = collections.defaultdict(lambda: collections.Counter())  # (rule, source) → counts
    chars = {}
    unaudited = []
    for source, extra in SOURCES.items():
        folder = os.path.join(a.real, source)
        if not os.path.isdir(folder):
            sys.exit(f"precision: {folder} not found")
        chars[source] = sum(len(open(os.path.join(r, n), encoding="utf-8").read())
                            for r, _, fl in os.walk(folder) for n in fl)
        report = run_kanwu(a.kanwu, [*extra, folder])
        tally(report, a.real, source, audit, stats, unaudited)

    by_rule = collections.defaultdict(collections.Counter)
    for (rule, _), c in stats.items():
        by_rule[rule].update(c)
    failures = []
    for rule, c in sorted(by_rule.items()):
        read = c["true"] + c["false"]
        if read and c["true"] / read < MIN_PRECISION:
            failures.append(f"{rule}: right {c['true']} of {read} ({c['true'] / read:.0%}) < {MIN_PRECISION:.0%}")
    if unaudited:
        failures.append(f"{len(unaudited)} findings on real text nobody has read (see --unaudited)")
    damaged = fix_changes_han(a.kanwu, a.real)
    if damaged:
        failures.append(f"--fix added or deleted Han characters in {len(damaged)} files: {damaged[:5]}")

    lines = ["# Precision on real text", "",
             "Generated by `bench/precision.py` (CI runs it) on `../shared/corpus/real/` with the default",
             "rule set: every finding compared with `fixtures/real-audit.tsv`, where each one was read",
             "and judged right or wrong. Rules off by default are not run here; their measured",
             "precision is on their doc pages.", "",
             "| rule | source | findings | right | wrong | unread | precision | findings / 10k chars |",
             "|---|---|---:|---:|---:|---:|---:|---:|"]
    for (rule, source), c in sorted(stats.items()):
        read = c["true"] + c["false"]
        prec = f"{c['true'] / read:.0%}" if read else "–"
        lines.append(f"| {rule} | {source} | {c['findings']} | {c['true']} | {c['false']} | {c['unaudited']} | "
                     f"{prec} | {c['findings'] / chars[source] * 1e4:.3f} |")
    # Enabled rules with nothing to say on the real corpus: their precision
    # there is vacuous, which the table should say rather than hide.
    listing = subprocess.run([a.kanwu, "rules"], capture_output=True, text=True).stdout
    enabled = [line.split()[0] for line in listing.splitlines() if line.strip() and "(off by default)" not in line]
    silent = [r for r in enabled if r not in by_rule]
    if silent:
        lines += ["", "Enabled rules with no finding on these sources (precision vacuous here; their recall",
                  "is measured on the seed copy-edit, `bench/seed_recall.py`): " + ", ".join(silent) + "."]
    lines += ["", "| source | characters | findings | unread per 10k chars |", "|---|---:|---:|---:|"]
    for source in SOURCES:
        n = sum(c["findings"] for (r, s), c in stats.items() if s == source)
        u = sum(c["unaudited"] for (r, s), c in stats.items() if s == source)
        lines.append(f"| {source} | {chars[source]} | {n} | {u / chars[source] * 1e4:.3f} |")
    lines += ["", f"`--fix` on a copy of every source: {'no Han character added or deleted' if not damaged else 'DAMAGED ' + str(damaged)}.", ""]
    text = "\n".join(lines)
    print(text)
    if a.write_md:
        open(a.write_md, "w", encoding="utf-8").write(text)
    if a.unaudited:
        write_unaudited(a.unaudited, unaudited)
    for f in failures:
        print("FAIL " + f)
    print(f"precision ratchet: {sum(c['findings'] for c in stats.values())} findings, "
          f"{len(unaudited)} unread, {len(failures)} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
