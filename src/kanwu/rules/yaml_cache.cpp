#include "kanwu/rules/yaml_cache.h"

#include <dlfcn.h>
#include <fcntl.h>
#include <sys/stat.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <set>
#include <string_view>
#include <utility>
#include <vector>

#include "kanwu/text/cache_file.h"
#include "kanwu/text/read_file.h"

namespace kanwu {
namespace {
struct YamlTreeAccess {};
}  // namespace
}  // namespace kanwu

// yaml-cpp builds a tree through its NodeBuilder, a private class; the cache
// rebuilds one the same way (one memory holder, nodes created, marked,
// typed, tagged and linked in parse order). yaml-cpp makes its `as_if`
// conversion template a friend of Node, and this specialisation is the one
// place that uses that access: to reach a Node's detail::node and to wrap
// one in a Node.
template <>
struct YAML::as_if<kanwu::YamlTreeAccess, void> {
  static const detail::node* node_of(const Node& n) { return n.m_pNode; }
  static Node wrap(detail::node& n, const detail::shared_memory_holder& memory) { return Node(n, memory); }
};

namespace kanwu {

namespace {

using Access = YAML::as_if<YamlTreeAccess, void>;

// "kanwu yaml tree", format 1
constexpr std::string_view kMagic = "KWYAMLT1";

enum : std::uint8_t { kEmpty = 0, kNull = 1, kScalar = 2, kSequence = 3, kMap = 4 };

class Writer {
 public:
  bool node(const YAML::Node& n) {
    const YAML::detail::node* id = Access::node_of(n);
    if (!id) {  // YAML::Load("") is a Node without a tree
      byte(kEmpty);
      return true;
    }
    if (!seen_.insert(id).second) return false;  // an alias: the tree is a graph
    std::uint8_t type = 0;
    switch (n.Type()) {
      case YAML::NodeType::Null: type = kNull; break;
      case YAML::NodeType::Scalar: type = kScalar; break;
      case YAML::NodeType::Sequence: type = kSequence; break;
      case YAML::NodeType::Map: type = kMap; break;
      default: return false;  // undefined nodes are not what a parse makes
    }
    // yaml-cpp gives a null node no tag; one with a tag is not its parse.
    if (type == kNull && !n.Tag().empty()) return false;
    byte(type);
    const YAML::Mark m = n.Mark();
    number(static_cast<std::uint32_t>(m.pos)), number(static_cast<std::uint32_t>(m.line)),
        number(static_cast<std::uint32_t>(m.column));
    text(n.Tag());
    if (type == kScalar) text(n.Scalar());
    if (type == kSequence || type == kMap) {
      byte(static_cast<std::uint8_t>(n.Style()));
      number(static_cast<std::uint32_t>(n.size()));
      for (auto it = n.begin(); it != n.end(); ++it)
        if (type == kSequence ? !node(*it) : !node(it->first) || !node(it->second)) return false;
    }
    return true;
  }
  std::string bytes;

 private:
  void byte(std::uint8_t b) { bytes.push_back(static_cast<char>(b)); }
  void number(std::uint32_t v) { bytes.append(reinterpret_cast<const char*>(&v), sizeof v); }
  void text(const std::string& s) {
    number(static_cast<std::uint32_t>(s.size()));
    bytes += s;
  }
  std::set<const YAML::detail::node*> seen_;
};

class Reader {
 public:
  explicit Reader(std::string_view bytes) : bytes_(bytes) {}

  // The next node, created in `memory`; nullptr on any malformed input.
  YAML::detail::node* node(const YAML::detail::shared_memory_holder& memory, int depth = 0) {
    std::uint8_t type;
    if (depth > 1000 || !byte(type) || type < kNull || type > kMap) return nullptr;
    YAML::Mark mark;
    std::uint32_t pos, line, column;
    std::string tag;
    if (!number(pos) || !number(line) || !number(column) || !text(tag)) return nullptr;
    mark.pos = static_cast<int>(pos), mark.line = static_cast<int>(line), mark.column = static_cast<int>(column);
    YAML::detail::node& n = memory->create_node();
    n.set_mark(mark);
    switch (type) {
      case kNull:
        n.set_null();
        break;
      case kScalar: {
        std::string value;
        if (!text(value)) return nullptr;
        n.set_scalar(value);
        n.set_tag(tag);
        break;
      }
      default: {
        std::uint8_t style;
        std::uint32_t count;
        if (!byte(style) || style > YAML::EmitterStyle::Flow || !number(count)) return nullptr;
        n.set_tag(tag);
        n.set_type(type == kSequence ? YAML::NodeType::Sequence : YAML::NodeType::Map);
        n.set_style(static_cast<YAML::EmitterStyle::value>(style));
        for (std::uint32_t i = 0; i < count; ++i) {
          YAML::detail::node* first = node(memory, depth + 1);
          if (!first) return nullptr;
          if (type == kSequence) {
            n.push_back(*first, memory);
            continue;
          }
          YAML::detail::node* second = node(memory, depth + 1);
          if (!second) return nullptr;
          n.insert(*first, *second, memory);
        }
      }
    }
    return &n;
  }
  bool done() const { return at_ == bytes_.size(); }

 private:
  bool byte(std::uint8_t& b) {
    if (at_ >= bytes_.size()) return false;
    b = static_cast<std::uint8_t>(bytes_[at_++]);
    return true;
  }
  bool number(std::uint32_t& v) {
    if (bytes_.size() - at_ < sizeof v) return false;
    std::memcpy(&v, bytes_.data() + at_, sizeof v);
    at_ += sizeof v;
    return true;
  }
  bool text(std::string& s) {
    std::uint32_t n;
    if (!number(n) || bytes_.size() - at_ < n) return false;
    s.assign(bytes_.data() + at_, n);
    at_ += n;
    return true;
  }
  std::string_view bytes_;
  std::size_t at_ = 0;
};

// The yaml-cpp in use (its file's path, size and time), so that a tree read
// by one version is not replayed under another; "" when it cannot be told,
// and then nothing is cached.
const std::string& library_identity() {
  static const std::string identity = [] {
    Dl_info info{};
    const auto load = static_cast<YAML::Node (*)(const std::string&)>(&YAML::Load);
    struct stat st {};
    if (!::dladdr(reinterpret_cast<const void*>(load), &info) || !info.dli_fname || ::stat(info.dli_fname, &st) != 0)
      return std::string();
    return std::string(info.dli_fname) + ':' + std::to_string(st.st_size) + ':' + std::to_string(st.st_mtime);
  }();
  return identity;
}

// What an entry must match: the text (two hashes and its length) and the
// library.
std::string stamp_of(const std::string& content) {
  const std::uint64_t seed = cache::hash(library_identity());
  return cache::hex(cache::hash(content, seed)) + cache::hex(cache::hash(content, ~seed)) +
         cache::hex(content.size());
}

}  // namespace

std::optional<std::string> encode_yaml_tree(const YAML::Node& root) {
  Writer w;
  w.bytes = kMagic;
  if (!w.node(root)) return std::nullopt;
  return std::move(w.bytes);
}

std::optional<YAML::Node> decode_yaml_tree(std::string_view bytes) {
  if (!bytes.starts_with(kMagic)) return std::nullopt;
  bytes.remove_prefix(kMagic.size());
  if (bytes.size() == 1 && bytes[0] == kEmpty) return YAML::Node();
  Reader r(bytes);
  YAML::detail::shared_memory_holder memory(new YAML::detail::memory_holder);
  YAML::detail::node* root = r.node(memory);
  if (!root || !r.done()) return std::nullopt;
  return Access::wrap(*root, memory);
}

void prune_yaml_cache(const std::string& folder, std::size_t max_entries) {
  namespace fs = std::filesystem;
  std::vector<std::pair<fs::file_time_type, fs::path>> entries;
  std::error_code ec;
  for (auto it = fs::directory_iterator(folder, ec); !ec && it != fs::directory_iterator(); it.increment(ec)) {
    const std::string name = it->path().filename().string();
    std::error_code time_error;
    const auto time = it->last_write_time(time_error);
    if (name.starts_with("yaml-") && name.ends_with(".bin") && !time_error) entries.emplace_back(time, it->path());
  }
  std::sort(entries.begin(), entries.end());
  const auto unused_since = fs::file_time_type::clock::now() - kYamlCacheUnused;
  for (std::size_t i = 0; i < entries.size(); ++i)
    if (entries[i].first < unused_since || i + max_entries < entries.size()) fs::remove(entries[i].second, ec);
}

YAML::Node load_yaml(const std::string& content, const std::string& file) {
  const std::string folder = file.empty() || library_identity().empty() ? std::string() : cache::folder();
  std::error_code ec;
  const std::filesystem::path absolute = folder.empty() ? std::filesystem::path() : std::filesystem::absolute(file, ec);
  if (folder.empty() || ec) return YAML::Load(content);  // (no current folder: a relative path names nothing)
  // Named after the file: an edited file's entry is replaced, not added to.
  const std::string path = folder + "/yaml-" + cache::hex(cache::hash(absolute.string())) + ".bin";
  const std::string stamp = stamp_of(content);
  constexpr std::size_t kChecksum = 16;
  if (const auto cached = read_file(path); cached && cached->size() > stamp.size() + kChecksum) {
    const std::string_view bytes(*cached);
    const std::string_view tree = bytes.substr(stamp.size() + kChecksum);
    if (bytes.substr(0, stamp.size()) == stamp && bytes.substr(stamp.size(), kChecksum) == cache::hex(cache::hash(tree)))
      if (auto root = decode_yaml_tree(tree)) {
        ::utimensat(AT_FDCWD, path.c_str(), nullptr, 0);  // used: kept by prune()
        return *root;
      }
  }
  YAML::Node root = YAML::Load(content);
  if (const auto encoded = encode_yaml_tree(root);
      encoded && cache::write(path, stamp + cache::hex(cache::hash(*encoded)) + *encoded)) {
    static std::atomic<bool> pruned{false};  // once per process
    if (!pruned.exchange(true)) prune_yaml_cache(folder);
  }
  return root;
}

}  // namespace kanwu
