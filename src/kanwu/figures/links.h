// Links between claims: a figure that has no metric of its own belongs to
// the figure before it. In 进出口2.59万亿元，同比增长9.9%，占15.4%, the rate
// and the share are linked to the total (Claim::anchor) and take its
// metric, period and subject; a rate is also linked to the increase of the
// same total (Claim::increase), which figure-arithmetic checks. Run by the
// claim loop as each claim is read (link), and once over the document's
// claims at the end (mark_ambiguous: two different values read as the same
// metric in one sentence are not compared).
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "kanwu/doc/document.h"
#include "kanwu/figures/claim.h"

namespace kanwu::figure_stages {

// "+q1+q2": the part of a metric key that says the qualifiers.
std::string qualifier_suffix(const std::vector<std::string>& qualifiers);

// Links change or rate `c` (not yet among `claims`, the claims read so far)
// to the figure right before it in its sentence, whose sentence's first
// claim is `sentence_first_claim`; leaves it unlinked across a ；.
void link(const Document& doc, const std::vector<Claim>& claims, Claim& c, std::size_t sentence_first_claim);

// Marks as ambiguous the claims of one paragraph that share a metric key,
// subject and period but differ in value.
void mark_ambiguous(std::vector<Claim>& claims);

}  // namespace kanwu::figure_stages
