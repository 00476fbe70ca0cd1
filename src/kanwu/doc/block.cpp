#include "kanwu/doc/block.h"

#include <algorithm>
#include <string_view>
#include <array>
#include <utility>

namespace kanwu {

namespace {
constexpr std::array<std::pair<BlockKind, std::string_view>, 6> kKindNames{{
    {BlockKind::Heading, "heading"},
    {BlockKind::Byline, "byline"},
    {BlockKind::Caption, "caption"},
    {BlockKind::ListItem, "list-item"},
    {BlockKind::Furniture, "furniture"},
    {BlockKind::Body, "body"},
}};
}  // namespace

std::string_view to_string(BlockKind kind) {
  for (const auto& [k, name] : kKindNames)
    if (k == kind) return name;
  return "body";
}

bool parse_block_kind(std::string_view name, BlockKind& out) {
  for (const auto& [k, n] : kKindNames) {
    if (n == name) {
      out = k;
      return true;
    }
  }
  return false;
}

void SourceMap::add_verbatim(std::size_t text_offset, std::size_t source_offset,
                             std::size_t length) {
  if (!segments_.empty()) {
    Segment& last = segments_.back();
    if (last.verbatim && last.text_begin + last.text_length == text_offset &&
        last.source_begin + last.source_length == source_offset) {
      last.text_length += length;
      last.source_length += length;
      return;
    }
  }
  segments_.push_back({text_offset, length, source_offset, length, true});
}

void SourceMap::add_replaced(std::size_t text_offset, std::size_t length,
                             std::size_t source_offset, std::size_t source_length) {
  segments_.push_back({text_offset, length, source_offset, source_length, false});
}

const SourceMap::Segment& SourceMap::segment_at(std::size_t text_offset) const {
  auto it = std::upper_bound(segments_.begin(), segments_.end(), text_offset,
                             [](std::size_t off, const Segment& s) { return off < s.text_begin; });
  if (it != segments_.begin()) --it;
  return *it;
}

std::size_t SourceMap::to_source(std::size_t text_offset) const {
  if (segments_.empty()) return 0;
  const Segment& s = segment_at(text_offset);
  if (text_offset >= s.text_begin + s.text_length) return s.source_begin + s.source_length;
  if (!s.verbatim) return s.source_begin;
  return s.source_begin + (text_offset - s.text_begin);
}

std::size_t SourceMap::to_source_end(std::size_t text_end) const {
  if (segments_.empty()) return 0;
  if (text_end == 0) return to_source(0);
  const Segment& s = segment_at(text_end - 1);
  if (!s.verbatim) return s.source_begin + s.source_length;
  return s.source_begin + std::min(text_end - s.text_begin, s.source_length);
}

SourceMap SourceMap::slice(std::size_t begin, std::size_t end) const {
  SourceMap out;
  for (const Segment& s : segments_) {
    const std::size_t b = std::max(begin, s.text_begin), e = std::min(end, s.text_begin + s.text_length);
    if (b >= e) continue;
    if (s.verbatim)
      out.segments_.push_back({b - begin, e - b, s.source_begin + (b - s.text_begin), e - b, true});
    else
      out.segments_.push_back({b - begin, e - b, s.source_begin, s.source_length, false});
  }
  return out;
}

void split_oversized_blocks(std::vector<Block>& blocks) {
  if (std::none_of(blocks.begin(), blocks.end(), [](const Block& b) { return b.text.size() > kMaxBlockBytes; })) return;
  std::vector<Block> out;
  for (Block& block : blocks) {
    if (block.text.size() <= kMaxBlockBytes) {
      out.push_back(std::move(block));
      continue;
    }
    const std::string_view text = block.text;
    for (std::size_t begin = 0; begin < text.size();) {
      std::size_t end = std::min(text.size(), begin + kMaxBlockBytes);
      if (end < text.size()) {
        // Prefer to cut after 。 in the last 4 KiB; else at a character start.
        const std::size_t period = text.rfind("。", end - 3);
        if (period != std::string_view::npos && period + 3 > begin && period + 3 + 4096 >= end) end = period + 3;
        while (end > begin && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
      }
      Block piece;
      piece.kind = block.kind;
      piece.text = std::string(text.substr(begin, end - begin));
      piece.map = block.map.slice(begin, end);
      piece.source_begin = piece.map.to_source(0);
      piece.source_end = piece.map.to_source_end(piece.text.size());
      piece.first_line = block.first_line;
      piece.last_line = block.last_line;
      out.push_back(std::move(piece));
      begin = end;
    }
  }
  blocks = std::move(out);
}

void BlockBuilder::verbatim(std::string_view piece, std::size_t source_offset) {
  if (piece.empty()) return;
  block_.map.add_verbatim(block_.text.size(), source_offset, piece.size());
  block_.text += piece;
}

void BlockBuilder::replaced(std::string_view piece, std::size_t source_offset,
                            std::size_t source_length) {
  if (piece.empty()) return;
  block_.map.add_replaced(block_.text.size(), piece.size(), source_offset, source_length);
  block_.text += piece;
}

Block BlockBuilder::finish(std::size_t source_begin, std::size_t source_end, int first_line,
                           int last_line) {
  block_.source_begin = source_begin;
  block_.source_end = source_end;
  block_.first_line = first_line;
  block_.last_line = last_line;
  return std::move(block_);
}

}  // namespace kanwu
