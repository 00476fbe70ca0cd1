#include "kanwu/kinds/mixed_forms.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>

#include "kanwu/rules/params.h"
#include "kanwu/text/utf8.h"

namespace kanwu {

namespace {

struct FormGroup {
  std::vector<std::string> forms;
  int prefer = -1;  // index of the form that always wins, or -1: the majority wins
};

// ”、“ and 》、《: a separator between a closing and an opening mark (”“
// alone has none).
bool between_marks(std::string_view form) {
  const bool marks = (form.starts_with("”") && form.ends_with("“")) || (form.starts_with("》") && form.ends_with("《"));
  return marks && form.size() > 6;
}

class MixedFormsRule : public Rule {
 public:
  MixedFormsRule(RuleInfo info, std::vector<FormGroup> groups, std::string item_ends)
      : Rule(std::move(info)), groups_(std::move(groups)), item_ends_(std::move(item_ends)) {}

  void check(const Document& document, Emitter& emit) const override {
    struct Place {
      const Block* block;
      std::size_t at;
    };
    // places[g][f]: where form f of group g is written, in document order.
    // Blocks outside, forms inside: each paragraph is read while it is in
    // the processor's cache (the other way round, a 9 MB file streamed from
    // memory once per form and the rule took three times as long).
    std::vector<std::vector<std::vector<Place>>> places(groups_.size());
    for (std::size_t g = 0; g < groups_.size(); ++g) places[g].resize(groups_[g].forms.size());
    for (const Block& block : document.blocks()) {
      if (!in_scope(block)) continue;
      for (std::size_t g = 0; g < groups_.size(); ++g) {
        for (std::size_t f = 0; f < groups_[g].forms.size(); ++f) {
          const std::string& form = groups_[g].forms[f];
          for (std::size_t at = block.text.find(form); at != std::string::npos; at = block.text.find(form, at + form.size()))
            if (!between_marks(form) || item_ends_list(block.text, at + form.size())) places[g][f].push_back({&block, at});
        }
      }
    }
    for (std::size_t g = 0; g < groups_.size(); ++g) report(groups_[g], places[g], emit);
  }

 private:
  template <typename Places>
  void report(const FormGroup& group, const Places& places, Emitter& emit) const {
    const std::size_t used = std::count_if(places.begin(), places.end(), [](const auto& p) { return !p.empty(); });
    if (used < 2) return;
    // The winner: the preferred form, else the most used (the first listed
    // on a tie).
    std::size_t winner = 0;
    if (group.prefer >= 0) {
      winner = static_cast<std::size_t>(group.prefer);
      if (places[winner].empty()) return;
    } else {
      for (std::size_t f = 1; f < places.size(); ++f)
        if (places[f].size() > places[winner].size()) winner = f;
    }
    for (std::size_t f = 0; f < places.size(); ++f) {
      if (f == winner) continue;
      for (const auto& p : places[f]) {
        Finding& finding = emit.report(*p.block, p.at, p.at + group.forms[f].size(),
                                       {{"match", group.forms[f]},
                                        {"usual", group.forms[winner]},
                                        {"count", std::to_string(places[winner].size())}});
        emit.propose_fix(finding, *p.block, p.at, p.at + group.forms[f].size(), group.forms[winner]);
      }
    }
  }

  // GB/T 15834 4.5.3.5 keeps the 顿号 where other words stand between the
  // quoted items: “拉手”而不是“松手”、“延链”而不是“断链” lists two phrases,
  // not quoted items. The quoted item after the separator must end the list
  // item: its closing mark followed by one of item_ends (、，。等的…) or the
  // end of the paragraph.
  bool item_ends_list(std::string_view text, std::size_t item_begin) const {
    if (item_ends_.empty()) return true;
    const std::size_t close = std::min(text.find("”", item_begin), text.find("》", item_begin));
    if (close == std::string_view::npos || close - item_begin > 90) return false;
    const std::size_t after = close + std::string_view("”").size();
    if (after >= text.size()) return true;
    const auto len = static_cast<std::size_t>(utf8::sequence_length(text[after]));
    return item_ends_.find(text.substr(after, len)) != std::string::npos;
  }

  std::vector<FormGroup> groups_;
  std::string item_ends_;
};

std::unique_ptr<Rule> create(RuleInfo info, ParamReader& params) {
  std::vector<FormGroup> groups;
  // groups: a list of lists of forms; a form written with a leading "!"
  // always wins in its group.
  for (const auto& entry : params.strings_lists("groups")) {
    FormGroup g;
    for (const auto& form : entry) {
      const bool preferred = form.starts_with("!");
      const std::string text = preferred ? form.substr(1) : form;
      if (text.empty()) {
        params.error_at("groups", "forms must not be empty");
        continue;
      }
      if (preferred) {
        if (g.prefer >= 0) params.error_at("groups", "a group has at most one preferred (!) form");
        g.prefer = static_cast<int>(g.forms.size());
      }
      g.forms.push_back(text);
    }
    if (g.forms.size() < 2) params.error_at("groups", "a group lists two forms or more");
    else groups.push_back(std::move(g));
  }
  std::string item_ends = params.optional_string("quoted_item_ends").value_or("");
  return std::make_unique<MixedFormsRule>(std::move(info), std::move(groups), std::move(item_ends));
}

}  // namespace

const RuleKind& mixed_forms_kind() {
  static const RuleKind kind{"mixed-forms",
                             "one document writing the same thing two ways (近5年 / 近五年)",
                             {"match", "usual", "count"},
                             {BlockKind::Body, BlockKind::Heading, BlockKind::ListItem, BlockKind::Caption},
                             &create};
  return kind;
}

}  // namespace kanwu
