#!/usr/bin/env python3
"""The shipped CI examples, run as far as this machine allows (issue 25): the
commands of ci/examples/gitlab-ci.yml and github-workflow.yml executed as
written in a local git repository whose merge request / pull request branch
left a main that moved on, with drafts in 「体育 新闻/新建 文本文档.txt」; their
settings (merge-request rules, the cache key, permissions, --fail-on error)
read from the YAML; the pre-commit hook's file pattern.

Usage: ci_examples_test.py KANWU (from the source root)."""
import json
import os
import re
import subprocess
import sys
import tempfile

import yaml

KANWU = os.path.abspath(sys.argv[1])
failures = []


def check(name, ok, detail=''):
    print(('ok   ' if ok else 'FAIL ') + name + ('' if ok else f': {detail}'))
    if not ok:
        failures.append(name)


def git(cwd, *args):
    return subprocess.run(['git', '-c', 'user.email=t@t', '-c', 'user.name=t', *args], cwd=cwd,
                          check=True, capture_output=True, text=True).stdout.strip()


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, 'w', encoding='utf-8') as f:
        f.write(text)


DRAFT = 'drafts/体育 新闻/新建 文本文档.txt'
OTHER = 'drafts/其他.txt'


def make_repository(tmp):
    """origin (main) → a clone on branch 'draft' that adds one line with a
    doubled word; main then changes another file's old defect away."""
    origin = os.path.join(tmp, 'origin')
    os.makedirs(origin)
    git(origin, 'init', '-q', '-b', 'main')
    write(os.path.join(origin, DRAFT), '旧的这是是一句。\n\n第二段。\n')
    write(os.path.join(origin, OTHER), '那是是旧的。\n')
    git(origin, 'add', '.')
    git(origin, 'commit', '-qm', 'base')
    work = os.path.join(tmp, 'work')
    git(tmp, 'clone', '-q', origin, work)
    git(work, 'checkout', '-q', '-b', 'draft')
    write(os.path.join(work, DRAFT), '旧的这是是一句。\n\n第二段。\n\n新加这是是一句。\n')
    git(work, 'commit', '-qam', 'draft')
    write(os.path.join(origin, OTHER), '那是新的。\n')
    git(origin, 'commit', '-qam', 'main moved on')
    git(work, 'fetch', '-q', 'origin')
    return work


def run_script(script, cwd, env):
    full_env = dict(os.environ, PATH=os.path.dirname(KANWU) + os.pathsep + os.environ['PATH'], **env)
    return subprocess.run(['bash', '-e', '-c', script], cwd=cwd, env=full_env, capture_output=True, text=True)


def kanwu_lines(commands):
    return [line for c in commands for line in c.splitlines() if re.match(r'\s*kanwu check\b', line)]


def gitlab(work):
    job = yaml.safe_load(open('ci/examples/gitlab-ci.yml', encoding='utf-8'))['kanwu']
    rules = json.dumps(job.get('rules', []))
    check('gitlab: runs in merge-request pipelines', 'merge_request_event' in rules, rules)
    key = str(job['cache']['key'])
    check('gitlab: the package cache is keyed on the kanwu version', 'KANWU_VERSION' in key
          and 'REF' not in key and 'BRANCH' not in key, key)
    script = job['script']
    check('gitlab: no FETCH_HEAD', not any('FETCH_HEAD' in s for s in script))
    failing = [l for l in kanwu_lines(script) if 'test $? -eq 1' not in l and '|| true' not in l]
    check('gitlab: a failing kanwu check fails on errors only', failing and all('--fail-on error' in l for l in failing),
          failing)
    changed = next(s for s in script if '--changed-since' in s)
    base = git(work, 'merge-base', 'origin/main', 'HEAD')
    r = run_script(changed, work, {'CI_MERGE_REQUEST_DIFF_BASE_SHA': base})
    check('gitlab: warnings do not fail the merge request', r.returncode == 0, r.stdout + r.stderr)
    report = json.load(open(os.path.join(work, 'gl-code-quality-report.json'), encoding='utf-8'))
    places = sorted((f['location']['path'], f['location']['positions']['begin']['line']) for f in report)
    check('gitlab: exactly the merge request\'s line, in a folder with a space', places == [(DRAFT, 5)], places)


def github(work):
    flow = yaml.safe_load(open('ci/examples/github-workflow.yml', encoding='utf-8'))
    perms = flow.get('permissions', {})
    check('github: security-events: write and actions: read', perms.get('security-events') == 'write'
          and perms.get('actions') == 'read', perms)
    text = open('ci/examples/github-workflow.yml', encoding='utf-8').read()
    check('github: says what a private repository needs', 'private' in text and 'Advanced Security' in text)
    steps = flow['jobs']['check']['steps']
    runs = [s['run'] for s in steps if 'run' in s]
    failing = [l for l in kanwu_lines(runs) if 'test $? -eq 1' not in l and '|| true' not in l]
    check('github: kanwu checks fail on errors only', failing and all('--fail-on error' in l for l in failing), failing)
    annotate = next(r for r in runs if '--changed-since' in r).replace('${{ github.base_ref }}', 'main')
    r = run_script(annotate, work, {})
    check('github: warnings do not fail the pull request', r.returncode == 0, r.stdout + r.stderr)
    files = re.findall(r'^::\w+ file=([^,]*),line=(\d+)', r.stdout, re.M)
    check('github: exactly the pull request\'s line, in a folder with a space', files == [(DRAFT, '5')], r.stdout)


def pre_commit():
    hook = yaml.safe_load(open('.pre-commit-hooks.yaml', encoding='utf-8'))[0]
    pattern = re.compile(hook['files'])  # pre-commit's `files` is a Python regex (re.search)
    for name in ['稿件.docx', 'drafts/体育 新闻/新建 文本文档.txt', 'a.md', 'b.markdown', 'C.DOCX']:
        check(f'pre-commit: {name} is checked', bool(pattern.search(name)), hook['files'])
    check('pre-commit: a script is not', not pattern.search('build.py'), hook['files'])


with tempfile.TemporaryDirectory() as tmp:
    work = make_repository(tmp)
    gitlab(work)
    github(work)
pre_commit()
print(f'{len(failures)} failed')
sys.exit(1 if failures else 0)
