#include "kanwu/ledger/block_record.h"

#include <zlib.h>

#include <charconv>
#include <cstdint>
#include <limits>
#include <map>

#include <fmt/format.h>

#include "kanwu/figures/comparable.h"
#include "kanwu/figures/restatement.h"
#include "kanwu/ledger/varint.h"
#include "kanwu/text/cache_file.h"
#include "kanwu/text/utf8.h"

namespace kanwu::ledger {

namespace {

constexpr char kFormat = 1;
// A record inflates to at most this: a block of tens of thousands of
// figures is within it; bytes that would inflate further are not a record.
constexpr std::size_t kMaxInflated = 4u << 20;
// The fewest bytes a sentence and a figure take in an inflated record: a
// count read is refused when the bytes left could not hold that many, so a
// hostile record cannot make the reader allocate more than a few times its
// size.
constexpr std::size_t kMinSentenceBytes = 2, kMinFigureBytes = 23;

// What a record leaves out of a figure, made again when read.
constexpr std::uint32_t kDerivedClause = 1;      // metric_key: its sentence's masked clause, less what was dropped
constexpr std::uint32_t kDocumentSubject = 2;    // subject: "@", the document's name, then what is stored


// The masked clause of a figure known by its clause, made from its stored
// sentence as comparable_figures() made it from the block: the clause is
// inside the sentence, masked at the figure's own number (the first figure
// span that ends after the figure's offset).
std::u32string sentence_clause(const LedgerSentence& sentence, std::uint32_t offset) {
  std::vector<std::pair<std::size_t, std::size_t>> numbers;
  std::size_t at = offset;
  bool found = false;
  for (const auto& [b, e] : sentence.figures) {
    numbers.emplace_back(b, e);
    if (!found && e > offset) at = std::max<std::size_t>(b, offset), found = true;
  }
  return code_points(masked_clause(sentence.text, at, numbers)).chars;
}

// The key is the clause less the words restated_clause() dropped (which
// needs the vocabulary): kept as the places of the characters dropped,
// [start, length) with start counted from the end of the previous place.
using Dropped = std::vector<std::pair<std::uint32_t, std::uint32_t>>;

std::u32string without(std::u32string_view clause, const Dropped& dropped) {
  std::u32string out;
  std::size_t at = 0;
  for (const auto& [gap, length] : dropped) {
    const std::size_t start = std::min(clause.size(), at + gap);
    out.append(clause.substr(at, start - at));
    at = std::min(clause.size(), start + length);
  }
  out.append(clause.substr(at));
  return out;
}

// The places whose removal from `clause` leaves `kept` (nullopt when `kept`
// is not what is left of it).
std::optional<Dropped> dropped_from(std::u32string_view clause, std::u32string_view kept) {
  Dropped out;
  std::size_t i = 0, j = 0, previous_end = 0;
  while (i < clause.size()) {
    if (j < kept.size() && clause[i] == kept[j]) {
      ++i, ++j;
      continue;
    }
    const std::size_t start = i;
    while (i < clause.size() && !(j < kept.size() && clause[i] == kept[j])) ++i;
    out.emplace_back(static_cast<std::uint32_t>(start - previous_end), static_cast<std::uint32_t>(i - start));
    previous_end = i;
  }
  if (j != kept.size() || without(clause, out) != kept) return std::nullopt;
  return out;
}

// The clause part of a clause key ("clause:…#role"), as code points.
std::optional<std::u32string> clause_of_key(std::string_view key, std::string_view role) {
  const std::string suffix = "#" + std::string(role);
  if (!key.starts_with(kClauseKeyPrefix) || !key.ends_with(suffix) || key.size() < kClauseKeyPrefix.size() + suffix.size())
    return std::nullopt;
  return code_points(key.substr(kClauseKeyPrefix.size(), key.size() - kClauseKeyPrefix.size() - suffix.size())).chars;
}

std::string shortest(double v) { return fmt::format("{}", v); }

// 32 bits of a key made again when read, kept to tell that it was made as
// it was written.
std::uint32_t key_check(std::string_view key) {
  const std::uint64_t h = cache::hash(key);
  return static_cast<std::uint32_t>(h ^ (h >> 32));
}

class Writer {
 public:
  void number(std::uint64_t n) { append_varint(out, n); }
  void text(std::string_view s) {
    number(s.size());
    out.append(s);
  }
  std::string out;
};

class Reader {
 public:
  explicit Reader(std::string_view in) : in_(in) {}
  bool number(std::uint64_t& n) { return read_varint(in_, at_, n); }
  template <typename T>
  bool number_as(T& out) {
    std::uint64_t n = 0;
    if (!number(n) || n > static_cast<std::uint64_t>(std::numeric_limits<T>::max())) return false;
    out = static_cast<T>(n);
    return true;
  }
  bool text(std::string& s) {
    std::uint64_t n = 0;
    if (!number(n) || n > in_.size() - at_) return false;
    s.assign(in_.substr(at_, n));
    at_ += n;
    return true;
  }
  bool real(double& v) {
    std::string s;
    if (!text(s) || s.empty()) return false;
    if (s == "inf" || s == "-inf") {
      v = s[0] == '-' ? -std::numeric_limits<double>::infinity() : std::numeric_limits<double>::infinity();
      return true;
    }
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    return ec == std::errc() && end == s.data() + s.size();
  }
  bool done() const { return at_ == in_.size(); }
  std::size_t left() const { return in_.size() - at_; }

 private:
  std::string_view in_;
  std::size_t at_ = 0;
};

std::string deflate_raw(const std::string& in) {
  z_stream z{};
  if (deflateInit2(&z, Z_BEST_COMPRESSION, Z_DEFLATED, -15, 9, Z_DEFAULT_STRATEGY) != Z_OK)
    throw LedgerError("zlib: cannot start compressing a figure record");
  std::string out(deflateBound(&z, static_cast<uLong>(in.size())), '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  z.avail_in = static_cast<uInt>(in.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  const int status = deflate(&z, Z_FINISH);
  out.resize(z.total_out);
  deflateEnd(&z);
  if (status != Z_STREAM_END) throw LedgerError("zlib: cannot compress a figure record");
  return out;
}

std::optional<std::string> inflate_raw(std::string_view in) {
  z_stream z{};
  if (inflateInit2(&z, -15) != Z_OK) return std::nullopt;
  std::string out;
  char chunk[16384];
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  z.avail_in = static_cast<uInt>(in.size());
  int status = Z_OK;
  while (status == Z_OK) {
    z.next_out = reinterpret_cast<Bytef*>(chunk);
    z.avail_out = sizeof chunk;
    status = inflate(&z, Z_NO_FLUSH);
    if (status != Z_OK && status != Z_STREAM_END) break;
    out.append(chunk, sizeof chunk - z.avail_out);
    if (out.size() > kMaxInflated) status = Z_DATA_ERROR;
    else if (status == Z_OK && z.avail_in == 0 && z.avail_out != 0) status = Z_BUF_ERROR;  // cut short
  }
  // Bytes after the stream's end are not the record's.
  const bool whole = status == Z_STREAM_END && z.avail_in == 0;
  inflateEnd(&z);
  if (!whole) return std::nullopt;
  return out;
}

}  // namespace

std::map<int, BlockRecord> block_records(const LedgerDocument& document) {
  std::map<int, BlockRecord> blocks;
  std::map<std::pair<int, int>, int> in_block;  // (block, document sentence) → its index in the block's record
  for (const LedgerClaim& c : document.claims) {
    BlockRecord& record = blocks[c.block];
    LedgerClaim figure = c;
    figure.sentence = -1;
    if (c.sentence >= 0 && static_cast<std::size_t>(c.sentence) < document.sentences.size()) {
      const auto [it, fresh] = in_block.try_emplace({c.block, c.sentence}, static_cast<int>(record.sentences.size()));
      if (fresh) record.sentences.push_back(document.sentences[static_cast<std::size_t>(c.sentence)]);
      figure.sentence = it->second;
    }
    record.figures.push_back(std::move(figure));
  }
  return blocks;
}

std::string encode_block_record(const BlockRecord& record, std::string_view document) {
  Writer w;
  w.number(record.sentences.size());
  for (const LedgerSentence& s : record.sentences) {
    w.text(s.text);
    w.number(s.figures.size());
    for (const auto& [b, e] : s.figures) {
      w.number(b);
      w.number(e - std::min(b, e));
    }
  }
  const std::string own_subject = "@" + std::string(document);
  w.number(record.figures.size());
  for (const LedgerClaim& c : record.figures) {
    const bool has_sentence = c.sentence >= 0 && static_cast<std::size_t>(c.sentence) < record.sentences.size();
    std::uint32_t left_out = 0;
    std::optional<Dropped> dropped;
    if (has_sentence)
      if (const auto kept = clause_of_key(c.metric_key, c.role)) {
        dropped = dropped_from(sentence_clause(record.sentences[static_cast<std::size_t>(c.sentence)], c.offset), *kept);
        if (dropped) left_out |= kDerivedClause;
      }
    if (c.subject.starts_with(own_subject)) left_out |= kDocumentSubject;
    w.number(has_sentence ? static_cast<std::uint64_t>(c.sentence) + 1 : 0);
    w.number(c.offset);
    w.number(c.flags);
    w.number(left_out);
    if (dropped) {
      w.number(dropped->size());
      for (const auto& [gap, length] : *dropped) {
        w.number(gap);
        w.number(length);
      }
      w.number(key_check(c.metric_key));
    } else {
      w.text(c.metric_key);
    }
    w.text(c.metric);
    w.text(c.role);
    w.text(left_out & kDocumentSubject ? std::string_view(c.subject).substr(own_subject.size()) : std::string_view(c.subject));
    w.text(c.period);
    w.text(c.period_text);
    w.text(c.share_base);
    w.text(c.unit);
    w.text(c.text);
    w.text(shortest(c.value));
    w.text(shortest(c.low));
    w.text(shortest(c.high));
    w.number(static_cast<std::uint32_t>(c.start.line));
    w.number(static_cast<std::uint32_t>(c.start.column));
    w.number(static_cast<std::uint32_t>(c.end.line));
    w.number(static_cast<std::uint32_t>(c.end.column));
  }
  return std::string(1, kFormat) + deflate_raw(w.out);
}

std::optional<BlockRecord> decode_block_record(std::string_view bytes, std::string_view document, int block) {
  if (bytes.empty() || bytes[0] != kFormat) return std::nullopt;
  const auto inflated = inflate_raw(bytes.substr(1));
  if (!inflated) return std::nullopt;
  Reader r(*inflated);
  BlockRecord out;
  std::uint64_t count = 0;
  if (!r.number(count) || count > r.left() / kMinSentenceBytes) return std::nullopt;
  out.sentences.resize(count);
  for (std::size_t i = 0; i < out.sentences.size(); ++i) {
    LedgerSentence& s = out.sentences[i];
    s.block = block;
    s.index = static_cast<int>(i);
    std::uint64_t spans = 0;
    if (!r.text(s.text) || !r.number(spans) || spans > r.left() / 2) return std::nullopt;
    for (std::uint64_t k = 0; k < spans; ++k) {
      std::uint32_t b = 0, length = 0;
      if (!r.number_as(b) || !r.number_as(length) || b + std::uint64_t{length} > s.text.size()) return std::nullopt;
      s.figures.emplace_back(b, b + length);
    }
  }
  if (!r.number(count) || count > r.left() / kMinFigureBytes) return std::nullopt;
  out.figures.resize(count);
  // A sentence's clause is masked once for each place in it a figure asks
  // for (a hostile record could ask for one long sentence many times).
  std::map<std::pair<std::size_t, std::uint32_t>, std::u32string> clauses;
  for (LedgerClaim& c : out.figures) {
    std::uint64_t sentence = 0;
    std::uint32_t left_out = 0;
    std::string subject;
    Dropped dropped;
    std::uint32_t check = 0;
    if (!r.number(sentence) || sentence > out.sentences.size() || !r.number_as(c.offset) || !r.number_as(c.flags) ||
        !r.number_as(left_out))
      return std::nullopt;
    if (left_out & kDerivedClause) {
      std::uint64_t places = 0;
      if (!r.number(places) || places > r.left() / 2) return std::nullopt;
      dropped.resize(places);
      for (auto& [gap, length] : dropped)
        if (!r.number_as(gap) || !r.number_as(length)) return std::nullopt;
      if (!r.number_as(check)) return std::nullopt;
    } else if (!r.text(c.metric_key)) {
      return std::nullopt;
    }
    if (!r.text(c.metric) || !r.text(c.role) || !r.text(subject) ||
        !r.text(c.period) || !r.text(c.period_text) || !r.text(c.share_base) || !r.text(c.unit) || !r.text(c.text) ||
        !r.real(c.value) || !r.real(c.low) || !r.real(c.high) || !r.number_as(c.start.line) ||
        !r.number_as(c.start.column) || !r.number_as(c.end.line) || !r.number_as(c.end.column))
      return std::nullopt;
    c.sentence = static_cast<int>(sentence) - 1;
    c.block = block;
    c.subject = left_out & kDocumentSubject ? "@" + std::string(document) + subject : std::move(subject);
    if (left_out & kDerivedClause) {
      if (c.sentence < 0) return std::nullopt;
      const auto sentence_at = static_cast<std::size_t>(c.sentence);
      auto [it, fresh] = clauses.try_emplace({sentence_at, c.offset});
      if (fresh) it->second = sentence_clause(out.sentences[sentence_at], c.offset);
      c.metric_key = clause_key(to_utf8(without(it->second, dropped)), c.role);
      // Made again as this kanwu masks a clause: a kanwu that masks
      // otherwise than the one that wrote the record reads another key, and
      // the record is not read (its document is to be added again).
      if (key_check(c.metric_key) != check) return std::nullopt;
    }
  }
  if (!r.done()) return std::nullopt;
  return out;
}

}  // namespace kanwu::ledger
