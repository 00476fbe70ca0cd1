#include "kanwu/figures/respectively.h"

#include <algorithm>

#include "kanwu/figures/phrase.h"
#include "kanwu/text/bytes.h"
#include "kanwu/text/utf8.h"

namespace kanwu::figure_stages {

// `items_text` is `text` with times and places blanked (same offsets).
std::vector<ListAssignment> respectively_lists(std::string_view text, std::string_view items_text,
                                               const std::vector<Quantity>& quantities, const Lexicon& lexicon,
                                               std::vector<bool>& in_list) {
  std::vector<ListAssignment> out;
  constexpr std::string_view kRespectively = "分别";
  for (std::size_t at = find_bytes(text, kRespectively); at != std::string_view::npos;
       at = find_bytes(text, kRespectively, at + kRespectively.size())) {
    const std::size_t after = at + kRespectively.size();
    // The values: the quantities right after 分别 (a short verb between),
    // separated only by 、 和 及 与.
    auto q = std::lower_bound(quantities.begin(), quantities.end(), after,
                              [](const Quantity& x, std::size_t v) { return x.begin < v; });
    if (q == quantities.end()) continue;
    const std::string_view verb = text.substr(after, q->begin - after);
    if (code_points(verb).size() > 8) continue;
    std::size_t dummy = 0;
    bool clause_break = false;
    for (std::size_t i = 0; i < verb.size(); ++i) clause_break |= is_mark(verb, i, dummy, true);
    if (clause_break) continue;
    std::vector<std::size_t> values{static_cast<std::size_t>(q - quantities.begin())};
    for (auto next = q + 1; next != quantities.end(); ++next) {
      std::string_view gap = text.substr((next - 1)->end, next->begin - (next - 1)->end);
      while (gap.starts_with(" ")) gap.remove_prefix(1);
      if (gap != "、" && gap != "和" && gap != "及" && gap != "与" && gap != "，" && gap != ",") break;
      values.push_back(static_cast<std::size_t>(next - quantities.begin()));
    }
    for (std::size_t v : values) in_list[v] = true;
    if (values.size() < 2) continue;
    // The items: the clause before 分别.
    const std::size_t start = clause_start(text, 0, at, false);
    const std::string list = strip_asides(std::string(items_text.substr(start, at - start)));
    const auto tokens = split_words(list, lexicon);
    std::vector<std::vector<std::string>> items(1);
    for (const Word& t : tokens) {
      const std::string& w = t.text;
      if (w == "、" || w == "和" || w == "及" || w == "与" || w == "以及") {
        if (!items.back().empty()) items.emplace_back();
        continue;
      }
      if (w.find_first_not_of(" *") == std::string::npos) continue;
      items.back().push_back(w);
    }
    if (items.back().empty()) items.pop_back();
    if (items.size() != values.size()) continue;  // cannot tell which value is whose
    // 一、二、三产业增加值: numerals standing for 一产业增加值, 二产业增加值.
    static constexpr std::u32string_view kNumerals = U"一二三四五六七八九";
    const auto is_numeral = [&](const std::string& w) {
      const auto cp = code_points(w).chars;
      return cp.size() == 1 && kNumerals.find(cp[0]) != std::u32string_view::npos;
    };
    const std::string last_text = join_words(items.back());
    const std::u32string last_cp = code_points(last_text).chars;
    if (!last_cp.empty() && kNumerals.find(last_cp[0]) != std::u32string_view::npos &&
        std::all_of(items.begin(), items.end() - 1, [&](const auto& item) { return item.size() == 1 && is_numeral(item[0]); })) {
      const std::string rest = to_utf8(std::u32string_view(last_cp).substr(1));
      for (std::size_t k = 0; k < items.size(); ++k)
        out.push_back({values[k], (k + 1 < items.size() ? items[k][0] : to_utf8(last_cp.substr(0, 1))) + rest, std::string(verb)});
      continue;
    }
    const auto& last = items.back();
    for (std::size_t k = 0; k < items.size(); ++k) {
      std::vector<std::string> words = items[k];
      if (words.size() < last.size())
        words.insert(words.end(), last.begin() + static_cast<std::ptrdiff_t>(words.size()), last.end());
      out.push_back({values[k], join_words(words), std::string(verb)});
    }
  }
  return out;
}

}  // namespace kanwu::figure_stages
