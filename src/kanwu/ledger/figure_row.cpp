#include "kanwu/ledger/figure_row.h"

namespace kanwu::ledger {

static_assert(static_cast<std::uint32_t>(Approx::About) <= (kFigureHedgeMask >> kFigureHedgeShift),
              "an Approx fits the flags' hedge bits");

LedgerClaim claim_row(const ComparableFigure& f, int sentence) {
  LedgerClaim c;
  c.group = f.group;
  c.flags = (f.exact ? kFigureExact : 0) | (f.evidence.named_indicator ? kFigureNamedIndicator : 0) |
            (f.evidence.self_contained ? kFigureSelfContained : 0) | (f.plan ? kFigurePlan : 0) |
            (static_cast<std::uint32_t>(f.hedge) << kFigureHedgeShift);
  c.metric_key = f.metric_key;
  // A clause's metric is its key again (clause_metric()): not stored twice.
  c.metric = clause_metric(f.metric_key).empty() ? f.metric : std::string();
  c.role = f.role;
  c.subject = f.subject;
  c.period = f.period;
  c.period_text = f.period_text;
  c.share_base = f.share_base;
  c.unit = f.unit;
  c.value = f.value;
  c.low = f.low;
  c.high = f.high;
  c.text = f.text;
  c.start = f.where.start;
  c.end = f.where.end;
  c.block = static_cast<int>(f.block);
  c.sentence = sentence;
  c.offset = static_cast<std::uint32_t>(f.evidence.text.at);
  return c;
}

LedgerSentence sentence_row(const ComparableFigure& f, int index) {
  LedgerSentence s;
  s.block = static_cast<int>(f.block);
  s.index = index;
  s.text = f.evidence.text.sentence;
  for (const auto& [b, e] : f.evidence.text.sentence_numbers)
    s.figures.emplace_back(static_cast<std::uint32_t>(b), static_cast<std::uint32_t>(e));
  return s;
}

std::vector<ComparableFigure> figures_of(const std::vector<StoredClaim>& rows) {
  std::vector<ComparableFigure> out;
  out.reserve(rows.size());
  for (const StoredClaim& row : rows) {
    const LedgerClaim& c = row.claim;
    ComparableFigure f;
    f.metric_key = c.metric_key;
    f.metric = c.metric.empty() ? clause_metric(c.metric_key) : c.metric;
    f.role = c.role;
    f.subject = c.subject;
    f.period = c.period;
    f.period_text = c.period_text;
    f.share_base = c.share_base;
    f.unit = c.unit;
    f.value = c.value;
    f.low = c.low;
    f.high = c.high;
    f.exact = (c.flags & kFigureExact) != 0;
    f.evidence.named_indicator = (c.flags & kFigureNamedIndicator) != 0;
    f.evidence.self_contained = (c.flags & kFigureSelfContained) != 0;
    f.plan = (c.flags & kFigurePlan) != 0;
    f.hedge = static_cast<Approx>((c.flags & kFigureHedgeMask) >> kFigureHedgeShift);
    f.text = c.text;
    f.block = static_cast<std::size_t>(c.block);
    f.where.file = row.document.name;
    f.where.start = c.start;
    f.where.end = c.end;
    f.evidence.text.sentence = row.sentence.text;
    f.evidence.text.at = c.offset;
    for (const auto& [b, e] : row.sentence.figures) f.evidence.text.sentence_numbers.emplace_back(b, e);
    identify(f);
    out.push_back(std::move(f));
  }
  gather_cofigures(out);
  return out;
}

}  // namespace kanwu::ledger
