#!/usr/bin/env python3
"""--fix never damages a file (issue 22): a property over all of ../shared/corpus.

For every file under CORPUS/{seeds,real,real-more} (read at test time, never
copied into the project), `kanwu check --fix` on a temporary copy must

  * leave Markdown front matter (YAML `---` or TOML `+++` at the top) byte-identical,
  * leave fenced code blocks byte-identical,
  * add or delete no Han character (each Han character as many times as before),
  * leave nothing for a second `--fix` to change (the second run changes no byte).

Every file is checked, one kanwu run per folder (a run per file would cost a
process start and a rule load each: about 1,600 of them). Exit 77 (skipped)
with a message when the corpus is absent.

usage: fix_property_test.py KANWU CORPUS
"""
import collections
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
import time

FOLDERS = ["seeds", "real", "real-more"]
TEXT_EXTENSIONS = (".txt", ".md", ".markdown")


def is_han(c):
    o = ord(c)
    return (0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF or 0x20000 <= o <= 0x3134F
            or 0xF900 <= o <= 0xFAFF)


def han_count(text):
    """How many of each Han character: number-style's 15余万 → 15万余 moves one
    without adding or deleting any."""
    return collections.Counter(c for c in text if is_han(c))


def front_matter(text):
    """The YAML (---) or TOML (+++) block at the top of a Markdown file, or ''."""
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].rstrip("\r\n") not in ("---", "+++"):
        return ""
    fence = lines[0].rstrip("\r\n")
    for n in range(1, len(lines)):
        if lines[n].rstrip("\r\n") == fence:
            return "".join(lines[: n + 1])
    return ""


def fenced_code(text):
    """The lines of fenced code blocks (``` or ~~~), fences included."""
    out, fence = [], None
    for line in text.splitlines(keepends=True):
        stripped = line.lstrip(" ")
        if fence is None:
            for mark in ("```", "~~~"):
                if stripped.startswith(mark):
                    fence = mark
                    out.append(line)
                    break
        else:
            out.append(line)
            if stripped.rstrip().startswith(fence) and stripped.strip().strip(fence[0]) == "":
                fence = None
    return "".join(out)


def digest_tree(root):
    sums = {}
    for path in text_files(root):
        with open(path, "rb") as fh:
            sums[os.path.relpath(path, root)] = hashlib.sha1(fh.read()).hexdigest()
    return sums


def text_files(root):
    for base, _, names in os.walk(root):
        for name in sorted(names):
            if name.endswith(TEXT_EXTENSIONS):
                yield os.path.join(base, name)


def read(path):
    with open(path, encoding="utf-8", errors="surrogateescape") as fh:
        return fh.read()


def run_fix(kanwu, folder):
    r = subprocess.run([kanwu, "check", "--fix", "--quiet", "--jobs", "2", folder],
                       capture_output=True, text=True)
    # 0: nothing left, 1: findings left; anything else is an error.
    if r.returncode not in (0, 1):
        raise RuntimeError(f"kanwu --fix on {folder} exited {r.returncode}: {r.stderr[:500]}")


def check_folder(kanwu, src, tmp):
    """Returns a list of failures for one corpus folder."""
    dst = os.path.join(tmp, os.path.basename(src))
    shutil.copytree(src, dst)
    run_fix(kanwu, dst)
    failures = []
    for a in text_files(src):
        b = os.path.join(dst, os.path.relpath(a, src))
        before, after = read(a), read(b)
        name = os.path.relpath(a, os.path.dirname(src))
        if front_matter(before) != front_matter(after):
            failures.append(f"{name}: front matter changed")
        if fenced_code(before) != fenced_code(after):
            failures.append(f"{name}: a fenced code block changed")
        if han_count(before) != han_count(after):
            failures.append(f"{name}: Han characters added or deleted")
    once = digest_tree(dst)
    run_fix(kanwu, dst)
    twice = digest_tree(dst)
    for rel, digest in once.items():
        if twice.get(rel) != digest:
            failures.append(f"{os.path.basename(src)}/{rel}: a second --fix changed it")
    return failures


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    kanwu, corpus = sys.argv[1], sys.argv[2]
    if not os.path.isdir(corpus):
        print(f"SKIPPED: corpus {corpus} not found; the --fix property is not checked")
        sys.exit(77)
    started, checked, failures = time.monotonic(), 0, []
    with tempfile.TemporaryDirectory() as tmp:
        for top in FOLDERS:
            top_path = os.path.join(corpus, top)
            if not os.path.isdir(top_path):
                print(f"note: {top_path} absent")
                continue
            # seeds is flat; real and real-more hold one folder per source.
            subs = sorted(e.path for e in os.scandir(top_path) if e.is_dir())
            for src in subs or [top_path]:
                checked += sum(1 for _ in text_files(src))
                failures += check_folder(kanwu, src, tmp)
    for f in failures:
        print("FAIL", f)
    print(f"{checked} files checked in {time.monotonic() - started:.0f} s; {len(failures)} failures")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
