#include "kanwu/ledger/figure_row.h"

#include <nlohmann/json.hpp>

namespace kanwu::ledger {

namespace {

using nlohmann::json;

std::string evidence_json(const ComparableFigure& f) {
  json cofigures = json::array();
  for (const CoFigure& c : f.evidence.cofigures) cofigures.push_back({c.figure, c.value, c.exact, c.low, c.high, c.text});
  json out = {{"figure", f.figure},
              {"exact", f.exact},
              {"named_indicator", f.evidence.named_indicator},
              {"unknown_period", f.evidence.unknown_period},
              {"self_contained", f.evidence.self_contained},
              {"cofigures", std::move(cofigures)}};
  if (!f.evidence.unnamed_subject.empty()) out["unnamed_subject"] = f.evidence.unnamed_subject;
  return out.dump();
}

}  // namespace

LedgerClaim claim_row(const ComparableFigure& f, int sentence) {
  LedgerClaim c;
  c.group = f.group;
  c.evidence = evidence_json(f);
  c.metric_key = f.metric_key;
  c.metric = f.metric;
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

std::optional<ComparableFigure> figure_of(const StoredClaim& row) {
  const LedgerClaim& c = row.claim;
  if (c.group.empty()) return std::nullopt;
  const json evidence = json::parse(c.evidence, nullptr, /*allow_exceptions=*/false);
  if (!evidence.is_object()) return std::nullopt;
  ComparableFigure f;
  try {
    f.figure = evidence.at("figure").get<std::string>();
    f.exact = evidence.at("exact").get<bool>();
    f.evidence.named_indicator = evidence.at("named_indicator").get<bool>();
    f.evidence.unknown_period = evidence.at("unknown_period").get<bool>();
    f.evidence.self_contained = evidence.at("self_contained").get<bool>();
    f.evidence.unnamed_subject = evidence.value("unnamed_subject", std::string());
    for (const json& o : evidence.at("cofigures"))
      f.evidence.cofigures.push_back({o.at(0).get<std::uint64_t>(), o.at(1).get<double>(), o.at(2).get<bool>(),
                             o.at(3).get<double>(), o.at(4).get<double>(), o.at(5).get<std::string>()});
  } catch (const json::exception&) {
    return std::nullopt;  // a row edited by hand, or written by another program
  }
  f.group = c.group;
  f.metric_key = c.metric_key;
  f.metric = c.metric;
  f.role = c.role;
  f.subject = c.subject;
  f.period = c.period;
  f.period_text = c.period_text;
  f.share_base = c.share_base;
  f.unit = c.unit;
  f.value = c.value;
  f.low = c.low;
  f.high = c.high;
  f.text = c.text;
  f.block = static_cast<std::size_t>(c.block);
  f.where.file = row.document.name;
  f.where.start = c.start;
  f.where.end = c.end;
  f.evidence.text.sentence = row.sentence.text;
  f.evidence.text.at = c.offset;
  for (const auto& [b, e] : row.sentence.figures) f.evidence.text.sentence_numbers.emplace_back(b, e);
  return f;
}

}  // namespace kanwu::ledger
