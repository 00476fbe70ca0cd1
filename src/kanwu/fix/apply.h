// Applying fixes: in place (atomically) or as a unified diff. Only the bytes
// of reported fix spans change; overlapping fixes are not guessed at — the
// first wins and the others are reported as not applied.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "kanwu/rules/finding.h"

namespace kanwu {

struct FileFixes {
  std::string file;
  std::string original;  // the file's bytes as read
  std::string fixed;     // after applying the fixes
  std::vector<const Finding*> applied;
  std::vector<const Finding*> skipped;  // overlapped an earlier fix
  // Why no fix was applied to the whole file ("" when fixes were planned).
  std::string refused;
};

// Applies `fixes` (findings with a fix, any order) to a file's bytes. Fix
// offsets count from the end of a UTF-8 byte-order mark, if any. Fixes that
// overlap an earlier one, or fall outside the text, are skipped.
FileFixes apply_fixes(std::string original, std::vector<const Finding*> fixes);

// True when the fixed text differs from the original only inside the
// applied fix spans — every other byte is unchanged. --fix checks it before
// writing; the tests and the fix fuzzer check it on every input.
bool only_fix_spans_changed(const FileFixes& plan);

enum class FixSelection { SafeOnly, All };

// Plans the fixes of `findings` file by file (reading each file again; a
// file changed since the check is refused rather than damaged). SafeOnly
// leaves suggestions out (see FixSafety).
std::vector<FileFixes> plan_fixes(const std::vector<Finding>& findings,
                                  FixSelection selection = FixSelection::SafeOnly);

// Replaces `path` with `content`: a temporary file in the same folder,
// fsync, then rename — a crash leaves the old file or the new one, never a
// mix. The file's permission bits are kept. Throws std::runtime_error.
void write_atomically(const std::string& path, const std::string& content);

// A unified diff (3 lines of context) between two texts.
void write_unified_diff(std::ostream& out, const std::string& path, const std::string& before,
                        const std::string& after);

}  // namespace kanwu
