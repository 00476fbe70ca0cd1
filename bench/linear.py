#!/usr/bin/env python3
"""Linear everywhere (issue 27): time per MB at a small and a large input
for the three cases that were quadratic, each within 1.5x.

  figures  one Markdown paragraph of statistical prose (lines joined by
           single line breaks: one block), `kanwu check -j 1`
  fix      `kanwu check --fix -j 1` on a file with one safe fix a line
           (8 MB: about 500,000 fixes)
  serve    one `POST /api/check` to `kanwu serve` of many small documents
           all named a.txt (the server renames them a-2.txt, a-3.txt …)

Usage: bench/linear.py path/to/kanwu [--quick] [--runs N] [--cases figures,fix,serve]

Sizes are 1 and 8 MB (--quick: 0.25 and 2 MB), and for figures also
0.125 MB (a block is checked in pieces of 1 MiB: see main()); the server
takes requests of up to 5 MB, so its sizes are half (0.5 and 4 MB: the
same 8x step). Each time is the median of --runs runs (default 3, --quick 1).
Exits 1 when a case's time per MB at a larger size is over 1.5x that at
the next smaller one. Registered in no test: run it by hand, record in
bench/RESULTS.md.
"""
import http.client
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

LIMIT = 1.5
METRICS = ['地区生产总值', '城镇新增就业', '粮食产量', '社会消费品零售总额', '固定资产投资',
           '进出口总额', '一般公共预算收入', '居民人均可支配收入']


def statistical_prose(size):
    """Sentences with a year, a metric, a value and a rate, three a line.
    A metric's figures agree everywhere (values depend on the metric and the
    year alone): figure reading is measured, not thousands of conflicts."""
    def sentence(i):
        m, y = i % len(METRICS), 2015 + (i // len(METRICS)) % 10
        return f'{y}年，全市{METRICS[m]}达到{1000 + 37 * m + 211 * (y - 2015)}.{m}亿元，同比增长{(m + y) % 9 + 1}.{y % 10}%。'
    lines, n, i = [], 0, 0
    while n < size:
        line = ''.join(sentence(i + k) for k in range(3))
        lines.append(line)
        n += len(line.encode()) + 1
        i += 3
    return '\n'.join(lines) + '\n'


def fixable(size):
    """One half-width comma between Han characters a line: one safe fix."""
    line = '管网,已完成。\n'  # 20 bytes: 8 MB hold 400,000 fixes
    return line * (size // len(line.encode()))


def timed(command):
    started = time.perf_counter()
    r = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    elapsed = time.perf_counter() - started
    if r.returncode not in (0, 1):
        sys.exit(f'{" ".join(command)}: exit {r.returncode}\n{r.stderr}')
    return elapsed, r.stderr


def figures(kanwu, folder, size, runs):
    path = os.path.join(folder, f'prose-{size}.md')
    with open(path, 'w', encoding='utf-8') as f:
        f.write(statistical_prose(size))
    return [timed([kanwu, 'check', '-q', '-j', '1', path])[0] for _ in range(runs)], ''


def fix(kanwu, folder, size, runs):
    original = os.path.join(folder, f'fixable-{size}.txt')
    with open(original, 'w', encoding='utf-8') as f:
        f.write(fixable(size))
    times, said = [], ''
    for k in range(runs):
        path = os.path.join(folder, f'fixing-{size}-{k}.txt')
        shutil.copyfile(original, path)
        elapsed, err = timed([kanwu, 'check', '--fix', '-q', '-j', '1', path])
        times.append(elapsed)
        said = next((l for l in err.splitlines() if 'applied' in l), err.strip())
        os.remove(path)
    return times, said.replace('kanwu: ', '')


def serve(kanwu, folder, size, runs):
    text = '今年全市经济运行总体平稳。'
    document = {'text': text, 'filename': 'a.txt'}
    per = len(json.dumps(document, ensure_ascii=False).encode()) + 1
    body = json.dumps({'documents': [document] * (size // per)}, ensure_ascii=False).encode()
    proc = subprocess.Popen([kanwu, 'serve', '--port', '0', '--time-limit', '600'], stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, text=True)
    try:
        port = int(proc.stdout.readline().rsplit(':', 1)[1].split('/')[0])
        times = []
        for _ in range(runs):
            conn = http.client.HTTPConnection('127.0.0.1', port, timeout=600)
            started = time.perf_counter()
            conn.request('POST', '/api/check', body=body, headers={'Content-Type': 'application/json'})
            r = conn.getresponse()
            answer = r.read()
            times.append(time.perf_counter() - started)
            if r.status != 200:
                sys.exit(f'serve: {r.status} {answer[:200]!r}')
            conn.close()
        return times, f'{size // per:,} documents named a.txt'
    finally:
        proc.kill()
        proc.wait()


def main():
    args = sys.argv[1:]
    quick = '--quick' in args
    runs = 1 if quick else 3
    if '--runs' in args:
        runs = int(args[args.index('--runs') + 1])
    kanwu = os.path.abspath(args[0])
    # Figures: also 1/8 MB against 1 MB. kanwu cuts a block into pieces of
    # 1 MiB, so reading that is quadratic inside a piece is linear from 1 MB
    # to 8 MB (it was: 17.9 and 19.0 s per MB) and shows only below 1 MB.
    sizes = {'figures': [250_000, 2_000_000] if quick else [125_000, 1_000_000, 8_000_000],
             'fix': [250_000, 2_000_000] if quick else [1_000_000, 8_000_000],
             'serve': [125_000, 1_000_000] if quick else [500_000, 4_000_000]}
    failed = False
    print('| case | smaller | larger | per MB smaller | per MB larger | ratio | within 1.5x | what was done |')
    print('|---|---|---|---|---|---|---|---|')
    with tempfile.TemporaryDirectory() as folder:
        cases = args[args.index('--cases') + 1].split(',') if '--cases' in args else ['figures', 'fix', 'serve']
        for name, measure in (('figures', figures), ('fix', fix), ('serve', serve)):
            if name not in cases:
                continue
            rows = []
            for size in sizes[name]:
                times, said = measure(kanwu, folder, size, runs)
                t = statistics.median(times)
                rows.append((size, t, t / (size / 1e6), said))
            for a, b in zip(rows, rows[1:]):
                ratio = b[2] / a[2]
                ok = ratio <= LIMIT
                failed = failed or not ok
                notes = '; '.join(r[3] for r in (a, b) if r[3])
                print(f'| {name} | {a[0] / 1e6:g} MB {a[1]:.2f} s | {b[0] / 1e6:g} MB {b[1]:.2f} s '
                      f'| {a[2]:.3f} s | {b[2]:.3f} s | {ratio:.2f} | {"yes" if ok else "**no**"} | {notes} |',
                      flush=True)
    sys.exit(1 if failed else 0)


if __name__ == '__main__':
    main()
