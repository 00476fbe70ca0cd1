#!/usr/bin/env python3
"""--fix never damages a draft that changes under it (issue 27, data loss).

Two races, many trials each, on a ~1 MB draft with thousands of fixes:
  * two `kanwu check --fix` runs on the same file at once;
  * an editor saving the file (in place, or by rename as most editors do)
    at a random moment while `kanwu check --fix` runs.
After every trial the file must be valid UTF-8 and exactly one whole text
that someone meant: the draft fixed, or the editor's save, or the editor's
save fixed. Never a mix, never a cut character, never a temporary file
left beside it. Usage: fix_race_test.py path/to/kanwu [trials]
"""
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time

KANWU = sys.argv[1]
TRIALS = int(sys.argv[2]) if len(sys.argv) > 2 else 50
ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
SEED = os.path.join(ROOT, "fixtures", "seeds", "004_6ed63c3a093e4c62.txt")


def fixed_text(tmp, text, name):
    path = os.path.join(tmp, name)
    with open(path, "wb") as f:
        f.write(text)
    subprocess.run([KANWU, "check", "--fix", "-q", path], stderr=subprocess.DEVNULL, check=False)
    with open(path, "rb") as f:
        return f.read()


def main():
    random.seed(27)
    failures = 0
    with tempfile.TemporaryDirectory() as tmp:
        seed = open(SEED, "rb").read()
        old = b"\n".join([seed] * max(1, (1 << 20) // len(seed)))
        # The editor's save: every line changed a little (a new first paragraph,
        # another width slip), so that a fix planned on the old text would cut
        # characters if applied at the old offsets.
        edited = "编辑部补充的导语,更新于2026年。\n".encode() + old.replace("，".encode(), ",".encode(), 50)
        new_old = fixed_text(tmp, old, "ref-old.txt")
        new_edited = fixed_text(tmp, edited, "ref-edited.txt")
        assert new_old != old and new_edited != edited, "nothing to fix: the test would prove nothing"
        draft = os.path.join(tmp, "draft.txt")
        work = os.path.join(tmp, "work")
        os.mkdir(work)
        draft = os.path.join(work, "draft.txt")

        def verdict(kind, trial, allowed):
            nonlocal failures
            data = open(draft, "rb").read()
            try:
                data.decode("utf-8")
            except UnicodeDecodeError as e:
                failures += 1
                print(f"FAIL {kind} trial {trial}: invalid UTF-8 at byte {e.start}")
                return None
            leftovers = [n for n in os.listdir(work) if n != "draft.txt"]
            if leftovers:
                failures += 1
                print(f"FAIL {kind} trial {trial}: left behind {leftovers}")
                for n in leftovers:
                    os.unlink(os.path.join(work, n))
            for name, text in allowed.items():
                if data == text:
                    return name
            failures += 1
            print(f"FAIL {kind} trial {trial}: the file is none of {sorted(allowed)} ({len(data)} bytes)")
            return None

        # How long one --fix takes here: the editor saves at a random moment in it.
        with open(draft, "wb") as f:
            f.write(old)
        started = time.monotonic()
        subprocess.run([KANWU, "check", "--fix", "-q", draft], stderr=subprocess.DEVNULL, check=False)
        span = time.monotonic() - started
        outcomes = {}
        for trial in range(TRIALS):
            with open(draft, "wb") as f:
                f.write(old)
            runs = [subprocess.Popen([KANWU, "check", "--fix", "-q", draft], stderr=subprocess.PIPE) for _ in range(2)]
            codes = sorted(p.wait() for p in runs)
            for p in runs:
                p.stderr.close()
            state = verdict("two fixers", trial, {"fixed": new_old})
            outcomes[("two fixers", state, tuple(codes))] = outcomes.get(("two fixers", state, tuple(codes)), 0) + 1

        for trial in range(TRIALS):
            with open(draft, "wb") as f:
                f.write(old)
            by_rename = trial % 2 == 1
            run = subprocess.Popen([KANWU, "check", "--fix", "-q", draft], stderr=subprocess.PIPE)
            time.sleep(random.uniform(0, span))
            if by_rename:
                side = os.path.join(work, "draft.txt~")
                with open(side, "wb") as f:
                    f.write(edited)
                os.replace(side, draft)
            else:
                with open(draft, "r+b") as f:
                    f.write(edited)
                    f.truncate()
            code = run.wait()
            run.stderr.close()
            # A save that lands after kanwu's rename replaces the fixed text:
            # the editor's text, whole. Before the check reads: it is fixed.
            state = verdict("editor saves", trial, {"edited": edited, "edited, fixed": new_edited, "fixed, then saved over": edited})
            key = ("editor saves " + ("by rename" if by_rename else "in place"), state, (code,))
            outcomes[key] = outcomes.get(key, 0) + 1
    for key, n in sorted(outcomes.items(), key=str):
        print(f"{key[0]}: {key[1]} (exit {', '.join(map(str, key[2]))}) x{n}")
    passed = 2 * TRIALS - failures
    print(f"{passed} passed, {failures} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
