// Applying fixes: in place (atomically) or as a unified diff. Only the bytes
// of reported fix spans change; overlapping fixes are not guessed at — the
// first wins and the others are reported as not applied.
#pragma once

#include <map>
#include <ostream>
#include <string>
#include <vector>

#include "kanwu/rules/finding.h"
#include "kanwu/text/digest.h"

namespace kanwu {

struct FileFixes {
  std::string file;
  std::string original;  // the file's bytes as read
  std::string fixed;     // after applying the fixes
  std::vector<const Finding*> applied;
  std::vector<const Finding*> skipped;  // overlapped an earlier fix
  // Why no fix was applied to the whole file ("" when fixes were planned).
  std::string refused;
  // A refusal the editor was already told of (the check's note that a file
  // decoded from another encoding gets no fixes) is not an error of the run;
  // every other refusal (changed since the check, hard links, owner) is.
  bool refusal_expected = false;
  bool written = false;  // FixMode::Write replaced the file
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

// The fixes of `findings`, file by file (SafeOnly leaves suggestions out,
// see FixSafety).
std::map<std::string, std::vector<const Finding*>> fixes_by_file(const std::vector<Finding>& findings,
                                                                 FixSelection selection = FixSelection::SafeOnly);

enum class FixMode {
  Preview,  // plan only (--diff): the file is read, never written
  Write,    // --fix: the file is replaced by its fixed text
};

// Fixes one file. The file is read again and must hold exactly the bytes
// that were checked (`checked`; not compared when null): fixes are byte
// offsets into that text, and applied to any other text they would cut
// characters in half. A file that changed is refused, untouched
// (FileFixes::refused says why); so are files in another encoding than
// UTF-8 and files with several hard links (writing would split them).
//
// Write: the file is locked (flock, exclusive) from the read to the
// rename, so two kanwu runs never fix one file at once: the second finds
// the file changed and refuses. A symbolic link is written through (its
// target is replaced, the link stays); owner, group and permission bits are
// kept, or the file is refused when they cannot be; the new text goes to an
// unnamed temporary file (O_TMPFILE, where the file system has it) that a
// crash or a kill leaves nowhere, and is named and renamed over the file
// only after a last check that nobody wrote to it meanwhile.
// Throws std::runtime_error on I/O errors (nothing is changed then either).
FileFixes fix_file(const std::string& file, std::vector<const Finding*> fixes, const ContentDigest* checked,
                   FixMode mode);

// fix_file(Preview, no digest) for every file with fixes (the tests).
std::vector<FileFixes> plan_fixes(const std::vector<Finding>& findings,
                                  FixSelection selection = FixSelection::SafeOnly);

// Replaces `path` with `content` as fix_file(Write) does (locked, through
// links, owner and mode kept, atomic). Throws std::runtime_error, also
// when the file has several hard links or its owner cannot be kept.
void write_atomically(const std::string& path, const std::string& content);

// A unified diff (3 lines of context) between two texts.
void write_unified_diff(std::ostream& out, const std::string& path, const std::string& before,
                        const std::string& after);

}  // namespace kanwu
