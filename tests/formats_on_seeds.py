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
def rdjson_bytes_point_at_the_flagged_character(out):
    """reviewdog reads columns as UTF-8 byte offsets: slicing the file's line
    at the rdjson byte column must give the character the JSON report (code
    point columns) flags."""
    lines = {}
    diagnostics = json.loads(out)['diagnostics']
    for d, f in zip(diagnostics, reference):
        path, start = d['location']['path'], d['location']['range']['start']
        if path not in lines:
            lines[path] = open(path, 'rb').read().split(b'\n')
        raw = lines[path][start['line'] - 1]
        if raw.startswith(b'\xef\xbb\xbf') and start['line'] == 1:
            pass  # the byte column counts the mark, as the file holds it
        by_bytes = raw[start['column'] - 1:].decode('utf-8', errors='replace')[:1]
        text = raw.decode('utf-8-sig' if start['line'] == 1 else 'utf-8')
        by_points = text[f['column'] - 1:f['column']]
        if by_bytes != by_points:
            raise AssertionError(f'{path}:{start["line"]}: byte column gives {by_bytes!r}, code point column {by_points!r}')
    return len(diagnostics) == n


checks = {
    'sarif': lambda out: len(json.loads(out)['runs'][0]['results']) == n,
    'rdjson': rdjson_bytes_point_at_the_flagged_character,
    'codequality': lambda out: len(json.loads(out)) == n and len({i['fingerprint'] for i in json.loads(out)}) > n * 0.9,
    'github': lambda out: len([l for l in out.splitlines() if l.startswith('::')]) == n,
    'checkstyle': lambda out: len(ET.fromstring(out).findall('./file/error')) == n,
    # Every checked file is a test case; those with findings fail; the counts
    # in the suite's attributes are those of its cases.
    'junit': lambda out: (lambda root: {t.get('name') for t in root.iter('testcase') if t.find('failure') is not None} == files
                          and int(root.get('tests')) == len(list(root.iter('testcase')))
                          and int(root.get('failures')) == len(files))(ET.fromstring(out)),
    'markdown': lambda out: out.count('\n- **第') == n and '| 规则 | 说明 | 数量 |' in out,
    'html': lambda out: out.count('class="finding ') == n and out.count('<span class="fix">') == sum(1 for f in reference if f.get('fix')) and '<script src' not in out and 'http' not in out.split('<body>')[0],
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
