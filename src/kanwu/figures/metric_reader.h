// The metric reader: what a figure measures, read from the words around it.
// Leftwards from the number through the clause before it (规模以上工业增加值
// 增长6.1%: 增加值|工业|规模以上), after it when a count is followed by the
// noun it counts (新增26个国家物流枢纽), with indicator names brought to their
// first name, qualifiers (累计, 实际, 环比 …) and comparison bases (同比, 比上年)
// taken out of the words, and shares split into what is measured and its
// whole. The claim loop gives it clauses with periods, places and other
// figures blanked out (scrubbed); it knows nothing of periods or subjects.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "kanwu/figures/context.h"
#include "kanwu/figures/period.h"
#include "kanwu/figures/quantity.h"
#include "kanwu/figures/vocabulary.h"

namespace kanwu::figure_stages {

constexpr std::size_t kMetricWindow = 30;  // characters before a number searched for its metric
constexpr std::size_t kMaxMetricWords = 8;

struct MetricReading {
  std::vector<std::string> words;  // in reading order
  std::vector<std::string> qualifiers;
  std::string share_base;
  bool share = false;
};

class MetricReader {
 public:
  explicit MetricReader(const FigureVocabulary& v) : v_(v) {}

  // The metric at the end of `clause` (the clause before a number, with
  // periods, places and other figures blanked out). With those blanked, the
  // same clauses recur: a quarter of those read in a year of news had been
  // read before, and six in seven in an archive holding several versions of
  // each story (figure reading there −13%). Each thread remembers what it
  // has read, per vocabulary.
  MetricReading before(std::string clause) const;

  // A noun phrase after the number: 6.7万残疾人的生活, and the award in
  // 1035个集体获得全国工人先锋号 (the thing counted is who won it).
  MetricReading after(std::string_view suffix) const;

  // Removes the words that introduce the number (分别达到, 增长, 比重为)
  // before splitting, so that the splitter cannot glue one of them to the
  // metric's last word (占比|达 read as 占|比达).
  std::string strip_tail(std::string text) const;

  // True when a clause holds nothing but words that introduce a number.
  bool only_filler(std::string_view clause) const;

  bool is_qualifier(const std::string& w) const;

 private:
  static constexpr std::size_t kMaxRemembered = 16384;

  MetricReading read_before(std::string clause) const;
  static bool is_blank(const std::string& w);
  std::string cut_comparison(std::string text, MetricReading& r) const;
  std::string normalise(const std::string& text, MetricReading& r) const;

  const FigureVocabulary& v_;
};

// The text in [from, to) of a block with its periods, its subject places and
// `quantities` blanked (same length): what the metric reader is given.
std::string scrubbed(std::string_view text, std::size_t from, std::size_t to, const std::vector<Period>& periods,
                     const std::vector<PlaceMention>& places, const std::vector<Quantity>& quantities);

// One word names too little to compare (覆盖率: of what?) unless it is an
// indicator of the vocabulary (地区生产总值).
bool specific_enough(const FigureVocabulary& v, const std::vector<std::string>& words);

}  // namespace kanwu::figure_stages
