#include "kanwu/nlp/word_index.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <optional>
#include <map>
#include <unordered_map>

#include "kanwu/text/cache_file.h"
#include "kanwu/text/read_file.h"
#include "kanwu/text/chars.h"
#include "kanwu/text/utf8.h"

namespace kanwu {

namespace {

namespace fs = std::filesystem;

constexpr char kMagic[8] = {'K', 'W', 'W', 'O', 'R', 'D', 'S', '\0'};
constexpr std::uint32_t kVersion = 3;  // 3: one-character words are listed too (their tags)
constexpr std::uint32_t kByteOrder = 0x01020304;  // a cache from another machine does not match

struct Header {
  char magic[8];
  std::uint32_t version;
  std::uint32_t byte_order;
  std::uint64_t stamp;  // the files the image was built from
  std::uint64_t image_size;
  std::uint32_t word_slots;  // a power of two
  std::uint32_t words;
  std::uint32_t pool_chars;
  std::uint32_t pair_slots;  // a power of two
  std::uint32_t tag_bytes;
  std::uint32_t distinct_words;  // words minus repeats
};
struct Entry {
  std::uint32_t offset;  // into the pool, in code points
  std::uint16_t length;
  std::uint16_t tag;  // 1 untagged, 2 + k the k-th tag name
};
struct PairSlot {
  char32_t a, b;  // 0, 0: empty (no word holds U+0000)
  WordIndex::PairLengths lengths;
  std::uint16_t unused;
};
static_assert(sizeof(Header) == 56 && sizeof(Entry) == 8 && sizeof(PairSlot) == 12);

// Where each section starts, from the header's counts.
struct Layout {
  std::size_t slots, entries, pool, pairs, tags, end;
  explicit Layout(const Header& h) {
    slots = sizeof(Header);
    entries = slots + std::size_t{h.word_slots} * sizeof(std::uint32_t);
    pool = entries + std::size_t{h.words} * sizeof(Entry);
    pairs = pool + std::size_t{h.pool_chars} * sizeof(char32_t);
    tags = pairs + std::size_t{h.pair_slots} * sizeof(PairSlot);
    end = tags + h.tag_bytes;
  }
};

std::uint64_t hash_chars(std::u32string_view s) {
  std::uint64_t h = 14695981039346656037ull;  // FNV-1a over whole code points
  for (char32_t c : s) h = (h ^ static_cast<std::uint64_t>(c)) * 1099511628211ull;
  return h ^ (h >> 29);
}

std::uint64_t hash_pair(char32_t a, char32_t b) {
  std::uint64_t h = chars::pair_key(a, b) * 0x9E3779B97F4A7C15ull;
  return h ^ (h >> 31);
}

std::uint32_t power_of_two_above(std::size_t n) {
  std::uint32_t p = 16;
  while (p < 2 * n) p <<= 1;
  return p;
}

template <typename T>
const T* at(const unsigned char* image, std::size_t offset) {
  return reinterpret_cast<const T*>(image + offset);
}

// Identifies the files: their paths, sizes and modification times.
std::uint64_t stamp_of(const std::vector<std::string>& files) {
  std::u32string key;
  const auto add = [&](std::uint64_t v) {
    key.push_back(static_cast<char32_t>(v & 0xFFFFFFFFu));
    key.push_back(static_cast<char32_t>(v >> 32));
  };
  add(kVersion);
  for (const auto& file : files) {
    std::error_code ec;
    const std::string path = fs::absolute(file, ec).string();
    for (unsigned char c : path) key.push_back(c);
    struct stat st {};
    if (::stat(file.c_str(), &st) == 0) {
      add(static_cast<std::uint64_t>(st.st_size));
      add(static_cast<std::uint64_t>(st.st_mtim.tv_sec));
      add(static_cast<std::uint64_t>(st.st_mtim.tv_nsec));
    }
    key.push_back(0);
  }
  return hash_chars(key);
}

struct Parsed {
  std::u32string pool;
  std::vector<Entry> entries;
  std::vector<std::string> tags;
  std::unordered_map<std::uint64_t, PairSlot> pairs;  // by the two characters
  PairSlot& pair(char32_t a, char32_t b) {
    PairSlot& s = pairs[chars::pair_key(a, b)];
    s.a = a, s.b = b;
    return s;
  }
};

// One word per line, optionally followed by blanks and further columns; the
// last column of three or more is the part-of-speech tag.
// False when the file cannot be read (its words are then missing, and the
// index must not be cached).
bool parse_file(const std::string& file, Parsed& p, std::map<std::string, std::uint16_t, std::less<>>& tag_index) {
  const std::optional<std::string> read = read_file(file);
  if (!read) return false;
  const std::string_view all(*read);
  for (std::size_t pos = 0; pos < all.size();) {
    std::size_t eol = all.find('\n', pos);
    if (eol == std::string_view::npos) eol = all.size();
    std::string_view line = all.substr(pos, eol - pos);
    pos = eol + 1;
    while (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    const std::size_t end = line.find_first_of(" \t");
    const std::string_view word = line.substr(0, end);
    if (word.empty()) continue;
    const std::size_t start = p.pool.size();
    bool valid = true;
    for (std::size_t i = 0; i < word.size();) {
      char32_t c = 0;
      const int n = utf8::decode(word, i, c);
      if (n <= 0 || c == 0) {
        valid = false;
        break;
      }
      p.pool.push_back(c);
      i += static_cast<std::size_t>(n);
    }
    const std::size_t length = p.pool.size() - start;
    if (!valid || length < 1 || length > 0xFFFF) {
      p.pool.resize(start);
      continue;
    }
    std::uint16_t tag = 1;
    const std::size_t tag_at = line.find_last_of(" \t");
    if (tag_at != std::string_view::npos && end != std::string_view::npos && tag_at > end) {
      const std::string_view name = line.substr(tag_at + 1);
      auto it = name.empty() ? tag_index.end() : tag_index.find(name);  // a trailing blank is no tag
      if (!name.empty() && it == tag_index.end() && p.tags.size() < 0xFFF0) {
        it = tag_index.emplace(std::string(name), static_cast<std::uint16_t>(p.tags.size() + 2)).first;
        p.tags.emplace_back(name);
      }
      if (it != tag_index.end()) tag = it->second;
    }
    p.entries.push_back({static_cast<std::uint32_t>(start), static_cast<std::uint16_t>(length), tag});
    if (length < 2) continue;  // the pairs index words of two or more
    const auto len8 = static_cast<std::uint8_t>(std::min<std::size_t>(length, 255));
    const char32_t* w = p.pool.data() + start;
    PairSlot& first = p.pair(w[0], w[1]);
    first.lengths.starting = std::max(first.lengths.starting, len8);
    PairSlot& last = p.pair(w[length - 2], w[length - 1]);
    last.lengths.ending = std::max(last.lengths.ending, len8);
  }
  return true;
}

std::vector<unsigned char> build_image(const std::vector<std::string>& files, std::uint64_t stamp,
                                       bool* complete = nullptr) {
  Parsed p;
  p.entries.reserve(400000);  // jieba's list: 349k words, 240k pairs
  p.pairs.reserve(300000);
  std::map<std::string, std::uint16_t, std::less<>> tag_index;
  bool all_read = true;
  for (const auto& file : files) all_read = parse_file(file, p, tag_index) && all_read;
  if (complete) *complete = all_read;
  Header h{};
  std::memcpy(h.magic, kMagic, sizeof kMagic);
  h.version = kVersion;
  h.byte_order = kByteOrder;
  h.stamp = stamp;
  h.words = static_cast<std::uint32_t>(p.entries.size());
  h.word_slots = power_of_two_above(p.entries.size());
  h.pool_chars = static_cast<std::uint32_t>(p.pool.size());
  h.pair_slots = power_of_two_above(p.pairs.size());
  std::string tags;
  for (const auto& t : p.tags) tags += t + '\n';
  tags.resize((tags.size() + 3) / 4 * 4, '\n');
  h.tag_bytes = static_cast<std::uint32_t>(tags.size());
  const Layout l(h);
  h.image_size = l.end;
  std::vector<unsigned char> image(l.end, 0);
  std::memcpy(image.data(), &h, sizeof h);
  auto* slots = reinterpret_cast<std::uint32_t*>(image.data() + l.slots);
  auto* entries = reinterpret_cast<Entry*>(image.data() + l.entries);
  std::memcpy(image.data() + l.pool, p.pool.data(), p.pool.size() * sizeof(char32_t));
  std::uint32_t kept = 0;
  for (const Entry& e : p.entries) {
    const std::u32string_view word(p.pool.data() + e.offset, e.length);
    for (std::size_t i = hash_chars(word) & (h.word_slots - 1);; i = (i + 1) & (h.word_slots - 1)) {
      if (slots[i] == 0) {
        entries[kept] = e;
        slots[i] = ++kept;
        break;
      }
      const Entry& o = entries[slots[i] - 1];
      if (std::u32string_view(p.pool.data() + o.offset, o.length) == word) break;  // a repeat: first wins
    }
  }
  // A repeated word leaves an unused entry at the end (no slot names it).
  reinterpret_cast<Header*>(image.data())->distinct_words = kept;
  auto* pairs = reinterpret_cast<PairSlot*>(image.data() + l.pairs);
  for (const auto& [key, slot] : p.pairs)
    for (std::size_t i = hash_pair(slot.a, slot.b) & (h.pair_slots - 1);; i = (i + 1) & (h.pair_slots - 1))
      if (pairs[i].a == 0 && pairs[i].b == 0) {
        pairs[i] = slot;
        break;
      }
  std::memcpy(image.data() + l.tags, tags.data(), tags.size());
  return image;
}

}  // namespace

namespace {

// Names the files' paths: the cache of one word list, whatever its version.
std::string paths_name(const std::vector<std::string>& files) {
  std::string paths;
  for (const auto& file : files) {
    std::error_code ec;
    paths += fs::absolute(file, ec).string() + '\n';
  }
  return "words-" + cache::hex(cache::hash(paths)).substr(0, 8);
}

// Removes the caches of earlier versions of the same word lists (a list
// rewritten by a test or edited by its owner would otherwise leave one
// 17 MB file behind per version).
void remove_older_caches(const std::string& folder, const std::vector<std::string>& files,
                         const std::string& keep_name) {
  std::error_code ec;
  const std::string prefix = paths_name(files) + "-";
  for (auto it = fs::directory_iterator(folder, ec); !ec && it != fs::directory_iterator(); it.increment(ec)) {
    const std::string name = it->path().filename().string();
    std::error_code remove_error;
    if (name.starts_with(prefix) && name.ends_with(".bin") && name != keep_name)
      fs::remove(it->path(), remove_error);
  }
}

std::string cache_file(const std::string& folder, const std::vector<std::string>& files, std::uint64_t stamp) {
  return folder + "/" + paths_name(files) + "-" + cache::hex(stamp) + ".bin";
}

}  // namespace

std::string WordIndex::cache_path(const std::string& folder, const std::vector<std::string>& files) {
  return cache_file(folder, files, stamp_of(files));
}

std::shared_ptr<WordIndex> WordIndex::holding(std::vector<unsigned char> image) {
  std::shared_ptr<WordIndex> index(new WordIndex());
  index->owned_ = std::move(image);
  index->image_ = index->owned_.data();
  index->image_size_ = index->owned_.size();
  return index;
}

std::shared_ptr<const WordIndex> WordIndex::build(const std::vector<std::string>& files) {
  auto index = holding(build_image(files, stamp_of(files)));  // a file that cannot be read adds no words
  index->attach("built in memory");
  return index;
}

std::shared_ptr<const WordIndex> WordIndex::open(const std::vector<std::string>& files) {
  const std::string folder = cache::folder();
  if (folder.empty()) return build(files);
  const std::uint64_t stamp = stamp_of(files);
  const std::string path = cache_file(folder, files, stamp);
  if (const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC); fd >= 0) {
    struct stat st {};
    void* map = MAP_FAILED;
    if (::fstat(fd, &st) == 0 && st.st_size >= static_cast<off_t>(sizeof(Header)))
      map = ::mmap(nullptr, static_cast<std::size_t>(st.st_size), PROT_READ, MAP_PRIVATE, fd, 0);
    ::close(fd);
    if (map != MAP_FAILED) {
      std::shared_ptr<WordIndex> index(new WordIndex());
      index->mapped_ = map;
      index->mapped_size_ = static_cast<std::size_t>(st.st_size);
      index->image_ = static_cast<const unsigned char*>(map);
      index->image_size_ = index->mapped_size_;
      if (index->attach("cache " + path) && at<Header>(index->image_, 0)->stamp == stamp) return index;
    }
  }
  bool complete = false;
  auto index = holding(build_image(files, stamp, &complete));
  // A list that could not be read whole is not cached: its index would
  // outlive the problem (the stamp does not change with permissions).
  const bool cached = complete && cache::write(path, std::string_view(reinterpret_cast<const char*>(index->owned_.data()),
                                                                       index->owned_.size()));
  if (cached) remove_older_caches(folder, files, fs::path(path).filename().string());
  index->attach(cached ? "built, cached at " + path : "built in memory");
  return index;
}

WordIndex::~WordIndex() {
  if (mapped_) ::munmap(mapped_, mapped_size_);
}

bool WordIndex::attach(std::string origin) {
  origin_ = std::move(origin);
  const auto fail = [&] {
    image_size_ = 0;  // every lookup then finds nothing
    return false;
  };
  if (image_size_ < sizeof(Header)) return fail();
  const Header& h = *at<Header>(image_, 0);
  if (std::memcmp(h.magic, kMagic, sizeof kMagic) != 0 || h.version != kVersion || h.byte_order != kByteOrder)
    return fail();
  if ((h.word_slots & (h.word_slots - 1)) != 0 || (h.pair_slots & (h.pair_slots - 1)) != 0 || h.word_slots == 0 ||
      h.pair_slots == 0 || h.words > h.word_slots)
    return fail();
  if (Layout(h).end != image_size_ || h.image_size != image_size_) return fail();
  tag_names_.clear();
  const std::string_view tags(reinterpret_cast<const char*>(image_ + Layout(h).tags), h.tag_bytes);
  for (std::size_t pos = 0; pos < tags.size();) {
    const std::size_t eol = std::min(tags.find('\n', pos), tags.size());
    if (eol > pos) tag_names_.emplace_back(tags.substr(pos, eol - pos));
    pos = eol + 1;
  }
  return true;
}

std::size_t WordIndex::size() const {
  return image_size_ ? at<Header>(image_, 0)->distinct_words : 0;
}

std::uint16_t WordIndex::find(std::u32string_view word) const {
  if (image_size_ == 0 || word.empty()) return 0;
  const Header& h = *at<Header>(image_, 0);
  const Layout l(h);
  const auto* slots = at<std::uint32_t>(image_, l.slots);
  const auto* entries = at<Entry>(image_, l.entries);
  const auto* pool = at<char32_t>(image_, l.pool);
  const std::size_t mask = h.word_slots - 1;
  std::size_t i = hash_chars(word) & mask;
  for (std::size_t probes = 0; probes < h.word_slots; ++probes, i = (i + 1) & mask) {
    const std::uint32_t v = slots[i];
    if (v == 0 || v > h.words) return 0;
    const Entry& e = entries[v - 1];
    if (e.length == word.size() && std::size_t{e.offset} + e.length <= h.pool_chars &&
        std::memcmp(pool + e.offset, word.data(), word.size() * sizeof(char32_t)) == 0)
      return e.tag;
  }
  return 0;
}

WordIndex::PairLengths WordIndex::pair(char32_t a, char32_t b) const {
  if (image_size_ == 0) return {};
  const Header& h = *at<Header>(image_, 0);
  const auto* pairs = at<PairSlot>(image_, Layout(h).pairs);
  const std::size_t mask = h.pair_slots - 1;
  std::size_t i = hash_pair(a, b) & mask;
  for (std::size_t probes = 0; probes < h.pair_slots; ++probes, i = (i + 1) & mask) {
    const PairSlot& s = pairs[i];
    if (s.a == a && s.b == b) return s.lengths;
    if (s.a == 0 && s.b == 0) return {};
  }
  return {};
}

}  // namespace kanwu
