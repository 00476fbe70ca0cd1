#include "kanwu/kinds/figure_conflict.h"

#include <fmt/format.h>

#include <map>
#include <unordered_map>

#include "kanwu/figures/claim.h"

namespace kanwu {

namespace {

// Distinct readings kept per group; more copies of an equal reading add
// nothing to compare against.
constexpr std::size_t kMaxPlacesPerReading = 4;
// Other values named in one finding. An archive holding one metric with
// hundreds of values (a generated corpus, a scrape of every daily report)
// would otherwise give each finding hundreds of related places: quadratic
// memory (5 GB on 20,000 generated documents). Beyond this many the message
// says how many values there are in all.
constexpr std::size_t kMaxValuesShown = 8;

struct ClaimDigest {
  std::string group;  // metric, subject, period and unit family
  std::string metric;
  std::string role;
  std::string text;  // as written
  std::string share_base;  // a share of what ("" when unstated)
  std::string period_text;
  double low = 0, high = 0;
  Location where;
  // Figures in one sentence are parallel, not rival, statements (在7个旗县
  // 落地10个试点): a conflict needs two sentences.
  std::string sentence;
};

struct ClaimsDigest : CorpusPass::Digest {
  std::vector<ClaimDigest> claims;
};

std::string role_words(const std::string& role) {
  if (role == "rate") return "增长率";
  if (role == "increase") return "增加量";
  if (role == "decrease") return "减少量";
  if (role == "decline") return "降幅";
  if (role == "share") return "占比";
  if (role == "points") return "变化（百分点）";
  return "";
}

class ConflictPass : public CorpusPass {
 public:
  ConflictPass(const Rule& rule, const FigureVocabulary& vocabulary) : rule_(rule), vocabulary_(vocabulary) {}

  std::unique_ptr<CorpusPass::Digest> digest(const Document& document) const override {
    auto digest = std::make_unique<ClaimsDigest>();
    for (const Claim& c : document_figures(document, vocabulary_).claims) {
      // A figure with no unit (18.8万亿英镑 reads as 18.8万亿) is not compared.
      if (!c.comparable() || c.quantity.unit.empty() || !rule_.in_scope(document.blocks()[c.block])) continue;
      ClaimDigest d;
      d.group = c.metric_key + '\x1f' + c.subject + '\x1f' + c.period + '\x1f' +
                unit_family(c.quantity.unit);
      d.metric = c.metric;
      d.role = std::string(to_string(c.role));
      d.text = c.quantity.text;
      d.share_base = c.share_base;
      d.period_text = c.period_text;
      d.low = c.quantity.low;
      d.high = c.quantity.high;
      // Statistical prose states rates to one decimal and drops a final
      // zero: 分别增长4.2%、5%、5.4% means 5.0%, not anything from 4.5 to 5.5.
      const bool rate = c.quantity.unit == "%" || c.quantity.unit == "个百分点";
      if (rate && c.quantity.approx == Approx::Exact && !c.quantity.chinese &&
          c.quantity.text.find('.') == std::string::npos) {
        d.low = c.quantity.value - 0.05;
        d.high = c.quantity.value + 0.05;
      }
      d.where = c.where;
      // Two figures in one paragraph are parallel statements (此前…, 其中…)
      // more often than rival ones: a conflict needs two paragraphs.
      d.sentence = fmt::format("{}\x1f{}", document.path(), c.block);
      digest->claims.push_back(std::move(d));
    }
    return digest;
  }

  void add(std::unique_ptr<CorpusPass::Digest> d) override {
    for (ClaimDigest& c : static_cast<ClaimsDigest&>(*d).claims) add_claim(std::move(c));
  }

  void finish(std::vector<Finding>& out) override {
    for (Finding& f : findings_) out.push_back(std::move(f));
    findings_.clear();
  }

 private:
  struct Reading {
    double low, high;
    std::string text;
    std::string share_base;
    std::vector<Location> places;
    std::vector<std::string> sentences;
  };

  void add_claim(ClaimDigest c) {
    auto& readings = groups_[c.group];
    std::vector<const Reading*> disagree;
    Reading* same = nullptr;
    for (Reading& r : readings) {
      // 占全国比重 and 占全省比重 are different shares; an unstated whole
      // may be either.
      const bool same_whole = r.share_base.empty() || c.share_base.empty() || r.share_base == c.share_base;
      if (r.text == c.text && r.share_base == c.share_base) same = &r;
      const bool elsewhere = r.sentences.size() > 1 || r.sentences.front() != c.sentence;
      if ((c.high < r.low || r.high < c.low) && elsewhere && same_whole) disagree.push_back(&r);
    }
    if (!disagree.empty()) report(c, std::move(disagree));
    // Places kept for related locations need no excerpt.
    c.where.excerpt.clear();
    c.where.excerpt.shrink_to_fit();
    if (same) {
      if (same->places.size() < kMaxPlacesPerReading) {
        same->places.push_back(c.where);
        same->sentences.push_back(c.sentence);
      }
    } else {
      readings.push_back({c.low, c.high, c.text, c.share_base, {c.where}, {c.sentence}});
    }
  }

  void report(const ClaimDigest& c, std::vector<const Reading*> disagree) {
    const std::size_t all = disagree.size();
    if (all > kMaxValuesShown) disagree.resize(kMaxValuesShown);
    std::string others, places;
    for (const Reading* r : disagree) {
      if (!others.empty()) others += "、";
      others += r->text;
      const Location& at = r->places.front();
      if (!places.empty()) places += "、";
      places += brief_place(at);
    }
    if (all > disagree.size()) {
      places += "等处";
      others += fmt::format("等{}个不同数值", all);
    }
    Finding f = make_finding(rule_, c.where,
                             {{"metric", c.metric + role_words(c.role)},
                              {"value", c.text},
                              {"other_value", others},
                              {"other_place", places},
                              {"period", c.period_text}});
    for (const Reading* r : disagree)
      for (const Location& at : r->places)
        f.related.push_back({at, fmt::format("此处为{}", r->text)});
    findings_.push_back(std::move(f));
  }

  const Rule& rule_;
  const FigureVocabulary& vocabulary_;
  std::unordered_map<std::string, std::vector<Reading>> groups_;
  std::vector<Finding> findings_;
};

class FigureConflictRule : public Rule {
 public:
  std::string_view shared_analysis() const override { return "figures"; }
  FigureConflictRule(RuleInfo info, std::shared_ptr<const FigureVocabulary> vocabulary)
      : Rule(std::move(info)), vocabulary_(std::move(vocabulary)) {}
  std::unique_ptr<CorpusPass> corpus_pass() const override {
    return std::make_unique<ConflictPass>(*this, *vocabulary_);
  }

 private:
  std::shared_ptr<const FigureVocabulary> vocabulary_;
};

std::unique_ptr<Rule> create(RuleInfo info, ParamReader& params) {
  auto vocabulary = vocabulary_param(params);
  if (!vocabulary) return nullptr;
  return std::make_unique<FigureConflictRule>(std::move(info), std::move(vocabulary));
}

}  // namespace

const RuleKind& figure_conflict_kind() {
  static const RuleKind kind{"figure-conflict",
                             "the same metric, subject and period stated with incompatible values",
                             {"metric", "value", "other_value", "other_place", "period"},
                             {BlockKind::Body, BlockKind::ListItem},
                             &create};
  return kind;
}

}  // namespace kanwu
