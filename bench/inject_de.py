#!/usr/bin/env python3
"""的 written for 地 or 得 in real text: recall of the 的/地/得 rules per construction.

  inject_de.py KANWU CORPUS --seed SEED --half tune|held [--per 30] [--out DIR]

The same corpus, halves (SHA-1 of the file name), control and scoring as
inject_structure.py: ONE slip per file, made by replacing a particle the
published text uses correctly with 的, as a writer's slip does:
  adverbial    地 after a listed word of 2-4 characters and before a Han
               character, where 地 is in no listed word (有效地推动, not 土地,
               各地, 基地): 地 → 的
  complement   得 after a Han character and before a degree word or a Han
               character, where 得 is in no listed word (做得很好, not 取得,
               得到, 值得): 得 → 的
Every such place in real prose is a candidate, whatever follows the verb:
the measure is of the construction as writers use it, not of the cases the
rules were built for.
"""
import inject_structure as base

HAN = base.HAN


def replace_in_a_line(rng, doc, places_in, by):
    """Replaces one character, at a place chosen at random in one prose line
    chosen at random among those with a place. Returns the line's index."""
    cands = [i for i in base.body_lines(doc.lines) if 30 <= len(doc.lines[i].strip()) <= 400]
    rng.shuffle(cands)
    for i in cands:
        places = places_in(doc.lines[i])
        if places:
            p = rng.choice(places)
            doc.lines[i] = doc.lines[i][:p] + by + doc.lines[i][p + 1:]
            return i
    return None


def particle_places(line, words, particle):
    out = []
    for p in range(2, len(line) - 1):
        if line[p] != particle or not HAN.match(line[p + 1]) or not HAN.match(line[p - 1]):
            continue
        # The particle is in no listed word: a word ends just before it and
        # another may start just after it.
        if base.inside_word(line, p, words) or base.inside_word(line, p + 1, words):
            continue
        if any(line[p - n:p + 1] in words for n in (1, 2, 3)) or any(line[p:p + n] in words for n in (2, 3, 4)):
            continue
        out.append(p)
    return out


def adverbial(rng, doc, words):
    def places(line):
        return [p for p in particle_places(line, words, "地")
                if any(line[p - n:p] in words for n in (2, 3, 4))]
    return replace_in_a_line(rng, doc, places, "的")


def complement(rng, doc, words):
    return replace_in_a_line(rng, doc, lambda line: particle_places(line, words, "得"), "的")


CONSTRUCTIONS = {
    ("de-particle", "adverbial"): (adverbial, "any"),
    ("de-particle", "complement"): (complement, "any"),
}

if __name__ == "__main__":
    base.FAMILY["de-before-verb"] = "de-particle"
    base.main(CONSTRUCTIONS, scored={"de-particle"}, across_drafts=False, description=__doc__, what="de-particle")
