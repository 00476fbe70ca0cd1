// The archive ledger as the cross-document rules see it (kinds/archive.h):
// `kanwu check --ledger`, `kanwu serve --ledger` and the LSP open one and
// hand it to the check. A published correction (更正) stands in for the
// figure it corrects: the archived figure is compared with its corrected
// value, so a draft repeating the figure as first published is told.
#pragma once

#include <map>
#include <memory>

#include "kanwu/kinds/archive.h"
#include "kanwu/ledger/store.h"

namespace kanwu::ledger {

class LedgerArchive : public Archive {
 public:
  explicit LedgerArchive(std::unique_ptr<Ledger> ledger);
  std::string name() const override { return ledger_->name(); }
  std::vector<ArchivedFigure> figures_in(const std::vector<std::string>& groups) override;
  std::vector<ArchivedParagraph> paragraphs_like(const ParagraphSketch& sketch, std::size_t shingle,
                                                 std::size_t limit) override;
  std::vector<ArchivedCorrection> corrections() override;

 private:
  std::unique_ptr<Ledger> ledger_;
  // The figure corrections by (document, group), read at the first lookup.
  std::optional<std::multimap<std::pair<std::string, std::string>, ArchivedCorrection>> figure_corrections_;
};

}  // namespace kanwu::ledger
