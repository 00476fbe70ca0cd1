#include "kanwu/kinds/duplicate_paragraph.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <unordered_map>

#include "kanwu/text/chars.h"
#include "kanwu/text/utf8.h"

namespace kanwu {

namespace {

constexpr std::size_t kBands = 12;
constexpr std::size_t kRows = 5;  // P(candidate | Jaccard 0.8) ≈ 0.99
constexpr std::size_t kHashes = kBands * kRows;
// Near-duplicate checks per paragraph are capped so that boilerplate shared
// by thousands of paragraphs cannot make the pass quadratic.
constexpr std::size_t kMaxCandidates = 64;

std::uint64_t mix(std::uint64_t x) {  // splitmix64 finaliser
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  x ^= x >> 31;
  return x;
}

struct Paragraph {
  Location where;
  std::uint64_t exact = 0;                   // hash of the normalised text
  std::vector<std::uint32_t> shingles;       // sorted, unique
  std::array<std::uint32_t, kHashes> minhash{};
};

struct ParagraphDigest : CorpusPass::Digest {
  std::vector<Paragraph> paragraphs;
};

// Letters, digits and Han only, full-width digits folded: punctuation and
// spacing changes do not make a different paragraph.
std::u32string normalise(std::string_view text) {
  std::u32string out;
  for (char32_t c : code_points(text).chars) {
    if (chars::is_fullwidth_digit(c)) c = c - 0xFF10 + U'0';
    if (chars::is_han(c) || chars::is_digit(c) || chars::is_ascii_letter(c)) out += c;
  }
  return out;
}

// One-permutation MinHash: each shingle is hashed once and lands in one of
// kHashes bins, keeping the bin minimum; empty bins borrow from the next
// non-empty one (rotation densification, Shrivastava 2017). 60× cheaper
// than 60 independent hash functions, with the same LSH behaviour.
void one_permutation_minhash(Paragraph& p) {
  p.minhash.fill(UINT32_MAX);
  for (std::uint32_t s : p.shingles) {
    const std::uint64_t h = mix(s ^ 0x9E3779B97F4A7C15ULL);
    const std::size_t bin = static_cast<std::size_t>((h >> 32) % kHashes);
    p.minhash[bin] = std::min(p.minhash[bin], static_cast<std::uint32_t>(h));
  }
  for (std::size_t b = 0; b < kHashes; ++b) {
    if (p.minhash[b] != UINT32_MAX) continue;
    for (std::size_t k = 1; k < kHashes; ++k) {
      const std::size_t from = (b + k) % kHashes;
      if (p.minhash[from] != UINT32_MAX && !(p.minhash[from] & 0x80000000u)) {
        // Mark borrowed values so they are not borrowed again in a chain.
        p.minhash[b] = static_cast<std::uint32_t>(mix(p.minhash[from] + k)) | 0x80000000u;
        break;
      }
    }
  }
}

class DuplicatePass : public CorpusPass {
 public:
  DuplicatePass(const Rule& rule, std::size_t min_chars, double threshold, std::size_t k)
      : rule_(rule), min_chars_(min_chars), threshold_(threshold), k_(k) {}

  std::unique_ptr<CorpusPass::Digest> digest(const Document& document) const override {
    auto digest = std::make_unique<ParagraphDigest>();
    for (const Block& block : document.blocks()) {
      if (!rule_.in_scope(block)) continue;
      const std::u32string norm = normalise(block.text);
      if (norm.size() < min_chars_) continue;
      Paragraph p;
      p.where = document.locate(block, 0, block.text.size());
      p.exact = std::hash<std::u32string>{}(norm);
      for (std::size_t i = 0; i + k_ <= norm.size(); ++i) {
        std::uint64_t h = 0;
        for (std::size_t j = 0; j < k_; ++j) h = mix(h ^ norm[i + j]);
        p.shingles.push_back(static_cast<std::uint32_t>(h));
      }
      std::sort(p.shingles.begin(), p.shingles.end());
      p.shingles.erase(std::unique(p.shingles.begin(), p.shingles.end()), p.shingles.end());
      one_permutation_minhash(p);
      digest->paragraphs.push_back(std::move(p));
    }
    return digest;
  }

  void add(std::unique_ptr<CorpusPass::Digest> d) override {
    auto& digest = static_cast<ParagraphDigest&>(*d);
    for (Paragraph& p : digest.paragraphs) add_paragraph(std::move(p));
  }

  void finish(std::vector<Finding>& out) override {
    for (Finding& f : findings_) out.push_back(std::move(f));
    findings_.clear();
  }

 private:
  void add_paragraph(Paragraph p) {
    if (const auto it = exact_.find(p.exact); it != exact_.end()) {
      report(p, paragraphs_[it->second], 1.0);
      return;  // the first copy already represents this text in the index
    }
    const std::size_t id = paragraphs_.size();
    std::vector<std::size_t> candidates;
    for (std::size_t band = 0; band < kBands; ++band) {
      const auto& bucket = bands_[band_key(p, band)];
      for (auto it = bucket.rbegin(); it != bucket.rend() && candidates.size() < kMaxCandidates; ++it)
        candidates.push_back(*it);
    }
    std::sort(candidates.begin(), candidates.end());
    candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
    double best = 0;
    std::size_t best_id = 0;
    for (std::size_t c : candidates) {
      const double j = jaccard(p.shingles, paragraphs_[c].shingles);
      if (j > best) best = j, best_id = c;
    }
    if (best >= threshold_) report(p, paragraphs_[best_id], best);
    exact_.emplace(p.exact, id);
    for (std::size_t band = 0; band < kBands; ++band) bands_[band_key(p, band)].push_back(id);
    p.minhash = {};
    paragraphs_.push_back(std::move(p));
  }

  static std::uint64_t band_key(const Paragraph& p, std::size_t band) {
    std::uint64_t h = band + 1;
    for (std::size_t r = 0; r < kRows; ++r) h = mix(h ^ p.minhash[band * kRows + r]);
    return h;
  }

  static double jaccard(const std::vector<std::uint32_t>& a, const std::vector<std::uint32_t>& b) {
    if (a.empty() || b.empty()) return 0;
    std::size_t common = 0, i = 0, j = 0;
    while (i < a.size() && j < b.size()) {
      if (a[i] == b[j]) ++common, ++i, ++j;
      else if (a[i] < b[j]) ++i;
      else ++j;
    }
    return static_cast<double>(common) / static_cast<double>(a.size() + b.size() - common);
  }

  void report(const Paragraph& p, const Paragraph& first, double similarity) {
    const bool exact = similarity >= 1.0;
    const std::string place = fmt::format("{}:{}", first.where.file, first.where.start.line);
    const int percent = exact ? 100 : std::min(99, static_cast<int>(std::floor(similarity * 100)));
    Finding f = make_finding(rule_, p.where,
                             {{"similarity", fmt::format("{}%", percent)},
                              {"first", place},
                              {"kind", exact ? "重复" : "近似重复"}});
    f.related.push_back({first.where, exact ? "首次出现的段落" : "相似的段落"});
    findings_.push_back(std::move(f));
  }

  const Rule& rule_;
  std::size_t min_chars_;
  double threshold_;
  std::size_t k_;
  std::vector<Paragraph> paragraphs_;
  std::unordered_map<std::uint64_t, std::size_t> exact_;
  std::unordered_map<std::uint64_t, std::vector<std::size_t>> bands_;
  std::vector<Finding> findings_;
};

class DuplicateParagraphRule : public Rule {
 public:
  DuplicateParagraphRule(RuleInfo info, std::size_t min_chars, double threshold, std::size_t k)
      : Rule(std::move(info)), min_chars_(min_chars), threshold_(threshold), k_(k) {}

  std::unique_ptr<CorpusPass> corpus_pass() const override {
    return std::make_unique<DuplicatePass>(*this, min_chars_, threshold_, k_);
  }

 private:
  std::size_t min_chars_;
  double threshold_;
  std::size_t k_;
};

std::unique_ptr<Rule> create(RuleInfo info, ParamReader& params) {
  const auto min_chars = static_cast<std::size_t>(params.integer("min_chars", 30, 5, 100000));
  const double threshold = params.number("threshold", 0.8, 0.3, 1.0);
  const auto k = static_cast<std::size_t>(params.integer("shingle", 3, 1, 16));
  return std::make_unique<DuplicateParagraphRule>(std::move(info), min_chars, threshold, k);
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
