#include <boost/test/unit_test.hpp>

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "helpers.h"
#include "kanwu/rules/loader.h"
#include "kanwu/rules/yaml_cache.h"

using namespace kanwu;
using kanwu::test::source_dir;
namespace fs = std::filesystem;

namespace {

// Everything a rule loader can ask of a node: type, tag, style, mark, value,
// children in order.
void require_same_tree(const YAML::Node& a, const YAML::Node& b, const std::string& where) {
  BOOST_TEST_INFO(where);
  BOOST_REQUIRE(a.Type() == b.Type());
  BOOST_REQUIRE_EQUAL(a.Tag(), b.Tag());
  BOOST_REQUIRE_EQUAL(a.Mark().pos, b.Mark().pos);
  BOOST_REQUIRE_EQUAL(a.Mark().line, b.Mark().line);
  BOOST_REQUIRE_EQUAL(a.Mark().column, b.Mark().column);
  if (a.IsScalar()) BOOST_REQUIRE_EQUAL(a.Scalar(), b.Scalar());
  if (!a.IsSequence() && !a.IsMap()) return;
  BOOST_REQUIRE(a.Style() == b.Style());
  BOOST_REQUIRE_EQUAL(a.size(), b.size());
  auto i = a.begin();
  auto j = b.begin();
  for (std::size_t k = 0; i != a.end(); ++i, ++j, ++k) {
    if (a.IsSequence()) {
      require_same_tree(*i, *j, where + "/" + std::to_string(k));
    } else {
      require_same_tree(i->first, j->first, where + "/key " + std::to_string(k));
      require_same_tree(i->second, j->second, where + "/" + i->first.as<std::string>(""));
    }
  }
}

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// What YAML writers actually produce: block and flow collections, every
// scalar style, tags, nulls written four ways, duplicate keys, comments,
// Chinese text, a document marker.
const std::vector<std::string> kTrickyYaml = {
    "",
    "# only a comment\n",
    "---\nrules: []\n...\n",
    "a: 1\nb: [x, 'y', \"z\"]\nc: {k: v, n: ~}\n",
    "plain: 全国\nquoted: '它''s'\ndouble: \"\\u4e2d\\t\"\nliteral: |\n  一行\n  二行\nfolded: >-\n  a\n  b\n",
    "n1: ~\nn2: null\nn3:\nn4: ''\nn5: !!str null\nb: !!bool yes\ni: !!int '3'\nlocal: !mine x\n",
    "- [1, 2, [3, {a: b}]]\n- {? complex key : value}\n- - nested\n  - list\n",
    "dup: 1\ndup: 2\n",
    "rules:\n  - id: x\n    kind: pattern\n    pattern: '(?<!\\p{Han})\\d+'\n    examples:\n      bad: [\"a\"]\n      good: []\n",
    "\xEF\xBB\xBF" "bom: true\n",
};

// A private cache folder per test, removed afterwards.
struct CacheFolder : kanwu::test::ScratchFolder {
  CacheFolder() : ScratchFolder("kanwu-yaml-cache") {}
  std::vector<fs::path> entries() const {
    std::vector<fs::path> out;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(dir / "cache", ec))
      if (e.path().filename().string().starts_with("yaml-")) out.push_back(e.path());
    return out;
  }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(yaml_cache)

BOOST_AUTO_TEST_CASE(bundled_rules_round_trip_node_for_node) {
  std::size_t files = 0;
  for (const auto& e : fs::recursive_directory_iterator(source_dir() + "/rules")) {
    if (e.path().extension() != ".yaml") continue;
    const YAML::Node parsed = YAML::Load(read_file(e.path()));
    const auto encoded = encode_yaml_tree(parsed);
    BOOST_REQUIRE_MESSAGE(encoded, e.path().string());
    const auto decoded = decode_yaml_tree(*encoded);
    BOOST_REQUIRE(decoded);
    require_same_tree(parsed, *decoded, e.path().string());
    ++files;
  }
  BOOST_TEST(files >= 5u);
}

BOOST_AUTO_TEST_CASE(tricky_yaml_round_trips) {
  for (const auto& text : kTrickyYaml) {
    const YAML::Node parsed = YAML::Load(text);
    const auto encoded = encode_yaml_tree(parsed);
    BOOST_REQUIRE_MESSAGE(encoded, text);
    const auto decoded = decode_yaml_tree(*encoded);
    BOOST_REQUIRE_MESSAGE(decoded, text);
    require_same_tree(parsed, *decoded, text);
    // What the loader reads with: lookups and conversions.
    if (parsed.IsMap())
      for (const auto& kv : parsed) {
        const std::string key = kv.first.as<std::string>("");
        BOOST_TEST((*decoded)[key].IsDefined() == parsed[key].IsDefined());
        BOOST_TEST((*decoded)[key].IsNull() == parsed[key].IsNull());
      }
  }
}

BOOST_AUTO_TEST_CASE(aliases_are_not_encoded) {
  // yaml-cpp shares the aliased node; a replay would make two.
  BOOST_TEST(!encode_yaml_tree(YAML::Load("a: &x [1, 2]\nb: *x\n")));
  BOOST_TEST(encode_yaml_tree(YAML::Load("a: &x [1, 2]\nb: [1, 2]\n")).has_value());  // an anchor alone is fine
}

BOOST_AUTO_TEST_CASE(damaged_encodings_are_refused) {
  const auto encoded = encode_yaml_tree(YAML::Load(kTrickyYaml[4]));
  BOOST_REQUIRE(encoded);
  // Every cut short, and trailing bytes.
  for (std::size_t n = 0; n < encoded->size(); ++n) BOOST_TEST(!decode_yaml_tree(encoded->substr(0, n)));
  BOOST_TEST(!decode_yaml_tree(*encoded + "x"));
  BOOST_TEST(!decode_yaml_tree("KWYAMLT1\x09"));
  // A huge length does not allocate or read past the end.
  std::string huge = *encoded;
  huge[8 + 1 + 12] = '\xff', huge[8 + 1 + 13] = '\xff', huge[8 + 1 + 14] = '\xff', huge[8 + 1 + 15] = '\x7f';
  BOOST_TEST(!decode_yaml_tree(huge));
}

BOOST_AUTO_TEST_CASE(load_yaml_caches_by_file_and_text) {
  CacheFolder cache;
  const std::string file = (cache.dir / "rules.yaml").string();
  const std::string first = "rules:\n  - id: a\n    kind: pattern\n";
  require_same_tree(YAML::Load(first), load_yaml(first, file), "first read");
  BOOST_REQUIRE_EQUAL(cache.entries().size(), 1u);
  // A rewrite replaces the file (a new inode); a read only touches it.
  const auto inode = [](const fs::path& p) {
    struct stat st {};
    ::stat(p.c_str(), &st);
    return st.st_ino;
  };
  const auto written = inode(cache.entries()[0]);
  require_same_tree(YAML::Load(first), load_yaml(first, file), "from the cache");
  BOOST_TEST(inode(cache.entries()[0]) == written);  // read, not rewritten

  // An edited file: its new text is read, its entry replaced.
  const std::string edited = "rules:\n  - id: b\n    kind: set-phrase\n  - id: c\n";
  require_same_tree(YAML::Load(edited), load_yaml(edited, file), "edited");
  BOOST_REQUIRE_EQUAL(cache.entries().size(), 1u);
  require_same_tree(YAML::Load(edited), load_yaml(edited, file), "edited, from the cache");

  // A damaged entry is ignored and rewritten.
  {
    std::string bytes = read_file(cache.entries()[0]);
    bytes[bytes.size() - 3] ^= 0x20;
    std::ofstream(cache.entries()[0], std::ios::binary | std::ios::trunc) << bytes;
  }
  require_same_tree(YAML::Load(edited), load_yaml(edited, file), "damaged entry");
  require_same_tree(YAML::Load(edited), load_yaml(edited, file), "rewritten entry");

  // No name, no cache.
  load_yaml("x: 1\n", "");
  BOOST_TEST(cache.entries().size() == 1u);
}

BOOST_AUTO_TEST_CASE(entries_are_touched_when_read_and_pruned_by_use) {
  CacheFolder cache;
  const auto now = fs::file_time_type::clock::now();
  const auto set_age = [&](const fs::path& p, std::chrono::hours age) { fs::last_write_time(p, now - age); };
  for (int i = 0; i < 12; ++i)
    load_yaml("n: " + std::to_string(i) + "\n", (cache.dir / ("f" + std::to_string(i) + ".yaml")).string());
  auto entries = cache.entries();
  BOOST_REQUIRE_EQUAL(entries.size(), 12u);
  for (const auto& e : entries) set_age(e, std::chrono::hours(24 * 40));  // all unused for 40 days
  // Reading f3 from the cache touches its entry.
  require_same_tree(YAML::Load("n: 3\n"), load_yaml("n: 3\n", (cache.dir / "f3.yaml").string()), "f3");
  prune_yaml_cache((cache.dir / "cache").string(), 1024);
  entries = cache.entries();
  BOOST_REQUIRE_EQUAL(entries.size(), 1u);  // only the one used lately
  BOOST_TEST((fs::last_write_time(entries[0]) > now - std::chrono::hours(1)));
  // Past the bound, the least recently used go.
  for (int i = 0; i < 12; ++i)
    load_yaml("m: " + std::to_string(i) + "\n", (cache.dir / ("g" + std::to_string(i) + ".yaml")).string());
  entries = cache.entries();
  BOOST_REQUIRE_EQUAL(entries.size(), 13u);
  std::sort(entries.begin(), entries.end());
  for (std::size_t i = 0; i < entries.size(); ++i) set_age(entries[i], std::chrono::hours(i + 1));  // [0] newest
  prune_yaml_cache((cache.dir / "cache").string(), 5);
  const auto kept = cache.entries();
  BOOST_REQUIRE_EQUAL(kept.size(), 5u);
  for (std::size_t i = 0; i < 5; ++i) BOOST_TEST(fs::exists(entries[i]));
}

BOOST_AUTO_TEST_CASE(no_current_folder_no_cache) {
  // A relative path names nothing when the current folder is gone: read
  // without the cache, and no exception.
  CacheFolder cache;
  const fs::path before = fs::current_path();
  const fs::path gone = cache.dir / "gone";
  fs::create_directories(gone);
  fs::current_path(gone);
  fs::remove(gone);
  YAML::Node root;
  BOOST_CHECK_NO_THROW(root = load_yaml("a: 1\n", "rules.yaml"));
  fs::current_path(before);
  BOOST_TEST(root["a"].as<int>() == 1);
  BOOST_TEST(cache.entries().empty());
}

BOOST_AUTO_TEST_CASE(syntax_errors_are_never_cached) {
  CacheFolder cache;
  const std::string file = (cache.dir / "broken.yaml").string();
  for (int i = 0; i < 2; ++i) {
    try {
      load_yaml("rules: [a, b\n", file);
      BOOST_FAIL("a syntax error must throw");
    } catch (const YAML::ParserException& e) {
      BOOST_TEST(e.mark.line == 1);
    }
  }
  BOOST_TEST(cache.entries().empty());
}

BOOST_AUTO_TEST_CASE(rules_load_the_same_from_the_cache) {
  // Lines of rules (their marks) survive the cache.
  CacheFolder cache;
  const RuleSet direct = load_rules({source_dir() + "/rules"});
  BOOST_TEST(cache.entries().size() >= 3u);
  const RuleSet cached = load_rules({source_dir() + "/rules"});
  BOOST_REQUIRE_EQUAL(direct.rules().size(), cached.rules().size());
  for (std::size_t i = 0; i < direct.rules().size(); ++i) {
    BOOST_TEST(direct.rules()[i]->id() == cached.rules()[i]->id());
    BOOST_TEST(direct.rules()[i]->info().line == cached.rules()[i]->info().line);
    BOOST_TEST(direct.rules()[i]->info().file == cached.rules()[i]->info().file);
  }
}

BOOST_AUTO_TEST_SUITE_END()
