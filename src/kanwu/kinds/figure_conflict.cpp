#include "kanwu/kinds/figure_conflict.h"

#include <fmt/format.h>

#include <fmt/ranges.h>

#include <algorithm>
#include <tuple>
#include <map>
#include <optional>
#include <unordered_map>
#include <unordered_set>

#include "kanwu/figures/claim.h"
#include "kanwu/figures/comparable.h"
#include "kanwu/figures/restatement.h"
#include "kanwu/kinds/archive.h"
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

// Two figures hedged alike with different numbers (约380万人次 and 约381万人次,
// 超过7.8亿户 and 超7.9亿户: the kind of hedge, whatever its word): their
// intervals overlap, yet a passage restated word for word with the number
// changed is a changed number.
bool hedged_twins(Approx a, double a_value, Approx b, double b_value) {
  return a != Approx::Exact && a == b && a_value != b_value;
}
// What a place offers as evidence that another passage restates it: the
// comparable figure's evidence (comparable.h), and where it is.
struct PassageEvidence : FigureEvidence {
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
  // The draft's path; for an archived figure, its name behind a mark no
  // path holds (never the same document as a draft).
  std::string document;
  // An archived figure: its document, and the correction it stands for.
  std::optional<ArchivedDocument> archived;
  std::string corrected_from, corrected_on;
};

struct ClaimDigest {
  std::string group;
  std::string figure;
  std::string metric;
  std::string role;
  std::string text;  // as written
  std::string share_base;
  std::string period_text;
  double low = 0, high = 0;
  double value = 0;
  bool exact = false;
  Approx hedge = Approx::Exact;
  Location where;
  // Figures in one sentence are parallel, not rival, statements (在7个旗县
  // 落地10个试点): a conflict needs two sentences.
  std::string sentence;
  PassageEvidence evidence;
};

ClaimDigest digest_of(ComparableFigure f, std::string document) {
  ClaimDigest d;
  // Two figures in one paragraph are parallel statements (此前…, 其中…)
  // more often than rival ones: a conflict needs two paragraphs.
  d.sentence = fmt::format("{}\x1f{}", document, f.block);
  d.group = std::move(f.group);
  d.figure = std::move(f.figure);
  d.metric = std::move(f.metric);
  d.role = std::move(f.role);
  d.text = std::move(f.text);
  d.share_base = std::move(f.share_base);
  d.period_text = std::move(f.period_text);
  d.low = f.low;
  d.high = f.high;
  d.value = f.value;
  d.exact = f.exact;
  d.hedge = f.hedge;
  d.where = std::move(f.where);
  static_cast<FigureEvidence&>(d.evidence) = std::move(f.evidence);
  d.evidence.document = std::move(document);
  return d;
}

ClaimDigest digest_of(ArchivedFigure a) {
  ClaimDigest d = digest_of(std::move(a.figure), "");
  d.sentence = fmt::format("archive\x1f{}\x1f{}", a.document.name, d.sentence);
  d.evidence.document = "\x1f" "archive\x1f" + a.document.name;
  d.evidence.archived = std::move(a.document);
  d.evidence.corrected_from = std::move(a.corrected_from);
  d.evidence.corrected_on = std::move(a.corrected_on);
  return d;
}

// What a correction of an archived figure says, or "".
std::string correction_words(const PassageEvidence& e, const std::string& now) {
  if (e.corrected_from.empty()) return "";
  return e.corrected_on.empty() ? fmt::format("原为“{}”，已更正为{}", e.corrected_from, now)
                                : fmt::format("原为“{}”，已于{}更正为{}", e.corrected_from, e.corrected_on, now);
}

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
    const auto in_scope = [&](const Block& block) { return rule_.in_scope(block); };
    for (ComparableFigure& f : comparable_figures(document, vocabulary_, in_scope))
      digest->claims.push_back(digest_of(std::move(f), document.path()));
    return digest;
  }

  void consult(Archive& archive) override { archive_ = &archive; }

  void add(std::unique_ptr<CorpusPass::Digest> d) override {
    auto& claims = static_cast<ClaimsDigest&>(*d).claims;
    if (archive_) add_archived(claims);
    for (ClaimDigest& c : claims) add_claim(std::move(c), true);
  }

  void finish(std::vector<Finding>& out) override {
    for (Finding& f : findings_) out.push_back(std::move(f));
    findings_.clear();
  }

 private:
  // The archive's figures of every group a document states that no earlier
  // document did, added before the document's own and never reported among
  // themselves (they are published): a draft's figure is reported against
  // the published one.
  void add_archived(const std::vector<ClaimDigest>& claims) {
    std::vector<std::string> groups;
    for (const ClaimDigest& c : claims)
      if (looked_up_.insert(c.group).second) groups.push_back(c.group);
    if (groups.empty()) return;
    for (ArchivedFigure& a : archive_->figures_in(groups)) add_claim(digest_of(std::move(a)), false);
  }

  struct Reading {
    double low, high, value;
    Approx hedge;
    std::string text;
    bool exact;
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
    bool hedged = false;          // the values are hedged twins (hedged_twins)
    const Location* place = nullptr;
    const PassageEvidence* evidence = nullptr;  // the place's
  };

  // The strongest evidence that `c` restates one of the places of `r`;
  // Restatement::place is null when no place can be compared at all.
  Restatement restatement(const ClaimDigest& c, const Reading& r, bool hedged) const {
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
      // A draft is not compared with its own published version.
      if (there.archived && there.archived->name == c.evidence.document) continue;
      Restatement here;
      here.place = &r.places[p];
      here.hedged = hedged;
      here.evidence = &there;
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
          if (cannot_be_one(mine.low, mine.high, theirs.low, theirs.high)) ++here.disagreeing;
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
    // Targets are restated year after year in like words with other
    // numbers (城镇新增就业1100万人以上 — then 1200万), and hedged twins
    // overlap by their wording: only a passage restated word for word about
    // the same years, or whose other figures agree exactly, is the same
    // target, or says the hedged number was changed (a hedge updated later
    // comes with its other figures updated too).
    if (c.evidence.plan || r.hedged)
      return r.disagreeing == 0 &&
             ((r.similarity >= kVerbatimSimilarity && r.same_dates && long_enough) || !r.agreeing.empty());
    if (r.cross_unnamed)
      return !r.agreeing.empty() || (r.similarity >= kVerbatimSimilarity && r.same_dates && long_enough);
    if (r.named_indicator || !r.agreeing.empty()) return true;
    if (r.disagreeing > 0) return false;
    return (r.self_contained && r.same_document) ||
           (r.similarity >= similar_passage_ && (long_enough || !r.same_document));
  }

  // `report`: a conflict of `c` with what came before is reported (not
  // between archived figures).
  void add_claim(ClaimDigest c, bool report_conflicts) {
    auto& readings = groups_[c.group];
    std::vector<std::pair<const Reading*, Restatement>> disagree;
    Reading* same = nullptr;
    for (Reading& r : readings) {
      // 占全国比重 and 占全省比重 are different shares; an unstated whole
      // may be either.
      const bool same_whole = r.share_base.empty() || c.share_base.empty() || r.share_base == c.share_base;
      if (r.text == c.text && r.share_base == c.share_base) same = &r;
      const bool elsewhere = r.sentences.size() > 1 || r.sentences.front() != c.sentence;
      const bool apart = cannot_be_one(c.low, c.high, r.low, r.high);
      const bool hedged = !apart && hedged_twins(c.hedge, c.value, r.hedge, r.value);
      if (report_conflicts && (apart || hedged) && elsewhere && same_whole) {
        Restatement evidence = restatement(c, r, hedged);
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
      readings.push_back({c.low, c.high, c.value, c.hedge, c.text, c.exact, c.share_base, {c.where}, {c.sentence}, {std::move(c.evidence)}});
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
      places += evidence.evidence->archived ? published_place(*evidence.evidence->archived) : brief_place(*evidence.place);
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
    if (c.evidence.plan) why = "两处同为目标数；" + why;
    if (const std::string corrected = correction_words(*first.evidence, disagree.front().first->text); !corrected.empty())
      why = corrected + "；" + why;
    Finding f = make_finding(rule_, c.where,
                             {{"metric", c.metric + role_words(c.role)},
                              {"value", c.text},
                              {"other_value", others},
                              {"other_place", places},
                              {"period", c.period_text},
                              {"evidence", why}});
    for (const auto& [r, evidence] : disagree)
      for (std::size_t p = 0; p < r->places.size(); ++p) {
        const PassageEvidence& e = r->evidence[p];
        if (e.archived && e.archived->name == c.evidence.document) continue;
        const std::string corrected = correction_words(e, r->text);
        f.related.push_back({r->places[p], e.archived ? fmt::format("{}此处为{}{}", published_place(*e.archived), r->text,
                                                                    corrected.empty() ? "" : "（" + corrected + "）")
                                                      : fmt::format("此处为{}", r->text)});
      }
    findings_.push_back(std::move(f));
  }

  const Rule& rule_;
  const FigureVocabulary& vocabulary_;
  const double similar_passage_;
  std::unordered_map<std::string, std::vector<Reading>> groups_;
  std::vector<Finding> findings_;
  Archive* archive_ = nullptr;
  std::unordered_set<std::string> looked_up_;  // groups already read from the archive
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
