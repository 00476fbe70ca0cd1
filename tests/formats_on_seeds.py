#!/usr/bin/env python3
"""Every report format on the seed pages: parses as what it claims to be and
accounts for every finding of the JSON report. Usage: formats_on_seeds.py KANWU"""
import json
import subprocess
import sys
import xml.etree.ElementTree as ET

kanwu = sys.argv[1]
paths = ['fixtures/seeds', 'fixtures/cases']


def run(fmt):
    r = subprocess.run([kanwu, 'check', '--format', fmt, *paths], capture_output=True, text=True)
    assert r.returncode == 1, f'{fmt}: exit {r.returncode}: {r.stderr}'
    return r.stdout


reference = json.loads(run('json'))['findings']
n = len(reference)
files = {f['file'] for f in reference}
checks = {
    'sarif': lambda out: len(json.loads(out)['runs'][0]['results']) == n,
    'rdjson': lambda out: len(json.loads(out)['diagnostics']) == n,
    'codequality': lambda out: len(json.loads(out)) == n and len({i['fingerprint'] for i in json.loads(out)}) > n * 0.9,
    'github': lambda out: len([l for l in out.splitlines() if l.startswith('::')]) == n,
    'checkstyle': lambda out: len(ET.fromstring(out).findall('./file/error')) == n,
    'junit': lambda out: {t.get('name') for t in ET.fromstring(out).iter('testcase')} == files,
    'markdown': lambda out: out.count('\n- **第') == n and '| 规则 | 说明 | 数量 |' in out,
    'html': lambda out: out.count('class="finding ') == n and '<script src' not in out and 'http' not in out.split('<body>')[0],
}
failed = 0
for fmt, ok in checks.items():
    try:
        good = ok(run(fmt))
    except Exception as e:  # a parse error is a failure too
        good, why = False, e
    print(f'{fmt:<12} {"ok" if good else "FAILED"}')
    failed += not good
print(f'{len(checks) - failed} passed, {failed} failed')
sys.exit(1 if failed else 0)
