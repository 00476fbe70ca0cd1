#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "kanwu/figures/claim.h"
#include "kanwu/report/reporter.h"

namespace kanwu {

void write_figures_text(std::ostream& out, const std::vector<Document>& documents,
                        const FigureVocabulary& vocabulary) {
  for (const Document& doc : documents) {
    const DocumentFigures& figures = document_figures(doc, vocabulary);
    const DocumentContext& context = figures.context;
    out << fmt::format("{}  (subject: {}, undated figures: {}, 五年来 = {})\n", doc.path(), context.subject,
                       context.default_period.empty() ? "?" : context.default_period,
                       context.recent_plan.empty() ? "?" : context.recent_plan);
    for (const Claim& c : figures.claims) {
      std::string notes;
      if (c.anchor >= 0) notes += fmt::format(" → {}", figures.claims[c.anchor].quantity.text);
      if (c.plan) notes += " (plan)";
      for (const auto& q : c.qualifiers) notes += " +" + q;
      if (!c.share_base.empty()) notes += " of " + c.share_base;
      out << fmt::format("  {:>4}:{:<4} {:<14} {:<8} {:<20} {:<8} {:<8}{}\n", c.where.start.line,
                         c.where.start.column, c.quantity.text, to_string(c.role),
                         c.metric.empty() ? "-" : c.metric, c.subject.empty() ? "-" : c.subject,
                         c.period.empty() ? "-" : c.period, notes);
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
                               {"qualifiers", c.qualifiers},
                               {"share_base", c.share_base},
                               {"subject", c.subject},
                               {"period", c.period},
                               {"period_text", c.period_text},
                               {"plan", c.plan}};
      if (c.anchor >= 0) j["anchor"] = c.anchor;
      if (c.increase >= 0) j["increase"] = c.increase;
      claims.push_back(std::move(j));
    }
    docs.push_back({{"file", doc.path()},
                    {"subject", figures.context.subject},
                    {"undated_period", figures.context.default_period},
                    {"recent_period", figures.context.recent_plan},
                    {"cities", figures.context.cities.names()},
                    {"claims", std::move(claims)}});
  }
  out << nlohmann::ordered_json{{"version", 1}, {"documents", std::move(docs)}}.dump(2) << '\n';
}

}  // namespace kanwu
