#include "kanwu/kinds/duplicate_paragraph.h"

#include "kanwu/kinds/archive.h"

#include <fmt/format.h>

#include <algorithm>
#include <set>
#include <array>
#include <cmath>
#include <unordered_map>

#include "kanwu/kinds/paragraph_sketch.h"

namespace kanwu {

namespace {

constexpr std::size_t kBands = kSketchBands;
// Candidates read per band, and verified per paragraph, are capped so that
// text shared by thousands of paragraphs cannot make the pass quadratic:
// candidates are ranked by how many bands they share (a true near copy
// shares the most), and only the best are compared shingle by shingle.
constexpr std::size_t kMaxCandidates = 16;
constexpr std::size_t kMaxVerified = 8;

struct Paragraph {
  Location where;
  ParagraphSketch sketch;
};

// What the index keeps of an earlier paragraph: enough to compare with it
// and to point at it, not its excerpt or signature.
struct Stored {
  std::uint32_t file = 0;  // index into the file table
  std::uint32_t cluster = 0;  // the first paragraph of its group of copies
  Position start, end;
  std::vector<Shingle> shingles;
};

// Band keys → paragraphs, as a flat open-addressing table of chain heads
// with one "previous entry" link per (paragraph, band): a few bytes per
// entry instead of a hash-map node and a vector each.
class BandIndex {
 public:
  void add(std::uint64_t key, std::uint32_t paragraph) {
    if ((used_ + 1) * 2 > slots_.size()) grow();
    Slot& slot = find(key);
    if (slot.head == 0) slot.key = key, ++used_;
    links_.push_back({paragraph, slot.head});
    slot.head = static_cast<std::uint32_t>(links_.size());
  }
  // Paragraphs indexed under `key`, most recent first.
  template <typename F>
  void for_each(std::uint64_t key, F&& f) const {
    if (slots_.empty()) return;
    for (std::uint32_t e = find_const(key).head; e != 0; e = links_[e - 1].previous)
      if (!f(links_[e - 1].paragraph)) return;
  }

 private:
  struct Slot {
    std::uint64_t key = 0;
    std::uint32_t head = 0;  // 1-based link index; 0: empty
  };
  struct Link {
    std::uint32_t paragraph;
    std::uint32_t previous;
  };
  Slot& find(std::uint64_t key) { return const_cast<Slot&>(find_const(key)); }
  const Slot& find_const(std::uint64_t key) const {
    std::size_t i = static_cast<std::size_t>(key) & (slots_.size() - 1);
    while (slots_[i].head != 0 && slots_[i].key != key) i = (i + 1) & (slots_.size() - 1);
    return slots_[i];
  }
  void grow() {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(std::max<std::size_t>(1024, old.size() * 2), Slot{});
    for (const Slot& s : old)
      if (s.head != 0) find(s.key) = s;
  }
  std::vector<Slot> slots_;
  std::vector<Link> links_;
  std::size_t used_ = 0;
};

struct ParagraphDigest : CorpusPass::Digest {
  std::vector<Paragraph> paragraphs;
};

struct DuplicateSettings {
  std::size_t min_chars = 30;
  double threshold = 0.8;
  std::size_t k = 3;
  std::size_t boilerplate_files = 3;
  std::size_t min_sentences = 2;
  // Which pairs are reported: copies inside one document, across documents.
  bool within = true, across = true;
};

class DuplicatePass : public CorpusPass {
 public:
  DuplicatePass(const Rule& rule, const DuplicateSettings& settings)
      : rule_(rule), settings_(settings) {}

  std::unique_ptr<CorpusPass::Digest> digest(const Document& document) const override {
    auto digest = std::make_unique<ParagraphDigest>();
    for (const Block& block : document.blocks()) {
      if (!rule_.in_scope(block)) continue;
      const std::u32string norm = normalise_paragraph(block.text);
      if (norm.size() < settings_.min_chars) continue;
      // A duplicated paragraph is prose pasted twice. A line with no
      // sentence is a title or a summary entry, and a one-sentence paragraph
      // that recurs is a formula (事故调查组按规定…移交…, a note repeated
      // in each tab of a docs page): repeating those is how pages are built.
      if (count_sentences(block.text) < settings_.min_sentences) continue;
      Paragraph p;
      p.where = document.locate(block, 0, block.text.size());
      p.sketch = sketch_paragraph(norm, settings_.k);
      digest->paragraphs.push_back(std::move(p));
    }
    return digest;
  }

  void add(std::unique_ptr<CorpusPass::Digest> d) override {
    auto& digest = static_cast<ParagraphDigest&>(*d);
    for (Paragraph& p : digest.paragraphs) {
      if (archive_ && settings_.across) compare_with_archive(p);
      add_paragraph(std::move(p));
    }
  }

  void consult(Archive& archive) override { archive_ = &archive; }

  void finish(std::vector<Finding>& out) override {
    // A text that recurs in many documents is a template (a dateline
    // formula, a standard closing sentence, a note every page carries),
    // not a defect of any one of them.
    for (Pending& p : findings_) {
      if (cluster_files_[p.cluster].size() >= settings_.boilerplate_files) continue;
      const bool across = p.finding.related.front().where.file != p.finding.where.file;
      if (across ? settings_.across : settings_.within) out.push_back(std::move(p.finding));
    }
    findings_.clear();
    for (Finding& f : archived_findings_) out.push_back(std::move(f));
    archived_findings_.clear();
  }

 private:
  // A draft's paragraph copied from a published one (exact or near, by the
  // same sketch and measure): reported against the archived article, unless
  // the archive holds it in boilerplate_files articles or more (a template)
  // or the copy is the draft's own published version.
  void compare_with_archive(const Paragraph& p) {
    std::vector<ArchivedParagraph> copies = archive_->paragraphs_like(p.sketch, settings_.k, std::max<std::size_t>(kMaxVerified, settings_.boilerplate_files));
    std::erase_if(copies, [&](const ArchivedParagraph& a) {
      return a.similarity < settings_.threshold || a.document.name == p.where.file;
    });
    if (copies.empty()) return;
    std::set<std::string> articles;
    for (const ArchivedParagraph& a : copies) articles.insert(a.document.name);
    if (articles.size() >= settings_.boilerplate_files) return;
    const ArchivedParagraph& first = copies.front();
    const bool exact = first.similarity >= 1.0;
    const int percent = exact ? 100 : std::min(99, static_cast<int>(std::floor(first.similarity * 100)));
    const std::string& title = first.document.title.empty() ? first.document.name : first.document.title;
    const std::string place = first.document.published.empty()
                                  ? fmt::format("已发布的《{}》", title)
                                  : fmt::format("已发布的《{}》（{}）", title, first.document.published);
    Finding f = make_finding(rule_, p.where,
                             {{"similarity", fmt::format("{}%", percent)}, {"first", place}, {"kind", exact ? "重复" : "近似重复"}});
    f.related.push_back({first.where, place + (exact ? "中的同一段落" : "中的相似段落")});
    archived_findings_.push_back(std::move(f));
  }

  void add_paragraph(Paragraph p) {
    if (files_.empty() || files_.back() != p.where.file) files_.push_back(p.where.file);
    const auto file = static_cast<std::uint32_t>(files_.size() - 1);
    if (const auto it = exact_.find(p.sketch.exact); it != exact_.end()) {
      report(p, stored_[it->second], 1.0, file);
      return;  // the first copy already represents this text in the index
    }
    const auto id = static_cast<std::uint32_t>(stored_.size());
    std::vector<std::uint32_t> candidates;
    const auto band_keys = p.sketch.band_keys();
    for (std::size_t band = 0; band < kBands; ++band) {
      std::size_t taken = 0;
      bands_.for_each(band_keys[band], [&](std::uint32_t c) {
        candidates.push_back(c);
        return ++taken < kMaxCandidates;
      });
    }
    std::sort(candidates.begin(), candidates.end());
    std::vector<std::pair<std::uint32_t, std::uint32_t>> ranked;  // (shared bands, id)
    for (std::size_t i = 0; i < candidates.size();) {
      std::size_t j = i;
      while (j < candidates.size() && candidates[j] == candidates[i]) ++j;
      ranked.emplace_back(static_cast<std::uint32_t>(j - i), candidates[i]);
      i = j;
    }
    const std::size_t verify = std::min(ranked.size(), kMaxVerified);
    std::partial_sort(ranked.begin(), ranked.begin() + verify, ranked.end(),
                      [](const auto& a, const auto& b) { return a.first != b.first ? a.first > b.first : a.second < b.second; });
    double best = 0;
    std::uint32_t best_id = 0;
    for (std::size_t k = 0; k < verify; ++k) {
      const double j = shingle_jaccard(p.sketch.shingles, stored_[ranked[k].second].shingles);
      if (j > best) best = j, best_id = ranked[k].second;
    }
    std::uint32_t cluster = 0;
    if (best >= settings_.threshold) {
      report(p, stored_[best_id], best, file);
      cluster = stored_[best_id].cluster;
    } else {
      cluster = static_cast<std::uint32_t>(cluster_files_.size());
      cluster_files_.push_back({file});
    }
    exact_.emplace(p.sketch.exact, id);
    for (std::size_t band = 0; band < kBands; ++band) bands_.add(band_keys[band], id);
    stored_.push_back({file, cluster, p.where.start, p.where.end, std::move(p.sketch.shingles)});
  }

  Location location_of(const Stored& s) const {
    Location at;
    at.file = files_[s.file];
    at.start = s.start;
    at.end = s.end;
    return at;
  }

  void report(const Paragraph& p, const Stored& stored, double similarity, std::uint32_t file) {
    auto& files = cluster_files_[stored.cluster];
    if (std::find(files.begin(), files.end(), file) == files.end()) files.push_back(file);
    const Location first = location_of(stored);
    const bool exact = similarity >= 1.0;
    const std::string place = brief_place(first);
    const int percent = exact ? 100 : std::min(99, static_cast<int>(std::floor(similarity * 100)));
    Finding f = make_finding(rule_, p.where,
                             {{"similarity", fmt::format("{}%", percent)},
                              {"first", place},
                              {"kind", exact ? "重复" : "近似重复"}});
    f.related.push_back({first, exact ? "首次出现的段落" : "相似的段落"});
    findings_.push_back({std::move(f), stored.cluster});
  }

  const Rule& rule_;
  DuplicateSettings settings_;
  std::vector<std::string> files_;  // file table: consecutive paragraphs share a file
  // The files each group of copies appears in, by cluster.
  std::vector<std::vector<std::uint32_t>> cluster_files_;
  struct Pending {
    Finding finding;
    std::uint32_t cluster;
  };
  std::vector<Stored> stored_;
  std::unordered_map<std::uint64_t, std::uint32_t> exact_;
  BandIndex bands_;
  std::vector<Pending> findings_;
  Archive* archive_ = nullptr;
  std::vector<Finding> archived_findings_;
};

class DuplicateParagraphRule : public Rule {
 public:
  DuplicateParagraphRule(RuleInfo info, DuplicateSettings settings)
      : Rule(std::move(info)), settings_(settings) {}

  std::unique_ptr<CorpusPass> corpus_pass() const override {
    return std::make_unique<DuplicatePass>(*this, settings_);
  }

 private:
  DuplicateSettings settings_;
};

std::unique_ptr<Rule> create(RuleInfo info, ParamReader& params) {
  DuplicateSettings s;
  s.min_chars = static_cast<std::size_t>(params.integer("min_chars", 30, 5, 100000));
  s.threshold = params.number("threshold", 0.8, 0.3, 1.0);
  s.k = static_cast<std::size_t>(params.integer("shingle", 3, 1, 16));
  s.min_sentences = static_cast<std::size_t>(params.integer("min_sentences", 2, 0, 1000));
  s.boilerplate_files = static_cast<std::size_t>(params.integer("boilerplate_files", 3, 2, 1000000));
  if (const auto c = params.optional_string("compare")) {
    if (*c == "within") s.across = false;
    else if (*c == "across") s.within = false;
    else if (*c != "both") params.error_at("compare", "must be within, across or both");
  }
  return std::make_unique<DuplicateParagraphRule>(std::move(info), s);
}

}  // namespace

const RuleKind& duplicate_paragraph_kind() {
  static const RuleKind kind{"duplicate-paragraph",
                             "paragraphs repeated exactly or nearly, within and across documents",
                             {"similarity", "first", "kind"},
                             {BlockKind::Body, BlockKind::ListItem},
                             &create};
  return kind;
}

}  // namespace kanwu
