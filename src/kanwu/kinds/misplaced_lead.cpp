#include "kanwu/kinds/misplaced_lead.h"

#include "kanwu/rules/params.h"
#include "kanwu/text/utf8.h"

namespace kanwu {

namespace {

constexpr std::size_t kMinLeadChars = 40;  // a paragraph, not a caption or slogan

class MisplacedLeadRule : public Rule {
 public:
  MisplacedLeadRule(RuleInfo info, std::vector<std::string> byline_starts)
      : Rule(std::move(info)), byline_starts_(std::move(byline_starts)) {}

  void check(const Document& document, Emitter& emit) const override {
    if (document.format() != DocumentFormat::PlainText) return;
    const auto& blocks = document.blocks();
    // Only the first byline of the page: later stories of a multi-story
    // file have their own headlines and bylines after earlier stories.
    std::size_t byline = blocks.size();
    for (std::size_t i = 0; i < blocks.size(); ++i)
      if (is_author_byline(blocks[i])) {
        byline = i;
        break;
      }
    if (byline == blocks.size() || byline == 0) return;
    const Block& headline = blocks[byline - 1];
    if (headline.kind != BlockKind::Heading) return;
    for (std::size_t i = 0; i + 1 < byline; ++i) {
      const Block& b = blocks[i];
      if (b.kind != BlockKind::Body || utf8::count_code_points(b.text) < kMinLeadChars) continue;
      Finding& f = emit.report(b, 0, first_sentence_end(b.text), {{"headline", headline.text}});
      emit.add_related(f, headline, 0, headline.text.size(), "标题与署名在此之后");
      return;
    }
  }

 private:
  bool is_author_byline(const Block& b) const {
    if (b.kind != BlockKind::Byline) return false;
    for (const auto& start : byline_starts_)
      if (b.text.starts_with(start)) return true;
    return false;
  }

  static std::size_t first_sentence_end(std::string_view text) {
    const std::size_t stop = text.find("。");
    return stop == std::string_view::npos ? text.size() : stop + std::string_view("。").size();
  }

  std::vector<std::string> byline_starts_;
};

std::unique_ptr<Rule> create(RuleInfo info, ParamReader& params) {
  auto starts = params.strings("byline_starts");
  if (starts.empty()) params.error_at("byline_starts", "misplaced-lead needs byline_starts: (□, 本报记者, 记者…)");
  return std::make_unique<MisplacedLeadRule>(std::move(info), std::move(starts));
}

}  // namespace

const RuleKind& misplaced_lead_kind() {
  static const RuleKind kind{"misplaced-lead",
                             "body text set before the headline and byline it belongs under",
                             {"headline"},
                             {BlockKind::Body},
                             &create};
  return kind;
}

}  // namespace kanwu
