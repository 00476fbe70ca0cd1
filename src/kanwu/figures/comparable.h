// Comparable figures: what figure-conflict compares of a document, and what
// the archive ledger stores of a published one. One function makes both, so
// a figure read better by the reader is compared the same way in a run and
// against the archive.
//
// A comparable figure is a claim with a unit that is not a start value or
// ambiguous, known by its identity (metric, subject, period, unit family,
// and whether it is a target: the group) and carrying the evidence restatement needs: its
// sentence with the numbers' spans, the other figures of its paragraph,
// and what its own sentence states.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "kanwu/doc/document.h"
#include "kanwu/figures/quantity.h"
#include "kanwu/figures/restatement.h"
#include "kanwu/figures/vocabulary.h"

namespace kanwu {

// Another figure of the same paragraph: when a rival passage states it
// too, with the same value, the two passages report the same thing.
struct CoFigure {
  // The hash (cache::hash, stable across builds: the ledger keeps it) of
  // the figure's ComparableFigure::figure: metric, period, unit family.
  std::uint64_t figure = 0;
  double value = 0;
  bool exact = false;  // 900万人以上 agrees with 1168万人 as a range, not as a restatement
  double low = 0, high = 0;
  std::string text;
};

// What a figure offers as evidence that another passage restates it.
struct FigureEvidence {
  PassageText text;  // its sentence and its paragraph's opening, numbers' spans marked
  std::vector<CoFigure> cofigures;
  // A named statistical indicator (城镇新增就业, 地区生产总值) whose subject
  // and period the text states.
  bool named_indicator = false;
  // A subject the text does not name ("@file", "@file#section").
  std::string unnamed_subject;
  // No period was read: compared only with a passage stating another of
  // its figures alike.
  bool unknown_period = false;
  // The figure's own sentence states its period and its subject.
  bool self_contained = false;
  // A target or forecast (is compared only with targets, on stronger
  // evidence: comparable_figures).
  bool plan = false;
};

struct ComparableFigure {
  // metric key, subject ("?" when not named), period ("?" when not read)
  // and unit family, joined by \x1f: figures of one group may conflict.
  std::string group;
  // The same without the subject: a figure that agrees in two passages is
  // itself evidence that they speak of one subject.
  std::string figure;
  std::string metric_key;  // the reader's, or "clause:…" for a metric known by its clause
  std::string metric;      // for messages
  std::string role;
  std::string subject, period, unit;
  std::string text;        // as written: 16.4%
  std::string share_base;  // a share of what ("" when unstated)
  std::string period_text;
  double value = 0, low = 0, high = 0;
  bool exact = false;
  Approx hedge = Approx::Exact;  // how the wording hedges it (超过, 近, 约)
  bool plan = false;  // a target: its own group, apart from results
  std::size_t block = 0;
  Location where;
  FigureEvidence evidence;
};

// Sets the figure's identity from its metric key, subject, period ("" when
// not read), unit and whether it is a target: group, figure, and the
// evidence that follows from them (unknown_period, unnamed_subject, plan). The archive ledger stores the four and
// calls this on what it reads back, so its figures are identified as a
// run's are.
void identify(ComparableFigure& figure);

// The group identify() gives a figure of this metric key, subject, period
// ("" when not read), unit and plan.
std::string figure_group(std::string_view metric_key, std::string_view subject, std::string_view period,
                         std::string_view unit, bool plan);

// The metric a figure known by its clause is shown as ("clause:…#role" →
// “…”); "" for a key the reader named.
std::string clause_metric(std::string_view metric_key);

// The key of a figure known by its clause: "clause:", the clause (a masked
// clause as restated_clause() reads it), "#" and the figure's role.
inline constexpr std::string_view kClauseKeyPrefix = "clause:";
std::string clause_key(std::string_view clause, std::string_view role);

// A masked clause (masked_clause()) as a figure known by its clause is
// keyed: without the words restatements drop and swap around a number (the
// vocabulary's clause_filler).
std::string restated_clause(std::string_view masked, const FigureVocabulary& vocabulary);

// Fills each figure's evidence.cofigures from the figures beside it in its
// block (`figures` in document order, each block's figures together).
void gather_cofigures(std::vector<ComparableFigure>& figures);

// Sets the figure's text, value and the interval its wording allows from
// `q` (a whole rate, 5%, is read as 5.0%: statistical prose drops a final 0).
void set_quantity(ComparableFigure& figure, const Quantity& q);

// The comparable figures of `document` in blocks `in_scope` accepts, in
// document order.
std::vector<ComparableFigure> comparable_figures(const Document& document, const FigureVocabulary& vocabulary,
                                                 const std::function<bool(const Block&)>& in_scope);

}  // namespace kanwu
