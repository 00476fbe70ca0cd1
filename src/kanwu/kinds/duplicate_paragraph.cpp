#include "kanwu/kinds/duplicate_paragraph.h"

#include "kanwu/kinds/archive.h"

#include <fmt/format.h>

#include <algorithm>
#include <set>
#include <array>
#include <cmath>
#include <map>
#include <mutex>
#include <optional>
#include <unordered_map>

#include "kanwu/doc/classify.h"
#include "kanwu/kinds/paragraph_sketch.h"
#include "kanwu/text/utf8.h"

namespace kanwu {

namespace {

constexpr std::size_t kBands = kSketchBands;
// Candidates read per band, and verified per paragraph, are capped so that
// text shared by thousands of paragraphs cannot make the pass quadratic:
// candidates are ranked by how many bands they share (a true near copy
// shares the most), and only the best are compared shingle by shingle.
constexpr std::size_t kMaxCandidates = 16;
constexpr std::size_t kMaxVerified = 8;

// Where a paragraph stands in the units of its document: opening one
// (right after a heading, or after markup such as a code block or an HTML
// container), closing one (right before a heading or a short line such as
// a 查看原文 link). Copies that open, or close, parallel units are the
// document's structure: the same intro under each of two sections, the
// same note in a tab of each API view, the formula ending each news item.
// A highlight (■ before a key sentence at the top of a newspaper page)
// restates the body on purpose, as a news summary restates its items.
// A photo caption (the paragraph before a credit line) restates the lead it
// illustrates. A quotation ("习近平在回信中说，…") restates the text it
// quotes when the page prints that text too (the letter in full).
// A news lead opens with its dateline (本报北京9月2日电); the same lead
// without it, later on the page, is the caption of the lead's photo.
enum UnitPlace : std::uint8_t {
  kOpensUnit = 1, kClosesUnit = 2, kHighlight = 4, kCaption = 8, kQuotation = 16, kDateline = 32
};

bool opens_with_dateline(std::string_view text) {
  const std::size_t start = text.find_first_not_of(" \t");
  if (start == std::string_view::npos) return false;
  const std::string_view rest = text.substr(start);
  const std::size_t dian = rest.find("电");
  if (dian == std::string_view::npos || utf8::count_code_points(rest.substr(0, dian)) > 16) return false;
  for (std::string_view agency : {"本报", "新华社", "中新社", "人民网", "新华网"})
    if (rest.starts_with(agency)) return true;
  return false;
}

// The paragraph opens by attributing speech: a first clause of at most 12
// characters ending in a verb of saying, then a comma.
bool opens_with_attribution(std::string_view text) {
  const std::size_t comma = text.find("，");
  if (comma == std::string_view::npos || utf8::count_code_points(text.substr(0, comma)) > 12) return false;
  const std::string_view clause = text.substr(0, comma);
  for (std::string_view verb : {"说", "强调", "指出", "表示", "写道", "认为"})
    if (clause.ends_with(verb)) return true;
  return false;
}


// Each block's normalised length and sketch, made once per document and
// shingle length however many rules of this kind read it (duplicate-paragraph
// and duplicate-across-files read the same paragraphs: each made its own,
// a fifth of the default pack's time on news between them). Made on first
// ask, block by block: a rule's filters decide which blocks are sketched.
struct BlockSketches {
  struct Entry {
    std::size_t chars = 0;  // normalised length
    ParagraphSketch sketch;
  };
  std::unique_ptr<std::mutex> mutex = std::make_unique<std::mutex>();
  std::map<std::size_t, std::vector<std::optional<Entry>>> by_shingle;
};

const BlockSketches::Entry& block_sketch(const Document& document, std::size_t b, std::size_t k) {
  auto& cache = const_cast<BlockSketches&>(document.cached<BlockSketches>([] { return BlockSketches{}; }));
  std::lock_guard lock(*cache.mutex);
  auto& entries = cache.by_shingle[k];
  if (entries.empty()) entries.resize(document.blocks().size());
  std::optional<BlockSketches::Entry>& entry = entries[b];
  if (!entry) {
    const std::u32string norm = normalise_paragraph(document.blocks()[b].text);
    entry.emplace();
    entry->chars = norm.size();
    entry->sketch = sketch_paragraph(norm, k);
  }
  return *entry;  // entries never move once sized: a block's entry stays put
}

struct Paragraph {
  Location where;
  ParagraphSketch sketch;
  std::uint8_t place = 0;  // UnitPlace bits
};

// What the index keeps of an earlier paragraph: enough to compare with it
// and to point at it, not its excerpt or signature.
struct Stored {
  std::uint32_t file = 0;  // index into the file table
  std::uint32_t cluster = 0;  // the first paragraph of its group of copies
  Position start, end;
  std::vector<Shingle> shingles;
  std::uint8_t place = 0;  // UnitPlace bits
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
  // A text found this many times in one document is a formula of its
  // layout (a labelled block under each entry of a reference manual, a
  // caption every item carries), not a paste slip, which makes one copy.
  std::size_t formula_repeats = 3;
  // ... when it is at most this long (normalised characters): a formula is
  // a note or a label, not pages of text repeated.
  std::size_t formula_max_chars = 400;
  // Which pairs are reported: copies inside one document, across documents.
  bool within = true, across = true;
  // Copies across documents are reported only when the run holds at most
  // this many documents with paragraphs (a handful of drafts checked
  // together); 0: always. A larger run is an archive, where most repeats
  // across files are formulas.
  std::size_t across_max_files = 0;
};

class DuplicatePass : public CorpusPass {
 public:
  DuplicatePass(const Rule& rule, const DuplicateSettings& settings)
      : rule_(rule), settings_(settings) {}

  std::unique_ptr<CorpusPass::Digest> digest(const Document& document) const override {
    auto digest = std::make_unique<ParagraphDigest>();
    const auto& blocks = document.blocks();
    for (std::size_t b = 0; b < blocks.size(); ++b) {
      const Block& block = blocks[b];
      if (!rule_.in_scope(block)) continue;
      // A duplicated paragraph is prose pasted twice. A line with no
      // sentence is a title or a summary entry (a news summary repeats its
      // items' titles): repeating those is how pages are built. Formulas
      // are told by how often they recur (finish), not by their length.
      if (count_sentences(block.text) < settings_.min_sentences) continue;
      const BlockSketches::Entry& sketched = block_sketch(document, b, settings_.k);
      if (sketched.chars < settings_.min_chars) continue;
      Paragraph p;
      p.where = document.locate(block, 0, block.text.size());
      p.sketch = sketched.sketch;
      p.place = unit_place(document, b);
      digest->paragraphs.push_back(std::move(p));
    }
    return digest;
  }

  static std::uint8_t unit_place(const Document& document, std::size_t b) {
    const auto& blocks = document.blocks();
    const std::string_view source = document.source().text();
    const std::size_t gap_begin = b == 0 ? 0 : blocks[b - 1].source_end;
    const std::string_view gap = source.substr(gap_begin, blocks[b].source_begin - std::min(gap_begin, blocks[b].source_begin));
    // Markup skipped between the blocks (a code block, an HTML container):
    // more than blank lines and list or quote markers.
    const bool after_markup = gap.find_first_not_of(" \t\r\n-*+>0123456789.") != std::string_view::npos &&
                              document.format() == DocumentFormat::Markdown;
    std::uint8_t place = opens_with_bullet(blocks[b].text) ? kHighlight : 0;
    if (opens_with_attribution(blocks[b].text)) place |= kQuotation;
    if (opens_with_dateline(blocks[b].text)) place |= kDateline;
    if (b + 1 < blocks.size() && blocks[b + 1].kind == BlockKind::Caption) place |= kCaption;
    if (b == 0 || blocks[b - 1].kind == BlockKind::Heading || after_markup) place |= kOpensUnit;
    if (b + 1 < blocks.size() &&
        (blocks[b + 1].kind == BlockKind::Heading ||
         (count_sentences(blocks[b + 1].text) == 0 && utf8::count_code_points(blocks[b + 1].text) <= 8)))
      place |= kClosesUnit;
    return place;
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
    const bool few_files = settings_.across_max_files == 0 || files_.size() <= settings_.across_max_files;
    for (Pending& p : findings_) {
      if (cluster_files_[p.cluster].size() >= settings_.boilerplate_files) continue;
      if (copies_in_file(p.cluster, p.file) >= settings_.formula_repeats && p.chars <= settings_.formula_max_chars)
        continue;
      const bool across = p.finding.related.front().where.file != p.finding.where.file;
      if (across ? settings_.across && few_files : settings_.within) out.push_back(std::move(p.finding));
    }
    findings_.clear();
    // Against the archive as across drafts: a run of a handful of drafts.
    if (few_files)
      for (Finding& f : archived_findings_) out.push_back(std::move(f));
    archived_findings_.clear();
  }

 private:
  // The message's words for a copy of `first` (a place) this alike: 重复 at
  // 100%, else 近似重复 at the similarity rounded down (never 100%).
  static MessageVars copy_vars(double similarity, const std::string& first) {
    const bool exact = similarity >= 1.0;
    const int percent = exact ? 100 : std::min(99, static_cast<int>(std::floor(similarity * 100)));
    return {{"similarity", fmt::format("{}%", percent)}, {"first", first}, {"kind", exact ? "重复" : "近似重复"}};
  }

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
    const std::string place = published_place(first.document);
    Finding f = make_finding(rule_, p.where, copy_vars(first.similarity, place));
    f.related.push_back({first.where, place + (first.similarity >= 1.0 ? "中的同一段落" : "中的相似段落")});
    archived_findings_.push_back(std::move(f));
  }

  // How many paragraphs of a group of copies one file holds.
  std::size_t copies_in_file(std::uint32_t cluster, std::uint32_t file) const {
    const auto it = copies_.find((static_cast<std::uint64_t>(cluster) << 32) | file);
    return it == copies_.end() ? 0 : it->second;
  }
  void count_copy(std::uint32_t cluster, std::uint32_t file) {
    ++copies_[(static_cast<std::uint64_t>(cluster) << 32) | file];
  }

  void add_paragraph(Paragraph p) {
    if (files_.empty() || files_.back() != p.where.file) files_.push_back(p.where.file);
    const auto file = static_cast<std::uint32_t>(files_.size() - 1);
    if (const auto it = exact_.find(p.sketch.exact); it != exact_.end()) {
      report(p, stored_[it->second], 1.0, file);
      count_copy(stored_[it->second].cluster, file);
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
    count_copy(cluster, file);
    exact_.emplace(p.sketch.exact, id);
    for (std::size_t band = 0; band < kBands; ++band) bands_.add(band_keys[band], id);
    stored_.push_back({file, cluster, p.where.start, p.where.end, std::move(p.sketch.shingles), p.place});
  }

  Location location_of(const Stored& s) const {
    Location at;
    at.file = files_[s.file];
    at.start = s.start;
    at.end = s.end;
    return at;
  }

  // Two copies of one document stand where its structure repeats text.
  static bool parallel(std::uint8_t a, std::uint8_t b) {
    return (a & b & (kOpensUnit | kClosesUnit | kCaption)) != 0 || ((a | b) & kHighlight) != 0 ||
           ((a ^ b) & (kQuotation | kDateline)) != 0;
  }

  void report(const Paragraph& p, const Stored& stored, double similarity, std::uint32_t file) {
    auto& files = cluster_files_[stored.cluster];
    if (std::find(files.begin(), files.end(), file) == files.end()) files.push_back(file);
    // Copies in parallel places of one document are its structure.
    if (stored.file == file && parallel(p.place, stored.place)) return;
    const Location first = location_of(stored);
    Finding f = make_finding(rule_, p.where, copy_vars(similarity, brief_place(first)));
    f.related.push_back({first, similarity >= 1.0 ? "首次出现的段落" : "相似的段落"});
    findings_.push_back({std::move(f), stored.cluster, file, p.sketch.chars});
  }

  const Rule& rule_;
  DuplicateSettings settings_;
  std::vector<std::string> files_;  // file table: consecutive paragraphs share a file
  // The files each group of copies appears in, by cluster.
  std::vector<std::vector<std::uint32_t>> cluster_files_;
  struct Pending {
    Finding finding;
    std::uint32_t cluster;
    std::uint32_t file;  // of the reported copy
    std::size_t chars;   // normalised length of the reported copy
  };
  // (cluster << 32 | file) → paragraphs of that group of copies in that file.
  std::unordered_map<std::uint64_t, std::uint32_t> copies_;
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
  s.formula_repeats = static_cast<std::size_t>(params.integer("formula_repeats", 3, 2, 1000000));
  s.formula_max_chars = static_cast<std::size_t>(params.integer("formula_max_chars", 400, 1, 100000000));
  s.across_max_files = static_cast<std::size_t>(params.integer("across_max_files", 0, 0, 1000000));
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
