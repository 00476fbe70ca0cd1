// What duplicate-paragraph knows of a paragraph: its normalised text's hash
// (exact copies), its character shingles (to measure a near copy) and a
// MinHash signature cut into LSH bands (to find near-copy candidates by
// index). Shared by the rule and the archive ledger, which stores the same
// sketch for every published paragraph, so a draft's paragraph finds its
// archived copy with the rule's own measure.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace kanwu {

inline constexpr std::size_t kSketchBands = 8;
inline constexpr std::size_t kSketchRows = 4;  // P(candidate | Jaccard 0.8) ≈ 0.985
inline constexpr std::size_t kSketchHashes = kSketchBands * kSketchRows;

// 16-bit shingle hashes: at paragraph sizes (~100 shingles) chance
// collisions inflate a Jaccard similarity by about 0.1%, and the index of a
// 300 MB corpus takes half the memory.
using Shingle = std::uint16_t;

struct ParagraphSketch {
  // FNV-1a of the normalised text in UTF-8: stable across builds and
  // machines, as a value kept in a ledger must be.
  std::uint64_t exact = 0;
  std::size_t chars = 0;          // normalised length in code points
  std::vector<Shingle> shingles;  // sorted, unique
  std::array<std::uint32_t, kSketchHashes> minhash{};

  // The LSH band keys: paragraphs sharing one are near-copy candidates.
  std::array<std::uint64_t, kSketchBands> band_keys() const;
  // Keys of another banding of the same MinHash: `bands` bands of `rows`
  // values each (bands · rows ≤ kSketchHashes), as the archive ledger bands.
  std::vector<std::uint64_t> band_keys(std::size_t bands, std::size_t rows) const;
};

// Letters, digits and Han only, full-width digits folded: punctuation and
// spacing changes do not make a different paragraph.
std::u32string normalise_paragraph(std::string_view text);

// Sentences in a paragraph, counted by their ending marks (a run of marks,
// as in ？！, ends one sentence).
std::size_t count_sentences(std::string_view text);

// The sketch of a normalised paragraph with shingles of `k` characters.
ParagraphSketch sketch_paragraph(std::u32string_view normalised, std::size_t k);

// The sketch of a paragraph known by its shingles alone (sorted, unique):
// its MinHash and band keys as sketch_paragraph() makes them; no exact hash.
ParagraphSketch sketch_of_shingles(std::vector<Shingle> shingles);

// Jaccard similarity of two sorted, unique shingle sets (0 when one is empty).
double shingle_jaccard(const std::vector<Shingle>& a, const std::vector<Shingle>& b);

}  // namespace kanwu
