// Periods in a block: which time each figure of a paragraph is about, and
// whether it is a plan. Reads the periods the period reader found in the
// block (figures/period.h), resolves them against the document's date
// (PeriodResolver, figures/context.h), adds holidays (端午假期), and answers
// the claim loop's questions about the words before a figure: a plan or
// forecast (目标, 预计), the report's own year in a work report (a plan), a
// base that is just the year before (比上年), a span of years opened before
// the figure (近三年, 五年来). The claim loop carries the period from figure
// to figure; this stage only reads.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "kanwu/figures/context.h"
#include "kanwu/figures/period.h"
#include "kanwu/figures/vocabulary.h"

namespace kanwu::figure_stages {

struct ResolvedPeriod {
  std::size_t begin, end;
  std::string key;
  std::string text;
};

// The block's usable periods in order (not comparison bases or plans),
// holidays included. `periods` are the block's periods as read.
std::vector<ResolvedPeriod> resolve_periods(std::string_view text, const std::vector<Period>& periods,
                                            const FigureVocabulary& v, PeriodResolver& resolver);

// A plan word anywhere before the figure in its sentence, unless it is
// compared with (高于预期目标, 完成目标).
bool is_plan(const FigureVocabulary& v, std::string_view sentence_prefix);

// 预计, 有望 before a figure: a forecast, unless the figure is about a
// holiday or a day that the document reports on.
bool is_forecast(const FigureVocabulary& v, std::string_view sentence_prefix, const std::string& period);

// In a work report, figures for the report's own year are its plans.
bool is_future(const DocumentContext& context, const std::string& period);

// Whether comparison base `base` is the year before `period` (比上年 in a 2023 figure).
bool is_year_before(const std::string& base, const std::string& period);

// A span of years opened before the figure (近三年, 过去5年).
bool opens_span(const FigureVocabulary& v, std::string_view prefix);

}  // namespace kanwu::figure_stages
