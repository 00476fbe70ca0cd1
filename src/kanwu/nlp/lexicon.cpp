#include "kanwu/nlp/lexicon.h"

#include <algorithm>
#include <fstream>
#include <map>

#include "kanwu/nlp/word_index.h"
#include "kanwu/text/chars.h"

namespace kanwu {

namespace {

using chars::pair_key;

// One index per set of files in a process, however many rules name them,
// kept to the process's end and never unmapped: unmapping the pages a run
// touched took ~0.8 ms at exit, a twentieth of checking one draft.
std::shared_ptr<const WordIndex> shared_index(const std::vector<std::string>& files) {
  static std::mutex mutex;
  static auto& by_files = *new std::map<std::vector<std::string>, std::shared_ptr<const WordIndex>>;
  std::lock_guard lock(mutex);
  auto& slot = by_files[files];
  if (!slot) slot = WordIndex::open(files);
  return slot;
}

}  // namespace

Lexicon::Lexicon(std::vector<std::string> files, std::vector<std::u32string> extra_words, std::set<std::string> tags)
    : files_(std::move(files)), tags_(std::move(tags)) {
  for (auto& w : extra_words) {
    if (w.size() >= 2) {
      const auto len = static_cast<std::uint8_t>(std::min<std::size_t>(w.size(), 255));
      auto& first = extra_pairs_[pair_key(w[0], w[1])];
      first.first = std::max(first.first, len);
      auto& last = extra_pairs_[pair_key(w[w.size() - 2], w.back())];
      last.second = std::max(last.second, len);
    }
    extra_.insert(std::move(w));
  }
}

Lexicon::~Lexicon() = default;

std::string Lexicon::check_readable(const std::string& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return "cannot read word list " + file;
  return "";
}

const WordIndex& Lexicon::index() const {
  std::call_once(opened_, [this] { index_ = shared_index(files_); });
  return *index_;
}

bool Lexicon::contains(std::u32string_view word) const {
  // The list holds one-character words too (for their tags), but a single
  // character is no word a caller means.
  if (word.size() < 2) return false;
  if (extra_.find(word) != extra_.end()) return true;
  return index().find(word) != 0;
}

bool Lexicon::has_tag(std::u32string_view word) const { return has_tag(word, tags_); }

bool Lexicon::has_tag(std::u32string_view word, const std::set<std::string>& tags) const {
  if (word.size() < 2) return false;  // words, as contains() means them: char_has_tag() for one character
  return tagged(word, tags);
}

bool Lexicon::char_has_tag(char32_t c, const std::set<std::string>& tags) const {
  return tagged(std::u32string_view(&c, 1), tags);
}

bool Lexicon::tagged(std::u32string_view word, const std::set<std::string>& tags) const {
  const WordIndex& index = this->index();
  const std::uint16_t tag = index.find(word);
  return tag >= 2 && tag - 2u < index.tag_names().size() && tags.count(index.tag_names()[tag - 2u]) > 0;
}

bool Lexicon::word_starts_at(std::u32string_view text, std::size_t at, std::size_t min_len,
                             std::size_t max_len) const {
  if (at + 2 > text.size()) return false;
  std::size_t longest = index().longest_starting(text[at], text[at + 1]);
  if (const auto it = extra_pairs_.find(pair_key(text[at], text[at + 1])); it != extra_pairs_.end())
    longest = std::max<std::size_t>(longest, it->second.first);
  for (std::size_t len = min_len; len <= std::min(max_len, longest) && at + len <= text.size(); ++len)
    if (contains(text.substr(at, len))) return true;
  return false;
}

bool Lexicon::word_across(std::u32string_view text, std::size_t at, std::size_t min_len, std::size_t max_len) const {
  for (std::size_t len = std::max<std::size_t>(min_len, 2); len <= max_len; ++len)
    for (std::size_t start = at >= len - 1 ? at - (len - 1) : 0; start < at; ++start)
      if (start + len <= text.size() && contains(text.substr(start, len))) return true;
  return false;
}

std::size_t Lexicon::longest_word_ending_at(std::u32string_view text, std::size_t end, std::size_t max_len) const {
  if (end < 2 || end > text.size()) return 0;
  std::size_t longest = index().longest_ending(text[end - 2], text[end - 1]);
  if (const auto it = extra_pairs_.find(pair_key(text[end - 2], text[end - 1])); it != extra_pairs_.end())
    longest = std::max<std::size_t>(longest, it->second.second);
  for (std::size_t len = std::min({max_len, longest, end}); len >= 2; --len)
    if (contains(text.substr(end - len, len))) return len;
  return 0;
}

}  // namespace kanwu
