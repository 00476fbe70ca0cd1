// Paragraph shingles as the ledger stores them. A paragraph's ~100 sorted
// 16-bit shingles are nearly uniform over 0..65535, so their gaps are
// nearly geometric, which Golomb-Rice coding stores within a few percent of
// the entropy: 144 bytes a paragraph on the real archive against 217 as
// plain 16-bit values (and 188 as varints). The ledger's paragraph table
// was its largest.
//
// The ledger keeps fewer bits of each shingle than a run does: a set of n
// shingles needs a space of about 32·n values for chance collisions to stay
// rare (two unrelated paragraphs share about 1/64 of their shingles by
// chance; a near copy's few differing shingles almost never meet), not
// 65,536. A paragraph's shingles are stored as their top `bits` bits,
// bits = bit_width(n) + 5 within 12…16, and the gaps of those smaller
// values take about a third fewer bits (schema 4: the paragraph table was
// again the ledger's largest).
//
// Layout: one byte, the Rice parameter k (0..15) in its low four bits and
// 16 − bits (0..4) in the next three; the count as a LEB128 varint; then
// for each value its gap from the previous one (the first: from -1), less
// one, as a unary quotient (q one-bits, a zero bit) and k low bits, least
// significant bit first.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kanwu/kinds/paragraph_sketch.h"

namespace kanwu::ledger {

// Bits kept of each shingle, within [kArchiveMinBits, 16].
inline constexpr unsigned kArchiveMinBits = 12;

struct ArchivedShingles {
  unsigned bits = 16;
  std::vector<Shingle> values;  // sorted, unique, each below 2^bits
};

// The bits kept for a paragraph of `count` shingles.
unsigned archive_bits(std::size_t count);
// `shingles` (sorted, unique, 16-bit) cut to their top `bits` bits: sorted, unique.
std::vector<Shingle> reduce_shingles(const std::vector<Shingle>& shingles, unsigned bits);
// A paragraph's shingles as the ledger keeps them.
ArchivedShingles archive_shingles(const std::vector<Shingle>& shingles);
// Jaccard similarity of a run's shingles (16-bit) and archived ones, both
// at the archived precision.
double archived_jaccard(const std::vector<Shingle>& shingles, const ArchivedShingles& archived);

// The LSH bands the ledger indexes: 6 bands of 3 MinHash values, made from
// every paragraph's shingles at kArchiveMinBits bits, so a draft's
// paragraph and an archived one band alike whatever precision each is kept
// at. P(candidate | Jaccard 0.8) ≈ 0.986, as a run's 8 bands of 4, with a
// quarter fewer rows.
inline constexpr std::size_t kArchiveBands = 6, kArchiveRows = 3;
std::vector<std::uint64_t> archive_band_keys(const std::vector<Shingle>& shingles, unsigned bits);

std::string encode_shingles(const ArchivedShingles& shingles);
// nullopt for bytes encode_shingles() did not write (a row edited by hand).
std::optional<ArchivedShingles> decode_shingles(std::string_view bytes);

}  // namespace kanwu::ledger
