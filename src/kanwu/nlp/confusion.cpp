#include "kanwu/nlp/confusion.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>

#include "kanwu/rules/params.h"
#include "kanwu/rules/yaml_cache.h"
#include "kanwu/text/read_file.h"
#include "kanwu/text/utf8.h"

namespace kanwu {

namespace {

// The file's YAML mapping, or an undefined node after reporting why.
YAML::Node read_map(const std::string& path, ParamReader& params, const std::string& key, const char* what) {
  const std::optional<std::string> content = read_file(path);
  if (!content) {
    params.error_at(key, std::string("cannot read the ") + what + " " + path);
    return {};
  }
  try {
    YAML::Node root = load_yaml(*content, path);
    if (root.IsMap()) return root;
    params.add_error(make_load_error(path, *content, root.Mark(), std::string("a ") + what + " is a YAML mapping"));
  } catch (const YAML::Exception& e) {
    params.add_error(make_load_error(path, *content, e.mark, e.msg));
  }
  return {};
}

}  // namespace

std::shared_ptr<const Confusion> Confusion::load(const std::string& readings_file, const std::string& groups_file,
                                                 ParamReader& params, const std::string& key) {
  auto c = std::make_shared<Confusion>();
  if (const YAML::Node root = read_map(readings_file, params, key, "list of readings"); root && root["readings"])
    c->readings_ = root["readings"];
  if (const YAML::Node root = read_map(groups_file, params, key, "list of confusable characters");
      root && root["groups"] && root["groups"].IsSequence())
    c->groups_yaml_ = root["groups"];
  return c;
}

std::shared_ptr<const Confusion> Confusion::from_params(ParamReader& params) {
  const std::string readings = params.optional_string("readings").value_or("vocabulary/pinyin.yaml");
  const std::string groups = params.optional_string("confusables").value_or("vocabulary/confusables.yaml");
  return load(resolve_rule_path(params.file(), readings), resolve_rule_path(params.file(), groups), params,
              "readings");
}

void Confusion::build() const {
  std::call_once(built_, [this] {
    int id = 0;
    if (readings_)
      for (const auto& kv : readings_) {
        if (kv.second.IsScalar())
          for (char32_t ch : code_points(kv.second.Scalar()).chars) syllable_.emplace(ch, id);
        ++id;
      }
    if (groups_yaml_)
      for (const auto& group : groups_yaml_) {
        if (!group.IsScalar()) continue;
        const std::u32string members = code_points(group.Scalar()).chars;
        for (char32_t a : members)
          for (char32_t b : members)
            if (a != b) groups_[a].push_back(b);
      }
  });
}

bool Confusion::confusable(char32_t a, char32_t b) const {
  if (a == b) return false;
  build();
  const auto sa = syllable_.find(a), sb = syllable_.find(b);
  if (sa != syllable_.end() && sb != syllable_.end() && sa->second == sb->second) return true;
  const auto& alikes = look_alikes(a);
  return std::find(alikes.begin(), alikes.end(), b) != alikes.end();
}

const std::vector<char32_t>& Confusion::look_alikes(char32_t c) const {
  static const std::vector<char32_t> none;
  build();
  const auto it = groups_.find(c);
  return it == groups_.end() ? none : it->second;
}

}  // namespace kanwu
