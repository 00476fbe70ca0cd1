#include "kanwu/figures/claim.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>

#include "kanwu/figures/period.h"
#include "kanwu/nlp/join.h"
#include "kanwu/nlp/segment.h"
#include "kanwu/text/chars.h"
#include "kanwu/text/utf8.h"

namespace kanwu {

namespace {

// Words dropped at the end of a metric phrase: the verb or particle that
// introduces the figure (达到, 累计, 提高至 …).
const std::set<std::string> kTailWords{
    "达", "达到", "为", "是", "共", "共计", "合计", "累计", "总计", "突破", "超过", "超", "逾",
    "近", "约", "有", "已", "已达", "实现", "完成", "提高", "提升", "增至", "升至", "降至",
    "在", "至", "到", "了", "增加", "增长", "增幅", "下降", "减少", "降低", "占",
    "分别", "各", "涨幅", "降幅", "增速", "将近", "接近", "大约", "不足", "不到", "上", "数",
    "几", "稳步", "升", "提", "高", "年均", "平均", "人均", "幅"};

// Words at which a metric phrase stops when read leftwards: verbs that take
// the metric as object, adverbs, conjunctions, places and time words.
const std::set<std::string> kBreakWords{
    "投入", "支出", "发放", "实施", "建成", "开展", "组织", "举办", "提供", "招聘", "引进", "培育", "创建", "打造", "落地", "惠及", "帮助", "资助", "筹集", "募集",
    "减免", "带动", "安置", "完成", "实现", "累计", "全市", "全区", "全省", "全国",
    "共", "先后", "持续", "不断", "其中", "以及", "和", "与", "及", "等", "倾力", "通过", "让",
    "使", "为", "对", "在", "从", "向", "把", "将", "并", "还", "也", "都", "已", "已经", "每年",
    "当年", "全年", "今年", "目前", "截至", "如今", "同时", "此外", "另外", "其", "这", "那",
    "我们", "我市", "本市", "全盟", "较", "比", "同比", "相比", "达", "达到", "新建", "新改扩建", "改扩建", "获得", "受益", "吸纳", "解决", "推动", "促进",
    "助力", "拉动", "完成", "超额", "稳定", "保持", "连续", "率先", "有效", "积极",
    "大力", "着力", "全面", "深入", "扎实", "切实", "进一步", "累计", "共有", "拥有", "安装", "采集", "提交", "开凿", "打通", "关停", "转移", "清零", "用于", "的", "是", "有", "个", "名", "家", "所"};

// Break words that also end a metric search when it is too short: function
// words, places, times and connectives, never part of what is measured.
const std::set<std::string> kStopWords{
    "全市", "全区", "全省", "全国", "其中", "以及", "和", "与", "及", "等", "让", "使", "为", "对",
    "在", "从", "向", "把", "将", "并", "还", "也", "都", "的", "是", "有", "个", "名", "家", "所",
    "每年", "当年", "全年", "今年", "目前", "截至", "如今", "同时", "此外", "另外", "其", "这",
    "那", "我们", "我市", "本市", "较", "比", "同比", "相比"};

// Words that mark a figure as a plan or a target: anywhere before it in the
// sentence ("主要预期目标是：…"), or in its own clause ("确保…1.2万人以上").
constexpr std::string_view kPlanWords[] = {"目标", "力争", "预计", "争取", "预期", "拟"};
constexpr std::string_view kClausePlanWords[] = {"确保", "计划", "将达", "要达"};

constexpr std::size_t kMetricWindow = 14;  // characters before a number searched for its metric

bool ends_with_any(std::string_view s, std::initializer_list<std::string_view> words) {
  for (auto w : words)
    if (s.ends_with(w)) return true;
  return false;
}

ClaimRole role_of(std::string_view prefix, const Quantity& q) {
  // 提高至95%, 增至135元: the figure is the new value, not the change.
  for (std::string_view to : {"至", "到", "为"}) {
    std::string_view p = prefix;
    while (p.ends_with("*")) p.remove_suffix(1);
    if (p.ends_with(to) && !p.ends_with("达到")) return ClaimRole::Value;
  }
  // Trim what may stand between the verb and the number.
  for (bool again = true; again;) {
    again = false;
    for (std::string_view w : {"了", "达到", "达", "为", "至", "到", "超过", "超", "近", "约", "逾", "分别", "*"}) {
      if (prefix.ends_with(w) && !(w == "达" && prefix.ends_with("到达"))) {
        prefix.remove_suffix(w.size());
        again = true;
      }
    }
  }
  if (q.unit == "个百分点") return ClaimRole::PointChange;
  const bool percent = q.unit == "%";
  if (ends_with_any(prefix, {"增长", "增幅", "增速", "提高", "上升", "提升", "涨幅", "增", "增加", "多"}))
    return percent ? ClaimRole::Rate : ClaimRole::Increase;
  if (ends_with_any(prefix, {"下降", "减少", "降低", "降幅", "下滑", "减"}))
    return percent ? ClaimRole::RateDecline : ClaimRole::Decrease;
  if (percent && ends_with_any(prefix, {"占", "占比", "比重", "比例", "占到"})) return ClaimRole::Share;
  return ClaimRole::Value;
}

bool is_place_suffix(char32_t c) { return c == U'市' || c == U'盟'; }

// Places named in a text: "X市"/"X盟" with a two-character name, and 内蒙古
// (or 自治区/全区, which stand for it). Returns (byte offset, name) pairs.
std::vector<std::pair<std::size_t, std::string>> places_in(std::string_view text) {
  static const std::set<std::u32string> kNotPlaces{U"城市", U"全市", U"我市", U"本市", U"该市",
                                                   U"各市", U"都市", U"超市", U"股市", U"夜市",
                                                   U"集市", U"上市", U"门市", U"盟市", U"市场",
                                                   U"城乡", U"全盟", U"旗市", U"县市", U"联盟",
                                                   U"同盟", U"加盟", U"结盟"};
  std::vector<std::pair<std::size_t, std::string>> out;
  const CodePointText cp = code_points(text);
  for (std::size_t i = 2; i < cp.size(); ++i) {
    if (!is_place_suffix(cp.chars[i])) continue;
    // 市场, 市民, 市级, 市区, 市委…: the character does not end a place name.
    const bool civil_affairs = cp.chars.substr(i + 1, 2) == U"民政";  // 通辽市民政局
    if (i + 1 < cp.size() && !civil_affairs &&
        std::u32string_view(U"场民级区县旗委直属政长里内外中域容貌").find(cp.chars[i + 1]) !=
            std::u32string_view::npos)
      continue;
    const std::u32string name = cp.chars.substr(i - 2, 2);
    if (!chars::is_han(name[0]) || !chars::is_han(name[1])) continue;
    if (kNotPlaces.count(name) || kNotPlaces.count(cp.chars.substr(i - 1, 2))) continue;
    out.emplace_back(cp.offsets[i - 2], to_utf8(name));
  }
  for (std::string_view region : {"内蒙古"}) {
    for (std::size_t at = text.find(region); at != std::string_view::npos;
         at = text.find(region, at + region.size()))
      out.emplace_back(at, "内蒙古");
  }
  std::sort(out.begin(), out.end());
  return out;
}

bool is_clause_mark(std::string_view text, std::size_t at, std::size_t& length) {
  for (std::string_view mark : {"，", "；", "、", "：", ",", ";", ":"}) {
    if (text.substr(at).starts_with(mark)) {
      length = mark.size();
      return true;
    }
  }
  return false;
}

// Start of the clause containing byte `at`, not before `floor`.
std::size_t clause_start(std::string_view text, std::size_t floor, std::size_t at) {
  std::size_t start = floor;
  for (std::size_t i = floor; i < at;) {
    std::size_t len = 0;
    if (is_clause_mark(text, i, len)) {
      start = i + len;
      i += len;
      continue;
    }
    char32_t c;
    const int n = utf8::decode(text, i, c);
    i += n > 0 ? n : 1;
  }
  return start;
}

// The metric phrase at the end of `prefix`: content words read leftwards
// from the number until a verb, adverb, place or time word.
std::vector<std::string> metric_before(std::string_view prefix) {
  std::vector<std::string> words;
  const auto tokens = WordSegmenter::for_this_thread().tokenize(prefix);
  std::size_t k = tokens.size();
  // Drop the verb or particle that introduces the number.
  while (k > 0) {
    const Token& t = tokens[k - 1];
    const std::string w(prefix.substr(t.begin, t.size()));
    if (!t.is_ideographic_word() || kTailWords.count(w)) {
      if (!t.is_ideographic_word() && w != "*" && w != "**") break;
      --k;
      continue;
    }
    break;
  }
  bool skipped_verb = false;
  while (k > 0) {
    const Token& t = tokens[k - 1];
    const std::string w(prefix.substr(t.begin, t.size()));
    if (!t.is_ideographic_word()) break;
    // The word next to the number always belongs to the metric (总支出).
    if (kBreakWords.count(w) && !words.empty()) {
      // One word alone is too vague to compare (就业): reach past one verb
      // for its subject (高校毕业生|实现|就业 → 高校毕业生就业).
      if (words.size() > 1 || skipped_verb || kStopWords.count(w)) break;
      skipped_verb = true;
      --k;
      continue;
    }
    words.insert(words.begin(), w);
    --k;
  }
  if (words.size() < 2) words.clear();
  return words;
}

// A noun phrase right after the quantity that ends there (6.7万残疾人的生活,
// 70.4亿元民生投入的背后). One that runs on into a verb (50项服务事项实现
// “掌上办”) names an action, not what is counted, and is not taken.
std::vector<std::string> metric_after(std::string_view suffix) {
  std::vector<std::string> words;
  const std::string_view window = suffix.substr(0, std::min<std::size_t>(suffix.size(), 48));
  const auto tokens = WordSegmenter::for_this_thread().tokenize(window);
  for (const Token& t : tokens) {
    const std::string w(window.substr(t.begin, t.size()));
    const bool ends = !t.is_ideographic_word() || w == "的" || w == "中" || w == "里";
    if (ends) return words.size() >= 2 ? words : std::vector<std::string>{};
    if (kBreakWords.count(w) || words.size() >= 4) return {};
    words.push_back(w);
  }
  return {};
}

std::string join(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& w : words) out += w;
  return out;
}

std::string key_of(std::vector<std::string> words) {
  std::sort(words.begin(), words.end());
  words.erase(std::unique(words.begin(), words.end()), words.end());
  std::string key;
  for (const auto& w : words) {
    if (!key.empty()) key += '|';
    key += w;
  }
  return key;
}

std::string role_suffix(ClaimRole role) {
  switch (role) {
    case ClaimRole::Value: return "";
    case ClaimRole::Increase: return "#increase";
    case ClaimRole::Decrease: return "#decrease";
    case ClaimRole::Rate: return "#rate";
    case ClaimRole::RateDecline: return "#decline";
    case ClaimRole::Share: return "#share";
    case ClaimRole::PointChange: return "#points";
  }
  return "";
}

// Blanks out periods, places, quotes and emphasis marks in a clause prefix
// (keeping byte offsets), so they do not become part of a metric.
std::string scrub(std::string_view prefix, std::size_t base, const std::vector<Period>& periods,
                  const std::vector<std::pair<std::size_t, std::string>>& places) {
  std::string out(prefix);
  const auto blank = [&](std::size_t b, std::size_t e) {
    if (e <= base || b >= base + out.size()) return;
    b = std::max(b, base) - base;
    e = std::min(e - base, out.size());
    for (std::size_t i = b; i < e; ++i) out[i] = ' ';
  };
  // Both lists are sorted by start; only expressions that can reach into
  // [base, base + size) matter (none is longer than kLongestExpression).
  constexpr std::size_t kLongestExpression = 64;
  const std::size_t from = base > kLongestExpression ? base - kLongestExpression : 0;
  const auto first_period = std::lower_bound(periods.begin(), periods.end(), from,
                                             [](const Period& p, std::size_t v) { return p.begin < v; });
  for (auto it = first_period; it != periods.end() && it->begin < base + out.size(); ++it) blank(it->begin, it->end);
  const auto first_place = std::lower_bound(places.begin(), places.end(), from,
                                            [](const auto& p, std::size_t v) { return p.first < v; });
  for (auto it = first_place; it != places.end() && it->first < base + out.size(); ++it) {
    const std::size_t len = it->second == "内蒙古" ? std::string_view("内蒙古").size() : it->second.size() + 3;
    blank(it->first, it->first + len);
  }
  return out;
}

class Extractor {
 public:
  explicit Extractor(const Document& document) : doc_(document) {}

  DocumentFigures run() {
    resolve_context();
    for (std::size_t b = 0; b < doc_.blocks().size(); ++b) {
      const Block& block = doc_.blocks()[b];
      if (block.kind != BlockKind::Body && block.kind != BlockKind::ListItem) continue;
      extract_block(b);
    }
    return std::move(figures_);
  }

 private:
  // The document's main place, and what "the last five years" means in it:
  // the five-year plan it reviews (期间/以来/的五年), or else the plan that
  // its latest year belongs to (the previous one in a plan's first year).
  void resolve_context() {
    std::map<std::string, int> place_count;
    int retrospective_plan = 0, latest_year = 0;
    for (const Block& block : doc_.blocks()) {
      for (const auto& [at, name] : places_in(block.text)) ++place_count[name];
      for (const Period& p : block_figures(doc_).periods[&block - doc_.blocks().data()]) {
        if (p.key.starts_with("FYP") && !p.future &&
            (p.text.find("期间") != std::string::npos || p.text.find("以来") != std::string::npos ||
             p.text.find("的五年") != std::string::npos))
          retrospective_plan = std::max(retrospective_plan, std::stoi(p.key.substr(3)));
        if ((p.key[0] == 'Y' || p.key[0] == 'S') && p.key.size() >= 5 && !p.baseline)
          latest_year = std::max(latest_year, std::stoi(p.key.substr(1, 4)));
      }
    }
    // A name before 市/盟 is a place when it is written so at least twice,
    // or when the dictionary does not know it as a common word (建设市疾控
    // 中心 is not a place called 建设).
    for (const auto& [name, count] : place_count)
      if (name == "内蒙古" || count >= 2 || !is_common_word(name)) places_.insert(name);
    // A place is then counted wherever it is named, also without the
    // suffix (平安通辽, 数字通辽).
    for (auto& [name, count] : place_count) {
      if (!places_.count(name)) continue;
      count = 0;
      for (const Block& block : doc_.blocks())
        for (std::size_t at = block.text.find(name); at != std::string::npos;
             at = block.text.find(name, at + name.size()))
          ++count;
    }
    int best = 0;
    for (const auto& [name, count] : place_count)
      if (count > best && places_.count(name)) best = count, figures_.subject = name;
    if (retrospective_plan > 0) {
      figures_.recent_period = "FYP" + std::to_string(retrospective_plan);
    } else if (latest_year > 0) {
      int plan = five_year_plan_of(latest_year);
      if (plan > 0 && (latest_year - 1981) % 5 == 0) --plan;  // first year of a plan
      if (plan > 0) figures_.recent_period = "FYP" + std::to_string(plan);
    }
  }

  std::string resolve(const Period& p) const {
    return p.key == "RECENT5" ? figures_.recent_period : p.key;
  }

  void extract_block(std::size_t b) {
    const Block& block = doc_.blocks()[b];
    const std::string_view text = block.text;
    const auto& quantities = block_figures(doc_).quantities[b];
    if (quantities.empty()) return;
    const auto& periods = block_figures(doc_).periods[b];
    const auto places = places_in(text);
    const auto& sentences = doc_.sentences(b);
    std::size_t sentence_first_claim = figures_.claims.size();
    std::size_t current_sentence = SIZE_MAX;
    // Quantities come in text order: sentences, periods and places are
    // followed with cursors, never searched from the block's start (a block
    // can be a megabyte long).
    std::size_t s = 0, next_period = 0, next_place = 0;
    const Period* period = nullptr;  // the last usable period before the figure
    std::optional<std::pair<std::size_t, std::string>> place;  // the last accepted place before it
    for (const Quantity& q : quantities) {
      if (q.unit.empty() && !q.has_scale) continue;  // a bare number measures nothing known
      while (s + 1 < sentences.size() && sentences[s].end <= q.begin) ++s;
      for (; next_period < periods.size() && periods[next_period].begin < q.begin; ++next_period)
        if (!periods[next_period].baseline && !periods[next_period].future) period = &periods[next_period];
      for (; next_place < places.size() && places[next_place].first < q.begin; ++next_place)
        if (places_.count(places[next_place].second)) place = places[next_place];
      const std::size_t sentence_begin = sentences.empty() ? 0 : sentences[s].begin;
      if (s != current_sentence) current_sentence = s, sentence_first_claim = figures_.claims.size();
      const std::size_t clause = clause_start(text, sentence_begin, q.begin);

      Claim c;
      c.quantity = q;
      c.block = b;
      c.sentence = s;
      c.where = doc_.locate(block, q.begin, q.end);
      const std::string_view prefix = text.substr(clause, q.begin - clause);
      c.role = role_of(prefix, q);
      const std::string_view sentence_prefix = text.substr(sentence_begin, q.begin - sentence_begin);
      for (auto w : kPlanWords)
        if (sentence_prefix.find(w) != std::string_view::npos) c.plan = true;
      for (auto w : kClausePlanWords)
        if (prefix.find(w) != std::string_view::npos) c.plan = true;

      // Period: the nearest one before the figure in its paragraph that is
      // not a comparison base or a plan.
      if (period) {
        c.period = resolve(*period);
        c.period_text = period->text;
      }
      // Subject: the nearest place named before it in the sentence.
      c.subject = place && place->first >= sentence_begin ? place->second : figures_.subject;

      // A metric is a few words long: segment only the end of the clause
      // (dictionary segmentation is the costliest step of the pipeline).
      const std::size_t window = std::max(clause, q.begin - tail_chars(prefix, kMetricWindow).size());
      const std::string scrubbed = scrub(text.substr(window, q.begin - window), window, periods, places);
      std::vector<std::string> words = metric_before(scrubbed);
      if (words.empty() && c.role == ClaimRole::Value) words = metric_after(text.substr(q.end));
      if (words.empty() && c.role != ClaimRole::Value) link(c, sentence_first_claim);
      if (!words.empty() && join(words).size() >= 6) {  // at least two characters
        c.metric = join(words);
        c.metric_key = key_of(words) + role_suffix(c.role);
      }
      figures_.claims.push_back(std::move(c));
    }
  }

  // An increase or rate without its own metric qualifies the last total in
  // its sentence, and takes that total's metric, subject and period.
  void link(Claim& c, std::size_t sentence_first_claim) {
    for (std::size_t k = figures_.claims.size(); k > sentence_first_claim; --k) {
      Claim& prior = figures_.claims[k - 1];
      if (prior.role == ClaimRole::Value && !prior.metric_key.empty() && !prior.quantity.is_percent()) {
        c.anchor = static_cast<int>(k - 1);
        c.metric = prior.metric;
        c.metric_key = prior.metric_key + role_suffix(c.role);
        c.period = prior.period;
        c.period_text = prior.period_text;
        c.subject = prior.subject;
        c.plan = c.plan || prior.plan;
        break;
      }
    }
    if (c.anchor < 0 || c.role != ClaimRole::Rate) return;
    for (std::size_t k = figures_.claims.size(); k > static_cast<std::size_t>(c.anchor); --k) {
      const Claim& prior = figures_.claims[k - 1];
      if (prior.role == ClaimRole::Increase && prior.anchor == c.anchor) {
        c.increase = static_cast<int>(k - 1);
        break;
      }
    }
  }

  static bool is_common_word(const std::string& word) {
    const auto tokens = WordSegmenter::for_this_thread().tokenize(word);
    return tokens.size() == 1 && tokens[0].is_ideographic_word();
  }

  const Document& doc_;
  DocumentFigures figures_;
  std::set<std::string> places_;  // names accepted as places in this document
};

}  // namespace

std::string_view to_string(ClaimRole role) {
  switch (role) {
    case ClaimRole::Value: return "value";
    case ClaimRole::Increase: return "increase";
    case ClaimRole::Decrease: return "decrease";
    case ClaimRole::Rate: return "rate";
    case ClaimRole::RateDecline: return "decline";
    case ClaimRole::Share: return "share";
    case ClaimRole::PointChange: return "points";
  }
  return "value";
}

std::string metric_key_of(std::string_view metric) {
  std::vector<std::string> words;
  const auto tokens = WordSegmenter::for_this_thread().tokenize(metric);
  for (const Token& t : tokens)
    if (t.is_ideographic_word()) words.emplace_back(metric.substr(t.begin, t.size()));
  return key_of(words);
}

const BlockFigures& block_figures(const Document& document) {
  return document.cached<BlockFigures>([&] {
    BlockFigures f;
    for (const Block& block : document.blocks()) {
      f.quantities.push_back(extract_quantities(block.text));
      f.periods.push_back(extract_periods(block.text));
    }
    return f;
  });
}

const DocumentFigures& document_figures(const Document& document) {
  return document.cached<DocumentFigures>([&] { return Extractor(document).run(); });
}

}  // namespace kanwu
