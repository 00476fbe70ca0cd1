#include "kanwu/rules/vocabulary_file.h"

#include "kanwu/rules/yaml_cache.h"
#include "kanwu/text/read_file.h"

namespace kanwu {

std::optional<VocabularyFile> VocabularyFile::open(const std::string& path, ParamReader& params, const std::string& key,
                                                   const std::string& field, YAML::NodeType::value type,
                                                   const std::string& shape) {
  VocabularyFile file;
  file.path_ = path;
  const std::optional<std::string> content = read_file(path);
  if (!content) {
    params.error_at(key, "cannot read " + path);
    return std::nullopt;
  }
  file.content_ = *content;
  try {
    const YAML::Node root = load_yaml(file.content_, path);
    if (!root.IsMap() || !root[field] || root[field].Type() != type) {
      file.error(params, root.Mark(), shape);
      return std::nullopt;
    }
    file.field_ = root[field];
  } catch (const YAML::Exception& e) {
    file.error(params, e.mark, e.msg);
    return std::nullopt;
  }
  return file;
}

}  // namespace kanwu
