#!/usr/bin/env python3
"""The README against the kanwu it describes: its command list names every
subcommand `kanwu --help` lists, and every option of `kanwu serve`; its demo
output (the text-output example, the per-rule count, the JSON example's
finding and summary) is what `kanwu check fixtures/seeds/` prints now.

Usage: readme_test.py KANWU (from the source root)."""
import json
import re
import subprocess
import sys

KANWU = sys.argv[1]
readme = open('README.md', encoding='utf-8').read()
failures = []


def check(name, ok, detail=''):
    print(('ok   ' if ok else 'FAIL ') + name + ('' if ok else f': {detail}'))
    if not ok:
        failures.append(name)


def block_after(marker, lang=''):
    at = readme.index(marker)
    return re.search(r'```' + lang + r'\n(.*?)```', readme[at:], re.S).group(1)


def run(*args):
    return subprocess.run([KANWU, *args], capture_output=True, text=True).stdout


# The command list.
commands = block_after('## Command line')
listed = set(re.findall(r'^kanwu (?:\[)?([a-z-]+)', commands, re.M))
helped = set(re.findall(r'^  ([a-z-]+)\s', run('--help').split('SUBCOMMANDS:')[-1].split('Subcommands:')[-1], re.M))
check('every subcommand is in the command list', helped and helped <= listed, sorted(helped - listed))
serve_line = next((l for l in commands.splitlines() if l.startswith('kanwu serve')), '')
serve_options = set(re.findall(r'(--[a-z-]+)', run('serve', '--help'))) - {'--help'}
check("kanwu serve's options are in its line", serve_options and all(o in serve_line for o in serve_options),
      sorted(o for o in serve_options if o not in serve_line))

# The demo output, as ci/demo.sh runs it.
out = subprocess.run([KANWU, 'check', '--color', 'never', 'fixtures/seeds/'], capture_output=True,
                     text=True).stdout.splitlines()
example = block_after('### Text output').splitlines()
missing = [line for line in example if line not in out]
check('the text-output example is current output', not missing, missing[:3])
counts = block_after('The report ends with the count per rule').splitlines()
check('the per-rule count and summary are current', counts == out[-2:], f'README {counts} vs {out[-2:]}')

report = json.loads(run('check', '--format', 'json', 'fixtures/seeds/'))
shown = block_after('### JSON output', 'json')
finding = re.search(r'"rule": "([^"]+)".*?"file": "([^"]+)",\s*"line": (\d+), "column": (\d+).*?"message": "([^"]+)"',
                    shown, re.S)
real = [f for f in report['findings'] if finding and f['rule'] == finding.group(1) and f['file'] == finding.group(2)
        and f['line'] == int(finding.group(3)) and f['column'] == int(finding.group(4))]
check("the JSON example's finding is a current finding", real and real[0]['message'] == finding.group(5),
      real[0]['message'] if real else 'no such finding')
summary = json.loads(re.search(r'"summary": (\{[^}]*\})', shown).group(1))
check("the JSON example's summary is current", summary == report['summary'], f"{summary} vs {report['summary']}")

print(f'{len(failures)} failed')
sys.exit(1 if failures else 0)
