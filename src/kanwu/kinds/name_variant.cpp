#include "kanwu/kinds/name_variant.h"

#include <algorithm>
#include <cstdint>
#include <map>
#include <set>
#include <unordered_map>
#include <utility>
#include <vector>

#include "kanwu/rules/params.h"
#include "kanwu/text/chars.h"
#include "kanwu/text/utf8.h"

namespace kanwu {

namespace {

constexpr std::size_t kMinSharedEnd = 6;    // 与高质量发展示范项目 …
constexpr std::size_t kSharedStart = 4;     // 中央财政支持公立 … (at least its last four)
constexpr std::size_t kMaxChanged = 4;      // 中心医院 / 医院改革
constexpr std::size_t kMaxNameChars = 40;
constexpr std::size_t kMaxPerEnding = 64;   // distinct names compared per shared ending

struct Settings {
  std::vector<std::u32string> suffixes;  // 项目, 工程, 示范区 …
  // The suffixes by their first character, and a bit per first character of
  // the Basic Multilingual Plane: a run is read once, not once per suffix.
  std::unordered_map<char32_t, std::vector<std::size_t>> by_first;
  std::vector<std::uint64_t> first_bits = std::vector<std::uint64_t>(0x10000 / 64);
  void index() {
    for (std::size_t x = 0; x < suffixes.size(); ++x) {
      const char32_t c = suffixes[x].front();
      by_first[c].push_back(x);
      if (c < 0x10000) first_bits[c / 64] |= std::uint64_t{1} << (c % 64);
    }
  }
  bool may_start(char32_t c) const { return c >= 0x10000 || (first_bits[c / 64] >> (c % 64) & 1); }
};

// A name as written: a run of Han characters that ends in a name suffix.
struct Written {
  std::u32string name;
  std::size_t block = 0;
  std::size_t begin = 0, end = 0;  // code points in the block
};

bool is_subsequence(std::u32string_view small, std::u32string_view big) {
  std::size_t k = 0;
  for (char32_t c : big)
    if (k < small.size() && small[k] == c) ++k;
  return k == small.size();
}

bool has_numeral(std::u32string_view s) {
  static constexpr std::u32string_view kNumerals = U"〇零一二三四五六七八九十百千万两";
  return std::any_of(s.begin(), s.end(), [](char32_t c) {
    return chars::is_digit(c) || kNumerals.find(c) != std::u32string_view::npos;
  });
}

// a = …P X S, b = …P Y S: the same name with X and Y swapped in its
// middle. Returns the changed parts, or false.
// How many characters a and b share at their ends.
std::size_t common_end(std::u32string_view a, std::u32string_view b) {
  std::size_t s = 0;
  while (s < a.size() && s < b.size() && a[a.size() - 1 - s] == b[b.size() - 1 - s]) ++s;
  return s;
}

bool differ_in_middle(std::u32string_view a, std::u32string_view b, std::u32string& x, std::u32string& y) {
  const std::size_t s = common_end(a, b);
  if (s < kMinSharedEnd) return false;
  const std::u32string_view ra = a.substr(0, a.size() - s), rb = b.substr(0, b.size() - s);
  for (std::size_t lx = 1; lx <= kMaxChanged; ++lx)
    for (std::size_t ly = 1; ly <= kMaxChanged; ++ly) {
      if (ra.size() < lx + kSharedStart || rb.size() < ly + kSharedStart) continue;
      if (ra.substr(ra.size() - lx - kSharedStart, kSharedStart) != rb.substr(rb.size() - ly - kSharedStart, kSharedStart))
        continue;
      const std::u32string_view cx = ra.substr(ra.size() - lx), cy = rb.substr(rb.size() - ly);
      // The two share a character (a word moved or replaced inside the
      // name), and neither is the other with characters left out: 环保 for
      // 环境保护 is an abbreviation, 分阶段 / 分两阶段 an elaboration.
      // The shared start is as long as it can be (京杭大运|河无锡 is 京杭大运河|无锡).
      if (cx.front() == cy.front()) continue;
      const bool share = std::any_of(cx.begin(), cx.end(), [&](char32_t c) { return cy.find(c) != std::u32string_view::npos; });
      if (!share || is_subsequence(cx, cy) || is_subsequence(cy, cx)) continue;
      // 第十五次 / 第十六次全国代表大会, 十八届 / 二十届: numbered
      // sessions, phases and batches are different things of one name.
      if (has_numeral(cx) || has_numeral(cy)) continue;
      x = cx, y = cy;
      return true;
    }
  return false;
}

class NameVariantRule : public Rule {
 public:
  NameVariantRule(RuleInfo info, Settings s) : Rule(std::move(info)), s_(std::move(s)) {}

  void check(const Document& document, Emitter& emit) const override {
    const auto& blocks = document.blocks();
    std::vector<const CodePointText*> texts(blocks.size(), nullptr);
    // Names grouped by their last six characters; the first place each
    // distinct name is written.
    std::map<std::u32string, std::vector<Written>> by_ending;
    for (std::size_t bi = 0; bi < blocks.size(); ++bi) {
      if (!in_scope(blocks[bi])) continue;
      texts[bi] = &document.code_points(bi);
      collect(texts[bi]->chars, bi, by_ending);
    }
    std::set<std::pair<std::u32string, std::u32string>> reported;
    for (auto& [ending, names] : by_ending) {
      if (names.size() < 2 || names.size() > kMaxPerEnding) continue;
      for (std::size_t i = 0; i < names.size(); ++i)
        for (std::size_t j = i + 1; j < names.size(); ++j) {
          const Written& a = names[i];
          const Written& b = names[j];
          if (a.name.ends_with(b.name) || b.name.ends_with(a.name)) continue;
          std::u32string x, y;
          if (!differ_in_middle(a.name, b.name, x, y)) continue;
          if (!reported.insert({x, y}).second) continue;
          // Show each as far back as the two agree (坚持以实施中央财政… is
          // 中央财政… as the other writes it).
          const std::size_t shared_end = common_end(a.name, b.name);
          const std::size_t end_a = a.name.size() - shared_end - x.size();
          const std::size_t end_b = b.name.size() - shared_end - y.size();
          std::size_t shared = 0;
          while (shared < end_a && shared < end_b && a.name[end_a - 1 - shared] == b.name[end_b - 1 - shared]) ++shared;
          report(document, texts, trimmed(a, end_a - shared), trimmed(b, end_b - shared), emit);
        }
    }
  }

 private:
  void collect(const std::u32string& s, std::size_t block, std::map<std::u32string, std::vector<Written>>& by_ending) const {
    std::vector<std::pair<std::size_t, std::size_t>> found;
    for (std::size_t i = 0; i < s.size();) {
      if (!chars::is_han(s[i])) {
        ++i;
        continue;
      }
      std::size_t j = i;
      while (j < s.size() && chars::is_han(s[j])) ++j;
      // Every suffix inside the run ends a candidate name that starts at
      // most kMaxNameChars before it.
      // Searched inside the run only: a search to the end of the block for
      // every run would make a long block quadratic.
      const std::u32string_view run(s.data() + i, j - i);
      found.clear();  // (suffix, where in the run)
      for (std::size_t k = 0; k < run.size(); ++k) {
        if (!s_.may_start(run[k])) continue;
        if (const auto it = s_.by_first.find(run[k]); it != s_.by_first.end())
          for (const std::size_t x : it->second)
            if (run.substr(k).starts_with(s_.suffixes[x])) found.emplace_back(x, k);
      }
      // Suffix by suffix, left to right: the order names were always taken in.
      std::sort(found.begin(), found.end());
      for (const auto& [x, k] : found) {
        const std::u32string& suffix = s_.suffixes[x];
        const std::size_t end = i + k + suffix.size();
        const std::size_t begin = std::max(i, end > kMaxNameChars ? end - kMaxNameChars : 0);
        if (end - begin < kMinSharedEnd + kSharedStart + 1) continue;
        std::u32string name = s.substr(begin, end - begin);
        auto& list = by_ending[name.substr(name.size() - kMinSharedEnd)];
        if (list.size() > kMaxPerEnding) continue;  // a formula, not a name: never compared
        if (std::none_of(list.begin(), list.end(), [&](const Written& w) { return w.name == name; }))
          list.push_back({std::move(name), block, begin, end});
      }
      i = j;
    }
  }

  static Written trimmed(const Written& w, std::size_t drop) {
    Written t = w;
    t.name.erase(0, drop);
    t.begin += drop;
    return t;
  }

  void report(const Document& document, const std::vector<const CodePointText*>& texts, const Written& first,
              const Written& later, Emitter& emit) const {
    const auto& blocks = document.blocks();
    const Location other = document.locate(blocks[first.block], texts[first.block]->offsets[first.begin],
                                           texts[first.block]->offsets[first.end]);
    const std::string this_name = to_utf8(later.name), other_name = to_utf8(first.name);
    Finding& f = emit.report(blocks[later.block], texts[later.block]->offsets[later.begin], texts[later.block]->offsets[later.end],
                             {{"match", this_name}, {"other", other_name}, {"line", std::to_string(other.start.line)},
                              {"place", place_in_document(other)}});
    f.related.push_back({other, "同一名称的另一写法：“" + other_name + "”"});
  }

  Settings s_;
};

std::unique_ptr<Rule> create(RuleInfo info, ParamReader& params) {
  Settings s;
  for (const auto& suffix : params.strings("suffixes")) {
    std::u32string cps = code_points(suffix).chars;
    if (cps.size() < 2) params.error_at("suffixes", "a name suffix has two characters or more");
    else s.suffixes.push_back(std::move(cps));
  }
  if (s.suffixes.empty()) params.error_at("suffixes", "name-variant needs suffixes: (项目, 工程, 示范区…)");
  s.index();
  return std::make_unique<NameVariantRule>(std::move(info), std::move(s));
}

}  // namespace

const RuleKind& name_variant_kind() {
  static const RuleKind kind{"name-variant",
                             "one long official name written two ways in one document",
                             {"match", "other", "line", "place"},
                             {BlockKind::Body, BlockKind::Heading, BlockKind::ListItem},
                             &create};
  return kind;
}

}  // namespace kanwu
