#include "kanwu/kinds/paragraph_sketch.h"

#include <algorithm>
#include <climits>

#include "kanwu/text/cache_file.h"
#include "kanwu/text/chars.h"
#include "kanwu/text/utf8.h"

namespace kanwu {

namespace {

std::uint64_t mix(std::uint64_t x) {  // splitmix64 finaliser
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  x ^= x >> 31;
  return x;
}

// One-permutation MinHash: each shingle is hashed once and lands in one of
// kSketchHashes bins, keeping the bin minimum; empty bins borrow from the
// next non-empty one (rotation densification, Shrivastava 2017). 60× cheaper
// than 60 independent hash functions, with the same LSH behaviour.
void one_permutation_minhash(ParagraphSketch& p) {
  p.minhash.fill(UINT32_MAX);
  for (const Shingle s : p.shingles) {
    const std::uint64_t h = mix(s ^ 0x9E3779B97F4A7C15ULL);
    const std::size_t bin = static_cast<std::size_t>((h >> 32) % kSketchHashes);
    p.minhash[bin] = std::min(p.minhash[bin], static_cast<std::uint32_t>(h));
  }
  for (std::size_t b = 0; b < kSketchHashes; ++b) {
    if (p.minhash[b] != UINT32_MAX) continue;
    for (std::size_t k = 1; k < kSketchHashes; ++k) {
      const std::size_t from = (b + k) % kSketchHashes;
      if (p.minhash[from] != UINT32_MAX && !(p.minhash[from] & 0x80000000u)) {
        // Mark borrowed values so they are not borrowed again in a chain.
        p.minhash[b] = static_cast<std::uint32_t>(mix(p.minhash[from] + k)) | 0x80000000u;
        break;
      }
    }
  }
}

}  // namespace

std::vector<std::uint64_t> ParagraphSketch::band_keys(std::size_t bands, std::size_t rows) const {
  std::vector<std::uint64_t> keys(bands);
  for (std::size_t band = 0; band < bands && (band + 1) * rows <= kSketchHashes; ++band) {
    std::uint64_t h = band + 1;
    for (std::size_t r = 0; r < rows; ++r) h = mix(h ^ minhash[band * rows + r]);
    keys[band] = h;
  }
  return keys;
}

std::array<std::uint64_t, kSketchBands> ParagraphSketch::band_keys() const {
  const std::vector<std::uint64_t> keys = band_keys(kSketchBands, kSketchRows);
  std::array<std::uint64_t, kSketchBands> out{};
  std::copy(keys.begin(), keys.end(), out.begin());
  return out;
}

std::u32string normalise_paragraph(std::string_view text) {
  std::u32string out;
  for (char32_t c : code_points(text).chars) {
    if (chars::is_fullwidth_digit(c)) c = c - 0xFF10 + U'0';
    if (chars::is_han(c) || chars::is_digit(c) || chars::is_ascii_letter(c)) out += c;
  }
  return out;
}

std::size_t count_sentences(std::string_view text) {
  std::size_t n = 0;
  bool in_end = false;
  for (std::size_t i = 0; i < text.size();) {
    char32_t c = 0;
    const int len = utf8::decode(text, i, c);
    const bool end = len > 0 && chars::is_sentence_end(c);
    n += end && !in_end;
    in_end = end;
    i += len > 0 ? len : 1;
  }
  return n;
}

ParagraphSketch sketch_paragraph(std::u32string_view norm, std::size_t k) {
  ParagraphSketch p;
  p.chars = norm.size();
  p.exact = cache::hash(to_utf8(norm));
  for (std::size_t i = 0; i + k <= norm.size(); ++i) {
    std::uint64_t h = 0;
    for (std::size_t j = 0; j < k; ++j) h = mix(h ^ norm[i + j]);
    p.shingles.push_back(static_cast<Shingle>(h ^ (h >> 16) ^ (h >> 32) ^ (h >> 48)));
  }
  std::sort(p.shingles.begin(), p.shingles.end());
  p.shingles.erase(std::unique(p.shingles.begin(), p.shingles.end()), p.shingles.end());
  one_permutation_minhash(p);
  return p;
}

ParagraphSketch sketch_of_shingles(std::vector<Shingle> shingles) {
  ParagraphSketch p;
  p.shingles = std::move(shingles);
  one_permutation_minhash(p);
  return p;
}

double shingle_jaccard(const std::vector<Shingle>& a, const std::vector<Shingle>& b) {
  if (a.empty() || b.empty()) return 0;
  std::size_t common = 0, i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i] == b[j]) ++common, ++i, ++j;
    else if (a[i] < b[j]) ++i;
    else ++j;
  }
  return static_cast<double>(common) / static_cast<double>(a.size() + b.size() - common);
}

}  // namespace kanwu
