// A comparable figure as the ledger stores it, and back: the identity and
// values in columns (looked up, shown by `kanwu ledger`), the rest of the
// restatement evidence in one JSON column, the sentence in its own row
// (shared by the figures it holds). Whatever figure-conflict reads of a
// draft's figure it reads of an archived one.
#pragma once

#include "kanwu/figures/comparable.h"
#include "kanwu/ledger/store.h"

namespace kanwu::ledger {

// The row of `figure`; `sentence`: its index in LedgerDocument::sentences.
LedgerClaim claim_row(const ComparableFigure& figure, int sentence);
// The sentence row a figure stands in (its passage's sentence and numbers).
LedgerSentence sentence_row(const ComparableFigure& figure, int index);
// The figure a stored row holds; nullopt for a row written before schema
// version 2 (no group) or with evidence that does not parse.
std::optional<ComparableFigure> figure_of(const StoredClaim& row);

}  // namespace kanwu::ledger
