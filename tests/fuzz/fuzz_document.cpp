// Decoding, the document model (plain text and Markdown) and every bundled
// rule on arbitrary bytes: nothing may crash, every location must be valid.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_common.h"
#include "kanwu/engine/linter.h"
#include "kanwu/text/decode.h"

using namespace kanwu;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  for (const char* name : {"f.txt", "f.md"}) {
    try {
      std::vector<Document> docs;
      docs.emplace_back(decode_source(name, bytes), format_for_path(name));
      const Document& d = docs.back();
      for (std::size_t b = 0; b < d.blocks().size(); ++b) {
        const Block& block = d.blocks()[b];
        fuzz::require(block.source_begin <= block.source_end && block.source_end <= d.source().text().size());
        const Location at = d.locate(block, 0, block.text.size());
        fuzz::require(at.start.line >= 1 && at.start.line <= at.end.line);
        for (const auto& s : d.sentences(b)) fuzz::require(s.begin <= s.end && s.end <= block.text.size());
      }
      const Report report = check_documents(fuzz::bundled_rules().pointers(), docs);
      for (const Finding& f : report.findings) {
        fuzz::require(f.where.start.line >= 1 && f.where.start.column >= 1);
        fuzz::require(f.where.start <= f.where.end);
        if (f.fix) fuzz::require(f.fix->begin <= f.fix->end && f.fix->end <= d.source().text().size());
      }
    } catch (const InputError&) {
    }
  }
  return 0;
}
