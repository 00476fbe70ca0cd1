// An archive: documents already published, which the cross-document rules
// compare a run's drafts with besides each other (`kanwu check --ledger`).
// The rules see it through this interface; the archive ledger
// (kanwu/ledger) implements it over SQLite or PostgreSQL. Lookups are by
// identity — a figure's group, a paragraph's sketch — never a scan.
//
// A pass consults the archive on the thread that adds digests (one thread),
// so an implementation need not be thread-safe.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "kanwu/figures/comparable.h"
#include "kanwu/kinds/paragraph_sketch.h"
#include "kanwu/doc/document.h"

namespace kanwu {

// Where an archived row comes from.
struct ArchivedDocument {
  std::string name;       // as recorded (a path, or the name given to `ledger add`)
  std::string title;      // its first line
  std::string published;  // YYYY-MM-DD (or YYYY-MM, YYYY)
};

// An archived document in the editor's words, for messages and related
// places: 已发布的《标题》（2024-03-01）; the name stands in for a missing title.
std::string published_place(const ArchivedDocument& document);

struct ArchivedFigure {
  ArchivedDocument document;
  // As comparable_figures() read it when the document was recorded;
  // `where.file` is the document's name, `where.excerpt` empty. A figure
  // corrected since (更正) holds its corrected value and text.
  ComparableFigure figure;
  std::string corrected_from;  // the text as first published; "" when not corrected
  std::string corrected_on;    // the correction's date, "" when not given
};

struct ArchivedParagraph {
  ArchivedDocument document;
  Location where;
  std::size_t chars = 0, sentences = 0;
  double similarity = 0;  // shingle Jaccard with the sketch looked up (1: same text)
};

struct ArchivedCorrection {
  ArchivedDocument document;
  std::string was, now;
  std::string corrected_on;  // YYYY-MM-DD, "" when not given
  // The identity of the figure `was` is, when it is one the document
  // states (else empty: a correction of words, matched as text).
  std::string group;
  std::optional<double> low, high;
};

class Archive {
 public:
  virtual ~Archive() = default;
  // For messages: the ledger's name (a URL without its password).
  virtual std::string name() const = 0;
  // The archived figures whose group is one of `groups`.
  virtual std::vector<ArchivedFigure> figures_in(const std::vector<std::string>& groups) = 0;
  // Archived paragraphs that may be copies of `sketch` (shingle length
  // `shingle`; none when the archive keeps another length), best first, at
  // most `limit`.
  virtual std::vector<ArchivedParagraph> paragraphs_like(const ParagraphSketch& sketch, std::size_t shingle,
                                                         std::size_t limit) = 0;
  // Every published correction, oldest first.
  virtual std::vector<ArchivedCorrection> corrections() = 0;
};

}  // namespace kanwu
