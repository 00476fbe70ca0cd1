#include <boost/test/unit_test.hpp>

#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>

#include "helpers.h"
#include "kanwu/nlp/lexicon.h"
#include "kanwu/nlp/word_index.h"

using namespace kanwu;
namespace fs = std::filesystem;

namespace {

// A private cache folder and word list per test, removed afterwards.
struct Scratch : test::ScratchFolder {
  Scratch() : ScratchFolder("kanwu-word-index") {}
};

const std::string kWords =
    "学习 3 v\n习近平 100 nr\n规模以上 5 l\n工业增加值 2\n东营 9 ns\n锡林郭勒 4 ns\n"
    "坏\xff词 1\n单\n跑 8 v\n\n学习 7 n\r\n";

}  // namespace

BOOST_AUTO_TEST_SUITE(word_index)

BOOST_AUTO_TEST_CASE(finds_listed_words_with_their_tags) {
  Scratch s;
  const auto index = WordIndex::build({s.write("dict.txt", kWords)});
  BOOST_TEST(index->size() == 8u);  // the invalid word is skipped; one-character words are listed (their tags)
  BOOST_TEST(index->find(U"学习") != 0);
  BOOST_TEST(index->find(U"工业增加值") == 1);  // listed without a tag
  BOOST_TEST(index->find(U"学") == 0);
  BOOST_TEST(index->find(U"习近") == 0);
  BOOST_TEST(index->find(U"单") == 1);  // listed, without a tag
  BOOST_TEST(index->tag_names().at(index->find(U"跑") - 2u) == "v");
  BOOST_TEST(index->find(U"") == 0);
  const std::uint16_t tag = index->find(U"东营");
  BOOST_REQUIRE(tag >= 2);
  BOOST_TEST(index->tag_names().at(tag - 2u) == "ns");
  // The first of a repeated word wins (学习 is v, not n).
  BOOST_TEST(index->tag_names().at(index->find(U"学习") - 2u) == "v");
}

BOOST_AUTO_TEST_CASE(knows_the_longest_word_at_each_character_pair) {
  Scratch s;
  const auto index = WordIndex::build({s.write("dict.txt", kWords)});
  BOOST_TEST(index->longest_ending(U'加', U'值') == 5u);
  BOOST_TEST(index->longest_starting(U'锡', U'林') == 4u);
  BOOST_TEST(index->longest_starting(U'近', U'平') == 0u);
  BOOST_TEST(index->longest_ending(U'近', U'平') == 3u);
}

BOOST_AUTO_TEST_CASE(lexicon_reads_the_longest_word_ending_at_a_place) {
  Scratch s;
  const Lexicon lexicon({s.write("dict.txt", kWords)}, {U"增加值"}, {"ns"});
  const std::u32string text = U"规模以上工业增加值";
  BOOST_TEST(lexicon.longest_word_ending_at(text, text.size(), 12) == 5u);
  BOOST_TEST(lexicon.longest_word_ending_at(text, text.size(), 4) == 3u);  // the extra word
  BOOST_TEST(lexicon.longest_word_ending_at(text, 4, 12) == 4u);
  BOOST_TEST(lexicon.longest_word_ending_at(text, 1, 12) == 0u);
  BOOST_TEST(lexicon.word_starts_at(U"在学习", 1));
  BOOST_TEST(!lexicon.word_starts_at(U"在学习", 2));
  BOOST_TEST(lexicon.has_tag(U"锡林郭勒"));
  BOOST_TEST(!lexicon.has_tag(U"习近平"));  // nr is not one of the asked tags
  // One-character words answer for their tags only when asked as characters:
  // to every other question a single character is no word.
  BOOST_TEST(lexicon.char_has_tag(U'跑', {"v"}));
  BOOST_TEST(!lexicon.char_has_tag(U'跑', {"n"}));
  BOOST_TEST(!lexicon.char_has_tag(U'走', {"v"}));
  BOOST_TEST(!lexicon.contains(U"跑"));
  BOOST_TEST(!lexicon.has_tag(U"跑", {"v"}));
}

BOOST_AUTO_TEST_CASE(is_cached_and_reused_and_rebuilt_when_the_list_changes) {
  Scratch s;
  const std::string dict = s.write("dict.txt", kWords);
  const auto first = WordIndex::open({dict});
  BOOST_TEST(first->origin().starts_with("built, cached at "));
  const std::string cache = WordIndex::cache_path((s.dir / "cache").string(), {dict});
  BOOST_TEST(fs::exists(cache));
  const auto second = WordIndex::open({dict});
  BOOST_TEST(second->origin() == "cache " + cache);
  BOOST_TEST(second->find(U"习近平") != 0);
  // A changed list is a different cache, never the stale one.
  std::this_thread::sleep_for(std::chrono::milliseconds(10));
  s.write("dict.txt", kWords + "新词语 1\n");
  const auto third = WordIndex::open({dict});
  BOOST_TEST(third->origin().starts_with("built"));
  BOOST_TEST(third->find(U"新词语") != 0);
  // The cache of the old version is gone; the mapped index still answers.
  BOOST_TEST(!fs::exists(cache));
  BOOST_TEST(fs::exists(WordIndex::cache_path((s.dir / "cache").string(), {dict})));
  BOOST_TEST(second->find(U"习近平") != 0);
}

BOOST_AUTO_TEST_CASE(a_damaged_cache_is_rebuilt_and_never_crashes) {
  Scratch s;
  const std::string dict = s.write("dict.txt", kWords);
  WordIndex::open({dict});
  const std::string cache = WordIndex::cache_path((s.dir / "cache").string(), {dict});
  const auto size = fs::file_size(cache);
  // Truncated.
  fs::resize_file(cache, size / 2);
  auto index = WordIndex::open({dict});
  BOOST_TEST(index->origin().starts_with("built"));
  BOOST_TEST(index->find(U"东营") != 0);
  // Right size, garbage inside the tables: answers may be wrong, nothing crashes.
  {
    std::fstream f(cache, std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(64);
    const std::string junk(static_cast<std::size_t>(size) - 128, '\xff');
    f.write(junk.data(), static_cast<std::streamsize>(junk.size()));
  }
  index = WordIndex::open({dict});
  for (const char32_t* w : {U"东营", U"学习", U"规模以上", U"不在表里"}) index->find(w);
  index->longest_ending(U'加', U'值');
  // Not an index at all.
  s.write("cache/" + fs::path(cache).filename().string(), "not an index");
  index = WordIndex::open({dict});
  BOOST_TEST(index->find(U"东营") != 0);
}

// A trailing blank is no tag, and does not shift the tags after it.
BOOST_AUTO_TEST_CASE(a_trailing_blank_is_no_tag) {
  Scratch s;
  const auto index = WordIndex::build({s.write("dict.txt", "甲乙 1 \n东营 9 ns\n丙丁 2 nr\n")});
  BOOST_TEST(index->find(U"甲乙") == 1);
  BOOST_REQUIRE(index->find(U"东营") >= 2);
  BOOST_TEST(index->tag_names().at(index->find(U"东营") - 2u) == "ns");
  BOOST_TEST(index->tag_names().at(index->find(U"丙丁") - 2u) == "nr");
}

// A cache folder named with a final slash: the cache just written stays.
BOOST_AUTO_TEST_CASE(a_cache_folder_with_a_final_slash_keeps_its_cache) {
  Scratch s;
  const std::string dict = s.write("dict.txt", kWords);
  ::setenv("KANWU_CACHE_DIR", ((s.dir / "cache").string() + "/").c_str(), 1);
  BOOST_TEST(WordIndex::open({dict})->origin().starts_with("built, cached at "));
  BOOST_TEST(WordIndex::open({dict})->origin().starts_with("cache "));
}

// A word list that cannot be read is not cached (its empty index would
// outlive the problem).
BOOST_AUTO_TEST_CASE(an_unreadable_list_is_not_cached) {
  Scratch s;
  const std::string folder = (s.dir / "a-folder").string();
  fs::create_directories(folder);
  const auto index = WordIndex::open({folder});
  BOOST_TEST(index->origin() == "built in memory");
  BOOST_TEST(index->size() == 0u);
}

BOOST_AUTO_TEST_CASE(works_without_a_writable_cache_folder) {
  Scratch s;
  const std::string dict = s.write("dict.txt", kWords);
  ::setenv("KANWU_CACHE_DIR", "/proc/kanwu-cannot-write-here", 1);
  const auto index = WordIndex::open({dict});
  BOOST_TEST(index->origin() == "built in memory");
  BOOST_TEST(index->find(U"习近平") != 0);
}

BOOST_AUTO_TEST_SUITE_END()
