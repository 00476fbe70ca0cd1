#include "kanwu/figures/quantity.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>

#include "kanwu/figures/numeral.h"
#include "kanwu/nlp/segment.h"
#include "kanwu/text/chars.h"
#include "kanwu/text/utf8.h"

namespace kanwu {

namespace {

// Longest first within each leading character, so 人次 wins over 人.
constexpr std::u32string_view kUnits[] = {
    U"个百分点", U"百分点", U"千瓦时", U"千瓦", U"千米", U"千克", U"平方公里", U"平方米",
    U"立方米", U"公里", U"公斤", U"公顷", U"人次", U"个次", U"场次", U"批次", U"户次", U"件次",
    U"架次", U"万人次", U"元", U"人", U"名", U"位", U"个", U"家", U"所", U"张", U"户", U"亩",
    U"吨", U"场", U"项", U"条", U"座", U"处", U"次", U"套", U"件", U"块", U"期", U"类", U"种",
    U"辆", U"台", U"头", U"只", U"间", U"册", U"篇", U"部", U"支", U"对", U"岁", U"天",
    U"小时", U"倍", U"成", U"%", U"％", U"米", U"栋", U"棵", U"株", U"枚", U"份", U"例",
    U"宗", U"笔", U"床", U"村", U"镇", U"批", U"课时", U"学时", U"平方", U"立方", U"千",
    U"微克/立方米", U"载重吨", U"标箱", U"美元", U"列", U"斤", U"公斤", U"千公顷", U"个月"};

// The first that ends right before the number is taken: longer words
// first (不超过 before 超过 before 超).
constexpr std::pair<std::u32string_view, Approx> kPrefixes[] = {
    // Bounds a rule sets (学制不少于3个月, 每组不超过5人).
    {U"不少于", Approx::AtLeast}, {U"不低于", Approx::AtLeast}, {U"至少", Approx::AtLeast},
    {U"不超过", Approx::AtMost},  {U"不高于", Approx::AtMost},  {U"最多", Approx::AtMost},
    {U"超过", Approx::AtLeast}, {U"逾", Approx::AtLeast},   {U"超", Approx::AtLeast},
    {U"突破", Approx::AtLeast}, {U"将近", Approx::AtMost},  {U"接近", Approx::AtMost},
    {U"近", Approx::AtMost},    {U"不足", Approx::AtMost},  {U"不到", Approx::AtMost},
    {U"大约", Approx::About},   {U"约", Approx::About}};

constexpr std::pair<std::u32string_view, Approx> kSuffixes[] = {
    {U"以上", Approx::AtLeast}, {U"之多", Approx::AtLeast}, {U"有余", Approx::AtLeast},
    {U"以下", Approx::AtMost},  {U"以内", Approx::AtMost},  {U"左右", Approx::About}};

// Characters that may stand right before a Chinese numeral that is a
// quantity; any other Han character makes it part of a word (统一, 唯一).
constexpr std::u32string_view kNumeralLead = U"近超逾约达共各等为有了至到和与及计增减降升占过上数几余是";

bool is_ascii_letter_or_digit(char32_t c) { return chars::is_ascii_letter(c) || chars::is_digit(c); }

std::size_t match_unit(std::u32string_view s) {
  std::size_t best = 0;
  for (auto u : kUnits)
    if (u.size() > best && s.starts_with(u)) best = u.size();
  return best;
}

bool is_opening_quote(char32_t c) { return c == U'“' || c == U'「' || c == U'《' || c == U'"'; }
bool is_closing_quote(char32_t c) { return c == U'”' || c == U'」' || c == U'》' || c == U'"'; }
bool is_dash(char32_t c) { return c == U'—' || c == U'-' || c == U'－' || c == U'～' || c == U'~' || c == U'至'; }

class Scanner {
 public:
  Scanner(std::string_view text, const CodePointText& cp) : text_(text), cp_(cp), s_(cp_.chars) {}

  std::vector<Quantity> run() {
    std::size_t i = 0;
    while (i < s_.size()) {
      std::size_t next = i + 1;
      if (chars::is_digit(s_[i])) {
        next = arabic(i);
      } else if (is_chinese_numeral_char(s_[i])) {
        next = chinese(i);
      }
      i = std::max(next, i + 1);
    }
    return std::move(out_);
  }

 private:
  char32_t at(std::size_t i) const { return i < s_.size() ? s_[i] : 0; }
  // Skips Markdown emphasis marks left in plain text (**20.1万**人).
  std::size_t skip_marks(std::size_t i) const {
    while (i < s_.size() && s_[i] == U'*') ++i;
    return i;
  }

  // Returns the index after the number and whatever was consumed.
  std::size_t arabic(std::size_t start) {
    const auto parsed = parse_arabic(s_.substr(start));
    if (!parsed) return start + 1;
    std::size_t i = start + parsed->length;
    const char32_t before = start > 0 ? s_[start - 1] : 0;
    const char32_t after = at(i);
    // 5G, GDP2, 3D, H5N1: model names, not amounts.
    if (chars::is_ascii_letter(before) || chars::is_ascii_letter(after)) return skip_word(i);
    // 12·18 (a case name), 12:30, 8+N, 1号, 第45届: not amounts either.
    if (after == U'·' || after == U':' || (after == U'：' && chars::is_digit(at(i + 1))) || after == U'+' ||
        after == U'号' || after == U'届' || before == U'第' || before == U'·')
      return skip_word(i);
    // “1131”, “96111”: names of programmes and hotlines.
    if (is_opening_quote(before) && is_closing_quote(after)) return i;
    // Dates and years are time expressions, read by the period scanner.
    if (after == U'年' || after == U'月' || after == U'日') return i + 1;
    if (is_dash(after) && chars::is_digit(at(i + 1))) return skip_word(i);
    return finish(start, i, *parsed, false);
  }

  // The decimal digits of 百分之五点九 or 十九点五亿元 after 点 (at `i`):
  // their count, 0 when 点 is not followed by digit numerals.
  std::size_t chinese_decimals(std::size_t i) const {
    if (at(i) != U'点') return 0;
    std::size_t n = 0;
    while (std::u32string_view(U"〇○零一二三四五六七八九").find(at(i + 1 + n)) != std::u32string_view::npos) ++n;
    return n;
  }

  std::size_t chinese(std::size_t start) {
    std::size_t end = start;
    while (end < s_.size() && is_chinese_numeral_char(s_[end])) ++end;
    const char32_t before = start > 0 ? s_[start - 1] : 0;
    if (before == U'第') return end;  // 第十五个: an ordinal
    const bool after_lead = kNumeralLead.find(before) != std::u32string_view::npos;
    // 五点九: the integer part is read by the numeral parser, the digits after
    // 点 one by one (a decimal is written digit by digit).
    const std::size_t integer_end = end;
    const std::size_t decimals = chinese_decimals(end);
    if (decimals > 0) end += 1 + decimals;
    // Cheap tests first; ICU's parser costs microseconds a call, and numeral
    // characters are everywhere (一个, 统一, 进一步).
    const char32_t after = at(end);
    if (after == U'年' || after == U'月' || after == U'日') return end + 1;
    const bool percent = percent_word_before(start);
    // 十九点五亿元: after the decimals, a scale before the unit.
    std::size_t unit_at = skip_extra(end);
    if (decimals > 0)
      while (at(unit_at) == U'万' || at(unit_at) == U'亿') ++unit_at;
    const bool counts = match_unit(s_.substr(unit_at)) > 0 || after == U'余' ||
                        after == U'多' || percent;
    if (!counts) return end;
    const std::size_t len = integer_end - start;
    // One character needs no parser: 一…九 alone are not counts worth
    // reading (一张床) unless a percentage follows (七成, 百分之五).
    std::optional<ParsedNumber> parsed;
    if (len == 1) {
      const auto d = static_cast<int>(std::u32string_view(U"〇一二三四五六七八九").find(s_[start]));
      if (d >= 0 || s_[start] == U'两') {
        if (!percent && after != U'成') return end;
        ParsedNumber n;
        n.value = n.mantissa = s_[start] == U'两' ? 2 : d;
        n.length = 1;
        parsed = n;
      } else {
        parsed = lone_scale(s_[start], before);
        if (!parsed) parsed = parse_chinese(s_.substr(start, len));  // 十
      }
    } else {
      parsed = parse_chinese(s_.substr(start, len));
    }
    if (!parsed) return end;
    if (decimals > 0) {
      if (parsed->decimals != 0 || parsed->value != parsed->mantissa) return end;  // 三万点五: not a decimal
      double fraction = 0;
      for (std::size_t k = 0; k < decimals; ++k) {
        const char32_t d = s_[integer_end + 1 + k];
        const auto digit = static_cast<int>(std::u32string_view(U"〇一二三四五六七八九").find(d));
        fraction = fraction * 10 + (digit >= 0 ? digit : 0);  // ○ and 零 are 0
      }
      const double power = std::pow(10.0, static_cast<double>(decimals));
      parsed->mantissa = parsed->mantissa * power + fraction;
      parsed->decimals = static_cast<int>(decimals);
      parsed->value = parsed->mantissa / power;
      parsed->last_place = 1 / power;
      parsed->trailing_zeros = 0;
      parsed->length = end - start;
    }
    // A numeral that forms a word with the character before it (统一, 唯一,
    // 万一) is not a number; asked only of candidates that passed the rest.
    if (chars::is_han(before) && !after_lead && !percent &&
        WordSegmenter::for_this_thread().joins_into_word(utf8::encode(before),
                                                          to_utf8(s_.substr(start, len))))
      return end;
    return finish(start, end, *parsed, true);
  }

  // 上千, 近千, 数万: a scale character alone after an approximating word.
  static std::optional<ParsedNumber> lone_scale(char32_t c, char32_t before) {
    if (before != U'上' && before != U'近' && before != U'数' && before != U'几' && before != U'逾')
      return std::nullopt;
    std::size_t len = 0;
    const std::u32string one(1, c);
    const double factor = parse_scale(one, len);
    if (factor <= 0) return std::nullopt;
    ParsedNumber n;
    n.value = factor;
    n.mantissa = factor;
    n.last_place = factor;
    n.length = 1;
    return n;
  }

  std::size_t skip_extra(std::size_t i) const {
    if (at(i) == U'余' || at(i) == U'多') ++i;
    return i;
  }

  bool percent_word_before(std::size_t start) const {
    return start >= 3 && s_.substr(start - 3, 3) == U"百分之";
  }

  std::size_t skip_word(std::size_t i) const {
    while (i < s_.size() && (is_ascii_letter_or_digit(s_[i]) || s_[i] == U'·' || s_[i] == U'.' ||
                             s_[i] == U'+' || s_[i] == U':' || is_dash(s_[i])))
      ++i;
    return i;
  }

  std::size_t finish(std::size_t start, std::size_t i, const ParsedNumber& number, bool chinese) {
    Quantity q;
    q.chinese = chinese;
    std::size_t begin = start;
    // Qualifier before the number: 超2300亿, 近5万, 约30%, 百分之十五.
    Approx approx = Approx::Exact;
    for (const auto& [word, kind] : kPrefixes) {
      if (start >= word.size() && s_.substr(start - word.size(), word.size()) == word) {
        approx = kind;
        begin = start - word.size();
        break;
      }
    }
    const bool upper_hint = start >= 1 && (s_[start - 1] == U'上' || s_[start - 1] == U'数' || s_[start - 1] == U'几') && chinese;
    if (upper_hint) begin = start - 1;
    const bool percent_words = chinese && percent_word_before(start);
    if (percent_words) begin = start - 3;

    double value = number.value;
    double place = number.last_place;
    bool extra_before_scale = false;
    i = skip_marks(i);
    if (at(i) == U'余' || at(i) == U'多') {
      extra_before_scale = true;
      ++i;
    }
    std::size_t scale_len = 0;
    double scale = 1;
    // Units that begin with a scale character (千瓦, 千米) are units.
    if (match_unit(s_.substr(i)) < 2 || !(at(i) == U'千' || at(i) == U'百')) {
      const double factor = parse_scale(s_.substr(i), scale_len);
      if (factor > 0 && !(chinese && number.last_place >= 1e4 && factor < 1e4)) {
        scale = factor;
        i += scale_len;
        q.has_scale = true;
      } else {
        scale_len = 0;
      }
    }
    q.misplaced_extra = extra_before_scale && q.has_scale && number.trailing_zeros == 0;
    bool extra_after_scale = false;
    i = skip_marks(i);
    if (!extra_before_scale && (at(i) == U'余' || at(i) == U'多')) {
      extra_after_scale = true;
      ++i;
    }
    i = skip_marks(i);
    std::size_t unit_len = match_unit(s_.substr(i));
    // 千 alone is a scale, not a unit, once a scale has been read.
    if (unit_len == 1 && at(i) == U'千') unit_len = 0;
    if (unit_len > 0) {
      std::u32string unit(s_.substr(i, unit_len));
      if (unit == U"％") unit = U"%";
      if (unit == U"百分点") unit = U"个百分点";
      if (unit == U"万人次") {  // 万 then 人次
        scale *= 1e4;
        unit = U"人次";
      }
      q.unit = to_utf8(unit);
      i += unit_len;
    }
    // (Move-assigned strings: GCC 12 warns falsely on assigning literals here.)
    if (percent_words) q.unit = std::string("%");
    for (const auto& [word, kind] : kSuffixes) {
      if (s_.substr(i).starts_with(word)) {
        approx = approx == Approx::Exact ? kind : approx;
        i += word.size();
        break;
      }
    }

    // Exact for decimals: 704 × 10^8 / 10, not 70.4 × 10^8.
    const double power = std::pow(10.0, number.decimals);
    value = number.mantissa * scale / power;
    const double unit_place = scale / power * (number.decimals > 0 ? 1 : place);
    double low = value - unit_place / 2, high = value + unit_place / 2;
    if (extra_before_scale) {  // 80余万: 80万 up to 90万
      approx = Approx::AtLeast;
      low = value;
      // A Chinese numeral's precision is its smallest written unit already.
      high = value + (chinese ? unit_place
                              : std::pow(10.0, std::max(0, number.trailing_zeros)) * unit_place);
    } else if (extra_after_scale) {  // 15万余: 15万 up to 16万
      approx = Approx::AtLeast;
      low = value;
      high = value + unit_place;
    }
    if (upper_hint) {  // 上千: 1000 up to 2000; 数千: 2000 up to 10000
      approx = Approx::About;
      const bool several = s_[start - 1] != U'上';
      low = several ? 2 * value : value;
      high = several ? 10 * value : 2 * value;
    }
    switch (approx) {
      case Approx::AtLeast:
        if (!extra_before_scale && !extra_after_scale) high = std::max(high, value * 1.5);
        low = std::min(low, value);
        break;
      case Approx::AtMost:
        low = std::min(low, value * 0.8);
        high = value;
        if (s_.substr(begin).starts_with(U"不")) low = 0;
        break;
      case Approx::About:
        if (!upper_hint) low = std::min(low, value * 0.9), high = std::max(high, value * 1.1);
        break;
      case Approx::Exact:
        break;
    }
    if (q.unit == "成") {  // 七成 = 70%
      q.unit = std::string("%");
      value *= 10, low *= 10, high *= 10;
    }
    q.value = value;
    q.low = low;
    q.high = high;
    q.approx = approx;
    q.begin = cp_.offsets[begin];
    q.end = cp_.offsets[i];
    q.number_begin = cp_.offsets[start];
    q.number_end = cp_.offsets[start + number.length];
    q.text = std::string(text_.substr(q.begin, q.end - q.begin));
    out_.push_back(std::move(q));
    return i;
  }

  std::string_view text_;
  const CodePointText& cp_;
  std::u32string_view s_;
  std::vector<Quantity> out_;
};

}  // namespace

std::vector<Quantity> extract_quantities(std::string_view text) { return Scanner(text, code_points(text)).run(); }

std::vector<Quantity> extract_quantities(std::string_view text, const CodePointText& cp) { return Scanner(text, cp).run(); }

std::string unit_family(const std::string& unit) {
  if (unit == "人" || unit == "人次" || unit == "名" || unit == "位") return "人";
  if (unit == "个" || unit == "个次") return "个";
  if (unit == "场" || unit == "场次") return "场";
  if (unit == "户" || unit == "户次") return "户";
  return unit;
}

std::string format_value(double value, const std::string& unit, int decimals) {
  std::string scale;
  double shown = value;
  if (unit != "%" && unit != "个百分点" && unit != "倍") {
    if (std::fabs(value) >= 1e8) shown = value / 1e8, scale = "亿";
    else if (std::fabs(value) >= 1e4) shown = value / 1e4, scale = "万";
  }
  std::string number = fmt::format("{:.{}f}", shown, std::max(0, decimals));
  return number + scale + unit;
}

}  // namespace kanwu
