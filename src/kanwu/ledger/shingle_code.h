// Paragraph shingles as the ledger stores them. A paragraph's ~100 sorted
// 16-bit shingles are nearly uniform over 0..65535, so their gaps are
// nearly geometric, which Golomb-Rice coding stores within a few percent of
// the entropy: 144 bytes a paragraph on the real archive against 217 as
// plain 16-bit values (and 188 as varints). The ledger's paragraph table
// was its largest.
//
// Layout: one byte k (the Rice parameter, 0..15), the count as a LEB128
// varint, then for each value its gap from the previous one (the first:
// from -1), less one, as a unary quotient (q one-bits, a zero bit) and k
// low bits, least significant bit first.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kanwu/kinds/paragraph_sketch.h"

namespace kanwu::ledger {

// `shingles` sorted and unique.
std::string encode_shingles(const std::vector<Shingle>& shingles);
// nullopt for bytes encode_shingles() did not write (a row edited by hand).
std::optional<std::vector<Shingle>> decode_shingles(std::string_view bytes);

}  // namespace kanwu::ledger
