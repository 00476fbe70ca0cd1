// The `lexicon` parameter several rule kinds take: word-list files (jieba's
// dict.txt), resolved against the rule file and checked readable at load.
#pragma once

#include <string>
#include <vector>

#include "kanwu/rules/params.h"

namespace kanwu {

// The files named by `lexicon`; an unreadable one is a load error at the key.
std::vector<std::string> lexicon_files_param(ParamReader& params);

}  // namespace kanwu
