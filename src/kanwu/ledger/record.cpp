#include "kanwu/ledger/record.h"

#include <fmt/format.h>
#include <sys/stat.h>

#include <charconv>
#include <chrono>
#include <ctime>
#include <map>

#include "kanwu/figures/claim.h"
#include "kanwu/figures/comparable.h"
#include "kanwu/ledger/figure_row.h"
#include "kanwu/text/cache_file.h"
#include "kanwu/text/digest.h"

namespace kanwu::ledger {

namespace {

// The first line of the first block, at most 200 characters: a title, or
// the start of the text when it has none.
std::string title_of(const Document& document) {
  for (const Block& block : document.blocks()) {
    std::string_view line = std::string_view(block.text).substr(0, block.text.find('\n'));
    while (!line.empty() && (line.back() == ' ' || line.back() == '\r')) line.remove_suffix(1);
    if (line.empty()) continue;
    const CodePointText cp = code_points(line);
    if (cp.size() > 200) line = line.substr(0, cp.offsets[200]);
    return std::string(line);
  }
  return {};
}

std::string date_of(const DocumentContext& context) {
  if (context.year <= 0) return {};
  if (context.month <= 0) return fmt::format("{:04}", context.year);
  if (context.day <= 0) return fmt::format("{:04}-{:02}", context.year, context.month);
  return fmt::format("{:04}-{:02}-{:02}", context.year, context.month, context.day);
}

// The file's modification day (local time); "" for standard input.
std::string file_date(const std::string& path) {
  struct stat st {};
  if (path == "-" || ::stat(path.c_str(), &st) != 0) return {};
  std::tm tm{};
  ::localtime_r(&st.st_mtime, &tm);
  return fmt::format("{:04}-{:02}-{:02}", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

std::string today() {
  const std::time_t t = std::time(nullptr);
  std::tm tm{};
  ::localtime_r(&t, &tm);
  return fmt::format("{:04}-{:02}-{:02}", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

}  // namespace

std::optional<std::string> parse_date(std::string_view text) {
  int parts[3] = {0, 0, 0};
  std::size_t at = 0;
  for (int i = 0; i < 3; ++i) {
    if (i > 0) {
      if (at >= text.size() || text[at] != '-') return std::nullopt;
      ++at;
    }
    const char* begin = text.data() + at;
    const auto [end, ec] = std::from_chars(begin, text.data() + text.size(), parts[i]);
    const std::size_t digits = static_cast<std::size_t>(end - begin);
    if (ec != std::errc() || digits == 0 || digits > (i == 0 ? 4u : 2u)) return std::nullopt;
    at += digits;
  }
  if (at != text.size() || parts[0] < 1000) return std::nullopt;
  const std::chrono::year_month_day day{std::chrono::year(parts[0]), std::chrono::month(static_cast<unsigned>(parts[1])),
                                        std::chrono::day(static_cast<unsigned>(parts[2]))};
  if (!day.ok()) return std::nullopt;
  return fmt::format("{:04}-{:02}-{:02}", parts[0], parts[1], parts[2]);
}

std::string figure_reader(std::string_view vocabulary_text) {
  // "comparable 6": the figures as comparable_figures reads them (3: the
  // other figures of a paragraph kept by the hash of their identity; 4: a
  // clause's figures masked one mark each, so items of a list differ; 5:
  // targets are stored, flagged kFigurePlan, and hedges in the flags; new
  // periods (a start's own year, spans since a named event, 去年 + months);
  // 累计 read before a stopping verb; generic words name no metric; 6: a
  // clause key without the filler words and times, restated_clause(); a
  // change's start dated by its span or a parallel change, named by its end).
  return fmt::format("kanwu 0.1.0; comparable 6; figures.yaml {:016x}", cache::hash(vocabulary_text));
}

LedgerDocument record_document(const Document& document, const FigureVocabulary& vocabulary,
                               const RecordOptions& options) {
  LedgerDocument out;
  out.name = options.name.empty() ? document.path() : options.name;
  out.title = title_of(document);
  out.source = options.source;
  out.reader = options.reader;
  const std::string_view text = document.source().text();
  const ContentDigest digest = ContentDigest::of(text);
  out.content_hash = fmt::format("{:016x}{:016x}", digest.first, digest.second);
  out.bytes = text.size();

  const DocumentFigures& figures = document_figures(document, vocabulary);
  if (!options.published.empty()) {
    out.published = options.published, out.published_from = "option";
  } else if (std::string d = date_of(figures.context); !d.empty()) {
    out.published = std::move(d), out.published_from = "document";
  } else if (std::string f = file_date(document.path()); !f.empty()) {
    out.published = std::move(f), out.published_from = "file";
  } else {
    out.published = today(), out.published_from = "added";
  }

  // The figures figure-conflict compares (its default scope: body text and
  // list items), each with the sentence it stands in, stored once for all
  // its figures.
  const auto body = [](const Block& block) {
    return block.kind == BlockKind::Body || block.kind == BlockKind::ListItem;
  };
  std::map<std::pair<std::size_t, std::string>, int> sentence_index;
  for (const ComparableFigure& figure : comparable_figures(document, vocabulary, body)) {
    auto [it, inserted] =
        sentence_index.try_emplace({figure.block, figure.evidence.text.sentence}, static_cast<int>(out.sentences.size()));
    if (inserted) out.sentences.push_back(sentence_row(figure, static_cast<int>(sentence_index.size() - 1)));
    out.claims.push_back(claim_row(figure, it->second));
  }

  // duplicate-paragraph's paragraphs (body text and list items) with its sketch.
  for (std::size_t b = 0; b < document.blocks().size(); ++b) {
    const Block& block = document.blocks()[b];
    if (block.kind != BlockKind::Body && block.kind != BlockKind::ListItem) continue;
    const std::u32string norm = normalise_paragraph(block.text);
    if (norm.size() < kMinParagraphChars) continue;
    LedgerParagraph p;
    p.block = static_cast<int>(b);
    const Location where = document.locate(block, 0, block.text.size());
    p.start = where.start;
    p.end = where.end;
    p.sentences = count_sentences(block.text);
    p.sketch = sketch_paragraph(norm, kSketchShingle);
    out.paragraphs.push_back(std::move(p));
  }
  return out;
}

}  // namespace kanwu::ledger
