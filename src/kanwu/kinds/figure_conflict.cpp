#include "kanwu/kinds/figure_conflict.h"

#include <fmt/format.h>

#include <fmt/ranges.h>

#include <algorithm>
#include <tuple>
#include <map>
#include <optional>
#include <unordered_map>

#include "kanwu/figures/claim.h"
#include "kanwu/figures/restatement.h"
#include "kanwu/text/utf8.h"

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
// Sentences shorter than this (in character pairs, numbers masked) are not
// evidence of a restatement by their likeness alone.
constexpr std::size_t kMinPassageBigrams = 12;
// Sentences this alike (numbers masked) are one passage restated nearly
// word for word.
constexpr double kVerbatimSimilarity = 0.85;
// A clause shorter than this (in characters, numbers masked) names too
// little to stand for a metric the reader could not name.
constexpr std::size_t kMinClauseCharacters = 10;
// Other figures of a paragraph kept as evidence.
constexpr std::size_t kMaxCoFigures = 16;

// Another figure of the same paragraph: when a rival passage states it
// too, with the same value, the two passages report the same thing.
struct CoFigure {
  std::string figure;  // metric, period, unit family
  double value = 0;
  bool exact = false;  // 900万人以上 agrees with 1168万人 as a range, not as a restatement
  double low = 0, high = 0;
  std::string text;
};

// What a place offers as evidence that another passage restates it.
struct PassageEvidence {
  PassageText text;
  // Made from `text` when a rival asks (the pass runs on one thread): the
  // sentence (across documents) and the paragraph's opening with it (inside
  // one).
  const MaskedPassage& passage() const {
    if (!passage_) passage_ = text.sentence_passage();
    return *passage_;
  }
  const MaskedPassage& paragraph() const {
    if (!paragraph_) paragraph_ = text.paragraph_passage();
    return *paragraph_;
  }
  mutable std::optional<MaskedPassage> passage_, paragraph_;
  std::vector<CoFigure> cofigures;
  // A named statistical indicator (a vocabulary indicator: 城镇新增就业,
  // 地区生产总值) whose subject and period the text states: two such
  // statements are one figure by definition, however differently the
  // passages around them are written.
  bool named_indicator = false;
  // A subject the text does not name ("@file", "@file#section": what the
  // document is about): comparable inside that document, and with another
  // document only when their passages share another figure.
  std::string unnamed_subject;
  std::string document;
  // No period was read: the figure is compared only with a passage that
  // states another of its figures alike (the same report, restated).
  bool unknown_period = false;
  // The figure's own sentence states its period and its subject (2025年，
  // 全市中欧班列开行942列): nothing is carried from elsewhere.
  bool self_contained = false;
};

struct ClaimDigest {
  std::string group;  // metric, subject, period and unit family
  // The same without the subject: a figure that agrees in two passages is
  // itself evidence that they speak of one subject.
  std::string figure;
  std::string metric;
  std::string role;
  std::string text;  // as written
  std::string share_base;  // a share of what ("" when unstated)
  std::string period_text;
  double low = 0, high = 0;
  double value = 0;
  bool exact = false;
  Location where;
  // Figures in one sentence are parallel, not rival, statements (在7个旗县
  // 落地10个试点): a conflict needs two sentences.
  std::string sentence;
  PassageEvidence evidence;
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
  ConflictPass(const Rule& rule, const FigureVocabulary& vocabulary, double similar_passage)
      : rule_(rule), vocabulary_(vocabulary), similar_passage_(similar_passage) {}

  std::unique_ptr<CorpusPass::Digest> digest(const Document& document) const override {
    auto digest = std::make_unique<ClaimsDigest>();
    const BlockFigures& figures = block_figures(document);
    const DocumentFigures& read = document_figures(document, vocabulary_);
    // The figures' number spans, block by block, read once.
    std::vector<std::pair<std::size_t, std::size_t>> numbers;
    std::size_t numbers_block = SIZE_MAX;
    for (const Claim& c : read.claims) {
      // A figure with no unit (18.8万亿英镑 reads as 18.8万亿) is not compared.
      // Targets and forecasts are not compared (a target restated with
      // another number is a conflict too, but a period misread turns last
      // year's result into this year's target, so plan against plan was
      // wrong more often than right on real reports); start values never.
      if (c.plan || c.start_value || c.ambiguous || c.quantity.unit.empty() ||
          !rule_.in_scope(document.blocks()[c.block]))
        continue;
      if (c.block != numbers_block) {
        numbers.clear();
        for (const Quantity& q : figures.quantities[c.block]) numbers.emplace_back(q.number_begin, q.number_end);
        numbers_block = c.block;
      }
      // A figure whose metric was not read is known by its clause, word for
      // word with the numbers masked (新建和改扩建学校#所): the same clause in
      // two places is the same metric, if it says enough to name one.
      std::string metric_key = c.metric_key, metric = c.metric;
      if (metric_key.empty()) {
        const std::string clause = masked_clause(document.blocks()[c.block].text, c.quantity.number_begin, numbers);
        if (utf8::count_code_points(clause) < kMinClauseCharacters) continue;
        metric_key = "clause:" + clause + "#" + std::string(to_string(c.role));
        metric = "“" + clause + "”";
      }
      ClaimDigest d;
      const bool unnamed = c.subject.starts_with("@");
      const std::string period = c.period.empty() ? "?" : c.period;
      d.group = metric_key + '\x1f' + (unnamed ? std::string("?") : c.subject) + '\x1f' + period + '\x1f' +
                unit_family(c.quantity.unit);
      d.evidence.unknown_period = c.period.empty();
      d.figure = metric_key + '\x1f' + period + '\x1f' + unit_family(c.quantity.unit);
      if (unnamed) d.evidence.unnamed_subject = c.subject;
      d.evidence.document = document.path();
      d.metric = metric;
      d.role = std::string(to_string(c.role));
      d.text = c.quantity.text;
      d.share_base = c.share_base;
      d.period_text = c.period_text;
      d.low = c.quantity.low;
      d.high = c.quantity.high;
      d.value = c.quantity.value;
      d.exact = c.quantity.approx == Approx::Exact;
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
      d.evidence.text = PassageText::of(document.blocks()[c.block].text, c.quantity.begin, numbers);
      // The period is stated when the text named it (not the date of an
      // undated text's figures).
      const bool period_stated = !c.period_text.empty() || c.period != read.context.default_period;
      // 全县, 本市 in a document that names no county or city still names
      // its subject ("@file#section"); "@file" alone is what nothing named.
      const bool subject_stated = !unnamed || c.subject.find('#') != std::string::npos;
      d.evidence.named_indicator = period_stated && subject_stated && names_indicator(c.metric);
      {
        const auto& spans = document.sentences(c.block);
        const std::string_view block_text = document.blocks()[c.block].text;
        const std::string_view sentence =
            c.sentence < spans.size() ? block_text.substr(spans[c.sentence].begin, spans[c.sentence].end - spans[c.sentence].begin)
                                      : block_text;
        const auto names_any = [&](const std::vector<std::string>& words) {
          return std::any_of(words.begin(), words.end(),
                             [&](const std::string& w) { return sentence.find(w) != std::string_view::npos; });
        };
        d.evidence.self_contained =
            !c.period_text.empty() && sentence.find(c.period_text) != std::string_view::npos &&
            ((!unnamed && sentence.find(c.subject) != std::string_view::npos) || names_any(vocabulary_.own_place) ||
             names_any(vocabulary_.national));
      }
      digest->claims.push_back(std::move(d));
    }
    // The other figures of each paragraph, for the agreeing-figures evidence
    // (claims come in block order: each block's run is read on its own).
    auto& claims = digest->claims;
    for (std::size_t run = 0; run < claims.size();) {
      std::size_t run_end = run;
      while (run_end < claims.size() && claims[run_end].sentence == claims[run].sentence) ++run_end;
      // The nearest figures of the paragraph, kMaxCoFigures / 2 either side
      // (a paragraph of thousands of figures is read in linear time).
      for (std::size_t i = run; i < run_end; ++i) {
        ClaimDigest& d = claims[i];
        const std::size_t from = std::max(run, i >= kMaxCoFigures / 2 ? i - kMaxCoFigures / 2 : 0);
        const std::size_t to = std::min(run_end, i + kMaxCoFigures / 2 + 1);
        for (std::size_t j = from; j < to; ++j) {
          const ClaimDigest& o = claims[j];
          if (j != i && o.group != d.group) d.evidence.cofigures.push_back({o.figure, o.value, o.exact, o.low, o.high, o.text});
        }
      }
      run = run_end;
    }
    return digest;
  }

  bool names_indicator(const std::string& metric) const {
    return std::any_of(vocabulary_.indicators.begin(), vocabulary_.indicators.end(),
                       [&](const auto& i) { return metric.find(i.second) != std::string::npos; });
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
    std::vector<PassageEvidence> evidence;  // one per place
  };

  // Why the two places are one figure stated twice: the strongest evidence
  // between the claim and any place of the rival reading.
  struct Restatement {
    double similarity = 0;
    std::vector<std::string> agreeing;  // figures both passages state alike
    bool named_indicator = false;       // both state a named indicator of a stated subject and period
    // A subject not named (across documents) or a period not read: only
    // agreeing figures show the two passages are one report.
    bool cross_unnamed = false;
    bool same_dates = false;  // the passages name the same years and dates
    bool same_document = false;
    // Other figures both passages state, with values that cannot be equal:
    // a template filled in for another scope (查处“四风”问题19.2万起…其中给予
    // 党纪政务处分18.8万人 / 查处相关问题1.4万余个…1.3万余人), not a
    // passage restated with one slip.
    std::size_t disagreeing = 0;
    bool self_contained = false;  // both sentences state their own period and subject
    const Location* place = nullptr;
  };

  // The strongest evidence that `c` restates one of the places of `r`;
  // Restatement::place is null when no place can be compared at all.
  Restatement restatement(const ClaimDigest& c, const Reading& r) const {
    Restatement best;
    bool best_restates = false;
    for (std::size_t p = 0; p < r.evidence.size(); ++p) {
      const PassageEvidence& there = r.evidence[p];
      const bool unnamed = !c.evidence.unnamed_subject.empty() || !there.unnamed_subject.empty();
      const bool same_document = c.evidence.document == there.document;
      // Inside one document, the same unnamed subject (or section); across
      // documents, an unnamed subject is the same only when the passages
      // state another figure alike (restates).
      if (unnamed && same_document && c.evidence.unnamed_subject != there.unnamed_subject) continue;
      Restatement here;
      here.place = &r.places[p];
      here.same_document = same_document;
      here.self_contained = c.evidence.self_contained && there.self_contained;
      here.cross_unnamed = (unnamed && !same_document) || c.evidence.unknown_period || there.unknown_period;
      const MaskedPassage& mine = same_document ? c.evidence.paragraph() : c.evidence.passage();
      const MaskedPassage& theirs = same_document ? there.paragraph() : there.passage();
      here.similarity = mine.similarity(theirs);
      here.same_dates = mine.dates == theirs.dates;
      here.named_indicator = c.evidence.named_indicator && there.named_indicator;
      for (const CoFigure& mine : c.evidence.cofigures)
        for (const CoFigure& theirs : there.cofigures) {
          if (mine.figure != theirs.figure) continue;
          if (mine.exact && theirs.exact && mine.value == theirs.value &&
              std::find(here.agreeing.begin(), here.agreeing.end(), mine.text) == here.agreeing.end())
            here.agreeing.push_back(mine.text);
          if (mine.high < theirs.low || theirs.high < mine.low) ++here.disagreeing;
        }
      const bool here_restates = restates(here, c);
      const auto strength = [](const Restatement& x, bool passes) {
        return std::make_tuple(passes, x.named_indicator, x.agreeing.size(), x.similarity);
      };
      if (best.place == nullptr || strength(here, here_restates) > strength(best, best_restates)) {
        best = std::move(here);
        best_restates = here_restates;
      }
    }
    return best;
  }

  // What counts as a restatement depends on what was read. With the subject
  // named and the period stated, a named indicator, two sentences of one
  // document that each state their own period and subject (closed world:
  // all of the identity read where the figure is; across documents the
  // same words name different scopes too often: 全国…给予党纪政务处分 of
  // all cases and of one field's), an agreeing figure or a like sentence. Inside one document a short formula (学制一般不少于4个月)
  // recurs word for word in parallel items about different things: a like
  // sentence must say enough, or say itself what and when it is about. Across an
  // unnamed subject or an unread period, only an agreeing figure or a
  // sentence restated nearly word for word about the same years.
  bool restates(const Restatement& r, const ClaimDigest& c) const {
    if (r.place == nullptr) return false;
    const bool long_enough =
        (r.same_document ? c.evidence.paragraph() : c.evidence.passage()).bigrams.size() >= kMinPassageBigrams;
    if (r.cross_unnamed)
      return !r.agreeing.empty() || (r.similarity >= kVerbatimSimilarity && r.same_dates && long_enough);
    if (r.named_indicator || !r.agreeing.empty()) return true;
    if (r.disagreeing > 0) return false;
    return (r.self_contained && r.same_document) ||
           (r.similarity >= similar_passage_ && (long_enough || !r.same_document));
  }

  void add_claim(ClaimDigest c) {
    auto& readings = groups_[c.group];
    std::vector<std::pair<const Reading*, Restatement>> disagree;
    Reading* same = nullptr;
    for (Reading& r : readings) {
      // 占全国比重 and 占全省比重 are different shares; an unstated whole
      // may be either.
      const bool same_whole = r.share_base.empty() || c.share_base.empty() || r.share_base == c.share_base;
      if (r.text == c.text && r.share_base == c.share_base) same = &r;
      const bool elsewhere = r.sentences.size() > 1 || r.sentences.front() != c.sentence;
      if ((c.high < r.low || r.high < c.low) && elsewhere && same_whole) {
        Restatement evidence = restatement(c, r);
        if (restates(evidence, c)) disagree.emplace_back(&r, std::move(evidence));
      }
    }
    if (!disagree.empty()) report(c, std::move(disagree));
    // Places kept for related locations need no excerpt.
    c.where.excerpt.clear();
    c.where.excerpt.shrink_to_fit();
    if (same) {
      if (same->places.size() < kMaxPlacesPerReading) {
        same->places.push_back(c.where);
        same->sentences.push_back(c.sentence);
        same->evidence.push_back(std::move(c.evidence));
      }
    } else {
      readings.push_back({c.low, c.high, c.text, c.share_base, {c.where}, {c.sentence}, {std::move(c.evidence)}});
    }
  }

  void report(const ClaimDigest& c, std::vector<std::pair<const Reading*, Restatement>> disagree) {
    const std::size_t all = disagree.size();
    if (all > kMaxValuesShown) disagree.resize(kMaxValuesShown);
    std::string others, places;
    for (const auto& [r, evidence] : disagree) {
      if (!others.empty()) others += "、";
      others += r->text;
      if (!places.empty()) places += "、";
      places += brief_place(*evidence.place);
    }
    if (all > disagree.size()) {
      places += "等处";
      others += fmt::format("等{}个不同数值", all);
    }
    // The evidence of the first rival, in the editor's words.
    const Restatement& first = disagree.front().second;
    const std::string agreeing =
        first.agreeing.empty() ? "" : fmt::format("同段其他数据一致（{}）", fmt::join(first.agreeing, "、"));
    std::string why;
    if (first.named_indicator) why = "同一统计指标，主体、时期均已写明";
    else if (first.self_contained) why = "两处各自写明了主体和时期";
    if (!agreeing.empty()) why += (why.empty() ? "" : "；") + agreeing;
    if (why.empty() || !agreeing.empty()) why += fmt::format("{}语句相似度{:.2f}", why.empty() ? "两处语句相近，数字以外" : "，", first.similarity);
    Finding f = make_finding(rule_, c.where,
                             {{"metric", c.metric + role_words(c.role)},
                              {"value", c.text},
                              {"other_value", others},
                              {"other_place", places},
                              {"period", c.period_text},
                              {"evidence", why}});
    for (const auto& [r, evidence] : disagree)
      for (const Location& at : r->places)
        f.related.push_back({at, fmt::format("此处为{}", r->text)});
    findings_.push_back(std::move(f));
  }

  const Rule& rule_;
  const FigureVocabulary& vocabulary_;
  const double similar_passage_;
  std::unordered_map<std::string, std::vector<Reading>> groups_;
  std::vector<Finding> findings_;
};

class FigureConflictRule : public Rule {
 public:
  std::string_view shared_analysis() const override { return "figures"; }
  FigureConflictRule(RuleInfo info, std::shared_ptr<const FigureVocabulary> vocabulary, double similar_passage)
      : Rule(std::move(info)), vocabulary_(std::move(vocabulary)), similar_passage_(similar_passage) {}
  std::unique_ptr<CorpusPass> corpus_pass() const override {
    return std::make_unique<ConflictPass>(*this, *vocabulary_, similar_passage_);
  }

 private:
  std::shared_ptr<const FigureVocabulary> vocabulary_;
  double similar_passage_;
};

std::unique_ptr<Rule> create(RuleInfo info, ParamReader& params) {
  auto vocabulary = vocabulary_param(params);
  // How alike two sentences must be, numbers masked, to count as one passage
  // restated (when no other figure of theirs agrees).
  const double similar_passage = params.number("restated_similarity", 0.7, 0.0, 1.0);
  if (!vocabulary) return nullptr;
  return std::make_unique<FigureConflictRule>(std::move(info), std::move(vocabulary), similar_passage);
}

}  // namespace

const RuleKind& figure_conflict_kind() {
  static const RuleKind kind{"figure-conflict",
                             "the same metric, subject and period stated with incompatible values",
                             {"metric", "value", "other_value", "other_place", "period", "evidence"},
                             {BlockKind::Body, BlockKind::ListItem},
                             &create};
  return kind;
}

}  // namespace kanwu
