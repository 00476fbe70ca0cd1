#include "init_command.h"

#include <filesystem>
#include <fstream>
#include <iostream>

#include "check_command.h"

namespace kanwu::cli {

namespace {

// Every key is commented out but one, so the file is valid as written and
// each line says what it would change.
constexpr const char* kStarter = R"(# kanwu configuration: see the README's "Configuration" section, and
# `kanwu config FILE` for what applies to a file.
# kanwu finds this file from each checked file's folder upward.

# Rules off by default that this project wants:
enable: []
#   - repeated-char            # one character doubled after a word (新建建)
#   - confusable-char          # 错别字 from confusion sets (以经 → 已经)
#   - duplicate-across-files   # the same paragraph in two drafts

# Rules this project does not want:
# disable: [punctuation-width]

# A different severity for a rule (error fails CI with the default --fail-on):
# severity:
#   number-style: error

# Folders and files never checked (globs; ** is any folders):
# ignore: ["archive/**", "drafts/old-*.md"]

# House style: rule parameters. Example: half-width parentheses in Markdown docs.
# params:
#   punctuation-width:
#     parentheses: false

# Your own rule files or folders, next to the bundled ones:
# rules: [house-rules/]

# The archive ledger `kanwu ledger` uses when --ledger is not given: an SQLite
# file (relative to this file) or a shared postgresql:// URL:
# ledger: archive.ledger

# Different settings for some files:
# overrides:
#   - files: "drafts/**"
#     disable: [figure-conflict]
)";

}  // namespace

int run_init(const std::string& folder, bool force) {
  namespace fs = std::filesystem;
  const fs::path path = fs::path(folder) / ".kanwu.yaml";
  std::error_code ec;
  if (fs::exists(path, ec) && !force) {
    std::cerr << "kanwu: " << path.string() << " already exists; use --force to overwrite it\n";
    return kExitError;
  }
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out || !(out << kStarter) || !out.flush()) {
    std::cerr << "kanwu: cannot write " << path.string() << '\n';
    return kExitError;
  }
  std::cout << "wrote " << path.string() << " (each setting explained in a comment; run `kanwu config` to see it in effect)\n";
  return kExitClean;
}

}  // namespace kanwu::cli
