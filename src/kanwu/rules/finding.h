// What a rule reports.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kanwu/doc/document.h"

namespace kanwu {

enum class Severity { Info = 0, Warning = 1, Error = 2 };
std::string_view to_string(Severity severity);
bool parse_severity(std::string_view name, Severity& out);

struct RelatedLocation {
  Location where;
  std::string message;
};

// Whether a fix can change what the text means. `--fix` applies only safe
// fixes (a half-width comma made full-width, 15余万 → 15万余); joins,
// deletions and guesses are suggestions: shown in reports and `--diff`,
// written only with `--fix-suggestions`.
enum class FixSafety { Suggestion, Safe };

// A proposed edit: replace source bytes [begin, end) with `replacement`.
struct Fix {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::string replacement;
  Location where;
  FixSafety safety = FixSafety::Suggestion;
  bool safe() const { return safety == FixSafety::Safe; }
  // What the change does, in words an editor reads: 改为“…”, 删除此行 (a
  // deletion of whole lines), 删除此处的断行 (a join).
  std::string describe() const;
};

struct Finding {
  std::string rule;
  Severity severity = Severity::Warning;
  Location where;
  std::string message;
  std::vector<RelatedLocation> related;
  std::optional<Fix> fix;
};

// Another place named inside a message (重复，见 a.txt:3): "file:line", or
// for a Word document the paragraph (a.docx第3段, a.docx脚注2).
std::string brief_place(const Location& at);

// The same place in the same document, in words for a message: 第3行, or in
// a Word document (which has no lines) 第3段 or 脚注2.
std::string place_in_document(const Location& at);

// The deterministic report order: file, line, column, rule, then message.
bool finding_less(const Finding& a, const Finding& b);

}  // namespace kanwu
