#include "kanwu/nlp/lexicon.h"

#include <fstream>
#include <iterator>
#include <map>

#include "kanwu/text/utf8.h"

namespace kanwu {

namespace {

std::shared_ptr<Lexicon::Words> shared_words(const std::vector<std::string>& files) {
  static std::mutex mutex;
  static std::map<std::vector<std::string>, std::shared_ptr<Lexicon::Words>> by_files;
  std::lock_guard lock(mutex);
  auto& slot = by_files[files];
  if (!slot) slot = std::make_shared<Lexicon::Words>();
  return slot;
}

// Reads each file whole and walks its lines in place: one decode per word
// straight into a reused buffer, no per-line strings or offset tables (the
// word list is 349k lines, read at every start that needs it).
void load(Lexicon::Words& w, const std::vector<std::string>& files) {
  w.tag_of.reserve(400000);  // jieba's list holds 349k words: no rehashing
  std::map<std::string, std::uint16_t, std::less<>> tag_index;
  std::u32string cps;
  for (const auto& file : files) {
    std::ifstream in(file, std::ios::binary);
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const std::string_view all(text);
    for (std::size_t pos = 0; pos < all.size();) {
      std::size_t eol = all.find('\n', pos);
      if (eol == std::string_view::npos) eol = all.size();
      std::string_view line = all.substr(pos, eol - pos);
      pos = eol + 1;
      while (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      const std::size_t end = line.find_first_of(" \t");
      const std::string_view word = line.substr(0, end);
      if (word.empty()) continue;
      cps.clear();
      bool valid = true;
      for (std::size_t i = 0; i < word.size();) {
        char32_t c = 0;
        const int n = utf8::decode(word, i, c);
        if (n <= 0) {
          valid = false;
          break;
        }
        cps.push_back(c);
        i += static_cast<std::size_t>(n);
      }
      if (!valid || cps.size() < 2) continue;
      std::uint16_t tag = 0;
      const std::size_t tag_at = line.find_last_of(" \t");
      if (tag_at != std::string_view::npos && end != std::string_view::npos && tag_at > end) {
        const std::string_view name = line.substr(tag_at + 1);
        auto it = tag_index.find(name);
        if (it == tag_index.end()) {
          it = tag_index.emplace(std::string(name), static_cast<std::uint16_t>(w.tags.size())).first;
          w.tags.emplace_back(name);
        }
        tag = it->second;
      }
      w.tag_of.emplace(cps, tag);
    }
  }
}

}  // namespace

Lexicon::Lexicon(std::vector<std::string> files, std::vector<std::u32string> extra_words, std::set<std::string> tags)
    : files_(std::move(files)), tags_(std::move(tags)) {
  for (auto& w : extra_words) extra_.insert(std::move(w));
}

std::string Lexicon::check_readable(const std::string& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return "cannot read word list " + file;
  return "";
}

const Lexicon::Words& Lexicon::words() const {
  std::call_once(found_, [this] { words_ = shared_words(files_); });
  std::call_once(words_->loaded, [this] { load(*words_, files_); });
  return *words_;
}

bool Lexicon::contains(std::u32string_view word) const {
  if (extra_.find(word) != extra_.end()) return true;
  const auto& table = words().tag_of;
  return table.find(word) != table.end();
}

bool Lexicon::has_tag(std::u32string_view word) const {
  const Words& w = words();
  const auto it = w.tag_of.find(word);
  return it != w.tag_of.end() && it->second > 0 && tags_.count(w.tags[it->second]) > 0;
}

bool Lexicon::word_starts_at(std::u32string_view text, std::size_t at, std::size_t min_len,
                             std::size_t max_len) const {
  for (std::size_t len = min_len; len <= max_len && at + len <= text.size(); ++len)
    if (contains(text.substr(at, len))) return true;
  return false;
}

}  // namespace kanwu
