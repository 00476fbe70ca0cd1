// Ignore files when searching folders: .gitignore and .kanwuignore, each
// applying to its own folder and below, with git's pattern rules (a pattern
// with a slash is anchored to the file's folder, one without matches a name
// at any depth, a trailing slash matches folders only, ! re-includes, the
// last matching pattern wins). .git folders are never searched.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace kanwu {

class IgnoreRules {
 public:
  // Reads .gitignore and .kanwuignore in `folder` (if any) on top of the
  // rules of the folders above it.
  IgnoreRules within(const std::filesystem::path& folder) const;

  // The rules of the folders above `folder` (to the repository's top).
  static IgnoreRules above(const std::filesystem::path& folder);

  bool ignored(const std::filesystem::path& path, bool is_folder) const;

 private:
  struct Pattern {
    std::filesystem::path base;  // the folder of the ignore file
    std::string glob;
    bool negated = false, folder_only = false, anchored = false;
  };
  std::vector<Pattern> patterns_;
};

}  // namespace kanwu
