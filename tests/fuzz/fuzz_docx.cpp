// Word documents: arbitrary bytes as a whole .docx (the zip reader's
// refusals) and, more usefully, as word/document.xml (random zips rarely get
// past their checksums), through the document model and every bundled rule.
// Invariants: only InputError escapes; one line per paragraph record; every
// finding inside the extracted text, on a named paragraph.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_common.h"
#include "kanwu/doc/docx.h"
#include "kanwu/engine/linter.h"

using namespace kanwu;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  try {
    extract_word_text("f.docx", bytes);
  } catch (const InputError&) {
  }
  try {
    WordText word = extract_word_xml("f.docx", bytes, bytes, bytes);
    SourceText source("f.docx", std::move(word.text));
    fuzz::require(static_cast<std::size_t>(source.line_count()) == word.paragraphs.size() + 1);
    std::vector<Document> docs;
    docs.emplace_back(std::move(source), std::move(word.paragraphs));
    const Report report = check_documents(fuzz::bundled_rules().pointers(), docs);
    for (const Finding& f : report.findings) {
      fuzz::require(f.where.start.line >= 1 && f.where.start <= f.where.end);
      fuzz::require(f.where.paragraph >= 1 || f.rule == "unknown-rule-in-directive");
    }
  } catch (const InputError&) {
  }
  return 0;
}
