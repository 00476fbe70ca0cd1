// A parsed document turned into what the ledger stores of it: its comparable
// figures exactly as the figure reader reads them (document_figures, so an
// improved reader carries over to the ledger unchanged), the sentences they
// stand in, and duplicate-paragraph's sketch of each paragraph.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "kanwu/doc/document.h"
#include "kanwu/figures/vocabulary.h"
#include "kanwu/ledger/store.h"

namespace kanwu::ledger {

// Paragraphs shorter than this (letters, digits and Han) are not stored:
// duplicate-paragraph's default min_chars.
inline constexpr std::size_t kMinParagraphChars = 30;

struct RecordOptions {
  std::string name;       // "" → the document's path
  std::string published;  // YYYY-MM-DD from --published; "" → the document's date, else the file's
  std::string source;     // --source
  std::string reader;     // LedgerDocument::reader
};

LedgerDocument record_document(const Document& document, const FigureVocabulary& vocabulary,
                               const RecordOptions& options);

// A date as the ledger keeps it: YYYY-MM-DD (a real calendar day; 2024-5-1
// is read as 2024-05-01); nullopt for anything else.
std::optional<std::string> parse_date(std::string_view text);

// What reads the figures, for LedgerDocument::reader: kanwu's version and a
// digest of the figure vocabulary's text.
std::string figure_reader(std::string_view vocabulary_text);

}  // namespace kanwu::ledger
