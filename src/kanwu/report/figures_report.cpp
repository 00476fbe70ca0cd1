#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "kanwu/figures/claim.h"
#include "kanwu/report/reporter.h"

namespace kanwu {

namespace {

// A claim's subject as a reader says it: "@file" is what the document is
// about where it names no place, "@file#N" its N-th section's own place
// (全省, 本市 in a story that names none).
std::string describe_subject(const std::string& subject) {
  if (subject.empty()) return "未写明";
  if (!subject.starts_with("@")) return subject;
  const std::size_t hash = subject.rfind('#');
  return hash == std::string::npos ? std::string("本文（未写明地方）")
                                   : "本文第" + std::to_string(std::stoul(subject.substr(hash + 1)) + 1) + "节（全省、本市等）";
}

// A qualifier as written, with a comparison base's period described
// (较Y2020 → 较2020年).
std::string describe_qualifier(const std::string& q) {
  constexpr std::string_view kBase = "较";
  return q.starts_with(kBase) ? std::string(kBase) + describe_period(std::string_view(q).substr(kBase.size())) : q;
}

std::vector<std::string> describe_qualifiers(const std::vector<std::string>& qualifiers) {
  std::vector<std::string> out;
  for (const auto& q : qualifiers) out.push_back(describe_qualifier(q));
  return out;
}

}  // namespace

void write_figures_text(std::ostream& out, const std::vector<Document>& documents,
                        const FigureVocabulary& vocabulary) {
  for (const Document& doc : documents) {
    const DocumentFigures& figures = document_figures(doc, vocabulary);
    const DocumentContext& context = figures.context;
    out << fmt::format("{}  (subject: {}, undated figures: {}, 五年来 = {})\n", doc.path(),
                       context.subject.empty() ? "未写明" : context.subject,
                       context.default_period.empty() ? "?" : describe_period(context.default_period),
                       context.recent_plan.empty() ? "?" : describe_period(context.recent_plan));
    for (const Claim& c : figures.claims) {
      std::string notes;
      if (c.anchor >= 0) notes += fmt::format(" → {}", figures.claims[c.anchor].quantity.text);
      if (c.forecast) notes += " (forecast)";
      else if (c.plan) notes += " (plan)";
      for (const auto& q : c.qualifiers) notes += " +" + describe_qualifier(q);
      if (!c.share_base.empty()) notes += " of " + c.share_base;
      out << fmt::format("  {:>4}:{:<4} {:<14} {:<8} {:<20} {:<8} {:<8}{}\n", c.where.start.line,
                         c.where.start.column, c.quantity.text, to_string(c.role),
                         c.metric.empty() ? "-" : c.metric, describe_subject(c.subject),
                         c.period.empty() ? "-" : describe_period(c.period), notes);
    }
  }
}

void write_figures_json(std::ostream& out, const std::vector<Document>& documents,
                        const FigureVocabulary& vocabulary) {
  nlohmann::ordered_json docs = nlohmann::ordered_json::array();
  for (const Document& doc : documents) {
    const DocumentFigures& figures = document_figures(doc, vocabulary);
    nlohmann::ordered_json claims = nlohmann::ordered_json::array();
    for (std::size_t i = 0; i < figures.claims.size(); ++i) {
      const Claim& c = figures.claims[i];
      nlohmann::ordered_json j{{"index", i},
                               {"line", c.where.start.line},
                               {"column", c.where.start.column},
                               {"end_line", c.where.end.line},
                               {"end_column", c.where.end.column},
                               {"text", c.quantity.text},
                               {"value", c.quantity.value},
                               {"low", c.quantity.low},
                               {"high", c.quantity.high},
                               {"unit", c.quantity.unit},
                               {"role", to_string(c.role)},
                               {"metric", c.metric},
                               {"metric_key", c.metric_key},
                               {"qualifiers", describe_qualifiers(c.qualifiers)},
                               {"share_base", c.share_base},
                               {"subject", describe_subject(c.subject)},
                               {"period", describe_period(c.period)},
                               {"period_text", c.period_text},
                               {"plan", c.plan},
                               {"forecast", c.forecast}};
      if (c.anchor >= 0) j["anchor"] = c.anchor;
      if (c.increase >= 0) j["increase"] = c.increase;
      claims.push_back(std::move(j));
    }
    docs.push_back({{"file", doc.path()},
                    {"subject", figures.context.subject.empty() ? std::string("未写明") : figures.context.subject},
                    {"undated_period", describe_period(figures.context.default_period)},
                    {"recent_period", describe_period(figures.context.recent_plan)},
                    {"cities", figures.context.cities.names()},
                    {"claims", std::move(claims)}});
  }
  out << nlohmann::ordered_json{{"version", 1}, {"documents", std::move(docs)}}.dump(2) << '\n';
}

}  // namespace kanwu
