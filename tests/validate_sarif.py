#!/usr/bin/env python3
"""Validates a SARIF file against the SARIF 2.1.0 JSON schema kept in
../shared/schemas (referenced in place, not copied). Usage: validate_sarif.py SCHEMA SARIF"""
import json
import sys

import jsonschema

schema = json.load(open(sys.argv[1], encoding='utf-8'))
doc = json.load(open(sys.argv[2], encoding='utf-8'))
validator = jsonschema.validators.validator_for(schema)(schema)
errors = sorted(validator.iter_errors(doc), key=lambda e: list(e.path))
for e in errors[:20]:
    print('schema error at', '/'.join(map(str, e.path)) or '(root)', ':', e.message[:300])
run = doc['runs'][0]
assert run['columnKind'] == 'unicodeCodePoints', 'columns must be declared as code points'
assert run['tool']['driver']['rules'], 'rules must be listed'
assert any('relatedLocations' in r for r in run['results']), 'conflicts and duplicates carry related locations'
assert any('fixes' in r for r in run['results']), 'fixes must be present'
print(f"{len(run['results'])} results, {len(errors)} schema errors")
sys.exit(1 if errors else 0)
