// A comparable figure as the ledger stores it, and back: the identity's
// parts and the values in columns (looked up, shown by `kanwu ledger`), the
// passage's facts as flags, the sentence in its own row (shared by the
// figures it holds). The group and the co-figures are not stored: they are
// derived again from what is (identify(), gather_cofigures()), so whatever
// figure-conflict reads of a draft's figure it reads of an archived one.
#pragma once

#include "kanwu/figures/comparable.h"
#include "kanwu/ledger/store.h"

namespace kanwu::ledger {

// The row of `figure`; `sentence`: its index in LedgerDocument::sentences.
LedgerClaim claim_row(const ComparableFigure& figure, int sentence);
// The sentence row a figure stands in (its passage's sentence and numbers).
LedgerSentence sentence_row(const ComparableFigure& figure, int index);
// The figures stored rows hold, in their order, with their co-figures
// gathered among them as comparable_figures() gathers a document's: pass
// every stored figure of a block (a StoredBlock's figures).
std::vector<ComparableFigure> figures_of(const std::vector<StoredClaim>& rows);

}  // namespace kanwu::ledger
