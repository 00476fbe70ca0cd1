#include "kanwu/doc/block.h"

#include <algorithm>
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
