// duplicate-paragraph: paragraphs repeated exactly or nearly (a few
// characters or punctuation changed), within a draft or across a corpus.
// Candidates come from an index (exact hashes, MinHash LSH bands over
// character shingles), never from comparing all pairs.
#pragma once

#include "kanwu/rules/kind.h"

namespace kanwu {
const RuleKind& duplicate_paragraph_kind();
}
