#!/usr/bin/env python3
"""Restated-figure pairs built from real text nobody on the project has read.

    make_figure_pairs.py CORPUS_DIR OUT_DIR [--seed S] [--max N]

The hand-made pairs in ../shared/corpus/figure-pairs are few and were all
read while the figure reader was tuned. This builds pairs the same way from
any folder of real reports and news (one per document at most), so that a
change can be measured on text it was not written from: split the corpus,
build pairs from the half you read, and score the other half's only at the
end (bench/PRECISION.md). Output: OUT_DIR/pairNNN/{a,b}.txt and
OUT_DIR/expected.json, in the format of ../shared/tools/score-figure-pairs.py.

Each pair takes one paragraph stating at least three figures with units.
a.txt is the document's title and that paragraph. b.txt restates it as
another outlet would: a headline of its own, a dateline, the paragraph
lightly reworded (达到 → 达, 同比增长 → 增长, 比上年 → 较上年 …), and the
year sometimes written as 去年 under the next year's dateline. Then:
  * conflict: one figure of the paragraph changed in b (two digits swapped,
    the unit's scale off by ten, or the last digit changed);
  * agree: nothing changed;
  * lookalike: the paragraph's year moved back one in b, and a figure
    changed: a different period, which is not a conflict.
"""
import argparse
import json
import os
import random
import re

FIGURE = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)(万亿|亿|万|千)?(元|人次|人|户|家|个|吨|公里|千瓦|平方米|亩|件|项|所|张|套|辆|次|%)")
YEAR = re.compile(r"(?<!\d)(20[0-2]\d|19[5-9]\d)年")
REWORDINGS = [("达到", "达"), ("同比增长", "增长"), ("比上年", "较上年"), ("实现", "完成"), ("超过", "超"),
              ("全年", ""), ("累计", ""), ("共", ""), ("，", "，"), ("有力", ""), ("稳步", "")]
HEADLINES = ["数据速览", "权威发布", "一组数据看成效", "新闻速递", "数读"]


def paragraphs(path):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    blocks = [b.strip() for b in re.split(r"\n\s*\n", text) if b.strip()]
    return blocks


def candidates(blocks):
    for i, b in enumerate(blocks[1:], 1):
        if "\n" in b or len(b) > 400 or len(b) < 40:
            continue
        figs = [m for m in FIGURE.finditer(b)]
        if len(figs) >= 3:
            yield i, b, figs


def change_number(number, rng):
    """A slip as restatements make them: digits swapped, scale off by ten, last digit changed."""
    digits = [i for i, c in enumerate(number) if c.isdigit()]
    kinds = ["swap", "last", "scale"]
    rng.shuffle(kinds)
    for kind in kinds:
        if kind == "swap":
            pairs = [(a, b) for a, b in zip(digits, digits[1:]) if b == a + 1 and number[a] != number[b]]
            if pairs:
                a, b = rng.choice(pairs)
                return number[:a] + number[b] + number[a] + number[b + 1:]
        elif kind == "last":
            i = digits[-1]
            new = str((int(number[i]) + rng.choice([1, 2, 3, 7, 8, 9])) % 10)
            changed = number[:i] + new + number[i + 1:]
            if not re.fullmatch(r"0\d.*", changed):
                return changed
        elif kind == "scale" and "." in number:
            whole, frac = number.split(".")
            if len(frac) >= 1 and whole != "0":
                return whole + frac[0] + ("." + frac[1:] if frac[1:] else "")
    return None


def reword(text, rng):
    for old, new in REWORDINGS:
        if old in text and rng.random() < 0.5:
            text = text.replace(old, new, 1)
    return text


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus")
    ap.add_argument("out")
    ap.add_argument("--seed", default="kanwu-pairs")
    ap.add_argument("--max", type=int, default=60)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    files = sorted(os.path.join(d, f) for d, _, fs in os.walk(args.corpus, followlinks=True) for f in fs
                   if f.endswith((".txt", ".md")))
    rng.shuffle(files)
    os.makedirs(args.out, exist_ok=True)
    expected = []
    kinds = ["conflict", "conflict", "agree", "lookalike"]
    for path in files:
        if len(expected) >= args.max:
            break
        blocks = paragraphs(path)
        if len(blocks) < 3:
            continue
        found = list(candidates(blocks))
        if not found:
            continue
        index, para, figs = rng.choice(found)
        title = blocks[0][:60]
        # The source's own date line, when it has one, goes with its title
        # in a; b restates it under a dateline of its own (the same day,
        # unless it writes the year as 去年 below).
        source_date = blocks[1] if re.fullmatch(r"\d{4}年\d{1,2}月\d{1,2}日", blocks[1]) else ""
        kind = kinds[len(expected) % len(kinds)]
        years = YEAR.findall(para)
        if kind == "lookalike" and len(years) != 1:  # one year, named once, governs its sentence
            kind = "agree"
        b_para = reword(para, rng)
        # The figure to change: one whose number+unit occurs once in both texts.
        unique = [m for m in figs if para.count(m.group(0)) == 1 and b_para.count(m.group(0)) == 1]
        if kind == "lookalike":
            # Only the sentence that names the year is about that year.
            ym = YEAR.search(para)
            start = para.rfind("。", 0, ym.start()) + 1
            end = para.find("。", ym.end())
            end = len(para) if end < 0 else end
            in_year = lambda m: start <= m.start() < end
            unique = [m for m in unique if in_year(m)]
        if not unique:
            continue
        fig = rng.choice(unique)
        a_text = fig.group(0)
        b_text = a_text
        if kind in ("conflict", "lookalike"):
            new_number = change_number(fig.group(1), rng)
            if not new_number or new_number == fig.group(1):
                continue
            b_text = new_number + (fig.group(2) or "") + fig.group(3)
            if b_text in b_para:
                continue
            b_para = b_para.replace(a_text, b_text, 1)
        dateline = source_date
        if kind == "lookalike":
            # The same report a year earlier: the template stays, every figure differs.
            year = int(years[0])
            b_para = b_para.replace(f"{year}年", f"{year - 1}年", 1)
            for m in FIGURE.finditer(para):
                if not in_year(m) or m.group(0) in (a_text,) or b_para.count(m.group(0)) != 1:
                    continue
                other = change_number(m.group(1), rng)
                if other and other != m.group(1):
                    b_para = b_para.replace(m.group(0), other + (m.group(2) or "") + m.group(3), 1)
        elif years and len(set(years)) == 1 and para.find(years[0] + "年") < 12 and rng.random() < 0.5:
            # Only a year that opens the paragraph governs all its figures.
            # Another outlet, the next year: 2024年 becomes 去年 under its dateline.
            year = int(years[0])
            b_para = b_para.replace(f"{year}年", "去年", 1)
            dateline = f"{year + 1}年{rng.randint(1, 3)}月{rng.randint(1, 28)}日"
        if a_text not in para or para.count(a_text) != 1 or b_para.count(b_text) != 1:
            continue
        a_full = f"{title}\n\n{source_date}\n\n{para}\n" if source_date else f"{title}\n\n{para}\n"
        head = f"{rng.choice(HEADLINES)}：{title}"
        b_full = f"{head}\n\n{dateline}\n\n{b_para}\n" if dateline else f"{head}\n\n{b_para}\n"
        if a_full.count(a_text) != 1 or b_full.count(b_text) != 1:
            continue  # the scorer needs each figure once in its file
        name = f"pair{len(expected) + 1:03d}"
        os.makedirs(os.path.join(args.out, name), exist_ok=True)
        with open(os.path.join(args.out, name, "a.txt"), "w", encoding="utf-8") as f:
            f.write(a_full)
        with open(os.path.join(args.out, name, "b.txt"), "w", encoding="utf-8") as f:
            f.write(b_full)
        expected.append({"pair": name, "kind": kind, "source": os.path.relpath(path, args.corpus),
                         "note": f"generated: {kind}, figure {a_text} → {b_text}", "a": a_text, "b": b_text})
    with open(os.path.join(args.out, "expected.json"), "w", encoding="utf-8") as f:
        json.dump(expected, f, ensure_ascii=False, indent=1)
    print(f"{len(expected)} pairs in {args.out}")


if __name__ == "__main__":
    main()
