#!/usr/bin/env python3
"""The archive ledger measured (issue 23), side by side in one run.

    ledger.py KANWU CORPUS_DIR [--runs N] [--figures N] [--precision-days N] [--out FILE]

CORPUS_DIR is ../shared/corpus. Steps, each timed on this machine:
  1. index: `kanwu ledger add` of every real text (real/ and real-more/) into
     a new SQLite ledger, against `kanwu check` of the same files (MB/s);
     the ledger's size against the text's.
  2. a 30 KB draft (a news day with its figures changed, under another
     name): `check --ledger` against `check` of the draft with all the
     archive's files in one run, and `check` of the draft alone.
  3. a generated ledger of --figures figures (realistic identities: the
     groups of the real archive, many values each, plus random ones) and the
     same draft against it: how latency grows with the archive.
  4. precision at archive scale: each of --precision-days news days checked
     against the ledger of all the others (its own version is skipped by
     name); every figure-conflict finding against the archive is listed for
     reading (written to --findings).
Writes a Markdown table to stdout (and --out).
"""
import argparse
import json
import os
import re
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time


def run(cmd, check=True):
    started = time.perf_counter()
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    took = time.perf_counter() - started
    if check and p.returncode not in (0, 1):
        sys.exit(f"ledger.py: {' '.join(cmd[:4])}… failed ({p.returncode}): {p.stderr[-400:]}")
    return took, p


def median_time(cmd, runs):
    return statistics.median(run(cmd)[0] for _ in range(runs))


def text_files(root):
    out = []
    for r, _, files in os.walk(root):
        out += [os.path.join(r, n) for n in sorted(files) if n.endswith((".txt", ".md"))]
    return sorted(out)


def make_draft(news_day, folder):
    """A news day restated under another name with every third percentage
    changed by one point: the shape of a draft that restates the archive."""
    text = open(news_day, encoding="utf-8").read()
    count = 0

    def bump(m):
        nonlocal count
        count += 1
        if count % 3:
            return m.group(0)
        return f"{float(m.group(1)) + 1:g}%"

    text = re.sub(r"(\d+(?:\.\d+)?)%", bump, text)
    path = os.path.join(folder, "draft-" + os.path.basename(news_day))
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    return path


def generate_figures(ledger, total):
    """Adds figures to a copy of a real ledger until it holds `total`:
    generated documents of 40 blocks, each block a copy of a real block's
    record (its figures restated under another document and day: a
    looked-up figure's block is read whole, its co-figures too). Every
    other generated block is indexed under the real identities of its
    figures, the rest under identities the real archive does not hold.
    Done in SQL (a recursive count), not row by row."""
    db = sqlite3.connect(ledger)
    # A generator's settings (not the ledger's): a page cache that holds the
    # indexes, no syncs.
    db.execute("PRAGMA cache_size = -2000000")
    db.execute("PRAGMA synchronous = OFF")
    db.execute("CREATE TEMP TABLE real AS SELECT row_number() OVER () - 1 AS k, document_id, block, figures, groups, record "
               "FROM ledger_figure_blocks")
    db.execute("CREATE UNIQUE INDEX temp.real_k ON real (k)")
    db.execute("CREATE TEMP TABLE real_index AS SELECT document_id, block, group_hash FROM ledger_figures")
    db.execute("CREATE INDEX temp.real_index_block ON real_index (document_id, block)")
    real, real_figures = db.execute("SELECT count(*), sum(figures) FROM real").fetchone()
    have = db.execute("SELECT count(*) FROM ledger_figures").fetchone()[0]
    rows = max(0, total - have)
    per_document = 40
    blocks = int(rows / (have / real)) + 1  # index rows per block as in the real archive
    documents = blocks // per_document + 1
    first = db.execute("SELECT coalesce(max(id), 0) + 1 FROM ledger_documents").fetchone()[0]
    db.execute("BEGIN")
    db.execute(
        "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < ?) "
        "INSERT INTO ledger_documents (id, name, title, published, published_from, source, content_hash, reader, "
        "bytes, added_at) SELECT ? + i, 'generated/' || i, '生成稿件' || i, "
        "printf('20%02d-%02d-%02d', 10 + i % 15, 1 + i % 12, 1 + i % 28), 'option', 'generated', printf('%032x', i), "
        "'generated', 30000, '2026-01-01' FROM n", (documents, first))
    db.execute("CREATE TEMP TABLE made (i INTEGER PRIMARY KEY, k INTEGER NOT NULL)")
    db.execute(
        "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < ?) "
        "INSERT INTO made SELECT i, (i * 7919) % ? FROM n", (blocks, real))
    db.execute(
        "INSERT INTO ledger_figure_blocks (document_id, block, figures, groups, record) "
        "SELECT ? + m.i / ?, m.i % ?, r.figures, r.groups, r.record FROM made m JOIN real r ON r.k = m.k",
        (first, per_document, per_document))
    db.execute(
        "INSERT OR IGNORE INTO ledger_figures (group_hash, published, document_id, block) "
        # Other identities: hashes no real group has (1..100003; a group's
        # hash is a 64-bit FNV-1a), as many as the archive's kinds allow.
        "SELECT CASE WHEN m.i % 2 = 0 THEN x.group_hash ELSE 1 + (m.i * 31 + x.rowid) % 100003 END, "
        # The generated document's publication day (YYYYMMDD), as above.
        "(2010 + (m.i / ?) % 15) * 10000 + (1 + (m.i / ?) % 12) * 100 + 1 + (m.i / ?) % 28, "
        "? + m.i / ?, m.i % ? "
        "FROM made m JOIN real r ON r.k = m.k JOIN real_index x ON x.document_id = r.document_id AND x.block = r.block",
        (per_document, per_document, per_document, first, per_document, per_document))
    db.commit()
    db.execute("ANALYZE")
    made = db.execute("SELECT count(*) FROM ledger_figures").fetchone()[0]
    db.close()
    return made


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("kanwu")
    ap.add_argument("corpus")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--figures", type=int, default=10_000_000)
    ap.add_argument("--precision-days", type=int, default=100)
    ap.add_argument("--findings", default="")
    ap.add_argument("--out", default="")
    a = ap.parse_args()
    K = os.path.abspath(a.kanwu)
    work = tempfile.mkdtemp(prefix="kanwu-ledger-bench-")
    rows = []
    try:
        roots = [os.path.join(a.corpus, top, d) for top in ("real", "real-more")
                 for d in sorted(os.listdir(os.path.join(a.corpus, top)))
                 if os.path.isdir(os.path.join(a.corpus, top, d))]
        files = [f for r in roots for f in text_files(r)]
        size = sum(os.path.getsize(f) for f in files)
        ledger = os.path.join(work, "archive.ledger")
        took_add, _ = run([K, "ledger", "add", "--ledger", ledger, *roots])
        took_check, _ = run([K, "check", "-q", *roots])
        stats = json.loads(run([K, "ledger", "stats", "--ledger", ledger, "--format", "json"])[1].stdout)
        mb = size / 1e6
        rows.append(("index the real archive (ledger add)", f"{len(files)} files, {mb:.1f} MB",
                     f"{took_add:.2f} s, {mb / took_add:.1f} MB/s"))
        rows.append(("check the same files (kanwu check)", "", f"{took_check:.2f} s, {mb / took_check:.1f} MB/s "
                     f"(index at {100 * took_check / took_add:.0f}% of check's speed)"))
        rows.append(("ledger size", f"{stats['figures']} figures, {stats['paragraphs']} paragraphs",
                     f"{stats['storage_bytes'] / 1e6:.1f} MB for {stats['text_bytes'] / 1e6:.1f} MB of text "
                     f"({stats['storage_bytes'] / stats['text_bytes']:.2f}×)"))

        news = text_files(os.path.join(a.corpus, "real", "xinwenlianbo"))
        day = min(news, key=lambda f: abs(os.path.getsize(f) - 30_000))
        draft = make_draft(day, work)
        with_ledger = median_time([K, "check", "-q", "--ledger", ledger, draft], a.runs)
        together = median_time([K, "check", "-q", draft, *roots], max(1, a.runs // 2))
        alone = median_time([K, "check", "-q", draft], a.runs)
        kb = os.path.getsize(draft) / 1e3
        rows.append((f"a {kb:.0f} KB draft alone (kanwu check)", "", f"{1000 * alone:.0f} ms"))
        rows.append(("the draft against the ledger (check --ledger)", "", f"{1000 * with_ledger:.0f} ms "
                     f"(+{1000 * (with_ledger - alone):.0f} ms for the archive)"))
        rows.append(("the draft with the archive's files in one run", "", f"{1000 * together:.0f} ms "
                     f"(the ledger {together / with_ledger:.0f}× faster)"))
        _, p = run([K, "check", "--ledger", ledger, "--format", "json", draft])
        found = [f for f in json.loads(p.stdout)["findings"] if f["rule"] == "figure-conflict"]
        rows.append(("figure conflicts the draft has with the archive", "", f"{len(found)}"))

        if a.figures > 0:
            big = os.path.join(work, "big.ledger")
            shutil.copy(ledger, big)
            started = time.perf_counter()
            figures = generate_figures(big, a.figures)
            made = time.perf_counter() - started
            latency = median_time([K, "check", "-q", "--ledger", big, draft], a.runs)
            rows.append((f"the draft against a generated ledger of {figures / 1e6:.1f} M figures (index rows)", f"(made in {made:.0f} s)",
                         f"{1000 * latency:.0f} ms (+{1000 * (latency - alone):.0f} ms for the archive)"))

        if a.precision_days > 0:
            days = news[:: max(1, len(news) // a.precision_days)][: a.precision_days]
            news_ledger = os.path.join(work, "news.ledger")
            run([K, "ledger", "add", "--ledger", news_ledger, os.path.join(a.corpus, "real", "xinwenlianbo")])
            listed = []
            for d in days:
                _, p = run([K, "check", "--ledger", news_ledger, "--enable", "duplicate-across-files",
                            "--format", "json", d])
                for f in json.loads(p.stdout)["findings"]:
                    if f["rule"] in ("figure-conflict", "duplicate-across-files") and any(
                            r["file"] != f["file"] for r in f.get("related", [])):
                        listed.append(f)
            by_rule = {}
            for f in listed:
                by_rule[f["rule"]] = by_rule.get(f["rule"], 0) + 1
            rows.append((f"{len(days)} news days, each against the ledger of all {len(news)}",
                         "findings against the archive", ", ".join(f"{r} {n}" for r, n in sorted(by_rule.items())) or "none"))
            if a.findings:
                with open(a.findings, "w", encoding="utf-8") as out:
                    for f in listed:
                        rel = f["related"][0]
                        out.write(f"{f['rule']}\t{os.path.relpath(f['file'], a.corpus)}:{f['line']}\t{f['message']}\t"
                                  f"{os.path.relpath(rel['file'], a.corpus)}:{rel['line']}\n")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    table = "| measure | size | result |\n|---|---|---|\n" + "".join(f"| {m} | {s} | {r} |\n" for m, s, r in rows)
    print(table)
    if a.out:
        with open(a.out, "w", encoding="utf-8") as f:
            f.write(table)


if __name__ == "__main__":
    main()
