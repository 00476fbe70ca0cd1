#include <boost/test/unit_test.hpp>

#include <unicode/uchar.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "kanwu/nlp/utf16.h"
#include "kanwu/text/chars.h"
#include "kanwu/text/literal_set.h"
#include "kanwu/text/read_file.h"
#include "kanwu/text/decode.h"
#include "kanwu/text/utf8.h"

using namespace kanwu;

BOOST_AUTO_TEST_SUITE(text)

BOOST_AUTO_TEST_CASE(decodes_and_rejects_utf8) {
  char32_t c = 0;
  BOOST_TEST(utf8::decode("汉", 0, c) == 3);
  BOOST_TEST(static_cast<unsigned>(c) == 0x6C49u);
  BOOST_TEST(utf8::decode("\xC0\xAF", 0, c) == 0);          // overlong '/'
  BOOST_TEST(utf8::decode("\xED\xA0\x80", 0, c) == 0);      // surrogate
  BOOST_TEST(utf8::decode("\xF4\x90\x80\x80", 0, c) == 0);  // above U+10FFFF
  BOOST_TEST(utf8::first_invalid("abc汉字") == std::string_view::npos);
  BOOST_TEST(utf8::first_invalid("汉\xFF字") == 3u);
}

BOOST_AUTO_TEST_CASE(literal_sets_find_any_of_their_literals) {
  // Sharing a first character: one pass over 的, each place tested.
  const LiteralSet de({"的向", "的把", "的将"});
  BOOST_TEST(de.found_in("要扎实的把工作做好"));
  BOOST_TEST(de.found_in("目的的将来"));
  BOOST_TEST(!de.found_in("我的书向前，把握好"));
  BOOST_TEST(!de.found_in("目的"));
  // Sharing a last character (the space after full-width punctuation).
  const LiteralSet space({"， ", "。 ", "； "});
  BOOST_TEST(space.found_in("全年增长， 比上年"));
  BOOST_TEST(space.found_in("；； 完"));
  BOOST_TEST(!space.found_in("全年增长，比上年 提高"));
  BOOST_TEST(!space.found_in(" 开头"));
  // Alone, and mixed; a literal that is the shared character matches it anywhere.
  const LiteralSet mixed({"群体", "十四五", "十五五", "的", "的向", ""});
  BOOST_TEST(mixed.found_in("目的"));
  BOOST_TEST(mixed.found_in("弱势群体"));
  BOOST_TEST(mixed.found_in("“十五五”时期"));
  BOOST_TEST(!mixed.found_in("“十三五”时期"));
  BOOST_TEST(LiteralSet({""}).empty());
  BOOST_TEST(!LiteralSet().found_in("任何文字"));
}

BOOST_AUTO_TEST_CASE(utf16_copies_map_back_to_utf8_offsets) {
  const Utf16Text t("a\xF0\xA0\x80\x80" "汉\xFF" "b");  // a, U+20000, 汉, an invalid byte, b
  BOOST_REQUIRE(t.str().length() == 6);
  BOOST_TEST(t.str().char32At(1) == 0x20000);
  BOOST_TEST(static_cast<int>(t.str()[3]) == 0x6C49);
  BOOST_TEST(static_cast<int>(t.str()[4]) == 0xFFFD);
  BOOST_TEST(t.to_utf8(1) == 1u);
  BOOST_TEST(t.to_utf8(3) == 5u);
  BOOST_TEST(t.to_utf8(5) == 9u);
  BOOST_TEST(t.to_utf8(6) == 10u);
  BOOST_TEST(t.to_utf16(5) == 3);
  BOOST_TEST(Utf16Text("").str().isEmpty());
  // Stray continuation bytes need more room than the code points of valid
  // text would: each is one U+FFFD, none is lost.
  const Utf16Text stray("\x80\x80汉\xBF\xBF\xBF");
  BOOST_REQUIRE(stray.str().length() == 6);
  BOOST_TEST(static_cast<int>(stray.str()[0]) == 0xFFFD);
  BOOST_TEST(static_cast<int>(stray.str()[2]) == 0x6C49);
  BOOST_TEST(static_cast<int>(stray.str()[5]) == 0xFFFD);
  BOOST_TEST(stray.to_utf8(3) == 5u);
  BOOST_TEST(stray.to_utf8(6) == 8u);
  const CodePointText cp = code_points("\x80\x80汉\xBF");
  BOOST_REQUIRE(cp.size() == 4u);
  BOOST_TEST(cp.offsets[3] == 5u);
}

BOOST_AUTO_TEST_CASE(positions_count_code_points_and_all_line_ends) {
  const SourceText src("f.txt", "第一行\r\n第二行ab\r第三\n末");
  BOOST_TEST(src.line_count() == 4);
  BOOST_TEST(src.line_text(2) == "第二行ab");
  const auto b = std::string_view(src.text()).find("ab");
  BOOST_TEST(src.position(b).line == 2);
  BOOST_TEST(src.position(b).column == 4);
  BOOST_TEST(src.position(src.text().size()).line == 4);
  BOOST_TEST(src.position(src.text().size()).column == 2);
}

BOOST_AUTO_TEST_CASE(bom_is_accepted_and_remembered) {
  const SourceText src = decode_source("f.txt", "\xEF\xBB\xBF标题\n");
  BOOST_TEST(src.text() == "标题\n");
  BOOST_TEST(src.bom_bytes() == 3u);
  BOOST_TEST(src.position(0).column == 1);
}

BOOST_AUTO_TEST_CASE(invalid_utf8_names_offset_line_and_column) {
  try {
    decode_source("bad.txt", "第一行\n第二\xB5行\n");
    BOOST_FAIL("expected an InputError");
  } catch (const InputError& e) {
    BOOST_TEST(e.line() == 2);
    BOOST_TEST(e.column() == 3);
    BOOST_TEST(std::string(e.what()).find("byte offset 16") != std::string::npos);
    BOOST_TEST(e.describe().starts_with("bad.txt:2:3: error: invalid UTF-8"));
  }
}

BOOST_AUTO_TEST_CASE(nul_bytes_mean_binary) {
  try {
    decode_source("img.png", std::string("\x89PNG\r\n\x1a\n\0\0\0", 11));
    BOOST_FAIL("expected an InputError");
  } catch (const InputError& e) {
    BOOST_TEST(std::string(e.what()).find("binary file") != std::string::npos);
  }
}

BOOST_AUTO_TEST_CASE(empty_input_is_valid) {
  const SourceText src = decode_source("empty.txt", "");
  BOOST_TEST(src.line_count() == 1);
  BOOST_TEST(src.text().empty());
}

BOOST_AUTO_TEST_CASE(missing_and_directory_inputs_are_errors) {
  BOOST_CHECK_THROW(read_input("/nonexistent/kanwu/file.txt"), InputError);
  BOOST_CHECK_THROW(read_input("/"), InputError);
}

BOOST_AUTO_TEST_CASE(digit_runs_in_every_script) {
  using chars::has_digit_run;
  BOOST_TEST(has_digit_run("共1386706人次", 7));
  BOOST_TEST(!has_digit_run("共138670人次", 7));
  BOOST_TEST(!has_digit_run("共13.86.70人次", 3));
  BOOST_TEST(has_digit_run("共１３８６７０６人次", 7));               // full-width
  BOOST_TEST(has_digit_run("\u0661\u0662\u0663", 3));              // Arabic-Indic
  BOOST_TEST(has_digit_run("\u0967\u0968\u0969\u096A", 4));       // Devanagari
  BOOST_TEST(has_digit_run("\uA620\uA621", 2));                     // Vai, just past the CJK ranges
  BOOST_TEST(!has_digit_run("一二三四五六七", 1));                    // Chinese numerals are not \d
  BOOST_TEST(has_digit_run("", 0));
  BOOST_TEST(has_digit_run("\U0001D7CE\U0001D7CF", 2));            // mathematical digits, outside the BMP
  // Bytes that are not UTF-8 hide no digit (ICU's matcher reads each as U+FFFD).
  BOOST_TEST(has_digit_run("\xE3" "1234567", 7));
  BOOST_TEST(has_digit_run("\xE4\xB8" "12", 2));
  BOOST_TEST(has_digit_run("\xE4\xB8", 0));
  // Every Nd code point of the Basic Multilingual Plane is a digit to it.
  for (char32_t c = 0x80; c < 0x10000; ++c) {
    if (c >= 0xD800 && c < 0xE000) continue;
    if (u_charType(static_cast<UChar32>(c)) != U_DECIMAL_DIGIT_NUMBER) continue;
    BOOST_TEST_INFO(static_cast<unsigned>(c));
    BOOST_TEST(chars::is_decimal_digit(c));
    BOOST_TEST(has_digit_run(to_utf8(std::u32string(2, c)), 2));
  }
}

BOOST_AUTO_TEST_CASE(read_file_reads_files_and_refuses_the_rest) {
  const std::string path = (std::filesystem::temp_directory_path() / ("kanwu-read-file-" + std::to_string(::getpid()))).string();
  { std::ofstream(path, std::ios::binary) << std::string("规则\0二", 7); }
  BOOST_TEST(read_file(path).value() == std::string("规则\0二", 7));
  std::filesystem::remove(path);
  BOOST_TEST(!read_file(path).has_value());  // missing
  // A folder opens but cannot be read: libstdc++ throws from the stream
  // buffer, which read_file turns into nullopt.
  BOOST_TEST(!read_file(std::filesystem::temp_directory_path().string()).has_value());
}

BOOST_AUTO_TEST_SUITE_END()
