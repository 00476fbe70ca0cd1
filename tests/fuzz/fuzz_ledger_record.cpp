// What the archive ledger reads back from its rows, on arbitrary bytes: a
// figure record (block_record.h) or paragraph shingles (shingle_code.h)
// either decodes to something well-formed or is refused — never a crash,
// never a span outside its sentence — and what decodes is encoded and
// decoded again to the same thing. The same input as a text document: its
// figure records come back field for field.
#include <cstddef>
#include <cstdint>
#include <map>
#include <string>

#include "fuzz_common.h"
#include "kanwu/figures/vocabulary.h"
#include "kanwu/ledger/block_record.h"
#include "kanwu/ledger/record.h"
#include "kanwu/ledger/shingle_code.h"
#include "kanwu/text/decode.h"

using namespace kanwu;
using namespace kanwu::ledger;

namespace {

bool same(const LedgerClaim& a, const LedgerClaim& b) {
  return a.metric_key == b.metric_key && a.metric == b.metric && a.role == b.role && a.subject == b.subject &&
         a.period == b.period && a.period_text == b.period_text && a.share_base == b.share_base && a.unit == b.unit &&
         a.text == b.text && a.flags == b.flags && a.offset == b.offset && a.sentence == b.sentence &&
         a.start.line == b.start.line && a.start.column == b.start.column && a.end.line == b.end.line &&
         a.end.column == b.end.column &&
         (a.value == b.value || (a.value != a.value && b.value != b.value)) &&
         (a.low == b.low || (a.low != a.low && b.low != b.low)) && (a.high == b.high || (a.high != a.high && b.high != b.high));
}

bool same(const BlockRecord& a, const BlockRecord& b) {
  if (a.sentences.size() != b.sentences.size() || a.figures.size() != b.figures.size()) return false;
  for (std::size_t i = 0; i < a.sentences.size(); ++i)
    if (a.sentences[i].text != b.sentences[i].text || a.sentences[i].figures != b.sentences[i].figures) return false;
  for (std::size_t i = 0; i < a.figures.size(); ++i)
    if (!same(a.figures[i], b.figures[i])) return false;
  return true;
}

void well_formed(const BlockRecord& r) {
  for (const LedgerSentence& s : r.sentences)
    for (const auto& [b, e] : s.figures) fuzz::require(b <= e && e <= s.text.size());
  for (const LedgerClaim& c : r.figures)
    fuzz::require(c.sentence >= -1 && (c.sentence < 0 || static_cast<std::size_t>(c.sentence) < r.sentences.size()));
}

const FigureVocabulary& vocabulary() {
  static const auto v = FigureVocabulary::load_or_throw(std::string(KANWU_SOURCE_DIR) + "/rules/vocabulary/figures.yaml");
  return *v;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  if (const auto record = decode_block_record(bytes, "f.txt", 3)) {
    well_formed(*record);
    const auto again = decode_block_record(encode_block_record(*record, "f.txt"), "f.txt", 3);
    fuzz::require(again && same(*record, *again));
  }
  if (const auto shingles = decode_shingles(bytes)) {
    for (std::size_t i = 0; i < shingles->values.size(); ++i) {
      fuzz::require(shingles->values[i] < (1u << shingles->bits));
      fuzz::require(i == 0 || shingles->values[i - 1] < shingles->values[i]);
    }
    const auto again = decode_shingles(encode_shingles(*shingles));
    fuzz::require(again && again->bits == shingles->bits && again->values == shingles->values);
  }
  try {
    const Document d(decode_source("f.txt", bytes), format_for_path("f.txt"));
    const LedgerDocument doc = record_document(d, vocabulary(), RecordOptions{"f.txt", "2025-01-01", "", "fuzz"});
    for (const auto& [block, r] : block_records(doc)) {
      const auto back = decode_block_record(encode_block_record(r, "f.txt"), "f.txt", block);
      fuzz::require(back && same(r, *back));
    }
  } catch (const InputError&) {
  }
  return 0;
}
