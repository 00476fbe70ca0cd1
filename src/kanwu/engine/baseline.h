// Baselines and changed lines: reporting only what is new. A baseline file
// stores fingerprints (rule, file, matched text with a little context — no
// line numbers), so unrelated edits that shift lines keep old findings
// matched.
#pragma once

#include <string>
#include <vector>

#include "kanwu/engine/linter.h"

namespace kanwu {

void write_baseline(const std::string& path, const Report& report);
// Removes the findings recorded in the baseline (each recorded finding
// absorbs one current finding). Throws std::runtime_error on a bad file.
void apply_baseline(const std::string& path, Report& report);

// Keeps only findings that touch lines changed since `rev` in git (what a
// pull-request check wants). Files git does not track count as all new.
// Throws std::runtime_error when git or the revision is unavailable.
void keep_changed_since(const std::string& rev, Report& report);

}  // namespace kanwu
