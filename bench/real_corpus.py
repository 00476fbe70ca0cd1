#!/usr/bin/env python3
"""Benchmark corpora made of real text (../shared/corpus/real and the seeds).

The generated corpus (generate.py) recombines the seeds' sentences; it says
little about how kanwu behaves on text nobody wrote for it. These corpora are
built only from published pages, deterministically, outside the work tree:

  real/          the real corpus as it is: news days, reports, Markdown docs
  news/          the 250 《新闻联播》 days as they are
  news-months/   the days of each month joined into one file (30-400 KB)
  news-big/      the days repeated with per-copy edits until ~36 MB (the size
                 of a few years of transcripts); no two copies byte-identical
  one-file.md    one ~9 MB file: the days joined, then edited copies
  one-file-split/  the same text as one file per day (per-MB comparison)
  linear-5mb.md, linear-50mb.md  days and edited copies in one file, for
                 time per MB against file size
  stories-1k/, stories-20k/
                 single news stories (a day split at its ### headings) as
                 documents: the first 1,000 and 20,000, repeated with edits
  seeds200/      200 byte-identical copies of each seed page (an archive
                 holding many versions of one story: the duplicate index's
                 worst case)

A per-copy edit changes what a newsroom's later version changes: a figure
(one digit), a dropped paragraph, two paragraphs swapped.

  real_corpus.py OUT_DIR [--real DIR]
"""
import argparse
import os
import random
import re
import shutil

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DIGIT = re.compile(r'[0-9]')


def read(path):
    with open(path, encoding='utf-8') as f:
        return f.read()


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, 'w', encoding='utf-8') as f:
        f.write(text)


def edited(text, rng):
    """A later version of a text: paragraphs kept in order except for a swap
    or a drop, a few figures changed by one digit."""
    paras = text.split('\n\n')
    if len(paras) > 4:
        i = rng.randrange(1, len(paras) - 1)
        if rng.random() < 0.5:
            del paras[i]
        else:
            paras[i], paras[i + 1 if i + 1 < len(paras) else i - 1] = paras[i + 1 if i + 1 < len(paras) else i - 1], paras[i]
    for k, p in enumerate(paras):
        if rng.random() < 0.1:
            digits = [m.start() for m in DIGIT.finditer(p)]
            if digits:
                at = rng.choice(digits)
                paras[k] = p[:at] + str((int(p[at]) + 1) % 10) + p[at + 1:]
    return '\n\n'.join(paras)


def stories(day):
    """A day's transcript cut at its ### headings: one document per story."""
    parts = re.split(r'\n(?=### )', day)
    return [p.strip() + '\n' for p in parts[1:] if len(p) > 200]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('out')
    ap.add_argument('--real', default=os.path.join(ROOT, '..', 'shared', 'corpus', 'real'))
    args = ap.parse_args()
    out, real = args.out, args.real
    rng = random.Random(20261123)
    news_dir = os.path.join(real, 'xinwenlianbo')
    names = sorted(n for n in os.listdir(news_dir) if n.endswith('.md'))
    days = [(n, read(os.path.join(news_dir, n))) for n in names]

    if os.path.exists(out):
        shutil.rmtree(out)
    for folder in ('xinwenlianbo', 'gov-reports-2026', 'gov-reports-2026-one-line-paragraphs', 'vue-docs-zh-cn'):
        shutil.copytree(os.path.join(real, folder), os.path.join(out, 'real', folder),
                        ignore=shutil.ignore_patterns('*.yaml', '.*'))
    for n, t in days:
        write(os.path.join(out, 'news', n), t)

    months = {}
    for n, t in days:
        months.setdefault(n[:6], []).append(t)
    for m, ts in months.items():
        write(os.path.join(out, 'news-months', m + '.md'), '\n'.join(ts))

    copy = 0
    size = 0
    while size < 36_000_000:
        for n, t in days:
            text = t if copy == 0 else edited(t, rng)
            write(os.path.join(out, 'news-big', f'{copy:02d}', n), text)
            size += len(text.encode('utf-8'))
        copy += 1

    one = []
    size = 0
    copy = 0
    while size < 9_000_000:
        for n, t in days:
            text = t if copy == 0 else edited(t, rng)
            one.append(text)
            write(os.path.join(out, 'one-file-split', f'{copy:02d}-{n}'), text)
            size += len(text.encode('utf-8'))
            if size >= 9_000_000:
                break
        copy += 1
    write(os.path.join(out, 'one-file.md'), '\n'.join(one))

    pool = [s for _, t in days for s in stories(t)]
    docs = []
    copy = 0
    while len(docs) < 20_000:
        for s in pool:
            docs.append(s if copy == 0 else edited(s, rng))
            if len(docs) == 20_000:
                break
        copy += 1
    for i, d in enumerate(docs):
        write(os.path.join(out, 'stories-20k', f'{i // 1000:02d}', f'{i:05d}.md'), d)
        if i < 1000:
            write(os.path.join(out, 'stories-1k', f'{i:05d}.md'), d)

    seeds = os.path.join(ROOT, 'fixtures', 'seeds')
    for s in sorted(os.listdir(seeds)):
        if s.endswith('.txt'):
            t = read(os.path.join(seeds, s))
            for k in range(200):
                write(os.path.join(out, 'seeds200', f'{k:03d}-{s}'), t)

    # Linearity: one 5 MB and one 50 MB file of days and edited copies.
    for name, limit in (('linear-5mb.md', 5_000_000), ('linear-50mb.md', 50_000_000)):
        parts, size, copy = [], 0, 0
        while size < limit:
            for n, t in days:
                text = t if copy == 0 else edited(t, rng)
                parts.append(text)
                size += len(text.encode('utf-8'))
                if size >= limit:
                    break
            copy += 1
        write(os.path.join(out, name), '\n'.join(parts))


if __name__ == '__main__':
    main()
