#include "kanwu/rules/lexicon_param.h"

#include "kanwu/nlp/lexicon.h"

namespace kanwu {

std::vector<std::string> lexicon_files_param(ParamReader& params) {
  std::vector<std::string> files;
  for (const auto& f : params.strings("lexicon")) {
    const std::string path = resolve_rule_path(params.file(), f);
    if (const std::string problem = Lexicon::check_readable(path); !problem.empty())
      params.error_at("lexicon", problem + " (ci/deps.sh installs python3-jieba, which ships it)");
    files.push_back(path);
  }
  return files;
}

}  // namespace kanwu
