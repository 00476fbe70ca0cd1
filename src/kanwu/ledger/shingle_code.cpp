#include "kanwu/ledger/shingle_code.h"

#include <algorithm>
#include <bit>
#include <cstdint>

#include "kanwu/ledger/varint.h"

namespace kanwu::ledger {

namespace {

class BitWriter {
 public:
  explicit BitWriter(std::string& out) : out_(out) {}
  void bit(bool b) {
    if (used_ == 0) out_.push_back(0);
    if (b) out_.back() = static_cast<char>(static_cast<unsigned char>(out_.back()) | (1u << used_));
    used_ = (used_ + 1) % 8;
  }
  void bits(std::uint32_t value, unsigned count) {
    for (unsigned i = 0; i < count; ++i) bit((value >> i) & 1u);
  }

 private:
  std::string& out_;
  unsigned used_ = 0;  // bits used of the last byte
};

class BitReader {
 public:
  explicit BitReader(std::string_view in) : in_(in) {}
  std::size_t bits_read() const { return at_; }
  std::optional<bool> bit() {
    if (at_ >= in_.size() * 8) return std::nullopt;
    const bool b = (static_cast<unsigned char>(in_[at_ / 8]) >> (at_ % 8)) & 1u;
    ++at_;
    return b;
  }

 private:
  std::string_view in_;
  std::size_t at_ = 0;
};

}  // namespace

unsigned archive_bits(std::size_t count) {
  return std::clamp(static_cast<unsigned>(std::bit_width(count)) + 5, kArchiveMinBits, 16u);
}

std::vector<Shingle> reduce_shingles(const std::vector<Shingle>& shingles, unsigned bits) {
  std::vector<Shingle> out;
  out.reserve(shingles.size());
  for (const Shingle s : shingles) {
    const auto top = static_cast<Shingle>(s >> (16 - bits));
    if (out.empty() || out.back() != top) out.push_back(top);
  }
  return out;
}

ArchivedShingles archive_shingles(const std::vector<Shingle>& shingles) {
  const unsigned bits = archive_bits(shingles.size());
  return {bits, reduce_shingles(shingles, bits)};
}

double archived_jaccard(const std::vector<Shingle>& shingles, const ArchivedShingles& archived) {
  return shingle_jaccard(reduce_shingles(shingles, archived.bits), archived.values);
}

std::vector<std::uint64_t> archive_band_keys(const std::vector<Shingle>& shingles, unsigned bits) {
  if (bits < kArchiveMinBits) return {};
  std::vector<Shingle> common;
  common.reserve(shingles.size());
  for (const Shingle s : shingles) {
    const auto top = static_cast<Shingle>(s >> (bits - kArchiveMinBits));
    if (common.empty() || common.back() != top) common.push_back(top);
  }
  return sketch_of_shingles(std::move(common)).band_keys(kArchiveBands, kArchiveRows);
}

std::string encode_shingles(const ArchivedShingles& archived) {
  const std::vector<Shingle>& shingles = archived.values;
  // k near log2(mean gap · ln 2): the Rice parameter of a geometric source.
  unsigned k = 0;
  if (!shingles.empty()) {
    const std::uint32_t mean = (static_cast<std::uint32_t>(shingles.back()) + 1) / static_cast<std::uint32_t>(shingles.size());
    const std::uint32_t scaled = mean * 69 / 100;
    k = scaled > 1 ? static_cast<unsigned>(std::bit_width(scaled)) - 1 : 0;
  }
  std::string out(1, static_cast<char>(k | ((16 - archived.bits) << 4)));
  append_varint(out, shingles.size());
  BitWriter w(out);
  std::int32_t previous = -1;
  for (const Shingle s : shingles) {
    const auto gap = static_cast<std::uint32_t>(static_cast<std::int32_t>(s) - previous - 1);
    for (std::uint32_t q = gap >> k; q > 0; --q) w.bit(true);
    w.bit(false);
    w.bits(gap, k);
    previous = s;
  }
  return out;
}

std::optional<ArchivedShingles> decode_shingles(std::string_view bytes) {
  if (bytes.empty() || static_cast<unsigned char>(bytes[0]) >> 4 > 16 - kArchiveMinBits) return std::nullopt;
  const unsigned k = static_cast<unsigned char>(bytes[0]) & 0x0fu;
  const unsigned bits = 16 - (static_cast<unsigned char>(bytes[0]) >> 4);
  const std::int64_t top = (std::int64_t{1} << bits) - 1;
  std::size_t at = 1;
  std::uint64_t count = 0;
  if (!read_varint(bytes, at, count, /*max_bytes=*/4) || count > static_cast<std::uint64_t>(top) + 1) return std::nullopt;
  std::vector<Shingle> out;
  out.reserve(count);
  BitReader r(bytes.substr(at));
  std::int32_t previous = -1;
  for (std::size_t i = 0; i < count; ++i) {
    std::uint32_t gap = 0;
    for (;;) {
      const auto b = r.bit();
      if (!b) return std::nullopt;
      if (!*b) break;
      if (++gap > (static_cast<std::uint32_t>(top) + 1) >> k) return std::nullopt;
    }
    gap <<= k;
    for (unsigned j = 0; j < k; ++j) {
      const auto b = r.bit();
      if (!b) return std::nullopt;
      gap |= static_cast<std::uint32_t>(*b) << j;
    }
    const std::int64_t value = static_cast<std::int64_t>(previous) + 1 + gap;
    if (value > top) return std::nullopt;
    out.push_back(static_cast<Shingle>(value));
    previous = static_cast<std::int32_t>(value);
  }
  // What encode_shingles() wrote ends in the byte of its last bit, padded
  // with zeros: anything after it is another writer's.
  const std::string_view payload = bytes.substr(at);
  if ((r.bits_read() + 7) / 8 != payload.size()) return std::nullopt;
  for (std::size_t b = r.bits_read(); b < payload.size() * 8; ++b)
    if ((static_cast<unsigned char>(payload[b / 8]) >> (b % 8)) & 1u) return std::nullopt;
  return ArchivedShingles{bits, std::move(out)};
}

}  // namespace kanwu::ledger
