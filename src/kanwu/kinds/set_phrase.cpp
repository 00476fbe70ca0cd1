#include "kanwu/kinds/set_phrase.h"

#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <map>
#include <set>
#include <unordered_map>

#include "kanwu/nlp/lexicon.h"
#include "kanwu/rules/lexicon_param.h"
#include "kanwu/rules/yaml_cache.h"
#include "kanwu/rules/params.h"
#include "kanwu/text/chars.h"
#include "kanwu/text/read_file.h"
#include "kanwu/text/utf8.h"

namespace kanwu {

namespace {

struct Phrase {
  std::u32string text;
  int group = -1;  // index into groups, or -1
};

struct Vocabulary {
  std::vector<Phrase> phrases;
  std::vector<std::vector<std::size_t>> groups;  // phrase indexes
  // Phrases by their first and by their last two characters: a phrase of
  // four or more characters with one edit keeps one of the two intact.
  // (Keyed by the two characters packed in 64 bits, and looked up only for
  // pairs whose first character starts one: every pair of a paragraph is asked.)
  std::unordered_map<std::uint64_t, std::vector<std::size_t>> by_head, by_tail;
  std::vector<bool> starts_pair = std::vector<bool>(0x10000, false);
  // Three-character group members by their first character: with the
  // middle one changed (入国贵) neither two-character end is intact.
  std::unordered_map<char32_t, std::vector<std::size_t>> short_by_first;
  std::set<std::u32string> all;
  std::shared_ptr<const Lexicon> lexicon;
};

enum class Edit { Changed, Added };

using chars::pair_key;

// A place where the text reads like a phrase with one edit: `at` is the
// edited character's index in the phrase (for Added, the phrase character
// the addition stands before, counted from the anchored end inward).
struct NearMiss {
  std::size_t begin = 0, end = 0;  // code points
  std::size_t phrase = 0;
  Edit edit = Edit::Changed;
  std::size_t at = 0;       // index in the phrase, from its front
  char32_t added = 0;       // the character added or put in its place
  bool operator<(const NearMiss& o) const {
    return std::tie(begin, end, phrase) < std::tie(o.begin, o.end, o.phrase);
  }
};

// Does `window` equal `phrase` with one character added, not inside the
// `kept` characters at the anchored end (front when from_front)? Fills the
// addition's place. (Changed and missing characters are not slips one can
// tell from coinages; see plausible().)
bool one_added(std::u32string_view window, std::u32string_view phrase, bool from_front, NearMiss& out,
               std::size_t kept = 2) {
  const std::size_t n = phrase.size(), m = window.size();
  if (m != n + 1) return false;
  const auto at = [&](std::u32string_view s, std::size_t k) { return from_front ? s[k] : s[s.size() - 1 - k]; };
  std::size_t k = 0;
  while (k < n && at(window, k) == at(phrase, k)) ++k;
  if (k < kept || !chars::is_han(at(window, k))) return false;
  for (std::size_t wi = k + 1, pi = k; pi < n; ++wi, ++pi)
    if (at(window, wi) != at(phrase, pi)) return false;
  out.edit = Edit::Added, out.at = from_front ? k : n - k, out.added = at(window, k);
  return true;
}

// 应保尽保, 一老一小: four characters built on a repeated one. Such a formula
// has a shape; a character added inside breaks it (应参保尽保).
bool parallel_formula(std::u32string_view p) {
  return p.size() == 4 && (p[0] == p[2] || p[1] == p[3]);
}

class SetPhraseRule : public Rule {
 public:
  SetPhraseRule(RuleInfo info, std::shared_ptr<const Vocabulary> v) : Rule(std::move(info)), v_(std::move(v)) {}

  void check(const Document& document, Emitter& emit) const override {
    for (std::size_t bi = 0; bi < document.blocks().size(); ++bi) {
      const Block& block = document.blocks()[bi];
      if (!in_scope(block)) continue;
      const CodePointText& cp = document.code_points(bi);
      const std::u32string& s = cp.chars;
      if (s.size() < 3) continue;
      std::set<NearMiss> found;
      std::vector<std::pair<std::size_t, std::size_t>> exact;  // phrase occurrences [begin, end)
      for (std::size_t i = 0; i + 1 < s.size(); ++i) {
        if (s[i] >= 0x10000 || v_->starts_pair[s[i]]) {
          const std::uint64_t bigram = pair_key(s[i], s[i + 1]);
          if (auto it = v_->by_head.find(bigram); it != v_->by_head.end())
            for (std::size_t p : it->second) look(s, i, p, true, found, exact);
          if (auto it = v_->by_tail.find(bigram); it != v_->by_tail.end())
            for (std::size_t p : it->second) look(s, i + 2, p, false, found, exact);
        }
        if (auto it = v_->short_by_first.find(s[i]); it != v_->short_by_first.end() && i + 2 < s.size())
          for (std::size_t p : it->second) {
            const std::u32string& t = v_->phrases[p].text;
            if (s[i + 2] == t[2] && s[i + 1] != t[1] && chars::is_han(s[i + 1]))
              found.insert({i, i + 3, p, Edit::Changed, 1, s[i + 1]});
          }
      }
      std::size_t last_end = 0;
      for (const NearMiss& m : found) {
        if (m.begin < last_end) continue;  // one finding per place
        if (!plausible(s, m, exact)) continue;
        last_end = m.end;
        const std::u32string_view written(s.data() + m.begin, m.end - m.begin);
        const std::string phrase = to_utf8(v_->phrases[m.phrase].text);
        const std::size_t b = cp.offsets[m.begin], e = cp.offsets[m.end];
        Finding& f = emit.report(block, b, e, {{"match", to_utf8(written)}, {"phrase", phrase}});
        emit.propose_fix(f, block, b, e, phrase);
      }
    }
  }

 private:
  // Tries phrase p anchored at s[at] (its first character when from_front,
  // else just past its last character).
  void look(const std::u32string& s, std::size_t at, std::size_t p, bool from_front, std::set<NearMiss>& found,
            std::vector<std::pair<std::size_t, std::size_t>>& exact) const {
    const std::u32string& phrase = v_->phrases[p].text;
    const std::size_t n = phrase.size();
    // The phrase as written (remembered, so that its own neighbourhood is
    // never a near miss), else the phrase with a character added.
    for (std::size_t m : {n, n + 1}) {
      const std::size_t begin = from_front ? at : (at >= m ? at - m : std::u32string::npos);
      if (begin == std::u32string::npos || begin + m > s.size()) continue;
      const std::u32string_view window(s.data() + begin, m);
      if (m == n) {
        if (window == phrase) {
          exact.emplace_back(begin, begin + n);
          return;
        }
        continue;
      }
      NearMiss miss{begin, begin + m, p};
      if (one_added(window, phrase, from_front, miss)) found.insert(miss);
    }
  }

  // Which near misses are slips. Policy prose coins variants of its
  // formulas all the time (提质升级 beside 提档升级, 扩围提质 beside
  // 扩容提质, 稳中有增 beside 稳中有进), so a changed character alone says
  // nothing; what does is an edit no one makes on purpose:
  // - a character doubled inside the phrase (一步步一个脚印);
  // - a character added inside a formula built on a repeated character
  //   (应参保尽保);
  // - the middle character of a three-character member of a formula group
  //   changed beside another member (入园难、入国贵、上好学难).
  bool plausible(const std::u32string& s, const NearMiss& m,
                 const std::vector<std::pair<std::size_t, std::size_t>>& exact) const {
    const Phrase& phrase = v_->phrases[m.phrase];
    const std::u32string& p = phrase.text;
    for (auto [b, e] : exact)
      if (b < m.end + 1 && m.begin < e + 1) return false;  // the phrase itself is written here
    const std::u32string_view written(s.data() + m.begin, m.end - m.begin);
    // Another formula or a word of its own (稳中有进, 一步步): not a slip.
    if (v_->all.count(std::u32string(written)) || (v_->lexicon && v_->lexicon->contains(written))) return false;
    if (p.size() >= 4) {
      // Only additions reach here for such phrases: a doubled character, or
      // one inside a formula with a shape.
      if (m.edit != Edit::Added) return false;
      const bool doubled = (m.at > 0 && p[m.at - 1] == m.added) || (m.at < p.size() && p[m.at] == m.added);
      return doubled || (parallel_formula(p) && m.at > 0 && m.at < p.size());
    }
    // A three-character member counts only beside another of its group.
    if (phrase.group < 0 || m.edit != Edit::Changed || m.at != 1) return false;
    for (std::size_t other : v_->groups[phrase.group])
      if (other != m.phrase && s.find(v_->phrases[other].text) != std::u32string::npos) return true;
    return false;
  }

  std::shared_ptr<const Vocabulary> v_;
};

std::shared_ptr<Vocabulary> load_vocabulary(const std::string& path, ParamReader& params) {
  auto v = std::make_shared<Vocabulary>();
  const std::optional<std::string> read = read_file(path);
  if (!read) {
    params.error_at("vocabulary", "cannot read the set-phrase list " + path);
    return nullptr;
  }
  const std::string& content = *read;
  YAML::Node root;
  try {
    root = load_yaml(content, path);
  } catch (const YAML::Exception& e) {
    params.add_error(make_load_error(path, content, e.mark, e.msg));
    return nullptr;
  }
  const auto bad = [&](const YAML::Node& node, const std::string& message) {
    params.add_error(make_load_error(path, content, node.Mark(), message));
  };
  if (!root.IsMap()) {
    bad(root, "a set-phrase list is a mapping with phrases: and groups:");
    return nullptr;
  }
  const auto add = [&](const YAML::Node& item, int group) -> std::size_t {
    const std::u32string text = item.IsScalar() ? code_points(item.Scalar()).chars : std::u32string();
    if (text.size() < 3) {
      bad(item, "a set phrase has three characters or more");
      return std::size_t(-1);
    }
    for (std::size_t i = 0; i < v->phrases.size(); ++i)
      if (v->phrases[i].text == text) {
        if (group >= 0) v->phrases[i].group = group;
        return i;
      }
    v->phrases.push_back({text, group});
    return v->phrases.size() - 1;
  };
  for (const auto& kv : root) {
    const std::string key = kv.first.Scalar();
    if (key == "phrases" && kv.second.IsSequence()) {
      for (const auto& item : kv.second) {
        const std::size_t i = add(item, -1);
        if (i != std::size_t(-1) && v->phrases[i].text.size() < 4) bad(item, "a phrase of three characters belongs in groups:");
      }
    } else if (key == "groups" && kv.second.IsSequence()) {
      for (const auto& group : kv.second) {
        if (!group.IsSequence() || group.size() < 2) {
          bad(group, "a group is a list of two phrases or more");
          continue;
        }
        const int g = static_cast<int>(v->groups.size());
        v->groups.emplace_back();
        for (const auto& item : group)
          if (const std::size_t i = add(item, g); i != std::size_t(-1)) v->groups.back().push_back(i);
      }
    } else {
      bad(kv.first, "unknown key '" + key + "' in a set-phrase list (phrases:, groups:)");
    }
  }
  for (std::size_t i = 0; i < v->phrases.size(); ++i) {
    const std::u32string& t = v->phrases[i].text;
    v->all.insert(t);
    v->by_head[pair_key(t[0], t[1])].push_back(i);
    v->by_tail[pair_key(t[t.size() - 2], t.back())].push_back(i);
    for (const char32_t first : {t[0], t[t.size() - 2]})
      if (first < 0x10000) v->starts_pair[first] = true;
    if (t.size() == 3) v->short_by_first[t[0]].push_back(i);
  }
  return v;
}

std::unique_ptr<Rule> create(RuleInfo info, ParamReader& params) {
  const std::string name = params.optional_string("vocabulary").value_or("vocabulary/set-phrases.yaml");
  auto v = load_vocabulary(resolve_rule_path(params.file(), name), params);
  // Read before giving up on a bad list, so that its errors are the only ones.
  std::vector<std::string> files = lexicon_files_param(params);
  if (!v) return nullptr;
  if (!files.empty()) v->lexicon = std::make_shared<const Lexicon>(std::move(files), std::vector<std::u32string>{});
  return std::make_unique<SetPhraseRule>(std::move(info), std::move(v));
}

}  // namespace

const RuleKind& set_phrase_kind() {
  static const RuleKind kind{"set-phrase",
                             "set phrases and policy formulas with a doubled or added character, or a wrong member of a formula group",
                             {"match", "phrase"},
                             {BlockKind::Body, BlockKind::Heading, BlockKind::ListItem},
                             &create};
  return kind;
}

}  // namespace kanwu
