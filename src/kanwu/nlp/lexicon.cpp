#include "kanwu/nlp/lexicon.h"

#include <fstream>

#include "kanwu/text/utf8.h"

namespace kanwu {

Lexicon::Lexicon(std::vector<std::string> files, std::vector<std::u32string> extra_words)
    : files_(std::move(files)) {
  for (auto& w : extra_words) words_.insert(std::move(w));
}

Lexicon::Lexicon(std::vector<std::string> files, std::vector<std::u32string> extra_words, std::set<std::string> tags)
    : Lexicon(std::move(files), std::move(extra_words)) {
  tags_ = std::move(tags);
}

bool Lexicon::has_tag(std::u32string_view word) const {
  load();
  return tagged_.count(std::u32string(word)) > 0;
}

std::string Lexicon::check_readable(const std::string& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return "cannot read word list " + file;
  return "";
}

void Lexicon::load() const {
  std::call_once(loaded_, [this] {
    for (const auto& file : files_) {
      std::ifstream in(file, std::ios::binary);
      std::string line;
      while (std::getline(in, line)) {
        const std::size_t end = line.find_first_of(" \t\r");
        const std::string_view word = std::string_view(line).substr(0, end);
        if (word.empty() || utf8::first_invalid(word) != std::string_view::npos) continue;
        std::u32string cps = code_points(word).chars;
        if (cps.size() < 2) continue;
        if (!tags_.empty()) {
          const std::size_t tag_at = line.find_last_of(" \t");
          if (tag_at != std::string::npos && tag_at > end && tags_.count(line.substr(tag_at + 1))) tagged_.insert(cps);
        }
        words_.insert(std::move(cps));
      }
    }
  });
}

bool Lexicon::contains(std::u32string_view word) const {
  load();
  return words_.count(std::u32string(word)) > 0;
}

bool Lexicon::word_starts_at(std::u32string_view text, std::size_t at, std::size_t min_len,
                             std::size_t max_len) const {
  for (std::size_t len = min_len; len <= max_len && at + len <= text.size(); ++len)
    if (contains(text.substr(at, len))) return true;
  return false;
}

}  // namespace kanwu
