// Errors in rule files. Loading collects every error it can find and then
// fails as a whole: kanwu never runs with a half-loaded rule set.
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

namespace kanwu {

struct LoadError {
  std::string file;
  int line = 0;    // 1-based; 0 when the error has no place in the file
  int column = 0;  // 1-based, in code points
  std::string message;
  std::string describe() const;  // "file:line:col: message"
};

class RuleLoadError : public std::runtime_error {
 public:
  explicit RuleLoadError(std::vector<LoadError> errors);
  const std::vector<LoadError>& errors() const { return errors_; }

 private:
  std::vector<LoadError> errors_;
};

}  // namespace kanwu
