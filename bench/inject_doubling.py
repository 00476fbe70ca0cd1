#!/usr/bin/env python3
"""Doubled words injected into real text: recall of repeated-word per construction.

  inject_doubling.py KANWU CORPUS --seed SEED --half tune|held [--per 30] [--out DIR]

The same corpus, halves (SHA-1 of the file name), control and scoring as
inject_structure.py: ONE doubling per file, at a place where the word list
(jieba's, as Debian ships it) has a word boundary on both sides, so the
doubled unit is a whole word as a writer's slip doubles it:
  word            a listed word of 2-4 characters doubled (加快加快推进)
  function-char   的, 了, 是, 在 or 和 between Han characters doubled (的的)
  list            a listed noun before a number repeated across 、 (学位、学位2.5万个)
Words of the list tagged as numerals (m), names (nr, ns, nt, nz) or state
words (z) are not doubled: their doubling can be grammar (许多许多).
"""
import re

import inject_structure as base

FUNCTION_CHARS = "的了是在和"
SKIPPED_TAGS = {"m", "nr", "ns", "nt", "nz", "nrt", "nrfg", "z"}
HAN = base.HAN


def load_tags():
    tags = {}
    with open(base.JIEBA_DICT, encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            if len(parts) >= 3 and 2 <= len(parts[0]) <= 4 and all(HAN.match(c) for c in parts[0]):
                tags[parts[0]] = parts[2]
    return tags


TAGS = None


def tags():
    global TAGS
    if TAGS is None:
        TAGS = load_tags()
    return TAGS


def whole_word_places(line, words, lengths=(2, 3, 4), wanted=None):
    """(position, word): a listed word with no listed word running across either end."""
    out = []
    for p in range(len(line)):
        for n in lengths:
            w = line[p:p + n]
            if len(w) < n or w not in words or not all(HAN.match(c) for c in w):
                continue
            tag = tags().get(w, "")
            if tag in SKIPPED_TAGS or (wanted and tag not in wanted):
                continue
            if base.inside_word(line, p, words) or base.inside_word(line, p + n, words):
                continue
            # Already doubled, or a unit of an AABB / ABAB form.
            if line[p + n:p + 2 * n] == w or (p >= n and line[p - n:p] == w):
                continue
            out.append((p, w))
    return out


def insert_in_a_line(rng, doc, places_in, inserted):
    """Inserts into one prose line chosen at random among those with a place:
    places_in(line) lists (position, text) pairs; inserted(text) is what goes
    in at the position. Returns the line's index, or None when no line has one."""
    cands = [i for i in base.body_lines(doc.lines) if 30 <= len(doc.lines[i].strip()) <= 400]
    rng.shuffle(cands)
    for i in cands:
        places = places_in(doc.lines[i])
        if places:
            p, text = rng.choice(places)
            doc.lines[i] = doc.lines[i][:p] + inserted(text) + doc.lines[i][p:]
            return i
    return None


def double_word(rng, doc, words):
    return insert_in_a_line(rng, doc, lambda line: [(p + len(w), w) for p, w in whole_word_places(line, words)],
                            lambda w: w)


def double_function_char(rng, doc, words):
    def places(line):
        return [(p + 1, line[p]) for p in range(1, len(line) - 1)
                if line[p] in FUNCTION_CHARS and HAN.match(line[p - 1]) and HAN.match(line[p + 1])
                and line[p + 1] != line[p] and line[p - 1] != line[p]
                and not base.inside_word(line, p, words) and not base.inside_word(line, p + 1, words)]
    return insert_in_a_line(rng, doc, places, lambda c: c)


def list_repeat(rng, doc, words):
    def places(line):
        return [(p + len(w), w) for p, w in whole_word_places(line, words, (2, 3), {"n"})
                if p + len(w) < len(line) and re.match(r"[0-9]", line[p + len(w)])]
    return insert_in_a_line(rng, doc, places, lambda w: "、" + w)


CONSTRUCTIONS = {
    ("repeated-word", "word"): (double_word, "any"),
    ("repeated-word", "function-char"): (double_function_char, "any"),
    ("repeated-word", "list"): (list_repeat, "any"),
}

if __name__ == "__main__":
    base.main(CONSTRUCTIONS, scored={"repeated-word"}, across_drafts=False, description=__doc__,
              what="repeated-word")
