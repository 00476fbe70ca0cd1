#include "kanwu/figures/context.h"

#include <fmt/format.h>

#include <cctype>

#include <algorithm>
#include <map>
#include <set>

#include "kanwu/nlp/segment.h"
#include "kanwu/text/bytes.h"
#include "kanwu/text/chars.h"
#include "kanwu/text/utf8.h"

namespace kanwu {

namespace {

// A date written YYYY年M月D日 (or only YYYY年) in the text.
bool read_date(std::string_view text, int& year, int& month, int& day) {
  for (const Period& p : extract_periods(text)) {
    if (p.key.size() < 5 || p.key[0] != 'Y') continue;
    int y = 0, m = 0, d = 0;
    if (std::sscanf(p.key.c_str(), "Y%4dM%dD%d", &y, &m, &d) < 1) continue;
    year = y, month = m, day = d;
    return true;
  }
  return false;
}

// A line of the document's head (title, date, deck): short, no full stop,
// and not ending mid-clause — a title never ends in ，、；： (…分别压减46.3%、
// 65.2%、48.3%； is text stating figures, cut where the excerpt ends).
bool is_short_line(const Block& block) {
  const CodePointText cp = code_points(block.text);
  if (cp.size() > 60 || block.text.find("。") != std::string::npos) return false;
  std::size_t n = cp.size();
  while (n > 0 && (cp.chars[n - 1] == U' ' || cp.chars[n - 1] == U'　')) --n;
  return n == 0 || std::u32string_view(U"，、；：,;").find(cp.chars[n - 1]) == std::u32string_view::npos;
}

std::string first_place(std::string_view text, const FigureVocabulary& v, const NameSet& cities) {
  for (const PlaceMention& m : places_in(text, v, true, cities))
    if (!m.name.empty() && m.name != "全国") return m.name;
  return {};
}

// 《新闻联播》 (20240126): a date written as eight digits.
void read_compact_date(std::string_view text, int& year, int& month, int& day) {
  for (std::size_t i = 0; i + 8 <= text.size(); ++i) {
    if (i > 0 && std::isdigit(static_cast<unsigned char>(text[i - 1]))) continue;
    std::size_t n = 0;
    while (i + n < text.size() && std::isdigit(static_cast<unsigned char>(text[i + n]))) ++n;
    if (n != 8) {
      i += n;
      continue;
    }
    const int y = std::stoi(std::string(text.substr(i, 4))), m = std::stoi(std::string(text.substr(i + 4, 2))),
              d = std::stoi(std::string(text.substr(i + 6, 2)));
    if (y >= 1949 && y <= 2100 && m >= 1 && m <= 12 && d >= 1 && d <= 31) {
      year = y, month = m, day = d;
      return;
    }
    i += n;
  }
}

// Cities named with their suffix anywhere in the document; `places` gets
// each block's places (without the cities' bare names).
NameSet cities_named(const Document& document, const FigureVocabulary& v,
                     std::vector<std::vector<PlaceMention>>& places) {
  std::set<std::string> names;
  std::set<std::string> provinces;
  for (const auto& [written, name] : v.places) provinces.insert(name);
  places.reserve(document.blocks().size());
  for (const Block& block : document.blocks()) {
    places.push_back(places_in(block.text, v, true));
    for (const PlaceMention& m : places.back())
      if (!m.name.empty() && m.name != "全国" && !provinces.count(m.name)) names.insert(m.name);
  }
  return NameSet({names.begin(), names.end()});
}

// The place a single-story document names most, when it names one far more
// than all others together (a report whose title was lost); "" otherwise.
std::string dominant_place(const Document& document, const FigureVocabulary& v, const NameSet& cities) {
  // A document of many items (a news day) is about many places.
  const auto headings = std::count_if(document.blocks().begin(), document.blocks().end(),
                                      [](const Block& b) { return b.kind == BlockKind::Heading; });
  if (headings >= 3) return {};
  std::map<std::string, int> count;
  int total = 0;
  for (const Block& block : document.blocks())
    for (const PlaceMention& m : places_in(block.text, v, false, cities))
      if (!m.name.empty() && m.name != "全国") ++count[m.name], ++total;
  std::string best;
  int best_count = 0;
  for (const auto& [name, n] : count)
    if (n > best_count) best = name, best_count = n;
  return best_count >= 3 && best_count * 5 >= total * 3 ? best : std::string();
}

// 第三位, 第1名, 第一方阵, 第二个: a rank after a place.
bool is_rank(std::string_view text) {
  if (!text.starts_with("第")) return false;
  const CodePointText cp = code_points(text.substr(0, 40));
  std::size_t i = 1;
  while (i < cp.size() && (chars::is_ascii_digit(cp.chars[i]) ||
                           std::u32string_view(U"一二三四五六七八九十").find(cp.chars[i]) != std::u32string_view::npos))
    ++i;
  if (i == 1 || i >= cp.size()) return false;
  return std::u32string_view(U"位名个大批方梯").find(cp.chars[i]) != std::u32string_view::npos;
}

bool preceded_by_any(std::string_view text, std::size_t at, const std::vector<std::string>& words) {
  for (const auto& w : words)
    if (at >= w.size() && text.substr(at - w.size(), w.size()) == w) return true;
  return false;
}

}  // namespace

DocumentContext read_document_context(const Document& document, const FigureVocabulary& v) {
  DocumentContext c;
  const auto& blocks = document.blocks();
  // The opening: the title and the short lines under it (subtitle, dateline,
  // 来源, 时间) before the first paragraph.
  constexpr std::size_t kOpeningBlocks = 4;
  std::size_t opening = 0;
  while (opening < blocks.size() && opening < kOpeningBlocks && is_short_line(blocks[opening])) ++opening;
  c.first_text_block = opening;
  c.cities = cities_named(document, v, c.named_places);
  bool review = false, national = false;
  for (std::size_t b = 0; b < opening; ++b) {
    const std::string& text = blocks[b].text;
    int y = 0, m = 0, d = 0;
    // A full date (the dateline) is when the text was written, whatever
    // year the title names: 今年 and 去年 count from it (a title's year is
    // what the story is about — 2024年全国消费品新增… dated 2025年1月25日).
    if ((read_date(text, y, m, d) || (b == 0 && (read_compact_date(text, y, m, d), y > 0))) &&
        (c.year == 0 || (c.day == 0 && d > 0)))
      c.year = y, c.month = m, c.day = d;
    if (c.subject.empty()) c.subject = first_place(text, v, c.cities);
    national = national || std::any_of(v.national_bodies.begin(), v.national_bodies.end(),
                                       [&](const std::string& w) { return text.find(w) != std::string::npos; });
    review = review || std::any_of(v.review_titles.begin(), v.review_titles.end(),
                                   [&](const std::string& w) { return text.find(w) != std::string::npos; });
  }
  if (c.subject.empty()) c.subject = dominant_place(document, v, c.cities);
  // Unknown is not 全国: only a document of a national body is about the
  // whole country when it names no place (closed world).
  if (c.subject.empty() && national) c.subject = "全国";
  c.review = review && c.year > 0;
  if (c.review) {
    c.default_period = fmt::format("Y{}", c.year - 1);
  } else if (c.year > 0 && c.day > 0) {
    c.default_period = fmt::format("Y{}M{}D{}", c.year, c.month, c.day);
  }
  // 五年来 in a text of year Y is the five years Y−5 … Y−1: a 2026 report's
  // are the 14th plan (2021–2025); a 2018 report's (2013–2017, a
  // government's term) are no plan, but those five years.
  if (c.year > 0) {
    const int plan = five_year_plan_of(c.year - 1);
    if (plan > 0 && five_year_plan_of(c.year - 5) == plan)
      c.recent_plan = fmt::format("FYP{}", plan);
    else
      c.recent_plan = fmt::format("Y{}-{}", c.year - 5, c.year - 1);
  }
  return c;
}

PeriodResolver::PeriodResolver(const DocumentContext& context) : context_(context) {
  if (context.default_period.size() >= 5) current_year_ = std::stoi(context.default_period.substr(1, 4));
  else current_year_ = context.year;
}

std::string PeriodResolver::date_key(int year, int month, int day) const {
  if (year <= 0 || month < 1 || month > 12 || day < 1 || day > 31) return {};
  return fmt::format("Y{}M{}D{}", year, month, day);
}

std::string PeriodResolver::resolve(const Period& p) {
  const std::string& k = p.key;
  if (k.empty()) return {};
  if (k == "RECENT5") return context_.recent_plan;
  if (k[0] == 'Y' || k[0] == 'S') {
    if (k.size() >= 5 && !p.baseline && !p.future) current_year_ = std::stoi(k.substr(1, 4));
    return k;
  }
  if (k.starts_with("FYP")) return k;
  if (k.starts_with("REL")) {
    if (context_.year <= 0) return {};
    const bool end = k.back() == 'E';
    const int year = context_.year + (k.starts_with("REL-1") ? -1 : 0);
    if (!p.baseline && !p.future) current_year_ = year;
    // 去年7月11日 (REL-1M7D11): a day or months of that year (1—12月: all of it).
    if (const auto months = k.find('M'); months != std::string::npos)
      return k.substr(months) == "M1-12" ? fmt::format("Y{}", year) : fmt::format("Y{}{}", year, k.substr(months));
    // 今年 in a dated story is the year so far: 今年林火过火面积已达… grows
    // from one day's story to the next.
    if (k == "REL0" && context_.day > 0 && !context_.review)
      return fmt::format("Y{}TD{}-{}", year, context_.month, context_.day);
    return fmt::format("Y{}{}", year, end ? "E" : "");
  }
  if (k == "TODAY") return date_key(context_.year, context_.month, context_.day);
  if (current_year_ <= 0) return {};
  if (k == "?Y") return fmt::format("Y{}", current_year_);
  if (k.starts_with("?M")) {
    const std::string months = k.substr(1);
    // In a dated story, 8月份 and 1—8月 are the latest such months before
    // its date: a September story's 8月份 is this year's, a January
    // story's 1—12月 last year's.
    int year = current_year_;
    if (context_.day > 0 && !context_.review) {
      const int first = std::atoi(months.c_str() + 1);
      year = first <= context_.month ? context_.year : context_.year - 1;
      if (const auto dash = months.find('-'); dash != std::string::npos && std::atoi(months.c_str() + dash + 1) >= context_.month &&
                                              context_.month < 12 && first < context_.month)
        year = context_.year - 1;  // 1—12月 in a March story
    }
    if (months == "M1-12") return fmt::format("Y{}", year);
    return fmt::format("Y{}{}", year, months);
  }
  if (k.starts_with("?D")) {
    int m = 0, d = 0;
    if (std::sscanf(k.c_str(), "?D%d-%d", &m, &d) == 2)
      return date_key(context_.year > 0 ? context_.year : current_year_, m, d);
    // 27日: a day of the document's month (or of the month before, when
    // the day is still to come).
    if (context_.day <= 0) return {};
    d = m;
    m = d <= context_.day ? context_.month : context_.month - 1;
    return date_key(m >= 1 ? context_.year : context_.year - 1, m >= 1 ? m : 12, d);
  }
  return {};
}

std::string PeriodResolver::since(int year, int month) const {
  if (context_.day <= 0) return {};
  return fmt::format("S{}M{}U{}M{}D{}", year, month, context_.year, context_.month, context_.day);
}

std::string PeriodResolver::holiday(std::string_view name) const {
  const int year = context_.year > 0 ? context_.year : current_year_;
  if (year <= 0) return {};
  return fmt::format("Y{}H{}", year, name);
}

NameSet::NameSet(std::vector<std::string> names) : names_(std::move(names)) {
  for (std::size_t k = 0; k < names_.size(); ++k) {
    char32_t c = 0;
    if (!names_[k].empty() && utf8::decode(names_[k], 0, c) > 0) by_first_[c].push_back(k);
  }
}

std::vector<std::pair<std::size_t, std::size_t>> NameSet::occurrences(std::string_view text) const {
  std::vector<std::pair<std::size_t, std::size_t>> found;
  if (by_first_.empty()) return found;
  std::vector<std::size_t> free_from(names_.size(), 0);  // a name's next match may not start before
  for (std::size_t i = 0; i < text.size();) {
    char32_t c = 0;
    const int n = std::max(1, utf8::decode(text, i, c));
    if (const auto it = by_first_.find(c); it != by_first_.end())
      for (const std::size_t k : it->second)
        if (i >= free_from[k] && text.substr(i).starts_with(names_[k])) {
          found.emplace_back(k, i);
          free_from[k] = i + names_[k].size();
        }
    i += static_cast<std::size_t>(n);
  }
  std::sort(found.begin(), found.end());
  return found;
}

namespace {

// 本报北京4月19日电, 新华社南京电: the place of a dateline is where the
// story was filed, not whose figures it reports (national news is filed
// from 北京). `agency`: a dateline agency comes right before the place.
bool opens_dateline(std::string_view after, bool agency) {
  const auto digits = [&] {
    std::size_t n = 0;
    while (n < after.size() && std::isdigit(static_cast<unsigned char>(after[n]))) ++n;
    return n;
  };
  // The day or the agency is what tells a dateline from a name (全国电影
  // 票房, 江苏电网).
  bool day = false;
  for (std::string_view unit : {"月", "日"})
    if (const std::size_t n = digits(); n > 0 && n <= 2 && after.substr(n).starts_with(unit)) {
      after.remove_prefix(n + unit.size());
      day = unit == "日";
    }
  return (day || agency) && after.starts_with("电");
}

PlaceMention mention(std::string_view text, const FigureVocabulary& v, std::size_t begin, std::size_t end,
                     std::string name) {
  PlaceMention m{begin, end, std::move(name), true};
  if (opens_dateline(text.substr(end), preceded_by_any(text, begin, v.dateline_agencies))) m.subject = false;
  if (preceded_by_any(text, begin, v.not_subject_after)) m.subject = false;
  for (std::string_view after : {"首", "前列", "平均", "水平", "领先", "同类", "各地", "人民"})
    if (text.substr(end).starts_with(after)) m.subject = false;
  if (is_rank(text.substr(end))) m.subject = false;  // 全国第三 (but 全区第二产业 is a subject)
  return m;
}

// The vocabulary's places and (with `cities`) the cities before a suffix,
// in the order found.
std::vector<PlaceMention> named_places(std::string_view text, const FigureVocabulary& v, bool cities) {
  std::vector<PlaceMention> out;
  const auto add = [&](std::size_t begin, std::size_t end, std::string name) {
    out.push_back(mention(text, v, begin, end, std::move(name)));
  };
  // Named provinces, the country, the document's own place.
  for (std::size_t i = 0; i < text.size();) {
    char32_t c;
    const int n = std::max(1, utf8::decode(text, i, c));
    const bool may_start = c >= 0x80 && (c >= 0x10000 || v.name_starts[c]);
    const auto it = may_start ? v.names_by_first_char.find(c) : v.names_by_first_char.end();
    std::size_t len = 0;
    if (it != v.names_by_first_char.end())
      for (const auto& [written, name] : it->second)
        if (text.substr(i).starts_with(written)) {
          len = written.size();
          add(i, i + len, name);
          break;
        }
    i += len ? len : n;
  }
  // Cities, counties and leagues: a name the segmenter reads as a word (or
  // two single characters) before 市/县/盟/州 (通辽市, 兰考县).
  const auto has_suffix = [&] {
    return std::any_of(v.place_suffixes_utf8.begin(), v.place_suffixes_utf8.end(),
                       [&](const std::string& s) { return contains_bytes(text, s); });
  };
  if (cities && !v.place_suffixes.empty() && has_suffix()) {
    const CodePointText cp = code_points(text);
    for (std::size_t i = 2; i < cp.size(); ++i) {
      if (v.place_suffixes.find(cp.chars[i]) == std::u32string::npos) continue;
      // 市民, 市政, 市场 … do not end a place name, but 通辽市民政局 and
      // 通辽市政府 do.
      if (i + 1 < cp.size() && cp.chars.substr(i + 1, 2) != U"民政" && cp.chars.substr(i + 1, 2) != U"政府" &&
          std::u32string_view(U"场民级区县旗委直属政长里内外中域容貌").find(cp.chars[i + 1]) != std::u32string_view::npos)
        continue;
      if (v.not_places.count(cp.chars.substr(i - 1, 2)) || v.not_places.count(cp.chars.substr(i - 2, 3))) continue;
      // 江州市: the 州 is part of the name, the 市 its suffix.
      if (i + 1 < cp.size() && v.place_suffixes.find(cp.chars[i + 1]) != std::u32string::npos) continue;
      // A place name the word list knows, ending right before the suffix
      // (江州市, 锡林郭勒盟), longest first.
      bool known_name = false;
      if (v.lexicon)
        for (std::size_t len = std::min<std::size_t>(4, i); len >= 2 && !known_name; --len) {
          const std::u32string_view candidate = std::u32string_view(cp.chars).substr(i - len, len);
          if (!v.lexicon->has_tag(candidate) || v.not_places.count(std::u32string(candidate) + cp.chars[i])) continue;
          const std::size_t b = cp.offsets[i - len];
          const std::size_t e = i + 1 < cp.size() ? cp.offsets[i + 1] : text.size();
          known_name = true;
          if (std::none_of(out.begin(), out.end(), [&](const PlaceMention& m) { return m.begin < e && b < m.end; }))
            add(b, e, to_utf8(candidate));
        }
      if (known_name) continue;
      const std::size_t from = i >= 6 ? i - 6 : 0;
      const std::string before(text.substr(cp.offsets[from], cp.offsets[i] - cp.offsets[from]));
      const auto tokens = WordSegmenter::for_this_thread().tokenize(before);
      if (tokens.empty() || !tokens.back().is_ideographic_word()) continue;
      std::size_t begin = tokens.back().begin;
      if (code_points(before.substr(begin)).size() == 1 && tokens.size() >= 2 &&
          tokens[tokens.size() - 2].is_ideographic_word() &&
          code_points(before.substr(tokens[tokens.size() - 2].begin, tokens[tokens.size() - 2].size())).size() == 1)
        begin = tokens[tokens.size() - 2].begin;
      std::u32string name = code_points(before.substr(begin)).chars;
      // 锡林郭勒盟: a four-character name the segmenter split in two.
      if (name.size() == 2 && tokens.size() >= 2 && begin == tokens.back().begin) {
        const Token& prev = tokens[tokens.size() - 2];
        const std::u32string longer = code_points(before.substr(prev.begin)).chars;
        if (longer.size() <= 4 && v.lexicon && v.lexicon->has_tag(longer)) name = longer, begin = prev.begin;
      }
      if (name.size() < 2 || name.size() > 4) continue;
      if (v.lexicon && v.lexicon->contains(name) && !v.lexicon->has_tag(name)) continue;
      if (!std::all_of(name.begin(), name.end(), chars::is_han)) continue;
      if (std::u32string_view(U"区县省市盟").find(name.back()) != std::u32string_view::npos) continue;  // 设区市, 县市
      const std::size_t b = cp.offsets[from] + begin;
      const std::size_t e = i + 1 < cp.size() ? cp.offsets[i + 1] : text.size();
      if (std::any_of(out.begin(), out.end(), [&](const PlaceMention& m) { return m.begin < e && b < m.end; })) continue;
      add(b, e, to_utf8(name));
    }
  }
  return out;
}

}  // namespace

std::vector<PlaceMention> with_known_places(std::vector<PlaceMention> named, std::string_view text,
                                            const FigureVocabulary& v, const NameSet& known) {
  for (const auto& occurrence : known.occurrences(text)) {
    const std::size_t at = occurrence.second;  // (a lambda below needs it; clang 14 cannot capture a binding)
    const std::string& name = known.names()[occurrence.first];
    const std::size_t e = at + name.size();
    if (std::none_of(named.begin(), named.end(), [&](const PlaceMention& m) { return m.begin < e && at < m.end; }))
      named.push_back(mention(text, v, at, e, name));
  }
  // Mentions never overlap, so no two begin at the same byte.
  std::sort(named.begin(), named.end(), [](const PlaceMention& a, const PlaceMention& b) { return a.begin < b.begin; });
  return named;
}

std::vector<PlaceMention> places_in(std::string_view text, const FigureVocabulary& v, bool cities,
                                    const NameSet& known) {
  return with_known_places(named_places(text, v, cities), text, v, known);
}

}  // namespace kanwu
