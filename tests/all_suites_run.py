#!/usr/bin/env python3
"""Every top-level entry of the unit-test program is a suite that CTest runs.

CMake finds the suites in the sources (tests/CMakeLists.txt); a case written
outside any suite, or a suite opened in a way that search misses, would
compile and never run. Usage: all_suites_run.py kanwu_tests SUITE,SUITE,...
"""
import subprocess
import sys

program, listed = sys.argv[1], set(filter(None, sys.argv[2].split(",")))
out = subprocess.run([program, "--list_content"], capture_output=True, text=True, check=True)
# Boost.Test lists the tree on stderr, four spaces per level, '*' after
# enabled entries.
top = [line.rstrip().rstrip("*") for line in out.stderr.splitlines() if line and not line.startswith(" ")]
missing = sorted(set(top) - listed)
extra = sorted(listed - set(top))
for name in missing:
    print(f"FAIL: {name} is in the test program but no CTest entry runs it")
for name in extra:
    print(f"FAIL: CTest runs {name}, which the test program does not have")
print(f"{len(top) - len(missing)} passed, {len(missing) + len(extra)} failed")
sys.exit(1 if missing or extra else 0)
