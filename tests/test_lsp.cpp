// The Language Server's parts that need no process: positions in UTF-16
// and UTF-8, framing, URIs, edits, diagnostics conversion, the debouncer.
// tests/lsp_test.py drives the whole server over pipes.
#include <boost/test/unit_test.hpp>

#include <sstream>
#include <thread>

#include "kanwu/text/decode.h"
#include "lsp/debounce.h"
#include "lsp/diagnostics.h"
#include "lsp/documents.h"
#include "lsp/jsonrpc.h"
#include "lsp/positions.h"
#include "lsp/transport.h"
#include "lsp/uri.h"

using namespace kanwu;
using namespace kanwu::lsp;

namespace {

// 𠮷 (U+20BB7) and 😀 (U+1F600) lie outside the Basic Multilingual Plane:
// 4 UTF-8 bytes, 2 UTF-16 units. 今 and ， are 3 bytes, 1 unit.
const std::string kMixed = "a𠮷今😀，b\r\n第二行\r末行😀";

LspPosition pos(int line, int character) { return {line, character}; }

}  // namespace

BOOST_AUTO_TEST_SUITE(lsp)

BOOST_AUTO_TEST_CASE(utf16_counts_astral_characters_twice) {
  const LineIndex index(kMixed, Encoding::Utf16);
  const std::string_view t = kMixed;
  BOOST_TEST(index.line_count() == 3);
  BOOST_TEST((index.position(t.find("今")) == pos(0, 3)));   // a(1) 𠮷(2)
  BOOST_TEST((index.position(t.find("，")) == pos(0, 6)));   // 今(1) 😀(2)
  BOOST_TEST((index.position(t.find("b")) == pos(0, 7)));
  BOOST_TEST((index.position(t.find("\r\n")) == pos(0, 8)));
  BOOST_TEST((index.position(t.find("\r\n") + 1) == pos(0, 8)));  // inside CRLF: the line's end
  BOOST_TEST((index.position(t.find("第")) == pos(1, 0)));
  BOOST_TEST((index.position(t.find("末")) == pos(2, 0)));    // a lone CR ends a line
  BOOST_TEST((index.position(t.size()) == pos(2, 4)));
  BOOST_TEST((index.position(t.size() + 50) == pos(2, 4)));   // past the end: the end
}

BOOST_AUTO_TEST_CASE(utf8_and_utf32_count_bytes_and_code_points) {
  const std::string_view t = kMixed;
  const LineIndex bytes(kMixed, Encoding::Utf8), points(kMixed, Encoding::Utf32);
  BOOST_TEST((bytes.position(t.find("，")) == pos(0, 12)));
  BOOST_TEST((points.position(t.find("，")) == pos(0, 4)));
  BOOST_TEST(bytes.offset(pos(0, 12)) == t.find("，"));
  BOOST_TEST(points.offset(pos(0, 4)) == t.find("，"));
}

BOOST_AUTO_TEST_CASE(offsets_round_trip_at_every_code_point) {
  for (const Encoding e : {Encoding::Utf8, Encoding::Utf16, Encoding::Utf32}) {
    const LineIndex index(kMixed, e);
    for (std::size_t i = 0; i <= kMixed.size(); ++i) {
      const bool starts = i == kMixed.size() || (static_cast<unsigned char>(kMixed[i]) & 0xC0) != 0x80;
      const bool in_terminator = kMixed[i - (i > 0)] == '\r' && i < kMixed.size() && kMixed[i] == '\n';
      if (!starts || in_terminator) continue;
      BOOST_TEST(index.offset(index.position(i)) == i);
    }
  }
}

BOOST_AUTO_TEST_CASE(offsets_clamp_as_lsp_asks) {
  const LineIndex index(kMixed, Encoding::Utf16);
  const std::string_view t = kMixed;
  BOOST_TEST(index.offset(pos(0, 2)) == t.find("𠮷"));    // half a surrogate pair: its start
  BOOST_TEST(index.offset(pos(0, 99)) == t.find("\r\n"));  // past the line: the line's end
  BOOST_TEST(index.offset(pos(9, 0)) == t.size());         // past the last line: the end
  BOOST_TEST(index.offset(pos(-1, -1)) == 0u);
}

BOOST_AUTO_TEST_CASE(long_lines_are_counted_on_from_the_last_position) {
  std::string line;
  for (int i = 0; i < 20000; ++i) line += "汉😀";
  const LineIndex index(line, Encoding::Utf16);
  for (int i = 0; i < 20000; i += 997)
    BOOST_TEST(index.position(static_cast<std::size_t>(i) * 7).character == i * 3);
  BOOST_TEST(index.position(7).character == 3);  // going back is right too
}

BOOST_AUTO_TEST_CASE(incremental_changes_apply_in_order) {
  std::string text = "今天😀很好\n我们,他们\n";
  apply_change(text, {{"range", {{"start", {{"line", 1}, {"character", 2}}}, {"end", {{"line", 1}, {"character", 3}}}}},
                      {"text", "，"}},
               Encoding::Utf16);
  BOOST_TEST(text == "今天😀很好\n我们，他们\n");
  apply_change(text, {{"range", {{"start", {{"line", 0}, {"character", 4}}}, {"end", {{"line", 0}, {"character", 4}}}}},
                      {"text", "🎉"}},
               Encoding::Utf16);
  BOOST_TEST(text == "今天😀🎉很好\n我们，他们\n");
  apply_change(text, {{"text", "全文"}}, Encoding::Utf16);
  BOOST_TEST(text == "全文");
  BOOST_CHECK_THROW(apply_change(text, {{"range", 1}, {"text", "x"}}, Encoding::Utf16), std::invalid_argument);
  BOOST_CHECK_THROW(apply_change(text, {{"nope", 1}}, Encoding::Utf16), std::invalid_argument);

  DocumentStore store;
  store.open({"file:///a.md", "a.md", "markdown", 1, "ab"});
  // All or nothing: a bad change in the middle leaves the text as it was.
  BOOST_CHECK_THROW(store.change("file:///a.md", 2, nlohmann::json::array({{{"text", "x"}}, {{"bad", 1}}}),
                                 Encoding::Utf16),
                    std::invalid_argument);
  BOOST_TEST(store.snapshot().documents.at(0).text == "ab");
  BOOST_TEST(store.is_at("file:///a.md", 1));
}

BOOST_AUTO_TEST_CASE(file_uris_and_paths) {
  BOOST_TEST(*uri_to_path("file:///home/u/%E6%8A%A5%E5%91%8A.md") == "/home/u/报告.md");
  BOOST_TEST(*uri_to_path("file://localhost/a%20b.md") == "/a b.md");
  BOOST_TEST(*uri_to_path("FILE:///a.md#frag") == "/a.md");
  BOOST_TEST(!uri_to_path("untitled:Untitled-1"));
  BOOST_TEST(!uri_to_path("file://server/share/a.md"));
  BOOST_TEST(!uri_to_path("file:///a%00b"));
  BOOST_TEST(*uri_to_path("file:///100%") == "/100%");  // a stray % is kept
  BOOST_TEST(path_to_uri("/home/u/报告 1.md") == "file:///home/u/%E6%8A%A5%E5%91%8A%201.md");
  BOOST_TEST(*uri_to_path(path_to_uri("/tmp/a#b?.md")) == "/tmp/a#b?.md");
}

BOOST_AUTO_TEST_CASE(frames_are_read_and_bad_headers_skipped) {
  std::istringstream in(
      "Content-Length: 2\r\n\r\n{}"
      "Content-Type: x\r\nContent-Length: 3\r\n\r\n[1]"
      "Content-Length: zz\r\n\r\n"                   // bad length: skipped
      "Content-Type: x\r\n\r\n"                      // no length: skipped
      "garbageContent-Length: 4\r\n\r\nnull"         // junk before a header
      "content-length:1\n\n7"                        // bare LF, lower case
      "Content-Length: 99999999999\r\n\r\nxyz");     // over the limit, then the end
  std::ostringstream log;
  FrameReader reader(in, log);
  BOOST_TEST(*reader.next() == "{}");
  BOOST_TEST(*reader.next() == "[1]");
  BOOST_TEST(*reader.next() == "null");
  BOOST_TEST(*reader.next() == "7");
  BOOST_TEST(!reader.next());
  BOOST_TEST(log.str().find("bad Content-Length") != std::string::npos);
  BOOST_TEST(log.str().find("without Content-Length") != std::string::npos);
  BOOST_TEST(log.str().find("over the limit") != std::string::npos);

  std::ostringstream out;
  FrameWriter writer(out);
  writer.write("{\"a\":\"汉\"}");
  BOOST_TEST(out.str() == "Content-Length: 11\r\n\r\n{\"a\":\"汉\"}");
}

BOOST_AUTO_TEST_CASE(messages_are_classified) {
  BOOST_TEST(std::get<Invalid>(parse_message("{")).code == kParseError);
  BOOST_TEST(std::get<Invalid>(parse_message("[]")).code == kInvalidRequest);
  BOOST_TEST(std::get<Invalid>(parse_message(R"({"jsonrpc":"2.0","id":true,"method":"x"})")).id.is_null());
  BOOST_TEST(std::get<Invalid>(parse_message(R"({"jsonrpc":"2.0","id":4})")).id == 4);
  BOOST_TEST(std::get<Message>(parse_message(R"({"jsonrpc":"2.0","id":"a","method":"x"})")).is_request());
  BOOST_TEST(!std::get<Message>(parse_message(R"({"jsonrpc":"2.0","method":"x"})")).is_request());
  BOOST_TEST(std::get<Response>(parse_message(R"({"jsonrpc":"2.0","id":1,"result":null})")).id == 1);
  // An error response, even with a null or odd id, is never answered.
  BOOST_TEST(std::holds_alternative<Response>(parse_message(R"({"jsonrpc":"2.0","id":null,"error":{}})")));
  BOOST_TEST(std::holds_alternative<Response>(parse_message(R"({"id":[1],"error":{}})")));
}

BOOST_AUTO_TEST_CASE(findings_become_diagnostics_in_utf16_even_after_a_bom) {
  // The buffer keeps a byte-order mark; kanwu reads the text after it.
  const std::string buffer = "\xEF\xBB\xBF😀我们,他们\n第二行😀x,y\n";
  OpenDocument open{"file:///w/a.md", "a.md", "markdown", 7, buffer};
  const Document doc(decode_source("a.md", buffer), DocumentFormat::Markdown);
  const std::string_view text = doc.source().text();
  Report report;
  Finding f;
  f.rule = "punctuation-width";
  f.severity = Severity::Error;
  f.message = "m";
  f.where = doc.locate_source(text.find(','), text.find(',') + 1);
  Fix fix;
  fix.begin = text.find(',');
  fix.end = fix.begin + 1;
  fix.replacement = "，";
  fix.safety = FixSafety::Safe;
  fix.where = f.where;
  f.fix = fix;
  f.related.push_back({doc.locate_source(text.find("x,y"), text.find("x,y") + 1), "r"});
  report.findings.push_back(f);

  const auto out = to_diagnostics(report, {open}, Encoding::Utf16);
  BOOST_REQUIRE(out.size() == 1u);
  const auto& d = out[0].diagnostics.at(0);
  // U+FEFF (1) 😀 (2) 我们 (2): the comma is at unit 5.
  BOOST_TEST(d["range"].dump() == R"({"end":{"character":6,"line":0},"start":{"character":5,"line":0}})");
  BOOST_TEST(d["severity"] == 1);
  BOOST_TEST(d["relatedInformation"][0]["location"]["range"]["start"].dump() == R"({"character":5,"line":1})");
  BOOST_TEST(out[0].version == 7);
  BOOST_REQUIRE(out[0].fixes.size() == 1u);
  BOOST_TEST(out[0].fixes[0].edit["range"] == d["range"]);
  BOOST_TEST(out[0].fixes[0].preferred);

  const LspRange cursor{{0, 6}, {0, 6}};
  BOOST_TEST(code_actions(out[0], cursor, nullptr).size() == 1u);
  BOOST_TEST(code_actions(out[0], {{1, 0}, {1, 2}}, nullptr).empty());
  BOOST_TEST(code_actions(out[0], cursor, nlohmann::json::array({"source"})).empty());
}

BOOST_AUTO_TEST_CASE(debouncer_waits_for_the_latest_deadline) {
  using namespace std::chrono;
  Debouncer d;
  const auto start = steady_clock::now();
  d.schedule(milliseconds(50));
  d.schedule(milliseconds(120));  // a later keystroke moves the run
  BOOST_TEST(d.wait());
  BOOST_TEST((steady_clock::now() - start >= milliseconds(120)));
  std::thread stopper([&] {
    std::this_thread::sleep_for(milliseconds(20));
    d.stop();
  });
  BOOST_TEST(!d.wait());  // nothing scheduled: sleeps until stopped
  stopper.join();
}

BOOST_AUTO_TEST_SUITE_END()
