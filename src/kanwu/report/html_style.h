// What a finding looks like in HTML, shared by the report file
// (`kanwu check --format html`) and the page `kanwu serve` shows, so that a
// finding looks the same in both (issue 12, item 4): the highlight in the
// text (<mark class="SEVERITY">), the entry in the side list
// (<div class="finding SEVERITY"> with .rule, .fix, related links) and the
// words for a fix. The report renders this markup in C++, the page in
// JavaScript from the JSON report; both use these classes and labels.
#pragma once

#include <string_view>

namespace kanwu::html {

inline constexpr std::string_view kFindingStyle = R"(
mark{background:#fff1a8;border-bottom:2px solid #d4a800}mark.error{background:#ffd6d6;border-color:#d00}mark.info{background:#dff0ff;border-color:#39f}
mark.hidden{background:none;border:none}.finding{margin:6px 0;padding:4px 6px;border-left:3px solid #d4a800;background:#fff}
.finding.error{border-color:#d00}.finding.info{border-color:#39f}.finding.hidden{display:none}
.rule{font-family:monospace;color:#555}a{color:#06c}
.fix{color:#070}
:target{outline:2px solid #06c}
)";

// A fix plain --fix writes (cannot change the meaning), and a suggestion
// the editor should read first.
inline constexpr std::string_view kSafeFixLabel = "修正";
inline constexpr std::string_view kSuggestionLabel = "建议";

// Severity names as the JSON report spells them, in Chinese.
inline constexpr std::string_view kErrorLabel = "错误";
inline constexpr std::string_view kWarningLabel = "警告";
inline constexpr std::string_view kInfoLabel = "提示";

}  // namespace kanwu::html
