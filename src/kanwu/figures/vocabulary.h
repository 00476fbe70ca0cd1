// The words figure reading depends on, as data (rules/vocabulary/figures.yaml):
// indicator synonyms, qualifiers, filler and stop words, plan words, places,
// holidays and the titles of documents that review the previous year.
#pragma once

#include <atomic>
#include <cstdint>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <unordered_map>
#include <vector>

#include "kanwu/nlp/lexicon.h"
#include "kanwu/rules/load_error.h"

namespace kanwu {

inline std::uint64_t next_vocabulary_serial() {
  static std::atomic<std::uint64_t> last{0};
  return ++last;
}

struct FigureVocabulary {
  // Different for every vocabulary a process loads (what is remembered of
  // one is never taken for another's, even at the same address).
  std::uint64_t serial = next_vocabulary_serial();
  // Words for splitting a metric phrase: the lexicon files plus every word
  // named below.
  std::shared_ptr<const Lexicon> lexicon;
  // variant → canonical name, longest variant first (rewritten in that order).
  std::vector<std::pair<std::string, std::string>> indicators;
  // Every indicator name and variant by its first character, longest first:
  // written form → canonical name (the metric reader looks at each place).
  std::unordered_map<char32_t, std::vector<std::pair<std::string, std::string>>> indicators_by_first_char;
  // variant → qualifier, longest variant first.
  std::vector<std::pair<std::string, std::string>> qualifiers;
  std::set<std::string> filler;
  std::set<std::string> clause_filler;  // left out of a clause key (restated_clause)
  std::set<std::string> stops;
  std::set<std::string> generic_words;  // a metric of these alone names nothing
  std::vector<std::string> dateline_agencies;  // 新华社, 本报: a dateline's opening
  std::vector<std::string> plan_words;
  // Words that make a clause after a plan word a result (已完成): done_words.
  std::vector<std::string> done_words;
  std::vector<std::string> forecast_words;
  std::vector<std::string> span_words;
  std::vector<std::string> continuation_words;
  std::vector<std::string> national;
  std::vector<std::string> national_bodies;
  std::vector<std::string> not_subject_after;
  std::vector<std::string> own_place;
  // any written name → short name, longest first (山东省 → 山东, 山东 → 山东).
  std::vector<std::pair<std::string, std::string>> places;
  std::u32string place_suffixes;
  std::set<std::u32string> not_places;
  std::vector<std::string> holidays;
  std::vector<std::string> holiday_suffixes;
  // Every place, national and own-place word by its first character,
  // longest first: written form → short name (全国; "" for 全省).
  std::unordered_map<char32_t, std::vector<std::pair<std::string, std::string>>> names_by_first_char;
  // The first characters of those names (Basic Multilingual Plane), so that
  // a paragraph's characters are tested with one bit each.
  std::vector<bool> name_starts = std::vector<bool>(0x10000, false);
  // place_suffixes in UTF-8, searched in a paragraph's bytes before its
  // characters are decoded (most paragraphs name no 市 or 县).
  std::vector<std::string> place_suffixes_utf8;
  std::vector<std::string> review_titles;
  // Events whose 以来 opens a span up to the text's date (党的十八大以来):
  // the name as written, and the year and month the span starts.
  struct SinceEvent {
    std::string name;
    int year = 0, month = 0;
  };
  std::vector<SinceEvent> since_events;  // longest name first

  // Loads (once per path, shared by every rule naming it) or returns null
  // and adds a located error.
  static std::shared_ptr<const FigureVocabulary> load(const std::string& path, std::vector<LoadError>& errors);
  // The vocabulary shipped in rules/vocabulary/figures.yaml, for callers
  // without a rule (`kanwu figures`); throws RuleLoadError when unreadable.
  static std::shared_ptr<const FigureVocabulary> load_or_throw(const std::string& path);
};

class ParamReader;
// The `vocabulary` parameter of a figure rule (default vocabulary/figures.yaml
// beside the rule file), loaded; null after reporting an error.
std::shared_ptr<const FigureVocabulary> vocabulary_param(ParamReader& params);

}  // namespace kanwu
