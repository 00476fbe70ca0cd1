#include "kanwu/engine/ignore.h"

#include <fstream>

#include "kanwu/engine/config.h"

namespace kanwu {

namespace fs = std::filesystem;

IgnoreRules IgnoreRules::within(const fs::path& folder) const {
  IgnoreRules rules = *this;
  for (const char* name : {".gitignore", ".kanwuignore"}) {
    std::ifstream in(folder / name);
    for (std::string line; std::getline(in, line);) {
      while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t')) line.pop_back();
      if (line.empty() || line.front() == '#') continue;
      Pattern p;
      p.base = fs::absolute(folder).lexically_normal();
      if (line.front() == '!') p.negated = true, line.erase(0, 1);
      if (!line.empty() && line.back() == '/') p.folder_only = true, line.pop_back();
      if (line.empty()) continue;
      p.anchored = line.find('/') != std::string::npos;
      if (line.front() == '/') line.erase(0, 1);
      p.glob = line;
      rules.patterns_.push_back(std::move(p));
    }
  }
  return rules;
}

bool IgnoreRules::ignored(const fs::path& path, bool is_folder) const {
  if (is_folder && path.filename() == ".git") return true;
  bool result = false;
  for (const Pattern& p : patterns_) {
    if (p.folder_only && !is_folder) continue;
    const std::string rel = fs::absolute(path).lexically_normal().lexically_relative(p.base).generic_string();
    if (rel.empty() || rel.starts_with("..")) continue;
    const bool match = p.anchored ? glob_match(p.glob, rel) : glob_match(p.glob, path.filename().generic_string());
    if (match) result = !p.negated;
  }
  return result;
}

IgnoreRules IgnoreRules::above(const fs::path& folder) {
  // The ignore files of the folders above, up to the top of the repository
  // (the folder holding .git) or the filesystem root, outermost first.
  std::vector<fs::path> chain;
  std::error_code ec;
  for (fs::path d = fs::absolute(folder, ec).lexically_normal().parent_path(); !d.empty(); d = d.parent_path()) {
    chain.push_back(d);
    if (fs::exists(d / ".git", ec) || d == d.root_path()) break;
  }
  IgnoreRules rules;
  for (auto it = chain.rbegin(); it != chain.rend(); ++it) rules = rules.within(*it);
  return rules;
}

}  // namespace kanwu
