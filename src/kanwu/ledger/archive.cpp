#include "kanwu/ledger/archive.h"

#include "kanwu/figures/quantity.h"
#include "kanwu/ledger/figure_row.h"

namespace kanwu::ledger {

namespace {

ArchivedDocument archived(const DocumentRef& ref) { return {ref.name, ref.title, ref.published}; }

// The corrected value of `figure`: `now` read as one quantity of the same
// unit (16.4% → 15.4%); false when it does not read so (a correction of
// words, or of another unit), and the figure is then left as published.
bool apply_correction(ArchivedFigure& archived, const ArchivedCorrection& correction) {
  ComparableFigure& figure = archived.figure;
  const std::vector<Quantity> read = extract_quantities(correction.now);
  if (read.size() != 1 || unit_family(read[0].unit) != unit_family(figure.unit)) return false;
  set_quantity(figure, read[0]);
  archived.corrected_from = correction.was;
  archived.corrected_on = correction.corrected_on;
  return true;
}

}  // namespace

LedgerArchive::LedgerArchive(std::unique_ptr<Ledger> ledger) : ledger_(std::move(ledger)) {}

std::vector<ArchivedFigure> LedgerArchive::figures_in(const std::vector<std::string>& groups) {
  if (!figure_corrections_) {
    figure_corrections_.emplace();
    for (ArchivedCorrection& c : corrections())
      if (!c.group.empty()) figure_corrections_->emplace(std::make_pair(c.document.name, c.group), std::move(c));
  }
  std::vector<ArchivedFigure> out;
  for (const StoredBlock& block : ledger_->figures_in(groups)) {
    std::vector<ComparableFigure> figures = figures_of(block.figures);
    for (const std::size_t i : block.asked) {
      const DocumentRef& document = block.figures[i].document;
      // The latest correction of this figure as written (corrections come
      // oldest first).
      const auto [from, to] = figure_corrections_->equal_range({document.name, figures[i].group});
      const ArchivedCorrection* latest = nullptr;
      for (auto it = from; it != to; ++it)
        if (it->second.was.find(figures[i].text) != std::string::npos) latest = &it->second;
      ArchivedFigure a{archived(document), std::move(figures[i]), {}, {}};
      if (latest) apply_correction(a, *latest);
      out.push_back(std::move(a));
    }
  }
  return out;
}

std::vector<ArchivedParagraph> LedgerArchive::paragraphs_like(const ParagraphSketch& sketch, std::size_t shingle,
                                                              std::size_t limit) {
  std::vector<ArchivedParagraph> out;
  if (shingle != kSketchShingle) return out;
  for (const StoredParagraph& p : ledger_->paragraph_candidates(sketch, limit)) {
    ArchivedParagraph a;
    a.document = archived(p.document);
    a.where.file = p.document.name;
    a.where.start = p.start;
    a.where.end = p.end;
    a.chars = p.chars;
    a.sentences = p.sentences;
    a.similarity = p.similarity;
    out.push_back(std::move(a));
  }
  return out;
}

std::vector<ArchivedCorrection> LedgerArchive::corrections() {
  std::vector<ArchivedCorrection> out;
  for (StoredCorrection& c : ledger_->corrections()) {
    ArchivedCorrection a;
    a.document = archived(c.document);
    a.was = std::move(c.was);
    a.now = std::move(c.now);
    a.corrected_on = std::move(c.corrected_on);
    a.group = std::move(c.group);
    a.low = c.low;
    a.high = c.high;
    out.push_back(std::move(a));
  }
  return out;
}

}  // namespace kanwu::ledger
