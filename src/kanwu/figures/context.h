// What a document's figures are about when a sentence does not say: the
// document's date, its place, the period its undated figures belong to, and
// the places named in its text. Read from the title and dateline, so a 2026
// government work report's undated figures are 2025's and its 全省 is the
// province in its title.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "kanwu/doc/document.h"
#include "kanwu/figures/period.h"
#include "kanwu/figures/vocabulary.h"

namespace kanwu {

// Names to find in every paragraph of a document (its cities), indexed by
// their first character: one pass over a paragraph finds them all, however
// many there are (a year of news names hundreds).
class NameSet {
 public:
  NameSet() = default;
  explicit NameSet(std::vector<std::string> names);
  const std::vector<std::string>& names() const { return names_; }
  // Where the names occur in `text`, as (index in names(), byte offset):
  // each name's occurrences left to right without overlapping each other
  // (as repeated std::string_view::find would give), by name, then offset.
  std::vector<std::pair<std::size_t, std::size_t>> occurrences(std::string_view text) const;

 private:
  std::vector<std::string> names_;
  std::unordered_map<char32_t, std::vector<std::size_t>> by_first_;
};

struct PlaceMention {
  std::size_t begin = 0, end = 0;  // byte span
  std::string name;                // short name (山东, 通辽), 全国, or "" for 全省/本市 (the document's own)
  bool subject = true;             // false after 占, 高于, 居 … or before 第, 首位: a comparison, not who is measured
};

struct DocumentContext {
  int year = 0, month = 0, day = 0;  // the document's date; month/day 0 when unknown
  std::string subject;               // 山东; 全国 when the title names no place
  std::string default_period;        // Y2025 in a 2026 work report, Y2023M4D27 in that day's news
  std::string recent_plan;           // what 五年来 means: FYP14
  bool review = false;               // a report reviewing last year (its own year's figures are plans)
  // Cities the document names with their suffix somewhere (通辽市): the bare
  // name (通辽) is that place everywhere in it.
  NameSet cities;
  // The places each block names, as places_in(text, vocabulary, true) finds
  // them (read once for the cities; the figures add the bare names to them,
  // then empty it).
  std::vector<std::vector<PlaceMention>> named_places;
  std::size_t first_text_block = 0;  // blocks before it are the title and the dateline
};

DocumentContext read_document_context(const Document& document, const FigureVocabulary& vocabulary);

// Turns the relative period keys of period.h into absolute ones, reading a
// document in order: 1—8月 belongs to the year the text last named.
class PeriodResolver {
 public:
  explicit PeriodResolver(const DocumentContext& context);
  // The absolute key, "" when it cannot be known.
  std::string resolve(const Period& period);
  std::string holiday(std::string_view name) const;
  // Since year-month up to the text's date (S2012M11U2025M9D14); "" when
  // the text is not dated: a span whose end is not read is not compared.
  std::string since(int year, int month) const;

 private:
  std::string date_key(int year, int month, int day) const;
  const DocumentContext& context_;
  int current_year_ = 0;  // the year the text is talking about
};


// Places named in a text, in order; with `cities`, also names before
// 市/县/盟/州 that are not in the vocabulary (this asks the word segmenter).
// `known` adds bare names to find (the document's cities).
std::vector<PlaceMention> places_in(std::string_view text, const FigureVocabulary& vocabulary, bool cities = true,
                                    const NameSet& known = NameSet());
// places_in(text, vocabulary, cities, known) from places_in(text, vocabulary, cities).
std::vector<PlaceMention> with_known_places(std::vector<PlaceMention> named, std::string_view text,
                                            const FigureVocabulary& vocabulary, const NameSet& known);

}  // namespace kanwu
