#!/usr/bin/env python3
"""Validates a SARIF file against the SARIF 2.1.0 JSON schema kept in
../shared/schemas (referenced in place, not copied), formats included: every
"uri" and "uri-reference" must be one by RFC 3986 (percent-encoded UTF-8, no
spaces), checked here because jsonschema leaves those formats unchecked
unless the optional rfc3987 module is installed.

Usage: validate_sarif.py SCHEMA SARIF
       validate_sarif.py SCHEMA --kanwu KANWU PATH...   (runs kanwu on the paths
       and on a draft in 「体育 新闻/新建 文本文档.txt」 first)"""
import json
import os
import re
import subprocess
import sys
import tempfile

import jsonschema

# RFC 3986: the characters a URI may hold, a %-escape's shape, and the scheme.
URI_CHARS = re.compile(r"^(?:[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=]|%[0-9A-Fa-f]{2})*$")
SCHEME = re.compile(r'^[A-Za-z][A-Za-z0-9+.\-]*:')


def is_uri_reference(value):
    if not isinstance(value, str):
        return True
    if not URI_CHARS.match(value):
        return False
    if SCHEME.match(value):
        return True
    # A relative reference: a ':' in its first segment would read as a scheme.
    first_segment = re.split(r'[/?#]', value, maxsplit=1)[0]
    return ':' not in first_segment


def is_uri(value):
    return not isinstance(value, str) or (is_uri_reference(value) and bool(SCHEME.match(value)))


def format_checker():
    checker = jsonschema.FormatChecker()
    checker.checks('uri-reference')(is_uri_reference)
    checker.checks('uri')(is_uri)
    return checker


def self_test():
    """The checker must tell the two apart, or the run below proves nothing."""
    assert is_uri_reference('%E4%BD%93%E8%82%B2%20%E6%96%B0%E9%97%BB/a.txt')
    assert not is_uri_reference('体育 新闻/a.txt')
    assert not is_uri_reference('a b.txt')
    assert not is_uri_reference('a%zz.txt')
    assert not is_uri_reference('c:d/a.txt') or SCHEME.match('c:d/a.txt')
    assert is_uri('https://json.schemastore.org/sarif-2.1.0.json') and not is_uri('relative/a.txt')


def run_kanwu(kanwu, paths, out):
    with tempfile.TemporaryDirectory() as tmp:
        folder = os.path.join(tmp, '体育 新闻')
        os.mkdir(folder)
        with open(os.path.join(folder, '新建 文本文档.txt'), 'w', encoding='utf-8') as f:
            f.write('这是是一篇稿件,写在有空格的文件夹里。\n')
        r = subprocess.run([kanwu, 'check', '--format', 'sarif', '-o', out, *paths, folder])
        if r.returncode not in (0, 1):
            sys.exit(f'kanwu exited {r.returncode}')
    doc = json.load(open(out, encoding='utf-8'))
    uris = [loc['physicalLocation']['artifactLocation']['uri']
            for res in doc['runs'][0]['results'] for loc in res['locations']]
    assert any(u.endswith('%E4%BD%93%E8%82%B2%20%E6%96%B0%E9%97%BB/%E6%96%B0%E5%BB%BA%20'
                          '%E6%96%87%E6%9C%AC%E6%96%87%E6%A1%A3.txt') for u in uris), \
        'the draft named with spaces and Chinese must be reported, percent-encoded'


def main():
    self_test()
    schema = json.load(open(sys.argv[1], encoding='utf-8'))
    if sys.argv[2] == '--kanwu':
        sarif = os.path.join(tempfile.gettempdir(), f'kanwu-sarif-{os.getpid()}.json')
        run_kanwu(sys.argv[3], sys.argv[4:], sarif)
    else:
        sarif = sys.argv[2]
    doc = json.load(open(sarif, encoding='utf-8'))
    cls = jsonschema.validators.validator_for(schema)
    validator = cls(schema, format_checker=format_checker())
    errors = sorted(validator.iter_errors(doc), key=lambda e: list(e.path))
    for e in errors[:20]:
        print('schema error at', '/'.join(map(str, e.path)) or '(root)', ':', e.message[:300])
    run = doc['runs'][0]
    assert run['columnKind'] == 'unicodeCodePoints', 'columns must be declared as code points'
    assert run['tool']['driver']['rules'], 'rules must be listed'
    assert any('relatedLocations' in r for r in run['results']), 'conflicts and duplicates carry related locations'
    assert any('fixes' in r for r in run['results']), 'fixes must be present'
    print(f"{len(run['results'])} results, {len(errors)} schema errors (formats checked)")
    sys.exit(1 if errors else 0)


if __name__ == '__main__':
    main()
