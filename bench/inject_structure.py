#!/usr/bin/env python3
"""Structural defects injected into real text: recall per rule and construction.

  inject_structure.py KANWU CORPUS --seed SEED --half tune|held [--per 20] [--out DIR] [--json]

Takes files of CORPUS/real and CORPUS/real-more (government reports, news
transcripts, People's Daily; not the Vue docs), keeps the half named by
--half (SHA-1 of the file name: first hex digit even = tune, odd = held),
and injects ONE structural defect per file (one place), --per files per
construction, chosen with a fixed --seed. kanwu checks the injected files and,
as the control, the same files untouched; a defect is found when the rule
(or its family: duplicate-across-files counts for duplicate-paragraph) reports
on the injected line in that file. Findings of the structural rules in the
injected files beyond the control's and the injected places are counted as
side effects (a defect that made the rule say something elsewhere).

Constructions (every inserted word or caption is our own; corpus text is
only moved or copied inside the temporary folder, never into the project):
  duplicate-paragraph  exact-multi     a paragraph of 2+ sentences copied later in the document
                       exact-one       a one-sentence paragraph of 60-110 characters copied later
                       near            a paragraph copied later with one word changed (推进→推动)
                       across-drafts   a paragraph of one draft copied into another of 5 checked together
  wrapped-heading      once-tail       a title wrapped once: long first line, 1-3 character tail
                       numbered        a numbered section heading (二、…) wrapped once
                       wrap-3, wrap-4  a title wrapped at a fixed width into 3 or 4 lines
  broken-paragraph     adjacent-txt    a paragraph broken mid-sentence, halves adjacent (plain text)
                       between-txt     the same with a caption or a page marker between the halves
                       adjacent-md     broken, halves adjacent, in a Markdown news transcript
                       between-md      the same with a caption between, in Markdown
Breaks and wraps fall inside a word (a word of jieba's list spans the cut),
as layout cuts them at a fixed width.
"""
import argparse
import collections
import hashlib
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile

SOURCES = [
    ("real", "gov-reports-2026"),
    ("real", "xinwenlianbo"),
    ("real-more", "central-gov-reports-1954-2025"),
    ("real-more", "cpc-congress-reports"),
    ("real-more", "peoples-daily-2025"),
    ("real-more", "provincial-gov-reports-2025"),
]
JIEBA_DICT = "/usr/lib/python3/dist-packages/jieba/dict.txt"
FAMILY = {"duplicate-across-files": "duplicate-paragraph"}
STRUCTURAL = {"duplicate-paragraph", "wrapped-heading", "broken-paragraph", "split-heading", "layout-debris"}
# One word changed in a near copy: each to a word of like meaning.
SWAPS = [("推进", "推动"), ("推动", "促进"), ("加强", "强化"), ("提高", "提升"), ("提升", "提高"),
         ("实现", "达到"), ("持续", "不断"), ("积极", "主动"), ("加快", "加速"), ("完善", "健全"),
         ("促进", "推动"), ("开展", "组织"), ("建设", "建成"), ("重要", "关键"), ("全面", "全力")]
# What stands between the halves of a broken paragraph: our own captions,
# a page marker, a short heading.
BETWEEN = ["图为江州市新建的社区养老服务中心。李州 摄", "（下转第二版）", "江州新区夜景。本报记者 王江摄",
           "守护健康 服务群众", "图为村民在合作社车间分拣农产品。"]
SENTENCE_END = "。！？"
HAN = re.compile(r"[\u4e00-\u9fff]")


def half_of(name):
    return "tune" if int(hashlib.sha1(name.encode("utf-8")).hexdigest()[0], 16) % 2 == 0 else "held"


def load_words():
    words = set()
    try:
        with open(JIEBA_DICT, encoding="utf-8") as fh:
            for line in fh:
                w = line.split(" ", 1)[0]
                if 2 <= len(w) <= 4 and all(HAN.match(c) for c in w):
                    words.add(w)
    except OSError:
        sys.exit(f"{JIEBA_DICT} not found (Debian package python3-jieba)")
    return words


def inside_word(text, p, words):
    """True when a listed word spans the cut before text[p]."""
    for a in range(1, 4):
        for b in range(1, 4):
            if 2 <= a + b <= 4 and p - a >= 0 and p + b <= len(text) and text[p - a:p + b] in words:
                return True
    return False


def sentences(line):
    return sum(1 for i, c in enumerate(line) if c in SENTENCE_END and (i + 1 == len(line) or line[i + 1] not in SENTENCE_END))


def body_lines(lines):
    """Indices of prose paragraphs: a line of 30+ characters ending a sentence."""
    out = []
    for i, line in enumerate(lines):
        s = line.strip()
        if len(s) >= 30 and s[-1] in SENTENCE_END + "”" and not s.startswith(("#", "|", ">", "-", "*")) and HAN.search(s):
            out.append(i)
    return out


def heading_lines(lines):
    """Short title lines: 9-40 characters, no clause marks, followed by prose."""
    out = []
    for i, line in enumerate(lines[:-2]):
        s = line.strip()
        if s != line or not (9 <= len(s) <= 40) or any(m in s for m in "，。；：！？,;:!?（）()《》“”"):
            continue
        if sum(1 for c in s if HAN.match(c)) < len(s) * 0.8 and not re.match(r"^[一二三四五六七八九十]+、", s):
            continue
        nxt = next((l for l in lines[i + 1:] if l.strip()), "")
        prev = next((l for l in reversed(lines[:i]) if l.strip()), "")
        # A title stands between paragraphs, not inside one whose 《》 the
        # source set on lines of their own.
        if prev.strip() and prev.strip()[-1] not in SENTENCE_END + "”）":
            continue
        first_line = not prev.strip()  # a news page's title line
        if (first_line or len(nxt.strip()) >= 30) and not nxt.strip().startswith(("》", "）", "”")):
            out.append(i)
    return out


class Doc:
    """A file as lines, with its own paragraph separator (a blank line or none)."""

    def __init__(self, path):
        self.path = path
        with open(path, encoding="utf-8") as fh:
            self.text = fh.read()
        self.lines = self.text.split("\n")
        self.md = path.endswith(".md")
        blank = sum(1 for l in self.lines if not l.strip())
        self.sep = [""] if blank * 3 >= len(self.lines) else []

    def insert_after(self, i, new_lines):
        """Inserts paragraphs after line i; returns the line index of the first."""
        block = []
        for l in new_lines:
            block += self.sep + [l]
        self.lines[i + 1:i + 1] = block
        return i + 1 + len(self.sep)

    def replace(self, i, new_lines):
        """Replaces line i by paragraphs; returns the line index of the first."""
        block = []
        for k, l in enumerate(new_lines):
            if k > 0:
                block += self.sep
            block.append(l)
        self.lines[i:i + 1] = block
        return i

    def save(self, path):
        with open(path, "w", encoding="utf-8") as fh:
            fh.write("\n".join(self.lines))


def pick_copy_place(rng, doc, i):
    later = [k for k in body_lines(doc.lines) if k > i + 2]
    return rng.choice(later) if later else None


def dup_exact(rng, doc, words, one_sentence):
    cands = [i for i in body_lines(doc.lines)
             if (sentences(doc.lines[i]) == 1 and 60 <= len(doc.lines[i].strip()) <= 110) == one_sentence
             and (one_sentence or sentences(doc.lines[i]) >= 2) and len(doc.lines[i].strip()) <= 500]
    rng.shuffle(cands)
    for i in cands:
        k = pick_copy_place(rng, doc, i)
        if k is not None and doc.lines.count(doc.lines[i]) == 1:
            return doc.insert_after(k, [doc.lines[i]])
    return None


def dup_near(rng, doc, words):
    cands = [i for i in body_lines(doc.lines) if 40 <= len(doc.lines[i].strip()) <= 400]
    rng.shuffle(cands)
    for i in cands:
        line = doc.lines[i]
        swaps = [(a, b) for a, b in SWAPS if a in line]
        k = pick_copy_place(rng, doc, i)
        if not swaps or k is None or doc.lines.count(line) > 1:
            continue
        a, b = rng.choice(swaps)
        at = rng.choice([m.start() for m in re.finditer(a, line)])
        return doc.insert_after(k, [line[:at] + b + line[at + len(a):]])
    return None


def cut_points(s, n, words, rng):
    """Cuts of a title into n lines at a fixed width, each nudged inside a word."""
    width = -(-len(s) // n)
    cuts = []
    for k in range(1, n):
        p = min(len(s) - 1, width * k)
        for q in (p, p - 1, p + 1):
            if 0 < q < len(s) and (not cuts or q > cuts[-1] + 1) and inside_word(s, q, words):
                p = q
                break
        cuts.append(p)
    return cuts if all(inside_word(s, p, words) for p in cuts) else None


def wrap(rng, doc, words, kind):
    cands = heading_lines(doc.lines)
    numbered = re.compile(r"^[一二三四五六七八九十]+、")
    cands = [i for i in cands if bool(numbered.match(doc.lines[i])) == (kind == "numbered")]
    rng.shuffle(cands)
    for i in cands:
        s = doc.lines[i]
        if kind in ("once-tail", "numbered"):
            if not 10 <= len(s) <= 20:
                continue
            tails = [p for p in range(len(s) - 3, len(s)) if p >= 4 and inside_word(s, p, words)]
            if not tails:
                continue
            cuts = [rng.choice(tails)]
        else:
            n = 3 if kind == "wrap-3" else 4
            if not (n * 3 <= len(s) <= n * 10):
                continue
            cuts = cut_points(s, n, words, rng)
            if not cuts:
                continue
        pieces = [s[a:b] for a, b in zip([0] + cuts, cuts + [len(s)])]
        return doc.replace(i, pieces)
    return None


def broken(rng, doc, words, between):
    cands = [i for i in body_lines(doc.lines) if 50 <= len(doc.lines[i].strip()) <= 600 and sentences(doc.lines[i]) >= 2]
    rng.shuffle(cands)
    for i in cands:
        line = doc.lines[i]
        lead = len(line) - len(line.lstrip())
        # A cut inside a word, in the middle of a sentence, 12+ characters from either end.
        cuts = [p for p in range(lead + 12, len(line) - 12)
                if HAN.match(line[p - 1]) and HAN.match(line[p]) and inside_word(line, p, words)]
        if not cuts:
            continue
        p = rng.choice(cuts)
        pieces = [line[:p], line[p:]]
        if between:
            pieces.insert(1, rng.choice(BETWEEN))
        return doc.replace(i, pieces)
    return None


CONSTRUCTIONS = {
    ("duplicate-paragraph", "exact-multi"): (lambda r, d, w: dup_exact(r, d, w, False), "any"),
    ("duplicate-paragraph", "exact-one"): (lambda r, d, w: dup_exact(r, d, w, True), "any"),
    ("duplicate-paragraph", "near"): (dup_near, "any"),
    ("wrapped-heading", "once-tail"): (lambda r, d, w: wrap(r, d, w, "once-tail"), "txt"),
    ("wrapped-heading", "numbered"): (lambda r, d, w: wrap(r, d, w, "numbered"), "txt"),
    ("wrapped-heading", "wrap-3"): (lambda r, d, w: wrap(r, d, w, "wrap-3"), "txt"),
    ("wrapped-heading", "wrap-4"): (lambda r, d, w: wrap(r, d, w, "wrap-4"), "txt"),
    ("broken-paragraph", "adjacent-txt"): (lambda r, d, w: broken(r, d, w, False), "txt"),
    ("broken-paragraph", "between-txt"): (lambda r, d, w: broken(r, d, w, True), "txt"),
    ("broken-paragraph", "adjacent-md"): (lambda r, d, w: broken(r, d, w, False), "md"),
    ("broken-paragraph", "between-md"): (lambda r, d, w: broken(r, d, w, True), "md"),
}


def corpus_files(corpus, half):
    files = []
    for top, name in SOURCES:
        folder = os.path.join(corpus, top, name)
        if not os.path.isdir(folder):
            continue
        for f in sorted(os.listdir(folder)):
            if f.endswith((".txt", ".md")) and half_of(f) == half:
                files.append(os.path.join(folder, f))
    return files


def run_kanwu(kanwu, paths, extra=()):
    r = subprocess.run([kanwu, "check", "--format", "json", "--max-per-file", "0", "--jobs", "2", *extra, *paths],
                       capture_output=True, text=True)
    if r.returncode not in (0, 1):
        raise SystemExit(f"kanwu failed ({r.returncode}): {r.stderr[:400]}")
    return json.loads(r.stdout)["findings"]


def inject(args, words, constructions=None, across_drafts=True):
    constructions = CONSTRUCTIONS if constructions is None else constructions
    rng = random.Random(f"{args.seed}/{args.half}")
    files = corpus_files(args.corpus, args.half)
    rng.shuffle(files)
    used, manifest = set(), []
    out = args.out
    single = os.path.join(out, "single")
    control = os.path.join(out, "control")
    os.makedirs(single)
    os.makedirs(control)
    for (rule, construction), (make, fmt) in constructions.items():
        made = 0
        for path in files:
            if made >= args.per:
                break
            if path in used or (fmt != "any" and not path.endswith("." + fmt)):
                continue
            doc = Doc(path)
            line = make(rng, doc, words)
            if line is None:
                continue
            used.add(path)
            name = f"{len(manifest):03d}-{os.path.basename(path)}"
            doc.save(os.path.join(single, name))
            shutil.copyfile(path, os.path.join(control, name))
            manifest.append({"file": os.path.join("single", name), "control": os.path.join("control", name),
                             "line": line + 1, "rule": rule, "construction": construction})
            made += 1
    if not across_drafts:
        return manifest
    # Across drafts: runs of five drafts of one source, one paragraph of one
    # copied into another.
    by_source = collections.defaultdict(list)
    for path in files:
        if path not in used:
            by_source[os.path.dirname(path)].append(path)
    runs = 0
    sources = sorted(by_source)
    while runs < args.per and any(len(v) >= 5 for v in by_source.values()):
        src = sources[runs % len(sources)]
        if len(by_source[src]) < 5:
            sources.remove(src)
            continue
        drafts = [by_source[src].pop() for _ in range(5)]
        docs = [Doc(p) for p in drafts]
        a, b = rng.sample(range(5), 2)
        paras = [i for i in body_lines(docs[a].lines) if 40 <= len(docs[a].lines[i].strip()) <= 400]
        places = body_lines(docs[b].lines)
        if not paras or not places:
            continue
        line = docs[b].insert_after(rng.choice(places), [docs[a].lines[rng.choice(paras)]])
        run_dir = os.path.join(out, f"run{runs:02d}")
        control_dir = os.path.join(out, f"control-run{runs:02d}")
        os.makedirs(run_dir)
        os.makedirs(control_dir)
        for k, (p, d) in enumerate(zip(drafts, docs)):
            d.save(os.path.join(run_dir, os.path.basename(p)))
            shutil.copyfile(p, os.path.join(control_dir, os.path.basename(p)))
        manifest.append({"file": os.path.join(f"run{runs:02d}", os.path.basename(drafts[b])),
                         "control": os.path.join(f"control-run{runs:02d}", os.path.basename(drafts[b])),
                         "line": line + 1, "rule": "duplicate-paragraph", "construction": "across-drafts",
                         "run": f"run{runs:02d}"})
        runs += 1
    return manifest


def score(args, manifest, scored=STRUCTURAL):
    out = args.out
    findings = run_kanwu(args.kanwu, [os.path.join(out, "single")]) + run_kanwu(args.kanwu, [os.path.join(out, "control")])
    for run in sorted({m["run"] for m in manifest if "run" in m}):
        findings += run_kanwu(args.kanwu, [os.path.join(out, run)])
        findings += run_kanwu(args.kanwu, [os.path.join(out, "control-" + run)])
    by_file = collections.defaultdict(list)
    for f in findings:
        rule = FAMILY.get(f["rule"], f["rule"])
        if rule in scored:
            by_file[os.path.relpath(os.path.abspath(f["file"]), os.path.abspath(out))].append((rule, f["line"], f.get("end_line", f["line"])))
            # A copy across drafts is reported on whichever draft the run
            # reads second; the pair names the other copy.
            if f["rule"] == "duplicate-across-files":
                for r in f.get("related", []):
                    by_file[os.path.relpath(os.path.abspath(r["file"]), os.path.abspath(out))].append(
                        (rule, r["line"], r.get("end_line", r["line"])))
    hits = collections.Counter()
    total = collections.Counter()
    side = collections.Counter()
    # What the rules say on the untouched files: each is a false alarm or a
    # defect of the published text, to be read.
    for m in manifest:
        for r, _, _ in by_file.get(m["control"], []):
            side["control:" + r] += 1
    missed = []
    for m in manifest:
        key = (m["rule"], m["construction"])
        total[key] += 1
        got = by_file.get(m["file"], [])
        hit = any(r == m["rule"] and s <= m["line"] <= e for r, s, e in got)
        hits[key] += hit
        if not hit:
            missed.append(m)
        control = collections.Counter(r for r, _, _ in by_file.get(m["control"], []))
        injected = collections.Counter(r for r, s, e in got if not (r == m["rule"] and s <= m["line"] <= e))
        for r in injected:
            side[r] += max(0, injected[r] - control[r])
    return hits, total, side, missed


def main(constructions=None, scored=STRUCTURAL, across_drafts=True, description=__doc__, what="structural"):
    ap = argparse.ArgumentParser(description=description.split("\n")[0])
    ap.add_argument("kanwu")
    ap.add_argument("corpus")
    ap.add_argument("--seed", required=True)
    ap.add_argument("--half", choices=["tune", "held"], required=True)
    ap.add_argument("--per", type=int, default=20, help="defects per construction")
    ap.add_argument("--out", help="keep the injected files here (default: a temporary folder)")
    ap.add_argument("--show-missed", action="store_true")
    ap.add_argument("--min", type=float, default=0.0, help="exit 1 when a rule's recall is below this")
    args = ap.parse_args()
    words = load_words()
    tmp = None
    if not args.out:
        tmp = tempfile.TemporaryDirectory()
        args.out = tmp.name
    elif os.path.exists(args.out):
        shutil.rmtree(args.out)
    manifest = inject(args, words, constructions, across_drafts)
    with open(os.path.join(args.out, "manifest.jsonl"), "w", encoding="utf-8") as fh:
        for m in manifest:
            fh.write(json.dumps(m, ensure_ascii=False) + "\n")
    hits, total, side, missed = score(args, manifest, scored)
    print(f"seed {args.seed}, {args.half} half: {len(manifest)} defects, one per file\n")
    print("| rule | construction | injected | found | recall |")
    print("|---|---|---:|---:|---:|")
    per_rule_hits, per_rule_total = collections.Counter(), collections.Counter()
    for key in total:
        print(f"| {key[0]} | {key[1]} | {total[key]} | {hits[key]} | {100 * hits[key] / total[key]:.0f}% |")
        per_rule_hits[key[0]] += hits[key]
        per_rule_total[key[0]] += total[key]
    worst = 1.0
    for rule in per_rule_total:
        r = per_rule_hits[rule] / per_rule_total[rule]
        worst = min(worst, r)
        print(f"| **{rule}** | all | {per_rule_total[rule]} | {per_rule_hits[rule]} | **{100 * r:.0f}%** |")
    print(f"\nside effects ({what} findings in injected files beyond the control's and the injected place;"
          " control:RULE counts findings on the untouched files):", dict(side) or "none")
    if args.show_missed:
        for m in missed:
            path = os.path.join(args.out, m["file"])
            lines = open(path, encoding="utf-8").read().split("\n")
            ctx = " ⏎ ".join(l[:60] for l in lines[max(0, m["line"] - 2):m["line"] + 3])
            print(f"MISSED {m['rule']}/{m['construction']} {m['file']}:{m['line']}: {ctx}")
    if tmp:
        tmp.cleanup()
    sys.exit(1 if worst < args.min else 0)


if __name__ == "__main__":
    main()
